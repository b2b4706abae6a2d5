"""What makes a period stated before a figure no period of that figure: the base of a
comparison ("up 5% over the same period of 2020", "than in 2019", 比2020年) or the year
something began ("a project launched in 1994", "2.3 times those of 2015").

:func:`compared_or_begun` reads the 40 characters before a period in the folded text.

:func:`plausible_month` refuses a month name that is a verb ("may", "march").

Non-goals: periods after the figure; comparisons spread over two sentences.
"""

from __future__ import annotations

import re

from ._fold import folded_pattern

# The base of a comparison: "(compared with) the same month of 2020", "the same period last
# year", "than (in) 2019", "compared with that of 2021", "1.7 times the figure in 2019".
SAME_PERIOD_RE = re.compile(
    r"(?:same|corresponding)\s+(?:period|month|quarter|months|quarters|time)\s+"
    r"(?:(?:of|in|last)\s+(?:year\s+)?)?$|"
    r"(?:\bcompared\s+(?:with|to)|\bthan|\bover|\bfrom)\s+(?:(?:that|those)\s+(?:of|in)\s+|in\s+)?"
    r"(?:the\s+)?$|"
    r"(?:times|twice|double|than|of|to|with|above|below|over|from|exceed\w*|surpass\w*|percent"
    r"|%)\s+the\s+(?:figure|level|number|amount)s?\s+(?:of|in|for)\s+$|"
    # 比2020年增长, 较2020年, 与2020年相比: the year compared with, not the figure's period.
    r"(?:比|较|与|同)\s*$",
    re.IGNORECASE,
)
_SAME_PERIOD_FOLDED_RE = folded_pattern(SAME_PERIOD_RE)  # several times faster
# Also no period of a figure, after "in"/"of" only (so tried only there): "a project launched
# in 1994" (when something began), "2.3 times those of 2015" (the base of a multiple)
_NOT_THE_PERIOD_RE = re.compile(
    r"\b(?:(?:launched|founded|established|set\s+up|built|opened|started|began|created|"
    r"inaugurated|designated|approved)\s+(?:back\s+)?in|"
    r"(?:times|twice|double)\s+(?:that|those)\s+(?:of|in))\s+$"
)


def compared_or_begun(folded: str, lo: int, hi: int) -> bool:
    """Whether ``folded[lo:hi]``, the text before a period, makes it no period of a figure."""
    # Both patterns end at ``hi`` and are searched from every position of the window (no
    # literal opens them: some 20,000 instructions a window), so their necessary words are
    # looked for first: most windows end in "in " or "of " with no comparison before.
    window = folded[lo:hi]
    if (
        window.rstrip().endswith(_SAME_PERIOD_ENDS)
        and any(w in window for w in _SAME_WORDS)
        and _SAME_PERIOD_FOLDED_RE.search(folded, lo, hi)
    ):
        return True
    return (
        window.endswith(("in ", "of "))
        and any(w in window for w in _BEGUN_WORDS)
        and bool(_NOT_THE_PERIOD_RE.search(folded, lo, hi))
    )


# What a match of SAME_PERIOD_RE holds, in folded text: the last word before its closing white
# space (or the Chinese character that ends it), and a word of each branch.
_SAME_PERIOD_ENDS = (
    "period", "month", "months", "quarter", "quarters", "time", "of", "in", "last", "year",
    "with", "to", "than", "over", "from", "the", "for", "比", "较", "与", "同",
)  # fmt: skip
_SAME_WORDS = (
    "same", "corresponding", "compared", "than", "over", "from", "figure", "level", "number",
    "amount", "比", "较", "与", "同",
)  # fmt: skip
# A word each branch of _NOT_THE_PERIOD_RE holds ("set up": "set")
_BEGUN_WORDS = (
    "launched", "founded", "established", "set", "built", "opened", "started", "began",
    "created", "inaugurated", "designated", "approved", "times", "twice", "double",
)  # fmt: skip


# "May" the month, not the verb: after these words, or before a noun of trade
_MAY_BEFORE_RE = re.compile(r"(?:in|of|since|until|by|from|to|early|mid|late|,|;)\s*-?$")
_MAY_NOUN_RE = re.compile(r"May\s+(?:exports|imports|trade|this|last)")


def plausible_month(m: re.Match[str], text: str) -> bool:
    """Reject "may" the verb and "March" the verb: month names must be capitalized words
    (``m`` matched the folded text: the case is read in ``text``)."""
    if not text[m.start("mn")].isupper():
        return False
    if m.group("mn").rstrip(".") == "may":
        before = text[max(0, m.start() - 12) : m.start()].lower()
        return (
            bool(_MAY_BEFORE_RE.search(before))
            or (m.start() == 0 or text[m.start() - 1] in '\n“"‘')
            or bool(_MAY_NOUN_RE.match(text, m.start()))
        )
    return True
