"""Metric phrases and types, shares and thresholds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factscope.importers.extract import extract_facts, metrics
from factscope.importers.extract._fold import fold_case
from factscope.importers.extract.metric_rules import TYPE_PHRASES
from factscope.importers.extract.text_index import offsets_of


@pytest.mark.parametrize(
    ("phrase", "metric_type"),
    [
        ("the province's total import and export value", "trade_total"),
        ("exports of electronic products", "exports"),
        ("imports of crude oil", "imports"),
        ("trade surplus", "trade_balance"),
        ("exports to ASEAN countries", "trade_with_partner"),
        ("GDP", "gdp"),
        ("per capita GDP", "gdp_per_capita"),
        ("actual use of foreign capital", "fdi"),
        ("fixed-asset investment", "investment"),
        ("general public budget revenue", "fiscal_revenue"),
        ("operating revenue", "revenue"),
        ("housing subsidies", "subsidy"),
        ("dependence on foreign trade", "trade_dependence"),
        ("industrial output value", "industry_scale"),
        # a metric outside the gold vocabulary: recognized, but untyped
        ("per capita disposable income of urban residents", None),
        ("a subsidiary of the group", None),
        # Chinese bulletin terms map to the same vocabulary
        ("外贸进出口总额", "trade_total"),
        ("进出口", "trade_total"),
        ("出口额", "exports"),
        ("进口", "imports"),
        ("贸易顺差", "trade_balance"),
        ("对东盟出口", "trade_with_partner"),
        ("对外贸易总额", "trade_total"),  # 对外 is "foreign", no partner
        ("地区生产总值", "gdp"),
        ("GDP", "gdp"),
        ("人均地区生产总值", "gdp_per_capita"),
        ("实际使用外资", "fdi"),
        ("利用外资", "fdi"),
        ("全社会固定资产投资", "investment"),
        ("一般公共预算收入", "fiscal_revenue"),
        ("营业收入", "revenue"),
        ("社会消费品零售总额", "revenue"),  # as "retail sales" in English
        ("规模以上工业增加值", "industry_scale"),
        ("第三产业增加值", "industry_scale"),
        ("农村居民人均可支配收入", None),
        ("常住人口", "count"),
        ("外贸依存度", "trade_dependence"),
        ("住房补贴", "subsidy"),
        ("天气晴朗", None),
    ],
)
def test_classify(phrase: str, metric_type: str | None) -> None:
    assert metrics.classify(phrase) == metric_type


def test_metric_after_and_before() -> None:
    text = "the parks earned 3 billion yuan in sales revenue, and"
    assert metrics.metric_after(text, text.index("yuan") + 4, len(text)) == "sales revenue"
    # a possessive owner ("The county's") is no part of the metric
    assert metrics.metric_before("The county's annual foreign trade volume in 2021 reached") == (
        "annual foreign trade volume"
    )


# Own sentences in the genre: the figure follows the text given; the metric phrase keeps no
# place names, datelines, possessive owners, leading articles or introducing verbs.
@pytest.mark.parametrize(
    ("sentence", "metric", "metric_type"),
    [
        ("NANJING — Foreign trade in Nanjing hit 620 billion yuan in 2022.", "foreign trade",
         "trade_total"),
        ("Fujian Province foreign trade reached 1.9 trillion yuan last year.", "foreign trade",
         "trade_total"),
        ("Jiading District total import and export volume stood at 180 billion yuan in 2021.",
         "total import and export volume", "trade_total"),
        ("Ningbo is a port city. The city's exports rose to 430 billion yuan in 2021.",
         "exports", "exports"),
        ("Tianjin is a municipality. The municipality's total foreign trade was 850 billion "
         "yuan in 2022.", "total foreign trade", "trade_total"),
        ("The gross domestic product of Wuxi reached 1.4 trillion yuan in 2021.",
         "gross domestic product", "gdp"),
        ("Jiangxi Province exported goods worth 500 billion yuan in 2022.", "exports",
         "exports"),
        ("Yunnan reported a fiscal revenue of 200 billion yuan in 2021.", "fiscal revenue",
         "fiscal_revenue"),
        ("Exports from the Haidian District in Beijing totaled 30 billion yuan in 2020.",
         "exports", "exports"),
        ("Tax revenue collected in Jiading District amounted to 25 billion yuan in 2021.",
         "tax revenue", "fiscal_revenue"),
        ("Cross-border e-commerce in Yiwu passed 100 billion yuan in 2022.",
         "cross-border e-commerce", "trade_total"),
        ("Exports of textiles accounted for 30 percent of the total in Shaoxing in 2021.",
         "exports of textiles", "exports"),
        ("Guangxi's trade with ASEAN members reached 270 billion yuan in 2021.",
         "trade with ASEAN members", "trade_with_partner"),
    ],
)  # fmt: skip
def test_metric_phrase_in_sentence(sentence: str, metric: str, metric_type: str) -> None:
    facts = [f for f in extract_facts(sentence) if f.unit in ("CNY", "percent")]
    assert facts, sentence
    assert (facts[0].metric, facts[0].metric_type) == (metric, metric_type)


# Own sentences in the genre of Chinese statistical news: the metric is the bulletin term as
# written, without the place, the period or the verb before the figure.
@pytest.mark.parametrize(
    ("sentence", "quote", "metric", "metric_type"),
    [
        ("2022年，合肥市地区生产总值达到12013亿元。", "12013亿元", "地区生产总值", "gdp"),
        ("前三季度，福建省外贸进出口总额1.5万亿元。", "1.5万亿元", "外贸进出口总额",
         "trade_total"),
        ("1-8月，宁波市出口额5200亿元，进口额2300亿元。", "5200亿元", "出口额", "exports"),
        ("1-8月，宁波市出口额5200亿元，进口额2300亿元。", "2300亿元", "进口额", "imports"),
        ("上半年，湖南省社会消费品零售总额8700亿元。", "8700亿元", "社会消费品零售总额",
         "revenue"),
        ("今年前7个月，重庆市规模以上工业增加值同比增长5.6%。", "5.6%", "规模以上工业增加值",
         "industry_scale"),
        ("全年全省固定资产投资同比下降2.4%。", "2.4%", "固定资产投资", "investment"),
        ("2021年，江西省一般公共预算收入2800亿元。", "2800亿元", "一般公共预算收入",
         "fiscal_revenue"),
        ("2022年，厦门市实际使用外资28亿美元。", "28亿美元", "实际使用外资", "fdi"),
        ("2021年，长沙市城镇居民人均可支配收入6.2万元。", "6.2万元", "城镇居民人均可支配收入",
         None),
        ("2022年末，西安市常住人口1300万人。", "1300万人", "常住人口", "count"),
        ("2022年，成都市GDP突破2万亿元。", "2万亿元", "GDP", "gdp"),
        # another quantity named before a change: the change is its own, not the amount's
        ("1-6月，无锡市出口额1800亿元，进口增长4.2%。", "4.2%", "进口", "imports"),
    ],
)  # fmt: skip
def test_chinese_metric_phrase(sentence: str, quote: str, metric: str, metric_type: str) -> None:
    [fact] = [f for f in extract_facts(sentence) if f.quote == quote]
    assert (fact.metric, fact.metric_type) == (metric, metric_type)


def test_chinese_change_of_another_quantity_stays_apart() -> None:
    facts = extract_facts("1-6月，无锡市出口额1800亿元，进口增长4.2%。")
    assert [(f.quote, f.kind, f.change_percent) for f in facts] == [
        ("1800亿元", "level", None),
        ("4.2%", "change", 4.2),
    ]


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ("Zhejiang Province exported goods worth ", "exports"),  # only a verb form: type phrase
        ("firms with annual business revenue of at least ", "annual business revenue"),
        ("the area's imports of crude oil were ", "imports of crude oil"),
        ("In May exports ", "May exports"),  # a month keeps its capital
        ("no keyword here ", None),
    ],
)
def test_metric_before_tidies(context: str, expected: str | None) -> None:
    assert metrics.metric_before(context) == expected


def test_type_phrases_classify_as_their_type() -> None:
    for metric_type, phrase in TYPE_PHRASES.items():
        if metric_type not in ("area", "duration"):
            assert metrics.classify(phrase) == metric_type, phrase


def test_share_and_threshold() -> None:
    assert metrics.is_share("an export volume accounting for ", " of the total")
    assert metrics.share_of(" of its total exports, up") == "its total exports"
    assert metrics.is_threshold("firms with annual sales of at least ")
    assert not metrics.is_threshold("the firm earned ")


def test_untyped_metrics_keep_their_phrase() -> None:
    """Household income is no type of the gold vocabulary, but it is still the metric."""
    phrase = metrics.metric_before("Per capita disposable income of urban residents in Wenzhou was")
    assert phrase is not None and "disposable income" in phrase
    assert metrics.classify(phrase) is None


# Own sentences: a partner is what exports go "to", imports come "from", trade is "with" --
# a name (capitalized in the text) or a group of countries; "exports from <place>" is the
# origin, and a month is no partner.
@pytest.mark.parametrize(
    ("sentence", "quote", "metric", "metric_type"),
    [
        ("Exports from southern Guangdong province rose 4.1% to 5.3 trillion yuan.",
         "5.3 trillion yuan", "exports", "exports"),
        ("Exports from Jiangsu province reached 3.4 trillion yuan.", "3.4 trillion yuan",
         "exports", "exports"),
        ("The exports of Xiamen to ASEAN members totaled 120 billion yuan.",
         "120 billion yuan", "exports to ASEAN members", "trade_with_partner"),
        ("Imports from Australia into Rizhao fell to 30 billion yuan.", "30 billion yuan",
         "Imports from Australia", "trade_with_partner"),
        ("Exports to the EU from Yiwu totaled 60 billion yuan.", "60 billion yuan",
         "exports to the EU", "trade_with_partner"),
        ("Imports from January to April came to 700 billion yuan.", "700 billion yuan",
         "Imports from January to April", "imports"),
        ("Exports rose to a record 2.1 trillion yuan.", "2.1 trillion yuan", "exports",
         "exports"),
        ("Imports and exports with Belt and Road countries hit 410 billion yuan.",
         "410 billion yuan", "Imports and exports with Belt and Road countries",
         "trade_with_partner"),
    ],
)  # fmt: skip
def test_trade_partner_needs_a_partner(
    sentence: str, quote: str, metric: str, metric_type: str
) -> None:
    [fact] = [f for f in extract_facts(sentence) if f.quote == quote]
    assert (fact.metric, fact.metric_type) == (metric, metric_type)


@pytest.mark.parametrize(
    ("phrase", "metric_type"),
    [
        ("exports to Japan", "trade_with_partner"),
        ("imports from RCEP members", "trade_with_partner"),
        ("trade with African countries", "trade_with_partner"),
        ("exports from eastern Fujian", "exports"),
        ("imports to the port", "imports"),
        ("the ratio of exports to GDP", "gdp"),  # GDP is no partner
        ("industrial added value", "industry_scale"),
        ("the added value of the service sector", "industry_scale"),
        ("value added of manufacturing", "industry_scale"),
        ("value-added tax", None),
        ("economy", "gdp"),
        ("digital economy", None),
    ],
)
def test_classify_partners_added_value_and_economy(phrase: str, metric_type: str | None) -> None:
    assert metrics.classify(phrase) == metric_type


@pytest.mark.parametrize(
    ("sentence", "quote", "metric", "metric_type"),
    [
        ("The added value of industrial enterprises above designated size in Yangzhou rose 5.9 "
         "percent.", "5.9 percent",
         "added value of industrial enterprises above designated size", "industry_scale"),
        ("Industrial added value in Baotou grew 8 percent in 2021.", "8 percent",
         "industrial added value", "industry_scale"),
        ("Luoyang saw its economy expand 3.8 percent to 560 billion yuan.", "560 billion yuan",
         "economy", "gdp"),
        ("As the economy picked up, exports from Nantong rose 5 percent to 310 billion yuan.",
         "310 billion yuan", "exports", "exports"),
        ("The digital economy of Guiyang reached 200 billion yuan.", "200 billion yuan", None,
         None),
        # the verb after the metric is no part of it
        ("Hubei's consumption grew, with online retail sales soaring 21 percent.", "21 percent",
         "online retail sales", "revenue"),
        ("Public investment in Hunan slid 2.4 percent.", "2.4 percent", "public investment",
         "investment"),
    ],
)  # fmt: skip
def test_added_value_economy_and_verbs_after_the_metric(
    sentence: str, quote: str, metric: str | None, metric_type: str | None
) -> None:
    [fact] = [f for f in extract_facts(sentence) if f.quote == quote]
    assert (fact.metric, fact.metric_type) == (metric, metric_type)


@pytest.mark.parametrize(
    ("sentence", "quote", "metric", "metric_type"),
    [
        # a small move and the figure's own change are no part of the metric
        (
            "Exports inched up 1.2% to 88 billion yuan in 2019.",
            "88 billion yuan",
            "exports",
            "exports",
        ),
        (
            "Foreign investment ticked down 0.4 percent to 6.5 billion US dollars.",
            "6.5 billion US dollars",
            "foreign investment",
            "fdi",
        ),
        # a modal and the verb of offering lead the metric, they are not in it
        (
            "The city will grant subsidies of up to 50,000 yuan per firm.",
            "50,000 yuan",
            "subsidies",
            "subsidy",
        ),
        (
            "Qualified firms could receive rewards of 200,000 yuan.",
            "200,000 yuan",
            "rewards",
            "subsidy",
        ),
    ],
)
def test_metric_leaves_out_small_moves_and_modals(
    sentence: str, quote: str, metric: str, metric_type: str
) -> None:
    got = {f.quote: (f.metric, f.metric_type) for f in extract_facts(sentence)}
    assert got[quote] == (metric, metric_type)


def test_trade_between_a_place_and_a_partner() -> None:
    text = "Trade between Guangxi and ASEAN countries reached 380 billion yuan in 2021."
    [fact] = extract_facts(text)
    assert fact.metric_type == "trade_with_partner"
    assert fact.metric == "trade with ASEAN countries"


@pytest.mark.parametrize(
    ("phrase", "tidied"),
    [
        ("retail sales in May", "retail sales"),  # the month is the period
        ("exports during\xa0March 2020", "exports"),  # any white space before the tail
        ("goods shipped in bulk", "goods"),  # a participle and what follows
        ("goods shipped\tby rail to Europe", "goods"),
        ("investment in new energy", "investment in new energy"),  # neither tail
    ],
)
def test_tidy_drops_month_and_participle_tails(phrase: str, tidied: str) -> None:
    assert metrics.tidy(phrase) == tidied


_GATE_CASES = [
    "exports to exports to Japan rose",  # a second start inside the first match
    "reexports to Japan and re-exports to Korea",  # a start inside a word: \b decides
    "Total imports and exports with the EU; bilateral trade with Russia",
    "import-export trade between Shanghai and Tokyo, trade with 12 partners",
    "gross domestic product (GDP) of the city and GDP per capita, per capita GDP",
    "the economy grew; the digital economy grew; economy",
    "subsidies, subsidized allowance, rewards, grants and a bonus; subsidiary",
    "fiscal revenue, budgetary revenue, tax revenue, general public budget income",
    "value-added tax, value added, added value, industrial output value, scale of the",
    "tradetrade trade trade",  # adjacent and repeated starts
    "trade",  # a start at the very end
]


@pytest.mark.parametrize("text", _GATE_CASES)
def test_rules_tried_at_their_starts_match_as_a_full_scan(text: str) -> None:
    # The rules run only where one of their opening literals stands; the matches must be the
    # ones a scan of every position finds, on the folded text and (cased rule) the original.
    folded = fold_case(text)
    for _name, pattern, cased, literals in metrics._RULES:
        starts = offsets_of(folded, literals)
        gated = [m.span() for m in metrics._finditer(pattern, folded, starts)]
        assert gated == [m.span() for m in pattern.finditer(folded)], (pattern.pattern, text)
        if cased is not None:
            gated = [m.span() for m in metrics._finditer(cased, text, starts)]
            assert gated == [m.span() for m in cased.finditer(text)], (text,)


@pytest.mark.parametrize(
    "text", ["a\u2003b", " \xa0a\t\nb\x1c c\u3000", "a\x85b\u2028", "x", "", " , a\u2009-\u2009"]
)
def test_split_is_the_white_space_of_the_pattern_tidy_replaced(text: str) -> None:
    # tidy joins str.split() instead of substituting r"\s+": the same characters must count
    # as white space, or a phrase would change.
    assert " ".join(text.split()) == re.sub(r"\s+", " ", text).strip(" ")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Shanghai’s\u2003exports", "exports"),  # a possessive after odd white space
        ("the city's\xa0\xa0foreign trade, ", "foreign trade"),
        ("\u3000 ,exports of goods -", "exports of goods"),
        ("exports 's", "exports 's"),  # no owner before it: nothing is cut
    ],
)
def test_tidy_normalises_space_before_cutting_an_owner(phrase: str, expected: str) -> None:
    assert metrics.tidy(phrase) == expected


@pytest.mark.parametrize(
    "tail",
    [
        "foreign trade volume in 2020 amounted to ",
        "Exports REACHED ",
        "exports In 2020 Reached ",
        "exports\nreached a high\nwere ",  # "." stops at a line break: the later verb
        "exports reached \n",  # "$" before a final line break keeps it
        "export value ſtood at ",  # long s: IGNORECASE and the fold both read it as "s"
        "export volume",
        "",
        "revenue wasn't ",
    ],
)
def test_verb_cut_on_the_folded_tail_is_the_pattern_s(tail: str) -> None:
    # The verb that introduces a figure is found by a case-sensitive twin on the folded tail;
    # the result must be the IGNORECASE pattern's substitution.
    assert metrics._without_verb(tail) == metrics._VERB_TAIL_RE.sub("", tail)


@pytest.mark.parametrize(
    ("context", "places", "expected"),
    [
        ("Shanghai's exports", [(0, 8)], "\x00" * 10 + " exports"),  # the owner's "'s" too
        (
            "exports of Ningbo and Zhoushan",
            [(11, 17), (22, 30)],
            "exports of " + "\x00" * 6 + " and " + "\x00" * 8,
        ),
        ("abcdef", [(1, 4), (2, 5)], "a\x00\x00\x00\x00f"),  # overlapping spans
        ("abc", [(-1, 2), (2, 9), (2, 2)], "abc"),  # out of range or empty: left alone
        ("Qingdao’s", [(0, 7)], "\x00" * 9),
    ],
)
def test_mask_blanks_places_keeping_offsets(
    context: str, places: list[tuple[int, int]], expected: str
) -> None:
    masked = metrics._mask(context, places)
    assert masked == expected
    assert len(masked) == len(context)


_PARTNER_CLAUSES = [
    "trade with ASEAN", "exports to the five countries", "bilateral trade", "BILATERAL TRADE",
    "trade volume of the district amounted to", "imports from other economies", "trade with us",
    "exports and imports with RCEP members", "trade between China and Laos", "exports to May",
    "trade with GDP", "trade with the EU", "imports from partners", "export to 12 nations",
    "trade with \u212aazakhstan", "trade with ÉU", "exports to countrieſ", "trade to İzmir",
    "foreign trade in 2020 reached", "trade; with Japan", "exports rose to", "",
]  # fmt: skip


@pytest.mark.parametrize("clause", _PARTNER_CLAUSES)
def test_the_partner_gate_passes_every_partner_match(clause: str) -> None:
    """``_may_name_partner`` is a necessary condition of the partner rule (the cased rule), on
    the original text from its first opening literal."""
    assert {"trade_with_partner"} == metrics._CASED  # the gate is that rule's
    _, _, cased, literals = next(r for r in metrics._RULES if r[2] is not None)
    for text in (clause, f"In 2020, the city's {clause}", clause.upper(), clause.title()):
        folded = fold_case(text)
        starts = offsets_of(folded, literals)
        assert cased is not None
        if any(metrics._finditer(cased, text, starts)):
            assert metrics._may_name_partner(text, folded, starts[0]), text


def test_the_partner_gate_rules_out_a_plain_trade_clause() -> None:
    clause = "the total foreign trade volume of the district amounted to"
    assert not metrics._may_name_partner(clause, clause, clause.index("trade"))


@pytest.mark.parametrize(
    ("context", "places"),
    [
        ("The district’s annual total foreign trade volume in 2020 amounted to ", [(0, 14)]),
        ("Shanghai's exports reached ", [(0, 8)]),
        ("exports from eastern Zhejiang rose to ", [(21, 29)]),
        (" and the system, the construction of our factory in Songjiang, with a ", [(52, 61)]),
        ("to ensure that the rental expense is around ", []),
        (" (", []),
    ],
)
def test_places_given_late_read_as_places_given_at_once(
    context: str, places: list[tuple[int, int]]
) -> None:
    asked: list[bool] = []

    def late() -> list[tuple[int, int]]:
        asked.append(True)
        return places

    assert metrics.metric_before(context, late) == metrics.metric_before(context, places)
    # asked only where a rule matched: a context with no metric keyword never needs them
    assert bool(asked) == bool(metrics._rules(fold_case(context)))


def test_places_are_not_asked_of_a_context_without_a_metric() -> None:
    def never() -> list[tuple[int, int]]:
        raise AssertionError("places asked of a context no rule matches")

    assert metrics.metric_before("to ensure that the rental expense is around ", never) is None


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab s'’-—–,;:()[]\x00\xa0\u2003\nS", max_size=30))
def test_the_head_cut_gate_passes_every_cut(head: str) -> None:
    # _head_words runs _HEAD_CUT_RE only where its gate class finds a character: a head with
    # none of them must be one the pattern leaves as it is.
    if metrics._HEAD_CUT_GATE_RE.search(head) is None:
        assert metrics._HEAD_CUT_RE.sub("", head) == head
