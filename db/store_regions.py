"""The store's regions: the gazetteer and zones, their chains and their fact counts."""

from __future__ import annotations

from collections.abc import Iterable

from factscope.db.models import Region
from factscope.db.rows import region_from_row, region_select
from factscope.db.store_core import StoreCore
from factscope.db.writes import region_chain, upsert_regions


class RegionsStore(StoreCore):
    """The regions part of :class:`db.store.Store`."""

    def add_regions(self, regions: Iterable[Region]) -> None:
        """Insert or update regions (the gazetteer, or zones found in documents)."""
        with self.transaction() as conn:
            upsert_regions(conn, regions)

    def region(self, region_id: str) -> Region | None:
        """One region by id, or None."""
        rows = self._rows(
            f"SELECT {region_select()} FROM regions WHERE id = ?",
            (region_id,),
        )
        return region_from_row(rows[0]) if rows else None

    def regions(self) -> list[Region]:
        """Every region stored (the gazetteer and zones found in documents), by id."""
        rows = self._rows(f"SELECT {region_select()} FROM regions ORDER BY id")
        return [region_from_row(row) for row in rows]

    def region_chain(self, region_id: str) -> list[Region]:
        """The region, then its parents up to the country."""
        with self.guarded() as conn:
            return region_chain(conn, region_id)

    def region_count(self) -> int:
        """Number of regions stored."""
        return int(self._rows("SELECT count(*) FROM regions")[0][0])

    def fact_counts(self, region_ids: list[str]) -> dict[str, int]:
        """Number of facts attributed to each region (for pickers); absent ids count 0."""
        if not region_ids:
            return {}
        marks = ", ".join("?" for _ in region_ids)
        rows = self._rows(
            f"SELECT region_id, count(*) FROM facts WHERE region_id IN ({marks})"
            " GROUP BY region_id",
            region_ids,
        )
        counts = dict.fromkeys(region_ids, 0)
        counts.update({r[0]: int(r[1]) for r in rows})
        return counts

    def regions_with_facts(self, *, limit: int = 200) -> list[tuple[Region, int]]:
        """Regions that facts are attributed to, with their fact counts, most first."""
        rows = self._rows(
            f"SELECT {region_select('r')}, c.n FROM"
            " (SELECT region_id, count(*) AS n FROM facts WHERE region_id IS NOT NULL"
            " GROUP BY region_id) c JOIN regions r ON r.id = c.region_id"
            " ORDER BY c.n DESC, r.name LIMIT ?",
            (limit,),
        )
        return [(region_from_row(row[:6]), int(row[6])) for row in rows]
