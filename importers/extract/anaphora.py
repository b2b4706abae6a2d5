"""A growth stated in the sentence after its amount, through "the figure".

"... foreign trade totaled about 376.6 billion yuan in the first half. The figure marks an
increase of 37.6 percent over the same period last year." and "... totaled 137.52 billion yuan,
and exports of phones reached 86.28 billion yuan. These figures represented growth of 20.4
percent and 22.6 percent": the rates are the changes of the amounts before, in order, and no
facts of their own.

Non-goals: "it"/"they" as subjects; amounts more than one sentence back.
"""

from __future__ import annotations

import re

from factscope.db.models import Fact

from .attach import CURRENCIES

# a sentence that opens by naming the amount(s) just stated
_THE_FIGURE_RE = re.compile(
    r"[\s\xa0]*(?:The|This|These|Those|That)[\s\xa0]+(?:figures?|amounts?|values?|volumes?|"
    r"totals?|sums?)\b"
)


def attach_back(text: str, s_start: int, found: list[Fact], before: list[Fact]) -> list[Fact]:
    """``found`` (the facts of the sentence at ``s_start``) with the rates that an opening
    "The figure" / "These figures" refers back to moved onto the amounts of the sentence
    before (the last facts of ``before``, changed in place); the rest unchanged."""
    if not found or not _THE_FIGURE_RE.match(text, s_start):
        return found
    if any(f.kind != "change" or f.unit != "percent" or f.change_percent is None for f in found):
        return found
    amounts = _previous_amounts(before, found[0].sentence_start or s_start, len(found))
    if amounts is None:
        return found
    for rate, amount in zip(found, amounts, strict=True):
        for fact in [amount] + [f for f in before if f.equivalent_of == amount.quote]:
            fact.change_percent, fact.change_basis = rate.change_percent, rate.change_basis
            fact.change_quote = rate.change_quote
            fact.change_start, fact.change_end = rate.change_start, rate.change_end
            note = "growth stated in the next sentence ('the figure')"
            fact.notes = f"{fact.notes}; {note}" if fact.notes else note
    return []


def _previous_amounts(before: list[Fact], start: int, n: int) -> list[Fact] | None:
    """The last ``n`` amounts of the sentence before ``start``, in order, if it has exactly
    that many and none has a growth of its own."""
    if not before:
        return None
    last_sentence = before[-1].sentence_start
    amounts = [
        f
        for f in before
        if f.sentence_start == last_sentence and f.unit in CURRENCIES and f.equivalent_of is None
    ]
    if len(amounts) != n or any(f.change_percent is not None for f in amounts):
        return None
    return amounts
