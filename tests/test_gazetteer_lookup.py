"""Region lookup against a database: ranking for the picker, resolution for the CLI."""

from __future__ import annotations

from factscope.db import Region, Store
from factscope.importers.gazetteer import Gazetteer
from factscope.importers.gazetteer.lookup import RegionLookup, name_match

GAZETTEER = Gazetteer.default()
HANGZHOU, GUANGZHOU = GAZETTEER.chain("330100")[0], GAZETTEER.chain("440100")[0]


class Counts:
    """Just what lookup reads of a store: Hangzhou with many facts, Guangzhou with few."""

    def region(self, region_id: str) -> Region | None:
        return None

    def regions_with_facts(self, *, limit: int = 200) -> list[tuple[Region, int]]:
        return [(HANGZHOU, 50), (GUANGZHOU, 3)]

    def fact_counts(self, region_ids: list[str]) -> dict[str, int]:
        return {i: {"330100": 50, "440100": 3}.get(i, 0) for i in region_ids}

    def region_chain(self, region_id: str) -> list[Region]:
        return []


def test_a_name_typed_in_full_beats_a_region_with_more_facts() -> None:
    """ "Guangzhou" is Guangzhou, though Hangzhou (fuzzy-similar) has more facts."""
    found = RegionLookup(Counts()).find("Guangzhou")
    assert found[0].region.name == "Guangzhou"
    assert [p.name for p in found[0].parents][-1] == "China"
    assert name_match(GUANGZHOU, "guangzhou") == 0
    assert name_match(HANGZHOU, "hang") == 1 and name_match(HANGZHOU, "angzhou") == 2


def test_nothing_typed_suggests_the_regions_with_facts() -> None:
    found = RegionLookup(Counts()).find("")
    assert [(m.region.id, m.facts) for m in found] == [("330100", 50), ("440100", 3)]


def test_a_zone_named_only_in_documents_is_found_and_resolved(store: Store) -> None:
    zone = Region(id="zone:x:harbour", name="Xanadu Harbour Zone", level="zone", parent_id="CN")
    store.add_regions([zone])
    lookup = RegionLookup(store)
    resolved = lookup.resolve("zone:x:harbour")
    assert resolved.region == zone
    assert [r.id for r in resolved.chain] == ["zone:x:harbour", "CN"]
    assert lookup.find("xanadu") == []  # no facts: the database offers only stated regions


def test_names_resolve_through_the_gazetteer_or_say_why_not(store: Store) -> None:
    lookup = RegionLookup(store)
    songjiang = lookup.resolve("Songjiang")
    assert songjiang.region is not None and songjiang.region.id == "310117"
    nothing = lookup.resolve("Qwxzyland")
    assert nothing.region is None and not nothing.candidates
