"""Opening SQLite connections for the store: pragmas, version checks, migrations.

One connection per store, opened with ``check_same_thread=False`` (the store serializes
calls with a lock). sqlite-utils' ``sqlite3`` is used, which is ``pysqlite3`` (a current
SQLite) when installed and the standard library's otherwise.

Several processes may open one database at once: writers queue for the write lock (a busy
timeout), and the first open of a new file, raced by two processes, creates the schema once
(see :func:`db.schema.migrate`). A read-only open never creates or changes a file: a WAL
database needs a ``-shm`` file beside it, so where none exists (or the folder cannot be
written) the file is opened ``immutable=1``, a snapshot that does not see later commits.
"""

from __future__ import annotations

import os
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils.utils import sqlite3

from factscope.db.errors import ReadOnlyError, SchemaTooNewError, StoreError
from factscope.db.schema import SCHEMA_VERSION, migrate, user_version

BUSY_TIMEOUT_MS = 60_000
"""How long a write waits for another process's write lock before failing with 'locked'.
An import holds the lock only while it writes one batch (well under a second for 50 typical
files), so a minute lets a queue of several imports through."""

_WAL_HEADER_OFFSET = 18
"""Byte of the database header holding the file format: 2 means WAL mode."""


@dataclass(frozen=True)
class Connection:
    """An open connection and how it was opened."""

    conn: Any
    snapshot: bool
    """Opened ``immutable=1``: commits made after opening (by anyone) are not seen."""


def writable(path: str | Path) -> bool:
    """True when this user may write the database file and its folder (WAL needs both)."""
    file = Path(path).expanduser()
    folder = file.parent if str(file.parent) else Path(".")
    if file.exists() and not os.access(file, os.W_OK):
        return False
    return not folder.exists() or os.access(folder, os.W_OK | os.X_OK)


def connect(
    path: str | Path, *, read_only: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> Connection:
    """Open (creating and migrating if needed) the database at ``path``.

    :param read_only: open without writing anything: ``mode=ro`` where that creates no file,
        else ``immutable=1`` (a snapshot; see the module docstring).
    :param busy_timeout_ms: how long to wait for another process's write lock.
    :raises StoreError: the file is missing (read-only), not a database, locked, or
        written by a newer version (:class:`SchemaTooNewError`).
    """
    file = Path(path).expanduser()
    shown = str(path)
    if file.is_dir():
        raise StoreError(shown, "is a directory, not a database file")
    if read_only and not file.exists():
        raise StoreError(shown, "no such database")
    if not read_only:
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(shown, f"cannot create directory: {exc.strerror}") from exc
    snapshot = read_only and _needs_snapshot(file)
    try:
        return _connect(file, shown, read_only, snapshot, busy_timeout_ms)
    except ReadOnlyError as exc:
        if snapshot or not read_only or "needs upgrading" in exc.reason:
            raise
        # A -shm this user may not write (another user's live database, a read-only
        # share): a snapshot still reads it.
        return _connect(file, shown, read_only, True, busy_timeout_ms)


def _needs_snapshot(file: Path) -> bool:
    """True when ``mode=ro`` would have to create a file: a WAL database with no ``-shm``.

    A ``-shm`` beside the file means a connection has it open (an import, say): joining it
    read-only sees that import's commits as they land.
    """
    try:
        with file.open("rb") as handle:
            handle.seek(_WAL_HEADER_OFFSET)
            wal = handle.read(1) == b"\x02"
    except OSError:
        return True
    return wal and not file.with_name(file.name + "-shm").exists()


def _connect(
    file: Path, shown: str, read_only: bool, snapshot: bool, busy_timeout_ms: int
) -> Connection:
    query = "?mode=ro&immutable=1" if snapshot else "?mode=ro" if read_only else "?mode=rwc"
    try:
        conn = sqlite3.connect(
            file.resolve().as_uri() + query,
            uri=True,
            check_same_thread=False,
            isolation_level=None,
            timeout=busy_timeout_ms / 1000,
        )
    except sqlite3.Error as exc:
        raise StoreError(shown, f"cannot open: {exc}") from exc
    try:
        _prepare(conn, shown, read_only, busy_timeout_ms)
    except sqlite3.DatabaseError as exc:
        conn.close()
        reason = str(exc)
        if "readonly" in reason:
            raise ReadOnlyError(shown, reason) from exc
        if "not a database" in reason or "malformed" in reason:
            reason = "not a factscope database (file is not SQLite or is corrupt)"
        raise StoreError(shown, reason) from exc
    except StoreError:
        conn.close()
        raise
    return Connection(conn, snapshot)


def _prepare(conn: Any, shown: str, read_only: bool, busy_timeout_ms: int) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    conn.execute("PRAGMA foreign_keys = ON")
    version = user_version(conn)
    if version > SCHEMA_VERSION:
        raise SchemaTooNewError(
            shown,
            f"written by a newer factscope (schema {version}; this version reads up to "
            f"{SCHEMA_VERSION}): upgrade factscope",
        )
    if version == 0:
        # The version and the tables in one read: another process creating the schema at
        # this moment must not make a new factscope file look like someone else's database.
        conn.execute("BEGIN")
        try:
            version = user_version(conn)
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            conn.execute("COMMIT")
        if version == 0 and tables:
            raise StoreError(shown, "not a factscope database (it has other tables)")
    if read_only:
        if version < SCHEMA_VERSION:
            raise ReadOnlyError(
                shown, "needs upgrading to the current schema; open it once without --read-only"
            )
        return
    # WAL before the schema: two processes creating one new file then queue as WAL writers,
    # and the migration re-reads the version under the write lock (db.schema.migrate).
    _use_wal(conn, busy_timeout_ms)
    conn.execute("PRAGMA synchronous = NORMAL")
    if version < SCHEMA_VERSION:
        migrate(conn)


def _use_wal(conn: Any, busy_timeout_ms: int) -> None:
    """Switch a new file to WAL mode, waiting for other processes opening it at the same time.

    The switch needs the file to itself, and SQLite answers 'locked' at once rather than call
    the busy handler (which could deadlock there): so wait here, as the busy timeout would.
    """
    deadline = time.monotonic() + busy_timeout_ms / 1000
    while conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(random.uniform(0.005, 0.05))
