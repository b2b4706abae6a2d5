"""Errors the store raises for expected failures.

Each carries the file it concerns and a short reason, so a front end can print one line
("factscope: /tmp/x.db: database is locked") and never a traceback.
"""

from __future__ import annotations


class StoreError(Exception):
    """An expected failure opening or using a database."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class SchemaTooNewError(StoreError):
    """The database was written by a newer factscope; we refuse to touch it."""


class ReadOnlyError(StoreError):
    """A write was attempted on a store opened read-only (or a read-only file)."""


class NotFoundError(StoreError):
    """A document or fact id that is not in the store."""


class LockedError(StoreError):
    """Another process held the write lock for longer than the busy timeout."""


class WriteFailedError(StoreError):
    """The disk refused a write: full, over a quota or a file-size limit, or failing.

    No later write can be expected to succeed, so an import stops here rather than trying
    every remaining file; what was committed before stays intact.
    """


_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_IOERR, _SQLITE_FULL = 5, 6, 10, 13
"""Primary SQLite result codes (the low byte of an extended code)."""


def store_error(path: str, exc: Exception) -> StoreError:
    """The :class:`StoreError` for a ``sqlite3`` error, of the subclass its code calls for."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code == _SQLITE_FULL:
        return WriteFailedError(path, "disk full")
    if code == _SQLITE_IOERR:
        return WriteFailedError(path, f"{exc} (a full disk, a quota or a file-size limit?)")
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return LockedError(path, str(exc))
    return StoreError(path, str(exc))
