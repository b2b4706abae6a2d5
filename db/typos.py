"""Typo tolerance for fact search: a word the index does not know ("songjaing") is corrected
against the index's own vocabulary with rapidfuzz, and the corrections are OR-ed into the
query. The vocabulary (``facts_vocab``, an fts5vocab table) is read once and cached until
facts change; correcting a word against a few thousand terms takes well under a millisecond.

Only words of three or more letters are corrected: numbers and short words have too many
near neighbours to guess from.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from rapidfuzz import fuzz, process

from db.query import has_cjk

MIN_LENGTH = 3
CUTOFF = 75
"""rapidfuzz ``ratio`` a correction must reach (0-100)."""
ALTERNATIVES = 3
"""Most corrections tried per word."""


class Vocabulary:
    """The distinct words of ``facts_fts``, cached per store until the database changes.

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
            rows = conn.execute(
                "SELECT term FROM facts_vocab WHERE length(term) >= ?", (MIN_LENGTH,)
            )
            self._terms = sorted(t for (t,) in rows if t.isalpha())
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
