"""The store's core: guarded calls turn SQLite's errors into one-line StoreErrors."""

from __future__ import annotations

import pytest

from factscope.db import Store, StoreError
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
