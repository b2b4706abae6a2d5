"""The period gate read in a one-byte copy of the folded text finds what the pattern finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factscope.importers.extract import period_gate, periods
from factscope.importers.extract._fold import fold_case


def _reference_matches(folded: str, start: int, end: int) -> list[re.Match[str]]:
    """What ``periods._period_matches`` found before the copy: the twin tried at each hit of
    ``_PERIOD_GATE_RE``'s own scan of the folded text."""
    out, pos = [], start
    match = periods._PERIOD_FOLDED_RE.match
    if start == 0 and periods._PERIOD_FIRST_RE.match(folded, 0, end):
        m = match(folded, 0, end)
        if m:
            out.append(m)
            pos = m.end()
    for gate in periods._PERIOD_GATE_RE.finditer(folded, max(0, start - 1), end):
        cand = gate.start() + 1
        m = match(folded, cand, end) if cand >= pos else None
        if m:
            out.append(m)
            pos = m.end()
    return out


# Words that open periods or nearly do, and the characters the copy turns into spaces
_PIECES = [
    "the first", "first", "the 12 months ended", "the ٣ months ended", "Q3", "q5", "h1", "H2",
    "2019", "1999", "(2020)", "(2021", "2016-2020", "2016–21", "mid-", "early-", "late ",
    "January", "jan.", "May", "may", "march", "Sept.", "since", "so far", "up to now",
    "at present", "currently", "over the past", "in the last", "during the past", "this year",
    "last month", "next year", "between", "from", "1st", "2nd", "3rd", "4th", "third", "fourth",
    "second", "apr", "aug", "dec", "feb", "nov", "oct", "ſince", "\u212a", "İn", "x", "a",
]  # fmt: skip
_GAPS = [" ", "  ", "\xa0", "\u3000", "\n", "", ",", "(", "-", "é", "中", "“", "٣", "5", "_"]


@settings(max_examples=800, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GAPS)), max_size=8),
    st.integers(0, 3),
    st.integers(0, 3),
)
def test_the_copy_finds_what_the_gate_finds(
    parts: list[tuple[str, str]], cut_start: int, cut_end: int
) -> None:
    folded = fold_case("".join(gap + word for word, gap in parts))
    start, end = min(cut_start, len(folded)), max(0, len(folded) - cut_end)
    got = periods._period_matches(folded, start, end)
    want = _reference_matches(folded, start, end)
    assert [(m.span(), m.lastgroup) for m in got] == [(m.span(), m.lastgroup) for m in want]


def test_the_copy_is_one_byte_a_character() -> None:
    folded = "a (2020) 中国 é-5٣\xa0x"
    assert period_gate.stop_bytes(folded, 0, len(folded)) == b"a  2020       5  x"
    assert period_gate.stop_bytes(folded, 3, 7) == b"2020"


def test_the_relaxed_gate_finds_the_gates_starts_and_a_few_more() -> None:
    folded = "in the  past, (2019) first,half mid-june; the first\xa0half"
    stops = period_gate.stop_bytes(folded, 0, len(folded))
    search = period_gate.relaxed_gate(periods._PERIOD_OPENINGS).search
    relaxed, gate = set(), search(stops)
    while gate is not None:
        relaxed.add(gate.start() + 1)
        gate = search(stops, gate.start() + 1)
    exact = {m.start() + 1 for m in periods._PERIOD_GATE_RE.finditer(folded)}
    assert exact <= relaxed
    assert relaxed - exact == {folded.index("first,")}  # "first" before a comma, not a space
    assert {folded.index("(2019)"), folded.index("2019"), folded.index("june")} <= exact
