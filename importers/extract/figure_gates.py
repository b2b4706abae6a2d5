"""Plain-Python readings of the short window patterns asked of every numeral.

:mod:`.figures` asks a dozen patterns of the few characters around each numeral ("is it part
of a name?"). A pattern that ends in ``$`` and opens with ``\\b`` or an alternation makes
``re`` try it at every position of the window; the same question asked of the window's last
characters with ``endswith`` and ``rstrip`` costs a fraction of it. Each function here answers
exactly what its pattern (named in its docstring, kept beside it in :mod:`.figures`) answers,
and ``tests/test_extract_figure_gates.py`` holds them to it on boundary cases and random text.

What the patterns' escapes mean, for ``str`` patterns: ``\\s`` is what ``str.isspace`` holds
(so ``str.rstrip()`` strips it), ``\\d`` what ``str.isdecimal`` holds, ``\\w`` a character
``str.isalnum`` holds or ``_``; and ``$`` also matches before a newline that ends the string.
"""

from __future__ import annotations

import re

from factscope.importers.lexicon import en
from factscope.importers.lexicon.common import alternation, longest_first

from ._fold import folded_pattern

_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_NAME_SIGNS = frozenset("+#№")
_NAME_CODES = ("icp", "tel", "fax", "page")
# What the last character before a window's trailing white space must be for name_before to
# hold: a sign, a dash, slash or colon, or the last letter of "no", "no." or a code. Every
# check of _name_before_at_end reads either a space (which none accepts) or that character.
_NAME_LAST = (
    _NAME_SIGNS | frozenset("-‑–/:") | frozenset(w[-1] for w in ("no", "no.", *_NAME_CODES))
)
NAME_LAST_ANY_CASE = _NAME_LAST | frozenset(c.upper() for c in _NAME_LAST)
"""The same read on the text itself (its folded copy has the same white space): a character
whose fold is in ``_NAME_LAST``, as the letters the fold maps to ASCII are not."""
CAPITALIZED_NAMES = (
    "Code", "Record", "Article", "Phase", "Line", "Type", "Class", "Level", "Grade", "Room",
    "Building", "Route", "Exit", "Gate", "Chapter", "Section", "Item", "Version",
)  # fmt: skip
"""Capitalized, these name a numbered thing ("Building 3"); lower-case they do not."""
CAPITALIZED_LAST = frozenset(":" + "".join(name[-1] for name in CAPITALIZED_NAMES))
"""What ``before.rstrip()`` must end with for :func:`capitalized_name_before` to hold."""


_ABBREVIATIONS = [a.capitalize() for a in en.MONTH_ABBREVIATIONS]
MONTH_NAMES = rf"(?:{alternation(en.MONTH_NAMES)}|(?:{longest_first(_ABBREVIATIONS)})\.?)"
"""A month's name or its abbreviation ("Sept."), as a pattern."""
MONTH_ENDINGS = (*en.MONTH_NAMES, *_ABBREVIATIONS, *(f"{a}." for a in _ABBREVIATIONS))
"""The same as ``str.endswith`` reads it: ``before.rstrip().endswith(MONTH_ENDINGS)`` is
``AFTER_MONTH_RE.search(before)``."""
MONTH_LAST = frozenset(ending[-1] for ending in MONTH_ENDINGS)
"""The last characters of ``MONTH_ENDINGS``: ``endswith`` of the 36 is asked only after one."""
AFTER_MONTH_RE = re.compile(rf"{MONTH_NAMES}[\s\xa0]*$")

# The patterns the functions below read, kept as their specification (the tests compare).
NAME_BEFORE_RE = re.compile(
    r"(?:[A-Za-z][-‑]|[A-Za-z]\d*[-/]|\d[-–/:]|\+|#|№|\bNo\.?[\s\xa0]*|"
    r"\b(?:ICP|Tel|Fax|Page)[:\s\xa0]*)$",
    re.IGNORECASE,
)
NAME_BEFORE_FOLDED_RE = folded_pattern(NAME_BEFORE_RE)
# Capitalized only: "Building 3", "Line 2", but "building 80 million mu", "a record 5 billion".
CAPITALIZED_NAME_BEFORE_RE = re.compile(rf"\b(?:{'|'.join(CAPITALIZED_NAMES)})[:\s\xa0]*$")


def _is_word_char(char: str) -> bool:
    """What ``\\w`` matches: a letter, a digit or an underscore."""
    return char.isalnum() or char == "_"


def _ends_with_word(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` ends with one of ``words`` (each starting with a letter) after a
    ``\\b``: one ``endswith`` in C, the boundary looked at only when it holds."""
    return text.endswith(words) and any(_word_ends(text, word) for word in words)


def _word_ends(text: str, word: str) -> bool:
    """Whether ``text`` ends with ``word`` (which starts with a letter) after a ``\\b``."""
    if not text.endswith(word):
        return False
    at = len(text) - len(word)
    return at == 0 or not _is_word_char(text[at - 1])


def name_before(window: str) -> bool:
    """Whether folded ``window`` (the text just before a numeral) ends like the start of a
    name or code: ``_NAME_BEFORE_FOLDED_RE.search(window)`` ("g-", "a4/", "12:", "+", "#",
    "no. ", "tel: ")."""
    if window.rstrip()[-1:] not in _NAME_LAST:
        return False  # most windows: one look at the last character before the spaces
    if window.endswith("\n") and _name_before_at_end(window[:-1]):
        return True  # "$" matches before a final newline too
    return _name_before_at_end(window)


def _name_before_at_end(window: str) -> bool:
    if not window:
        return False
    last = window[-1]
    if last in _NAME_SIGNS:
        return True
    before = window[-2:-1]
    if last in "-‑" and before in _LOWER:  # [a-z][-‑]
        return True
    if last in "-–/:" and before.isdecimal():  # \d[-–/:]
        return True
    if last in "-/":  # [a-z]\d*[-/]
        head = window[:-1]
        stem = head.rstrip("0123456789") if head.isascii() else _rstrip_decimals(head)
        if stem[-1:] in _LOWER:
            return True
    spaced = window.rstrip()  # no\.?[\s\xa0]*
    if _word_ends(spaced, "no") or (spaced.endswith(".") and _word_ends(spaced[:-1], "no")):
        return True
    coded = _rstrip_colons_and_space(spaced)  # (?:icp|tel|fax|page)[:\s\xa0]*
    return _ends_with_word(coded, _NAME_CODES)


def capitalized_name_before(before: str) -> bool:
    """Whether ``before`` ends with a capitalized word that names a numbered thing ("Line 2",
    "Building 3"): ``_CAPITALIZED_NAME_BEFORE_RE.search(before)``."""
    if before.rstrip()[-1:] not in CAPITALIZED_LAST:
        return False  # most windows: no name's last letter (or a colon) before the spaces
    return _ends_with_word(_rstrip_colons_and_space(before), CAPITALIZED_NAMES)


def _rstrip_colons_and_space(text: str) -> str:
    text = text.rstrip()
    if not text.endswith(":"):
        return text  # most windows: no colon to strip
    while True:
        stripped = text.rstrip(":").rstrip()
        if stripped == text:
            return text
        text = stripped


def _rstrip_decimals(text: str) -> str:
    end = len(text)
    while end and text[end - 1].isdecimal():
        end -= 1
    return text[:end]
