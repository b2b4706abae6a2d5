"""The greedy twin of a pattern written with possessive quantifiers, for tests that hold the
rewrite to what it replaced.

A possessive quantifier (``*+``, ``++``, ``?+``, ``{m,n}+``) gives nothing back, so ``re`` does
not retry what follows at each shorter count; where what follows cannot open with a character
the quantifier eats, the greedy form would fail at each of those counts anyway, and the two
match the same. The extractors' window patterns use them that way; the tests compare each with
its greedy twin.
"""

from __future__ import annotations

import re

_POSSESSIVE_RE = re.compile(r"(?<=[*+?}])\+")


def greedy_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with every possessive quantifier made greedy again."""
    source = _POSSESSIVE_RE.sub("", pattern.pattern)
    assert source != pattern.pattern, "no possessive quantifier to undo"
    return re.compile(source, pattern.flags)


def same_match(one: re.Match[str] | None, other: re.Match[str] | None) -> bool:
    """Whether two matches (or misses) have the same span and the same groups."""
    if one is None or other is None:
        return one is other
    return one.span() == other.span() and one.groupdict() == other.groupdict()
