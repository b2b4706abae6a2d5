"""Typo tolerance and completion for fact search, from a vocabulary persisted at import.

``fact_terms`` holds, per field, each term and how many facts have it: field ``''`` for the
words of ``facts_fts`` (alphabetic, three or more letters: what a typo can be corrected to),
and ``unit``/``kind``/``metric_type`` for the stored values a partial field token completes
against. :func:`add_fact_terms` and :func:`remove_fact_terms` keep it at insert and delete,
inside the caller's transaction, so a new process reads a few thousand rows instead of
scanning the FTS index (2.7 s at a million facts through ``fts5vocab``).

A word the index does not know ("songjaing") is corrected with rapidfuzz against the words;
correcting one against a few thousand terms takes well under a millisecond. Only words of
three or more letters are corrected: numbers and short words have too many near neighbours.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from typing import Any

from rapidfuzz import fuzz, process

from factscope.db.query import has_cjk, like_prefix
from factscope.db.units import unit_for_query

MIN_LENGTH = 3
CUTOFF = 75
"""rapidfuzz ``ratio`` a correction must reach (0-100)."""
ALTERNATIVES = 3
"""Most corrections tried per word."""
MAX_ENDINGS = 20
"""Most terms a ``word$`` expands to (longer lists say little and slow the FTS query)."""
VALUE_FIELDS = ("unit", "kind", "metric_type")
"""Fact columns whose distinct values are kept for completion."""


def index_words(text: str) -> set[str]:
    """The vocabulary words of ``text`` as ``facts_fts`` tokenizes it (unicode61 with
    diacritics removed, lower case): alphabetic, :data:`MIN_LENGTH` letters or more."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFD", text)
        text = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    words = "".join(c if c.isalnum() else " " for c in text.lower()).split()
    return {w for w in words if len(w) >= MIN_LENGTH and w.isalpha()}


def _term_counts(
    texts_by_fact: Iterable[Iterable[str]], values_by_fact: Iterable[Iterable[Any]]
) -> Counter[tuple[str, str]]:
    """(field, term) → facts having it. Each distinct text is split once: a document's facts
    share sentences and region chains."""
    split: dict[str, set[str]] = {}
    counts: Counter[tuple[str, str]] = Counter()
    for texts in texts_by_fact:
        words: set[str] = set()
        for text in texts:
            if text not in split:
                split[text] = index_words(text)
            words |= split[text]
        counts.update(("", w) for w in words)
    for values in values_by_fact:
        counts.update((name, v) for name, v in zip(VALUE_FIELDS, values, strict=True) if v)
    return counts


def add_fact_terms(
    conn: Any, texts_by_fact: list[tuple[str, ...]], values_by_fact: list[tuple[Any, ...]]
) -> None:
    """Count new facts' words (their ``facts_fts`` texts) and unit/kind/type values."""
    counts = _term_counts(texts_by_fact, values_by_fact)
    conn.executemany(
        "INSERT INTO fact_terms (field, term, facts) VALUES (?, ?, ?)"
        " ON CONFLICT(field, term) DO UPDATE SET facts = facts + excluded.facts",
        [(name, term, n) for (name, term), n in counts.items()],
    )


def remove_fact_terms(conn: Any, doc_id: str) -> None:
    """Uncount a document's facts, before they are deleted; terms no fact has are dropped."""
    texts = conn.execute(
        "SELECT region, metric, subject, period, figure, sentence FROM facts_fts"
        " WHERE rowid IN (SELECT id FROM facts WHERE doc_id = ?)",
        (doc_id,),
    ).fetchall()
    values = conn.execute(
        f"SELECT {', '.join(VALUE_FIELDS)} FROM facts WHERE doc_id = ?", (doc_id,)
    ).fetchall()
    keys = [(n, name, term) for (name, term), n in _term_counts(texts, values).items()]
    conn.executemany("UPDATE fact_terms SET facts = facts - ? WHERE field = ? AND term = ?", keys)
    conn.executemany(
        "DELETE FROM fact_terms WHERE field = ? AND term = ? AND facts <= 0",
        [key[1:] for key in keys],
    )


def backfill_fact_terms(conn: Any) -> None:
    """Fill ``fact_terms`` from a database's existing facts (the migration that adds it)."""
    rows = conn.execute("SELECT term, doc FROM facts_vocab WHERE length(term) >= ?", (MIN_LENGTH,))
    words = [("", t, n) for t, n in rows if t.isalpha()]
    grouped = conn.execute(
        f"SELECT {', '.join(VALUE_FIELDS)}, count(*) FROM facts GROUP BY {', '.join(VALUE_FIELDS)}"
    )
    values: Counter[tuple[str, str]] = Counter()
    for *row, n in grouped:
        values.update({(name, v): n for name, v in zip(VALUE_FIELDS, row, strict=True) if v})
    conn.executemany(
        "INSERT INTO fact_terms (field, term, facts) VALUES (?, ?, ?)",
        words + [(name, v, n) for (name, v), n in values.items()],
    )


class Vocabulary:
    """The words of ``fact_terms``, cached per store until the database changes.

    The store drops its vocabulary on each of its own writes; ``PRAGMA data_version`` tells
    of another connection's commits (another process importing or deleting). A key read from
    the rows, such as ``max(id)``, could miss a delete or a replace.
    """

    def __init__(self) -> None:
        self._version: object = None
        self._terms: list[str] = []

    def terms(self, conn: Any) -> list[str]:
        """Sorted alphabetic terms of three or more letters."""
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:
            rows = conn.execute("SELECT term FROM fact_terms WHERE field = ''")
            self._terms = sorted(t for (t,) in rows)  # already in order: a linear check
            self._version = version
        return self._terms

    def corrections(self, conn: Any, word: str) -> list[str]:
        """Terms close to ``word``, best first; [] when the index knows it as a prefix."""
        word = word.lower()
        # Chinese is matched as substrings, not words: a "correction" would swap the user's
        # term for an unrelated run of characters (str.isalpha() is True for ideographs).
        if len(word) < MIN_LENGTH or not word.isalpha() or has_cjk(word):
            return []
        terms = self.terms(conn)
        i = bisect_left(terms, word)
        if i < len(terms) and terms[i].startswith(word):
            return []
        found = process.extract(
            word, terms, scorer=fuzz.ratio, processor=None, limit=ALTERNATIVES, score_cutoff=CUTOFF
        )
        return [term for term, _, _ in found]

    def starts_terms(self, conn: Any, word: str) -> bool:
        """Whether ``word`` is the start of some vocabulary term (an indexed range read)."""
        word = word.lower()
        upper = word[:-1] + chr(ord(word[-1]) + 1)
        row = conn.execute(
            "SELECT 1 FROM fact_terms WHERE field = '' AND term >= ? AND term < ? LIMIT 1",
            (word, upper),
        ).fetchone()
        return row is not None

    def ending_with(self, conn: Any, suffix: str) -> list[str]:
        """Up to :data:`MAX_ENDINGS` terms ending with ``suffix``, most frequent first."""
        suffix = suffix.lower()
        rows = conn.execute(
            "SELECT term FROM fact_terms WHERE field = '' AND substr(term, -?) = ?"
            " ORDER BY facts DESC, term LIMIT ?",
            (len(suffix), suffix, MAX_ENDINGS),
        )
        return [t for (t,) in rows]

    def complete(self, conn: Any, name: str, typed: str) -> list[str]:
        """The stored values of field ``name`` that ``typed`` names: the one equal to it
        (ignoring case), else those starting with it, most frequent first; [] for none."""
        if name == "unit":  # "unit:km/h", "unit:kilometer_per_hour": a value with spaces
            typed = unit_for_query(typed)
        rows = conn.execute(
            "SELECT term FROM fact_terms WHERE field = ? AND lower(term) LIKE ? ESCAPE '\\'"
            " ORDER BY lower(term) = ? DESC, facts DESC, term LIMIT ?",
            (name, like_prefix(typed.lower()), typed.lower(), MAX_ENDINGS),
        ).fetchall()
        values = [t for (t,) in rows]
        exact = [v for v in values if v.lower() == typed.lower()]
        return exact or values
