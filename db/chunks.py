"""Document text as full-text rows: one row for most documents, windows for huge ones.

FTS5 builds a row's terms in memory until the row is written, about ten bytes per character
for the porter and trigram indexes together: a 48 MB document cost 476 MB to store. So a
document longer than :data:`CHUNK_CHARS` is indexed as overlapping windows, cut at white
space, each a row of ``document_chunks`` (FTS5 flushes its pending terms between rows).
Search groups a document's windows back together; the trade-off, for huge documents only,
is that the words of one query must fall within one window (:data:`CHUNK_CHARS` characters)
to match. The document's text itself is stored once, whole, in ``documents``.
"""

from __future__ import annotations

from typing import Any

CHUNK_CHARS = 200_000
"""Documents up to this many characters are one full-text row, as before chunking."""
OVERLAP = 2_000
"""Characters a window shares with the next, so a phrase across a cut is still found."""


def chunk_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each window of ``text``: one span unless it is longer than a chunk."""
    if len(text) <= CHUNK_CHARS:
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(start + CHUNK_CHARS, len(text))
        if end < len(text):
            space = text.rfind(" ", start + CHUNK_CHARS // 2, end)
            newline = text.rfind("\n", start + CHUNK_CHARS // 2, end)
            cut = max(space, newline)
            end = cut if cut > start else end
        spans.append((start, end))
        if end >= len(text):
            break
        start = max(end - OVERLAP, start + 1)
    return spans


def insert_chunks(conn: Any, doc_rowid: int, title: str, text: str) -> None:
    """Index a document: its title with the first window, then one row per further window."""
    # One statement per window, each sliced only when it is written: FTS5 may flush its
    # terms between rows, and a list of every window would be a second copy of the text.
    for seq, (start, end) in enumerate(chunk_spans(text)):
        conn.execute(
            "INSERT INTO document_chunks (doc_rowid, seq, title, text) VALUES (?, ?, ?, ?)",
            (doc_rowid, seq, title if seq == 0 else "", text[start:end]),
        )


def backfill_chunks(conn: Any) -> None:
    """Chunk every stored document (the migration to chunked full-text rows)."""
    last = 0
    while True:
        rows = conn.execute(
            "SELECT rowid, title, text FROM documents WHERE rowid > ? ORDER BY rowid LIMIT 100",
            (last,),
        ).fetchall()
        if not rows:
            return
        for rowid, title, text in rows:
            insert_chunks(conn, rowid, title, text)
        last = rows[-1][0]
