"""Units: currencies as ISO codes, percents, measures, times, durations and counted nouns."""

from __future__ import annotations

import pytest

from factscope.importers.extract.numbers import find_numbers
from factscope.importers.extract.units import converts, counted_noun, is_plural_noun, read_unit

CASES: list[tuple[str, str, str]] = [
    ("sales of 12 billion yuan last year", "12 billion yuan", "CNY"),
    ("worth RMB 3.5 billion", "RMB 3.5 billion", "CNY"),
    ("an investment of 8 million renminbi", "8 million renminbi", "CNY"),
    ("a deal worth US$4.2 billion", "US$4.2 billion", "USD"),
    ("it raised $80 million", "$80 million", "USD"),
    ("exports of 2.3 billion U.S. dollars", "2.3 billion U.S. dollars", "USD"),
    ("orders of 15 million US dollars", "15 million US dollars", "USD"),
    ("a USD 5 million loan", "USD 5 million", "USD"),
    ("a 30 million euro plant", "30 million euro", "EUR"),
    ("rose 6.1 percent", "6.1 percent", "percent"),
    ("rose 6.1%", "6.1%", "percent"),
    ("a 23.4-percent gain", "23.4-percent", "percent"),
    ("up 1.5 percentage points", "1.5 percentage points", "percentage point"),
    ("a 45,000-square-meter hall", "45,000-square-meter", "square meter"),
    ("covers 300 square meters", "300 square meters", "square meter"),
    ("handled 2.1 million tons of cargo", "2.1 million tons", "ton"),
    ("grew 2.5 times", "2.5 times", "times"),
    ("a ten-year-old park", "ten-year-old", "year"),
    ("after 18 months of work", "18 months", "month"),
    ("hosts 2,300 high-tech enterprises in the park", "2,300 high-tech enterprises", "count"),
    ("with 45 cross-border e-commerce platforms", "45 cross-border e-commerce platforms", "count"),
    ("linked 60 countries and regions worldwide", "60 countries and regions", "count"),
    ("hired 120 people", "120 people", "count"),
    ("set up 9 new industrial parks, including", "9 new industrial parks", "count"),
    # A hyphenated proper modifier stays inside the counted noun phrase.
    ("ran 1,500 China-Europe freight trains", "1,500 China-Europe freight trains", "count"),
    # lengths and areas in other units than the metric ones
    ("a bridge 1,600 meters long", "1,600 meters", "meter"),
    ("a 2,800-meter runway", "2,800-meter", "meter"),
    ("about 620 miles away", "620 miles", "mile"),
    ("covers 46 square miles", "46 square miles", "square mile"),
    # 多/余 after a Chinese numeral: "more than", inside the quote
    ("全县共有规上企业1300多家。", "1300多家", "count"),
    ("年产粮食4000余吨。", "4000余吨", "ton"),
    ("营业收入850多亿元。", "850多亿元", "CNY"),
]


@pytest.mark.parametrize(("text", "quote", "unit"), CASES)
def test_unit_table(text: str, quote: str, unit: str) -> None:
    num = find_numbers(text)[0]
    got = read_unit(text, num.start, num.end, len(text), half=num.half)
    assert got is not None, text
    assert text[got.start : got.end] == quote
    assert got.unit == unit


def test_per_denominator() -> None:
    text = "rents of 900 yuan per month"
    num = find_numbers(text)[0]
    got = read_unit(text, num.start, num.end, len(text))
    assert got is not None and got.per == "month" and got.end == len(text)


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("a wage of $15 an hour", "hour"),
        ("gold at $1,950 an ounce", "ounce"),
        ("crude at $78.50 a barrel", "barrel"),
        ("rooms at 300 ringgit a night", "night"),
        ("a dividend of 40 cents per share", "share"),
        ("500 tonnes a day", "day"),
    ],
)
def test_per_denominators_of_news_prices(text: str, per: str) -> None:
    num = find_numbers(text)[0]
    got = read_unit(text, num.start, num.end, len(text))
    assert got is not None and got.per == per and got.end == len(text)


def test_counted_noun_stops_at_verbs_and_prepositions() -> None:
    text = "1,200 foreign-funded firms have settled in the zone"
    got = counted_noun(text, 0, 5, len(text))
    assert got is not None and got.noun == "foreign-funded firms"
    assert counted_noun("5 of them", 0, 1, 9) is None


@pytest.mark.parametrize(
    ("word", "plural"),
    [
        ("cities", True),
        ("people", True),
        ("business", False),
        ("its", False),
        ("various", False),
        ("headquarters", True),
    ],
)
def test_is_plural_noun(word: str, plural: bool) -> None:
    assert is_plural_noun(word) is plural


@pytest.mark.parametrize(
    ("unit", "other", "expected"),
    [
        ("CNY", "USD", True),
        ("CNY", "CNY", True),  # "(about 1.2 billion yuan)": a currency restates itself
        ("mu", "hectare", True),
        ("square kilometer", "square mile", True),
        ("ton", "kilogram", True),
        ("kilometer", "mile", True),
        ("megawatt", "gigawatt", True),
        ("square kilometer", "square kilometer", False),  # a part in brackets, no conversion
        ("ton", "hectare", False),
        ("CNY", "count", False),
        ("percent", "percent", False),
    ],
)
def test_converts(unit: str, other: str, expected: bool) -> None:
    assert converts(unit, other) is expected
