"""The store's core: one connection, one lock, transactions and guarded reads.

:class:`StoreCore` holds what every part of :class:`db.store.Store` shares; the documents,
facts and regions parts (``store_documents``, ``store_facts``, ``store_regions``) add their
methods on top of it. Every call runs through :meth:`StoreCore.guarded` or
:meth:`StoreCore.transaction`: under the lock, with SQLite's errors turned into
:class:`StoreError`, so no ``sqlite3`` exception reaches a caller.

One connection is opened with ``check_same_thread=False`` and every call holds a lock, so a
Textual thread worker may call the store while the UI thread does too (Harlequin's approach).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any, Self, cast

from sqlite_utils import Database
from sqlite_utils.utils import sqlite3

from factscope.db.connection import BUSY_TIMEOUT_MS, connect
from factscope.db.dsn import is_server_url
from factscope.db.errors import ReadOnlyError, StoreError, store_error
from factscope.db.typos import Vocabulary


class StoreCore:
    """A factscope database. Open with :meth:`open`; close with :meth:`close` or ``with``."""

    def __init__(self, conn: Any, path: str, read_only: bool, snapshot: bool = False) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self.path = path
        self.read_only = read_only
        self.snapshot = snapshot
        """Opened as an immutable snapshot: commits made by others after opening are not seen."""
        self._vocabulary = Vocabulary()
        self._in_batch = False
        self._batch_lost: StoreError | None = None
        """Why SQLite rolled the current batch back as a whole (disk full), if it did."""

    @cached_property
    def db(self) -> Database:
        """The sqlite-utils wrapper, for schema introspection (not for UI code; SQLite only)."""
        return Database(self._conn)

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: str | Path, *, read_only: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS
    ) -> Self:
        """Open (creating and migrating if needed) the database at ``path``.

        A ``postgresql://`` or ``postgres://`` URL opens a server's database instead
        (:class:`db.pgstore.PgStore`, with the ``postgres`` extra installed).

        :param read_only: write nothing, not even the ``-shm`` file WAL mode wants: safe for a
            database shared on a server or in a folder this user cannot write (where it may
            open as a :attr:`snapshot`).
        :raises StoreError: the file is missing (read-only), not a database, locked, or
            written by a newer version (:class:`SchemaTooNewError`).
        """
        if is_server_url(str(path)):
            from factscope.db.pgstore import PgStore

            return cast(Self, PgStore.connect(str(path), read_only=read_only))
        opened = connect(path, read_only=read_only, busy_timeout_ms=busy_timeout_ms)
        return cls(opened.conn, str(path), read_only, opened.snapshot)

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing --------------------------------------------------------------------------

    @contextmanager
    def guarded(self) -> Iterator[Any]:
        """The connection, under the store lock, with SQLite's errors as :class:`StoreError`.

        For reads and for the library functions the store lends its connection to; writes
        go through :meth:`transaction`.
        """
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise store_error(self.path, exc) from exc

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self.guarded() as conn:
            return list(conn.execute(sql, tuple(params)).fetchall())

    def _batches(self, sql: str, batch: int, key: int = 0) -> Iterator[list[tuple[Any, ...]]]:
        """The rows of ``sql`` a batch at a time, in constant memory (for exports).

        ``sql`` takes two parameters, ``key > ?`` and ``LIMIT ?``, and orders by that key,
        which is column ``key`` of its rows: each batch starts after the last one's key
        (an index seek, where OFFSET would read every row it skips).
        """
        last = 0
        while rows := self._rows(sql, (last, batch)):
            yield rows
            last = rows[-1][key]

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """A write transaction (``BEGIN IMMEDIATE``): all or nothing, under the store lock.

        Inside :meth:`batch` it is a SAVEPOINT instead: still all or nothing for this unit of
        work, committed with the batch.
        """
        if self.read_only:
            raise ReadOnlyError(self.path, "opened read-only")
        with self._lock:
            # Any write may change the words of the index: the typo vocabulary reloads.
            self._vocabulary = Vocabulary()
            if self._in_batch:
                if self._batch_lost is not None:
                    # A SAVEPOINT now would open a transaction of its own and commit this unit
                    # alone, while the batch's earlier units are gone: the batch stays lost.
                    raise self._batch_lost
                self._conn.execute("SAVEPOINT unit")
                try:
                    yield self._conn
                except BaseException as exc:
                    # SQLite may already have rolled the whole transaction back (disk full):
                    # then there is no savepoint left, and the original error is what matters.
                    error = store_error(self.path, exc) if isinstance(exc, sqlite3.Error) else exc
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK TO unit")
                        self._conn.execute("RELEASE unit")
                    elif isinstance(error, StoreError):
                        lost = f"the batch was rolled back: {error.reason}"
                        self._batch_lost = type(error)(self.path, lost)
                    if error is not exc:
                        raise error from exc
                    raise
                self._conn.execute("RELEASE unit")
                return
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise store_error(self.path, exc) from exc
            try:
                yield self._conn
            except BaseException as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise store_error(self.path, exc) from exc
                raise
            try:
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise store_error(self.path, exc) from exc

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many writes in one transaction, each still atomic (a SAVEPOINT per document).

        A commit per document costs about as much as storing its facts; an import groups
        documents into batches. A failed document rolls back alone; a crash loses the
        uncommitted batch whole (those files import again next time), never half a document.
        If SQLite rolls the whole transaction back itself (disk full), every later unit of the
        batch fails and so does the batch: no unit commits on its own.
        """
        with self.transaction():
            self._in_batch, self._batch_lost = True, None
            try:
                yield
                if self._batch_lost is not None:  # none of the batch is stored: say so
                    raise self._batch_lost
            finally:
                self._in_batch, self._batch_lost = False, None
