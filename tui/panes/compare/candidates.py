"""Region candidates for the Compare pane's picker (runs in a worker; no UI here).

Beside the gazetteer's matches, the regions of this database's facts whose names contain the
query are offered, so zones named only in documents can be found too. An empty query gives
the regions with the most facts.
"""

from __future__ import annotations

from typing import Any

from factscope.db.models import Region
from factscope.tui.panes.compare.region_picker import Candidate

SUGGESTIONS = 12
"""How many regions with the most facts are suggested when nothing is typed."""
SEARCH_LIMIT = 30
"""Gazetteer matches per search."""
WITH_FACTS = 500
"""Regions with facts read once (most facts first) and searched by name."""


def name_match(region: Region, query: str) -> int:
    """How well ``query`` names ``region``: 0 a whole name, 1 a name's start, 2 otherwise.

    Names are the English name, the Chinese name and the aliases, case-folded.
    """
    folded = query.casefold().strip()
    if not folded:
        return 0
    names = [n.casefold() for n in (region.name, region.name_zh or "", *region.aliases) if n]
    if folded in names:
        return 0
    if any(n.startswith(folded) for n in names):
        return 1
    return 2


class CandidateFinder:
    """Finds regions for the picker, with their parents and fact counts, facts first."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self._with_facts: list[tuple[Region, int]] | None = None

    def find(self, query: str) -> list[Candidate]:
        """Regions for ``query`` (suggestions for ''), those with facts first."""
        from factscope.importers.gazetteer import Gazetteer

        if self._with_facts is None:
            self._with_facts = self.store.regions_with_facts(limit=WITH_FACTS)
        if not query:
            regions = [region for region, _ in self._with_facts[:SUGGESTIONS]]
        else:
            regions = Gazetteer.default().search(query, limit=SEARCH_LIMIT)
            seen = {r.id for r in regions}
            folded = query.casefold()
            for region, _ in self._with_facts:
                names = [region.name, region.name_zh or "", *region.aliases]
                if region.id not in seen and any(folded in n.casefold() for n in names):
                    regions.append(region)
        counts = self.store.fact_counts([r.id for r in regions])
        # How well the name matches comes first ("Guangzhou" is Guangzhou, however many
        # facts Hangzhou has); then the most facts: "songj" means the district (dozens of
        # facts) before its bonded zone (one); the gazetteer order breaks ties.
        regions.sort(key=lambda r: (name_match(r, query), -counts[r.id]))
        return [Candidate(r, self._parents(r), counts[r.id]) for r in regions]

    def _parents(self, region: Region) -> tuple[str, ...]:
        from factscope.importers.gazetteer import Gazetteer

        chain = Gazetteer.default().chain(region.id) or self.store.region_chain(region.id)
        return tuple(r.name for r in chain[1:])
