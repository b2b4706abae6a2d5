"""The PostgreSQL schema: the model's columns, created once by processes opening at once."""

from __future__ import annotations

import subprocess
import sys

from factscope.db import Store
from factscope.db.pgschema import MIGRATIONS, PG_SCHEMA_VERSION
from factscope.db.rows import FACT_COLUMNS


def test_the_server_facts_table_has_the_model_columns(pg_url: str) -> None:
    with Store.open(pg_url) as store:
        rows = store._rows(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'facts'"
            " AND table_schema = current_schema() ORDER BY ordinal_position"
        )
    assert tuple(r[0] for r in rows) == ("id", *FACT_COLUMNS)


def test_every_unique_key_of_a_document_table_has_doc_id(pg_url: str) -> None:
    """Citus distributes documents by id and the rest by doc_id: their keys must say so."""
    Store.open(pg_url).close()
    with Store.open(pg_url) as store:
        rows = store._rows(
            "SELECT t.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i"
            " JOIN pg_class t ON t.oid = i.indrelid WHERE i.indisunique"
            " AND t.relname IN ('documents', 'facts', 'facts_fts', 'document_chunks')"
        )
    assert {table for table, _ in rows} == {"documents", "facts", "facts_fts", "document_chunks"}
    for table, definition in rows:
        assert ("(id)" if table == "documents" else "doc_id") in definition, definition


def test_processes_opening_a_new_database_at_once_create_it_once(pg_url: str) -> None:
    code = "import sys; from factscope.db import Store; Store.open(sys.argv[1]).close()"
    runs = [
        subprocess.Popen([sys.executable, "-c", code, pg_url], stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    for run in runs:
        _, err = run.communicate(timeout=60)
        assert run.returncode == 0, err.decode()
    with Store.open(pg_url) as store:
        rows = store._rows("SELECT key, value FROM meta")
    assert rows == [("schema_version", str(PG_SCHEMA_VERSION))]
    assert len(MIGRATIONS) == PG_SCHEMA_VERSION


def test_version_2_tags_the_columns_of_a_version_1_database_in_upper_case(pg_url: str) -> None:
    """A database made by version 1 (tags "r:sichuan", which the typed prefix "r" found)
    has its search rows tagged again when opened: "R:sichuan", out of every prefix's way."""
    import psycopg

    from factscope.db.pgschema import _META, MIGRATIONS

    with psycopg.connect(pg_url, autocommit=True) as raw, raw.transaction():
        raw.execute(_META)
        for statement in MIGRATIONS[0]:
            raw.execute(statement)
        raw.execute("INSERT INTO meta VALUES ('schema_version', '1')")
        raw.execute(
            "INSERT INTO documents (id, source, title, text, imported_at)"
            " VALUES ('d', 's', 't', 'x', 'now')"
        )
        raw.execute("INSERT INTO facts_fts (rowid, doc_id, region) VALUES (1, 'd', 'Sichuan')")
    with Store.open(pg_url) as store:
        (tsv,) = store._rows("SELECT tsv::text FROM facts_fts")[0]
        assert store.schema_version() == PG_SCHEMA_VERSION == 2
    assert tsv == "'R:sichuan' 'R^:sichuan' 'sichuan'"
