"""The store's documents: adding, replacing and removing them, reading and searching them.

Every write of one document happens in one transaction, so a crash or a bad file never
leaves half a document behind.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from sqlite_utils.utils import sqlite3

from factscope.db.chunks import insert_chunks
from factscope.db.docsearch import count_documents, search_documents
from factscope.db.errors import NotFoundError, store_error
from factscope.db.models import Document, DocumentSummary, Fact, RawDocument, Region, SearchHit
from factscope.db.rows import (
    DOCUMENT_COLUMNS,
    document_values,
    select_list,
    summary_from_row,
    summary_select,
)
from factscope.db.store_core import StoreCore
from factscope.db.writes import delete_document, insert_facts, upsert_regions

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


def _document(row: tuple[Any, ...]) -> Document:
    """A Document from a row of :func:`summary_select`'s columns, then the text."""
    return Document(**summary_from_row(row).model_dump(), text=row[7])


class DocumentsStore(StoreCore):
    """The documents part of :class:`db.store.Store`."""

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
                    f"INSERT INTO documents ({select_list(DOCUMENT_COLUMNS)})"
                    f" VALUES ({', '.join('?' for _ in DOCUMENT_COLUMNS)})",
                    document_values(raw, doc_id, len(facts)),
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

    # -- reading documents -----------------------------------------------------------------

    def document(self, doc_id: str) -> Document:
        """The whole document. :raises NotFoundError: no such id."""
        rows = self._rows(
            f"SELECT {summary_select()}, d.text FROM documents d WHERE d.id = ?", (doc_id,)
        )
        if not rows:
            raise NotFoundError(self.path, f"no document {doc_id}")
        return _document(rows[0])

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
            f"SELECT {summary_select()} FROM documents d ORDER BY {order_sql} LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [summary_from_row(r) for r in rows]

    def document_count(self) -> int:
        """Number of documents."""
        return int(self._rows("SELECT count(*) FROM documents")[0][0])

    # -- full-text search --------------------------------------------------------------------

    def search(
        self, query: str, *, limit: int = 20, offset: int = 0, prefix: bool = False
    ) -> list[SearchHit]:
        """Full-text search of documents, best first (bm25), with highlighted snippets.

        The query is escaped: any text is safe. Chinese terms of 3+ characters use the
        trigram index; shorter ones are found by a scan bounded by ``limit``.

        :param prefix: treat the last word as a prefix (search as you type).
        """
        with self.guarded() as conn:
            return search_documents(conn, query, limit, offset, prefix)

    def search_count(self, query: str, *, cap: int = 10_000, prefix: bool = False) -> int:
        """How many documents match, counting at most ``cap`` (never an unbounded count)."""
        with self.guarded() as conn:
            return count_documents(conn, query, cap, prefix)

    def iter_documents(self, *, batch: int = 200) -> Iterator[Document]:
        """Every document with its text, in import order, a batch at a time."""
        sql = (
            f"SELECT {summary_select()}, d.text, d.rowid FROM documents d WHERE d.rowid > ?"
            " ORDER BY d.rowid LIMIT ?"
        )
        for rows in self._batches(sql, batch, key=8):
            yield from (_document(row) for row in rows)
