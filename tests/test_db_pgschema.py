"""The PostgreSQL schema: the model's columns, created once by processes opening at once."""

from __future__ import annotations

import subprocess
import sys

from factscope.db import RawDocument, Store
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
        assert store.schema_version() == PG_SCHEMA_VERSION
    assert tsv == "'R:sichuan' 'R^:sichuan' 'sichuan'"


def _version_2(pg_url: str) -> None:
    """A database as version 2 left it: one document, one fact of Chengdu's exports in USD."""
    import psycopg

    from factscope.db.pgschema import _META, MIGRATIONS

    with psycopg.connect(pg_url, autocommit=True) as raw, raw.transaction():
        raw.execute(_META)
        for statement in MIGRATIONS[0] + MIGRATIONS[1]:
            raw.execute(statement)
        raw.execute("INSERT INTO meta VALUES ('schema_version', '2')")
        raw.execute(
            "INSERT INTO documents (id, source, title, text, imported_at)"
            " VALUES ('d', 's', 't', 'x', 'now')"
        )
        raw.execute(
            'INSERT INTO facts (id, doc_id, start, "end", quote, number_quote, value, scale,'
            " qualifier, unit, kind, metric_type)"
            " VALUES (7, 'd', 0, 1, '5', '5', 5, 1, '', 'USD', 'amount', 'exports')"
        )
        raw.execute(
            "INSERT INTO facts_fts (rowid, region, metric, subject, period, figure, sentence,"
            " attribution) VALUES (7, 'Chengdu 成都市', 'exports', '', '', '5 USD amount',"
            " '成都市出口总额', ' chengdu 成都市 exports 5 usd amount ')"
        )
        raw.execute(
            "INSERT INTO fact_terms VALUES ('unit', 'USD', 1), ('kind', 'amount', 1),"
            " ('metric_type', 'exports', 1), ('', 'chengdu', 1), ('', 'exports', 1)"
        )


def test_version_3_tags_each_fact_with_its_unit_kind_and_type(pg_url: str) -> None:
    """Opening a version-2 database tags its search rows with the facts' whole values, and
    those tags alone then answer ``unit:``/``kind:``/``type:``."""
    _version_2(pg_url)
    with Store.open(pg_url) as store:
        (tsv,) = store._rows("SELECT tsv::text FROM facts_fts")[0]
        assert {"'U:usd'", "'K:amount'", "'T:exports'"} <= set(tsv.split())
        for query in ("unit:usd", "kind:amount exports", "type:exports unit:u", "chengdu"):
            assert [h.fact.id for h in store.search_facts(query).hits] == [7], query
        assert not store.search_facts("unit:usd kind:share").hits


def test_version_3_finds_chinese_substrings_through_a_trigram_index(pg_url: str) -> None:
    """pg_trgm (PostgreSQL's contrib) indexes the Chinese runs of the search rows; a term
    of three or more characters inside a longer run is found through it."""
    _version_2(pg_url)
    with Store.open(pg_url) as store:
        assert store._rows("SELECT to_regclass('facts_fts_cjk') IS NOT NULL")[0][0]
        assert [h.fact.id for h in store.search_facts("出口总额").hits] == [7]
        assert [h.fact.id for h in store.search_facts("都市出").hits] == [7]
        assert not store.search_facts("进口总额").hits
        raw = store._conn.raw
        raw.execute("SET enable_seqscan = off")  # one row: make the index the only way
        plan = "\n".join(
            r[0]
            for r in raw.execute(
                "EXPLAIN SELECT 1 FROM facts_fts WHERE factscope_contains("
                "region || ' ' || metric || ' ' || sentence, '出口总额')"
            )
        )
        assert "facts_fts_cjk" in plan, plan


def test_without_pg_trgm_chinese_is_read_from_the_text_with_a_note(pg_url: str) -> None:
    """A role that may not create extensions gets the schema without the trigram index:
    the same answers, a note in ``stats`` and ``check``; once an administrator creates
    pg_trgm, the role's next writable open builds the index."""
    import psycopg

    from factscope.db.pgschema import TRIGRAM_NOTE

    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("DROP ROLE IF EXISTS factscope_plain")
        admin.execute("CREATE ROLE factscope_plain LOGIN")
        admin.execute("GRANT CREATE ON SCHEMA public TO factscope_plain")
    plain = pg_url.replace("postgres@", "factscope_plain@")
    document = RawDocument(text="成都市出口总额 2020 年 5 亿元。", source="a.txt", title="A")
    with Store.open(plain) as store:
        assert store.stats().notes == [TRIGRAM_NOTE] == store.notes()
        store.add_document(document, [])
        assert store.search("出口总额")  # documents: a scan
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("CREATE EXTENSION pg_trgm")
    with Store.open(plain, read_only=True) as store:
        assert store.notes() == [TRIGRAM_NOTE]  # read-only: nothing built
    with Store.open(plain) as store:
        assert store.notes() == []
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("DROP OWNED BY factscope_plain")
        admin.execute("DROP ROLE factscope_plain")
