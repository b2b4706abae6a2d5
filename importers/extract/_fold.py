"""Case folding that keeps offsets, for fast case-sensitive pre-scans of a text.

A regular expression compiled with IGNORECASE scans several times slower than a case-sensitive
one, so the extractors look for candidate positions in the folded text and run their full
patterns only there. :func:`word_alternation` writes a long list of words as a pattern the
engine tries quickly.
"""

from __future__ import annotations

import re

from factscope.importers.lexicon.common import fold_case

__all__ = ["fold_case", "folded_pattern", "word_alternation"]


def folded_pattern(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-sensitive twin of an IGNORECASE ``pattern`` for use on folded text."""
    source = pattern.pattern
    if re.search(r"\\[SWDBAZN]", source):
        raise ValueError("upper-case escapes would change meaning when lower-cased")
    source = source.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


def word_alternation(words: str) -> str:
    """A regex alternation of the ``|``-separated plain ``words`` (``\\s+`` allowed inside),
    grouped by first letter: "rose|rise|fell" -> "(?:r(?:ose|ise)|f(?:ell))". The engine tries
    the branches of an alternation one by one, so at a position it then tries a few groups
    instead of every word. Put a word before any word that is its prefix only if the pattern
    that follows cannot tell them apart (as a ``\\b`` does)."""
    groups: dict[str, list[str]] = {}
    for word in words.split("|"):
        groups.setdefault(word[0], []).append(word[1:])
    return "(?:" + "|".join(f"{head}(?:{'|'.join(rest)})" for head, rest in groups.items()) + ")"
