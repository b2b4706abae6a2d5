"""Tables, FTS5 indexes and migrations: the one place DDL lives.

The schema version is kept in ``PRAGMA user_version``. :func:`migrate` brings an older
database up to :data:`SCHEMA_VERSION` one step at a time, all in one transaction; the
caller refuses a database written by a newer version rather than guessing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from factscope.db.chunks import backfill_chunks
from factscope.db.typos import backfill_fact_terms

SCHEMA_VERSION = 4
"""The version this code writes; bump it and append a step to ``MIGRATIONS`` to change DDL."""

FACTS_FTS_COLUMNS: tuple[str, ...] = ("region", "metric", "subject", "period", "figure", "sentence")
"""Indexed columns of ``facts_fts``: what a fact can be found by (``figure``: value, unit,
change). A last, unindexed column ``attribution`` holds the first five folded for ranking."""


_FACTS_V1 = """CREATE TABLE facts (
    id INTEGER PRIMARY KEY,
    "doc_id" TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "quote" TEXT,
    "number_quote" TEXT,
    "value" REAL,
    "value_max" REAL,
    "unit" TEXT,
    "per" TEXT,
    "scale" REAL,
    "normalized" REAL,
    "normalized_max" REAL,
    "qualifier" TEXT,
    "kind" TEXT,
    "region" TEXT,
    "region_level" TEXT,
    "region_id" TEXT,
    "subject" TEXT,
    "metric" TEXT,
    "metric_type" TEXT,
    "share_of" TEXT,
    "period" TEXT,
    "period_text" TEXT,
    "change_percent" REAL,
    "change_basis" TEXT,
    "change_quote" TEXT,
    "change_start" INTEGER,
    "change_end" INTEGER,
    "rank" INTEGER,
    "rank_scope" TEXT,
    "equivalent_of" TEXT,
    "notes" TEXT,
    "sentence_start" INTEGER,
    "sentence_end" INTEGER
)"""
"""The facts table as version 1 created it: the columns of :class:`db.models.Fact`
(``db.rows.FACT_COLUMNS``; a test holds the two together). Written out, not derived: a
migration is history, and a field added to the model needs a step that adds its column."""


_V1_STATEMENTS: list[str] = [
    """CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            title TEXT NOT NULL,
            published TEXT,
            language TEXT NOT NULL DEFAULT 'en',
            text TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            fact_count INTEGER NOT NULL DEFAULT 0
        )""",
    "CREATE INDEX documents_source ON documents(source)",
    "CREATE INDEX documents_published ON documents(published)",
    "CREATE INDEX documents_title ON documents(title COLLATE NOCASE)",
    """CREATE TABLE regions (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            level TEXT NOT NULL,
            parent_id TEXT,
            name_zh TEXT,
            aliases TEXT NOT NULL DEFAULT '[]'
        )""",
    "CREATE INDEX regions_parent ON regions(parent_id)",
    _FACTS_V1,
    "CREATE INDEX facts_doc ON facts(doc_id, start)",
    "CREATE INDEX facts_region ON facts(region_id, metric_type, period)",
    "CREATE INDEX facts_metric ON facts(metric_type, period)",
    # Bracketed restatements give exchange rates; few facts have one.
    "CREATE INDEX facts_equivalent ON facts(doc_id) WHERE equivalent_of IS NOT NULL",
    # Word search over documents; porter folds "trades"/"trade". External content: the
    # text is stored once, in documents, and triggers keep the index in step.
    """CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='rowid',
            tokenize='porter unicode61 remove_diacritics 2'
        )""",
    # Substring search for CJK text, which unicode61 keeps as one token per run.
    """CREATE VIRTUAL TABLE documents_trigram USING fts5(
            title, text, content='documents', content_rowid='rowid', tokenize='trigram'
        )""",
    """CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
            INSERT INTO documents_trigram(rowid, title, text)
                VALUES (new.rowid, new.title, new.text);
        END""",
    """CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO documents_trigram(documents_trigram, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, old.text);
        END""",
    """CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO documents_trigram(documents_trigram, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
            INSERT INTO documents_trigram(rowid, title, text)
                VALUES (new.rowid, new.title, new.text);
        END""",
    # Facts are found by their attribution and their sentence; rowid = facts.id. Kept by
    # the store inside the document's transaction (the sentence is not a facts column).
    f"""CREATE VIRTUAL TABLE facts_fts USING fts5(
            {", ".join(FACTS_FTS_COLUMNS)}, attribution UNINDEXED,
            tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
        )""",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
]
"""Version 1: documents, regions, facts, their indexes and full-text indexes."""


def _v1(conn: Any) -> None:
    for statement in _V1_STATEMENTS:
        conn.execute(statement)


def _v2(conn: Any) -> None:
    # The index's own vocabulary, for correcting typos in fact queries (db/typos.py).
    conn.execute("CREATE VIRTUAL TABLE facts_vocab USING fts5vocab(facts_fts, 'row')")


def _v3(conn: Any) -> None:
    # The typo vocabulary and field values, kept at import (db/typos.py): reading them
    # through facts_vocab scanned the whole index in every new process.
    conn.execute(
        "CREATE TABLE fact_terms (field TEXT NOT NULL, term TEXT NOT NULL,"
        " facts INTEGER NOT NULL, PRIMARY KEY (field, term)) WITHOUT ROWID"
    )
    backfill_fact_terms(conn)


def _v4(conn: Any) -> None:
    # Documents' full-text rows move to document_chunks (db/chunks.py): a huge document is
    # indexed window by window, in bounded memory, instead of as one row.
    for trigger in ("documents_ai", "documents_ad", "documents_au"):
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("DROP TABLE documents_fts")
    conn.execute("DROP TABLE documents_trigram")
    statements = [
        """CREATE TABLE document_chunks (
            id INTEGER PRIMARY KEY,
            doc_rowid INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            title TEXT NOT NULL,
            text TEXT NOT NULL
        )""",
        "CREATE INDEX document_chunks_doc ON document_chunks(doc_rowid, seq)",
        """CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='document_chunks', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        )""",
        """CREATE VIRTUAL TABLE documents_trigram USING fts5(
            title, text, content='document_chunks', content_rowid='id', tokenize='trigram'
        )""",
        """CREATE TRIGGER document_chunks_ai AFTER INSERT ON document_chunks BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
            INSERT INTO documents_trigram(rowid, title, text)
                VALUES (new.id, new.title, new.text);
        END""",
        """CREATE TRIGGER document_chunks_ad AFTER DELETE ON document_chunks BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
                VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO documents_trigram(documents_trigram, rowid, title, text)
                VALUES ('delete', old.id, old.title, old.text);
        END""",
        # Chunks are written by the store (db/chunks.py); they go with their document.
        """CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
            DELETE FROM document_chunks WHERE doc_rowid = old.rowid;
        END""",
    ]
    for statement in statements:
        conn.execute(statement)
    backfill_chunks(conn)


MIGRATIONS: list[Callable[[Any], None]] = [_v1, _v2, _v3, _v4]
"""``MIGRATIONS[i]`` takes a database from version ``i`` to ``i + 1``."""
assert len(MIGRATIONS) == SCHEMA_VERSION


def user_version(conn: Any) -> int:
    """The schema version recorded in the database file (0 for a new file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Any) -> int:
    """Apply every pending migration in order, in one immediate transaction; returns how many.

    The version is read again under the write lock: another process opening the same new
    file at the same moment may have created the schema while this one waited, and then
    there is nothing left to do. The caller has checked the version is not newer than
    ``SCHEMA_VERSION``.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        start = version = user_version(conn)
        while version < SCHEMA_VERSION:
            MIGRATIONS[version](conn)
            version += 1
        if version != start:
            conn.execute(f"PRAGMA user_version = {version}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return version - start
