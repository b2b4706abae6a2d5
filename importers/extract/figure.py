"""The record every reader of figures produces: a candidate fact before attribution."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field


@dataclass(slots=True)
class Figure:
    """A candidate fact before attribution; offsets index the document text."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    scale: float
    unit: str | None
    per: str | None = None
    value_max: float | None = None
    qualifier: str = "="
    duration: bool = False
    noun: str | None = None
    rank: int | None = None
    rank_scope: str | None = None
    is_rank: bool = False
    rank_verb: int | None = None  # where a Chinese ranking clause starts ("居全国第3位")
    bare: bool = False
    notes: list[str] = field(default_factory=list)


class Spans:
    """Sorted, possibly overlapping ``(start, end)`` spans; ``covers`` is a binary search."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self._starts = [a for a, _ in spans]
        self._reach: list[int] = []  # the furthest end among the spans up to each one
        for _, b in spans:
            self._reach.append(max(b, self._reach[-1]) if self._reach else b)

    def covers(self, pos: int) -> bool:
        """Whether some span has ``start <= pos < end``."""
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and self._reach[i] > pos

    def overlaps(self, lo: int, hi: int) -> bool:
        """Whether some span reaches into ``[lo, hi)``: if not, ``covers`` is False at every
        position there (a sentence with no date spares a look per numeral)."""
        i = bisect_left(self._starts, hi) - 1
        return i >= 0 and self._reach[i] > lo
