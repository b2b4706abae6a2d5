"""Time periods in a sentence, normalized: "2020", "2020-04", "2020-01/2020-05", "2016/2020".

Also finds calendar dates (used to guess a document's publication date and to keep day numbers
out of the facts). A year the text does not give is written ``XXXX``; relative years ("last
year", "this year") are resolved against a reference year when one is known. The base of a
comparison ("compared with the same month of 2020", "than in 2019", "1.7 times the figure in
2019") is no period of a figure and is not returned.

Non-goals: week numbers, fiscal years that do not follow the calendar, time-of-day.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from factscope.importers.lexicon import en
from factscope.importers.lexicon.common import alternation, longest_first

from . import periods_zh
from ._fold import fold_case, folded_pattern
from .cjk import has_cjk, quantity_follows
from .period_bases import compared_or_begun, plausible_month
from .period_gate import relaxed_gate, stop_bytes

MONTHS: dict[str, int] = en.MONTHS
COUNT_WORDS: dict[str, int] = en.PERIOD_COUNT_WORDS
ORDINAL_WORDS: dict[str, int] = en.PERIOD_ORDINALS

# "Sept?" as the lexicon spells it: every abbreviation, capitalised, "Sept" before "Sep"
_ABBREVIATIONS = longest_first(a.capitalize() for a in en.MONTH_ABBREVIATIONS)
_MONTH = (
    rf"\b(?:(?:{alternation(en.MONTH_NAMES)})"
    rf"|(?:{_ABBREVIATIONS})(?![A-Za-z])\.?)(?![A-Za-z])"
)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_REL_YEAR = r"(?:this|last|the\s+previous|the\s+current|next)\s+year"
_YEAR_REF = rf"(?:{_YEAR}|{_REL_YEAR}|the\s+year)"
# "of 2021", "in 2021", " 2021" and "this year" directly after the period ("the first nine
# months this year", "from January to August this year")
_OF_YEAR = rf"(?:,?\s+(?:of|in)\s+{_YEAR_REF}|\s+{_YEAR}(?!\d|[.-]\d)|\s+(?:this|last)\s+year)"
_TAIL_YEAR_RE = re.compile(rf"(?:(?:of|in)\s+|\s|Q[1-4]\s+|H[12]\s+)({_YEAR_REF})$", re.IGNORECASE)

_PERIOD_SOURCE = rf"""
    (?=[A-Za-z(\d])(?<![A-Za-z\d])
    (?:(?P<ymrange>(?:between|from)\s+(?P<ya>{_YEAR})\s+(?:and|to|through)\s+(?P<mb>{_MONTH})
        ,?\s+(?P<yb>{_YEAR}))
  | (?P<between>(?:between|from)\s+(?P<y1>{_YEAR})\s+(?:and|to|through)\s+(?P<y2>{_YEAR}))
  | (?P<yrange>\(?(?P<r1>{_YEAR})\s*[-–]\s*(?P<r2>{_YEAR}|\d\d)(?!\d))
  | (?P<mrange>(?:from\s+|between\s+)?(?P<m1>{_MONTH})\s*(?:to|through|and|-|–)\s*
        (?P<m2>{_MONTH})(?:{_OF_YEAR})?)
  | (?P<ended>(?:the\s+)?(?P<en>\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten|eleven)
        \s+months\s+end(?:ed|ing)\s+(?:on\s+)?(?P<em>{_MONTH})(?:\s+[0-3]?\d(?!\d))?
        (?:{_OF_YEAR})?)
  | (?P<firstn>(?:the\s+)?first\s+(?P<n>\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten
        |eleven)\s+months(?:{_OF_YEAR})?)
  | (?P<quarter>(?:the\s+)?(?P<qn>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter
        (?:{_OF_YEAR})?|\bQ(?P<qd>[1-4])(?:\s+{_YEAR})?)
  | (?P<quarters>(?:the\s+)?first\s+(?P<qsn>two|three)\s+quarters(?:{_OF_YEAR})?)
  | (?P<halfy>(?:the\s+)?(?P<hn>first|second)\s+half(?:{_OF_YEAR})?|\bH(?P<hd>[12])
        (?:\s+{_YEAR})?)
  | (?P<month>(?:(?:early|mid|late)[-\s])?(?P<mn>{_MONTH})(?:{_OF_YEAR})?)
  | (?P<since>(?:since(?:\s+(?:last\s+|this\s+|early\s+|late\s+)?(?:{_MONTH}|{_YEAR}|year))?
        |so\s+far|up\s+to\s+now|at\s+present|currently|(?:over|in|during)
        \s+the\s+(?:past|last)\s+(?:(?P<pn>\w+)\s+)?(?:years?|(?P<pm>months?)|decades?)
        (?:\s+of\s+(?P<py>{_YEAR}|this\s+year))?))
  | (?P<rel>{_REL_YEAR})
  | (?P<relm>(?:last|this|the\s+previous|the\s+past)\s+month)(?![-\s]+on)
  | (?P<year>(?<![\d.,-]){_YEAR}(?![\d%]|[.-]\d|,\d{{3}})))
    """
# The first characters each branch can open with (\d: any decimal digit), looked at before
# the branch is entered: a branch that opens with an optional group ("(?:the\s+)?") is
# entered at every candidate, about 1,000 instructions each (the 78 matches of a round of the
# seeds: 1.20 -> 1.00 M). Same branches, same order: tests compare it with _PERIOD_SOURCE.
_BRANCH_FIRSTS = {
    "ymrange": "bf", "between": "bf", "yrange": "(12", "mrange": "bfjmasond",
    "ended": r"tfsen\d", "firstn": "tf", "quarter": "tfs1234q", "quarters": "tf",
    "halfy": "tfsh", "month": "elmjfasond", "since": "suacoid", "rel": "tln", "relm": "lt",
    "year": "12",
}  # fmt: skip


def _guarded(source: str, firsts: dict[str, str]) -> str:
    """``source`` with a look-ahead of its first characters before each named branch."""
    for name, chars in firsts.items():
        source = source.replace(f"(?P<{name}>", f"(?=[{chars}])(?P<{name}>", 1)
    return source


PERIOD_RE = re.compile(_guarded(_PERIOD_SOURCE, _BRANCH_FIRSTS), re.IGNORECASE | re.VERBOSE)
# The words a period can start with, by first character, looked for case-sensitively in
# folded text after a character that is no letter or digit. Grouped so: the engine passes over
# a branch that opens with another literal in one test, so a word tries one group instead of
# some forty branches (the gate runs about 1.6x faster than the flat alternation, which
# tests/test_extract_periods.py keeps as the reference the groups must agree with).
_PERIOD_OPENINGS: dict[str, str] = {
    "(": r"(?:19|20)\d\d",
    "1": r"9\d\d|st\s",
    "2": r"0\d\d|nd\s",
    "3": r"rd\s",
    "4": r"th\s",
    "a": r"pr|ug|t\s+present",
    "b": r"etween\s",
    "c": r"urrently",
    "d": r"ec|uring\s+the\s+(?:past|last)",
    "e": r"arly[-\s]",
    "f": r"eb|rom\s|irst\s|ourth\s",
    "h": r"[12]",
    "i": r"n\s+the\s+(?:past|last)",
    "j": r"an|un|ul",
    "l": r"ate[-\s]|ast\s+(?:year|month)",
    "m": r"ar|ay|id[-\s]",
    "n": r"ov|ext\s+year",
    "o": r"ct|ver\s+the\s+(?:past|last)",
    "q": r"[1-4]",
    "s": r"ep|econd\s|ince|o\s+far",
    "t": r"he\s+(?:first|second|third|fourth|1st|2nd|3rd|4th|previous|current|past\s+month|"
    r"\d{1,2}\s+months\s+end|(?:two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months"
    r"\s+end)|hird\s|his\s+(?:year|month)",
    "u": r"p\s+to\s+now",
}
_PERIOD_START = "|".join(f"{re.escape(c)}(?:{rest})" for c, rest in _PERIOD_OPENINGS.items())
# No class of the first characters before the branches: each branch opens with a literal the
# engine refuses in one test, and a second look-ahead costs more at each space than it spares
# (the gate over the seeds' sentences: 3.08 against 3.00 M instructions a round)
_PERIOD_GATE_RE = re.compile(rf"[^a-z0-9](?={_PERIOD_START})")  # the reference (tests)
_PERIOD_FIRST_RE = re.compile(_PERIOD_START)
_STOP_GATE_RE = relaxed_gate(_PERIOD_OPENINGS)  # the gate's starts and a few more
# PERIOD_RE for folded text: with IGNORECASE re cannot pass over a branch by its first literal,
# so a match took about 26,000 instructions; the case-sensitive twin about 16,000.
_PERIOD_FOLDED_RE = folded_pattern(PERIOD_RE)
_LEVEL_AFTER = (" level", " figure")  # in folded text after a year: "the 2019 level"
_LEVEL_OF_RE = re.compile(r" (?:level|figure)s? (?:of|at|was|stood) ")
# The rest of a news dateline after its month ("FUZHOU, Jan. 20 (Xinhua) --"): the day the story
# was filed, not the period of any figure.
_DATELINE_TAIL_RE = re.compile(
    r"[\s\xa0]+[0-3]?\d[\s\xa0]*(?:\([^()\n]{2,30}\)[\s\xa0]*)?(?:--|—|–)"
)

_SPACES_RE = re.compile(r"\s+")
# A day after a month name that something was reported on ("Customs said on December 12",
# "according to the bureau on July 16"): the date of the statement, not the period of a figure.
_DAY_AFTER_RE = re.compile(r"[\s\xa0]+[0-3]?\d(?:st|nd|rd|th)?(?!\d|[.,]\d|%)(?![\s\xa0]*percent)")
_REPORTED_ON_RE = re.compile(
    r"\b(?:said|says|reported|announced|released|revealed|disclosed|published|showed|shows|"
    r"according\s+to)\b(?:[^,;.]{0,60}?\bon)?[\s\xa0]+$",
    re.IGNORECASE,
)


class Period(NamedTuple):  # not a frozen dataclass: 7x faster to create
    """A period expression: ``text[start:end]`` normalizes to ``value`` (None: no period)."""

    start: int
    end: int
    value: str | None
    text: str


def _month_num(raw: str) -> int:
    return MONTHS[raw.lower().rstrip(".")]


def _resolve_year(raw: str | None, ref_year: int | None, fallback: str) -> str:
    """A year reference ("2020", "last year", "of the year") as text, or ``fallback``."""
    if not raw:
        return fallback
    low = _SPACES_RE.sub(" ", raw.lower())
    if low[:1].isdigit():
        return low
    if low == "the year":
        return fallback
    if ref_year is None:
        return "XXXX"
    if low.startswith(("last", "the previous")):
        return str(ref_year - 1)
    if low.startswith("next"):
        return str(ref_year + 1)
    return str(ref_year)


def _past_months_of(m: re.Match[str], ref_year: int | None) -> str | None:
    """ "the past 11 months of 2019": the first 11 months of that year; None for any other
    span counted back (it is resolved against the article's period, if at all)."""
    if not (m.group("pm") and m.group("py") and m.group("pn")):
        return None
    raw = m.group("pn").lower()
    n = int(raw) if raw.isdigit() else COUNT_WORDS.get(raw, 0)
    if not 1 <= n <= 12:
        return None
    y = _resolve_year(m.group("py"), ref_year, "XXXX")
    return _span(y, 1, y, n)


def _relative_month(raw: str, published: dt.date | None) -> str | None:
    """ "this month" / "last month" against the publication date; None without one."""
    if published is None:
        return None
    if raw.lower().startswith("this"):
        return f"{published.year}-{published.month:02d}"
    last = published.replace(day=1) - dt.timedelta(days=1)
    return f"{last.year}-{last.month:02d}"


def _tail_year(raw: str) -> str | None:
    m = _TAIL_YEAR_RE.search(raw)
    return m.group(1) if m else None


def _span(y1: str, m1: int, y2: str, m2: int) -> str:
    return f"{y1}-{m1:02d}/{y2}-{m2:02d}"


def _period_matches(folded: str, start: int, end: int) -> list[re.Match[str]]:
    """``PERIOD_RE.finditer(text, start, end)`` as its case-sensitive twin finds it in the
    folded text, trying the pattern only where a period can start (``_PERIOD_GATE_RE``,
    found by :mod:`.period_gate`): the spans are the text's, the groups folded."""
    out = []
    pos = start
    match, first = _PERIOD_FOLDED_RE.match, _PERIOD_FIRST_RE.match
    if start == 0 and first(folded, 0, end):
        m = match(folded, 0, end)
        if m:
            out.append(m)
            pos = m.end()
    lo = start - 1 if start > 0 else 0
    stops, search = stop_bytes(folded, lo, end), _STOP_GATE_RE.search
    gate = search(stops)
    while gate is not None:  # a few starts more than the gate's: those the twin refuses
        cand = lo + gate.start() + 1
        m = match(folded, cand, end) if cand >= pos else None
        if m and first(folded, cand, end):
            out.append(m)
            pos = m.end()
        gate = search(stops, max(cand, pos - 1) - lo)
    return out


class _Skip:
    """What a period match's value is when the match is no period of the figure after all."""


_SKIPPED = _Skip()
_SPAN_KINDS = frozenset({"mrange", "ended", "firstn", "quarter", "quarters", "halfy"})
_NOT_A_SPAN = _Skip()
_DEFAULT_YEAR = "XXXX"


def _span_value(m: re.Match[str], raw: str, ref_year: int | None) -> str | _Skip | None:
    """The value of a span of months or years ("from 2013 to November 2017", "2019-2021",
    "January to May", "the first half", "Q3"); ``_NOT_A_SPAN`` for another kind of match."""
    kind = m.lastgroup  # the outermost group closes last: the branch that matched
    if kind == "ymrange":  # "from 2013 to November 2017"
        return _span(m.group("ya"), 1, m.group("yb"), _month_num(m.group("mb")))
    if kind == "between":
        return f"{m.group('y1')}/{m.group('y2')}"
    if kind == "yrange":
        y1, y2 = m.group("r1"), m.group("r2")
        return f"{y1}/{y1[:2] + y2 if len(y2) == 2 else y2}"
    if kind not in _SPAN_KINDS:
        return _NOT_A_SPAN
    y = _resolve_year(_tail_year(raw), ref_year, _DEFAULT_YEAR)
    if kind == "mrange":
        return _span(y, _month_num(m.group("m1")), y, _month_num(m.group("m2")))
    if kind == "ended" or kind == "firstn":
        raw_n = (m.group("en") or m.group("n")).lower()
        n = int(raw_n) if raw_n.isdigit() else COUNT_WORDS.get(raw_n, 0)
        last = _month_num(m.group("em")) if kind == "ended" else 12
        if not 1 <= n <= last:
            return _SKIPPED  # "the 12 months ended June": a span across a new year
        return _span(y, last - n + 1, y, last) if kind == "ended" else _span(y, 1, y, n)
    if kind == "quarter":
        q = int(m.group("qd")) if m.group("qd") else ORDINAL_WORDS[fold_case(m.group("qn"))]
        return _span(y, 3 * q - 2, y, 3 * q)
    if kind == "quarters":
        return _span(y, 1, y, 3 * COUNT_WORDS[fold_case(m.group("qsn"))])
    if kind == "halfy":
        h = int(m.group("hd")) if m.group("hd") else ORDINAL_WORDS[fold_case(m.group("hn"))]
        return _span(y, 6 * h - 5, y, 6 * h)
    return _NOT_A_SPAN


def _point_value(
    m: re.Match[str],
    text: str,
    span: tuple[int, int],
    ref_year: int | None,
    published: dt.date | None,
) -> str | _Skip | None:
    """The value of a month, a span counted back ("the past 11 months"), a relative year or
    month ("last year", "last month") or a year; ``_SKIPPED`` when it is none of the figure's."""
    raw, (start, end) = text[m.start() : m.end()], span
    kind = m.lastgroup
    if kind == "month":
        if (
            not plausible_month(m, text)
            or _DATELINE_TAIL_RE.match(text, m.end(), end)
            or (
                _DAY_AFTER_RE.match(text, m.end(), end)
                and _REPORTED_ON_RE.search(text, max(start, m.start() - 80), m.start())
            )
        ):
            return _SKIPPED
        y = _resolve_year(_tail_year(raw), ref_year, _DEFAULT_YEAR)
        return f"{y}-{_month_num(m.group('mn')):02d}"
    if kind == "since":
        return _past_months_of(m, ref_year)  # "over the past 11 months of 2019"
    if kind == "rel":
        return _resolve_year(raw, ref_year, "XXXX")
    if kind == "relm":
        return _relative_month(raw, published)  # "last month": before the dateline's
    if quantity_follows(text, m.end()):
        return _SKIPPED  # "2000余户", "2021家": in Chinese a year is written with 年
    if periods_zh.multiple_base(text, m.start(), m.end(), end):
        return _SKIPPED  # "是2019年的3倍": the base of a multiple
    return raw


def find_periods(
    text: str,
    start: int,
    end: int,
    ref_year: int | None,
    published: dt.date | None = None,
    folded: str | None = None,
    cjk: bool = True,
) -> list[Period]:
    """Period expressions in ``text[start:end]`` (a sentence).

    A month or quarter without a year takes the single year stated in the sentence, else the
    latest such period before ``published``, else ``XXXX``. ``ref_year`` resolves "last year".
    ``folded`` is ``fold_case(text)`` if the caller has it; ``cjk`` False says the sentence
    holds no ideograph (:func:`.text_index.ideograph_offsets`), so it is not looked through.
    """
    found: list[Period] = []
    if folded is None:
        folded = fold_case(text)
    for m in _period_matches(folded, start, end):
        raw = text[m.start() : m.end()]
        value = _span_value(m, raw, ref_year)
        if value is _NOT_A_SPAN:
            value = _point_value(m, text, (start, end), ref_year, published)
        if isinstance(value, _Skip):
            continue
        if m.lastgroup != "since" and compared_or_begun(
            folded, max(start, m.start() - 40), m.start()
        ):
            continue  # the comparison base of a change, not the period of the figure
        if (
            m.lastgroup == "year"
            and folded.startswith(_LEVEL_AFTER, m.end())
            and not _LEVEL_OF_RE.match(folded, m.end(), end)
        ):
            continue  # "above the 2019 level", but not "the 2019 level of 45 million tons"
        found.append(Period(m.start(), m.end(), value, raw))
    # Only a sentence with Chinese characters can hold Chinese periods: English text pays one
    # isascii() (and, with curly quotes or no-break spaces, one scan for an ideograph).
    if cjk and not text[start:end].isascii() and has_cjk(text, start, end):
        found = _with_chinese(found, periods_zh.find_periods_zh(text, start, end, ref_year))
    if found and any(p.value and "XXXX" in p.value for p in found):
        years = {p.value for p in found if p.value and _FOUR_DIGITS_RE.fullmatch(p.value)}
        found = [_fill_year(p, years, published) for p in found]
    return found


_FOUR_DIGITS_RE = re.compile(r"\d{4}")


def _with_chinese(found: list[Period], chinese: list[periods_zh.ZhPeriod]) -> list[Period]:
    """``found`` with the Chinese periods added; a Chinese period wins over an English match it
    overlaps ("2021" inside "2021年一季度", "2016-2020" inside "2016-2020年")."""
    if not chinese:
        return found
    kept: list[Period] = []
    i = 0  # both lists are sorted and free of overlaps: one sweep keeps this linear
    for p in found:
        while i < len(chinese) and chinese[i][1] <= p.start:
            i += 1
        if i == len(chinese) or chinese[i][0] >= p.end:
            kept.append(p)
    return sorted(kept + [Period(*zh) for zh in chinese])


def _fill_year(period: Period, years: set[str], published: dt.date | None) -> Period:
    """``period`` with an unknown year set to the sentence's only year (``years``), else
    to the latest such period before ``published``."""
    if not period.value or "XXXX" not in period.value:
        return period
    if len(years) == 1:
        year = next(iter(years))
    elif published is not None:
        # a bare year ("全年": XXXX) counts as ending in December: the latest complete year
        last_month = int(period.value[-2:]) if period.value[-2:].isdigit() else 12
        year = str(published.year if last_month <= published.month else published.year - 1)
    else:
        return period
    return Period(period.start, period.end, period.value.replace("XXXX", year), period.text)
