"""Case folding that keeps offsets, for fast case-sensitive pre-scans of a text.

A regular expression compiled with IGNORECASE scans several times slower than a case-sensitive
one, so the extractors look for candidate positions in the folded text and run their full
patterns only there.
"""

from __future__ import annotations

import re


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


def folded_pattern(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-sensitive twin of an IGNORECASE ``pattern`` for use on folded text."""
    source = pattern.pattern
    if re.search(r"\\[SWDBAZN]", source):
        raise ValueError("upper-case escapes would change meaning when lower-cased")
    source = source.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    return re.compile(source, pattern.flags & ~re.IGNORECASE)
