"""Region lookup against a database: how a name a person typed becomes a region.

The one implementation behind ``factscope compare``/``trend`` (a name to one region, or a
clear "ambiguous"/"no match") and the Compare pane's picker (a ranked list as you type). It
joins the gazetteer, which knows places, with the database, which knows zones named only in
documents and how many facts each place has.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from factscope.db.models import Region

from . import Gazetteer, Resolution

SUGGESTIONS = 12
"""How many regions with the most facts are suggested when nothing is typed."""
SEARCH_LIMIT = 30
"""Gazetteer matches per search."""
WITH_FACTS = 500
"""Regions with facts read once (most facts first) and searched by name."""


class RegionStore(Protocol):
    """What lookup reads of a store (a :class:`factscope.db.Store` has it all)."""

    def region(self, region_id: str) -> Region | None: ...

    def region_chain(self, region_id: str) -> list[Region]: ...

    def regions_with_facts(self, *, limit: int = 200) -> list[tuple[Region, int]]: ...

    def fact_counts(self, region_ids: list[str]) -> dict[str, int]: ...


@dataclass(frozen=True)
class RegionMatch:
    """A region found for a query, with its parents and its facts in this database."""

    region: Region
    parents: tuple[Region, ...]
    """Its parents, nearest first (Shanghai, China)."""
    facts: int


def name_match(region: Region, query: str) -> int:
    """How well ``query`` names ``region``: 0 a whole name, 1 a name's start, 2 otherwise.

    Names are the English name, the Chinese name and the aliases, case-folded.
    """
    folded = query.casefold().strip()
    if not folded:
        return 0
    names = [n.casefold() for n in _names(region)]
    if folded in names:
        return 0
    if any(n.startswith(folded) for n in names):
        return 1
    return 2


def _names(region: Region) -> list[str]:
    return [n for n in (region.name, region.name_zh or "", *region.aliases) if n]


class RegionLookup:
    """Finds and resolves regions for one store (reads its regions with facts once)."""

    def __init__(self, store: RegionStore, gazetteer: Gazetteer | None = None) -> None:
        self.store = store
        self.gazetteer = gazetteer or Gazetteer.default()
        self._with_facts: list[tuple[Region, int]] | None = None

    def find(self, query: str) -> list[RegionMatch]:
        """Regions for ``query``, best first (the most-stated regions for '').

        Beside the gazetteer's matches, regions of this database's facts whose names contain
        the query are offered, so zones named only in documents are found too.
        """
        if self._with_facts is None:
            self._with_facts = self.store.regions_with_facts(limit=WITH_FACTS)
        if not query:
            regions = [region for region, _ in self._with_facts[:SUGGESTIONS]]
        else:
            regions = self.gazetteer.search(query, limit=SEARCH_LIMIT)
            seen = {r.id for r in regions}
            folded = query.casefold()
            for region, _ in self._with_facts:
                if region.id not in seen and any(folded in n.casefold() for n in _names(region)):
                    regions.append(region)
        counts = self.store.fact_counts([r.id for r in regions])
        # How well the name matches comes first ("Guangzhou" is Guangzhou, however many
        # facts Hangzhou has); then the most facts: "songj" means the district (dozens of
        # facts) before its bonded zone (one); the gazetteer order breaks ties.
        regions.sort(key=lambda r: (name_match(r, query), -counts[r.id]))
        return [RegionMatch(r, tuple(self.chain(r.id)[1:]), counts[r.id]) for r in regions]

    def resolve(self, name: str) -> Resolution:
        """The one region ``name`` (or an id) denotes: a region id stored in the database
        first (zones created while reading), then the gazetteer's resolution, which may be
        ambiguous (several candidates) or empty."""
        stored = self.store.region(name)
        if stored is not None:
            return Resolution(stored, self.chain(stored.id), [stored], False)
        return self.gazetteer.resolve(name)

    def chain(self, region_id: str) -> list[Region]:
        """The region, then its parents up to the country, from the gazetteer or else the
        database (a zone named only in documents, whose parents the gazetteer knows)."""
        chain = self.gazetteer.chain(region_id)
        if chain:
            return chain
        stored = self.store.region_chain(region_id)
        parent = stored[-1].parent_id if stored else None
        return stored + (self.gazetteer.chain(parent) if parent else [])
