"""The SQL behind comparisons and trends: fetch the facts :mod:`db.compare` and
:mod:`db.trend` align, on a connection the store lends (under its lock).

Those two modules are pure functions over facts; the queries live here so that each of them
is one indexed query whatever the database's size, and a second backend replaces this
module only.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from rapidfuzz import fuzz

from factscope.db.compare import (
    HETEROGENEOUS,
    METRIC_LABELS,
    PER_GROUP,
    PHRASE_SIMILARITY,
    Comparison,
    compare_facts,
    exchange_rates,
    measure_of,
)
from factscope.db.compare_labels import phrase_of
from factscope.db.models import Fact, Region
from factscope.db.rows import FACT_WIDTH, fact_from_row, fact_select
from factscope.db.trend import Trend, TrendValue, build_trend

MEASURE_SQL = (
    "CASE WHEN f.kind IN ('share', 'change', 'rank', 'duration', 'diff', 'threshold') THEN f.kind"
    " WHEN f.unit IN ('percent', 'percentage point') THEN 'share' ELSE 'amount' END"
)
"""SQL twin of :func:`measure_of`, used to pick one fact per row in the database."""


def load_comparison(
    conn: Any,
    regions: list[Region],
    *,
    metric_types: list[str] | None = None,
    periods: list[str] | None = None,
    include_children: bool = False,
) -> Comparison:
    """Fetch what :func:`compare_facts` needs — one fact per region, metric, period and
    measure, chosen in SQL so a region with thousands of facts costs one indexed query."""
    pairs = [(r.id, r.id) for r in regions]
    if include_children:
        # Descendants first, in their own query: joined as a recursive CTE, SQLite scanned
        # the whole facts table instead of probing its region index (1.5 s cold at 1M).
        marks = ", ".join("?" for _ in regions)
        descendants = (
            f"WITH RECURSIVE t(id, root) AS (SELECT id, id FROM regions WHERE id IN ({marks})"
            " UNION SELECT r.id, t.root FROM regions r JOIN t ON r.parent_id = t.id)"
            " SELECT id, root FROM t"
        )
        pairs = list(conn.execute(descendants, [r.id for r in regions])) or pairs
    targets = f"WITH targets(id, root) AS (VALUES {', '.join('(?, ?)' for _ in pairs)})"
    params: list[Any] = [value for pair in pairs for value in pair]
    filters = ""
    if metric_types:
        filters += f" AND f.metric_type IN ({', '.join('?' for _ in metric_types)})"
        params.extend(metric_types)
    if periods:
        filters += f" AND f.period IN ({', '.join('?' for _ in periods)})"
        params.extend(periods)
    hetero = ", ".join(f"'{t}'" for t in HETEROGENEOUS)
    sql = (
        f"{targets}, picked AS (SELECT f.id, t.root, ROW_NUMBER() OVER ("
        f" PARTITION BY t.root, f.metric_type, f.period, {MEASURE_SQL}"
        " ORDER BY f.equivalent_of IS NOT NULL, f.subject IS NOT NULL, t.id != t.root,"
        " f.normalized DESC, f.id"
        ") AS n, f.metric_type AS metric_type FROM facts f JOIN targets t ON f.region_id = t.id"
        f" WHERE f.metric_type IS NOT NULL{filters})"
        f" SELECT p.root, {fact_select('f')} FROM picked p JOIN facts f ON f.id = p.id"
        f" WHERE p.n = 1 OR (p.n <= {PER_GROUP} AND p.metric_type IN ({hetero}))"
        # Facts are grouped in this order: one order on every backend, the same answer.
        " ORDER BY f.id"
    )
    facts_by_region: dict[str, list[Fact]] = defaultdict(list)
    for row in conn.execute(sql, params):
        facts_by_region[row[0]].append(fact_from_row(row[1:]))
    rates_sql = (
        f"SELECT {fact_select('e')}, {fact_select('o')}"
        " FROM facts e JOIN facts o ON o.doc_id = e.doc_id AND o.quote = e.equivalent_of"
        " WHERE e.equivalent_of IS NOT NULL"
    )
    restated: dict[int, Fact] = {}
    equivalents: list[Fact] = []
    for row in conn.execute(rates_sql):
        equivalent = fact_from_row(row)
        restated[equivalent.id or -1] = fact_from_row(row[FACT_WIDTH:])
        equivalents.append(equivalent)
    rates = exchange_rates(equivalents, restated)
    outlook = _outlook(conn, [f for facts in facts_by_region.values() for f in facts])
    return compare_facts(regions, dict(facts_by_region), rates, outlook)


def _outlook(conn: Any, facts: list[Fact]) -> frozenset[int]:
    """The facts whose period begins after their document was published: "expected to
    exceed 500 by 2025" in a report of 2022 is an outlook, not a result for 2025."""
    dated = [f for f in facts if f.period and f.period[:4].isdigit() and f.id is not None]
    docs = sorted({str(f.doc_id) for f in dated})
    if not docs:
        return frozenset()
    marks = ", ".join("?" for _ in docs)
    years = {
        str(doc_id): int(str(published)[:4])
        for doc_id, published in conn.execute(
            f"SELECT id, published FROM documents WHERE id IN ({marks})", docs
        )
        if published and str(published)[:4].isdigit()
    }
    return frozenset(
        int(f.id or 0) for f in dated if int(str(f.period)[:4]) > years.get(str(f.doc_id), 9999)
    )


def load_trend(
    conn: Any,
    region: Region,
    metric: str,
    *,
    include_children: bool = False,
    children: list[Region] | None = None,
    measure: str = "amount",
    phrase: str = "",
) -> Trend:
    """Fetch the region's (and, with ``include_children``, its children's) figures of one
    measure and build the trend: one indexed query on ``facts(region_id, metric_type,
    period)``. Figures of the metric in another measure are counted for the notes; with
    ``phrase``, only those whose phrase is alike (what a comparison row of a broad type such
    as ``count`` counts: "cities")."""
    regions = [region, *(children or [])] if include_children else [region]
    marks = ", ".join("?" for _ in regions)
    params: list[Any] = [r.id for r in regions]
    where = f"f.region_id IN ({marks}) AND f.equivalent_of IS NULL"
    if metric in METRIC_LABELS:
        where += " AND f.metric_type = ?"
        params.append(metric)
    else:
        # Match the region's distinct phrases first: a few hundred strings, not every fact.
        phrases = [
            row[0]
            for row in conn.execute(
                f"SELECT DISTINCT f.metric FROM facts f WHERE {where} AND f.metric IS NOT NULL",
                params,
            )
            if fuzz.token_set_ratio(metric.casefold(), row[0].casefold()) >= PHRASE_SIMILARITY
        ]
        where += f" AND f.metric IN ({', '.join('?' for _ in phrases)})"
        params.extend(phrases)
    rows = conn.execute(
        f"SELECT {fact_select('f')}, d.title, d.source, d.published FROM facts f"
        f" JOIN documents d ON d.id = f.doc_id WHERE {where}",
        params,
    ).fetchall()
    values_by_region: dict[str, list[TrendValue]] = defaultdict(list)
    left_out: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        fact = fact_from_row(row)
        if phrase and fuzz.token_set_ratio(phrase, phrase_of(fact)) < PHRASE_SIMILARITY:
            continue
        if measure_of(fact) != measure:
            left_out[str(fact.region_id)][measure_of(fact)] += 1
            continue
        title, source, published = row[-3:]
        values_by_region[str(fact.region_id)].append(
            TrendValue(
                fact=fact,
                document_title=title,
                document_source=source,
                document_published=published,
            )
        )
    return build_trend(
        metric, regions, values_by_region, measure=measure, phrase=phrase, left_out=dict(left_out)
    )
