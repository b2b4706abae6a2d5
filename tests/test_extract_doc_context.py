"""The article's period context: span counting, comparison years, headlines, reference
phrases. Our own sentences."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factscope.importers.extract import doc_context
from factscope.importers.extract._fold import fold_case
from factscope.importers.extract.doc_context import (
    PeriodContext,
    headline_end,
    reference_year_from_comparison,
    stock_turns,
    turns_to_stock,
    word_periods,
)
from factscope.importers.extract.period_carry import reference_in
from factscope.importers.extract.periods import Period
from factscope.importers.extract.sentences import split_paragraphs
from factscope.importers.extract.text_index import ideograph_offsets


def _context(value: str, text: str = "stated") -> PeriodContext:
    told = PeriodContext()
    told.state(Period(0, 1, value, text), 0, 0)
    return told


@pytest.mark.parametrize(
    ("stated", "wording", "published", "expected"),
    [
        ("2023-01/2023-06", "over the past six months", None, "2023-01/2023-06"),
        ("2023-01/2023-06", "in the last three months", dt.date(2023, 7, 9), "2023-04/2023-06"),
        ("2023-01/2023-06", "in the last three months", None, None),
        ("2018/2022", "over the past five years", None, "2018/2022"),
        ("2013-01/2017-11", "in the past five years", None, "2013-01/2017-11"),
        ("2023-06", "in the past four years", dt.date(2023, 7, 1), "2019/2022"),
        ("2023-06", "over the past decade", dt.date(2023, 7, 1), "2013/2022"),
        ("2023-06", "over the past years", dt.date(2023, 7, 1), None),
    ],
)
def test_spans_counted_back(
    stated: str, wording: str, published: dt.date | None, expected: str | None
) -> None:
    assert _context(stated).resolve_span_back(wording, published) == expected


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Exports rose 4 percent from 2018.", 2019),
        ("Imports were 3 billion yuan last year, down 2% from 2015.", 2017),
        ("Trade grew 6% compared with the same period in 2020.", 2021),
        ("进出口较2022年同期增长3%。", 2023),
        ("Trade from 2016 to 2020 doubled.", None),  # a span, no comparison
        ("Trade grew 6% year on year.", None),
    ],
)
def test_reference_year_from_comparison(text: str, year: int | None) -> None:
    assert reference_year_from_comparison(text) == year


@pytest.mark.parametrize(
    ("text", "is_headline"),
    [
        ("Tibet's trade passes 5 billion yuan\n\nLHASA -- Trade rose.", True),
        ("Trade rose 5 percent in 2022.\n\nExports rose.", False),  # a sentence
        ("Only one paragraph here", False),
    ],
)
def test_headline_end(text: str, is_headline: bool) -> None:
    assert (headline_end(text, split_paragraphs(text)) > 0) == is_headline


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("During the period, imports rose.", "During the period"),
        ("Exports rose for the said period.", "for the said period"),
        ("同期，全国进出口增长2%。", "同期"),
        ("Exports rose over the same period last year.", None),  # the base of a comparison
        ("比上年同期增长5%。", None),
    ],
)
def test_reference_phrases(text: str, found: str | None) -> None:
    m = reference_in(text, 0, len(text))
    assert (m.group(0) if m else None) == found


def test_a_turn_to_the_stock_and_an_end() -> None:
    text = "Exports rose 5 percent. So far, 300 firms have come."
    turns = stock_turns(text.lower())
    assert not turns_to_stock(turns, 0, 23)
    assert turns_to_stock(turns, 24, len(text))
    told = _context("2022")
    told.end()
    assert told.value is None


@pytest.mark.parametrize(
    "text",
    ["so far", "So  far, up", "so\nfar", "also far", "so farm", "so\xa0far", "sofar", "so, far",
     "far so far", "xso far", "so far so far", "to date, so\u3000far", "so \t far at present",
     "far", "截至目前 so far 迄今"],
)  # fmt: skip
def test_stock_turns_find_what_the_so_lead_found(text: str) -> None:
    # "so far" is found from its "far" now; the reference tries the pattern at every "so"
    folded = text.lower()
    leads = ("so", *doc_context._STOCK_LEADS)
    assert stock_turns(folded) == doc_context._led_by(folded, leads, doc_context._STOCK_TURN_RE)


def test_word_periods_read_the_ideographs_the_caller_found() -> None:
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.iterdir())]
    texts += [
        "中文版\nIn the first half, trade rose. 上半年，进出口增长。",
        "Since “January”, no year",
    ]
    chinese = 0
    for text in map(fold_case, texts):
        ideographs = ideograph_offsets(text)
        found = word_periods(text, bool(ideographs), ideographs)
        assert found == word_periods(text)  # the class scan of its own
        chinese += bool(ideographs)
        assert set(ideographs) <= set(found)
    assert chinese >= 2


def test_stock_turns_without_ideographs_skip_only_the_chinese_words() -> None:
    english = fold_case("So far this year, exports rose. At present, up to now; to date “x”.")
    assert stock_turns(english, cjk=False) == stock_turns(english) != []
    chinese = "截至目前，出口增长。迄今 so far"
    assert stock_turns(chinese) == [0, 10, 13]
    assert stock_turns(chinese, cjk=False) == [13]


def test_leads_found_through_their_shared_ends_are_the_leads_found_one_by_one() -> None:
    # word_periods finds "september" ... "december" by one scan for "ber" (and the like):
    # every text must give what a str.find per lead (_led_by) gives
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.iterdir())]
    texts += [
        "ber. year uary now", "the year this year last yearlast year", "as of now up to now",
        "Number of members in Octobers, novembernovember; December", "ary january february",
        "the the year. thisyear. known now? 截至目前迄今 up to nowhere", "",
    ]  # fmt: skip
    stock_by_now = doc_context._by_ends(doc_context._STOCK_LEADS, ("now",))
    cases = [
        (
            doc_context._WORD_PERIOD_LEADS,
            doc_context._WORD_PERIOD_GROUPS,
            doc_context._WORD_PERIOD_RE,
        ),
        # two leads through one end ("as of now", "up to now"), Chinese leads on their own
        (doc_context._STOCK_LEADS, stock_by_now, doc_context._STOCK_TURN_RE),
    ]
    hits = 0
    for text in map(fold_case, texts):
        for leads, groups, pattern in cases:
            found = doc_context._led_by_ends(text, groups, pattern)
            assert found == doc_context._led_by(text, leads, pattern)
            hits += len(found)
    assert sorted(lead for _, group in doc_context._WORD_PERIOD_GROUPS for lead in group) == sorted(
        doc_context._WORD_PERIOD_LEADS
    )
    assert hits > 15
