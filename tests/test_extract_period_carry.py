"""Which figures continue the article's period, and how a headline is dated. Our own
sentences."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factscope.importers.extract import extract_facts, period_carry

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


# The slots of a reference phrase, each with what fills it, what breaks it and the letters
# IGNORECASE matches to ASCII ones (long s, dotless i, Kelvin sign); the gaps re's \s takes
_SLOTS = [
    ["", "x", "(", "Exports rose ", "同期，", "比上年", "\n"],
    ["during", "In", "for", "OVER", "within", "throughout", "ín", "x", ""],
    ["the", "This", "that", "THE", "thé", ""],
    ["same", "ſame", "said", "above", "reporting", "whole", "full", "", "same period of"],
    ["period", "PERİOD", "perıod", "periods", "time frame", "timeframe", "year", "YEAR", "time"],
    ["", " last year", " of 2020", ",", " in 2", " from", " the previous", " -", " ago", "x"],
    ["", "同期", "同期相比", "，同期", " 同期比", " During the period"],
]  # fmt: skip
_GAPS = [" ", "  ", "\xa0", "\u3000", "\n", ""]


@settings(max_examples=1500, deadline=None)
@given(st.tuples(*(st.tuples(st.sampled_from(s), st.sampled_from(_GAPS)) for s in _SLOTS)))
def test_reference_gates_agree_with_the_patterns(parts: tuple[tuple[str, str], ...]) -> None:
    """The looks at the words around "period", "year" and 同期 only spare searches that would
    find nothing: each function finds what its pattern's search finds, at any bounds."""
    text = "".join(word + gap for word, gap in parts)
    for start, end in ((0, len(text)), (1, len(text)), (0, max(0, len(text) - 2))):
        want = period_carry.REFERENCE_RE.search(text, start, end)
        got = period_carry.reference_in(text, start, end)
        if got is not None or any(
            text.find(g, start, end) >= 0 for g in ("period", "time", "同期")
        ):
            assert (got and got.span()) == (want and want.span())
        want = period_carry._YEAR_REFERENCE_RE.search(text, start, end)
        got = period_carry.year_reference_in(text, start, end)
        if got is not None or text.find("year", start, end) >= 0:
            assert (got and got.span()) == (want and want.span())


@pytest.mark.parametrize(
    "phrase",
    [
        "during the reporting period", "over that period", "within the same period",
        "in the said period", "for this time frame", "during the above timeframe",
        "over the period", "in the same period",
    ],
)  # fmt: skip
def test_each_reference_wording_passes_the_gate(phrase: str) -> None:
    """Each determiner and qualifier the pattern reads, spelled out (random slots rarely
    reach each one): the looks before the search let every one through."""
    text = f"Exports rose 5 percent {phrase}, the bureau said."
    want = period_carry.REFERENCE_RE.search(text)
    assert want is not None
    got = period_carry.reference_in(text, 0, len(text))
    assert got is not None and got.span() == want.span()


def test_the_reference_gates_refuse_what_they_should() -> None:
    """The cheap looks do decide: a comparison's base is refused without a search."""
    base = "Exports rose over the same period last year and year on year."
    assert period_carry.reference_in(base, 0, len(base)) is None
    assert not period_carry._clause_head("比上年同期增长", 0, 7)
    assert period_carry._clause_head("同期，出口增长", 0, 7)
    folded = "exports rose over the same period last year and year on year."
    assert not period_carry._unrefused(
        folded, "period", period_carry._NOT_REFERENCE_RE, period_carry._reference_words
    )
    assert not period_carry._unrefused(
        folded, "year", period_carry._NOT_YEAR_REFERENCE_RE, period_carry._year_words
    )
    assert period_carry._unrefused(
        "during the year, it rose",
        "year",
        period_carry._NOT_YEAR_REFERENCE_RE,
        period_carry._year_words,
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Output rose over the full year.", "over the full year"),
        ("Output rose Throughout the whole year, it said.", "Throughout the whole year"),
        ("Output rose during the year before.", None),
    ],
)
def test_year_references(text: str, found: str | None) -> None:
    m = period_carry.year_reference_in(text, 0, len(text))
    assert (m.group(0) if m else None) == found
