"""Whose dollar a bare "$", "dollars" or "cents" is: the story's, when the text says so."""

from __future__ import annotations

import datetime as dt

import pytest

from factscope.importers.extract import extract_facts
from factscope.importers.extract.money_context import story_dollar

STORIES: list[tuple[str, str | None]] = [
    # the place in the opening lines (a dateline, a headline)
    ("HONG KONG, March 3 -- Retail sales fell again.", "HKD"),
    ("Toronto's housing market cooled in the spring.", "CAD"),
    ("Sydney home prices rose for a sixth month.", "AUD"),
    ("AUCKLAND -- The dairy exporter cut its forecast.", "NZD"),
    ("Singapore's port handled more boxes than ever.", "SGD"),
    # two dollar places in the opening: neither is the story's
    ("Exporters in Canada and Australia had a good year.", None),
    # named later, twice and more than the United States
    ("The miner said on Tuesday that output rose. " + "x" * 300
     + " Its mines in Queensland and the rest of Australia were busy.", "AUD"),
    # named later, once, or less than the United States
    ("The company beat forecasts. " + "x" * 300 + " It also sells in Canada.", None),
    ("Shares rose. " + "x" * 300 + " Canada and Canada again, but the U.S. and the United States"
     " and America matter more.", None),
    ("The company beat forecasts on Wall Street.", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "code"), STORIES)
def test_story_dollar(text: str, code: str | None) -> None:
    assert story_dollar(text) == code


def test_the_region_readers_country_decides_first() -> None:
    assert story_dollar("The company beat forecasts.", home="AU") == "AUD"
    assert story_dollar("HONG KONG -- The company beat forecasts.", home="JP") == "HKD"


READ: list[tuple[str, str, str, str]] = [
    # sentence, quote, unit, words of the note
    ("HONG KONG, March 3 -- Retail sales fell to $30 billion in January.", "$30 billion", "HKD",
     "'$' read as HKD: a Hong Kong story"),
    ("TORONTO -- The loonie gained 2 cents against the greenback.", "2 cents", "CAD",
     "'$' read as CAD: a Canadian story"),
    ("The Ohio firm earned $5 million in the quarter.", "$5 million", "USD",
     "'$' read as US dollars: the text names no other dollar"),
    ("The Ohio firm earned 5 million dollars in the quarter.", "5 million dollars", "USD",
     "'$' read as US dollars: the text names no other dollar"),
    ("The Paris bakery added 10 cents to a baguette, now 1.30 euros.", "10 cents", "EUR",
     "cents read as euro cents: the document's money is euros"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "quote", "unit", "note"), READ)
def test_a_bare_dollar_is_read_with_a_note(text: str, quote: str, unit: str, note: str) -> None:
    [fact] = [f for f in extract_facts(text, dt.date(2025, 3, 5)) if f.quote == quote]
    assert fact.unit == unit
    assert note in (fact.notes or "")


def test_a_us_dollar_in_a_story_with_its_own_dollar_stays_one() -> None:
    text = "SYDNEY -- The miner paid $US5 million, or $7.5 million, and 74 US cents a share."
    facts = {f.quote: f.unit for f in extract_facts(text, dt.date(2025, 3, 5))}
    assert facts["$US5 million"] == "USD"
    assert facts["$7.5 million"] == "AUD"
    assert facts["74 US cents a share"] == "USD"


def test_a_named_dollar_is_never_reread() -> None:
    text = "HONG KONG -- The group paid US$2 billion and 5 million U.S. dollars for the stake."
    facts = extract_facts(text, dt.date(2025, 3, 5))
    assert [(f.quote, f.unit) for f in facts] == [
        ("US$2 billion", "USD"),
        ("5 million U.S. dollars", "USD"),
    ]
    assert all("read as" not in (f.notes or "") for f in facts)
