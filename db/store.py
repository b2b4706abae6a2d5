"""The store: one SQLite file of documents, facts and regions, behind a small typed API.

``Store`` is the product; the CLI and the TUI are its callers (as with sqlite-utils). It
never prints and never imports a UI. Every write of one document happens in one transaction,
so a crash or a bad file never leaves half a document behind.

One connection is opened with ``check_same_thread=False`` and every call holds a lock, so a
Textual thread worker may call the store while the UI thread does too (Harlequin's approach).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from sqlite_utils import Database
from sqlite_utils.utils import sqlite3

from factscope.db.check import check_database
from factscope.db.chunks import insert_chunks
from factscope.db.compare import Comparison, load_comparison
from factscope.db.connection import BUSY_TIMEOUT_MS, connect
from factscope.db.docsearch import SUMMARY_COLUMNS, count_documents, search_documents, summary
from factscope.db.dsn import is_server_url
from factscope.db.errors import NotFoundError, ReadOnlyError, StoreError, store_error
from factscope.db.factsearch import fact_facets, search_facts
from factscope.db.models import (
    Document,
    DocumentSummary,
    Fact,
    FactEvidence,
    FactFacets,
    FactResults,
    RawDocument,
    Region,
    SearchHit,
    StoreStats,
    fact_from_row,
)
from factscope.db.schema import FACT_COLUMNS, SCHEMA_VERSION
from factscope.db.trend import Trend, load_trend
from factscope.db.typos import Vocabulary
from factscope.db.writes import (
    delete_document,
    insert_facts,
    region_chain,
    region_from_row,
    upsert_regions,
)

AddOutcome = Literal["imported", "replaced", "unchanged"]
DocumentOrder = Literal["published", "title", "facts", "imported"]

_ORDER_SQL: dict[str, str] = {
    "published": "d.published IS NULL, d.published {dir}, d.title COLLATE NOCASE",
    "title": "d.title COLLATE NOCASE {dir}",
    "facts": "d.fact_count {dir}, d.title COLLATE NOCASE",
    "imported": "d.imported_at {dir}, d.title COLLATE NOCASE",
}


_WHITESPACE = re.compile(r"\s")
"""A white-space character (``\\s`` is exactly ``str.isspace``, what ``str.split`` splits on)."""
ID_PIECE = 1 << 20
"""Characters hashed at a time: folding a whole 20 MB text at once held a list of every word."""


def document_id(text: str) -> str:
    """Stable id of a document: a hash of its NFC-normalized text, whitespace-folded.

    The same as hashing ``" ".join(normalize("NFC", text).split())``, computed a piece at a
    time; pieces are cut before a white-space character, where neither the folding nor NFC
    (white space is a stable starter) can join across the cut.
    """
    digest = hashlib.sha256()
    wrote = False
    for piece in _id_pieces(text):
        words = unicodedata.normalize("NFC", piece).split()
        if words:
            digest.update((" " if wrote else "").encode() + " ".join(words).encode("utf-8"))
            wrote = True
    return digest.hexdigest()[:16]


def _id_pieces(text: str) -> Iterator[str]:
    start = 0
    while len(text) - start > ID_PIECE:
        cut = _WHITESPACE.search(text, start + ID_PIECE)
        if cut is None:
            break
        yield text[start : cut.start()]
        start = cut.start()
    yield text[start:]


def _path_sources(selector: str) -> list[str]:
    """The sources a path the user typed may be stored under (absolute, resolved)."""
    try:
        path = Path(selector).expanduser()
        return [str(path.absolute()), str(path.resolve())]
    except (OSError, RuntimeError, ValueError):
        return []


def _fact(row: tuple[Any, ...]) -> Fact:
    return fact_from_row(FACT_COLUMNS, row)


class Store:
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
    ) -> Store:
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

            return PgStore.connect(str(path), read_only=read_only)
        opened = connect(path, read_only=read_only, busy_timeout_ms=busy_timeout_ms)
        return cls(opened.conn, str(path), read_only, opened.snapshot)

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing --------------------------------------------------------------------------

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return list(self._conn.execute(sql, tuple(params)).fetchall())
            except sqlite3.OperationalError as exc:
                raise StoreError(self.path, str(exc)) from exc

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

    # -- writing ---------------------------------------------------------------------------

    def add_document(
        self, raw: RawDocument, facts: list[Fact], regions: Iterable[Region] = ()
    ) -> tuple[AddOutcome, str]:
        """Store one document with its facts, in one transaction.

        An identical text already stored is left alone (``unchanged``); a different text from
        the same ``source`` replaces the old document and its facts (``replaced``).

        :param regions: regions the facts refer to, upserted in the same transaction.
        :returns: the outcome and the document id.
        """
        doc_id = document_id(raw.text)
        try:
            with self.transaction() as conn:
                if conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
                    return "unchanged", doc_id
                old = [
                    r[0]
                    for r in conn.execute(
                        "SELECT id FROM documents WHERE source = ?", (raw.source,)
                    )
                ]
                for old_id in old:
                    delete_document(conn, old_id)
                upsert_regions(conn, regions)
                cursor = conn.execute(
                    "INSERT INTO documents (id, source, title, published, language, text,"
                    " imported_at, fact_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        doc_id,
                        raw.source,
                        raw.title,
                        raw.published.isoformat() if raw.published else None,
                        raw.language,
                        raw.text,
                        dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                        len(facts),
                    ),
                )
                insert_chunks(conn, cursor.lastrowid, raw.title, raw.text)
                insert_facts(conn, doc_id, raw.text, facts)
        except sqlite3.Error as exc:
            raise store_error(self.path, exc) from exc
        return ("replaced" if old else "imported"), doc_id

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document and its facts; False when it was not stored."""
        with self.transaction() as conn:
            if not conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
                return False
            delete_document(conn, doc_id)
        return True

    def remove_documents(self, selectors: Iterable[str]) -> dict[str, list[str]]:
        """Remove documents and their facts, all in one transaction.

        A selector is a document id, a stored source, or a file path whose source it is (a
        CSV/JSONL file's ``path#line`` rows go with it).

        :returns: for each selector, the ids it removed (empty when it matched nothing).
        """
        removed: dict[str, list[str]] = {}
        with self.transaction() as conn:
            for selector in selectors:
                sources = {selector, *_path_sources(selector)}
                ids: list[str] = []
                for source in sorted(sources):
                    rows = conn.execute(
                        "SELECT id FROM documents WHERE id = ? OR source = ?"
                        " OR (source >= ? AND source < ?)",
                        (source, source, source + "#", source + "$"),
                    ).fetchall()
                    ids.extend(r[0] for r in rows if r[0] not in ids)
                for doc_id in ids:
                    delete_document(conn, doc_id)
                removed[selector] = ids
        return removed

    def remove_all(self) -> int:
        """Remove every document and fact (the regions stay); returns the documents removed."""
        with self.transaction() as conn:
            count = int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
            conn.execute("DELETE FROM facts_fts")
            conn.execute("DELETE FROM fact_terms")
            conn.execute("DELETE FROM facts")
            conn.execute("DELETE FROM documents")
        return count

    def add_regions(self, regions: Iterable[Region]) -> None:
        """Insert or update regions (the gazetteer, or zones found in documents)."""
        with self.transaction() as conn:
            upsert_regions(conn, regions)

    # -- reading documents -----------------------------------------------------------------

    def document(self, doc_id: str) -> Document:
        """The whole document. :raises NotFoundError: no such id."""
        rows = self._rows(
            f"SELECT {SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.id = ?", (doc_id,)
        )
        if not rows:
            raise NotFoundError(self.path, f"no document {doc_id}")
        head = summary(rows[0])
        return Document(**head.model_dump(), text=rows[0][7])

    def documents(
        self,
        *,
        offset: int = 0,
        limit: int = 100,
        order: DocumentOrder = "published",
        descending: bool = True,
    ) -> list[DocumentSummary]:
        """One page of documents, without their text."""
        order_sql = _ORDER_SQL[order].format(dir="DESC" if descending else "ASC")
        rows = self._rows(
            f"SELECT {SUMMARY_COLUMNS} FROM documents d ORDER BY {order_sql} LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [summary(r) for r in rows]

    def document_count(self) -> int:
        """Number of documents."""
        return int(self._rows("SELECT count(*) FROM documents")[0][0])

    def fact_count(self) -> int:
        """Number of facts."""
        return int(self._rows("SELECT count(*) FROM facts")[0][0])

    # -- full-text search --------------------------------------------------------------------

    def search(
        self, query: str, *, limit: int = 20, offset: int = 0, prefix: bool = False
    ) -> list[SearchHit]:
        """Full-text search of documents, best first (bm25), with highlighted snippets.

        The query is escaped: any text is safe. Chinese terms of 3+ characters use the
        trigram index; shorter ones are found by a scan bounded by ``limit``.

        :param prefix: treat the last word as a prefix (search as you type).
        """
        with self._lock:
            try:
                return search_documents(self._conn, query, limit, offset, prefix)
            except sqlite3.OperationalError as exc:
                raise StoreError(self.path, str(exc)) from exc

    def search_count(self, query: str, *, cap: int = 10_000, prefix: bool = False) -> int:
        """How many documents match, counting at most ``cap`` (never an unbounded count)."""
        with self._lock:
            try:
                return count_documents(self._conn, query, cap, prefix)
            except sqlite3.OperationalError as exc:
                raise StoreError(self.path, str(exc)) from exc

    # -- facts -----------------------------------------------------------------------------

    def facts_for_document(self, doc_id: str) -> list[Fact]:
        """Every fact of a document, in text order."""
        cols = ", ".join(f'"{c}"' for c in FACT_COLUMNS)
        rows = self._rows(
            f"SELECT id, {cols} FROM facts WHERE doc_id = ? ORDER BY start, id", (doc_id,)
        )
        return [_fact(r) for r in rows]

    def search_facts(self, query: str, *, limit: int = 50) -> FactResults:
        """Fuzzy fact search, best first: see :mod:`db.factsearch` for the query language.

        Any text is safe; a malformed field token is searched as plain text.
        """
        with self._lock:
            try:
                return search_facts(self._conn, FACT_COLUMNS, query, limit, self._vocabulary)
            except sqlite3.OperationalError as exc:
                raise StoreError(self.path, str(exc)) from exc

    def fact_facets(self, query: str, *, cap: int = 10_000, top: int = 8) -> FactFacets:
        """How the matches of a fact query spread over regions and units (counts capped)."""
        with self._lock:
            try:
                return fact_facets(self._conn, query, cap=cap, top=top)
            except sqlite3.OperationalError as exc:
                raise StoreError(self.path, str(exc)) from exc

    def fact_counts(self, region_ids: list[str]) -> dict[str, int]:
        """Number of facts attributed to each region (for pickers); absent ids count 0."""
        if not region_ids:
            return {}
        marks = ", ".join("?" for _ in region_ids)
        rows = self._rows(
            f"SELECT region_id, count(*) FROM facts WHERE region_id IN ({marks})"
            " GROUP BY region_id",
            region_ids,
        )
        counts = dict.fromkeys(region_ids, 0)
        counts.update({r[0]: int(r[1]) for r in rows})
        return counts

    def regions_with_facts(self, *, limit: int = 200) -> list[tuple[Region, int]]:
        """Regions that facts are attributed to, with their fact counts, most first."""
        rows = self._rows(
            "SELECT r.id, r.name, r.level, r.parent_id, r.name_zh, r.aliases, c.n FROM"
            " (SELECT region_id, count(*) AS n FROM facts WHERE region_id IS NOT NULL"
            " GROUP BY region_id) c JOIN regions r ON r.id = c.region_id"
            " ORDER BY c.n DESC, r.name LIMIT ?",
            (limit,),
        )
        return [(region_from_row(row[:6]), int(row[6])) for row in rows]

    def compare(
        self,
        region_ids: list[str],
        *,
        metric_types: list[str] | None = None,
        periods: list[str] | None = None,
        include_children: bool = False,
    ) -> Comparison:
        """Facts of two or more regions aligned by metric type and period (first = base).

        :param include_children: show a region's districts' facts under it (never summed).
        :raises NotFoundError: a region id is not in the database.
        """
        regions = []
        for region_id in region_ids:
            region = self.region(region_id)
            if region is None:
                raise NotFoundError(self.path, f"no region {region_id}")
            regions.append(region)
        with self._lock:
            return load_comparison(
                self._conn,
                FACT_COLUMNS,
                regions,
                metric_types=metric_types,
                periods=periods,
                include_children=include_children,
            )

    def iter_facts(self, *, batch: int = 2000) -> Iterator[Fact]:
        """Every fact in id order, fetched a batch at a time (constant memory, for export)."""
        cols = ", ".join(f'"{c}"' for c in FACT_COLUMNS)
        last = 0
        while True:
            rows = self._rows(
                f"SELECT id, {cols} FROM facts WHERE id > ? ORDER BY id LIMIT ?", (last, batch)
            )
            if not rows:
                return
            yield from (_fact(r) for r in rows)
            last = rows[-1][0]

    def trend(self, region_id: str, metric: str, *, include_children: bool = False) -> Trend:
        """A region's amounts of one metric across periods, from every document stating them.

        :param metric: a metric type (``exports``) or a phrase matched against metric phrases.
        :param include_children: one more series per district or city directly under it.
        :raises NotFoundError: no such region.
        """
        region = self.region(region_id)
        if region is None:
            raise NotFoundError(self.path, f"no region {region_id}")
        children: list[Region] = []
        if include_children:
            rows = self._rows(
                "SELECT id, name, level, parent_id, name_zh, aliases FROM regions"
                " WHERE parent_id = ? ORDER BY name",
                (region_id,),
            )
            children = [region_from_row(row) for row in rows]
        with self._lock:
            try:
                return load_trend(
                    self._conn,
                    FACT_COLUMNS,
                    region,
                    metric,
                    include_children=include_children,
                    children=children,
                )
            except sqlite3.OperationalError as exc:
                raise StoreError(self.path, str(exc)) from exc

    def iter_fact_evidence(self, *, batch: int = 2000) -> Iterator[FactEvidence]:
        """Every fact in id order with its sentence and document, a batch at a time."""
        cols = ", ".join(f'f."{c}"' for c in FACT_COLUMNS)
        last = 0
        while True:
            rows = self._rows(
                f"SELECT f.id, {cols}, s.sentence, d.title, d.source, d.published FROM facts f"
                " JOIN documents d ON d.id = f.doc_id JOIN facts_fts s ON s.rowid = f.id"
                " WHERE f.id > ? ORDER BY f.id LIMIT ?",
                (last, batch),
            )
            if not rows:
                return
            for row in rows:
                fact = _fact(row[:-4])
                sentence, title, source, published = row[-4:]
                yield FactEvidence(
                    fact=fact,
                    sentence=sentence or fact.quote,
                    document_title=title,
                    document_source=source,
                    document_published=published,
                )
            last = rows[-1][0]

    def iter_documents(self, *, batch: int = 200) -> Iterator[Document]:
        """Every document with its text, in import order, a batch at a time."""
        last = 0
        while True:
            rows = self._rows(
                f"SELECT d.rowid, {SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.rowid > ?"
                " ORDER BY d.rowid LIMIT ?",
                (last, batch),
            )
            if not rows:
                return
            for row in rows:
                yield Document(**summary(row[1:8]).model_dump(), text=row[8])
            last = rows[-1][0]

    def fact(self, fact_id: int) -> Fact:
        """One fact by id. :raises NotFoundError: no such id."""
        cols = ", ".join(f'"{c}"' for c in FACT_COLUMNS)
        rows = self._rows(f"SELECT id, {cols} FROM facts WHERE id = ?", (fact_id,))
        if not rows:
            raise NotFoundError(self.path, f"no fact {fact_id}")
        return _fact(rows[0])

    # -- regions ---------------------------------------------------------------------------

    def region(self, region_id: str) -> Region | None:
        """One region by id, or None."""
        rows = self._rows(
            "SELECT id, name, level, parent_id, name_zh, aliases FROM regions WHERE id = ?",
            (region_id,),
        )
        return region_from_row(rows[0]) if rows else None

    def regions(self) -> list[Region]:
        """Every region stored (the gazetteer and zones found in documents), by id."""
        rows = self._rows(
            "SELECT id, name, level, parent_id, name_zh, aliases FROM regions ORDER BY id"
        )
        return [region_from_row(row) for row in rows]

    def region_chain(self, region_id: str) -> list[Region]:
        """The region, then its parents up to the country."""
        with self._lock:
            return region_chain(self._conn, region_id)

    def region_count(self) -> int:
        """Number of regions stored."""
        return int(self._rows("SELECT count(*) FROM regions")[0][0])

    def check(self) -> list[str]:
        """What is wrong with the database file, if anything: an empty list means sound.

        Runs SQLite's integrity check (pages, indexes, the FTS5 indexes against their
        content), the foreign-key check and the full-text indexes' own checks; reads only.
        """
        with self._lock:
            try:
                return check_database(self._conn)
            except sqlite3.DatabaseError as exc:
                return [str(exc)]

    # -- stats -----------------------------------------------------------------------------

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version``: it changes when another connection commits.

        One cheap read, for polling (the TUI reloads its counts only when it changes).
        """
        return int(self._rows("PRAGMA data_version")[0][0])

    def stats(self) -> StoreStats:
        """Counts and versions for the status line and ``factscope stats``."""
        file = Path(self.path).expanduser()
        size = sum(
            p.stat().st_size for p in (file, file.with_name(file.name + "-wal")) if p.exists()
        )
        version = self._rows("SELECT sqlite_version()")[0][0]
        return StoreStats(
            path=self.path,
            documents=self.document_count(),
            facts=self.fact_count(),
            regions=int(self._rows("SELECT count(DISTINCT region_id) FROM facts")[0][0]),
            gazetteer_regions=self.region_count(),
            schema_version=SCHEMA_VERSION,
            sqlite_version=str(version),
            size_bytes=size,
        )
