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
