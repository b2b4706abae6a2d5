"""Writing documents' facts and regions, and reading region chains: the SQL behind
``Store.add_document``, run inside the caller's transaction on the connection it lends.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, Protocol

from factscope.db.factsearch import fold
from factscope.db.models import Fact, RawDocument, Region
from factscope.db.rows import (
    DOCUMENT_COLUMNS,
    FACT_COLUMNS,
    REGION_COLUMNS,
    document_values,
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


TEXT_PIECE = 1 << 20
"""Characters of a document's text encoded and written at a time; a text up to this long is
bound to its INSERT as usual."""


def _pieces(text: str) -> Iterator[str]:
    for start in range(0, len(text), TEXT_PIECE):
        yield text[start : start + TEXT_PIECE]


def insert_document(conn: Any, doc_id: str, raw: RawDocument, fact_count: int) -> int:
    """Insert a document's row (not its full-text rows); returns its rowid.

    A long text is not bound to the INSERT: the sqlite3 module would keep a UTF-8 copy on a
    str that is not ASCII for the str's life, and SQLite its own copy in the cached
    statement until that runs again — 50 MB each for a document at the size limit. The row
    is inserted with a zero-filled text of the text's length in bytes instead, and the text
    written into it through incremental blob I/O, a piece at a time.
    """
    text = raw.text
    # The standard library's sqlite3 calls it blobopen; pysqlite3 (which sqlite-utils gives
    # us where it is installed) open_blob; a PostgreSQL connection has neither and binds.
    open_blob = getattr(conn, "blobopen", None) or getattr(conn, "open_blob", None)
    big = len(text) > TEXT_PIECE and open_blob is not None
    values = list(document_values(raw, doc_id, fact_count))
    markers = ["?" for _ in DOCUMENT_COLUMNS]
    if big:
        at = DOCUMENT_COLUMNS.index("text")
        markers[at] = "CAST(zeroblob(?) AS TEXT)"
        values[at] = sum(len(p.encode()) for p in _pieces(text))
    cursor = conn.execute(
        f"INSERT INTO documents ({select_list(DOCUMENT_COLUMNS)}) VALUES ({', '.join(markers)})",
        values,
    )
    rowid = int(cursor.lastrowid)
    if big and open_blob is not None:
        with open_blob("documents", "text", rowid) as blob:
            for piece in _pieces(text):
                blob.write(piece.encode())
    return rowid


FACT_BATCH = 2_000
"""Facts written per statement: their rows, sentences and words are built a batch at a time,
so a document with 40,000 facts never has all of them as rows in memory at once."""


class FactSource(Protocol):
    """A document's facts to store: a list, or anything that counts them and gives them in
    order (the importer keeps a big document's facts packed until they are written)."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[Fact]: ...


def insert_facts(conn: Any, doc_id: str, text: str, facts: Iterable[Fact]) -> None:
    """Insert a document's facts and their ``facts_fts`` rows (region with its parents'
    names, metric and type, subject, period, figure, sentence, folded attribution), in
    batches of :data:`FACT_BATCH`."""
    # Ids are assigned here so both tables take one executemany: on SQLite from max(id) (we
    # hold the write lock), on PostgreSQL from the identity sequence (writers run at once).
    new_ids = getattr(conn, "new_fact_ids", None)
    next_id: int | None = None
    region_paths: dict[str, str] = {}
    remaining = iter(facts)
    while batch := list(islice(remaining, FACT_BATCH)):
        if new_ids is not None:
            fact_ids: list[int] = new_ids(len(batch))
        else:
            if next_id is None:
                sql = "SELECT coalesce(max(id), 0) + 1 FROM facts"
                next_id = int(conn.execute(sql).fetchone()[0])
            fact_ids = list(range(next_id, next_id + len(batch)))
            next_id += len(batch)
        _insert_batch(conn, doc_id, text, batch, fact_ids, region_paths)


def _insert_batch(
    conn: Any,
    doc_id: str,
    text: str,
    facts: list[Fact],
    fact_ids: list[int],
    region_paths: dict[str, str],
) -> None:
    """Insert facts with the ids ``fact_ids``; ``region_paths`` caches region search names."""
    placeholders = ", ".join("?" for _ in FACT_COLUMNS)
    columns = select_list(FACT_COLUMNS)
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
