"""Sentence and paragraph spans for news text, robust to scraping damage.

Splits at line breaks and at sentence-final punctuation, including sentences glued without a
space ("reporters.Building", "28.So far"), while keeping abbreviations ("No. 2", "U.S.",
"Co., Ltd.") and decimals intact. Spans are code-point offsets into the original text, trimmed
of surrounding whitespace (U+00A0 included).

Non-goals: quotations spanning sentences are not kept together; no linguistic parsing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from factscope.importers.lexicon import en

from .text_index import offsets_of

ABBREVIATIONS = frozenset(
    {
        "no", "nos", "mr", "mrs", "ms", "dr", "prof", "st", "co", "corp", "inc", "ltd", "vs",
        "approx", "gov", "govt", "dept", "est", "fig", "vol", "art", "sec", "e.g", "i.e", "u.s",
        "u.k", "u.n", "p.r.c", "a.m", "p.m", "jr", "sr", "rev", "gen", "col", "mt", "ave",
    }
    | set(en.MONTH_ABBREVIATIONS)
)  # fmt: skip

# Candidate boundary: terminal punctuation, optional closers, then either whitespace followed
# by something that can start a sentence, or (glued) an uppercase letter starting a word. The
# first mark is a class of its own ahead of the repeat: re skips ahead in C only to a pattern's
# first class, and a repeated one ("[.!?]+") is not taken as one (10 -> 5-8 ms/MB).
_BOUNDARY_RE = re.compile(
    r"""(?P<punct>[.!?。！？][.!?。！？]*)(?P<close>['"’”)\]]*)
        (?:(?P<space>[ \t\xa0\u3000]+)(?=[\w"“‘'(\[$¥€£]) | (?=[A-Z][a-z]) | (?<=[。！？]))""",
    re.VERBOSE,
)
_STOPS = ".!?。！？"  # the first class of _BOUNDARY_RE
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_INITIALS_RE = re.compile(r"(?:[a-z]\.)*[a-z]")
_WS = " \t\r\n\xa0\u3000\u2002\u2003\u2009\u200b\ufeff"


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``text[dot]`` closes an abbreviation, not a sentence."""
    m = _WORD_BEFORE_RE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # Initials and dotted acronyms: "U.S", "J", "A.B".
    return bool(_INITIALS_RE.fullmatch(word)) and m.group(1)[0].isupper()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _WS:
        start += 1
    while end > start and text[end - 1] in _WS:
        end -= 1
    return (start, end) if start < end else None


def _boundaries(text: str, stops: list[int], start: int, end: int) -> Iterator[re.Match[str]]:
    """``_BOUNDARY_RE.finditer(text, start, end)``, tried only at the ``stops`` (the offsets of
    the text's sentence-final marks, found with str.find): every match begins with one, and a
    mark inside a match is passed over as finditer passes over it."""
    pos = start
    for at in stops[bisect_left(stops, start) : bisect_left(stops, end)]:
        if at >= pos:
            m = _BOUNDARY_RE.match(text, at, end)
            if m:
                pos = m.end()
                yield m


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text`` in order, covering every non-blank part."""
    spans: list[tuple[int, int]] = []
    line_start = 0
    stops = offsets_of(text, _STOPS)
    for line_end in [*offsets_of(text, "\n"), len(text)]:
        cursor = line_start
        for m in _boundaries(text, stops, line_start, line_end):
            punct_start = m.start("punct")
            if m.group("punct") == "." and _is_abbreviation(text, punct_start):
                continue
            glued = not m.group("space") and m.group("punct")[-1] not in "。！？"
            if glued and not m.group("close"):
                # Glued: require a lowercase letter or a digit before the stop ("28.So").
                before = text[punct_start - 1] if punct_start > 0 else ""
                if not (before.islower() or before.isdigit()):
                    continue
            end = m.end("close")
            span = _trimmed(text, cursor, end)
            if span:
                spans.append(span)
            cursor = end
        span = _trimmed(text, cursor, line_end)
        if span:
            spans.append(span)
        line_start = line_end + 1
    return spans


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: the non-blank lines of ``text`` (news scrapes put one per line)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line_end in [*offsets_of(text, "\n"), len(text)]:
        span = _trimmed(text, start, line_end)
        if span:
            spans.append(span)
        start = line_end + 1
    return spans
