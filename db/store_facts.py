"""The store's facts: reading and searching them, and the comparisons and trends built on
them (the SQL is in :mod:`db.fact_loads`, the alignment in :mod:`db.compare` and
:mod:`db.trend`)."""

from __future__ import annotations

from collections.abc import Iterator

from factscope.db.compare import Comparison
from factscope.db.errors import NotFoundError
from factscope.db.fact_loads import load_comparison, load_trend
from factscope.db.factsearch import fact_facets, search_facts
from factscope.db.models import Fact, FactEvidence, FactFacets, FactResults, Region
from factscope.db.rows import (
    EVIDENCE_FROM,
    evidence_fields,
    evidence_select,
    fact_from_row,
    fact_select,
    region_from_row,
    region_select,
)
from factscope.db.store_regions import RegionsStore
from factscope.db.trend import Trend


class FactsStore(RegionsStore):
    """The facts part of :class:`db.store.Store` (a comparison or a trend needs regions)."""

    def fact_count(self) -> int:
        """Number of facts."""
        return int(self._rows("SELECT count(*) FROM facts")[0][0])

    def facts_for_document(self, doc_id: str) -> list[Fact]:
        """Every fact of a document, in text order."""
        rows = self._rows(
            f"SELECT {fact_select()} FROM facts WHERE doc_id = ? ORDER BY start, id", (doc_id,)
        )
        return [fact_from_row(r) for r in rows]

    def search_facts(self, query: str, *, limit: int = 50) -> FactResults:
        """Fuzzy fact search, best first: see :mod:`db.factsearch` for the query language.

        Any text is safe; a malformed field token is searched as plain text.
        """
        with self.guarded() as conn:
            return search_facts(conn, query, limit, self._vocabulary)

    def fact_facets(self, query: str, *, cap: int = 10_000, top: int = 8) -> FactFacets:
        """How the matches of a fact query spread over regions and units (counts capped)."""
        with self.guarded() as conn:
            return fact_facets(conn, query, cap=cap, top=top)

    def compare(
        self,
        region_ids: list[str],
        *,
        metric_types: list[str] | None = None,
        periods: list[str] | None = None,
        include_children: bool = False,
    ) -> Comparison:
        """Facts of two or more regions aligned by metric type and period (first = base).

        :param include_children: show a region's districts' facts under it (never summed).
        :raises NotFoundError: a region id is not in the database.
        """
        regions = []
        for region_id in region_ids:
            region = self.region(region_id)
            if region is None:
                raise NotFoundError(self.path, f"no region {region_id}")
            regions.append(region)
        with self.guarded() as conn:
            return load_comparison(
                conn,
                regions,
                metric_types=metric_types,
                periods=periods,
                include_children=include_children,
            )

    def iter_facts(self, *, batch: int = 2000) -> Iterator[Fact]:
        """Every fact in id order, fetched a batch at a time (constant memory, for export)."""
        sql = f"SELECT {fact_select()} FROM facts WHERE id > ? ORDER BY id LIMIT ?"
        for rows in self._batches(sql, batch):
            yield from (fact_from_row(r) for r in rows)

    def trend(
        self,
        region_id: str,
        metric: str,
        *,
        include_children: bool = False,
        measure: str = "amount",
        phrase: str = "",
    ) -> Trend:
        """A region's amounts of one metric across periods, from every document stating them.

        :param metric: a metric type (``exports``) or a phrase matched against metric phrases.
        :param include_children: one more series per district or city directly under it.
        :param measure: another measure than amounts (``share``: a comparison row's trend).
        :param phrase: what a broad type counts ("cities" of ``count``), as a row labels it.
        :raises NotFoundError: no such region.
        """
        region = self.region(region_id)
        if region is None:
            raise NotFoundError(self.path, f"no region {region_id}")
        children: list[Region] = []
        if include_children:
            rows = self._rows(
                f"SELECT {region_select()} FROM regions WHERE parent_id = ? ORDER BY name",
                (region_id,),
            )
            children = [region_from_row(row) for row in rows]
        with self.guarded() as conn:
            return load_trend(
                conn,
                region,
                metric,
                include_children=include_children,
                children=children,
                measure=measure,
                phrase=phrase,
            )

    def iter_fact_evidence(self, *, batch: int = 2000) -> Iterator[FactEvidence]:
        """Every fact in id order with its sentence and document, a batch at a time."""
        sql = (
            f"SELECT {evidence_select()} FROM {EVIDENCE_FROM} WHERE f.id > ? ORDER BY f.id LIMIT ?"
        )
        for rows in self._batches(sql, batch):
            yield from (FactEvidence(**evidence_fields(row)) for row in rows)

    def fact(self, fact_id: int) -> Fact:
        """One fact by id. :raises NotFoundError: no such id."""
        rows = self._rows(f"SELECT {fact_select()} FROM facts WHERE id = ?", (fact_id,))
        if not rows:
            raise NotFoundError(self.path, f"no fact {fact_id}")
        return fact_from_row(rows[0])
