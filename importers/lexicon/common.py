"""What every language shares: the CJK ideograph ranges, their one predicate, and the helpers
that turn a word list of :mod:`.en` or :mod:`.zh` into a regular-expression alternation.

A pattern derived from a list behaves as the list says: the words are tried in the list's order
(the regex engine takes the first branch that leads to a match), a space in a word matches any
run of white space, and every other character is literal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

IDEOGRAPH_RANGES = "\u3400-\u4dbf\u4e00-\u9fff"
"""CJK Unified Ideographs Extension A and the unified block, as the body of a character class:
the characters a Chinese rule reads (the Yijing hexagram symbols between them are no words)."""

IDEOGRAPH = f"[{IDEOGRAPH_RANGES}]"
"""One CJK ideograph, as a pattern."""

IDEOGRAPH_RE = re.compile(IDEOGRAPH)


def fold_case(text: str) -> str:
    """``text`` lower-cased with the same offsets; letters that IGNORECASE matches to ASCII
    ones (long s, dotless i) become those."""
    low = text.lower()
    if len(low) != len(text):
        return text.translate(_FOLD)
    if "ſ" in low or "ı" in low:
        low = low.replace("ſ", "s").replace("ı", "i")
    return low


_FOLD = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)} | {
    0x17F: "s", 0x212A: "k", 0x131: "i", 0x130: "i"
}  # fmt: skip


def is_ideograph(char: str) -> bool:
    """Whether ``char`` (one character) is a CJK ideograph: the one test every Chinese rule and
    every "is this text Chinese" gate uses."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def has_ideograph(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` holds a CJK ideograph: a cheap gate for the Chinese rules."""
    return IDEOGRAPH_RE.search(text, start, len(text) if end is None else end) is not None


def word_pattern(word: str) -> str:
    """``word`` as a pattern: literal characters, a space matching any run of white space."""
    return r"\s+".join(re.escape(part) for part in word.split(" "))


def alternation(words: Iterable[str]) -> str:
    """The words as one alternation, in their order (no group around it)."""
    return "|".join(word_pattern(w) for w in words)


def longest_first(words: Iterable[str]) -> str:
    """The words as one alternation, longer words first, so that no word is cut at a shorter one
    that is its prefix ("sept" before "sep")."""
    return alternation(sorted(words, key=len, reverse=True))
