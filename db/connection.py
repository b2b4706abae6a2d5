"""Opening SQLite connections for the store: pragmas, version checks, migrations.

One connection per store, opened with ``check_same_thread=False`` (the store serializes
calls with a lock). sqlite-utils' ``sqlite3`` is used, which is ``pysqlite3`` (a current
SQLite) when installed and the standard library's otherwise.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlite_utils.utils import sqlite3

from db.errors import ReadOnlyError, SchemaTooNewError, StoreError
from db.schema import SCHEMA_VERSION, migrate, user_version

BUSY_TIMEOUT_MS = 5000
"""How long a write waits for another process's lock before failing with 'locked'."""


def connect(
    path: str | Path, *, read_only: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> Any:
    """Open (creating and migrating if needed) the database at ``path``.

    :param read_only: open with ``mode=ro``: safe for a database shared on a server.
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
    uri = file.resolve().as_uri() + ("?mode=ro" if read_only else "?mode=rwc")
    try:
        conn = sqlite3.connect(
            uri, uri=True, check_same_thread=False, isolation_level=None, timeout=5.0
        )
    except sqlite3.Error as exc:
        raise StoreError(shown, f"cannot open: {exc}") from exc
    try:
        _prepare(conn, shown, read_only, busy_timeout_ms)
    except sqlite3.DatabaseError as exc:
        conn.close()
        reason = str(exc)
        if "not a database" in reason or "malformed" in reason:
            reason = "not a factscope database (file is not SQLite or is corrupt)"
        raise StoreError(shown, reason) from exc
    except StoreError:
        conn.close()
        raise
    return conn


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
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise StoreError(shown, "not a factscope database (it has other tables)")
    if version < SCHEMA_VERSION:
        if read_only:
            raise ReadOnlyError(
                shown, "needs upgrading to the current schema; open it once without --read-only"
            )
        migrate(conn)
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
