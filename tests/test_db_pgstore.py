"""The PostgreSQL store answers as the SQLite one does, on the seeds, through the same API.

Each backend imports the five seed documents through the real pipeline; facts, compare,
trend, exports and document search are then asked of both, and must agree (document
search: the same documents; the order is each engine's ranking). A throwaway server is
started once per session (tests/pgserver.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from factscope.db import RawDocument, ReadOnlyError, Store, StoreError
from factscope.db.pgstore import PgStore
from tests.conftest import SEEDS, requires_shared

FACT_QUERIES = [
    "songjiang trade 2020",
    "sichuan",
    "region:sichuan >1e9",
    "exports",
    "foreign trade",
    "trde",  # a typo: corrected from the vocabulary
    "unit:CNY",
    '"foreign trade" 2023',
    "shang",
    "四川",
    "-percent",
    "type:exports",
    "",
    "unit:",
    "region:",
    "chengdu | wuxi trade",
    "^shi exports",
    "jiang$ gdp 2019",
    "sichaun exprt",
    "ningbo 外贸 2020",
    # Chinese inside a longer name (虹桥国际中央商务区, 龙泉驿区): three characters or more
    # go through the trigram index on PostgreSQL, fewer are read from the text.
    "商务区",
    "国际中央商务",
    "泉驿区 2020",
    "江区",
    "人民政府",
    "kind:share region:shanghai",
    "period:2020 >100",
    # One letter, as typed: the column tags ("r:sichuan") must not be words that start it.
    "sichuan r",
    "trade f",
    "shanghai m",
    "p",
]


def _key(fact: object) -> tuple[object, ...]:
    """A fact as both backends store it (ids are each database's own)."""
    return tuple(getattr(fact, n) for n in ("doc_id", "start", "end", "quote", "region_id"))


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory, pg_server: str) -> Iterator[dict[str, Store]]:
    """The seeds imported into a new SQLite file and a new PostgreSQL database."""
    if not SEEDS.is_dir():
        pytest.skip("shared corpus not available (../shared/corpus/seeds)")
    from factscope.importers import import_paths
    from tests.pgserver import drop_database, new_database

    url = new_database(pg_server)
    stores = {
        "sqlite": Store.open(tmp_path_factory.mktemp("parity") / "facts.db"),
        "postgres": Store.open(url),
    }
    for store in stores.values():
        assert import_paths([SEEDS], store).imported == 5
    # Statistics, as the server's autovacuum gathers them: the dense words of a query are
    # then tested on rows rather than read from the index (db/pgplan.py).
    stores["postgres"]._conn.raw.execute("ANALYZE")
    yield stores
    for store in stores.values():
        store.close()
    drop_database(pg_server, url)


@requires_shared
@pytest.mark.parametrize("query", FACT_QUERIES)
def test_facts_answer_the_same_on_both_backends(both: dict[str, Store], query: str) -> None:
    lite, pg = (both[b].search_facts(query, limit=50) for b in ("sqlite", "postgres"))
    assert [_key(h.fact) for h in pg.hits] == [_key(h.fact) for h in lite.hits]
    assert [h.sentence for h in pg.hits] == [h.sentence for h in lite.hits]
    assert (pg.total, pg.capped, pg.notice) == (lite.total, lite.capped, lite.notice)
    assert both["postgres"].fact_facets(query) == both["sqlite"].fact_facets(query)


@requires_shared
def test_counts_past_the_candidate_cap_agree(
    both: dict[str, Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With caps small enough for the seeds, PostgreSQL's one statement for candidates and
    count (db/factcount.py) counts what SQLite's two do."""
    from factscope.db import factcount, factsearch

    monkeypatch.setattr(factsearch, "CANDIDATE_CAP", 4)
    for module in (factcount, factsearch):
        monkeypatch.setattr(module, "COUNT_CAP", 30)
    capped = 0
    for query in FACT_QUERIES:
        lite, pg = (both[b].search_facts(query, limit=3) for b in ("sqlite", "postgres"))
        assert (pg.total, pg.capped) == (lite.total, lite.capped), query
        capped += lite.capped
        if lite.total < 4:  # past the cap, which four facts are candidates is the engine's
            assert [_key(h.fact) for h in pg.hits] == [_key(h.fact) for h in lite.hits], query
    assert 5 < capped < len(FACT_QUERIES)  # some counts reach the cap, some stop short


@requires_shared
def test_seed_queries_find_facts(both: dict[str, Store]) -> None:
    """The parity above is not parity of empty answers."""
    assert all(both["postgres"].search_facts(q).hits for q in FACT_QUERIES[:5])
    assert all(both["postgres"].search_facts(q).hits for q in ("商务区", "国际中央商务"))


@requires_shared
def test_counts_compare_trend_and_exports_agree(both: dict[str, Store]) -> None:
    lite, pg = both["sqlite"], both["postgres"]
    assert (pg.document_count(), pg.fact_count()) == (lite.document_count(), lite.fact_count())
    regions = [r.id for r, _ in lite.regions_with_facts(limit=3)]
    assert [(r.id, n) for r, n in pg.regions_with_facts()] == [
        (r.id, n) for r, n in lite.regions_with_facts()
    ]

    for include_children in (False, True):
        tables = [
            _comparable(s.compare(regions, include_children=include_children))
            for s in both.values()
        ]
        assert tables[0] == tables[1]
    assert lite.compare(regions).rows
    for metric in ("exports", "trade_total", "foreign trade"):
        for region in regions:
            assert _comparable(pg.trend(region, metric)) == _comparable(lite.trend(region, metric))
    lite_export = [(_key(e.fact), e.sentence) for e in lite.iter_fact_evidence()]
    assert [(_key(e.fact), e.sentence) for e in pg.iter_fact_evidence()] == lite_export
    assert [d.id for d in pg.iter_documents()] == [d.id for d in lite.iter_documents()]
    assert [d.id for d in pg.documents(order="title")] == [
        d.id for d in lite.documents(order="title")
    ]


def _comparable(model: Any) -> object:
    """A result as data, without what each database assigns itself (fact ids, import times)."""

    def strip(value: object) -> object:
        if isinstance(value, dict):
            return {
                k: strip(v)
                for k, v in value.items()
                if k not in ("id", "imported_at")
                or (isinstance(v, str) and k == "id" and not v.isdigit())
            }
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(model.model_dump(mode="json"))


@requires_shared
@pytest.mark.parametrize("query", ["trade", "foreign trad", '"foreign trade"', "上海", "zzzq"])
def test_document_search_finds_the_same_documents(both: dict[str, Store], query: str) -> None:
    lite, pg = (both[b].search(query, prefix=True, limit=50) for b in ("sqlite", "postgres"))
    assert {h.document.id for h in pg} == {h.document.id for h in lite}
    assert both["postgres"].search_count(query, prefix=True) == len(lite)
    for hit in pg:
        for start, end in hit.highlights:
            assert 0 <= start < end <= len(hit.snippet)


def test_ids_come_from_sequences_and_writes_are_atomic(pg_url: str) -> None:
    with Store.open(pg_url) as store:
        assert isinstance(store, PgStore)
        store.add_document(
            RawDocument(text="Hefei exported 5 tons in 2020.", source="a", title="A"), []
        )
        with pytest.raises(StoreError), store.batch():
            store.add_document(
                RawDocument(text="Another text entirely.", source="b", title="B"), []
            )
            store._rows("SELECT 1/0")
        assert store.document_count() == 1
        assert store.check() == []


def test_read_only_opens_and_refuses_writes(pg_url: str) -> None:
    Store.open(pg_url).close()  # create the schema
    with Store.open(pg_url, read_only=True) as store:
        assert store.document_count() == 0
        with pytest.raises(ReadOnlyError):
            store.add_document(RawDocument(text="x y z", source="c", title="C"), [])


def test_a_new_database_read_only_is_one_clear_error(pg_url: str) -> None:
    with pytest.raises(ReadOnlyError, match="without --read-only"):
        Store.open(pg_url, read_only=True)


def test_wrong_password_and_server_down_never_show_the_password(
    pg_server: str, tmp_path: Path
) -> None:
    import psycopg

    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS factscope_pw")
        conn.execute("CREATE ROLE factscope_pw LOGIN PASSWORD 'hunter2-secret'")
    down = f"postgresql://factscope_pw:hunter2-secret@/x?host={tmp_path}"
    with pytest.raises(StoreError) as caught:
        Store.open(down)
    assert "hunter2" not in str(caught.value)
    assert "cannot connect" in str(caught.value)
    assert "\n" not in str(caught.value)
    missing = pg_server.replace("/postgres?", "/no_such_db?")
    with pytest.raises(StoreError, match="no_such_db"):
        Store.open(missing)


@requires_shared
def test_a_lost_connection_stops_an_import_and_a_rerun_resumes(pg_url: str) -> None:
    import psycopg

    from factscope.importers import import_paths

    with Store.open(pg_url) as store:
        assert isinstance(store, PgStore)
        pid = store._rows("SELECT pg_backend_pid()")[0][0]
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        report = import_paths([SEEDS], store)
        assert report.stopped is not None
        assert "lost the connection to the server" in report.stopped
        assert "\n" not in report.stopped
    with Store.open(pg_url) as store:
        assert store.document_count() == 0  # nothing half-written
        assert import_paths([SEEDS], store).imported == 5


def test_a_select_only_role_reads_and_cannot_write(pg_url: str) -> None:
    import psycopg

    Store.open(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("DROP ROLE IF EXISTS factscope_reader")
        admin.execute("CREATE ROLE factscope_reader LOGIN")
        admin.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO factscope_reader")
    reader = pg_url.replace("postgres@", "factscope_reader@")
    with Store.open(reader, read_only=True) as store:
        assert store.search_facts("trade").total == 0
        assert store.stats().documents == 0
    with Store.open(reader) as store, pytest.raises(ReadOnlyError, match="permission denied"):
        store.add_document(RawDocument(text="x y z", source="d", title="D"), [])


def test_newer_schemas_and_other_databases_are_refused(pg_url: str, pg_server: str) -> None:
    import psycopg

    from factscope.db import SchemaTooNewError

    with Store.open(pg_url) as store:
        store._rows("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(SchemaTooNewError, match="upgrade factscope"):
        Store.open(pg_url)
    from tests.pgserver import drop_database, new_database

    other = new_database(pg_server)
    with psycopg.connect(other, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id int)")
    with pytest.raises(StoreError, match="not a factscope database"):
        Store.open(other)
    drop_database(pg_server, other)
