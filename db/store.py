"""The store: one SQLite file of documents, facts and regions, behind a small typed API.

``Store`` is the product; the CLI and the TUI are its callers (as with sqlite-utils). It
never prints and never imports a UI. Its methods come in parts, by concern:
:mod:`db.store_core` (opening, the lock, transactions), :mod:`db.store_documents`,
:mod:`db.store_facts` and :mod:`db.store_regions`; the upkeep of the file (its checks and
counts) is here.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils.utils import sqlite3

from factscope.db.check import check_database
from factscope.db.models import StoreStats
from factscope.db.schema import SCHEMA_VERSION
from factscope.db.store_documents import AddOutcome, DocumentOrder, DocumentsStore, document_id
from factscope.db.store_facts import FactsStore

__all__ = ["AddOutcome", "DocumentOrder", "Store", "document_id"]


class Store(DocumentsStore, FactsStore):
    """A factscope database. Open with :meth:`open`; close with :meth:`close` or ``with``."""

    # -- upkeep ----------------------------------------------------------------------------

    def check(self) -> list[str]:
        """What is wrong with the database file, if anything: an empty list means sound.

        Runs SQLite's integrity check (pages, indexes, the FTS5 indexes against their
        content), the foreign-key check and the full-text indexes' own checks; reads only.
        """
        with self._lock:
            try:
                return check_database(self._conn)
            except sqlite3.DatabaseError as exc:  # what is wrong is the answer, not an error
                return [str(exc)]

    # -- stats -----------------------------------------------------------------------------

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version``: it changes when another connection commits.

        One cheap read, for polling (the TUI reloads its counts only when it changes).
        """
        return int(self._rows("PRAGMA data_version")[0][0])

    def stats(self) -> StoreStats:
        """Counts and versions for the status line and ``factscope stats``."""
        return StoreStats(
            path=self.path,
            documents=self.document_count(),
            facts=self.fact_count(),
            regions=int(self._rows("SELECT count(DISTINCT region_id) FROM facts")[0][0]),
            gazetteer_regions=self.region_count(),
            schema_version=self.schema_version(),
            sqlite_version=self.engine_version(),
            size_bytes=self.size_bytes(),
            notes=self.notes(),
        )

    def notes(self) -> list[str]:
        """What works, but slower than it could (none on SQLite)."""
        return []

    def schema_version(self) -> int:
        """The schema version this code writes (and the database holds, once opened)."""
        return SCHEMA_VERSION

    def engine_version(self) -> str:
        """The database engine and its version, as ``stats`` reports it."""
        return str(self._rows("SELECT sqlite_version()")[0][0])

    def size_bytes(self) -> int:
        """The database's size on disk: the file and its write-ahead log."""
        file = Path(self.path).expanduser()
        return sum(
            p.stat().st_size for p in (file, file.with_name(file.name + "-wal")) if p.exists()
        )
