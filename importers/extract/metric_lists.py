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
from .attach import LIST_GAP_RE, PERCENTS, RESPECTIVELY_ZH, list_markers
from .cjk import has_cjk
from .figure import Figure

_ITEM_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*[、，和与及]\s*")
# "400 billion yuan and 300 ...", "3000亿元和1500亿元"
_JOIN_RE = re.compile(r"[\s\xa0]*,?[\s\xa0]*(?:and[\s\xa0]+)?|[\s\xa0]*[和与及、，][\s\xa0]*")

Listed = tuple[int, int, int]
"""(index of the list's first figure, position in the list, length of the list)."""


def list_item(context: str, position: int, count: int) -> tuple[str, str | None] | None:
    """Metric ``position`` of the ``count`` listed at the end of ``context`` (the text before
    the list's first figure) and its type, or None when they are not ``count`` metrics."""
    if " and " not in context and "," not in context and not has_cjk(context):
        return None
    pieces = _ITEM_SPLIT_RE.split(context)
    if len(pieces) < count:
        return None
    items = [metrics.metric_before(piece) for piece in pieces[-count:]]
    if any(item is None for item in items) or len(set(items)) < count:
        return None
    item = items[position]
    return (item, metrics.classify(item)) if item else None


def level_lists(
    text: str,
    figs: list[Figure],
    s_start: int,
    s_end: int,
    markers: list[tuple[int, int]] | None = None,
) -> dict[int, Listed]:
    """Figures (not percents: see :class:`.attach.Changes`) listed before "respectively" with
    one unit ("reached 400 billion yuan and 300 billion yuan respectively"), by index;
    ``markers`` are the sentence's :func:`.attach.list_markers` if the caller has them."""
    out: dict[int, Listed] = {}
    if markers is None:
        markers = list_markers(text, s_start, s_end)
    ends = [f.end for f in figs] if markers else []  # sorted: figures do not overlap
    for pos, marker_end in markers:
        if text.startswith(RESPECTIVELY_ZH, pos):
            # "分别为3000亿元和1500亿元": the list follows its marker
            first = bisect_right(ends, marker_end)
            if first >= len(figs) or not _listable(figs[first]):
                continue
            if not LIST_GAP_RE.match(text, marker_end, figs[first].start):
                continue
            last = first
            while (
                last + 1 < len(figs)
                and figs[last + 1].unit == figs[first].unit
                and _JOIN_RE.fullmatch(text, figs[last].end, figs[last + 1].start)
            ):
                last += 1
        else:
            last = bisect_right(ends, pos) - 1  # the last figure before "respectively"
            if last < 0 or not _listable(figs[last]):
                continue
            if not LIST_GAP_RE.match(text, figs[last].end, pos):
                continue
            first = last
            while (
                first > 0
                and figs[first - 1].unit == figs[last].unit
                and _JOIN_RE.fullmatch(text, figs[first - 1].end, figs[first].start)
            ):
                first -= 1
        for k in range(first, last + 1) if last > first else ():
            out[k] = (first, k - first, last - first + 1)
    return out


def _listable(fig: Figure) -> bool:
    return fig.unit not in PERCENTS and not fig.is_rank
