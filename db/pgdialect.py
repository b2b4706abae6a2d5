"""The SQL that differs on PostgreSQL: what the store's SQLite statements become there.

The store's modules write SQLite SQL with ``?`` parameters. On PostgreSQL each statement
passes through :func:`translate` once (cached): parameters become ``%s``, and the few
SQLite idioms the store uses map to their PostgreSQL equals. The full-text parts map as
follows (see :mod:`db.pgschema` for the tables):

* ``facts_fts MATCH ?`` — the FTS5 expression our own query parser built
  (:func:`db.factquery.fts_expression`) is turned into a ``tsquery`` by :func:`fts5_tsquery`
  and tested against ``facts_fts.tsv`` (GIN): each word a prefix where FTS5's was, a column
  filter a column-tagged lexeme (``R:sichuan``). Tokens are cut as FTS5's unicode61 cuts
  them (runs of letters and digits, lower-cased), so the candidates are the same and the
  facts ranking, done in Python, answers the same.
* ``PRAGMA data_version`` — the snapshot's ``xmax``: it moves when any transaction commits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factscope.db.factquery import FACT_TEXT
from factscope.db.rows import FACT_COLUMNS

_TOKEN = re.compile(r"[^\W_]+")
"""A token as FTS5's unicode61 cuts one: a run of letters and digits."""

COLUMN_TAGS = {
    "region": "R",
    "metric": "M",
    "subject": "S",
    "period": "P",
    "figure": "F",
    "unit": "U",
    "kind": "K",
    "metric_type": "T",
}
"""The lexeme prefix of each ``facts_fts`` column a query may filter on (``R:sichuan``);
``R^:`` tags the first word of the region (FTS5's ``^`` anchor). Upper case, where every
word is lower-cased: a typed prefix ("r", "f") never reaches a tagged lexeme, which made
"sichuan r" match every fact of Sichuan and scan every fact's tags (schema version 2)."""
VALUE_TAGS = ("U", "K", "T")
"""Tags of a fact's whole unit, kind and metric type (``U:km/h``, schema version 3): a query
names the value whole, lower-cased, never cut into words."""

NULLABLE_FACT_COLUMNS = tuple(c for c in FACT_COLUMNS if c not in ("doc_id", "start", "end"))
"""Fact columns that may hold NULL (the others are NOT NULL in both schemas)."""

_REWRITES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bBEGIN IMMEDIATE\b"), "BEGIN"),
    # An upsert's SET names the target's column qualified where PostgreSQL finds it ambiguous.
    (
        re.compile(r"INTO (\w+) (.*) DO UPDATE SET (\w+) = \3 \+"),
        r"INTO \1 \2 DO UPDATE SET \3 = \1.\3 +",
    ),
    (re.compile(r"([\w.]+(?:\.\"?\w+\"?)?) COLLATE NOCASE"), r"lower(\1)"),
    (re.compile(r"\binstr\("), "strpos("),
    # A Chinese term in a fact's text: a function that the trigram index answers when
    # pg_trgm is there (db/pgschema.py), and that reads the text otherwise.
    (re.compile(rf"\bstrpos\(({re.escape(FACT_TEXT)}), %s\) > 0"), r"factscope_contains(\1, %s)"),
    (re.compile(r"\bIN \(\)"), "IN (NULL)"),  # SQLite's empty list: matches nothing
    # A fact and its search row are joined on the distribution column too (doc_id): one
    # node answers the join when Citus spreads the tables.
    (
        re.compile(r"\bf\.id = facts_fts\.rowid\b"),
        "f.id = facts_fts.rowid AND f.doc_id = facts_fts.doc_id",
    ),
    (
        re.compile(r"\bfacts_fts\.rowid = f\.id\b"),
        "facts_fts.rowid = f.id AND facts_fts.doc_id = f.doc_id",
    ),
    (re.compile(r"\bs\.rowid = f\.id\b"), "s.rowid = f.id AND s.doc_id = f.doc_id"),
    # A fact query's candidates: each search row found looks its fact up by key (a nested
    # loop that stops at the LIMIT). Joined plainly, the planner misjudged the rows and
    # hashed every matching search row against all facts: 760 ms for "j" at 1M facts,
    # 25 ms this way. OFFSET 0 keeps the lookup from being flattened back into a join.
    (
        re.compile(
            r"\bFROM facts_fts JOIN facts f ON f\.id = facts_fts\.rowid"
            r" AND f\.doc_id = facts_fts\.doc_id WHERE facts_fts MATCH\b"
        ),
        "FROM facts_fts CROSS JOIN LATERAL (SELECT * FROM facts f WHERE f.id = facts_fts.rowid"
        " AND f.doc_id = facts_fts.doc_id OFFSET 0) f WHERE facts_fts MATCH",
    ),
    # SQLite sorts NULL below every value, PostgreSQL above: a fact column that may be NULL
    # still ends with them under DESC. (Not every DESC: "id DESC NULLS LAST" cannot walk
    # the id index backwards, and sorted every fact for the newest 2,000.)
    (
        re.compile(rf"(\b\w+\.)?\b({'|'.join(NULLABLE_FACT_COLUMNS)}) DESC\b(?! NULLS)"),
        r"\1\2 DESC NULLS LAST",
    ),
    # Without words but with a Chinese term, the search rows the trigram index finds look
    # their facts up (or, for a common term, the newest rows are read until enough match:
    # the planner chooses); the newest first, as SQLite's ORDER BY f.id.
    (
        re.compile(
            r"\bFROM facts f JOIN facts_fts ON facts_fts\.rowid = f\.id"
            r" AND facts_fts\.doc_id = f\.doc_id( WHERE .*\bfactscope_contains\(.*)"
            r" ORDER BY f\.id DESC\b",
            re.S,
        ),
        r"FROM facts_fts CROSS JOIN LATERAL (SELECT * FROM facts f WHERE f.id = facts_fts.rowid"
        r" AND f.doc_id = facts_fts.doc_id OFFSET 0) f\1 ORDER BY facts_fts.rowid DESC",
    ),
    # Without words, the newest facts with their search rows: the same lookup, walking the
    # facts' ids backwards (2 s -> 6 ms for "unit:" at 1M facts). The planner reads the two
    # join conditions as independent, expects 21 rows of a million, and hashes them all.
    (
        re.compile(
            r"\bFROM facts f JOIN facts_fts ON facts_fts\.rowid = f\.id"
            r" AND facts_fts\.doc_id = f\.doc_id\b"
        ),
        "FROM facts f CROSS JOIN LATERAL (SELECT * FROM facts_fts WHERE facts_fts.rowid = f.id"
        " AND facts_fts.doc_id = f.doc_id OFFSET 0) facts_fts",
    ),
    (re.compile(r"\bsubstr\((\w+), -%s\)"), r"right(\1, %s)"),
    (re.compile(r"\bLIKE\b"), "ILIKE"),
    (re.compile(r"\bWHERE 1(?=[\s)]|$)"), "WHERE TRUE"),
    # Each MATCH takes two values (PgConnection passes them): the part of the query the
    # GIN index answers, and the dense part tested on its rows (db/pgplan.py), or NULL,
    # which the planner folds away. ts_match_vq is @@ the planner cannot send to the index.
    (
        re.compile(r"\bfacts_fts MATCH %s"),
        "facts_fts.tsv @@ %s::tsquery AND coalesce(ts_match_vq(facts_fts.tsv, %s::tsquery), TRUE)",
    ),
    (re.compile(r"^PRAGMA data_version$"), "SELECT pg_snapshot_xmax(pg_current_snapshot())"),
    (re.compile(r"^SELECT sqlite_version\(\)$"), "SELECT current_setting('server_version')"),
]
"""SQLite idiom -> PostgreSQL, applied after the parameters became ``%s``. SQLite's LIKE
ignores case (ASCII) where PostgreSQL's does not: ILIKE keeps the store's meaning."""

_COUNT_OVER_SUBQUERY = re.compile(r"^(SELECT count\(\*\) FROM \(.*\))$", re.S)
"""PostgreSQL 15 wants an alias on a subquery in FROM; the store's counts have none."""


@dataclass(frozen=True)
class Statement:
    """A translated statement and which of its parameters are FTS5 expressions."""

    sql: str
    match_params: tuple[int, ...]
    returning: bool
    """An ``INSERT INTO documents``: the new row's rowid is returned (SQLite's lastrowid)."""


@lru_cache(maxsize=512)
def translate(sql: str) -> Statement:
    """The PostgreSQL form of one of the store's SQLite statements."""
    out: list[str] = []
    matches: list[int] = []
    index = 0
    quote: str | None = None
    for i, ch in enumerate(sql):
        if quote:
            out.append("%%" if ch == "%" else ch)
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
            out.append(ch)
        elif ch == "?":
            if sql[:i].rstrip().endswith("MATCH"):
                matches.append(index)
            index += 1
            out.append("%s")
        else:
            out.append("%%" if ch == "%" else ch)
    text = "".join(out).strip()
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    text = _COUNT_OVER_SUBQUERY.sub(r"\1 AS counted", text)
    returning = text.startswith(("INSERT INTO documents ", "INSERT INTO document_chunks "))
    if returning:
        text += " RETURNING " + ("rowid" if text.startswith("INSERT INTO documents ") else "id")
    return Statement(text, tuple(matches), returning)


def tokens(text: str) -> list[str]:
    """The words FTS5's unicode61 tokenizer makes of ``text``, lower-cased."""
    return _TOKEN.findall(text.lower())


_FTS5 = re.compile(r'"((?:[^"]|"")*)"(\*?)|(\()|(\))|(\bAND\b)|(\bOR\b)|(\^)|(\w+)\s*:')


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def fts5_tsquery(expression: str) -> str:
    """A ``tsquery`` (text form) with the meaning of one of our FTS5 MATCH expressions.

    The grammar is the subset :mod:`db.factquery` writes: quoted strings (``*`` after one
    makes its last word a prefix), ``AND``/``OR``, brackets, ``column : (...)`` filters and
    ``^`` (first word of the column). A string of several words requires each of them (the
    tsvector holds no positions; the Python ranking still scores the phrase).
    """
    out: list[str] = []
    column: list[str | None] = [None]
    pending: str | None = None
    anchored = False
    for match in _FTS5.finditer(expression):
        string, star, opened, closed, conj, disj, caret, name = match.groups()
        if name is not None:
            pending = COLUMN_TAGS.get(name)
        elif opened:
            column.append(pending if pending is not None else column[-1])
            pending = None
            out.append("(")
        elif closed:
            column.pop()
            out.append(")")
        elif conj:
            out.append("&")
        elif disj:
            out.append("|")
        elif caret:
            anchored = True
        elif string is not None:
            tag = pending if pending is not None else column[-1]
            pending = None
            out.append(_string_query(string.replace('""', '"'), bool(star), tag, anchored))
            anchored = False
    return " ".join(_implicit_and(out)) or "''"


def _string_query(text: str, prefix: bool, tag: str | None, anchored: bool) -> str:
    if tag in VALUE_TAGS:
        return _lexeme(f"{tag}:{text.lower()}")
    words = tokens(text)
    if not words:
        return "''"
    parts = []
    for i, word in enumerate(words):
        lexeme = (f"{tag}^:" if anchored and i == 0 and tag else f"{tag}:" if tag else "") + word
        parts.append(_lexeme(lexeme) + (":*" if prefix and i == len(words) - 1 else ""))
    return "(" + " & ".join(parts) + ")" if len(parts) > 1 else parts[0]


def _implicit_and(parts: list[str]) -> list[str]:
    """FTS5 reads juxtaposed terms as AND; tsquery needs the ``&`` written."""
    joined: list[str] = []
    for part in parts:
        if joined and joined[-1] not in ("(", "&", "|") and part not in (")", "&", "|"):
            joined.append("&")
        joined.append(part)
    return joined
