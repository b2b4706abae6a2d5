"""The spans a figure's checks look up (:class:`importers.extract.figure.Spans`)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factscope.importers.extract.figure import Spans

_SPANS = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 12)).map(lambda s: (s[0], s[0] + s[1])),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(_SPANS, st.integers(0, 40), st.integers(0, 12))
def test_covers_and_overlaps_are_the_plain_reading(
    spans: list[tuple[int, int]], lo: int, width: int
) -> None:
    found = Spans(spans)
    hi = lo + width
    assert found.covers(lo) is any(a <= lo < b for a, b in spans)
    assert found.overlaps(lo, hi) is any(a < hi and b > lo for a, b in spans)
    if not found.overlaps(lo, hi):  # what figures_in relies on to skip the look per numeral
        assert not any(found.covers(pos) for pos in range(lo, hi))


def test_overlaps_at_the_edges() -> None:
    found = Spans([(5, 8), (1, 3)])
    assert found.overlaps(7, 9) and found.overlaps(0, 2) and found.overlaps(2, 6)
    assert not found.overlaps(3, 5) and not found.overlaps(8, 20) and not found.overlaps(0, 1)
    assert not Spans([]).overlaps(0, 100)
