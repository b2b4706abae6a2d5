"""English qualifiers of a figure: "more than 500", "nearly 3 percent", "US$5 billion or more".

The words and their operators are data in :mod:`factscope.importers.lexicon.en`
(``QUALIFIERS_BEFORE``, ``QUALIFIERS_AFTER``); this module reads them around a quote. Chinese
qualifiers (多, 余, 近) are :func:`.cjk.qualifier`'s.
"""

from __future__ import annotations

import re

from factscope.importers.lexicon import en
from factscope.importers.lexicon.common import alternation

from ._fold import fold_case, folded_pattern, word_alternation

_FILLERS = ("the", "a", "of", "about", "around", "some")
"""The words the pattern lets stand between a qualifier and the figure ("more than the")."""
# The qualifiers grouped by first letter (_fold.word_alternation): searched over the 40
# characters before every figure, a position then tries one group, not 34 words (twice as fast);
# the words that can match at one position keep their order, so the same one wins.
QUALIFIER_BEFORE_RE = re.compile(
    rf"(?P<q>{word_alternation(alternation(en.QUALIFIERS_BEFORE))})\s+"
    rf"(?:(?:{'|'.join(_FILLERS)})\s+)?"
    r"(?:US\$|U\.S\.\$|HK\$|RMB|USD|CNY|EUR|INR|Rs\.?|\$|¥|€|£|₹)?[\s\xa0]*$",
    re.IGNORECASE,
)
# the same, matched case-sensitively against folded text: several times faster
_QUALIFIER_BEFORE_FOLDED_RE = folded_pattern(QUALIFIER_BEFORE_RE)
QUALIFIER_AFTER_RE = re.compile(
    rf"^[\s,]*(?P<q>{alternation(en.QUALIFIERS_AFTER)})\b", re.IGNORECASE
)
_QUAL_MAP: dict[str, str] = en.QUALIFIERS_BEFORE | en.QUALIFIERS_AFTER
_QUALIFIER_AFTER_FIRST = frozenset(word[0].lower() for word in en.QUALIFIERS_AFTER)
_SPACES_RE = re.compile(r"\s+")


def _could_end_with_qualifier(tail: str) -> bool:
    """Cheap necessary condition for ``QUALIFIER_BEFORE_RE`` to match ``tail``: once trailing
    space and a currency sign are dropped, it ends like a qualifier (or a word allowed after
    one). Non-ASCII text is left to the pattern."""
    lowered = tail.rstrip().lower()
    if not lowered.isascii():
        return True
    if lowered.endswith(_QUALIFIER_ENDINGS):
        return True
    if not lowered.endswith(_CURRENCY_SIGNS):
        return False
    for sign in _CURRENCY_SIGNS:
        if lowered.endswith(sign) and lowered[: -len(sign)].rstrip().endswith(_QUALIFIER_ENDINGS):
            return True
    return False


_CURRENCY_SIGNS = (
    "us$", "u.s.$", "hk$", "rmb", "usd", "cny", "eur", "inr", "rs", "rs.", "$", "¥", "€", "£", "₹",
)  # fmt: skip
_QUALIFIER_ENDINGS = tuple({w.split()[-1] for w in _QUAL_MAP} | set(_FILLERS))


def qualifier_before(prefix: str) -> tuple[str, int] | None:
    """Qualifier ending ``prefix`` (text just before a quote) and its length, or None."""
    return folded_qualifier_before(fold_case(prefix[-40:]))


def folded_qualifier_before(tail: str) -> tuple[str, int] | None:
    """:func:`qualifier_before` of the folded last 40 characters before a quote (a slice of
    the caller's :func:`fold_case` of the text: no second fold per figure)."""
    if not _could_end_with_qualifier(tail):
        return None
    m = _QUALIFIER_BEFORE_FOLDED_RE.search(tail)
    if not m:
        return None
    word = _SPACES_RE.sub(" ", m.group("q").lower())
    return _QUAL_MAP.get(word, "="), len(m.group(0))


def qualifier_after(suffix: str) -> str | None:
    """Qualifier starting ``suffix`` (text just after a quote: "approximately", "or more")."""
    head = suffix[:24].lstrip()
    while head[:1] == ",":  # the pattern's [\s,]*
        head = head[1:].lstrip()
    if fold_case(head[:1]) not in _QUALIFIER_AFTER_FIRST:
        return None  # what IGNORECASE would match to a qualifier's first letter: none
    m = QUALIFIER_AFTER_RE.match(suffix[:24])
    if not m:
        return None
    return _QUAL_MAP.get(_SPACES_RE.sub(" ", m.group("q").lower()))
