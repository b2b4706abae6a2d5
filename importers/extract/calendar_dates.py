"""Calendar dates in a text ("2021-02-05", "February 5, 2021", "5 March 2021", "2021年2月5日")
with their spans: :func:`find_dates` keeps day numbers out of the facts and the import guesses a
publication date with it. The month and year patterns are those of :mod:`.periods`.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterator

from factscope.importers.lexicon import en
from factscope.importers.lexicon.common import alternation

from .periods import _MONTH, _YEAR, _month_num
from .text_index import year_offsets

# DATE_RES[0] and [1] can only start where these match (every month name begins with one of
# the abbreviations); the first is tried at the text's year offsets only.
_NUMERIC_DATE_GATE_RE = re.compile(r"(?:19|20)\d\d[-./]")
_MONTH_LEADS = tuple(name[:3] for name in en.MONTH_NAMES)  # "Jan", "Feb", ... "Dec"
# What _month_leads finds (the pattern stays as its reference and for bench/scan_engines.py)
_MONTH_GATE_RE = re.compile(alternation(_MONTH_LEADS))
# Each capital with the leads it opens ("J": "Jan", "Jun", "Jul"): a capital tries only its own
_MONTH_HEADS = {
    head: tuple(lead for lead in _MONTH_LEADS if lead[0] == head)
    for head in sorted({lead[0] for lead in _MONTH_LEADS})
}
DATE_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?<!\d)(?P<y>20\d\d|19\d\d)[-./](?P<m>[01]?\d)[-./](?P<d>[0-3]?\d)(?!\d)"),
    re.compile(rf"(?P<mn>{_MONTH})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR})\b"),
    re.compile(rf"(?<!\d)(?P<d>[0-3]?\d)\s+(?P<mn>{_MONTH})\s+(?P<y>{_YEAR})\b"),
    re.compile(r"(?P<y>20\d\d|19\d\d)年(?P<m>[01]?\d)月(?P<d>[0-3]?\d)日"),
)


def _date_matches(text: str, start: int, stop: int, years: list[int]) -> Iterator[re.Match[str]]:
    """What ``DATE_RES`` find in ``text[start:stop]``, pattern by pattern; the first three are
    tried only where a year ("2021-": ``years`` are the text's year offsets), a month name or a
    day before one was found. A year inside an earlier one ("192021-") has a digit before it,
    which the numeric pattern refuses, so the offsets of one scan of the text are enough."""
    numeric, month_day, day_month, chinese = DATE_RES
    pos = start
    for at in years[bisect_left(years, start) : bisect_left(years, stop)]:
        if not _NUMERIC_DATE_GATE_RE.match(text, at, stop):
            continue
        m = numeric.match(text, at, stop) if at >= pos else None
        if m:
            pos = m.end()
            yield m
    months = _month_leads(text, start, stop)
    pos = start
    for lead in months:
        m = month_day.match(text, lead, stop) if lead >= pos else None
        if m:
            pos = m.end()
            yield m
    pos = start
    for digit in _days_before(text, months, start):
        two_digits = digit > start and text[digit - 1] in "0123"
        for cand in (digit - 1, digit) if two_digits else (digit,):
            m = day_month.match(text, cand, stop) if cand >= pos else None
            if m:
                pos = m.end()
                yield m
                break
    if text.find("年", start, stop) >= 0:  # every Chinese date has one: English text skips the scan
        yield from chinese.finditer(text, start, stop)


def _month_leads(text: str, start: int, stop: int) -> list[int]:
    """Offsets of the month leads ("Jan" ... "Dec") in ``text[start:stop]``, as
    ``_MONTH_GATE_RE.finditer`` finds them (two leads never overlap: each has one capital),
    by str.find of their eight capitals: the pattern opens with a class of them, which re
    tests at every character."""
    found: list[int] = []
    last = stop - 3
    for head, leads in _MONTH_HEADS.items():
        at = text.find(head, start, last + 1)
        while at >= 0:
            if text.startswith(leads, at):
                found.append(at)
            at = text.find(head, at + 1, last + 1)
    found.sort()
    return found


def _days_before(text: str, months: list[int], start: int) -> Iterator[int]:
    """The digit of each ``\\d\\s+`` right before a month lead in ``text[start:]`` ("5 March"),
    read off the leads already found instead of a second scan of the text (a scan of
    ``\\d\\s+(?:Jan|...)`` tries every digit: 16 ms/MB on the seeds)."""
    for lead in months:
        space = lead
        while space > start and text[space - 1].isspace():
            space -= 1
        if space < lead and space > start and text[space - 1].isdecimal():
            yield space - 1


def find_dates(
    text: str, start: int = 0, end: int | None = None, years: list[int] | None = None
) -> list[tuple[int, int, dt.date]]:
    """Calendar dates ("2021-02-05", "February 5, 2021", "2021.02.05") with their spans;
    ``years`` is the text's :func:`.text_index.year_offsets` if the caller has them."""
    stop = len(text) if end is None else end
    out: list[tuple[int, int, dt.date]] = []
    for m in _date_matches(text, start, stop, year_offsets(text) if years is None else years):
        groups = m.groupdict()
        month = _month_num(groups["mn"]) if groups.get("mn") else int(groups["m"])
        try:
            date = dt.date(int(groups["y"]), month, int(groups["d"]))
        except ValueError:
            continue
        out.append((m.start(), m.end(), date))
    out.sort()
    return out
