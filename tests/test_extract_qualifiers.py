"""English qualifiers read around a quote (:mod:`importers.extract.qualifiers`)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factscope.importers.extract import qualifiers
from factscope.importers.extract._fold import fold_case
from factscope.importers.extract.qualifiers import qualifier_after, qualifier_before
from factscope.importers.lexicon import en


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("exports reached about ", "~"),
        ("Nearly ", "~"),
        ("the city has more than ", ">"),
        ("sales topped ", ">"),
        ("with revenue of over ", ">"),
        ("at least ", ">="),
        ("fewer than ", "<"),
        ("the plant employs ", None),
    ],
)
def test_qualifier_before(prefix: str, expected: str | None) -> None:
    got = qualifier_before(prefix)
    assert (got[0] if got else None) == expected


def test_qualifier_after() -> None:
    assert qualifier_after(" approximately.") == "~"
    assert qualifier_after(" or more") == ">="
    assert qualifier_after(" in 2021") is None


@pytest.mark.parametrize("word", list(en.QUALIFIERS_BEFORE))
def test_every_qualifier_before_a_figure_is_read_whole(word: str) -> None:
    # grouped by first letter, the alternation must still pick the whole, leftmost wording:
    # "no less than", not "less than"; "exceeded", not "exceed"
    assert qualifier_before(f"exports rose {word} ") == (en.QUALIFIERS_BEFORE[word], len(word) + 1)
    assert qualifier_before(f"Exports {word.upper()} US$") == (
        en.QUALIFIERS_BEFORE[word],
        len(word) + 4,
    )


_AFTER_PIECES = [
    " ", ",", "\xa0", "\n", "or", " so", " more", "approximately", "APPROXIMATELY", "plus",
    "PLUS", "pluſ", "and", " above", "Or", "x", "5", "%",
]  # fmt: skip


@settings(max_examples=250, deadline=None)
@given(st.lists(st.sampled_from(_AFTER_PIECES), max_size=6).map("".join))
def test_qualifier_after_gate_answers_as_the_pattern(suffix: str) -> None:
    m = qualifiers.QUALIFIER_AFTER_RE.match(suffix[:24])
    expected = (
        qualifiers._QUAL_MAP.get(qualifiers._SPACES_RE.sub(" ", m.group("q").lower()))
        if m
        else None
    )
    assert qualifier_after(suffix) == expected


_BEFORE_PIECES = [
    " ", "\xa0", "\n", "more", " than", "MORE THAN", "about", "ABOUT", "nearly", "ſome", "the",
    "up to", "over", "US$", "rmb", "¥", "İ", "É", "exports", "x", "5", ",",
]  # fmt: skip


@settings(max_examples=250, deadline=None)
@given(
    st.lists(st.sampled_from(_BEFORE_PIECES), max_size=8).map("".join),
    st.lists(st.sampled_from(_BEFORE_PIECES), max_size=3).map("".join),
)
def test_folded_slice_reads_as_the_window(text: str, after: str) -> None:
    # the figure reads its qualifier off a slice of the text's fold (fold_case keeps offsets,
    # but folds the whole text one way when it holds an "İ"): the same as folding the window
    whole = text + after
    folded = fold_case(whole)
    lo = max(0, len(text) - 40)
    assert qualifiers.folded_qualifier_before(folded[lo : len(text)]) == qualifier_before(text)
