"""How many facts a query matches: the capped count a fact search reports past its
candidates, counted on its own (SQLite) or along with the candidates (PostgreSQL).

A keystroke that finds more than the candidate cap also counts its matches, up to
:data:`COUNT_CAP`. On SQLite that is a second statement, which FTS5 answers from its own
index. On PostgreSQL a second statement would repeat the first one's work, a GIN index
building its list of matches again, so :func:`candidate_rows` asks for both at once: the
matches, up to the count's cap, are one ``MATERIALIZED`` set; the candidates are its first
rows and the count its size. The rows, the count and their meaning are those of the two
statements: the same answers on both backends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from factscope.db.factquery import FactQuery, candidate_sql, fts_expression, sql_filters

COUNT_CAP = 10_000
"""Matches are counted up to this many, never more (a count must not stall a keystroke)."""

CandidateRows = tuple[list[tuple[Any, ...]], Callable[[], int | None]]
"""Candidate rows, and what counts the matches (None when only reading them all could)."""


def count_matches(conn: Any, parsed: FactQuery) -> int | None:
    """Matches, up to COUNT_CAP. Without SQL filters the FTS index alone answers (no join to
    facts: the join costs more than the match); excluded words are not subtracted then.
    Without an FTS query, facts alone answer; None when only reading every match's text
    could (a Chinese substring): the candidates found are then a lower bound."""
    where, params = sql_filters(parsed)
    match = fts_expression(parsed)
    if match is not None and not where:
        sql = "SELECT count(*) FROM (SELECT 1 FROM facts_fts WHERE facts_fts MATCH ? LIMIT ?)"
        return int(conn.execute(sql, (match, COUNT_CAP)).fetchone()[0])
    if any("facts_fts." in w for w in where):
        return None  # reading tens of thousands of facts' text would stall the keystroke
    if match is None:
        sql = f"SELECT count(*) FROM (SELECT 1 FROM facts f WHERE {' AND '.join(where) or '1'}"
        return int(conn.execute(sql + " LIMIT ?)", [*params, COUNT_CAP]).fetchone()[0])
    count_sql, count_params = candidate_sql(parsed, "1", cap=COUNT_CAP)
    return int(conn.execute(f"SELECT count(*) FROM ({count_sql})", count_params).fetchone()[0])


_MATCHED_ONLY = (
    "WITH matched AS MATERIALIZED (SELECT rowid, doc_id, attribution, {sentence} AS sentence"
    " FROM facts_fts WHERE facts_fts MATCH ? LIMIT ?)"
    " SELECT f.id, m.attribution, f.period, f.normalized, m.sentence, coalesce(f.region, ''),"
    " (SELECT count(*) FROM matched) FROM (SELECT * FROM matched LIMIT ?) m"
    " CROSS JOIN LATERAL (SELECT * FROM facts f WHERE f.id = m.rowid AND f.doc_id = m.doc_id"
    " OFFSET 0) f"
)
"""Without SQL filters: the search rows matched (as the count reads them, no facts), and
the facts of the first ``cap`` of them (PostgreSQL SQL, before :mod:`db.pgdialect`)."""


def candidate_rows(
    conn: Any, parsed: FactQuery, columns: str, sentence: str, cap: int
) -> CandidateRows:
    """Up to ``cap`` candidate rows (``columns``), and the count of matches past them."""
    where, params = sql_filters(parsed)
    match = fts_expression(parsed)
    together = getattr(conn, "counts_with_candidates", False) and match is not None
    if not together or any("facts_fts." in w for w in where):
        sql, params = candidate_sql(parsed, columns, cap=cap)
        return conn.execute(sql, params).fetchall(), lambda: count_matches(conn, parsed)
    if where:
        sql, params = candidate_sql(parsed, columns, cap=COUNT_CAP)
        sql = f"WITH matched AS MATERIALIZED ({sql}) SELECT *, (SELECT count(*) FROM matched)"
        rows = conn.execute(f"{sql} FROM matched LIMIT ?", [*params, cap]).fetchall()
    else:
        sql = _MATCHED_ONLY.format(sentence=sentence.replace("facts_fts.", ""))
        rows = conn.execute(sql, (match, COUNT_CAP, cap)).fetchall()
    counted = int(rows[0][-1]) if rows else 0
    return [row[:-1] for row in rows], lambda: counted
