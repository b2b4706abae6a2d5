"""Units: currencies as ISO codes, percents, measures, times, durations and counted nouns."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factscope.importers.extract import cjk, units
from factscope.importers.extract.numbers import find_numbers
from factscope.importers.extract.units import converts, counted_noun, is_plural_noun, read_unit
from tests.possessive import greedy_twin, same_match

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


_UNIT_PIECES = [
    " ", "\xa0", "-", "yuan", "Yuan", "percent", "PER CENT", "%", "pct", " points", "mu", "亩",
    "times", "倍", "years", "Months", "consecutive", "家", "个", "月", "dollars", "US", "$",
    "billion", "illion", "dong", "euro", " cents", "pounds", "per", "a", "/", "day", "capita",
    "ſ", "x", "5", ",",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_UNIT_PIECES), max_size=6).map("".join))
def test_joined_cascade_patterns_read_as_the_separate_ones(text: str) -> None:
    # an alternation tries its branches in order: the joined pattern matches where the first
    # of the separate patterns that matches does, and says which one it was
    kinds = {"pp": 1, "pc": 1, "times": 1, "dur": 2, "count": 3}  # else 0: a c/m group
    for joined, separate in (
        (units._SUFFIX_OR_PERCENT_RE, (units._SUFFIX_RE, units._PERCENT_RE)),
        (
            units._MEASURE_TO_COUNT_RE,
            (units._MEASURE_RE, units._TIMES_RE, units._DURATION_RE, cjk.COUNT_RE),
        ),
    ):
        found = [(i, m) for i, p in enumerate(separate) if (m := p.match(text)) is not None]
        m = joined.match(text)
        if not found:
            assert m is None
            continue
        assert m is not None
        assert m.span() == found[0][1].span()
        assert kinds.get(str(m.lastgroup), 0) == found[0][0]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_UNIT_PIECES), max_size=5).map("".join))
def test_rate_gate_answers_as_the_rate_pattern(text: str) -> None:
    m = units._PER_RE.match(text, 0, len(text))
    expected = (m.group("per").lower().replace("-", " "), m.end()) if m else (None, 0)
    assert units._per(text, 0, len(text)) == expected


_POSSESSIVE_PATTERNS = [
    units._SUFFIX_OR_PERCENT_RE, units._MEASURE_TO_COUNT_RE, units._PER_RE, units._TOKEN_RE,
    cjk.COUNT_RE, cjk.DURATION_RE,
]  # fmt: skip
_SPACED_PIECES = [*_UNIT_PIECES, "  ", " \xa0", "\u3000", "\n", "illion ", "(a)", "个月", "连续"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SPACED_PIECES), max_size=6).map("".join))
def test_possessive_unit_patterns_read_as_their_greedy_twins(text: str) -> None:
    # the white space before a unit word gives nothing back: no word opens with a space
    for pattern in _POSSESSIVE_PATTERNS:
        greedy = greedy_twin(pattern)
        for pos in range(len(text)):
            assert same_match(pattern.match(text, pos), greedy.match(text, pos)), pattern


def test_possessive_unit_patterns_after_the_samples_numerals() -> None:
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    twins = [(pattern, greedy_twin(pattern)) for pattern in _POSSESSIVE_PATTERNS]
    for path in sorted(samples.iterdir()):
        text = path.read_text(encoding="utf-8")
        for num in find_numbers(text):
            for pattern, greedy in twins:
                assert same_match(pattern.match(text, num.end), greedy.match(text, num.end))
