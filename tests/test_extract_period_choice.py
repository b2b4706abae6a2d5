"""choose_periods: the nearest unblocked period, not one that belongs to another figure."""

from __future__ import annotations

import itertools
import random
from bisect import bisect_left, bisect_right

from factscope.importers.extract.figure import Figure
from factscope.importers.extract.period_choice import choose_periods
from factscope.importers.extract.periods import Period


def _fig(start: int, end: int) -> Figure:
    return Figure(start, end, start, end, 1.0, 1.0, "CNY")


def test_a_period_right_after_another_figure_is_that_figures() -> None:
    # "from 1.5 billion yuan in 2012 to 2.9 billion yuan in 2021"
    text = "from 1.5 billion yuan in 2012 to 2.9 billion yuan in 2021"
    first = _fig(text.index("1.5"), text.index(" in 2012"))
    second = _fig(text.index("2.9"), text.index(" in 2021"))
    y2012 = Period(text.index("2012"), text.index("2012") + 4, "2012", "2012")
    y2021 = Period(text.index("2021"), text.index("2021") + 4, "2021", "2021")
    assert choose_periods([first, second], [y2012, y2021], []) == [y2012, y2021]


def test_a_semicolon_blocks_a_period() -> None:
    text = "In 2020 exports were 3 billion yuan; imports 2 billion yuan"
    fig = _fig(text.index("2 billion"), len(text))
    y2020 = Period(3, 7, "2020", "2020")
    assert choose_periods([fig], [y2020], [text.index(";")]) == [y2020]  # the only one
    nearer = _fig(text.index("3 billion"), text.index(";"))
    assert choose_periods([nearer, fig], [y2020], [text.index(";")]) == [y2020, y2020]


def _choose_periods_before(
    figs: list[Figure], periods: list[Period], semicolons: list[int]
) -> list[Period | None]:
    """choose_periods as it was at 367ad9a (closures, both keys
    built for every figure): the reference the rewrite is compared with."""
    if not periods:
        return [None] * len(figs)
    starts = [f.start for f in figs if not f.is_rank]

    def blocked(lo: int, hi: int) -> int:
        if hi <= lo:
            return 0
        i = bisect_left(semicolons, lo)
        if i < len(semicolons) and semicolons[i] < hi:
            return 1
        j = bisect_left(starts, lo)
        return int(j < len(starts) and starts[j] < hi)

    ends = [p.end for p in periods]
    fig_ends = sorted(f.end for f in figs)

    def taken(period: Period, fig: Figure) -> int:
        j = bisect_right(fig_ends, period.start) - 1
        return int(j >= 0 and fig_ends[j] != fig.end and period.start - fig_ends[j] <= 4)

    chosen: list[Period | None] = []
    for fig in figs:
        k = bisect_right(ends, fig.start)
        best: Period | None = None
        if k > 0:
            best = periods[k - 1]
            best_key = (blocked(best.end, fig.start), taken(best, fig), fig.start - best.end)
        if k < len(periods):
            after = periods[k]
            key = (blocked(fig.end, after.start), 0, max(0, after.start - fig.end))
            if best is None or key < best_key:
                best = after
        chosen.append(best)
    return chosen


def test_the_rewrite_chooses_what_the_closures_chose() -> None:
    """Random sentences of figures, periods and semicolons on a short line (so that gaps of
    0-4 characters, blocked and unblocked sides and ranks all occur)."""
    rng = random.Random(19)
    for _ in range(3000):
        cuts = sorted(rng.sample(range(60), rng.randint(2, 16)))
        spans = [(a, b) for a, b in itertools.pairwise(cuts) if b > a][::2]
        figs: list[Figure] = []
        periods: list[Period] = []
        for a, b in spans:
            if rng.random() < 0.5:
                fig = _fig(a, b)
                fig.is_rank = rng.random() < 0.2
                figs.append(fig)
            else:
                periods.append(Period(a, b, "2020", "2020"))
        semicolons = sorted(rng.sample(range(60), rng.randint(0, 3)))
        expected = _choose_periods_before(figs, periods, semicolons)
        assert choose_periods(figs, periods, semicolons) == expected
