"""What one look at a whole document finds, shared by the passes that would each scan it.

``re`` skips ahead quickly only to a pattern's first literal; a pattern that opens with a
class of characters ("(?:19|20)" is the class [12]) is tested at every character, about 30
instructions each under ``re``'s charset test, where ``str.find`` of a literal moves like
``memchr``. The offsets found here once per text are read by several passes with a bisect
or a filter: each saves a scan of the text.

Non-goals: caching across documents (every index belongs to one text).
"""

from __future__ import annotations


def year_offsets(text: str) -> list[int]:
    """Offsets where ``re.finditer(r"(?:19|20)\\d\\d", text)`` matches, in order and without
    overlaps ("20201" is one match, at 0), found by ``str.find`` of "19" and "20". The
    reference year, the stated years and the numeric dates all begin at one of them."""
    leads: list[int] = []
    for head in ("19", "20"):
        at = text.find(head)
        while at >= 0:
            leads.append(at)
            at = text.find(head, at + 1)
    leads.sort()
    found: list[int] = []
    end = 0
    for at in leads:
        if at >= end and at + 4 <= len(text) and text[at + 2 : at + 4].isdecimal():
            found.append(at)
            end = at + 4
    return found
