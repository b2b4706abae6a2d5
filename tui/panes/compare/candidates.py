"""Region candidates for the Compare pane's picker (runs in a worker; no UI here).

The lookup itself is the library's (:class:`factscope.importers.gazetteer.lookup.RegionLookup`,
also behind ``factscope compare``); this turns its matches into the picker's rows.
"""

from __future__ import annotations

from factscope.importers.gazetteer.lookup import RegionLookup, RegionStore
from factscope.tui.panes.compare.region_picker import Candidate


class CandidateFinder:
    """Finds regions for the picker, with their parents and fact counts, facts first."""

    def __init__(self, store: RegionStore) -> None:
        self.lookup = RegionLookup(store)

    def find(self, query: str) -> list[Candidate]:
        """Regions for ``query`` (suggestions for ''), those with facts first."""
        return [
            Candidate(m.region, tuple(p.name for p in m.parents), m.facts)
            for m in self.lookup.find(query)
        ]
