"""The store's core: guarded calls turn SQLite's errors into one-line StoreErrors."""

from __future__ import annotations

import pytest

from factscope.db import Fact, RawDocument, Store, StoreError
from factscope.db.errors import LockedError
from factscope.db.store_core import StoreCore


def test_a_sqlite_error_in_a_guarded_call_names_the_file(store: Store) -> None:
    with pytest.raises(StoreError) as raised, store.guarded() as conn:
        conn.execute("SELECT * FROM no_such_table")
    assert raised.value.path == store.path
    assert "no_such_table" in raised.value.reason


def test_a_lock_held_by_another_connection_is_a_locked_error(store: Store) -> None:
    other = Store.open(store.path, busy_timeout_ms=50)
    try:
        with store.transaction() as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES ('a', 'b')")
            with pytest.raises(LockedError), other.transaction():
                pass
    finally:
        other.close()


def test_errors_that_are_not_sqlites_pass_through(store: Store) -> None:
    with pytest.raises(KeyError), store.guarded():
        raise KeyError("mine")


def test_the_store_is_built_on_the_core(store: Store) -> None:
    assert isinstance(store, StoreCore)
    assert store.db.table_names()  # the sqlite-utils wrapper shares the connection


def test_exports_read_every_row_across_batch_boundaries(store: Store) -> None:
    # Keyset batches of 2 over 5 documents: each batch starts after the last one's key.
    text = "Trade rose {n} percent.\n"
    for n in range(5):
        quote = f"{n} percent"
        start = text.format(n=n).index(quote)
        fact = Fact(start=start, end=start + len(quote), quote=quote, number_quote=str(n), value=n)
        store.add_document(RawDocument(text=text.format(n=n), title="T", source=f"{n}"), [fact])
    assert [d.source for d in store.iter_documents(batch=2)] == ["0", "1", "2", "3", "4"]
    assert [f.value for f in store.iter_facts(batch=2)] == [0, 1, 2, 3, 4]
    assert [e.fact.value for e in store.iter_fact_evidence(batch=2)] == [0, 1, 2, 3, 4]
