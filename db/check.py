"""Is a database file sound? SQLite's integrity check plus the full-text indexes' own.

Reads only: it runs on a read-only or snapshot connection and never repairs. Kept apart
from the store so that ``factscope check`` and the tests share one definition of 'sound'.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

MAX_PROBLEMS = 20
"""Problems listed at most: a badly damaged file reports hundreds, the first few tell."""


def fts_indexes(conn: Any) -> list[str]:
    """The file's FTS5 indexes, read from its schema (sqlite-utils' introspection), so an
    index a later migration adds is checked too; ``fts5vocab`` views are not indexes."""
    db = Database(conn)
    return [t for t in db.table_names(fts5=True) if "fts5vocab" not in db[t].schema.lower()]


def check_database(conn: Any) -> list[str]:
    """Every problem found, as short lines; an empty list means the database is sound.

    :raises sqlite3.DatabaseError: the file is too damaged to run the checks at all.
    """
    problems = [str(row[0]) for row in conn.execute(f"PRAGMA integrity_check({MAX_PROBLEMS})")]
    if problems == ["ok"]:
        problems = []
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        problems.append(f"{table} row {rowid} refers to a missing {parent} row")
    for table in fts_indexes(conn):
        try:
            # An FTS5 command that compares the index with its content. It is written as an
            # INSERT, so a read-only connection refuses it: there SQLite 3.44+ has run the
            # same check inside integrity_check already.
            conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        except Exception as exc:  # sqlite3.DatabaseError, from whichever sqlite3 module
            if "readonly" not in str(exc):
                problems.append(f"full-text index {table}: {exc}")
    orphans = conn.execute(
        "SELECT count(*) FROM facts_fts WHERE rowid NOT IN (SELECT id FROM facts)"
    ).fetchone()[0]
    missing = conn.execute(
        "SELECT count(*) FROM facts WHERE id NOT IN (SELECT rowid FROM facts_fts)"
    ).fetchone()[0]
    if orphans or missing:
        problems.append(
            f"full-text index facts_fts: {orphans} entries without a fact, {missing} facts"
            " without an entry"
        )
    return problems[:MAX_PROBLEMS]
