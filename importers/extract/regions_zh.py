"""Chinese anaphors of the story's own place: 全省/我省/本省, 全市/我市/本市, 全区, 全县 ...

In a story about Ningbo, "全省外贸进出口总额5万亿元" is a figure of Zhejiang, the province the
story is in, not of Ningbo: the marker names the ancestor of the current region at its level.
Kept apart from :mod:`.regions` (already near its size limit); called only for non-ASCII text.

Non-goals: 全国 (country-wide figures are usually scopes of shares and ranks: "占全国的10%").
"""

from __future__ import annotations

import re

from factscope.db.models import Region
from factscope.importers.gazetteer import Gazetteer

from .regions import RegionTracker

_WHOLE_RE = re.compile(r"[全我本](省|市|区|县)")  # 我省 / 本市: "our province", "this city"
_MARKER_GATE_RE = re.compile("[全我本]")
_LEVELS: dict[str, tuple[str, ...]] = {
    "省": ("province",),
    "市": ("city", "municipality"),
    "区": ("district", "zone"),
    "县": ("county",),
}
# "占全省的30%", "居全省第一", "比全市高": the marker is a denominator, scope or comparison,
# not the subject of the figure after it.
_SCOPE_BEFORE = frozenset("占居列排于在比较超高低过")


def whole_region(
    text: str, s_start: int, pos: int, region: Region | None, tracker: RegionTracker
) -> Region | None:
    """Region meant by the last 全省/我省/本市 ... before ``pos`` in its sentence, as the
    ancestor of ``region`` (the figure's region so far) at that level; ``region`` when there
    is no such marker, it is a scope, or a place is named between it and the figure."""
    if region is None or not _MARKER_GATE_RE.search(text, s_start, pos):
        return region
    marker = None
    for marker in _WHOLE_RE.finditer(text, s_start, pos):  # noqa: B007 - keep the last match
        pass
    if marker is None or text[marker.start() - 1 : marker.start()] in _SCOPE_BEFORE:
        return region
    if tracker.places_in(marker.end(), pos):
        return region  # "全省外贸5万亿元，其中宁波1.2万亿元": the named place is more specific
    return _ancestor(tracker.gz, region, marker.group(1))


def _ancestor(gz: Gazetteer, region: Region, noun: str) -> Region:
    levels = _LEVELS[noun]
    for r in gz.chain(region.id):
        if r.level in levels:
            return r
        # 全区 of an autonomous region (广西全区): a province-level unit called a region
        if noun == "区" and r.level == "province" and "Autonomous Region" in r.name:
            return r
    return region
