"""Store behaviour on real SQLite files: schema, dedupe, replace, search, atomicity, errors."""

from __future__ import annotations

import sqlite3 as stdlib_sqlite3
from pathlib import Path

import pytest
from sqlite_utils.utils import sqlite3 as sqlite_utils_sqlite3

import factscope.db.store_documents as store_module
from factscope.db import (
    Fact,
    RawDocument,
    ReadOnlyError,
    Region,
    SchemaTooNewError,
    Store,
    StoreError,
    document_id,
)
from factscope.db.pgschema import PG_SCHEMA_VERSION
from factscope.db.pgstore import PgStore
from factscope.db.schema import MIGRATIONS, SCHEMA_VERSION
from factscope.db.writes import insert_facts

TEXT = "Songjiang District exported 178.2 billion yuan in 2020.\nIts imports rose 18.6 percent."


def _doc(text: str = TEXT, source: str = "a.txt", title: str = "Trade") -> RawDocument:
    return RawDocument(text=text, title=title, source=source)


def _fact(text: str, quote: str, **fields: object) -> Fact:
    start = text.index(quote)
    return Fact(
        start=start,
        end=start + len(quote),
        quote=quote,
        number_quote=quote.split()[0],
        value=float(quote.split()[0]),
        sentence_start=0,
        sentence_end=text.index("\n"),
        **fields,
    )


def _dump(path: Path) -> list[str]:
    conn = stdlib_sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_new_database_has_current_schema_and_wal(store: Store, db_path: Path) -> None:
    conn = stdlib_sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "facts", "regions", "documents_fts", "facts_fts"} <= tables


def test_add_then_readd_is_a_noop(any_store: Store) -> None:
    fact = _fact(TEXT, "178.2 billion yuan", unit="CNY", scale=1e9)
    assert any_store.add_document(_doc(), [fact]) == ("imported", document_id(TEXT))
    assert any_store.add_document(_doc(), [fact])[0] == "unchanged"
    assert any_store.document_count() == 1
    assert any_store.fact_count() == 1


def test_changed_file_replaces_document_and_facts(any_store: Store) -> None:
    any_store.add_document(_doc(), [_fact(TEXT, "178.2 billion yuan")])
    changed = TEXT.replace("178.2", "180.0")
    outcome, new_id = any_store.add_document(_doc(changed), [_fact(changed, "180.0 billion yuan")])
    assert outcome == "replaced"
    assert [d.id for d in any_store.documents()] == [new_id]
    assert [f.quote for f in any_store.facts_for_document(new_id)] == ["180.0 billion yuan"]
    assert any_store.search("178.2") == []
    assert len(any_store.search("180.0")) == 1


def test_fact_fields_round_trip(any_store: Store) -> None:
    fact = _fact(
        TEXT,
        "178.2 billion yuan",
        unit="CNY",
        scale=1e9,
        normalized=178.2e9,
        region="Songjiang District",
        region_level="district",
        metric="exports",
        metric_type="exports",
        period="2020",
        change_percent=9.4,
        change_basis="yoy",
    )
    _, doc_id = any_store.add_document(_doc(), [fact])
    [stored] = any_store.facts_for_document(doc_id)
    assert stored.model_dump(exclude={"id", "doc_id"}) == fact.model_dump(exclude={"id", "doc_id"})
    assert stored.doc_id == doc_id
    assert any_store.fact(stored.id or 0) == stored
    assert TEXT[stored.start : stored.end] == "178.2 billion yuan"


def test_search_ranks_and_highlights(any_store: Store) -> None:
    any_store.add_document(_doc(), [])
    any_store.add_document(_doc("Weather was fine in Shanghai.", "b.txt", "Weather"), [])
    [hit] = any_store.search("exported yuan")
    assert hit.document.title == "Trade"
    assert {hit.snippet[s:e].lower() for s, e in hit.highlights} == {"exported", "yuan"}
    assert any_store.search("billio") == []  # whole words unless asked
    assert len(any_store.search("billio", prefix=True)) == 1
    assert (
        any_store.search_count("shanghai OR songjiang") == 0
    )  # OR is a word here, not an operator


def test_search_stems_english(any_store: Store) -> None:
    any_store.add_document(_doc("Imports rose sharply.", "c.txt"), [])
    assert len(any_store.search("import")) == 1
    assert len(any_store.search("importing")) == 1


@pytest.mark.parametrize("query", ["出口", "口", "进出口", "松江 出口", "外贸进出口"])
def test_search_finds_chinese_words_of_any_length(any_store: Store, query: str) -> None:
    any_store.add_document(_doc("2020年松江区外贸进出口总额3055亿元。", "zh.txt", "松江"), [])
    any_store.add_document(_doc("Nothing Chinese here.", "en.txt", "en"), [])
    hits = any_store.search(query)
    assert [h.document.title for h in hits] == ["松江"]
    assert hits[0].highlights


def test_documents_are_paged_and_ordered(any_store: Store) -> None:
    for i in range(7):
        raw = RawDocument(
            text=f"doc {i}", title=f"T{i}", source=f"{i}.txt", published=f"2020-01-0{i + 1}"
        )
        any_store.add_document(raw, [])
    page = any_store.documents(limit=3)
    assert [d.title for d in page] == ["T6", "T5", "T4"]
    assert [d.title for d in any_store.documents(offset=6, limit=3)] == ["T0"]
    assert [d.title for d in any_store.documents(order="title", descending=False, limit=2)] == [
        "T0",
        "T1",
    ]


def test_failure_inside_transaction_leaves_database_unchanged(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_document(_doc(), [_fact(TEXT, "178.2 billion yuan")])
    before = _dump(db_path)

    def explode(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("factscope.db.store_documents.insert_facts", explode)
    other = "Sichuan exported 465.4 billion yuan.\nMore."
    with pytest.raises(RuntimeError):
        store.add_document(_doc(other, "b.txt"), [_fact(other, "465.4 billion yuan")])
    with pytest.raises(RuntimeError):  # a replacement that fails keeps the old document
        store.add_document(_doc(TEXT + " Changed.", "a.txt"), [])
    assert _dump(db_path) == before
    conn = stdlib_sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.search("Songjiang")


def test_newer_schema_is_refused(db_path: Path) -> None:
    Store.open(db_path).close()
    conn = stdlib_sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(SchemaTooNewError, match="newer factscope"):
        Store.open(db_path)


def test_garbage_file_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a factscope database"):
        Store.open(path)
    assert path.read_bytes() == b"this is not sqlite at all" * 100


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = stdlib_sqlite3.connect(path)
    conn.execute("CREATE TABLE people (name TEXT)")
    conn.close()
    with pytest.raises(StoreError, match="other tables"):
        Store.open(path)


def test_read_only_store_refuses_writes(db_path: Path) -> None:
    with Store.open(db_path) as writable:
        writable.add_document(_doc(), [])
    with Store.open(db_path, read_only=True) as ro:
        assert ro.document_count() == 1
        with pytest.raises(ReadOnlyError):
            ro.add_document(_doc("new", "n.txt"), [])
    with pytest.raises(StoreError, match="no such database"):
        Store.open(db_path.with_name("missing.db"), read_only=True)


def test_regions_and_chain(any_store: Store) -> None:
    any_store.add_regions(
        [
            Region(id="CN", name="China", level="country"),
            Region(id="310000", name="Shanghai", level="municipality", parent_id="CN"),
            Region(
                id="310117",
                name="Songjiang District",
                level="district",
                parent_id="310000",
                aliases=["Songjiang"],
            ),
        ]
    )
    assert [r.name for r in any_store.region_chain("310117")] == [
        "Songjiang District",
        "Shanghai",
        "China",
    ]
    assert any_store.region("310117") is not None
    assert any_store.region("nope") is None


def test_delete_document_removes_facts(any_store: Store) -> None:
    _, doc_id = any_store.add_document(_doc(), [_fact(TEXT, "178.2 billion yuan")])
    assert any_store.delete_document(doc_id)
    assert any_store.fact_count() == 0
    assert not any_store.delete_document(doc_id)


def test_stats(any_store: Store) -> None:
    any_store.add_document(_doc(), [_fact(TEXT, "178.2 billion yuan")])
    stats = any_store.stats()
    on_server = isinstance(any_store, PgStore)
    version = PG_SCHEMA_VERSION if on_server else SCHEMA_VERSION
    assert (stats.documents, stats.facts, stats.schema_version) == (1, 1, version)
    assert stats.size_bytes > 0
    assert stats.sqlite_version.startswith("PostgreSQL") == on_server


def test_locked_database_is_a_clear_error_and_changes_nothing(db_path: Path) -> None:
    with Store.open(db_path) as first:
        first.add_document(_doc(), [])
    # The same SQLite library as the store: POSIX locks are per process, and two copies of
    # SQLite in one process (stdlib and pysqlite3) would not see each other's locks.
    holder = sqlite_utils_sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with (
            Store.open(db_path, busy_timeout_ms=50) as blocked,
            pytest.raises(StoreError, match="locked"),
        ):
            blocked.add_document(_doc("Another text.", "b.txt"), [])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store.open(db_path) as after:
        assert after.document_count() == 1


def test_an_older_database_is_migrated_on_open(db_path: Path) -> None:
    # A file as version 1 left it (the steps of versions 2 and 3 undone): its document indexed
    # as one full-text row by the old triggers, no vocabulary tables. Opening it migrates it:
    # typo correction reads the backfilled fact_terms, search the backfilled chunks.
    conn = sqlite_utils_sqlite3.connect(db_path, isolation_level=None)
    for step in MIGRATIONS[:3]:
        step(conn)
    doc_id = document_id(TEXT)
    conn.execute(
        "INSERT INTO documents (id, source, title, published, language, text, imported_at,"
        " fact_count) VALUES (?, 'a.txt', 'Trade', NULL, 'en', ?, '2024-01-01T00:00:00', 1)",
        (doc_id, TEXT),
    )
    insert_facts(conn, doc_id, TEXT, [_fact(TEXT, "178.2 billion yuan")])
    conn.execute("DROP TABLE facts_vocab")
    conn.execute("DROP TABLE fact_terms")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with pytest.raises(ReadOnlyError, match="needs upgrading"):
        Store.open(db_path, read_only=True)
    with Store.open(db_path) as store:
        assert store.fact_count() == 1
        assert [h.fact.quote for h in store.search_facts("exprted").hits] == ["178.2 billion yuan"]
        assert [h.document.id for h in store.search("songjiang")] == [doc_id]
        assert store.check() == []
    conn = stdlib_sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_failed_document_in_a_batch_rolls_back_alone(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = insert_facts

    def fail_on_b(conn: object, doc_id: str, text: str, facts: list[Fact]) -> None:
        real(conn, doc_id, text, facts)
        if text.startswith("B"):
            raise StoreError("x", "injected")

    monkeypatch.setattr(store_module, "insert_facts", fail_on_b)
    with store.batch():
        a_text, b_text = "A rose 5 percent.\nEnd", "B rose 6 percent.\nEnd"
        store.add_document(_doc(a_text, "a.txt"), [_fact(a_text, "5 percent")])
        with pytest.raises(StoreError):
            store.add_document(_doc(b_text, "b.txt"), [_fact(b_text, "6 percent")])
        store.add_document(_doc("C text.\nEnd", "c.txt"), [])
    assert sorted(d.source for d in store.documents()) == ["a.txt", "c.txt"]
    assert store.fact_count() == 1


def test_an_interrupted_batch_stores_nothing(store: Store, db_path: Path) -> None:
    store.add_document(_doc(), [])
    before = _dump(db_path)
    with pytest.raises(KeyboardInterrupt), store.batch():
        store.add_document(_doc("Other text.", "o.txt"), [])
        raise KeyboardInterrupt
    assert _dump(db_path) == before


def test_a_batch_that_sqlite_rolls_back_whole_stores_nothing_after_it(
    store: Store, db_path: Path
) -> None:
    # SQLite ends the whole transaction on some errors (disk full): the units after it must
    # not commit on their own, and the batch must fail, since its earlier units are gone too.
    store.add_document(_doc(), [])
    before = _dump(db_path)
    with pytest.raises(StoreError, match="rolled back: database or disk is full"), store.batch():
        store.add_document(_doc("First text.", "first.txt"), [])
        with pytest.raises(StoreError, match="disk is full"), store.transaction() as conn:
            conn.execute("ROLLBACK")  # what SQLite does by itself on such an error
            raise sqlite_utils_sqlite3.OperationalError("database or disk is full")
        with pytest.raises(StoreError, match="the batch was rolled back"):
            store.add_document(_doc("Later text.", "later.txt"), [])
    assert _dump(db_path) == before
    store.add_document(_doc("After text.", "after.txt"), [])  # the store still works
    assert "after.txt" in {d.source for d in store.documents()}
