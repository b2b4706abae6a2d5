"""Fuzzy fact search: query parsing, SQL for candidates, rapidfuzz ranking. One core for both
front ends — ``factscope facts --json`` and the Facts pane render the same ranked results, so
they can never disagree (Harlequin's ``query.py`` rationale).

How a query runs (fzf-like, but over a million facts in milliseconds):

1. :func:`parse_fact_query` splits it into plain words and field tokens: ``region:sichuan``,
   ``period:2020``, ``unit:CNY``, ``kind:share``, ``metric:export``, ``type:trade_total``,
   numeric comparisons on the normalized value (``>1e9``, ``<=50``, ``>2bn``), ``'exact`` and
   ``!not``. A malformed token is plain text, never an error.
2. :func:`candidate_sql` turns words into an FTS5 prefix query over ``facts_fts`` and the
   field tokens into SQL filters, capped at :data:`CANDIDATE_CAP` rows, so no keystroke scans
   the table.
3. :func:`rank` orders candidates in tiers — every word a whole word of the attribution, then
   every word a prefix, then the rest — and within a tier by rapidfuzz similarity, then the
   latest period, then the largest value.

Parsing and ranking are pure functions; :func:`search_facts` runs them on a connection the
store lends it (under the store's lock).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from rapidfuzz import fuzz, process

from db.models import FactFacets, FactHit, FactResults, fact_from_row
from db.query import has_cjk, quote_term
from db.typos import Vocabulary

CANDIDATE_CAP = 2000
"""Most candidate rows fetched from FTS per query before ranking."""

FIELDS = {
    "region": "region",
    "metric": "metric",
    "subject": "subject",
    "period": "period",
    "unit": "unit",
    "kind": "kind",
    "type": "metric_type",
    "metric_type": "metric_type",
    "doc": "doc",
}
"""Field token names (``name:value``) and the fact attribute each filters."""

_SCALE = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "t": 1e12, "tn": 1e12}
_COMPARISON = re.compile(r"^(>=|<=|>|<|=)(\d+(?:\.\d+)?(?:e\d+)?)(k|mn|m|bn|b|tn|t)?$", re.I)
_WORD = re.compile(r"[^\W_]+")
"""A word as the FTS tokenizer sees one: letters and digits ("_" separates)."""
_TO_SPACE = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u00a0’"})


@dataclass
class FactQuery:
    """A parsed fact query."""

    words: list[str] = field(default_factory=list)
    """Plain words: every one must match, as a prefix of a word."""
    exact: list[str] = field(default_factory=list)
    """``'word`` tokens: must appear as whole words."""
    excluded: list[str] = field(default_factory=list)
    """``!word`` tokens: facts containing them are dropped."""
    fields: dict[str, list[str]] = field(default_factory=dict)
    """Field tokens, by fact attribute (``region`` → ["sichuan"])."""
    comparisons: list[tuple[str, float]] = field(default_factory=list)
    """(operator, number) on the normalized value."""
    alternatives: dict[str, list[str]] = field(default_factory=dict)
    """Typo corrections: a word → index terms to try instead (any of them may match)."""

    @property
    def empty(self) -> bool:
        """True when the query asks for nothing (show everything, best first)."""
        return not (self.words or self.exact or self.excluded or self.fields or self.comparisons)

    @property
    def text(self) -> str:
        """The free-text part, for fuzzy scoring."""
        return " ".join(self.words + self.exact)


def parse_fact_query(query: str) -> FactQuery:
    """Split a query into words, field tokens, comparisons, exact and excluded words."""
    parsed = FactQuery()
    for token in query.split():
        lowered = token.lower()
        name, sep, value = token.partition(":")
        comparison = _COMPARISON.match(token)
        if sep and name.lower() in FIELDS and value.strip("\"'"):
            parsed.fields.setdefault(FIELDS[name.lower()], []).append(value.strip("\"'"))
        elif comparison:
            op, number, suffix = comparison.groups()
            scale = _SCALE[suffix.lower()] if suffix else 1.0
            parsed.comparisons.append((op, float(number) * scale))
        elif lowered.startswith("'") and _WORD.search(token[1:]):
            parsed.exact.append(token[1:])
        elif lowered.startswith("!") and _WORD.search(token[1:]):
            parsed.excluded.append(token[1:])
        elif _WORD.search(token):
            parsed.words.append(token)
    return parsed


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def fts_expression(parsed: FactQuery) -> str | None:
    """The FTS5 MATCH for the query's words and text fields, or None when there are none."""
    parts: list[str] = []
    # Every word is a prefix, as in fzf: "songj trade 2020" finds Songjiang.
    for word in parsed.words:
        options = parsed.alternatives.get(word)
        if has_cjk(word):
            continue  # unicode61 keeps a run of Chinese as one token: see sql_filters
        if options:
            parts.append("(" + " OR ".join(quote_term(o) + "*" for o in options) + ")")
        else:
            parts.extend(quote_term(piece) + "*" for piece in _words(word))
    for word in parsed.exact:
        parts.append(quote_term(" ".join(_words(word))))
    for column in ("region", "metric", "subject"):
        for value in parsed.fields.get(column, []):
            terms = " ".join(quote_term(p) + "*" for p in _words(value))
            if terms:
                parts.append(f"{column} : ({terms})")
    # AND, not juxtaposition: FTS5 rejects a column filter placed right after another term.
    return " AND ".join(parts) if parts else None


def sql_filters(parsed: FactQuery) -> tuple[list[str], list[Any]]:
    """SQL conditions (on ``f``, the facts table) for the non-text field tokens."""
    where: list[str] = []
    params: list[Any] = []
    for value in parsed.fields.get("period", []):
        where.append("f.period LIKE ? ESCAPE '\\'")
        params.append(value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    for column in ("unit", "kind", "metric_type"):
        values = parsed.fields.get(column, [])
        if values:
            where.append(f"lower(f.{column}) IN ({', '.join('?' for _ in values)})")
            params.extend(v.lower() for v in values)
    for value in parsed.fields.get("doc", []):
        where.append("f.doc_id IN (SELECT id FROM documents WHERE title LIKE ?)")
        params.append(f"%{value}%")
    for word in parsed.words:
        if has_cjk(word):
            # Chinese words sit inside longer runs that FTS5 holds as one token: substring
            # search over the fact's search text, bounded by the candidate LIMIT.
            where.append("instr(facts_fts.region || ' ' || facts_fts.sentence, ?) > 0")
            params.append(word)
    for op, number in parsed.comparisons:
        where.append(f"f.normalized {'=' if op == '=' else op} ?")
        params.append(number)
    return where, params


def candidate_sql(
    parsed: FactQuery, columns: str, cap: int = CANDIDATE_CAP
) -> tuple[str, list[Any]]:
    """SQL selecting up to ``cap`` candidate facts (``columns`` from ``f``/``facts_fts``)."""
    where, params = sql_filters(parsed)
    match = fts_expression(parsed)
    if match is not None:
        sql = (
            f"SELECT {columns} FROM facts_fts JOIN facts f ON f.id = facts_fts.rowid"
            " WHERE facts_fts MATCH ?"
        )
        params = [match, *params]
        if where:
            sql += " AND " + " AND ".join(where)
    else:
        sql = f"SELECT {columns} FROM facts f JOIN facts_fts ON facts_fts.rowid = f.id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        # Without words, the newest facts are the candidates (an indexed order at any size);
        # ranking then puts the latest period and the largest value first.
        sql += " ORDER BY f.id DESC"
    return sql + " LIMIT ?", [*params, cap]


@dataclass(frozen=True)
class Candidate:
    """What ranking needs of a fact: its id, its folded attribution, its tie-breakers."""

    fact_id: int
    attribution: str
    """Region (with parents), metric, subject, period and figure, folded by :func:`fold`."""
    period: str | None
    normalized: float | None
    sentence: str = ""
    """The evidence sentence, fetched only when the query excludes words."""


def fold(text: str) -> str:
    """Lower case, punctuation to spaces, one space between words and at both ends.

    Stored with each fact at import so ranking needs no string work per keystroke.
    """
    return " " + " ".join(text.lower().translate(_TO_SPACE).split()) + " "


def _order(item: tuple[float, Candidate]) -> tuple[float, bool, int, float]:
    """Sort key: score, then dated before undated, the latest period, the largest value."""
    score, candidate = item
    period = candidate.period or ""
    when = 0
    if period[:4].isdigit():
        when = int(period[:4]) * 100
        if period[4:5] == "-" and period[5:7].isdigit():
            when += int(period[5:7])
    return (-score, not period, -when, -(candidate.normalized or 0.0))


WHOLE_WORD_SCORE = 100.0
PREFIX_SCORE = 90.0


def rank(parsed: FactQuery, candidates: list[Candidate]) -> list[tuple[Candidate, float]]:
    """Candidates best first, with a score 0-100; excluded words drop a candidate.

    Tiers first: every query word a whole word of the attribution (region with parents,
    metric, subject, period, figure) scores :data:`WHOLE_WORD_SCORE`; every word a word prefix
    :data:`PREFIX_SCORE`; otherwise (the words were in the sentence, or only inside words) the
    rapidfuzz ``QRatio`` similarity of query and attribution, scored in one C call. Equal
    scores go to the latest period, then the largest value: among facts that all match, the
    newest and biggest figure is the one a researcher looks for first.
    """
    words = [w.lower() for w in _words(parsed.text)]
    query_text = " ".join(words)
    whole = [f" {w} " for w in words]
    prefixes = [f" {w}" for w in words]
    excluded = [w.lower() for w in parsed.excluded]
    scored: list[tuple[float, Candidate]] = []
    fuzzy: list[Candidate] = []
    for candidate in candidates:
        spaced = candidate.attribution
        if excluded and any(w in spaced or w in candidate.sentence.lower() for w in excluded):
            continue
        if all(w in spaced for w in whole):
            scored.append((WHOLE_WORD_SCORE, candidate))
        elif all(w in spaced for w in prefixes):
            scored.append((PREFIX_SCORE, candidate))
        else:
            fuzzy.append(candidate)
    if fuzzy:
        matches = process.extract(
            query_text,
            [c.attribution for c in fuzzy],
            scorer=fuzz.QRatio,
            processor=None,
            limit=None,
        )
        scored.extend((min(score, PREFIX_SCORE - 1), fuzzy[index]) for _, score, index in matches)
    scored.sort(key=_order)
    return [(candidate, float(score)) for score, candidate in scored]


COUNT_CAP = 10_000
"""Matches are counted up to this many, never more (a count must not stall a keystroke)."""

_CANDIDATE_COLUMNS = "f.id, facts_fts.attribution, f.period, f.normalized, {sentence}"


def _count(conn: Any, parsed: FactQuery) -> int:
    """Matches, up to COUNT_CAP. Without SQL filters the FTS index alone answers (no join to
    facts: the join costs more than the match); excluded words are not subtracted then."""
    where, _ = sql_filters(parsed)
    match = fts_expression(parsed)
    if match is not None and not where:
        sql = "SELECT count(*) FROM (SELECT 1 FROM facts_fts WHERE facts_fts MATCH ? LIMIT ?)"
        return int(conn.execute(sql, (match, COUNT_CAP)).fetchone()[0])
    count_sql, count_params = candidate_sql(parsed, "1", cap=COUNT_CAP)
    return int(conn.execute(f"SELECT count(*) FROM ({count_sql})", count_params).fetchone()[0])


def corrected(conn: Any, parsed: FactQuery, vocabulary: Vocabulary) -> FactQuery | None:
    """The query with unknown words replaced by index terms close to them, or None."""
    alternatives = {}
    words = []
    for word in parsed.words:
        options = vocabulary.corrections(conn, word)
        if options:
            alternatives[options[0]] = options
            words.append(options[0])
        else:
            words.append(word)
    if not alternatives:
        return None
    return replace(parsed, words=words, alternatives=alternatives)


def search_facts(
    conn: Any,
    fact_columns: tuple[str, ...],
    query: str,
    limit: int,
    vocabulary: Vocabulary | None = None,
) -> FactResults:
    """Run a fact query: candidates from SQL, ranked here, the top ``limit`` loaded whole.

    When nothing matches and ``vocabulary`` is given, words the index does not know are
    corrected against it and the query runs once more ("songjaing" finds Songjiang).
    """
    parsed = parse_fact_query(query)
    sentence = "facts_fts.sentence" if parsed.excluded else "''"
    sql, params = candidate_sql(parsed, _CANDIDATE_COLUMNS.format(sentence=sentence))
    rows = conn.execute(sql, params).fetchall()
    if not rows and parsed.words and vocabulary is not None:
        fixed = corrected(conn, parsed, vocabulary)
        if fixed is not None:
            parsed = fixed
            sql, params = candidate_sql(parsed, _CANDIDATE_COLUMNS.format(sentence=sentence))
            rows = conn.execute(sql, params).fetchall()
    candidates = [Candidate(*row) for row in rows]
    ranked = rank(parsed, candidates)
    total, capped = len(ranked), False
    if len(rows) >= CANDIDATE_CAP:
        total = _count(conn, parsed)
        capped = total >= COUNT_CAP
    top = ranked[:limit]
    if not top:
        return FactResults(hits=[], total=total, capped=capped)
    columns = ", ".join(f'f."{c}"' for c in fact_columns)
    marks = ", ".join("?" for _ in top)
    loaded = {
        row[0]: row
        for row in conn.execute(
            f"SELECT f.id, {columns}, s.sentence, d.title, d.source, d.published FROM facts f"
            " JOIN documents d ON d.id = f.doc_id JOIN facts_fts s ON s.rowid = f.id"
            f" WHERE f.id IN ({marks})",
            [c.fact_id for c, _ in top],
        )
    }
    hits = []
    for candidate, score in top:
        row = loaded[candidate.fact_id]
        fact = fact_from_row(fact_columns, row[:-4])
        sentence, title, source, published = row[-4:]
        hits.append(
            FactHit(
                fact=fact,
                score=score,
                sentence=sentence or fact.quote,
                document_title=title,
                document_source=source,
                document_published=published,
            )
        )
    return FactResults(hits=hits, total=total, capped=capped)


def fact_facets(conn: Any, query: str, *, cap: int = COUNT_CAP, top: int = 8) -> FactFacets:
    """Counts of the query's matches by region and by unit, over at most ``cap`` matches."""
    parsed = parse_fact_query(query)
    sql, params = candidate_sql(parsed, "f.region, f.unit", cap=cap)
    regions: Counter[str] = Counter()
    units: Counter[str] = Counter()
    counted = 0
    for region, unit in conn.execute(sql, params):  # one pass over the capped matches
        regions[region or "(none)"] += 1
        units[unit or "(none)"] += 1
        counted += 1

    def most(counter: Counter[str]) -> list[tuple[str, int]]:
        return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:top]

    return FactFacets(
        regions=most(regions), units=most(units), counted=counted, capped=counted >= cap
    )
