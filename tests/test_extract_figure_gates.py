"""The plain-Python window checks answer what the patterns they replaced answer.

Each check is compared with its pattern on the boundary cases (a final newline, where ``$``
also matches; ``\\b`` at the window's start; non-ASCII digits and spaces) and on random
strings built from the pieces the pattern reads, so a rewrite that drifts fails here.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factscope.importers.extract import figure_gates, figures
from factscope.importers.extract._fold import fold_case
from factscope.importers.extract.figure import Figure
from factscope.importers.extract.numbers import find_numbers
from factscope.importers.lexicon import en

_NAME_PIECES = [
    "no", "no.", "icp", "tel", "fax", "page", "a", "z", "x", "1", "٣", "２", "-", "‑", "–", "/",
    ":", " ", "\n", "\xa0", "\u3000", ".", "+", "#", "№", "_", "é",
]  # fmt: skip
_CAPITAL_PIECES = [
    *figure_gates.CAPITALIZED_NAMES, "code", "Lines", "x", "1", "_", "é", ":",
    " ", "\n", "\xa0", ".", "-",
]  # fmt: skip


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        ("", False), ("g-", True), ("g‑", True), ("5-", True), ("5–", True), ("a12/", True),
        ("a12-", True), ("a٣/", True), (" 12/", True), ("12:", True), ("+", True), ("#", True),
        ("№", True), ("no.", True), ("no. \xa0", True), ("no\n", True), ("casino ", False),
        ("tel: ", True), ("hotel: ", False), ("page ::", True), ("icp\u3000", True),
        ("x-\n", True), ("x-\n\n", False), ("ab ", False), ("1.", False), ("é-", False),
    ],
)  # fmt: skip
def test_name_before_table(window: str, expected: bool) -> None:
    assert figure_gates.name_before(window) is expected
    assert bool(figure_gates.NAME_BEFORE_FOLDED_RE.search(window)) is expected


@settings(max_examples=250, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=7).map("".join))
def test_name_before_is_the_pattern(window: str) -> None:
    assert figure_gates.name_before(window) == bool(
        figure_gates.NAME_BEFORE_FOLDED_RE.search(window)
    )


@pytest.mark.parametrize("word", [*figure_gates.CAPITALIZED_NAMES, "no", "no.", "icp", "page"])
@pytest.mark.parametrize("after", ["", " ", ": \n", "\xa0:"])
def test_last_letter_gates_let_every_name_through(word: str, after: str) -> None:
    # the one-character gates in front of the checks must pass every word the patterns read
    window = f"see {word}{after}"
    assert figure_gates.capitalized_name_before(window) == bool(
        figure_gates.CAPITALIZED_NAME_BEFORE_RE.search(window)
    )
    folded = window.lower()
    assert figure_gates.name_before(folded) == bool(
        figure_gates.NAME_BEFORE_FOLDED_RE.search(folded)
    )
    if after in ("", " "):  # each word, right before the numeral, names it
        assert figure_gates.name_before(folded) or figure_gates.capitalized_name_before(window)


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("Building ", True), ("the Line:", True), ("Line: \n", True), ("Line", True),
        ("Pipeline ", False), ("line ", False), ("Lines ", False), ("Building_ ", False),
        ("_Line ", False), ("éLine ", False), ("Line. ", False),
    ],
)  # fmt: skip
def test_capitalized_name_before_table(before: str, expected: bool) -> None:
    assert figure_gates.capitalized_name_before(before) is expected
    assert bool(figure_gates.CAPITALIZED_NAME_BEFORE_RE.search(before)) is expected


@settings(max_examples=250, deadline=None)
@given(st.lists(st.sampled_from(_CAPITAL_PIECES), max_size=6).map("".join))
def test_capitalized_name_before_is_the_pattern(before: str) -> None:
    expected = bool(figure_gates.CAPITALIZED_NAME_BEFORE_RE.search(before))
    assert figure_gates.capitalized_name_before(before) == expected


_MONTH_PIECES = ["Sept", "Sep", "May", "December", "Dec", "ember", "Jan", ".", "..", " ", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_MONTH_PIECES, "\xa0", "x", "1"]), max_size=5).map("".join))
def test_month_endings_are_the_after_month_pattern(before: str) -> None:
    expected = bool(figure_gates.AFTER_MONTH_RE.search(before))
    assert before.rstrip().endswith(figure_gates.MONTH_ENDINGS) is expected
    # figures reads the last character first: the endings are asked only after one of theirs
    spaced = before.rstrip()
    gated = spaced[-1:] in figure_gates.MONTH_LAST and spaced.endswith(figure_gates.MONTH_ENDINGS)
    assert gated is expected


def test_month_last_characters_end_every_month_ending() -> None:
    # every month as the lexicon spells it, and a dotted abbreviation, passes the look
    for name in en.MONTH_NAMES:
        assert name[-1] in figure_gates.MONTH_LAST, name
        assert f"{name[:3]}."[-1] in figure_gates.MONTH_LAST
    assert "y" in figure_gates.MONTH_LAST and "." in figure_gates.MONTH_LAST
    assert " " not in figure_gates.MONTH_LAST  # asked after rstrip


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        ("5 to 8 percent", True), ("5-8 percent", True), ("5 – 8 percent", True),
        ("5~8 percent", True), ("between 5 and 8 percent", True), ("5\xa0to\n8 percent", True),
        ("5 and 8 percent", False), ("5 or 8 percent", False), ("5, 8 percent", False),
        ("5 to to 8 percent", False), ("5 8 percent", False), ("5 -- 8 percent", False),
    ],
)  # fmt: skip
def test_range_links_as_the_link_pattern_read_them(text: str, linked: bool) -> None:
    # a range's link: spaces, one of to/-/–/~/and, spaces, then the next numeral
    # ("and" only after "between")
    nums = find_numbers(text)
    fig = Figure(nums[0].start, nums[0].end, nums[0].start, nums[0].end, 5.0, 1.0, None)
    rng = figures._range_end(text, fig, nums, 0, 0, len(text))
    assert (rng is not None and rng[0].start == text.index("8")) is linked


@settings(max_examples=250, deadline=None)
@given(
    st.lists(st.sampled_from([*_NAME_PIECES, "NO", "No.", "ICP", "Tel", "PAGE", "K"]), max_size=7)
)
def test_name_gate_on_the_text_passes_every_name_of_its_fold(pieces: list[str]) -> None:
    # figures reads the last character before the spaces of the text, not of its fold
    window = "".join(pieces)
    gate = window.rstrip()[-1:] in figure_gates.NAME_LAST_ANY_CASE
    assert gate or not figure_gates.name_before(fold_case(window))
