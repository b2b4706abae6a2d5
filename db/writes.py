"""Writing documents' facts and regions, and reading region chains: the SQL behind
``Store.add_document``, run inside the caller's transaction on the connection it lends.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from factscope.db.factsearch import fold
from factscope.db.models import Fact, Region
from factscope.db.rows import (
    FACT_COLUMNS,
    REGION_COLUMNS,
    fact_values,
    region_from_row,
    region_select,
    region_values,
    select_list,
)
from factscope.db.typos import VALUE_FIELDS, add_fact_terms, remove_fact_terms


def _figure_text(fact: Fact) -> str:
    """What a fact's figure can be searched by: numeral, quote, unit, kind, change."""
    parts = [fact.number_quote, fact.quote, fact.unit or "", fact.kind]
    if fact.change_percent is not None:
        parts.append(f"{fact.change_percent:+g}%")
    return " ".join(p for p in parts if p)


def insert_facts(conn: Any, doc_id: str, text: str, facts: list[Fact]) -> None:
    """Insert a document's facts and their ``facts_fts`` rows (region with its parents'
    names, metric and type, subject, period, figure, sentence, folded attribution)."""
    if not facts:
        return
    # Ids are assigned here so both tables take one executemany: on SQLite from max(id) (we
    # hold the write lock), on PostgreSQL from the identity sequence (writers run at once).
    new_ids = getattr(conn, "new_fact_ids", None)
    if new_ids is not None:
        fact_ids = new_ids(len(facts))
    else:
        first = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM facts").fetchone()[0])
        fact_ids = list(range(first, first + len(facts)))
    placeholders = ", ".join("?" for _ in FACT_COLUMNS)
    columns = select_list(FACT_COLUMNS)
    region_paths: dict[str, str] = {}
    fact_rows = []
    fts_rows = []
    for fact_id, fact in zip(fact_ids, facts, strict=True):
        fact_rows.append((fact_id, *fact_values(fact, doc_id)))
        if fact.sentence_start is not None and fact.sentence_end is not None:
            sentence = text[fact.sentence_start : fact.sentence_end]
        else:
            sentence = fact.quote
        region = fact.region or ""
        if fact.region_id:
            if fact.region_id not in region_paths:
                # English and Chinese names of the place and its parents: "shanghai" and
                # "松江" both find Songjiang's facts.
                region_paths[fact.region_id] = " ".join(
                    f"{r.name} {r.name_zh or ''}".strip()
                    for r in region_chain(conn, fact.region_id)
                )
            region = region_paths[fact.region_id] or region
        metric = " ".join(p for p in (fact.metric, (fact.metric_type or "").replace("_", " ")) if p)
        searchable = (
            region,
            metric,
            fact.subject or "",
            " ".join(p for p in (fact.period, fact.period_text) if p),
            _figure_text(fact),
        )
        fts_rows.append((fact_id, *searchable, sentence, fold(" ".join(searchable))))
    conn.executemany(f"INSERT INTO facts (id, {columns}) VALUES (?, {placeholders})", fact_rows)
    conn.executemany(
        "INSERT INTO facts_fts (rowid, region, metric, subject, period, figure, sentence,"
        " attribution) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        fts_rows,
    )
    add_fact_terms(
        conn,
        [row[1:7] for row in fts_rows],
        [tuple(getattr(fact, name) for name in VALUE_FIELDS) for fact in facts],
    )


def upsert_regions(conn: Any, regions: Iterable[Region]) -> None:
    """Insert or update regions."""
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in REGION_COLUMNS[1:])
    conn.executemany(
        f"INSERT INTO regions ({region_select()})"
        f" VALUES ({', '.join('?' for _ in REGION_COLUMNS)})"
        f" ON CONFLICT(id) DO UPDATE SET {updates}",
        [region_values(r) for r in regions],
    )


def delete_document(conn: Any, doc_id: str) -> None:
    """Delete a document, its facts (cascade) and their search rows and vocabulary."""
    remove_fact_terms(conn, doc_id)
    conn.execute(
        "DELETE FROM facts_fts WHERE rowid IN (SELECT id FROM facts WHERE doc_id = ?)",
        (doc_id,),
    )
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))


def region_chain(conn: Any, region_id: str) -> list[Region]:
    """The region, then its parents up to the country (cycles stop the walk)."""
    chain: list[Region] = []
    seen: set[str] = set()
    current: str | None = region_id
    while current and current not in seen:
        seen.add(current)
        row = conn.execute(
            f"SELECT {region_select()} FROM regions WHERE id = ?",
            (current,),
        ).fetchone()
        if row is None:
            break
        region = region_from_row(row)
        chain.append(region)
        current = region.parent_id
    return chain
