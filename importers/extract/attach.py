"""Links between the figures of one sentence: periods, growth rates and ranks.

Chooses each figure's period (the nearest one not separated from it by another figure or a
semicolon), attaches growth rates to the figure they qualify (or keeps them as their own
``change`` record) and copies ranks onto the figure they rank. Each step costs about linear
time in the sentence's figures, so a document that is one huge sentence stays fast.

Non-goals: links across sentences; reading the wording itself (see :mod:`.changes`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from . import metrics
from .changes import Change, read_change, read_multiplier
from .figures import Figure, topping_scope
from .periods import Period

BRACKET_GAP_RE = re.compile(r"^[\s\xa0]*[(（][\s\xa0]*(?:about|around|approximately|or)?[\s\xa0]*$")
_RANK_GAP_RE = re.compile(
    r"^[^;]*,[\s\xa0]*(?:which[\s\xa0]+|and[\s\xa0]+|that[\s\xa0]+)?$|"
    r"^[\s\xa0]*$"
)
CURRENCIES = frozenset({"CNY", "USD", "EUR", "HKD", "GBP", "JPY"})
_PERCENTS = ("percent", "percentage point")


def choose_periods(
    figs: list[Figure], periods: list[Period], semicolons: list[int]
) -> list[Period | None]:
    """The period of each figure (``figs`` and ``periods`` sorted, periods not overlapping).

    Of the periods before a figure the last is the best and of those after it the first, so
    only these two are compared: unblocked first, then nearer, then the earlier one.
    ``semicolons`` holds the sorted offsets of ";" in the text.
    """
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
    chosen: list[Period | None] = []
    for fig in figs:
        k = bisect_right(ends, fig.start)
        best: Period | None = None
        if k > 0:
            best = periods[k - 1]
            best_key = (blocked(best.end, fig.start), fig.start - best.end)
        if k < len(periods):
            after = periods[k]
            key = (blocked(fig.end, after.start), max(0, after.start - fig.end))
            if best is None or key < best_key:
                best = after
        chosen.append(best)
    return chosen


class Changes:
    """The growth rates of one sentence: ``attached`` to figure indexes, the indexes of the
    percent figures thereby ``consumed``, ``standalone`` changes (by the percent's index), and
    the ``verbs`` of multiplicative changes ("doubled to ...") by figure index."""

    def __init__(self, text: str, figs: list[Figure], s_start: int, s_end: int) -> None:
        self.figs = figs
        self.attached: dict[int, Change] = {}
        self.consumed: set[int] = set()
        self.standalone: dict[int, Change] = {}
        self.verbs: dict[int, tuple[int, int]] = {}
        next_target: list[int | None] = [None] * len(figs)
        upcoming: int | None = None
        for j in range(len(figs) - 1, -1, -1):
            next_target[j] = upcoming
            if figs[j].unit in CURRENCIES or figs[j].unit == "count":
                upcoming = j
        for i, fig in enumerate(figs):
            if fig.unit in _PERCENTS:
                self._read(text, i, s_start, s_end, next_target[i])
        for i, fig in enumerate(figs):
            if i not in self.attached and not fig.is_rank and fig.unit not in _PERCENTS:
                floor = figs[i - 1].end if i > 0 else s_start
                found = read_multiplier(text, floor, fig.start)
                if found is not None:
                    self.attached[i], self.verbs[i] = found[0], found[1:]
        self._consumed_order = sorted(self.consumed)
        self._consumed_starts = [figs[k].start for k in self._consumed_order]

    def _read(self, text: str, i: int, s_start: int, s_end: int, next_target: int | None) -> None:
        figs, attached = self.figs, self.attached
        fig = figs[i]
        floor = s_start
        for j in range(i - 1, -1, -1):
            if not figs[j].is_rank:
                floor = figs[j].end
                break
        change = read_change(text, fig.start, fig.end, fig.value, floor, s_end)
        if change is None:
            return
        if fig.unit == "percentage point":
            self.standalone[i] = change
            return
        target = next_target if change.targets_next else None
        if target is None:
            for j in range(i - 1, -1, -1):
                prev = figs[j]
                if prev.is_rank:
                    continue
                gap = text[prev.end : change.trigger_start]
                if (
                    prev.unit not in ("percent", "percentage point", "fraction")
                    and ";" not in gap
                    and j not in attached
                    # "..., while imports fell 3%" states the change of another quantity
                    and metrics.classify(gap.rsplit(",", 1)[-1]) is None
                ):
                    target = j
                break
        if target is None or target in attached:
            self.standalone[i] = change
            return
        attached[target] = change
        self.consumed.add(i)
        if target > 0 and BRACKET_GAP_RE.match(text[figs[target - 1].end : figs[target].start]):
            attached[target - 1] = change

    def quote_of(self, change: Change) -> Figure | None:
        """The consumed percent figure that states ``change``."""
        n = bisect_left(self._consumed_starts, change.trigger_start)
        for k in self._consumed_order[n:]:
            fig = self.figs[k]
            if fig.start > change.end:
                break
            if fig.end <= change.end:
                return fig
        return None


def assign_ranks(text: str, figs: list[Figure], s_start: int, s_end: int) -> None:
    """Copy a rank onto the figure it ranks ("X yuan, ranking No. 2 ..." / "topping ...")."""
    for i, fig in enumerate(figs):
        if not fig.is_rank:
            continue
        verb_start = text.rfind(" ", s_start, fig.start - 1) + 1
        _rank_previous(text, figs, i, max(s_start, verb_start), fig.rank, fig.rank_scope)
    top = topping_scope(text, s_start, s_end)
    if top is not None:
        idx = sum(1 for f in figs if f.start < top[0])
        _rank_previous(text, figs, idx, top[0], 1, top[1])


def _rank_previous(
    text: str, figs: list[Figure], idx: int, verb_start: int, rank: int | None, scope: str | None
) -> None:
    for j in range(idx - 1, -1, -1):
        prev = figs[j]
        if prev.is_rank or prev.unit in _PERCENTS:
            continue
        if not _RANK_GAP_RE.match(text[prev.end : verb_start]):
            return
        for k in range(j, -1, -1):
            other = figs[k]
            if other.is_rank or other.unit in _PERCENTS:
                continue
            if k == j or BRACKET_GAP_RE.match(text[other.end : figs[k + 1].start]):
                other.rank, other.rank_scope = rank, scope
            else:
                break
        return
