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
