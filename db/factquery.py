"""The fact query language: what a user types, parsed, bounded and turned into SQL.

Tokens (fzf-like; a malformed token is plain text, never an error):

- plain words, each a prefix of a word (``songj trade 2020``);
- ``a | b``: either word (fzf's OR; ``|`` joins plain words only);
- ``^word``: the fact's region name starts with it (the start of a fact's line);
- ``word$``: a word ending with it, looked up in the vocabulary (``jiang$``);
- ``'word``: a whole word; ``!word``: facts containing it are dropped;
- field tokens ``region:`` ``metric:`` ``subject:`` ``period:`` ``unit:`` ``kind:``
  ``type:`` ``doc:``; one with no value yet (``unit:`` while typing) is ignored, and a partial
  ``unit:``/``kind:``/``type:`` value completes against the stored values (``unit:u`` is USD);
- comparisons on the normalized value: ``>1e9``, ``<=50``, ``>2bn``.

Metric words bridge Chinese and English both ways (:data:`METRIC_WORDS`): ``外贸`` also finds
facts of type ``trade_total`` and ``foreign investment`` facts of type ``fdi``.

A query is cut to :data:`MAX_QUERY_CHARS` characters and :data:`MAX_TERMS` tokens, with a
notice, so no query can build an expression SQLite refuses. Parsing is pure; values that
need the database (completions, word endings, typo corrections) are filled in by
:func:`db.factsearch.resolve`.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from factscope.db.query import has_cjk, like_prefix, quote_term

MAX_QUERY_CHARS = 256
"""Longer queries are cut here (a few thousand tokens overflowed SQLite's expression tree)."""
MAX_TERMS = 16
"""Most tokens of a query that are searched for; the rest are cut with a notice."""
MAX_EXPANSIONS = 20
"""Most vocabulary terms a ``word$`` or a partial field value expands to."""

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

COMPLETED_FIELDS = ("unit", "kind", "metric_type")
"""Fields whose values are a small closed set: a partial value completes against them."""

METRIC_WORDS: list[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = [
    # (Chinese words, English phrases, metric types they name)
    (("外贸", "进出口"), ("trade", "foreign trade"), ("trade_total",)),
    (("出口",), ("exports", "export"), ("exports",)),
    (("进口",), ("imports", "import"), ("imports",)),
    (("地区生产总值",), ("gdp", "gross domestic product"), ("gdp",)),
    (("外资",), ("foreign investment",), ("fdi",)),
]
"""Metric words of both languages and the metric types they name. A query word equal to one
of them also matches facts of those types, whichever language the fact was written in."""

_SCALE = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "t": 1e12, "tn": 1e12}
_COMPARISON = re.compile(r"^(>=|<=|>|<|=)(\d+(?:\.\d+)?(?:e\d+)?)(k|mn|m|bn|b|tn|t)?$", re.I)
WORD = re.compile(r"[^\W_]+")
"""A word as the FTS tokenizer sees one: letters and digits ("_" separates)."""
_YEAR = re.compile(r"^(19|20)\d\d$")


def words_of(text: str) -> list[str]:
    """The lower-cased words of ``text``, as the index splits them."""
    return WORD.findall(text.lower())


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
    any_of: list[list[str]] = field(default_factory=list)
    """``a | b`` groups: at least one word of each group must match."""
    anchored: list[str] = field(default_factory=list)
    """``^word``: the fact's region name starts with the word."""
    suffixes: list[str] = field(default_factory=list)
    """``word$``: some word of the fact ends with it."""
    expansions: dict[str, list[str]] = field(default_factory=dict)
    """Filled by resolve: ``word$`` → the vocabulary terms ending with it."""
    impossible: bool = False
    """Set by resolve when a part of the query can match nothing (``unit:zz``)."""
    indexed: set[str] = field(default_factory=set)
    """Set by resolve: Chinese words that start index terms (searched through FTS)."""
    value_tags: bool = False
    """Set by resolve: the index alone answers ``unit:``/``kind:``/``type:`` (``U:usd``)."""
    notice: str | None = None
    """Why the query was cut, when it was."""

    @property
    def empty(self) -> bool:
        """True when the query asks for nothing (show everything, best first)."""
        return not (
            self.words
            or self.exact
            or self.excluded
            or self.fields
            or self.comparisons
            or self.any_of
            or self.anchored
            or self.suffixes
        )

    @property
    def years(self) -> set[str]:
        """The years the query names (``2019``, ``period:2019``): their whole year ranks first."""
        named = {w for w in self.words if _YEAR.match(w)}
        return named | {p for p in self.fields.get("period", []) if _YEAR.match(p)}


def _bounded(query: str) -> tuple[list[str], str | None]:
    """The query's tokens, cut to the bounds, and the notice saying so."""
    tokens = query[:MAX_QUERY_CHARS].split()
    cut_chars = len(query) > MAX_QUERY_CHARS
    total = len(query.split()) if cut_chars else len(tokens)
    if len(tokens) > MAX_TERMS:
        tokens = tokens[:MAX_TERMS]
    if len(tokens) < total or cut_chars:
        return tokens, (
            f"Query too long: only its first {MAX_TERMS} terms and {MAX_QUERY_CHARS}"
            " characters are searched."
        )
    return tokens, None


def _groups(tokens: list[str]) -> list[list[str]]:
    """Tokens joined by a lone ``|`` grouped together (``a | b c`` → [[a, b], [c]])."""
    groups: list[list[str]] = []
    join = False
    for token in tokens:
        if token == "|":
            join = bool(groups)
            continue
        if join:
            groups[-1].append(token)
        else:
            groups.append([token])
        join = False
    return groups


def _add_token(parsed: FactQuery, token: str) -> None:
    lowered = token.lower()
    name, sep, value = token.partition(":")
    comparison = _COMPARISON.match(token)
    if sep and name.lower() in FIELDS:
        if value.strip("\"'"):
            parsed.fields.setdefault(FIELDS[name.lower()], []).append(value.strip("\"'"))
        # else: a field token still being typed ("unit:") asks for nothing yet
    elif comparison:
        op, number, suffix = comparison.groups()
        scale = _SCALE[suffix.lower()] if suffix else 1.0
        parsed.comparisons.append((op, float(number) * scale))
    elif lowered.startswith("'") and WORD.search(token[1:]):
        parsed.exact.append(token[1:])
    elif lowered.startswith("!") and WORD.search(token[1:]):
        parsed.excluded.append(token[1:])
    elif lowered.startswith("^") and WORD.search(token[1:]):
        parsed.anchored.append(token[1:])
    elif lowered.endswith("$") and WORD.search(token[:-1]) and not has_cjk(token):
        parsed.suffixes.append(token[:-1])
    elif WORD.search(token):
        parsed.words.append(token)


def parse_fact_query(query: str) -> FactQuery:
    """Split a query into words, field tokens, comparisons and operators (bounded)."""
    tokens, notice = _bounded(query)
    parsed = FactQuery(notice=notice)
    for group in _groups(tokens):
        words = [t for t in group if WORD.search(t)]
        if len(group) > 1 and len(words) > 1:
            parsed.any_of.append(words)
        else:
            for token in group:
                _add_token(parsed, token)
    return parsed


@dataclass(frozen=True)
class Term:
    """One thing a fact must contain: an index word (prefix, whole, in a column, at a
    column's start), or a ``substring`` of the fact's text that SQL looks for (Chinese)."""

    text: str
    prefix: bool = True
    column: str | None = None
    anchored: bool = False
    substring: bool = False

    @property
    def cjk(self) -> bool:
        return has_cjk(self.text)


Alternative = tuple[Term, ...]
"""Terms that must all match."""
Requirement = list[Alternative]
"""Alternatives of which one must match."""


def _bridge(word: str) -> list[Alternative]:
    """Metric-type alternatives for a metric word of either language (``外贸``, ``trade``)."""
    pieces = words_of(word)
    for chinese, english, types in METRIC_WORDS:
        if word in chinese or " ".join(pieces) in english:
            named = [words_of(t) for t in types]
            # The metric column holds the type's words ("trade total"): an English word that
            # is a prefix of them ("trade", "export") finds those facts already.
            named = [n for n in named if not all(any(w.startswith(p) for w in n) for p in pieces)]
            return [tuple(Term(w, False, "metric") for w in n) for n in named]
    return []


def _word_alternatives(word: str, indexed: Collection[str] = ()) -> list[Alternative]:
    if has_cjk(word):
        # unicode61 keeps a run of Chinese as one token: a word that starts index terms
        # (四川 of 四川省, a region's name) is an FTS prefix; any other is a substring
        # SQL looks for in the fact's text (a scan, bounded by the candidate LIMIT).
        return [(Term(word.lower(), substring=word.lower() not in indexed),)]
    return [tuple(Term(w) for w in words_of(word))]


def requirements(parsed: FactQuery, *, best_correction: bool = False) -> list[Requirement]:
    """What a fact must contain, as an AND of ORs: the one reading of the query that both
    the SQL (:func:`fts_expression`) and the ranking (:func:`db.factsearch.rank`) follow.

    :param best_correction: keep only the best typo correction of a word (ranking: facts
        with a lesser correction fall to the fuzzy tier, after the best one's).
    """
    needs: list[Requirement] = []
    words = list(parsed.words)
    index = 0
    while index < len(words):
        # A metric phrase ("foreign investment") is bridged as one requirement.
        size = next(
            (
                n
                for n in (3, 2)
                if index + n <= len(words) and _bridge(" ".join(words[index : index + n]))
            ),
            0,
        )
        if size:
            phrase = " ".join(words[index : index + size])
            needs.append([_word_alternatives(phrase)[0], *_bridge(phrase)])
            index += size
            continue
        word = words[index]
        options = parsed.alternatives.get(word)
        if options:
            needs.append([(Term(o),) for o in options[: 1 if best_correction else None]])
        else:
            needs.append(_word_alternatives(word, parsed.indexed) + _bridge(word))
        index += 1
    for word in parsed.exact:
        needs.append([(Term(" ".join(words_of(word)), prefix=False),)])
    for group in parsed.any_of:
        needs.append([a for w in group for a in _word_alternatives(w)])
    for word in parsed.anchored:
        pieces = words_of(word)
        first = Term(pieces[0], column="region", anchored=True)
        needs.append([(first, *(Term(p, column="region") for p in pieces[1:]))])
    for suffix in parsed.suffixes:
        needs.append([(Term(t, prefix=False),) for t in parsed.expansions.get(suffix, [])])
    return [[a for a in need if a] for need in needs if need]


def _fts_term(term: Term) -> str:
    text = quote_term(term.text) + ("*" if term.prefix else "")
    text = ("^ " if term.anchored else "") + text
    return f"{term.column} : ({text})" if term.column else text


VALUE_COLUMNS = {"unit": "figure", "kind": "figure", "metric_type": "metric"}
"""The facts_fts column that holds each completed field's value as words (writes.py)."""


def _value_narrowing(parsed: FactQuery) -> list[str]:
    """FTS terms implied by ``unit:``/``kind:``/``type:`` values, so the index narrows them
    (the SQL filter decides: a word is no exact value); with value tags, the values whole."""
    if parsed.value_tags:
        named = [
            (n, [quote_term(v.lower()) for v in parsed.fields.get(n, [])]) for n in COMPLETED_FIELDS
        ]
        return [f"{n} : ({' OR '.join(vs)})" for n, vs in named if vs]
    parts = []
    for name, column in VALUE_COLUMNS.items():
        values = [words_of(v) for v in parsed.fields.get(name, [])]
        if values and all(values):
            options = [" AND ".join(quote_term(w) for w in words) for words in values]
            parts.append(f"{column} : ({' OR '.join(f'({o})' for o in options)})")
    return parts


def fts_expression(parsed: FactQuery) -> str | None:
    """The FTS5 MATCH for the query's words and text fields, or None when there are none.

    A requirement with a Chinese alternative is left to :func:`sql_filters` (substrings).
    """
    parts: list[str] = []
    for need in requirements(parsed):
        if any(t.substring for alternative in need for t in alternative):
            continue
        options = ["(" + " AND ".join(_fts_term(t) for t in a) + ")" for a in need]
        parts.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    for column in ("region", "metric", "subject", "period"):
        for value in parsed.fields.get(column, []):
            terms = " ".join(quote_term(p) + "*" for p in words_of(value))
            if terms:
                parts.append(f"{column} : ({terms})")
    parts.extend(_value_narrowing(parsed))
    # AND, not juxtaposition: FTS5 rejects a column filter placed right after another term.
    return " AND ".join(parts) if parts else None


FACT_TEXT = "facts_fts.region || ' ' || facts_fts.metric || ' ' || facts_fts.sentence"
"""The text a Chinese term is looked for in: the fact's region names, metric and sentence."""


def _chinese_filter(need: Requirement, params: list[Any]) -> str:
    """SQL for a requirement with a Chinese word: a substring of the fact's region, metric
    and sentence (bounded by the candidate LIMIT), or a bridged metric type."""
    texts = [a[0].text for a in need if a[0].substring]
    types = ["_".join(t.text for t in a) for a in need if not a[0].substring]
    # The type test first: it costs nothing beside reading the fact's text for instr.
    options = [f"f.metric_type IN ({', '.join('?' for _ in types)})"] if types else []
    params.extend(types)
    for text in texts:
        options.append(f"instr({FACT_TEXT}, ?) > 0")
        params.append(text)
    return "(" + " OR ".join(options) + ")"


def sql_filters(parsed: FactQuery) -> tuple[list[str], list[Any]]:
    """SQL conditions (on ``f``, the facts table) for the non-text field tokens."""
    where: list[str] = []
    params: list[Any] = []
    for value in parsed.fields.get("period", []):
        where.append("f.period LIKE ? ESCAPE '\\'")
        params.append(like_prefix(value))
    for column in () if parsed.value_tags else COMPLETED_FIELDS:
        values = parsed.fields.get(column, [])
        if values:
            where.append(f"lower(f.{column}) IN ({', '.join('?' for _ in values)})")
            params.extend(v.lower() for v in values)
    for value in parsed.fields.get("doc", []):
        where.append("f.doc_id IN (SELECT id FROM documents WHERE title LIKE ?)")
        params.append(f"%{value}%")
    for need in requirements(parsed):
        if any(t.substring for alternative in need for t in alternative):
            where.append(_chinese_filter(need, params))
    for op, number in parsed.comparisons:
        where.append(f"f.normalized {'=' if op == '=' else op} ?")
        params.append(number)
    return where, params


def candidate_sql(parsed: FactQuery, columns: str, cap: int) -> tuple[str, list[Any]]:
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
