"""Pairing a list of metrics with a list of figures: "exports and imports grew 8.1% and 2.4%
respectively" states an export rate and an import rate, in that order.

The metrics are the last N items of the clause before the first figure (N figures), split at
commas and "and"; each item must name a metric of its own, else the list is left whole.

Non-goals: lists whose items share a head written once ("export and import volumes"), lists
of partners ("exports to ASEAN and the EU"), more than a handful of items.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from . import metrics
from .attach import LIST_GAP_RE, PERCENTS, RESPECTIVELY
from .figures import Figure

_ITEM_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_JOIN_RE = re.compile(r"[\s\xa0]*,?[\s\xa0]*(?:and[\s\xa0]+)?")  # "400 billion yuan and 300 ..."

Listed = tuple[int, int, int]
"""(index of the list's first figure, position in the list, length of the list)."""


def list_item(context: str, position: int, count: int) -> tuple[str, str | None] | None:
    """Metric ``position`` of the ``count`` listed at the end of ``context`` (the text before
    the list's first figure) and its type, or None when they are not ``count`` metrics."""
    if " and " not in context and "," not in context:
        return None
    pieces = _ITEM_SPLIT_RE.split(context)
    if len(pieces) < count:
        return None
    items = [metrics.metric_before(piece) for piece in pieces[-count:]]
    if any(item is None for item in items) or len(set(items)) < count:
        return None
    item = items[position]
    return (item, metrics.classify(item)) if item else None


def level_lists(text: str, figs: list[Figure], s_start: int, s_end: int) -> dict[int, Listed]:
    """Figures (not percents: see :class:`.attach.Changes`) listed before "respectively" with
    one unit ("reached 400 billion yuan and 300 billion yuan respectively"), by index."""
    out: dict[int, Listed] = {}
    pos = text.find(RESPECTIVELY, s_start, s_end)
    ends = [f.end for f in figs] if pos != -1 else []  # sorted: figures do not overlap
    while pos != -1:
        last = bisect_right(ends, pos) - 1  # the last figure before "respectively"
        if (
            last >= 0
            and figs[last].unit not in PERCENTS
            and not figs[last].is_rank
            and LIST_GAP_RE.match(text, figs[last].end, pos)
        ):
            first = last
            while (
                first > 0
                and figs[first - 1].unit == figs[last].unit
                and _JOIN_RE.fullmatch(text, figs[first - 1].end, figs[first].start)
            ):
                first -= 1
            for k in range(first, last + 1) if last > first else ():
                out[k] = (first, k - first, last - first + 1)
        pos = text.find(RESPECTIVELY, pos + len(RESPECTIVELY), s_end)
    return out
