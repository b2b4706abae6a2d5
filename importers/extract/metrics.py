"""What a figure measures: a short metric phrase from the text and its ``metric_type``.

The phrase is looked for after the figure ("2 trillion yuan in sales revenue"), then before it
in the same clause ("The district's annual total foreign trade volume ... amounted to"), and
classified by keyword rules from the most to the least specific ("dependence on foreign trade"
before "foreign trade"). Also recognizes share and threshold wording.

Non-goals: a full taxonomy of economic indicators; parsing the sentence.
"""

from __future__ import annotations

import functools
import re

from ._fold import fold_case

METRIC_RULES: tuple[tuple[str, str], ...] = (
    ("trade_dependence", r"dependence\s+on\s+(?:foreign\s+)?trade|trade\s+dependence|"
                         r"foreign\s+trade\s+dependence|degree\s+of\s+dependence"),
    ("trade_balance", r"trade\s+(?:surplus|deficit|balance)"),
    ("gdp_per_capita", r"per\s+capita\s+(?:GDP|gross\s+domestic\s+product)|"
                       r"GDP\s+per\s+capita"),
    ("gdp", r"\bGDP\b|gross\s+domestic\s+product|gross\s+regional\s+product|economic\s+output"),
    ("fdi", r"foreign\s+direct\s+investment|\bFDI\b|foreign\s+(?:capital|investment)|"
            r"overseas\s+investment|paid-in\s+foreign"),
    ("trade_with_partner", r"(?:trade|imports?|exports?|import\s+and\s+export)\b[^.;]{0,40}?"
                           r"\b(?:with|to|from)\s+(?:the\s+)?(?:countries|economies|partners|"
                           r"ASEAN|EU\b|European\s+Union|[A-Z][a-z]+)"),
    ("trade_total", r"imports?\s+and\s+exports?|exports?\s+and\s+imports?|import-export|"
                    r"import\s+&\s+export|foreign\s+trade|total\s+trade|trade\s+(?:volume|value)|"
                    r"goods\s+trade|trade\s+in\s+goods|cross-border\s+e-commerce"),
    ("exports", r"\bexport"),
    ("imports", r"\bimport"),
    ("fiscal_revenue", r"fiscal\s+revenue|budget(?:ary)?\s+revenue|tax\s+revenue|"
                       r"general\s+public\s+budget"),
    ("subsidy", r"\bsubsid(?:y|ies|ized?|ised?)\b|allowance|\breward|\bgrant|\bbonus"),
    ("investment", r"\binvest"),
    ("revenue", r"revenue|\bsales\b|business\s+income|operating\s+income|turnover"),
    ("industry_scale", r"output\s+value|industrial\s+output|industry\s+scale|scale\s+of\s+the"),
)  # fmt: skip
# Words one of which every match of a rule contains: a rule is tried only when one is present.
_RULE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "trade_dependence": ("dependence",), "trade_balance": ("trade",),
    "gdp_per_capita": ("capita",), "gdp": ("gdp", "gross", "economic"),
    "fdi": ("foreign", "fdi", "overseas", "paid-in"),
    "trade_with_partner": ("trade", "import", "export"),
    "trade_total": ("import", "export", "trade", "commerce"), "exports": ("export",),
    "imports": ("import",), "fiscal_revenue": ("revenue", "budget"),
    "subsidy": ("subsid", "allowance", "reward", "grant", "bonus"), "investment": ("invest",),
    "revenue": ("revenue", "sales", "income", "turnover"),
    "industry_scale": ("output", "industr", "scale"),
}  # fmt: skip
# Matched case-sensitively against folded text (the rules hold no upper-case escapes), which
# is several times faster than IGNORECASE.
_COMPILED = tuple((name, re.compile(p.lower()), _RULE_KEYWORDS[name]) for name, p in METRIC_RULES)


_KEYWORDS = frozenset(k for keywords in _RULE_KEYWORDS.values() for k in keywords)


def _rules(folded: str) -> list[tuple[str, re.Pattern[str]]]:
    """The rules, in order, that can match the folded text."""
    present = {k for k in _KEYWORDS if k in folded}
    if not present:
        return []
    return [(name, pattern) for name, pattern, keys in _COMPILED if not present.isdisjoint(keys)]


_AND_STOP = r"and(?!\s+(?:exports?|imports?)\b)"
_IN_METRIC_RE = re.compile(  # used with match(text, pos, endpos): no "^"
    r"[\s\xa0]+in[\s\xa0]+(?P<phrase>[a-z][a-z\s-]{2,40}?)(?=[,.;]|$|\s+(?:"
    rf"{_AND_STOP}|in|of|for|from|with|during|accounting)\b)"
)
_SHARE_RE = re.compile(
    r"(?:accounting\s+for|accounted\s+for|accounts\s+for|account\s+for|made\s+up|makes\s+up|"
    r"share\s+of|proportion\s+of|contribut\w+|represent\w*|ratio|rate\s+of|increased\s+to|"
    r"rose\s+to|reached|stood\s+at|was|is)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_SHARE_OF_AFTER_RE = re.compile(
    r"^[\s\xa0]+of[\s\xa0]+(?P<of>(?:the\s+|its\s+|their\s+)?[\w'’\s-]{2,60}?)(?=[,.;]|$|\s+(?:"
    rf"{_AND_STOP}|in|during|for|with)\b)",
)
_THRESHOLD_RE = re.compile(
    r"\bwith\s+(?:an?\s+)?(?:annual\s+|yearly\s+|total\s+)?[\w\s-]{0,40}?\b(?:of|above|over|"
    r"exceeding)\s+(?:at\s+least|more\s+than|over|above|no\s+less\s+than|not\s+less\s+than)?"
    r"[\s\xa0]*$|\b(?:above\s+designated\s+size|threshold\s+of|minimum\s+of)\s+$",
    re.IGNORECASE,
)
_PHRASE_TRIM_RE = re.compile(
    r"^(?:.*\b(?:the|its|their|our|of|which|that|and|whose|to)\s+|.*[,;:]\s*)", re.IGNORECASE
)
_VERB_TAIL_RE = re.compile(
    r"\s+(?:in\s+\d{4}\s+)?(?:amounted|reached|hit|totaled|totalled|stood|was|were|is|are|"
    r"exceeded|surged|rose|grew|increased|fell|saw|achieved|secured|registered|recorded|"
    r"has|have|had|topped|climbed|dropped|declined)\b.*$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)
def classify(phrase: str) -> str | None:
    """``metric_type`` of a phrase by keyword, or None."""
    folded = fold_case(phrase)
    for name, pattern in _rules(folded):
        if pattern.search(folded):
            return name
    return None


def metric_after(text: str, end: int, limit: int) -> str | None:
    """A metric phrase introduced by "in" right after a figure ("in sales revenue")."""
    m = _IN_METRIC_RE.match(text, end, limit)
    if m and classify(m.group("phrase")):
        return m.group("phrase").strip()
    return None


def metric_before(context: str) -> str | None:
    """A short metric phrase from the clause before a figure, if it has a known keyword."""
    folded = fold_case(context)
    for _, pattern in _rules(folded):
        found = None
        for found in pattern.finditer(folded):  # noqa: B007 - keep the last match
            pass
        if found is None:
            continue
        head = context[: found.start()]
        head = _PHRASE_TRIM_RE.sub("", head)
        words = head.split()[-4:]
        tail = context[found.start() :]
        tail = _VERB_TAIL_RE.sub("", tail)
        tail = re.split(r"[,;:(]|\s+(?:in|of|for|to|from|during|by|with|were|was)\s+\d", tail)[0]
        phrase = " ".join([*words, tail.strip()]).strip()
        phrase = re.sub(r"[’']s\s+", " ", phrase)
        phrase = re.sub(r"^(?:[Tt]he|[Ii]ts|[Tt]heir|[Oo]ur)\s+", "", phrase)
        return phrase[:80] or None
    return None


def is_share(before: str, after: str) -> bool:
    """Whether a percent is a share: "accounting for 70 percent", "90% of the city's ..."."""
    return bool(_SHARE_RE.search(before[-60:]) or _SHARE_OF_AFTER_RE.match(after))


def share_of(after: str) -> str | None:
    """The denominator written after a share ("of its total annual foreign trade volume")."""
    m = _SHARE_OF_AFTER_RE.match(after[:80])
    return m.group("of").strip() if m else None


def is_threshold(before: str) -> bool:
    """Whether an amount is a criterion ("companies with annual revenue of at least ...")."""
    return bool(_THRESHOLD_RE.search(before[-80:]))
