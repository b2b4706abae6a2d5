"""Which figures continue the article's period, and how a headline is dated. Our own
sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from factscope.importers.extract import extract_facts

PUBLISHED = dt.date(2022, 3, 1)


def _periods(text: str) -> dict[str, str | None]:
    return {f.quote: f.period for f in extract_facts(text, PUBLISHED)}


@pytest.mark.parametrize(
    ("sentence", "quote", "period"),
    [
        ("Exports rose 4 percent.", "4 percent", "2021"),  # a change continues
        ("Exports were 9 billion yuan.", "9 billion yuan", "2021"),  # a flow continues
        ("The region has 300 firms.", "300 firms", None),  # a count is a stock
        ("Workers earn 900 yuan per month.", "900 yuan per month", None),  # a rate
        ("Since 2015, it has drawn 8 billion yuan.", "8 billion yuan", None),  # its own span
        ("It aims to reach 20 billion yuan.", "20 billion yuan", None),  # a target
    ],
)
def test_what_continues_the_period(sentence: str, quote: str, period: str | None) -> None:
    text = f"In 2021, Qinghai's trade was 40 billion yuan.\n\n{sentence}"
    assert _periods(text)[quote] == period


def test_a_day_date_or_a_full_date_is_no_context() -> None:
    text = "Officials met on October 11, 2021 to review the plan.\n\nExports rose 4 percent."
    assert _periods(text)["4 percent"] is None


def test_a_headline_without_a_period_below_stays_undated() -> None:
    text = "Qinghai trade passes 40 billion yuan\n\nOfficials welcomed the news."
    facts = extract_facts(text, PUBLISHED)
    assert [(f.kind, f.period) for f in facts] == [("threshold", None)]


def test_a_cumulative_amount_in_a_cumulative_period_continues_it() -> None:
    text = (
        "From January to July, Ningxia's trade was 12 billion yuan.\n\n"
        "The region achieved a cumulative trade surplus of 3 billion yuan. Cumulative "
        "investment since 2015 reached 9 billion yuan."
    )
    got = _periods(text)
    assert got["3 billion yuan"] == "2021-01/2021-07"  # the latest January-July before March 2022
    assert got["9 billion yuan"] is None  # a span of its own ("since 2015")
