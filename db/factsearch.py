"""Fuzzy fact search: candidates from SQL, rapidfuzz ranking. One core for both front ends —
``factscope facts --json`` and the Facts pane render the same ranked results, so they can
never disagree (Harlequin's ``query.py`` rationale).

How a query runs (fzf-like, but over a million facts in milliseconds):

1. :func:`db.factquery.parse_fact_query` reads the query language (words, field tokens,
   ``a | b``, ``^word``, ``word$``, comparisons), bounded in length and terms.
2. :func:`resolve` fills in what needs the database, all from the persisted vocabulary
   (:mod:`db.typos`): partial field values, word endings, and — when nothing matches — typo
   corrections.
3. :func:`db.factquery.candidate_sql` turns it into an FTS5 query over ``facts_fts`` plus SQL
   filters, capped at :data:`CANDIDATE_CAP` rows, so no keystroke scans the table.
4. :func:`rank` orders candidates in tiers — every word a whole word of the attribution, then
   every word a prefix, then the rest by rapidfuzz similarity — and within a tier puts the
   region's own facts before its descendants' (exact names before prefixes), the whole of a
   named year before its months, then the latest period and the largest value.

Parsing and ranking are pure functions; :func:`search_facts` runs them on a connection the
store lends it (under the store's lock).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import Any, NamedTuple

from rapidfuzz import fuzz, process

from factscope.db.factcount import COUNT_CAP, candidate_rows
from factscope.db.factquery import (
    COMPLETED_FIELDS,
    FactQuery,
    Requirement,
    candidate_sql,
    parse_fact_query,
    requirements,
    words_of,
)
from factscope.db.models import FactFacets, FactHit, FactResults
from factscope.db.query import has_cjk
from factscope.db.rows import EVIDENCE_FROM, evidence_fields, evidence_select
from factscope.db.typos import Vocabulary

CANDIDATE_CAP = 2000
"""Most candidate rows fetched from FTS per query before ranking."""

_TO_SPACE = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u00a0’"})


class Candidate(NamedTuple):
    """What ranking needs of a fact: its id, its folded attribution, its tie-breakers.

    A named tuple: a keystroke builds 2,000 of them, and a frozen dataclass costs several
    times more to construct."""

    fact_id: int
    attribution: str
    """Region (with parents), metric, subject, period and figure, folded by :func:`fold`."""
    period: str | None
    normalized: float | None
    sentence: str = ""
    """The evidence sentence, fetched only when the query excludes words."""
    region: str = ""
    """The fact's own region name (not its parents')."""


def fold(text: str) -> str:
    """Lower case, punctuation to spaces, one space between words and at both ends.

    Stored with each fact at import so ranking needs no string work per keystroke.
    """
    return " " + " ".join(text.lower().translate(_TO_SPACE).split()) + " "


def _when(period: str) -> int:
    """A period's start as YYYYMM (0 when it has no year)."""
    when = 0
    if period[:4].isdigit():
        when = int(period[:4]) * 100
        if period[4:5] == "-" and period[5:7].isdigit():
            when += int(period[5:7])
    return when


def _region_rank(own: str, region_words: list[str]) -> int:
    """0: a region word of the query is a whole word of the fact's own region name (folded
    ``own``); 1: a prefix of one; 2: it names no word of it (a parent's, or none)."""
    if any(f" {w} " in own for w in region_words):
        return 0
    if any(f" {w}" in own for w in region_words):
        return 1
    return 2


WHOLE_WORD_SCORE = 100.0
PREFIX_SCORE = 90.0

_Pattern = tuple[str, str, bool]
"""A term as ranking looks for it: (as a whole word, as a word prefix, at the start only)."""


def _patterns(needs: list[Requirement]) -> list[list[tuple[_Pattern, ...]]]:
    """Requirements as strings to look for in a folded attribution. A Chinese word found
    only inside a longer run (from the sentence) meets no tier: it is scored as fuzzy."""
    return [
        [
            tuple((f" {t.text} ", f" {t.text}", t.anchored) for t in alternative)
            for alternative in need
        ]
        for need in needs
    ]


def _met(alternatives: list[tuple[_Pattern, ...]], spaced: str, whole: bool) -> bool:
    """Whether one alternative is in the folded attribution ``spaced`` (as whole words when
    ``whole``, else as word prefixes)."""
    for alternative in alternatives:
        if all(
            spaced.startswith(p[0] if whole else p[1])
            if p[2]
            else (p[0] if whole else p[1]) in spaced
            for p in alternative
        ):
            return True
    return False


def _tiers(
    needs: list[list[tuple[_Pattern, ...]]], candidates: list[Candidate]
) -> tuple[list[tuple[float, Candidate]], list[Candidate]]:
    """Candidates meeting every requirement by whole words or by prefixes, scored; the rest."""
    scored: list[tuple[float, Candidate]] = []
    fuzzy: list[Candidate] = []
    if all(len(n) == 1 and len(n[0]) == 1 and not n[0][0][2] for n in needs):
        # The common query, plain words: plain substring tests (a keystroke ranks 2,000).
        whole = [n[0][0][0] for n in needs]
        prefixes = [n[0][0][1] for n in needs]
        for candidate in candidates:
            spaced = candidate.attribution
            if all(w in spaced for w in whole):
                scored.append((WHOLE_WORD_SCORE, candidate))
            elif all(w in spaced for w in prefixes):
                scored.append((PREFIX_SCORE, candidate))
            else:
                fuzzy.append(candidate)
        return scored, fuzzy
    for candidate in candidates:
        spaced = candidate.attribution
        if all(_met(need, spaced, whole=True) for need in needs):
            scored.append((WHOLE_WORD_SCORE, candidate))
        elif all(_met(need, spaced, whole=False) for need in needs):
            scored.append((PREFIX_SCORE, candidate))
        else:
            fuzzy.append(candidate)
    return scored, fuzzy


def _region_words(parsed: FactQuery) -> list[str]:
    """The query's words that may name a region: words, region: values, ^words, | words."""
    named = [*parsed.words, *parsed.fields.get("region", []), *parsed.anchored]
    named += [w for group in parsed.any_of for w in group]
    named += [t for terms in parsed.expansions.values() for t in terms]
    return [w for text in named for w in words_of(text)]


_OrderKey = tuple[float, int, tuple[bool, bool, int], float, int]


def _order(parsed: FactQuery) -> Callable[[tuple[float, Candidate]], _OrderKey]:
    """The sort key of :func:`rank` for one query: score, region, period, value, newest.

    Keys by region name and by period are computed once each: a few hundred regions and a
    few dozen periods among 2,000 candidates.
    """
    region_words = _region_words(parsed)
    years = parsed.years
    ranks: dict[str, int] = {}
    periods: dict[str | None, tuple[bool, bool, int]] = {}

    def order(item: tuple[float, Candidate]) -> _OrderKey:
        score, candidate = item
        region_rank = ranks.get(candidate.region)
        if region_rank is None:
            region_rank = ranks[candidate.region] = (
                _region_rank(fold(candidate.region), region_words) if region_words else 0
            )
        when = periods.get(candidate.period)
        if when is None:
            period = candidate.period or ""
            when = periods[candidate.period] = (
                bool(years) and period not in years,
                not period,
                -_when(period),
            )
        return (
            -score,
            region_rank,
            when,
            -(candidate.normalized or 0.0),
            -candidate.fact_id,  # the newest first, whichever order the index gave
        )

    return order


def rank(parsed: FactQuery, candidates: list[Candidate]) -> list[tuple[Candidate, float]]:
    """Candidates best first, with a score 0-100; excluded words drop a candidate.

    Tiers first: every requirement of the query met by whole words of the attribution
    (region with parents, metric, subject, period, figure) scores :data:`WHOLE_WORD_SCORE`;
    by word prefixes :data:`PREFIX_SCORE`; otherwise (the words were in the sentence, or only
    inside words) the rapidfuzz ``QRatio`` similarity of query and attribution, scored in one
    C call. Within a score: the region's own facts before its descendants' (a region word or
    ``region:`` value that is a whole word of the fact's own region name, then a prefix of
    one); when the query names a year, that whole year before its months and quarters; then
    the latest period, then the largest value, then the newest fact.
    """
    needs = requirements(parsed, best_correction=True)
    excluded = [w.lower() for w in parsed.excluded]
    if excluded:
        candidates = [
            c
            for c in candidates
            if not any(w in c.attribution or w in c.sentence.lower() for w in excluded)
        ]
    scored, fuzzy = _tiers(_patterns(needs), candidates)
    if fuzzy:
        matches = process.extract(
            " ".join(t.text for need in needs for t in need[0]),
            [c.attribution for c in fuzzy],
            scorer=fuzz.QRatio,
            processor=None,
            limit=None,
        )
        scored.extend((min(score, PREFIX_SCORE - 1), fuzzy[index]) for _, score, index in matches)
    scored.sort(key=_order(parsed))
    return [(candidate, float(score)) for score, candidate in scored]


_CANDIDATE_COLUMNS = (
    "f.id, facts_fts.attribution, f.period, f.normalized, {sentence}, coalesce(f.region, '')"
)


def resolve(conn: Any, parsed: FactQuery, vocabulary: Vocabulary) -> FactQuery:
    """The query with what needs the vocabulary filled in: partial ``unit:``/``kind:``/
    ``type:`` values completed against the stored values, ``word$`` expanded to the terms
    ending with it (impossible when one matches nothing), and what the index holds."""
    fields = dict(parsed.fields)
    impossible = False
    for name in COMPLETED_FIELDS:
        if name in fields:
            completed = [
                v for typed in fields[name] for v in vocabulary.complete(conn, name, typed)
            ]
            impossible |= not completed
            fields[name] = completed
    expansions = {s: vocabulary.ending_with(conn, s) for s in parsed.suffixes}
    impossible |= not all(expansions.values())
    indexed = {w.lower() for w in parsed.words if has_cjk(w) and vocabulary.starts_terms(conn, w)}
    return replace(
        parsed,
        fields=fields,
        expansions=expansions,
        impossible=impossible,
        indexed=indexed,
        value_tags=bool(getattr(conn, "value_tags", False)),  # PostgreSQL's U:/K:/T: lexemes
    )


HIGHLIGHTED_FIELDS = ("region", "metric", "subject", "period", "unit", "kind", "metric_type", "doc")
"""Field tokens whose values are text a result shows (``>1e9`` and ``!word`` are not)."""


def matched_terms(parsed: FactQuery) -> list[str]:
    """The terms a query looked for, as the index knows them, for a front end to highlight:
    its words (typo corrections in place of the words they replace, every alternative),
    whole words, field values (completed: ``unit:u`` is ``USD``), ``a | b`` words,
    ``^word`` and the terms ``word$`` expanded to. Each once, in query order."""
    terms = [*parsed.words, *parsed.exact, *parsed.anchored]
    terms += [t for options in parsed.alternatives.values() for t in options]
    terms += [w for group in parsed.any_of for w in group]
    terms += [v for name in HIGHLIGHTED_FIELDS for v in parsed.fields.get(name, [])]
    terms += [t for expanded in parsed.expansions.values() for t in expanded]
    return list(dict.fromkeys(terms))


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


def _candidates(conn: Any, parsed: FactQuery) -> tuple[list[Candidate], Callable[[], int | None]]:
    sentence = "facts_fts.sentence" if parsed.excluded else "''"
    columns = _CANDIDATE_COLUMNS.format(sentence=sentence)
    rows, count = candidate_rows(conn, parsed, columns, sentence, CANDIDATE_CAP)
    return [Candidate._make(row) for row in rows], count


def search_facts(
    conn: Any, query: str, limit: int, vocabulary: Vocabulary | None = None
) -> FactResults:
    """Run a fact query: candidates from SQL, ranked here, the top ``limit`` loaded whole.

    When nothing matches and ``vocabulary`` is given, words the index does not know are
    corrected against it and the query runs once more ("songjaing" finds Songjiang).
    """
    vocabulary = vocabulary or Vocabulary()
    parsed = resolve(conn, parse_fact_query(query), vocabulary)
    if parsed.impossible:
        return FactResults(hits=[], total=0, notice=parsed.notice, terms=matched_terms(parsed))
    candidates, count = _candidates(conn, parsed)
    if not candidates and parsed.words:
        fixed = corrected(conn, parsed, vocabulary)
        if fixed is not None:
            parsed = fixed
            candidates, count = _candidates(conn, parsed)
    ranked = rank(parsed, candidates)
    total, capped = len(ranked), False
    if len(candidates) >= CANDIDATE_CAP:
        counted = count()
        total = len(ranked) if counted is None else counted
        capped = counted is None or counted >= COUNT_CAP
    hits = _load(conn, ranked[:limit])
    return FactResults(
        hits=hits, total=total, capped=capped, notice=parsed.notice, terms=matched_terms(parsed)
    )


def _load(conn: Any, top: list[tuple[Candidate, float]]) -> list[FactHit]:
    """The ranked facts loaded whole, with their document's title, source and date."""
    if not top:
        return []
    marks = ", ".join("?" for _ in top)
    sql = f"SELECT {evidence_select()} FROM {EVIDENCE_FROM} WHERE f.id IN ({marks})"
    loaded = {row[0]: row for row in conn.execute(sql, [c.fact_id for c, _ in top])}
    return [
        FactHit(**evidence_fields(loaded[candidate.fact_id]), score=score)
        for candidate, score in top
    ]


def fact_facets(
    conn: Any,
    query: str,
    *,
    cap: int = COUNT_CAP,
    top: int = 8,
    vocabulary: Vocabulary | None = None,
) -> FactFacets:
    """Counts of the query's matches by region and by unit, over at most ``cap`` matches."""
    parsed = resolve(conn, parse_fact_query(query), vocabulary or Vocabulary())
    regions: Counter[str] = Counter()
    units: Counter[str] = Counter()
    counted = 0
    if not parsed.impossible:
        sql, params = candidate_sql(parsed, "f.region, f.unit", cap=cap)
        for region, unit in conn.execute(sql, params):  # one pass over the capped matches
            regions[region or "(none)"] += 1
            units[unit or "(none)"] += 1
            counted += 1

    def most(counter: Counter[str]) -> list[tuple[str, int]]:
        return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:top]

    return FactFacets(
        regions=most(regions), units=most(units), counted=counted, capped=counted >= cap
    )
