"""Kind, metric phrase, metric_type and share denominator of one figure, from its own words:
a rank, a duration, an area, a count (its noun), a multiple ("1.5 times the 2015 level"), a
change or gap between rates, a share ("accounting for 70 percent of ..."; Chinese 占X的), a
threshold ("at least 20 million yuan") or a level.

Non-goals: metrics carried from other figures of the sentence (see :mod:`.facts`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import metrics
from ._fold import fold_case
from .attach import CURRENCIES
from .changes import gap_to_other
from .figure import Figure
from .metrics_zh import count_noun
from .thresholds import is_milestone

_ZH_SHARE_RE = re.compile(
    r"占(?!比)(?P<of>[^，。；,;\d]{1,24}?)的?(?:比重|比例|份额)?"  # 占比 is "share", no 占X
    r"(?:为|达到|达|约为|约|超过|超|近|接近|不足|不到|逾)?[\s\xa0]*$"
)
_MULTIPLE_AFTER_RE = re.compile(
    r"^[\s\xa0]*(?:the|that|those|as|of|over|than|higher|more|larger|bigger)\b", re.IGNORECASE
)
_PRONOUN_NOUN_RE = re.compile(r"(?:(?:new|more|other|such)\s+)?(?:ones?|them|others)", re.I)
# a growth verb right before a multiple: "increased by 15 times", "rose 1.4 times"
_GROWTH_BEFORE_RE = re.compile(
    r"\b(?:up|rose|risen|grew|grown|increased|jumped|surged|expanded|soared)(?:\s+by)?\s+$"
    r"|(?:增长|增長|提高|上升|增加)了?$",
    re.IGNORECASE,
)
# "..., accounting for [about]": a share of the figure before it (passes.share_link)
_SHARE_LINK_RE = re.compile(
    r"^[^;]{0,80}?(?:\b(?:accounting|accounted|accounts|making\s+up|made\s+up|representing|"
    r"represented)(?:\s+for)?\s+(?:(?:about|nearly|over|more\s+than|some)\s+)?|[，,]\s*占[^，。；]*)$",
    re.IGNORECASE,
)
# a piece of each of its verbs (folded): one is in every English match
_SHARE_LINK_PIECES = ("account", "mak", "made", "represent")
_DURATIONS = frozenset(
    {"year", "month", "quarter", "day", "week", "hour", "decade", "century", "minute"}
)


def kind_and_metric(
    text: str,
    fig: Figure,
    before: str,
    after: str,
    s_end: int,
    is_change: bool,
    cuts: Callable[[], list[tuple[int, int]]],
) -> tuple[str, str | None, str | None, str | None]:
    """Kind, metric phrase, metric_type and share denominator of a figure; ``cuts()`` gives
    the spans of places in ``before``, kept out of the phrase (asked only where a phrase is
    read and a metric rule matched: a duration, a count with its own noun or a context with
    no metric keyword needs none)."""
    unit = fig.unit
    if fig.is_rank:
        phrase = metrics.metric_before(before, cuts)
        return "rank", phrase, metrics.classify(phrase) if phrase else None, None
    if unit in _DURATIONS:
        return "duration", fig.noun, "duration", None
    if unit in ("square meter", "square kilometer", "square mile", "hectare", "mu"):
        return "level", metrics.metric_before(before, cuts), "area", None
    if unit == "times" and (is_change or _GROWTH_BEFORE_RE.search(before[-40:])):
        # "增长1.7倍" (a change of 170%); "increased by 15 times" (15- or 16-fold: a change
        # whose percent is left unknown)
        phrase = metrics.metric_before(before, cuts)
        return "change", phrase, metrics.classify(phrase) if phrase else None, None
    if unit == "times" and (_MULTIPLE_AFTER_RE.match(after) or text[fig.end - 1] == "倍"):
        # "1.5 times the 2015 level": a multiple of the metric, not a count of occurrences
        phrase = metrics.metric_before(before, cuts)
        return "level", phrase, metrics.classify(phrase) if phrase else None, None
    if unit in ("count", "times"):
        return "level", _count_noun(fig, before, cuts), "count", None
    phrase = metrics.metric_after(text, fig.end, s_end) if unit in CURRENCIES else None
    phrase = phrase or metrics.metric_before(before, cuts)
    if unit in ("percent", "percentage point", "fraction"):
        return _percent_kind(text, fig, (before, after), s_end, is_change, phrase)
    mtype = metrics.classify(phrase) if phrase else None
    if (
        unit in CURRENCIES
        and fig.qualifier in (">=", ">")
        and metrics.is_threshold(text[fig.start - 120 if fig.start > 120 else 0 : fig.start])
    ):
        return "threshold", phrase, mtype, None
    quote = text[fig.start : fig.end]
    lead = text[fig.start - 300 if fig.start > 300 else 0 : fig.start]  # no max(): see passes
    if unit in CURRENCIES and is_milestone(lead, quote, after):
        return "threshold", phrase, mtype, None  # "topped 800 billion yuan for the first time"
    return "level", phrase, mtype, None


def _count_noun(fig: Figure, before: str, cuts: Callable[[], list[tuple[int, int]]]) -> str | None:
    """What a count counts: its noun, or for a Chinese measure word the term before it."""
    noun = fig.noun
    if noun is not None and len(noun) == 1 and not noun.isascii():
        # "常住人口2100万人": the measure word 人 says less than the term before it
        chinese = metrics.metric_zh(before)
        if chinese is not None and chinese[1] == "count":
            noun = chinese[0]
        else:
            # "进出口实绩企业2.3万家": the noun before the number, after any place in it
            lo = max((b for _, b in cuts()), default=0)
            noun = count_noun(before[lo:]) or noun
    if noun is not None and _PRONOUN_NOUN_RE.fullmatch(noun):
        noun = None  # "30 new ones": the noun is named elsewhere, "ones" says nothing
    return noun


def _percent_kind(
    text: str,
    fig: Figure,
    around: tuple[str, str],
    s_end: int,
    is_change: bool,
    phrase: str | None,
) -> tuple[str, str | None, str | None, str | None]:
    """Kind, metric phrase, type and denominator of a percent, point or fraction: a share
    (of what: "占全省进出口总额的35.7%"), a change, or a diff (points; a gap to another's rate)."""
    (before, after), unit = around, fig.unit
    share_of = metrics.share_of(after) if not is_change else None
    zh = _ZH_SHARE_RE.search(before) if not is_change and "占" in before else None
    if zh is not None:
        # "出口额占全国的比重为2.1%", "，占全省进出口总额的35.7%": the denominator after 占,
        # the numerator before it (or the figure before: see passes.share_link)
        share_of = zh.group("of")
        numerator = metrics.metric_zh(before[: zh.start()])
        phrase = numerator[0] if numerator is not None else None
    if phrase is None and share_of:
        phrase = metrics.tidy(share_of) if metrics.classify(share_of) else None
    mtype = metrics.classify(phrase) if phrase else None
    # points are a diff (tests/test_extract_heldout.py keeps a move in points one, too);
    # a percent that is a gap to another subject's rate ("4.1% higher than the national
    # average") is a diff, not a growth
    if unit == "percentage point" or (is_change and gap_to_other(text, fig.end, s_end, before)):
        return "diff", phrase, mtype, None
    if is_change:
        return "change", phrase, mtype, None
    return "share", phrase, mtype, share_of


def links_share(before: str) -> bool:
    """Whether a share's words ``before`` it link it to the figure before ("..., accounting
    for"): ``_SHARE_LINK_RE``, tried only where 占 or a piece of one of its verbs stands in the
    folded text (its lazy walk tries the verb alternation at each of up to 80 offsets)."""
    if "占" not in before:
        folded = fold_case(before)
        if not any(piece in folded for piece in _SHARE_LINK_PIECES):
            return False
    return _SHARE_LINK_RE.match(before) is not None
