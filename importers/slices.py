"""Extracting a big document in slices: bounded memory and linear time at any allowed size.

The extractor builds structures over the whole text it is given (sentences, numbers, a
case-folded copy, place mentions), and some of its passes grow faster than the text. A
document longer than :data:`WINDOW` characters is therefore cut into windows, at a paragraph
break where there is one in the window's second half, else at a sentence end, else at a
space, and each window is extracted on its own. Each fact's offsets are then moved by its
window's start, so they index the whole stored text exactly. Documents up to one window, the
usual case, are extracted whole, exactly as before.

The facts are kept packed (:class:`PackedFacts`, pickled a slice at a time) until they are
stored: a fact costs about 3.3 KB as a model and 340 bytes pickled, so a document's 40,000
facts wait in about 14 MB rather than 130 MB, and are unpacked a batch at a time as written.

What one document may produce is capped: at most :data:`MAX_FACTS` facts (a notice says
how many were kept), and an evidence sentence is clipped to :data:`SENTENCE_REACH`
characters either side of its figure, so a line of megabytes with no full stop does not give
every figure on it a megabyte of evidence to index.

Non-goals: carrying the extractor's context across a cut. The period carried from an earlier
sentence, the region being talked about and the guessed reference year start afresh in each
window; cuts fall on paragraph breaks where there are any, where the extractor starts
afresh anyway.
"""

from __future__ import annotations

import datetime as dt
import pickle
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from factscope.db.models import Fact

WINDOW = 200_000
"""Characters per slice: big enough that ordinary documents are one slice, small enough that
the extractor's structures over a slice stay a few tens of MB."""

MAX_FACTS = 40_000
"""Facts kept per document: a text stating more figures is a table, not prose."""

SENTENCE_REACH = 1_000
"""An evidence sentence reaches at most this many characters before and after its figure."""

OFFSET_FIELDS = ("start", "end", "change_start", "change_end", "sentence_start", "sentence_end")
"""Fact fields that are offsets into the document text (moved by a slice's start)."""

_SENTENCE_END = re.compile(r"[.!?;](?=\s)|[。！？；]")
_SPACE = re.compile(r"\s")


class PackedFacts:
    """Facts kept pickled, a batch per slice, and unpacked one batch at a time as they are
    iterated: what a big document's facts cost while they wait to be stored.

    The pickles are made and read by this process (or the worker that sent them) only.
    """

    def __init__(self, facts: list[Fact] | None = None) -> None:
        self._batches: list[bytes] = []
        self._count = 0
        if facts:
            self.extend(facts)

    def extend(self, facts: list[Fact]) -> None:
        """Add ``facts`` (one slice's) at the end."""
        if facts:
            self._batches.append(pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL))
            self._count += len(facts)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Fact]:
        for batch in self._batches:
            facts: list[Fact] = pickle.loads(batch)  # made by extend, above
            yield from facts

    def __repr__(self) -> str:
        return f"PackedFacts({self._count} facts in {len(self._batches)} batches)"


@dataclass
class SlicedFacts:
    """The facts of a document and, when some were dropped, a notice saying so."""

    facts: PackedFacts = field(default_factory=PackedFacts)
    notice: str | None = None


def _last_match(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int:
    """End of the last match of ``pattern`` in ``text[lo:hi]``, or -1."""
    end = -1
    for match in pattern.finditer(text, lo, hi):
        end = match.end()
    return end


def cut_at(text: str, start: int, window: int) -> int:
    """Where the slice starting at ``start`` ends: a paragraph break, sentence end or space in
    the second half of the window; with none, the window's end moved back off a word."""
    hi = start + window
    if hi >= len(text):
        return len(text)
    lo = start + window // 2
    for found in (
        text.rfind("\n\n", lo, hi) + 2,
        text.rfind("\n", lo, hi) + 1,
        _last_match(_SENTENCE_END, text, lo, hi),
        _last_match(_SPACE, text, lo, hi),
    ):
        if found > lo:
            return found
    cut = hi
    while cut > lo and text[cut - 1].isalnum() and text[cut].isalnum():
        cut -= 1  # never split a number or a word between two slices
    return cut if cut > lo else hi


def slices(text: str, window: int = WINDOW) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of consecutive slices covering ``text``, each at most ``window``."""
    start = 0
    while start < len(text):
        end = cut_at(text, start, window)
        yield start, end
        start = end


def _placed(fact: Fact, shift: int) -> Fact:
    """``fact`` with its offsets moved by ``shift`` and its sentence clipped near the figure."""
    updates: dict[str, int] = {}
    for name in OFFSET_FIELDS:
        value = getattr(fact, name)
        if value is not None:
            updates[name] = value + shift
    if fact.sentence_start is not None and fact.sentence_end is not None:
        start, end = updates["start"], updates["end"]
        updates["sentence_start"] = max(updates["sentence_start"], start - SENTENCE_REACH)
        updates["sentence_end"] = min(updates["sentence_end"], end + SENTENCE_REACH)
    if not updates or all(getattr(fact, k) == v for k, v in updates.items()):
        return fact
    return fact.model_copy(update=updates)


def extract_in_slices(
    text: str,
    published: dt.date | None,
    *,
    window: int | None = None,
    max_facts: int | None = None,
) -> SlicedFacts:
    """Every fact of ``text``, extracted window by window, offsets exact in ``text``.

    Stops after ``max_facts`` facts, with a notice naming how far into the text it got.
    :param window: characters per slice (default :data:`WINDOW`).
    :param max_facts: facts kept at most (default :data:`MAX_FACTS`).
    """
    window = window or WINDOW
    max_facts = MAX_FACTS if max_facts is None else max_facts
    # Imported here: the extractor loads the gazetteer, which reading alone never needs.
    from factscope.importers.extract import extract_facts

    result = SlicedFacts()
    for start, end in slices(text, window):
        found = extract_facts(text[start:end], published)
        room = max_facts - len(result.facts)
        result.facts.extend([_placed(fact, start) for fact in found[:room]])
        if len(found) > room:
            done = found[room].start + start
            result.notice = (
                f"kept the first {max_facts:,} facts (to character {done:,} of {len(text):,});"
                " the rest of the document states more figures than one document may hold"
            )
            break
    return result
