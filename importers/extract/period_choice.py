"""The period of each figure of a sentence: the nearest one not separated from it by another
figure or a semicolon, and not one that sits right after another figure ("from 1.55 trillion
yuan in 2012 to 2.93 trillion yuan in 2021": 2012 is the first amount's). Linear in the
sentence's figures and periods.

Non-goals: periods of other sentences (see :mod:`.period_carry`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from .figure import Figure
from .periods import Period

_TAIL_GAP = 4  # " in " between a figure and its own period


def choose_periods(
    figs: list[Figure], periods: list[Period], semicolons: list[int]
) -> list[Period | None]:
    """The period of each figure (``figs`` and ``periods`` sorted, periods not overlapping).

    Of the periods before a figure the last is the best and of those after it the first, so
    only these two are compared (when there are both): unblocked first, then nearer, then the
    earlier one. ``semicolons`` holds the sorted offsets of ";" in the text.
    """
    if not periods:  # half the sentences with figures state no period
        return [None] * len(figs)
    ends = [p.end for p in periods]
    last = len(periods)
    starts: list[int] | None = None  # of the figures that block: made if a choice needs them
    fig_ends: list[int] = []
    chosen: list[Period | None] = []
    for fig in figs:
        k = bisect_right(ends, fig.start)
        if k == 0 or k == last:  # one side only: no comparison
            chosen.append(periods[k] if k == 0 else periods[k - 1])
            continue
        if starts is None:
            starts = [f.start for f in figs if not f.is_rank]
            fig_ends = sorted(f.end for f in figs)
        before, after = periods[k - 1], periods[k]
        before_key = (
            _blocked(before.end, fig.start, semicolons, starts),
            _taken(before, fig, fig_ends),
            fig.start - before.end,
        )
        after_key = (
            _blocked(fig.end, after.start, semicolons, starts),
            0,
            after.start - fig.end if after.start > fig.end else 0,
        )
        chosen.append(after if after_key < before_key else before)
    return chosen


def _blocked(lo: int, hi: int, semicolons: list[int], starts: list[int]) -> int:
    """1 if a semicolon or a figure (of ``starts``) stands in ``[lo, hi)``."""
    if hi <= lo:
        return 0
    i = bisect_left(semicolons, lo)
    if i < len(semicolons) and semicolons[i] < hi:
        return 1
    j = bisect_left(starts, lo)
    return int(j < len(starts) and starts[j] < hi)


def _taken(period: Period, fig: Figure, fig_ends: list[int]) -> int:
    """1 if ``period`` sits right after another figure ("from 1.55 trillion yuan in 2012 to
    2.93 trillion yuan in 2021": 2012 is the first amount's)."""
    j = bisect_right(fig_ends, period.start) - 1
    return int(j >= 0 and fig_ends[j] != fig.end and period.start - fig_ends[j] <= _TAIL_GAP)
