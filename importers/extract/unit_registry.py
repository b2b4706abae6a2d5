"""Units and currencies from the registry tables, read around a numeral.

:mod:`factscope.importers.lexicon` holds the words and signs (pint's units, ISO 4217 and CLDR's
currencies); this module finds them in text: the unit written after a numeral ("30 yards",
"140 km/h", "1,200€", "85 pence", "25 basis points", the longest phrase that names one), a
sign or code before it ("CHF 900", "₪40", "R$ 5"), the symbols the numeral scanner lets touch
the digits ("10km"), and the pound of weight among pounds sterling.

Non-goals: the hand-tuned Chinese-news currencies, percents, durations and counted nouns
(:mod:`.units`), conversion between units.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from factscope.importers.lexicon.currencies import (
    CURRENCY_AFTER_SCALE,
    CURRENCY_GLUED,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    money_named,
)
from factscope.importers.lexicon.en import CODE_WORDS
from factscope.importers.lexicon.units import (
    UNITS_ANY_CASE,
    UNITS_AS_WRITTEN,
    UNITS_GLUED,
    is_duration,
    unit_named,
)


class RegistryUnit(NamedTuple):
    """A unit read from the registry tables: its value, where its words end, whether it is a
    duration, and a minor unit's multiplier ("pence": 0.01)."""

    unit: str
    end: int
    duration: bool = False
    scale: float = 1.0


# Unit symbols written glued to the digits ("10km", "3.2GHz", "50bp"): the numeral scanner
# ends a number before one of these although a letter follows. Not "m" (glued, "5m" is five
# million) nor the other single letters.
GLUED_UNITS: tuple[str, ...] = tuple(
    sorted(
        {s for s in UNITS_AS_WRITTEN if len(s) >= 2 and s.isascii() and s.isalpha()}
        | {"bp", "bps", "kmh"}
        | set(UNITS_GLUED)
        | set(CURRENCY_GLUED),
        key=lambda s: (-len(s), s),
    )
)


# "lost 30 pounds", "weighs 200 pounds", "5 pounds of beef": the pound of weight
_WEIGHT_BEFORE_RE = re.compile(
    r"\b(?:weigh\w*|lost|lose|losing|loses|gained|gain|gaining|gains|heavier|lighter|"
    r"overweight)\b[^.;\d]{0,24}$",
    re.IGNORECASE,
)
_POUNDS_OF_RE = re.compile(
    r"[\s\xa0]+of[\s\xa0]+(?!(?:the|their|its|his|her|our|funding|"
    r"investment|capital|debt|public|taxpayers?)\b)[a-z]"
)


def pounds_of_weight(text: str, start: int, end: int) -> bool:
    """Whether "pounds" after a number (read as sterling) is the pound of weight."""
    if not text[end - 6 : end].lower().endswith("pounds") and text[end - 5 : end] != "pound":
        return False
    if "£" in text or "sterling" in text.lower():
        return False  # a document counting in sterling
    return bool(
        _WEIGHT_BEFORE_RE.search(text, max(0, start - 40), start) or _POUNDS_OF_RE.match(text, end)
    )


def registry_prefix(text: str, start: int) -> tuple[str, int] | None:
    """An ISO 4217 code or sign from the registries just before ``start`` ("CHF 900", "₪40",
    "R$ 5"), not glued to a word before it."""
    end = start - 1 if text[start - 1 : start] in (" ", "\xa0") else start
    for width in (4, 3, 2, 1):
        begin = end - width
        if begin < 0 or (begin > 0 and text[begin - 1].isalnum()):
            continue
        money = money_named(text[begin:end])
        if money is not None and money.code and money.multiplier == 1.0:
            if text[begin:end].isalpha() and not text[begin:end].isupper():
                continue  # a currency's name before a number is no sign ("euro 5")
            if text[begin:end] in CODE_WORDS:
                continue  # "TOP 10", "ALL 31": a headline's word, not a currency
            return money.code, begin
    return None


# The words after a numeral that may name a unit: up to four, each single-spaced ("sq. km",
# "miles per hour", "degrees Celsius"), starting right after it or after one space or hyphen.
_UNIT_WORD_RE = re.compile(r"[^\s\d(),;:!?\"“”‘]+[²³23]?")
_TRAILING = ".'’"
FIRST_WORDS: frozenset[str] = (
    frozenset(
        surface.split()[0].lower()
        for table in (UNITS_AS_WRITTEN, UNITS_ANY_CASE, UNITS_GLUED, CURRENCY_SIGNS, CURRENCY_WORDS)
        for surface in table
    )
    | frozenset(CURRENCY_GLUED)
    | frozenset(CURRENCY_AFTER_SCALE)
)
"""The first word of every unit and currency surface, lower-cased: a gate before the look-ups."""
_SCALED_RE = re.compile(r"(?:illion|\dbn|\dm)$")  # the numeral ends with a scale word


def registry_unit(text: str, end: int, limit: int) -> RegistryUnit | None:
    """The physical unit or currency from the registries (:mod:`factscope.importers.lexicon`)
    written after the numeral ending at ``end`` ("30 yards", "140 km/h", "1,200€", "85 pence",
    "25 basis points"), the longest that names one; the quote starts at ``end``."""
    pos = end + 1 if text[end : end + 1] in (" ", "\xa0", "-") else end
    first = _UNIT_WORD_RE.match(text, pos, limit)
    if first is None or (
        (word := first.group(0).lower()) not in FIRST_WORDS
        and word.rstrip(_TRAILING) not in FIRST_WORDS
    ):
        return None  # most numerals count things ("1,600 companies"): one look-up says so
    ends: list[int] = []
    p = pos
    while len(ends) < 4:
        m = _UNIT_WORD_RE.match(text, p, limit)
        if not m:
            break
        ends.append(m.end())
        if text[m.end() : m.end() + 1] not in (" ", "\xa0"):
            break
        p = m.end() + 1
    glued = pos == end
    scaled = _SCALED_RE.search(text, max(0, end - 9), end) is not None
    for stop in reversed(ends):
        phrase = text[pos:stop].replace("\xa0", " ")
        while True:
            unit = unit_named(phrase, glued)
            if unit is not None:
                return RegistryUnit(unit, pos + len(phrase), duration=is_duration(unit))
            money = money_named(phrase, glued, scaled)
            if money is not None:
                code = money.code or "USD"  # "cents": money_context says whose
                return RegistryUnit(code, pos + len(phrase), scale=money.multiplier)
            if not phrase or phrase[-1] not in _TRAILING:
                break
            phrase = phrase[:-1]  # "10 km." at a sentence's end
    return None


BELOW_ZERO_UNITS = frozenset({"degree Celsius", "degree Fahrenheit", "degree"})
"""Units whose figures go below zero in news: temperatures (and bare degrees)."""
_MINUS_BEFORE_RE = re.compile(r"(?:\bminus[\s\xa0]+|(?<![\w.])[-−–])$", re.IGNORECASE)
_MINUS_END_RE = re.compile(r"\s(?:to|and)[\s\xa0]+(?:minus[\s\xa0]+|[-−])[\d.]+$", re.IGNORECASE)


def minus_before(text: str, start: int, s_start: int) -> int | None:
    """Where a minus written just before ``start`` begins ("minus 40", "-5", "−3.5"), or None
    (a hyphen after a word or a number is no minus: "10-15")."""
    m = _MINUS_BEFORE_RE.search(text, max(s_start, start - 6), start)
    return m.start() if m else None


def minus_ends(text: str, start: int, end: int) -> bool:
    """Whether the range ``text[start:end]`` ends on a number below zero ("-5 to -10")."""
    return _MINUS_END_RE.search(text, start, end) is not None
