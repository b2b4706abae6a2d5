"""The characters a pattern's match can open with, past white space: gates and dispatch tables.

``re`` tries every branch of a long alternation at the place it is asked to match, and a branch
under IGNORECASE or behind a group is entered before it is refused, so one ``match`` of the unit
cascade's twenty-odd branches costs about 17,000 instructions even where none can match. The
character after a numeral's white space decides most of it: :class:`FirstCharMatcher` keeps,
for each such character, an alternation of only the branches that can open with it (in their
order, so the same branch wins) and matches nothing where none can.

The openings are read from the parsed pattern (``re._parser``, the parser ``re.compile`` itself
runs), so adding a word to a list adds its first letter too.
"""

from __future__ import annotations

import re
import re._parser as _parser  # type: ignore[import-not-found]
from re import _constants as _c  # type: ignore[attr-defined]
from typing import Any

# The letters other than ASCII that IGNORECASE matches to an ASCII one (Python 3.11's engine,
# a test checks the whole of Unicode): "İ" and "ı" to "i", "ſ" to "s", the Kelvin sign to "k".
_EXTRA_CASES = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}


class _Wide(Exception):
    """A pattern that can open with a class too wide to list (\\w, a negated set, any)."""


def _cased(char: str, ignorecase: bool) -> set[str]:
    if not ignorecase or char.lower() == char.upper():
        return {char}
    if not char.isascii():
        raise _Wide(char)  # a cased letter beyond ASCII: its IGNORECASE twins are not listed
    low = char.lower()
    return {low, char.upper(), *_EXTRA_CASES.get(low, "")}


def _is_space_item(op: Any, av: Any) -> bool:
    """A class of white space (and maybe "-") only: what :func:`next_char` steps over."""
    if op is _c.IN:
        return all(
            (kind is _c.CATEGORY and value is _c.CATEGORY_SPACE)
            or (kind is _c.LITERAL and (chr(value).isspace() or chr(value) == "-"))
            for kind, value in av
        )
    return op is _c.LITERAL and chr(av).isspace()


def _item(op: Any, av: Any, ignorecase: bool) -> tuple[set[str], bool]:
    """Openings of one parsed item and whether it can match the empty string."""
    if op is _c.LITERAL:
        return _cased(chr(av), ignorecase), False
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars |= _cased(chr(value), ignorecase)
            elif kind is _c.RANGE and value[1] - value[0] < 64:
                for code in range(value[0], value[1] + 1):
                    chars |= _cased(chr(code), ignorecase)
            else:
                raise _Wide(kind)
        return chars, False
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), True  # zero-width: the next item opens the match
    if op is _c.SUBPATTERN:
        _group, add, remove, sub = av
        flags_on = (ignorecase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        return _sequence(sub, flags_on)
    if op is _c.BRANCH:
        chars, empty = set(), False
        for sub in av[1]:
            more, nullable = _sequence(sub, ignorecase)
            chars |= more
            empty = empty or nullable
        return chars, empty
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _high, sub = av
        chars, empty = _sequence(sub, ignorecase)
        return chars, empty or low == 0
    if op is _c.ATOMIC_GROUP:
        return _sequence(av, ignorecase)
    raise _Wide(op)


def _sequence(parsed: Any, ignorecase: bool) -> tuple[set[str], bool]:
    chars: set[str] = set()
    for op, av in parsed:
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and len(av[2]) == 1 and _is_space_item(*av[2][0]):
            op, av = av[2][0]  # a run of white space is stepped over as one of it is
        if _is_space_item(op, av):
            if op is _c.IN and any(k is _c.LITERAL and chr(v) == "-" for k, v in av):
                chars.add("-")  # "[\s\xa0-]*": a hyphen may open it
            continue  # white space: stepped over before the opening is read
        more, empty = _item(op, av, ignorecase)
        chars |= more
        if not empty:
            return chars, False
    return chars, True


def openings(source: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of ``source`` can open with once leading white space is passed
    (each case IGNORECASE matches; "-" where a leading run of white space admits it), or None
    if it can match the empty string or open with a class too wide to list."""
    try:
        chars, empty = _sequence(_parser.parse(source, flags), bool(flags & re.IGNORECASE))
    except _Wide:
        return None
    if empty or any(char.isspace() for char in chars):
        return None
    return frozenset(chars)


def next_char(text: str, pos: int) -> str:
    """The first character at or after ``pos`` that is not white space ("" at the end):
    what :func:`openings` are compared with."""
    head = text[pos : pos + 8]
    rest = head.lstrip()
    if rest or len(head) < 8:
        return rest[:1]
    return text[pos:].lstrip()[:1]


class FirstCharMatcher:
    """``re.compile("|".join(head + "(?:" + "|".join(branches) + ")" + tail for each part),
    flags).match``, asked with only the branches that can open with the first character past
    white space at the place: in their order, so the same branch wins (a branch that cannot
    open there cannot match there), each keeping its groups' names. A branch whose openings
    cannot be listed is kept for every character; each character's pattern is compiled when
    first needed (a few dozen characters follow numerals)."""

    def __init__(self, parts: list[tuple[str, list[str], str]], flags: int = 0) -> None:
        self._parts = [
            (head, [(branch, openings(head + branch, flags)) for branch in branches], tail)
            for head, branches, tail in parts
        ]
        self._flags = flags
        self._by_char: dict[str, re.Pattern[str] | None] = {}

    def source(self, char: str | None = None) -> str:
        """The pattern asked where ``char`` opens the rest (None: every branch, the whole)."""
        alternatives = []
        for head, branches, tail in self._parts:
            chosen = [b for b, opens in branches if char is None or opens is None or char in opens]
            if chosen:
                alternatives.append(f"{head}(?:{'|'.join(chosen)}){tail}")
        return "|".join(alternatives)

    def match(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        """What the whole alternation's ``match(text, pos, endpos)`` returns."""
        char = next_char(text, pos)
        try:
            pattern = self._by_char[char]
        except KeyError:
            source = self.source(char)
            pattern = self._by_char[char] = re.compile(source, self._flags) if source else None
        return None if pattern is None else pattern.match(text, pos, endpos)
