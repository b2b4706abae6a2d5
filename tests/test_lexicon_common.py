"""The shared lexicon: one CJK predicate and the word-list-to-pattern helpers."""

from __future__ import annotations

import re

import pytest

from factscope.importers.lexicon.common import (
    IDEOGRAPH_RE,
    alternation,
    fold_case,
    has_ideograph,
    is_ideograph,
    longest_first,
)


@pytest.mark.parametrize(
    ("char", "ideograph"),
    [
        ("一", True),  # first of the unified block
        ("\u9fff", True),  # last of it
        ("㐀", True),  # Extension A
        ("\u4dbf", True),
        ("䷀", False),  # a Yijing hexagram between the two blocks: no word
        ("。", False),
        ("a", False),
        ("5", False),
        ("ア", False),  # katakana
    ],
)
def test_the_predicate_and_the_pattern_agree(char: str, ideograph: bool) -> None:
    assert is_ideograph(char) is ideograph
    assert (IDEOGRAPH_RE.fullmatch(char) is not None) is ideograph


def test_has_ideograph_looks_only_inside_the_span() -> None:
    text = "exports 出口 rose"
    assert has_ideograph(text)
    assert not has_ideograph(text, 0, 8)
    assert has_ideograph(text, 8, 10)


def test_alternation_escapes_and_spans_white_space() -> None:
    pattern = re.compile(f"(?:{alternation(['approx.', 'close to'])})$")
    assert pattern.match("approx.")
    assert not pattern.match("approxy")
    assert pattern.match("close \n to")
    assert not pattern.match("closeto")


def test_longest_first_keeps_a_word_whole() -> None:
    longest = re.match(longest_first(["sep", "sept"]), "sept")
    in_order = re.match(alternation(["sep", "sept"]), "sept")
    assert longest is not None and longest.group(0) == "sept"
    assert in_order is not None and in_order.group(0) == "sep"


def test_fold_case_keeps_offsets_and_reads_letters_as_ignorecase_does() -> None:
    assert fold_case("Exports ROSE") == "exports rose"
    # "İ".lower() is two characters; the fold keeps one, so offsets after it still line up
    text = "İzmir Zone"
    assert len(fold_case(text)) == len(text)
    assert fold_case(text).index("zone") == text.index("Zone")
    assert fold_case("the fırst yearſ") == "the first years"  # dotless i, long s
    assert fold_case("5 \u212aM") == "5 km"  # Kelvin sign, which IGNORECASE matches to k
