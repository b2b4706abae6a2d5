"""The keyword rules behind :mod:`.metrics`: English patterns from the most to the least
specific, the words that gate each rule, and the Chinese statistical-bulletin terms, each
mapped to a ``metric_type`` of the gold vocabulary (or left untyped)."""

from __future__ import annotations

from factscope.importers.lexicon import en
from factscope.importers.lexicon.common import alternation

METRIC_RULES: tuple[tuple[str, str], ...] = (
    ("trade_dependence", r"dependence\s+on\s+(?:foreign\s+)?trade|trade\s+dependence|"
                         r"foreign\s+trade\s+dependence|degree\s+of\s+dependence"),
    ("trade_balance", r"trade\s+(?:surplus|deficit|balance)"),
    ("gdp_per_capita", r"per\s+capita\s+(?:GDP|gross\s+domestic\s+product)|"
                       r"GDP\s+per\s+capita"),
    ("gdp", r"\bGDP\b|gross\s+domestic\s+product|gross\s+regional\s+product|economic\s+output"),
    ("fdi", r"foreign\s+direct\s+investment|\bFDI\b|foreign\s+(?:capital|investment)|"
            r"overseas\s+investment|paid-in\s+foreign"),
    # Trade "with", exports "to", imports "from" a partner: a group of countries or a name.
    # "Exports from eastern Zhejiang" names the origin. The only rule matched on the original
    # text (see _CASED): a partner's name is a capitalized word, no month, not "GDP".
    ("trade_with_partner", r"bilateral\s+trade\b|"
                           r"(?:trade\b[^.;]{0,40}?\b(?:with|to|from)|"
                           r"trade\s+between\b[^.;]{0,80}?\band|"
                           r"imports?\s+and\s+exports?\b[^.;]{0,40}?\b(?:with|to|from)|"
                           r"exports?\s+and\s+imports?\b[^.;]{0,40}?\b(?:with|to|from)|"
                           r"exports?\b[^.;]{0,40}?\b(?:to|with)|"
                           r"imports?\b[^.;]{0,40}?\b(?:from|with))"
                           r"\s+(?:the\s+)?(?:(?:\d+|[a-z]+)\s+)?"  # "the five", "other"
                           r"(?:countries|economies|partners|nations|members|(?-i:(?!"
                           rf"(?:{alternation(en.MONTH_NAMES)}|GDP)\b)"
                           r"(?:[A-Z][a-z]+|[A-Z]{2,}\b)))"),
    ("trade_total", r"imports?\s+and\s+exports?|exports?\s+and\s+imports?|import-export|"
                    r"import\s+&\s+export|foreign\s+trade|total\s+trade|trade\s+(?:volume|value)|"
                    r"goods\s+trade|trade\s+in\s+goods|cross-border\s+e-commerce"),
    ("exports", r"\bexport"),
    ("imports", r"\bimport"),
    ("fiscal_revenue", r"fiscal\s+revenue|budget(?:ary)?\s+revenue|tax\s+revenue|"
                       r"general\s+public\s+budget"),
    ("subsidy", r"\bsubsid(?:y|ies|ized?|ised?)\b|allowance|\breward|\bgrant|\bbonus"),
    ("investment", r"\binvest"),
    ("disposable_income", r"disposable\s+income"),
    ("revenue", r"revenue|\bsales\b|business\s+income|operating\s+income|turnover"),
    ("industry_scale", r"output\s+value|industrial\s+output|industry\s+scale|scale\s+of\s+the|"
                       # 增加值: "industrial added value", "value added" (not the tax)
                       r"added\s+value|value[\s-]added(?!\s+tax)"),
    # "the city's economy grew 6% to ...": a regional economy (not "digital", "private" ...)
    # whose size or growth is stated, or the phrase "economy" alone. Last, so that "as the
    # economy recovered, exports rose ..." stays exports. Led by the literal word (the engine
    # then finds it as fast as str.find), the determiner checked by look-behinds.
    ("gdp", r"economy(?:(?<=^economy)|(?<=\bthe\seconomy)|(?<=\bits\seconomy)|"
            r"(?<=\btheir\seconomy)|(?<=\bwhose\seconomy)|(?<=\boverall\seconomy)|"
            r"(?<=\bwhole\seconomy)|(?<=\bentire\seconomy)|(?<=['’]s\seconomy))"
            r"(?:\s+(?:grew|grow|grows|expanded|expand|expands|rose|rise|rises|increased|"
            r"reached|totaled|totalled|hit|amounted|stood|was|is)\b|$)"),
)  # fmt: skip
# Words one of which every match of a rule contains: a rule is tried only when one is present.
RULE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "trade_dependence": ("dependence",), "trade_balance": ("trade",),
    "gdp_per_capita": ("capita",), "gdp": ("gdp", "gross", "economic", "economy"),
    "fdi": ("foreign", "fdi", "overseas", "paid-in"),
    "trade_with_partner": ("trade", "import", "export"),
    "trade_total": ("import", "export", "trade", "commerce"), "exports": ("export",),
    "imports": ("import",), "fiscal_revenue": ("revenue", "budget"),
    "subsidy": ("subsid", "allowance", "reward", "grant", "bonus"), "investment": ("invest",),
    "disposable_income": ("income",),
    "revenue": ("revenue", "sales", "income", "turnover"),
    "industry_scale": ("output", "industr", "scale", "added"),
}  # fmt: skip

# The literals (folded) one of which every match of a rule opens with: the matcher tries a
# rule only where one of them stands, not at every position of the text (a test derives the
# openings from the patterns and checks them against these).
RULE_STARTS: dict[str, tuple[str, ...]] = {
    "trade_dependence": ("dependence", "trade", "foreign", "degree"),
    "trade_balance": ("trade",), "gdp_per_capita": ("per", "gdp"),
    "gdp": ("gdp", "gross", "economic", "economy"),
    "fdi": ("foreign", "fdi", "overseas", "paid-in"),
    "trade_with_partner": ("bilateral", "trade", "import", "export"),
    "trade_total": ("import", "export", "foreign", "total", "trade", "goods", "cross-border"),
    "exports": ("export",), "imports": ("import",),
    "fiscal_revenue": ("fiscal", "budget", "tax", "general"),
    "subsidy": ("subsid", "allowance", "reward", "grant", "bonus"), "investment": ("invest",),
    "disposable_income": ("disposable",),
    "revenue": ("revenue", "sales", "business", "operating", "turnover"),
    "industry_scale": ("output", "industrial", "industry", "scale", "added", "value"),
}  # fmt: skip

TYPE_PHRASES: dict[str, str] = {
    "trade_total": "foreign trade", "exports": "exports", "imports": "imports",
    "trade_balance": "trade balance", "trade_with_partner": "trade with partners",
    "gdp": "GDP", "gdp_per_capita": "GDP per capita", "fdi": "foreign investment",
    "investment": "investment", "industry_scale": "industrial output", "revenue": "revenue",
    "fiscal_revenue": "fiscal revenue", "subsidy": "subsidies",
    "trade_dependence": "dependence on foreign trade", "area": "area",
    "duration": "duration",
}  # fmt: skip
"""A plain phrase for each ``metric_type``, for figures whose text names no metric."""

# Recognized as metric phrases (so the phrase is kept and no broader rule claims it) but
# outside the gold ``metric_type`` vocabulary: their type is None.
UNTYPED = frozenset({"disposable_income"})

# Chinese statistical-bulletin terms, each written with the modifiers it usually carries so
# that the match is the phrase as written ("规模以上工业增加值", "外贸进出口总额"). At one
# position the first rule wins, so the specific ones come first (人均地区生产总值 before
# 地区生产总值, 实际使用外资 before 投资, 进出口 before 出口). Retail sales are ``revenue``, as
# "retail sales" is in English; a population is a ``count``.
ZH_METRIC_RULES: tuple[tuple[str, str], ...] = (
    ("trade_dependence", r"(?:外贸|对外贸易)依存度"),
    ("trade_balance", r"(?:贸易|进出口|外贸)(?:顺差|逆差|差额)"),
    ("gdp_per_capita", r"人均(?:地区)?生产总值|人均GDP"),
    ("disposable_income", r"(?:(?:城镇|农村|全体)?居民)?人均可支配收入|可支配收入"),
    ("gdp", r"(?:地区|国内)?生产总值|GDP|经济总量"),
    ("fdi", r"(?:实际)?(?:使用|利用)外资(?:金额|额)?|外商(?:直接)?投资|合同外资"),
    ("trade_with_partner", r"对(?!外)[^，。；、：:,;\d]{1,12}?(?:进出口|出口|进口)"
                           r"(?:总额|总值|额)?|"
                           r"(?<!参)与[^，。；、：:,;\d]{1,12}?(?:双边)?贸易(?:总额|额)?"),
    ("trade_total", r"(?:外贸|货物贸易|对外贸易)?进出口(?:贸易)?(?:总额|总值|额|规模)?|"
                    r"(?:外贸|对外贸易|货物贸易|服务贸易)(?:总额|总值|额|规模)?|"
                    r"跨境电商(?:进出口)?(?:交易额|额)?"),
    ("exports", r"(?:外贸|货物|商品)?出口(?:总额|总值|额)?"),
    ("imports", r"(?:外贸|货物|商品)?进口(?:总额|总值|额)?"),
    ("fiscal_revenue", r"(?:地方)?一般公共预算收入|(?:地方)?财政(?:总)?收入|税收(?:收入)?"),
    ("subsidy", r"补贴|补助|奖补|奖励|资助"),
    ("investment", r"(?:全社会)?固定资产投资(?:额)?|(?:项目|产业|工业|民间)?投资(?:总额|额)?"),
    ("revenue", r"社会消费品零售总额|(?:营业|销售|主营业务)收入|营收|销售额"),
    ("industry_scale", r"(?:规模以上|规上)?工业(?:增加值|总产值|产值)|(?:总)?产值|"
                       r"(?:第[一二三]产业|服务业|农业|建筑业)?增加值"),
    ("count", r"(?:常住|户籍)?人口"),
)  # fmt: skip
