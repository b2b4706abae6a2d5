"""Full-text search of documents on PostgreSQL: ``tsvector`` + GIN, ``ts_rank_cd``,
``ts_headline`` for the rows shown.

The query is parsed by our own parser (:func:`db.query.parse_terms`), never by
``websearch_to_tsquery`` (which reads ``-`` as NOT): each word is quoted into a
``to_tsquery('english', …)`` string, so English stemming applies as FTS5's porter does, a
quoted phrase keeps its word order (``<->``) and the last word may be a prefix (``:*``).
Chinese terms are substrings (the English parser keeps a run of Chinese as one word),
found by a scan bounded by the page, as SQLite does for two-character terms.

The documents found are those SQLite finds; their order follows ``ts_rank_cd`` (cover
density, title weighted above text) where SQLite's follows bm25, so it may differ.
"""

from __future__ import annotations

from typing import Any

from factscope.db.models import SearchHit
from factscope.db.query import (
    SNIPPET_CLOSE,
    SNIPPET_OPEN,
    Term,
    excerpt,
    has_cjk,
    parse_terms,
    split_snippet,
)
from factscope.db.rows import summary_from_row, summary_select

SUMMARY_COLUMNS = summary_select()

HEADLINE = f"StartSel={SNIPPET_OPEN}, StopSel={SNIPPET_CLOSE}, MaxWords=24, MinWords=12"
"""``ts_headline`` options: the snippet markers the SQLite path parses, about 24 words."""


def _quoted(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery_text(terms: list[Term], *, prefix_last: bool) -> str:
    """The ``to_tsquery`` input requiring every term (the last one a prefix if asked)."""
    parts = [_quoted(t.text) for t in terms]
    if prefix_last and not terms[-1].phrase:
        parts[-1] += ":*"
    return " & ".join(parts)


def _cjk_scan(terms: list[Term]) -> tuple[str, list[str]]:
    sql = " AND ".join(
        "(strpos(lower(d.text), lower(?)) > 0 OR strpos(lower(d.title), lower(?)) > 0)"
        for _ in terms
    )
    return sql, [p for t in terms for p in (t.text, t.text)]


def search_documents(
    conn: Any, query: str, limit: int, offset: int, prefix: bool
) -> list[SearchHit]:
    """Documents matching every term of ``query``, best first."""
    terms = parse_terms(query)
    if not terms:
        return []
    cjk = [t for t in terms if has_cjk(t.text)]
    words = [t for t in terms if not has_cjk(t.text)]
    if not words:
        scan, params = _cjk_scan(cjk)
        rows = conn.execute(
            f"SELECT {SUMMARY_COLUMNS}, d.text FROM documents d WHERE {scan}"
            " ORDER BY d.rowid LIMIT ? OFFSET ?",
            (*params, limit, offset),
        ).fetchall()
        return [_excerpt_hit(row, [t.text for t in cjk]) for row in rows]
    scan, params = _cjk_scan(cjk) if cjk else ("", [])
    where = f" AND {scan}" if scan else ""
    match = tsquery_text(words, prefix_last=prefix)
    page = conn.execute(
        "WITH q AS (SELECT to_tsquery('english', ?) AS q), hits AS (SELECT c.id AS chunk,"
        " c.doc_rowid AS doc, ts_rank_cd(c.tsv, q.q) AS rank FROM q, document_chunks c"
        f" JOIN documents d ON d.id = c.doc_id WHERE c.tsv @@ q.q{where}),"
        " best AS (SELECT DISTINCT ON (doc) chunk, doc, rank FROM hits"
        " ORDER BY doc, rank DESC, chunk)"
        " SELECT chunk, rank FROM best ORDER BY rank DESC, doc LIMIT ? OFFSET ?",
        (match, *params, limit, offset),
    ).fetchall()
    if not page:
        return []
    marks = ", ".join("?" for _ in page)
    rows = {
        row[-1]: row
        for row in conn.execute(
            f"SELECT {SUMMARY_COLUMNS}, ts_headline('english', c.title || ' ' || c.text,"
            f" to_tsquery('english', ?), '{HEADLINE}'), c.id FROM document_chunks c"
            f" JOIN documents d ON d.id = c.doc_id WHERE c.id IN ({marks})",
            (match, *(chunk for chunk, _ in page)),
        )
    }
    hits = []
    for chunk, rank in page:
        if chunk in rows:
            snippet, spans = split_snippet(" ".join(str(rows[chunk][7]).split()))
            document = summary_from_row(rows[chunk])
            hits.append(SearchHit(document=document, snippet=snippet, highlights=spans, rank=-rank))
    return hits


def _excerpt_hit(row: tuple[Any, ...], needles: list[str]) -> SearchHit:
    snippet, spans = excerpt(row[7], needles)
    return SearchHit(document=summary_from_row(row), snippet=snippet, highlights=spans, rank=0)


def count_documents(conn: Any, query: str, cap: int, prefix: bool) -> int:
    """How many documents match ``query``, counting at most ``cap``."""
    terms = parse_terms(query)
    if not terms:
        return 0
    cjk = [t for t in terms if has_cjk(t.text)]
    words = [t for t in terms if not has_cjk(t.text)]
    scan, params = _cjk_scan(cjk) if cjk else ("", [])
    if not words:
        inner, values = f"SELECT 1 FROM documents d WHERE {scan}", params
    else:
        inner = (
            "SELECT DISTINCT c.doc_rowid FROM document_chunks c"
            " JOIN documents d ON d.id = c.doc_id"
            " WHERE c.tsv @@ to_tsquery('english', ?)" + (f" AND {scan}" if scan else "")
        )
        values = [tsquery_text(words, prefix_last=prefix), *params]
    row = conn.execute(f"SELECT count(*) FROM ({inner} LIMIT ?)", [*values, cap]).fetchone()
    return int(row[0])
