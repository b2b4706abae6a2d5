"""Figures: numerals that state a quantity, with unit, quote span, qualifier, ranges and ranks.

Turns the numerals of one sentence into :class:`Figure` records and drops what is not a fact:
years and dates, numbers inside names ("G60", "COVID-19", "14th Five-Year Plan", "5+1",
"Two Wings"), enumerators, identifiers ("ICP No. 13001288"), idioms with "one", and durations
that are really periods ("the past three years", "the first five months").

Non-goals: attribution (region, period, change, metric) — see :mod:`importers.extract.facts`.
"""

from __future__ import annotations

import re
from operator import attrgetter

from . import cjk
from ._fold import fold_case
from .cjk import has_cjk, quantity_follows
from .figure import Figure, Spans
from .figure_gates import (
    CAPITALIZED_LAST,
    MONTH_ENDINGS,
    MONTH_LAST,
    MONTH_NAMES,
    NAME_LAST_ANY_CASE,
    capitalized_name_before,
    name_before,
)
from .numbers import Num, qualifier_after, qualifier_before
from .periods import Period
from .qualifiers import folded_qualifier_before
from .ranks import OrdinalHits, ranks_in
from .unit_registry import BELOW_ZERO_UNITS, minus_before, minus_ends
from .units import CURRENCY_CODES, UnitMatch, currency_prefix, read_unit

_BEFORE_MONTH_RE = re.compile(rf"^(?:st|nd|rd|th)?[\s\xa0]+(?:of[\s\xa0]+)?{MONTH_NAMES}\b")
_MONTH_AFTER_FIRST = frozenset("snrt \xa0")  # or other space: where _BEFORE_MONTH_RE can start
_NAME_AFTER_FIRST = frozenset("+:/.-‑")  # where _NAME_AFTER_RE can start
_NAME_AFTER_RE = re.compile(
    r"^(?:[+:/]\d|\.\d|-\d{4}|[-‑](?:way|stop|party|hand|fold|sided|"
    r"pronged|in-one|star|dimensional|point|tier|round|level|phase|D)\b)"
)
# "Fortune 500", "the world's top 500 companies", "top 10 cities": the size of a league
# table named, not a quantity stated
_LEAGUE_BEFORE_RE = re.compile(r"\b(?:Fortune(?:[\s\xa0]+Global)?|Global|[Tt]op)[\s\xa0]+$")
# "27 of the world's top 500 companies": a count of the league table's members
_OF_LEAGUE_RE = re.compile(
    r"[\s\xa0]+of[\s\xa0]+(?:the[\s\xa0]+)?(?:[A-Z]\w+['’]s[\s\xa0]+|world['’]s[\s\xa0]+)?"
    r"(?:Fortune[\s\xa0]+(?:Global[\s\xa0]+)?|Global[\s\xa0]+|top[\s\xa0]+)\d+[\s\xa0]+"
    r"(?P<noun>[a-z][a-z-]+(?:[\s\xa0]+(?!(?:and|or|in|of|with|from|by|for)\b)[a-z][a-z-]+)?)",
)
# "27 Fortune 500 companies": the members counted, the league table in the noun phrase
_LEAGUE_MEMBERS_RE = re.compile(
    r"[\s\xa0]+(?:Fortune(?:[\s\xa0]+Global)?|Global)[\s\xa0]+\d+[\s\xa0]+[a-z][a-z-]+"
)
# "top two trading partners", "Top 3 overseas investment sources": the size of a small set of
# partners, a count, unlike a league table ("top 500 companies", "top 20 cities by output")
_TOP_SET_AFTER_RE = re.compile(
    r"[\s\xa0]+(?:[A-Za-z-]+[\s\xa0]+){0,3}(?:partners|destinations|sources|markets|suppliers|"
    r"origins|buyers|customers)\b",
    re.IGNORECASE,
)
_PLUS_RE = re.compile(r"^[\s\xa0]*\w*[\s\xa0]+plus[\s\xa0]+\d|^\s*\+")
_PLUS_BEFORE_RE = re.compile(r"\bplus[\s\xa0]+$")
_PERIOD_WORD_BEFORE_RE = re.compile(
    r"\b(?:past|last|first|next|previous|recent|coming|following|these|those|several)"
    r"[\s\xa0]+$",
    re.IGNORECASE,
)
_BARE_BEFORE_RE = re.compile(
    r"(?:\breach(?:es|ed|ing)?|\barrived\s+at|\barriving\s+at|\bhit|\bhits|\btotal(?:ed|led|ing|"
    r"ling)?|\btotal\s+of|\b(?:total|number)\s+(?:\w+\s+)?to|\bstood\s+at|\bstands\s+at|"
    r"\bnumbered|\btop(?:s|ped|ping)|\bexceed(?:s|ed|ing)?|\bsurpass(?:es|ed|ing)?|"
    r"\b(?:population|target|goal|headcount|workforce)\s+of|"
    r"\b(?:rose|risen|grew|grown|increased|climbed|jumped|fell|dropped|declined|rising|"
    r"growing|increasing|climbing|jumping|falling|dropping|declining)\s+to|"
    # "12 of which are ...", "of which 12 are ...": a part of the things just counted
    r"\b(?:of\s+which|of\s+them|among\s+them|among\s+which|including)|"
    # "well below the 2019 level of 7.4 million": the earlier figure, in the same unit
    r"\b(?:level|figure)s?\s+(?:of|at))[\s\xa0]+$",
    re.IGNORECASE,
)
# What may follow a figure that has no unit: the end of a clause, a name, or a function word
# ("a population of 11 million and GDP per capita of ..."), not a noun it would be counting.
_BARE_AFTER_RE = re.compile(
    r"^(?:[\s\xa0]*[.,;:)!?\"”’]|[\s\xa0]*$|[\s\xa0]+[A-Z]|"
    r"[\s\xa0]+(?:and|in|by|at|on|during|from|for|last|this|as|while|with|are|were|is|was)\b|"
    r"[\s\xa0]+of[\s\xa0]+(?:which|them|these|those)\b)"
)
_PART_AFTER_RE = re.compile(r"^[\s\xa0]+of[\s\xa0]+(?:which|them|these|those)\b")
RESTATED_BEFORE_RE = re.compile(r"\b(?:the|these|those|all)[\s\xa0]+$", re.IGNORECASE)
"""What precedes a count that restates an earlier one ("the nine cities")."""
_RANGE_LINKS = frozenset(("to", "-", "–", "~", "and"))  # between a range's ends, spaced or not
_RANGE_FROM_RE = re.compile(
    r"\b(?:rang\w*|vary\w*|varies)\s+from\s+(?:\w+\s+)?$|\bbetween\s+(?:\w+\s+)?$", re.IGNORECASE
)
_BETWEEN_RE = re.compile(r"\bbetween\s+(?:\w+\s+)?$", re.IGNORECASE)
_FROM_RE = re.compile(r"\bfrom\s+(?:\w+\s+)?$", re.IGNORECASE)
_ENUM_RE = re.compile(r"^[\s\xa0]*[.)、][\s\xa0]")
# a verb of movement right before a figure: "rose 5 cents to ..." moves, "rose by 1 to 2" spans
_MOVED_BEFORE_RE = re.compile(
    r"\b(?:rose|fell|gained|lost|dropped|climbed|slipped|jumped|added|shed|declined|sank|"
    r"slid|soared|tumbled|increased|decreased|up|down)[\s\xa0]+$",
    re.IGNORECASE,
)


def _is_year(num: Num, text: str) -> bool:
    if not (1900 <= num.value <= 2100 and num.scale == 1 and not num.spelled):
        return False  # most numerals: no slice asked
    raw = text[num.start : num.end]
    if not (raw.isdigit() and len(raw) == 4):
        return False
    return not quantity_follows(text, num.end)  # "2000余户", "2000吨" are quantities


_START = attrgetter("start")  # a sort key in C


def _not_a_quantity(
    num: Num, text: str, s_start: int, dates: Spans | None, periods: Spans | None, folded: str
) -> bool:
    """Whether ``num`` is no quantity: in a date or period (``dates`` and ``periods`` are
    None where the sentence has none), part of a name, a league table, an identifier ..."""
    start = num.start
    if dates is not None and dates.covers(start):
        return True
    if periods is not None and periods.covers(start) and currency_prefix(text, start) is None:
        return True  # "in 2000" is a year, "$2000" an amount
    lo = start - 12 if start - 12 > s_start else s_start  # max() parses its arguments
    before = text[lo:start]
    after = text[num.end : num.end + 24]
    spaced = before.rstrip()  # the folded window's white space is the same
    last = spaced[-1:]  # what a month or a name before must end with: one look spares each
    if last in MONTH_LAST and spaced.endswith(MONTH_ENDINGS):  # _AFTER_MONTH_RE.search(before)
        return True
    first = after[:1]
    if (
        num.value <= 31
        and (first in _MONTH_AFTER_FIRST or first.isspace())
        and _BEFORE_MONTH_RE.match(after)
    ):
        return True
    if (
        (last in NAME_LAST_ANY_CASE and name_before(folded[lo:start]))
        or (first in _NAME_AFTER_FIRST and _NAME_AFTER_RE.match(after))
        or (last in CAPITALIZED_LAST and capitalized_name_before(before))
    ):
        return True
    if (
        ("op " in before[-5:] or "al " in before[-4:] or "ne " in before[-4:])
        and _LEAGUE_BEFORE_RE.search(before)
        and not after.lstrip().startswith(("percent", "%", "per cent"))  # "the top 10 percent"
        # "its top five export destinations": a count
        and not _TOP_SET_AFTER_RE.match(text, num.end, num.end + 60)
    ):
        return True
    if (("+" in after or "plus" in after) and _PLUS_RE.match(after)) or (
        "plus" in before and _PLUS_BEFORE_RE.search(before)
    ):
        return True
    if num.end - start >= 7 and text[start : num.end].isdigit():
        return True  # identifiers: licence, record and telephone numbers
    if (
        num.spelled
        and not num.fraction
        and not num.half
        and text[start].isupper()
        and (start != s_start)
    ):
        return True  # "Two Wings", "Five-Year"
    return bool(start == s_start and _ENUM_RE.match(after))


def _range_end(
    text: str, figure: Figure, nums: list[Num], idx: int, s_start: int, s_end: int
) -> tuple[Num, UnitMatch | None] | None:
    if idx + 1 >= len(nums):
        return None
    nxt = nums[idx + 1]
    # what _RANGE_LINK_RE matched, when it reached the next numeral: the link alone
    word = text[figure.end : nxt.start].strip()
    if word not in _RANGE_LINKS:
        return None
    before = text[figure.start - 40 if figure.start - 40 > s_start else s_start : figure.start]
    if word == "and" and not _BETWEEN_RE.search(before):
        return None
    if word == "to" and _FROM_RE.search(before) and not _RANGE_FROM_RE.search(before):
        return None
    unit = read_unit(text, nxt.start, nxt.end, s_end)
    if unit is None or (figure.unit not in (None, unit.unit)):
        return None
    if figure.unit is not None and figure.scale != nums[idx].scale * unit.scale:
        return None  # "up 50 fen to 8 yuan": a minor unit and its currency are no range
    if figure.unit is not None and figure.end > figure.num_end and _MOVED_BEFORE_RE.search(before):
        return None  # "fell 0.5 cents to 74.10 US cents": a move, then the level it reached
    return nxt, unit


def _may_be_a_figure(text: str, num: Num, unit: UnitMatch | None, s_start: int) -> bool:
    """False for a numeral that is no figure whatever its unit: "one heart and one mind", a
    year that is no amount, "the past three years" (a period, not a duration fact)."""
    if (
        unit is not None
        and unit.unit not in ("percent", "percentage point")
        and (num.spelled and num.value == 1 and not num.fraction and num.scale == 1)
    ):
        return False  # "one heart and one mind", "one of the first"
    if _is_year(num, text) and (unit is None or unit.unit not in _MONEY_OR_SHARE):
        return False
    return not (
        unit is not None
        and unit.duration
        and _PERIOD_WORD_BEFORE_RE.search(text[max(s_start, num.start - 20) : num.start])
    )


def _unitless(
    text: str, nums: list[Num], idx: int, span: tuple[int, int], listing: bool
) -> Figure | None:
    """The figure of a numeral with no unit after it: tenths (八成), a percent shared with the
    next numeral, a range's first end, a bare number, a count named before it ("the number
    of firms rose to 1,500") or after it ("of the 50 ..."); None if it is none of these."""
    num, (s_start, s_end) = nums[idx], span
    if _tenths(text, num):
        # "占全市的八成以上": 八成 is eight tenths
        end = num.end + 1
        return Figure(num.start, end, num.start, end, num.value / 10, 1.0, "fraction")
    probe = Figure(num.start, num.end, num.start, num.end, num.value, num.scale, None)
    bare = _bare(text, num, s_start)
    shared = _shared_percent(text, nums, idx, s_end) if listing else None
    if shared is not None:
        probe.unit = shared
        return probe
    if _range_end(text, probe, nums, idx, s_start, s_end) is not None:
        return probe
    if bare is not None:
        return bare
    if (noun := _counted_before(text, num, s_start)) is not None:
        probe.unit, probe.noun = "count", noun  # "the number of firms rose to 1,500"
        return probe
    if (league := _OF_LEAGUE_RE.match(text, num.end, s_end)) is not None:
        probe.unit, probe.noun = "count", league.group("noun")
        return probe
    if (members := _LEAGUE_MEMBERS_RE.match(text, num.end, s_end)) is not None:
        probe.unit, probe.end = "count", members.end()
        probe.noun = text[members.start() : members.end()].strip()
        return probe
    return None


def _extend_to_range(
    text: str, fig: Figure, nums: list[Num], idx: int, s_start: int, s_end: int
) -> bool:
    """Make ``fig`` a range when the next numeral is its upper end ("5 to 8 percent"), taking
    that end's unit if ``fig`` had none; whether it did."""
    rng = _range_end(text, fig, nums, idx, s_start, s_end)
    if rng is None:
        return False
    nxt, nxt_unit = rng
    if nxt_unit is not None:
        if fig.unit is None or fig.bare:
            fig.unit, fig.bare = nxt_unit.unit, False
            fig.scale *= nxt_unit.scale  # "40 to 60 cents": both in cents
        fig.end, fig.per = nxt_unit.end, nxt_unit.per
        fig.noun = fig.noun or nxt_unit.noun
    fig.value_max = nxt.value * nxt.scale / nums[idx].scale  # the numerals' scales, not pence
    fig.num_end = nxt.end
    return True


def figures_in(
    text: str,
    nums: list[Num],
    s_start: int,
    s_end: int,
    dates: Spans,
    periods: list[Period],
    folded: str | None = None,
    ordinals: OrdinalHits | None = None,
) -> list[Figure]:
    """Figures stated in the sentence ``text[s_start:s_end]`` (``nums`` are its numerals,
    ``dates`` the spans of calendar dates; ``folded`` is ``fold_case(text)`` and
    ``ordinals`` its :class:`.ranks.OrdinalHits` if known)."""
    out: list[Figure] = []
    skip: set[int] = set()
    if folded is None:
        folded = fold_case(text)
    period_spans = Spans([(p.start, p.end) for p in periods]) if periods else None
    dated = dates if dates.overlaps(s_start, s_end) else None  # most sentences: no date
    listing = folded.find("respectively", s_start, s_end) >= 0  # rare: skip the list check
    for idx, num in enumerate(nums):
        if idx in skip or _not_a_quantity(num, text, s_start, dated, period_spans, folded):
            continue
        unit = read_unit(text, num.start, num.end, s_end, half=num.half)
        if not _may_be_a_figure(text, num, unit, s_start):
            continue
        if num.fraction:
            fig = Figure(num.start, num.end, num.start, num.end, num.value, 1.0, "fraction")
        elif unit is None:
            found = _unitless(text, nums, idx, (s_start, s_end), listing)
            if found is None:
                continue
            fig = found
        else:
            fig = Figure(
                unit.start,
                unit.end,
                num.start,
                num.end,
                num.value,
                num.scale * unit.scale,  # "85 pence": a minor unit scales the pound
                unit.unit,
                unit.per,
                duration=unit.duration,
                noun=unit.noun,
            )
        if _extend_to_range(text, fig, nums, idx, s_start, s_end):
            skip.add(idx + 1)
        minus = minus_before(text, fig.start, s_start) if fig.unit in BELOW_ZERO_UNITS else None
        if minus is not None:
            fig.start, fig.value = minus, -fig.value  # "minus 40 degrees", "-5C"
            if fig.value_max is not None and minus_ends(text, fig.start, fig.num_end):
                fig.value_max = -fig.value_max  # "-5 to -10C"; "-5 to 3C" spans zero
        fig.qualifier = _qualifier(text, folded, fig, s_start)
        out.append(fig)
    out.extend(ranks_in(text, s_start, s_end, folded, ordinals))
    out.sort(key=_START)
    return out


# "the number of companies engaged in trade surged from fewer than 600 to over 1,500": bare
# numbers stating the count named before them
_NUMBER_OF_RE = re.compile(
    r"\bnumber[\s\xa0]+of[\s\xa0]+(?P<noun>(?:[a-z-]+[\s\xa0]+){0,2}?[a-z-]+s)\b", re.IGNORECASE
)
_COUNT_JOIN_BEFORE_RE = re.compile(
    r"\b(?:from|to|reached|hit|was|were|at|totall?ed|of)[\s\xa0]*$", re.IGNORECASE
)


def _counted_before(text: str, num: Num, s_start: int) -> str | None:
    """The noun of "the number of <nouns>" stated before a bare number joined to it by "from",
    "to", "reached" ... in the same clause, or None."""
    lo = max(s_start, num.start - 160)
    if num.spelled or "number" not in text[lo : num.start].lower():
        return None
    before = text[max(lo, num.start - 40) : num.start]
    qualified = qualifier_before(before)  # "from fewer than 600": the qualifier's own words
    if qualified is not None:
        before = before[: len(before) - qualified[1]]
    if not _COUNT_JOIN_BEFORE_RE.search(before):
        return None
    found = None
    for m in _NUMBER_OF_RE.finditer(text, lo, num.start):
        found = m  # the last one: the nearest before the number
    if found is None or ";" in text[found.end() : num.start]:
        return None
    return found.group("noun")


# 成 after a digit word is "tenths" ("八成"), unless it starts a word (成为, 成立, 成本, 成都 ...)
_NOT_TENTHS_AFTER = frozenset("为立功本果交都员绩熟长型品效就不")


def _tenths(text: str, num: Num) -> bool:
    return (
        num.spelled
        and num.scale == 1
        and 1 <= num.value <= 9
        and text[num.end : num.end + 1] == "成"
        and text[num.end + 1 : num.end + 2] not in _NOT_TENTHS_AFTER
        and not text[num.start : num.end].isascii()
    )


_MONEY_OR_SHARE = CURRENCY_CODES | {"percent"}

_SHARED_JOIN_RE = re.compile(r"[\s\xa0]*(?:,[\s\xa0]*(?:and[\s\xa0]+)?|and[\s\xa0]+)$")
_RESPECTIVELY_RE = re.compile(r"[^.;\d]{0,40}\brespectively\b")


def _shared_percent(text: str, nums: list[Num], idx: int, s_end: int) -> str | None:
    """The percent unit a listed number shares with the last of its list ("rose 42.3 and
    18.6 percent respectively"): written once, after the last; only with "respectively"."""
    for k in range(idx, min(idx + 4, len(nums) - 1)):
        if not _SHARED_JOIN_RE.match(text, nums[k].end, nums[k + 1].start):
            return None
        nxt = nums[k + 1]
        unit = read_unit(text, nxt.start, nxt.end, s_end, half=nxt.half)
        if unit is None:
            continue
        if unit.unit in ("percent", "percentage point") and _RESPECTIVELY_RE.match(
            text, unit.end, s_end
        ):
            return unit.unit
        return None
    return None


def _bare(text: str, num: Num, s_start: int) -> Figure | None:
    before = text[num.start - 30 if num.start - 30 > s_start else s_start : num.start]
    after = text[num.end : num.end + 16]
    if num.spelled and num.value == 1:
        return None
    restated = bool(RESTATED_BEFORE_RE.search(before))
    # "46 industrial parks, 12 of which are national-level"
    part = before.rstrip().endswith(",") and bool(_PART_AFTER_RE.match(after))
    if not (_BARE_BEFORE_RE.search(before) or restated or part) or not _BARE_AFTER_RE.match(after):
        return None
    fig = Figure(num.start, num.end, num.start, num.end, num.value, num.scale, "count", bare=True)
    if restated and not part and not _BARE_BEFORE_RE.search(before):
        fig.notes.append("restatement")
    return fig


def _qualifier(text: str, folded: str, fig: Figure, s_start: int) -> str:
    start = fig.start  # clamps as conditionals: max() parses its arguments (some 600 steps)
    near = start - 3 if start - 3 > s_start else s_start  # an ideograph is no ASCII
    if not text[near : fig.end + 2].isascii():  # it holds the quote: both Chinese looks
        quote = text[fig.num_start : fig.end]
        if not quote.isascii() and ("多" in quote or "余" in quote):
            return ">"  # "1200多家", "300余万人": more than
        if has_cjk(text, near, fig.end + 2):
            chinese = cjk.qualifier(
                text[max(s_start, fig.start - 4) : fig.start], text[fig.end : fig.end + 3]
            )
            if chinese is not None:
                return chinese
    q = folded_qualifier_before(folded[start - 40 if start - 40 > s_start else s_start : start])
    if q:
        return q[0]
    return qualifier_after(text[fig.end : fig.end + 24]) or "="
