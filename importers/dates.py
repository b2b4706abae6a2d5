"""Finding a document's publication date in its own text.

Looks for an explicit date near the top of the document ("2024.10.12", "2024-10-12",
"October 11, 2024", "11 October 2024", "2024年10月12日"). Non-goal: relative dates
("yesterday") and dates deep in the body, which are usually about something else.
"""

from __future__ import annotations

import datetime as dt
import re

from factscope.importers.lexicon import en
from factscope.importers.lexicon.common import longest_first

_MONTHS = en.MONTHS
_MONTH = longest_first(_MONTHS)
_PATTERNS: list[tuple[re.Pattern[str], tuple[str, str, str]]] = [
    (re.compile(r"(?<!\d)((?:19|20)\d\d)[-./]([01]?\d)[-./]([0-3]?\d)(?!\d)"), ("y", "m", "d")),
    (re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"), ("y", "m", "d")),
    (
        re.compile(rf"\b({_MONTH})\.?\s+([0-3]?\d)(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I),
        ("m", "d", "y"),
    ),
    (
        re.compile(rf"\b([0-3]?\d)(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+((?:19|20)\d\d)\b", re.I),
        ("d", "m", "y"),
    ),
]
HEAD_CHARS = 1500
"""Only the head of a document is searched: a date there is the dateline, not a fact."""


def find_published(text: str) -> dt.date | None:
    """The first plausible date in the head of ``text``, or None."""
    head = text[:HEAD_CHARS]
    # (rank, position, date): a date alone on its line is a dateline and wins over one
    # inside a sentence ("Briefing on October 11" above a "2024.10.12" dateline).
    found: list[tuple[int, int, dt.date]] = []
    for pattern, order in _PATTERNS:
        for match in pattern.finditer(head):
            parts = dict(zip(order, match.groups(), strict=True))
            month = parts["m"]
            month_number = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
            try:
                date = dt.date(int(parts["y"]), month_number, int(parts["d"]))
            except ValueError:
                continue
            line_start = head.rfind("\n", 0, match.start()) + 1
            line_end = head.find("\n", match.end())
            line = head[line_start : len(head) if line_end < 0 else line_end]
            rest = line.replace(match.group(0), " ")
            alone = len(re.findall(r"[^\W\d_]{2,}", rest)) <= 1
            found.append((0 if alone else 1, match.start(), date))
    if not found:
        return None
    return min(found)[2]
