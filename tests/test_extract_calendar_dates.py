"""Calendar dates in text (:mod:`importers.extract.calendar_dates`): the forms it reads, and the
day-before-month candidates it reads off the month leads."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from factscope.importers.extract import calendar_dates
from factscope.importers.extract.calendar_dates import find_dates


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Posted 2021-02-05 by staff", dt.date(2021, 2, 5)),
        ("February 5, 2021", dt.date(2021, 2, 5)),
        ("Updated: 2021.02.05", dt.date(2021, 2, 5)),
        ("5 February 2021", dt.date(2021, 2, 5)),
        ("2021年2月5日", dt.date(2021, 2, 5)),
    ],
)
def test_find_dates(text: str, date: dt.date) -> None:
    assert [d for _, _, d in find_dates(text)] == [date]


_DAY_MONTH_GATE_RE = re.compile(r"\d\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")


def test_days_before_month_leads_are_what_a_day_month_scan_finds() -> None:
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    texts = ["On 5 March, 12  Jan 2020, 3\xa0Feb, ٣ Mar, x Dec, 2021Dec, 31\nMay 7 June"]
    texts += [p.read_text(encoding="utf-8") for p in sorted(samples.iterdir())]
    found = 0
    for text in texts:
        for lo in (0, 1, 4, 9):
            hi = len(text) - lo
            months = [m.start() for m in calendar_dates._MONTH_GATE_RE.finditer(text, lo, hi)]
            scan = [m.start() for m in _DAY_MONTH_GATE_RE.finditer(text, lo, hi)]
            assert list(calendar_dates._days_before(text, months, lo)) == scan
            found += len(scan)
    assert found >= 16


@pytest.mark.parametrize(
    "text",
    ["192021-01-05", "2021-02-05/2021-03-01", "x2021.1.5 and 2021/13/01", "12021-01-01 2020-1-1",
     "٢٠٢١-٠١-٠٥", "20212021-01-01", "1999-12-31-2000-01-01", "2020-02-30 2020-02-29"],
)  # fmt: skip
def test_numeric_dates_read_at_year_offsets_are_the_pattern_matches(text: str) -> None:
    # the numeric dates were found by a scan of "(?:19|20)\d\d[-./]"; now at the year offsets
    numeric = calendar_dates.DATE_RES[0]
    for lo in range(len(text)):
        expected = []
        for m in numeric.finditer(text, lo):
            try:
                dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
            expected.append((m.start(), m.end()))
        assert [(a, b) for a, b, _ in find_dates(text, lo)] == expected, (text, lo)


def test_month_leads_are_what_the_month_gate_finds() -> None:
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    texts = ["JanFeb Mar.Apr MAY May Jun JuneJul Aug, Sep Oct Nov Dec Dex jan", "Dec", "De"]
    texts += [p.read_text(encoding="utf-8") for p in sorted(samples.iterdir())]
    found = 0
    for text in texts:
        for lo, hi in ((0, len(text)), (1, len(text) - 1), (3, len(text) - 2), (0, 2)):
            expected = [m.start() for m in calendar_dates._MONTH_GATE_RE.finditer(text, lo, hi)]
            assert calendar_dates._month_leads(text, lo, hi) == expected, (text[:20], lo, hi)
            found += len(expected)
    assert found > 30
