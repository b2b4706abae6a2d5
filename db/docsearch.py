"""Full-text search of documents: FTS5 with bm25 and snippets, trigram for Chinese.

English (and any non-CJK) queries use ``documents_fts`` (porter + unicode61). Chinese terms of
three or more characters use the trigram index; shorter ones (most Chinese words are two
characters, which trigram cannot find) are found with ``instr`` over the rows the other terms
allow, bounded by the page size. Functions take a connection the store lends them.
"""

from __future__ import annotations

from typing import Any

from factscope.db.models import SearchHit
from factscope.db.query import (
    SNIPPET_CLOSE,
    SNIPPET_OPEN,
    Term,
    excerpt,
    fts_match,
    has_cjk,
    parse_terms,
    quote_term,
    split_snippet,
)
from factscope.db.rows import summary_from_row, summary_select

SUMMARY_COLUMNS = summary_select()
SHORT_CJK = 3
"""Trigram MATCH needs 3 characters; shorter terms are found by a bounded scan instead."""


def _hit(row: tuple[Any, ...]) -> SearchHit:
    snippet, spans = split_snippet(" ".join(str(row[7]).split()))
    return SearchHit(document=summary_from_row(row), snippet=snippet, highlights=spans, rank=row[8])


def search_documents(
    conn: Any, query: str, limit: int, offset: int, prefix: bool
) -> list[SearchHit]:
    """Documents matching every term of ``query``, best first."""
    terms = parse_terms(query)
    if not terms:
        return []
    if any(has_cjk(t.text) for t in terms):
        return _search_cjk(conn, terms, limit, offset)
    match = fts_match(terms, prefix_last=prefix)
    return _ranked(conn, "documents_fts", match, "", [], limit, offset)


def _ranked(
    conn: Any,
    table: str,
    match: str | None,
    scan_sql: str,
    scan_params: list[str],
    limit: int,
    offset: int,
) -> list[SearchHit]:
    """A page of documents by their best full-text row (see :mod:`db.chunks`), with snippets.

    Ranking runs over (row, document, bm25) only, grouped to each document's best row; the
    snippets are then made for the page's rows alone. FTS5's functions cannot run inside an
    aggregate, hence the materialized step.
    """
    where = f" AND {scan_sql}" if scan_sql else ""
    page = conn.execute(
        f"WITH hits AS MATERIALIZED (SELECT {table}.rowid AS chunk, c.doc_rowid AS doc,"
        f" bm25({table}, 5.0, 1.0) AS rank FROM {table}"
        f" JOIN document_chunks c ON c.id = {table}.rowid"
        f" JOIN documents d ON d.rowid = c.doc_rowid WHERE {table} MATCH ?{where})"
        " SELECT chunk, min(rank) AS best FROM hits GROUP BY doc ORDER BY best, doc"
        " LIMIT ? OFFSET ?",
        (match, *scan_params, limit, offset),
    ).fetchall()
    if not page:
        return []
    marks = ", ".join("?" for _ in page)
    rows = {
        row[-1]: row
        for row in conn.execute(
            f"SELECT {SUMMARY_COLUMNS},"
            f" snippet({table}, -1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 24), {table}.rowid"
            f" FROM {table} JOIN document_chunks c ON c.id = {table}.rowid"
            f" JOIN documents d ON d.rowid = c.doc_rowid"
            f" WHERE {table} MATCH ? AND {table}.rowid IN ({marks})",
            (match, *(chunk for chunk, _ in page)),
        )
    }
    return [_hit((*rows[chunk][:8], rank)) for chunk, rank in page if chunk in rows]


def _cjk_conditions(terms: list[Term]) -> tuple[str | None, str, list[str], list[str]]:
    """(trigram MATCH or None, instr conditions, their params, the short terms)."""
    long_terms = [t.text for t in terms if len(t.text) >= SHORT_CJK]
    short_terms = [t.text for t in terms if len(t.text) < SHORT_CJK]
    scan_sql = " AND ".join(
        "(instr(lower(d.text), lower(?)) > 0 OR instr(lower(d.title), lower(?)) > 0)"
        for _ in short_terms
    )
    scan_params = [p for t in short_terms for p in (t, t)]
    match = " ".join(quote_term(t) for t in long_terms) if long_terms else None
    return match, scan_sql, scan_params, short_terms


def _search_cjk(conn: Any, terms: list[Term], limit: int, offset: int) -> list[SearchHit]:
    match, scan_sql, scan_params, short_terms = _cjk_conditions(terms)
    if match is not None:
        return _ranked(conn, "documents_trigram", match, scan_sql, scan_params, limit, offset)
    rows = conn.execute(
        f"SELECT {SUMMARY_COLUMNS}, d.text FROM documents d WHERE {scan_sql}"
        " ORDER BY d.rowid LIMIT ? OFFSET ?",
        (*scan_params, limit, offset),
    ).fetchall()
    hits = []
    for row in rows:
        snippet, spans = excerpt(row[7], short_terms)
        hits.append(
            SearchHit(document=summary_from_row(row), snippet=snippet, highlights=spans, rank=0)
        )
    return hits


def count_documents(conn: Any, query: str, cap: int, prefix: bool) -> int:
    """How many documents match ``query``, counting at most ``cap``."""
    terms = parse_terms(query)
    if not terms:
        return 0
    if any(has_cjk(t.text) for t in terms):
        match, scan_sql, scan_params, _ = _cjk_conditions(terms)
        if match is not None:
            inner = (
                "SELECT DISTINCT c.doc_rowid FROM documents_trigram"
                " JOIN document_chunks c ON c.id = documents_trigram.rowid"
                " JOIN documents d ON d.rowid = c.doc_rowid WHERE documents_trigram MATCH ?"
                + (f" AND {scan_sql}" if scan_sql else "")
            )
            params: list[Any] = [match, *scan_params]
        else:
            inner = f"SELECT 1 FROM documents d WHERE {scan_sql}"
            params = list(scan_params)
        row = conn.execute(f"SELECT count(*) FROM ({inner} LIMIT ?)", [*params, cap]).fetchone()
        return int(row[0])
    row = conn.execute(
        "SELECT count(*) FROM (SELECT DISTINCT c.doc_rowid FROM documents_fts"
        " JOIN document_chunks c ON c.id = documents_fts.rowid"
        " WHERE documents_fts MATCH ? LIMIT ?)",
        (fts_match(terms, prefix_last=prefix), cap),
    ).fetchone()
    return int(row[0])
