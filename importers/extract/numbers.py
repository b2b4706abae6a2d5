"""Numerals in running text: digits, spelled-out numbers, scale words, fractions and qualifiers.

Finds every candidate numeral with its code-point span, value and scale. Deciding whether a
numeral states a quantity (rather than a year, a date or part of a name) is the job of
:mod:`importers.extract.facts`; units are read by :mod:`importers.extract.units`.

Chinese numerals written with characters (三, 十五) come from :mod:`.cjk`.

Non-goals: roman numerals, arithmetic.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from factscope.importers.lexicon import en, zh
from factscope.importers.lexicon.common import alternation, longest_first

from . import cjk, numeral_bytes
from ._fold import fold_case, folded_pattern, word_alternation
from .qualifiers import qualifier_after as qualifier_after  # read from here by its callers
from .qualifiers import qualifier_before as qualifier_before
from .unit_registry import GLUED_UNITS
from .units import GLUED_CODES

_lead = numeral_bytes.utf8_lead

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "top": 1,
}  # fmt: skip
DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "fourth": 4, "fourths": 4, "fifth": 5,
    "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8,
    "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip
SCALES: dict[str, float] = en.SCALE_WORDS | zh.SCALE_WORDS

_UNIT_W = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
_TENS_W = "|".join(TENS_WORDS)
_SMALL = rf"(?:(?:{_TENS_W})(?:[-\s](?:{_UNIT_W}))?|{_UNIT_W})"
_WORD_NUM = rf"(?:(?:{_UNIT_W}|a)\s+hundred(?:\s+(?:and\s+)?{_SMALL})?|{_SMALL})"
_DIGITS = (
    r"\d{1,2}+(?:,\d\d)+,\d{3}(?:\.\d+)?"  # Indian grouping: 5,57,271 / 1,00,000
    r"|\d{1,3}+(?:,\d{3})++(?:\.\d+)?"  # 1,600 / 297,000.5
    r"|\d++,\d{1,2}+(?=[\s\xa0]?(?:thousand|million|billion|trillion|mln|bln|bn|tln)\b)"
    r"|\d+(?:\.\d+)?"
)
# "1.6 quadrillion dong": Vietnamese totals run past a trillion
_SCALE_WORD = alternation(en.SPACED_SCALES)
# "a quarter of an hour", "half of the year", "three quarters of 2023": time, not a share
_NOT_A_SHARE = (
    r"\s+(?:of\s+)?(?:the\s+|this\s+|last\s+|next\s+|an?\s+)?"
    r"(?:year|month|hour|day|week|century|decade|mile|(?:19|20)\d\d)\b"
)
_FRACTION = rf"(?P<fnum>one|two|three|four|five|a)[-\s](?P<fden>{'|'.join(DENOMINATORS)})"

# The first letters of the scale words, asked before their alternations: a branch opening with
# a letter under IGNORECASE is entered to be refused (one that opens with a case-sensitive
# literal is skipped at one compare), so each of the 23 was tried twice after most numerals.
_SCALE_FIRST = "".join(sorted({word[0] for word in en.SPACED_SCALES}))
_GLUED_FIRST = "".join(sorted({word[0] for word in en.GLUED_SCALES}))
# a numeral may follow a currency code with no space ("RMB580 billion") but no other letters
_AFTER_CODE = "|".join(f"(?<={re.escape(code)})" for code in GLUED_CODES)
# ... and a unit symbol may follow one ("10km", "50bp"): a letter ends a number only then
_GLUED_UNIT = "|".join(re.escape(unit) for unit in GLUED_UNITS)
NUMBER_RE = re.compile(
    rf"""
    (?:(?<![A-Za-z0-9_.])|{_AFTER_CODE})(?=[0-9a-zA-Z])
    (?:
        # digits first: most candidates are digits, and no word alternative starts with one
        (?P<digits>{_DIGITS})
        (?:
            (?P<dscale>[\s\xa0]?+(?=[{_SCALE_FIRST}])(?:{_SCALE_WORD})\b
              (?:[\s\xa0]++(?:{_SCALE_WORD})\b)?)
          | (?=[{_GLUED_FIRST}])(?P<gscale>(?:{alternation(en.GLUED_SCALES)}))(?![A-Za-z0-9])
          # 1200多亿: over 1200 亿
          | [多余]?+(?P<zscale>[\s\xa0]?+(?:{longest_first(zh.SCALE_WORDS)}))
        )?
        (?![0-9]|,\d{{3}}|(?=[A-Za-z])(?!(?-i:{_GLUED_UNIT})(?![A-Za-z0-9])))
      | (?P<frac>\b{_FRACTION}\b)(?!-(?:way|stop|party|level|hand))
      | (?P<half>\bhalf)(?=\s+an?\s+(?:year|month|day|week|century|decade|hour)\b)
      | (?<!past\s)(?<!first\s)(?<!last\s)(?<!next\s)
        (?P<qfrac>\b(?P<qnum>a|one|three)[-\s]quarters?)(?=\s+of\b)(?!{_NOT_A_SHARE})
      | (?<!latter\s)(?<!former\s)(?<!first\s)(?<!second\s)(?<!in\s)(?<!last\s)(?<!next\s)
        (?P<halfof>\bhalf)(?=\s+(?:of|the)\b)(?!{_NOT_A_SHARE})
      | (?P<words>\b{_WORD_NUM}\b)
        (?P<wscale>\s++(?:{_SCALE_WORD})\b)?
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)

# NUMBER_RE for folded text, where a number word starts: IGNORECASE makes the engine enter every
# branch that opens with a letter (it skips one opening with a case-sensitive literal at one
# compare), and the word branches are dozens of words (0.58 -> 0.31 M instructions a round of
# the seeds). Not at digits: the glued units after them are case-sensitive ("5MB", "5mb").
_NUMBER_FOLDED_RE = folded_pattern(NUMBER_RE)
_ASCII_DIGITS = frozenset("0123456789")

# Where a numeral can start, for a fast scan: digits after anything but [A-Za-z0-9_.], and
# number words found case-sensitively in lower-cased text (IGNORECASE scans are 4x slower).
# Each pattern begins with a character class so that the regex engine skips ahead in C. The
# number words are grouped by first letter and behind a class of those letters: a word then
# tries one group, not some thirty branches (the scan runs about twice as fast; it only asks
# whether a number word starts there, so the order of the words does not matter).
_DIGIT_TOKEN_RE = re.compile(r"[0-9][0-9,.]*")
_NUMBER_WORDS = f"{_UNIT_W}|{_TENS_W}|half"
_NUMBER_WORD = (
    rf"{word_alternation(_NUMBER_WORDS)}\b"
    rf"|a[-\s]\s*(?:hundred|quarters?|{'|'.join(DENOMINATORS)})\b"
)


# The gate itself: the character before a number word, then one branch per first letter, each
# opening with that letter and asking for the rest in a look-ahead. The engine skips a branch
# whose first letter differs at one compare, where the class and look-ahead before the grouped
# words cost two assertions at every space (3.9 -> 3.4 M instructions a round of the seeds).
def _word_branches(words: str) -> str:
    groups: dict[str, list[str]] = {}
    for word in words.split("|"):
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{head}(?=(?:{'|'.join(rest)})\\b)" for head, rest in groups.items())


_WORD_START_RE = re.compile(
    rf"[^a-z0-9_.](?:{_word_branches(_NUMBER_WORDS)}"
    rf"|a(?=[-\s]\s*(?:hundred|quarters?|{'|'.join(DENOMINATORS)})\b))"
)
_FIRST_WORD_RE = re.compile(_NUMBER_WORD)
# The same gate on the text's UTF-8 bytes with every byte but [a-z0-9_.] made a space
# (.numeral_bytes): it then opens with a literal space. A character beyond ASCII becomes
# spaces, as the gate's class and \s took it; only a letter beyond ASCII after a word (\b in
# the text, none in the bytes) or a wide space after "a" can make it find more, so each hit is
# checked with _WORD_START_RE on the text (3.4 -> 2.6 M instructions a round of the seeds).
_BYTE_SPACED = numeral_bytes.spaced_table(b"abcdefghijklmnopqrstuvwxyz0123456789_.")
_BYTE_WORD_START_RE = re.compile(
    rf" (?:{_word_branches(_NUMBER_WORDS)}"
    rf"|a(?= +(?:hundred|quarters?|{'|'.join(DENOMINATORS)})\b))".encode()
)


def _word_starts(folded: str, data: bytes) -> list[int]:
    """Where ``_WORD_START_RE`` finds a number word in ``folded`` (its match start + 1), from
    the byte scan of ``data`` (``folded`` in UTF-8)."""
    match = _WORD_START_RE.match
    hits = numeral_bytes.hits_after(_BYTE_WORD_START_RE, folded, data, _BYTE_SPACED)
    return [at for at in hits if match(folded, at - 1)]


# The zeros of the decimal digits beyond ASCII in the Basic Multilingual Plane, each the first
# of ten (Unicode 14, Python 3.11's; a test holds the list to str.isdecimal): with them a class
# of what \d matches is a table look-up for the engine (\d in a class asks each character's
# category: a scan twice as slow). Characters beyond the plane (rare) are let through whole and
# asked \d.
_OTHER_DIGIT_ZEROS = (
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
)  # fmt: skip
OTHER_DIGITS = "".join(f"{chr(zero)}-{chr(zero + 9)}" for zero in _OTHER_DIGIT_ZEROS)
OTHER_DIGITS += "\U00010000-\U0010ffff"
# Digit tokens, Chinese numerals (cjk.NUMERAL_RE) and digit ordinals ("19th", "１st", for
# ranks.OrdinalHits) in one scan of the folded text (its digits and ideographs are the
# text's). The pattern opens with the class of their first characters, so the engine skips
# ahead in C to the rare places that have one (an alternation of classes would make it try
# every place), and the character taken says which branch goes on: an ASCII digit (its token
# goes on), a Chinese numeral not after 第, another digit before st/nd/rd/th. One scan costs
# about what one of the three did alone; the number words keep their own (_WORD_START_RE).
_NUMERIC_SCAN_RE = re.compile(
    rf"[0-9{OTHER_DIGITS}{cjk.NUMERAL_CHARS}](?:(?<=[0-9])(?P<d>[0-9,.]*)"
    rf"|(?<=[{cjk.NUMERAL_CHARS}])(?<!第[{cjk.NUMERAL_CHARS}])(?P<z>[{cjk.NUMERAL_CHARS}]*)"
    rf"(?P<s>{cjk.NUMERAL_SCALE_WORDS})?"
    r"|(?P<o>(?<=\d))(?=st|nd|rd|th))"
)
_ORDINAL_ENDS = ("st", "nd", "rd", "th")
_NOT_BEFORE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.")


# The digit tokens of a text with no numeric character beyond ASCII (most English texts) by
# .numeral_bytes: "0" for each digit is a literal for re (1 of 5 seeds still asks the scan).
_BYTE_DIGITS = numeral_bytes.digits_table(
    [lead for z in _OTHER_DIGIT_ZEROS for lead in range(_lead(z), _lead(z + 9) + 1)]
    + list(range(_lead(0x10000), _lead(0x10FFFF) + 1))
    + [_lead(ord(char)) for char in cjk.NUMERAL_CHARS]
)
_SCALE_GROUPS = frozenset(("dscale", "gscale", "zscale"))
_WORD_SPLIT_RE = re.compile(r"[-\s]+")
_DECIMAL_COMMA_RE = re.compile(r"\d+,\d{1,2}")


class Num(NamedTuple):  # not a frozen dataclass: 7x faster to create
    """A numeral: ``text[start:end]`` including its scale word ("305.57 billion")."""

    start: int
    end: int
    value: float
    scale: float
    spelled: bool = False
    fraction: bool = False
    half: bool = False


def words_to_int(words: str) -> int | None:
    """Value of a spelled-out number below one thousand ("twenty-five", "two hundred and six")."""
    total = 0
    current = 0
    seen = False
    for token in _WORD_SPLIT_RE.split(words.lower()):
        if token in ("and", ""):
            continue
        if token == "a":
            current = max(current, 1)
        elif token in UNITS_WORDS:
            current += UNITS_WORDS[token]
        elif token in TENS_WORDS:
            current += TENS_WORDS[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        else:
            return None
        seen = True
    total += current
    return total if seen else None


def parse_digits(raw: str) -> float:
    """Value of a digit string: "1,600" -> 1600, "13,71" (decimal comma) -> 13.71."""
    if "," in raw and _DECIMAL_COMMA_RE.fullmatch(raw):
        return float(raw.replace(",", "."))
    return float(raw.replace(",", ""))


def _scale_of(raw: str | None) -> float:
    if not raw:
        return 1.0
    scale = 1.0
    for part in raw.split():
        scale *= SCALES.get(part.lower(), 1.0)
    if not raw.split():  # glued Chinese or glued latin suffix without spaces
        return 1.0
    return scale


def _glued_scale(raw: str) -> float:
    return SCALES.get(raw.strip().lower(), 1.0)


def _candidate_starts(
    text: str, folded: str
) -> tuple[list[int], list[cjk.Numeral] | None, list[int]]:
    """Every offset where ``NUMBER_RE`` can match (and a few where it cannot), in order; what
    ``cjk.NUMERAL_RE`` matches (None: the UTF-8 holds no Chinese numeral's lead byte, which
    一, 分 and 亿 share, so no numeral, fraction or bare scale); and where a digit starts an
    ordinal ("19th"; for :class:`.ranks.OrdinalHits`): from a scan of ``folded`` for numeric
    characters and one for number words."""
    starts: list[int] = []
    numerals: list[cjk.Numeral] = []
    ordinals: list[int] = []
    data = folded.encode("utf-8", "surrogatepass")
    tokens = numeral_bytes.ascii_digit_tokens(folded, data, _BYTE_DIGITS)
    if tokens is not None:  # digits only: the numeric scan's other branches have no match
        for start, end, rest in tokens:
            commas = [i for i, c in enumerate(rest) if c == 0x2C] if b"," in rest else []
            _digit_token(text, folded, (start, end), commas, starts, ordinals)
    for m in _NUMERIC_SCAN_RE.finditer(folded) if tokens is None else ():
        start, token = m.start(), m.group("d")
        if token is not None:
            commas = [i for i, c in enumerate(token) if c == ","] if "," in token else []
            _digit_token(text, folded, m.span(), commas, starts, ordinals)
        elif m.group("z") is not None:
            numerals.append(cjk.Numeral(start, m.end(), folded[start : m.end("z")], m.group("s")))
        else:
            ordinals.append(start)
    words = _word_starts(folded, data)
    if _FIRST_WORD_RE.match(folded):
        words.insert(0, 0)
    starts = sorted(starts + words) if words else starts
    return starts, (numerals if tokens is None else None), ordinals


def _digit_token(
    text: str,
    folded: str,
    span: tuple[int, int],
    commas: list[int],
    starts: list[int],
    ordinals: list[int],
) -> None:
    """Record a run of digits at ``span`` (from the byte scan or the class scan): where a
    numeral may start (at the run unless a word runs into it, and after each comma, at
    ``commas``: offsets in the run past its first digit) and the digit that opens an
    ordinal ("19th")."""
    start, end = span
    if start == 0 or text[start - 1] not in _NOT_BEFORE or _after_code(text, start):
        starts.append(start)
    starts.extend(start + i + 2 for i in commas)
    if folded.startswith(_ORDINAL_ENDS, end) and folded[end - 1].isdigit():
        ordinals.append(end - 1)  # "19th": the token's last digit


def _after_code(text: str, start: int) -> bool:
    """Whether a currency code glued to the digits ends at ``start`` ("RMB580"), itself not
    the end of a longer word ("FORMRB5")."""
    for code in GLUED_CODES:
        at = start - len(code)
        if at >= 0 and text.startswith(code, at) and not (at > 0 and text[at - 1].isalpha()):
            return True
    return False


def _matches(text: str, folded: str, starts: list[int]) -> list[re.Match[str]]:
    """``NUMBER_RE.finditer(text)``, trying the pattern only at ``starts``; at a number word,
    its case-sensitive twin on ``folded`` (the same span; the words in lower case)."""
    out = []
    pos = 0
    for start in starts:
        if start < pos:
            continue
        if folded[start] in _ASCII_DIGITS:
            m = NUMBER_RE.match(text, start)
        else:  # a word: the digits' case-sensitive units are out of reach
            m = _NUMBER_FOLDED_RE.match(folded, start)
        if m:
            out.append(m)
            pos = m.end()
    return out


def find_numbers(text: str, folded: str | None = None) -> list[Num]:
    """Every numeral candidate in ``text``, in order; no filtering of years or names.
    ``folded`` is ``fold_case(text)`` if the caller has it."""
    return scan_numbers(text, folded)[0]


def scan_numbers(text: str, folded: str | None = None) -> tuple[list[Num], list[int]]:
    """:func:`find_numbers`, and where a digit ordinal starts ("19th", "１st": what
    :class:`.ranks.OrdinalHits` would scan for), found in the same scan."""
    found: list[Num] = []
    folded = fold_case(text) if folded is None else folded
    starts, numerals, ordinals = _candidate_starts(text, folded)
    for m in _matches(text, folded, starts):
        last = m.lastgroup  # the group closed last: "digits" for digits with no scale word
        if last == "digits":  # most numerals: one look-up, no scale to read
            digits = m.group(last)
            value = float(digits) if "," not in digits else parse_digits(digits)
            found.append(Num(*m.span(), value, 1.0))
            continue
        if last in _SCALE_GROUPS:  # digits and a scale word ("5 billion", "3bn", "2万")
            scale = _scale_of(m.group(last)) if last == "dscale" else _glued_scale(m.group(last))
            found.append(Num(*m.span(), parse_digits(m.group("digits")), scale))
            continue
        frac, half = m.group("frac", "half")
        if m.group("qfrac") or m.group("halfof"):
            # "a quarter of", "three quarters of", "half of": shares of something
            quarters = 3 if (m.group("qnum") or "").lower() == "three" else 1
            value = 0.5 if m.group("halfof") else quarters / 4
            found.append(Num(m.start(), m.end(), value, 1.0, True, fraction=True))
        elif frac:
            num = m.group("fnum").lower()
            numerator = 1 if num == "a" else UNITS_WORDS[num]
            den = DENOMINATORS[fold_case(m.group("fden"))]
            found.append(Num(m.start(), m.end(), numerator / den, 1.0, True, fraction=True))
        elif half:
            found.append(Num(m.start(), m.end(), 0.5, 1.0, True, half=True))
        else:
            value_i = words_to_int(m.group("words"))
            if value_i is None:
                continue
            scale = _scale_of(m.group("wscale"))
            found.append(Num(m.start(), m.end(), float(value_i), scale, True))
    if numerals is not None:  # else a curly quote alone spares cjk's five whole-text looks
        found = _with_chinese_numerals(text, found, numerals)
    return found, ordinals


def _with_chinese_numerals(
    text: str, found: list[Num], numerals: list[cjk.Numeral] | None = None
) -> list[Num]:
    """``found`` plus the numerals written with characters that overlap none of them."""
    extra = []
    i = 0
    for start, end, value, scale, fraction in cjk.find_numerals(text, numerals):
        while i < len(found) and found[i].end <= start:
            i += 1
        if i < len(found) and found[i].start < end:
            continue  # "3千": the digits already took the character as their scale
        extra.append(Num(start, end, value, scale, True, fraction=fraction))
    return sorted(found + extra) if extra else found
