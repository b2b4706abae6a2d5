"""Sentence and paragraph spans for news text, robust to scraping damage.

Splits at line breaks and at sentence-final punctuation, including sentences glued without a
space ("reporters.Building", "28.So far"), while keeping abbreviations ("No. 2", "U.S.",
"Co., Ltd.") and decimals intact. Spans are code-point offsets into the original text, trimmed
of surrounding whitespace (U+00A0 included).

Non-goals: quotations spanning sentences are not kept together; no linguistic parsing.
"""

from __future__ import annotations

import re
import string

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
_INITIALS_RE = re.compile(r"(?:[a-z]\.)*[a-z]")
_LETTERS_AND_DOTS = string.ascii_letters + "."
_WS = " \t\r\n\xa0\u3000\u2002\u2003\u2009\u200b\ufeff"


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``text[dot]`` closes an abbreviation, not a sentence."""
    # The word before: what ([A-Za-z][A-Za-z.]*)$ searched in the 12 characters before finds,
    # the trailing run of letters and dots from its first letter ("$" also matches before a
    # final newline); read with rstrip instead of a search tried at each of 12 positions.
    lo = dot - 12  # no max(): it parses its arguments, some 600 instructions a call
    window = text[lo if lo > 0 else 0 : dot]
    if window.endswith("\n"):
        window = window[:-1]
    run = window[len(window.rstrip(_LETTERS_AND_DOTS)) :].lstrip(".")
    if not run:
        return False
    word = run.lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # Initials and dotted acronyms: "U.S", "J", "A.B"; the capital first: most sentences end
    # in a lower-case word, which then needs no pattern
    return run[0].isupper() and _INITIALS_RE.fullmatch(word) is not None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _WS:
        start += 1
    while end > start and text[end - 1] in _WS:
        end -= 1
    return (start, end) if start < end else None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text`` in order, covering every non-blank part."""
    return split_text(text)[0]


def split_text(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """:func:`split_sentences` and :func:`split_paragraphs` of ``text`` from one walk: a
    paragraph (a trimmed line) runs from its first sentence's start to its last one's end."""
    # One walk over the sentence-final marks (found with str.find: every boundary match begins
    # with one), trying _BOUNDARY_RE only there and only up to the mark's line end; a mark
    # inside a match is passed over as finditer passes over it.
    spans: list[tuple[int, int]] = []
    paragraphs: list[tuple[int, int]] = []
    ends = offsets_of(text, "\n")
    ends.append(len(text))
    # the marks' line (its end), the next sentence's start, the end of the last match, and
    # the first sentence of the line
    line = cursor = pos = first = 0
    for at in offsets_of(text, _STOPS):
        while ends[line] < at:  # the lines before the mark's end with their last sentence
            if cursor < ends[line] or len(spans) > first:  # not blank (half of a scrape's)
                first = _close_line(text, (cursor, ends[line]), spans, first, paragraphs)
            cursor = ends[line] + 1
            line += 1
        m = _BOUNDARY_RE.match(text, at, ends[line]) if at >= pos else None
        if m is None:
            continue
        pos = m.end()
        punct, close, space = m.group("punct", "close", "space")
        if punct == "." and _is_abbreviation(text, at):
            continue
        if not space and not close and punct[-1] not in "。！？":
            # Glued: require a lowercase letter or a digit before the stop ("28.So").
            before = text[at - 1] if at > 0 else ""
            if not (before.islower() or before.isdigit()):
                continue
        end = m.end("close")
        span = _trimmed(text, cursor, end)
        if span:
            spans.append(span)
        cursor = end
    for line_end in ends[line:]:
        if cursor < line_end or len(spans) > first:
            first = _close_line(text, (cursor, line_end), spans, first, paragraphs)
        cursor = line_end + 1
    return spans, paragraphs


def _close_line(
    text: str,
    rest: tuple[int, int],
    spans: list[tuple[int, int]],
    first: int,
    paragraphs: list[tuple[int, int]],
) -> int:
    """Add the ``rest`` of a line as its last sentence and the line as a paragraph when it
    holds a sentence (``spans[first:]``); the index of the next line's first sentence."""
    span = _trimmed(text, *rest)
    if span:
        spans.append(span)
    if len(spans) > first:
        paragraphs.append((spans[first][0], spans[-1][1]))
    return len(spans)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: the non-blank lines of ``text`` (news scrapes put one per line). The
    plain definition that :func:`split_text`'s paragraphs are tested against; the extractor
    takes both from that one walk."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line_end in [*offsets_of(text, "\n"), len(text)]:
        span = _trimmed(text, start, line_end)
        if span:
            spans.append(span)
        start = line_end + 1
    return spans
