"""Openings: the characters a pattern's match opens with past white space, and the matcher that
asks only the branches that can open with the character at hand."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factscope.importers.extract import units
from factscope.importers.extract.openings import (
    _EXTRA_CASES,
    FirstCharMatcher,
    next_char,
    openings,
)


@pytest.mark.parametrize(
    ("source", "flags", "expected"),
    [
        (r"[\s\xa0]*(?:ab|c)d", 0, "ac"),
        (r"[\s\xa0-]*(?:x|y)", 0, "-xy"),
        (r" +(?:times)\b|[\s\xa0]*倍", 0, "t倍"),
        (r"(?<=illion[\s\xa0])dong|VND", 0, "dV"),
        (r"(?:South[\s\xa0]+)?Korean", 0, "SK"),
        (r"s(?:o)?", re.IGNORECASE, "sSſ"),
        (r"(?i:k)|I", 0, "kK\u212aI"),
        (r"(?i:i)", 0, "iIİı"),
        (r"(?P<g>[0-3])%", 0, "0123"),
        (r"(?:a|)b", 0, "ab"),
    ],
)
def test_openings_listed(source: str, flags: int, expected: str) -> None:
    assert openings(source, flags) == frozenset(expected)


@pytest.mark.parametrize(
    "source",
    [r"\w+", r"[^a]", r".x", r"a?", r"[\s\xa0]*", r"(?i:é)", r"[\s\xa0]*[ x]", r"[\u4e00-\u9fff]"],
)
def test_openings_too_wide_or_empty_are_none(source: str) -> None:
    # \w, a negated class, any character, an empty match, a cased letter beyond ASCII under
    # IGNORECASE, white space after white space, a range wider than the listing allows
    assert openings(source) is None


def test_extra_cases_are_every_letter_ignorecase_joins_to_ascii() -> None:
    every = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    joined = {m.group() for m in re.finditer(r"(?i:[a-z])", every)}
    assert joined == {char for chars in _EXTRA_CASES.values() for char in chars}
    for low, chars in _EXTRA_CASES.items():
        assert all(re.fullmatch(low, char, re.IGNORECASE) for char in chars)


@pytest.mark.parametrize(
    ("text", "pos", "expected"),
    [("5 %", 1, "%"), ("5%", 1, "%"), ("5", 1, ""), ("5" + " " * 20 + "yuan", 1, "y"),
     ("5\xa0\u3000元", 1, "元"), ("5 -percent", 1, "-")],
)  # fmt: skip
def test_next_char(text: str, pos: int, expected: str) -> None:
    assert next_char(text, pos) == expected


_PIECES = [
    " ", "\xa0", "\u3000", "-", "yuan", "Yuan", "YEN", "percent", "PER CENT", "%", "％", "pct",
    " points", "ppts", "mu", "亩", "公里", "times", "倍", "years", "Months", "consecutive",
    "ſtraight",
    "家", "个", "月", "dollars", "US", "U.S.", "$", "Hong Kong", "billion", "illion", "dong",
    "won", "euro", " cents", "pounds", "sterling", "rupees", "Indian", "Korean", "NT", "x", "5",
]  # fmt: skip

_MATCHERS = [
    (units._SUFFIX_OR_PERCENT, units._SUFFIX_OR_PERCENT_RE),
    (units._MEASURE_TO_COUNT, units._MEASURE_TO_COUNT_RE),
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=6).map("".join), st.integers(0, 3))
def test_matcher_matches_as_the_whole_alternation(text: str, cut: int) -> None:
    for matcher, whole in _MATCHERS:
        end = max(0, len(text) - cut)  # the limit cuts the pattern short, not the opening look
        got, expected = matcher.match(text, 0, end), whole.match(text, 0, end)
        assert (got and (got.span(), got.lastgroup)) == (
            expected and (expected.span(), expected.lastgroup)
        )


def test_matcher_keeps_only_branches_that_open_with_the_character() -> None:
    matcher = FirstCharMatcher([(r"[\s\xa0]*", ["(?P<a>ab)", "(?P<b>x)", r"(?P<c>\w)"], "")])
    assert matcher.source("a") == r"[\s\xa0]*(?:(?P<a>ab)|(?P<c>\w))"  # \w: kept for all
    assert matcher.source("x") == r"[\s\xa0]*(?:(?P<b>x)|(?P<c>\w))"
    m = matcher.match("  x", 0, 3)
    assert m is not None and m.lastgroup == "b"
    closed = FirstCharMatcher([("", ["(?P<a>ab)", "(?P<b>x)"], "")])
    assert closed.match("zz", 0, 2) is None and closed.source("z") == ""
