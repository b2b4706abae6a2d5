"""Turning what a user types into safe FTS5 queries, and FTS5 snippets into plain text + spans.

Every user query is escaped by default: each term becomes a double-quoted FTS5 string, so
quotes, ``AND``/``OR``/``NOT``/``NEAR(``, ``*``, ``-``, ``:`` and unbalanced brackets are
searched for as text and never raise. Pure functions; no connection is touched here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

SNIPPET_OPEN = "\ue000"
"""Private-use marker FTS5 ``snippet()`` puts before a match (parsed out by split_snippet)."""
SNIPPET_CLOSE = "\ue001"

_QUOTED_OR_WORD = re.compile(r'"([^"]*)"|(\S+)')
CJK_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002ffff"
"""Kana, CJK ideographs, Hangul and compatibility ideographs: the body of a character class
(Python's ``re`` and PostgreSQL's regular expressions both read it, db/pgschema.py)."""
_CJK = re.compile(f"[{CJK_CLASS}]")


@dataclass(frozen=True)
class Term:
    """One search term: a word or a phrase the user quoted."""

    text: str
    phrase: bool = False


def has_cjk(text: str) -> bool:
    """True when ``text`` contains Chinese, Japanese or Korean characters."""
    return _CJK.search(text) is not None


def _is_searchable(text: str) -> bool:
    return any(unicodedata.category(ch)[0] in "LN" for ch in text)


def parse_terms(query: str) -> list[Term]:
    """Split a query into terms; text in balanced double quotes is one phrase.

    An unbalanced quote is treated as an ordinary character. Terms with no letter or digit
    (``*``, ``-``, ``(``) are dropped: they could only match nothing or raise.
    """
    if query.count('"') % 2:
        query = query.replace('"', " ")
    terms: list[Term] = []
    for match in _QUOTED_OR_WORD.finditer(query):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            if _is_searchable(phrase):
                terms.append(Term(" ".join(phrase.split()), phrase=True))
        elif word is not None and _is_searchable(word):
            terms.append(Term(word))
    return terms


def quote_term(text: str) -> str:
    """One FTS5 string literal: double quotes inside are doubled, NUL removed (FTS5 ends a
    string at NUL and then reports it unterminated)."""
    return '"' + text.replace("\x00", "").replace('"', '""') + '"'


def like_prefix(value: str) -> str:
    """A LIKE pattern (with ``ESCAPE '\\'``) for text starting with ``value`` literally."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def fts_match(terms: list[Term], *, prefix_last: bool = True) -> str | None:
    """An FTS5 MATCH expression requiring every term (implicit AND).

    :param prefix_last: make the last unquoted word a prefix query, for search-as-you-type.
    :returns: None when no term is searchable (the caller returns no hits).
    """
    if not terms:
        return None
    parts = [quote_term(t.text) for t in terms]
    if prefix_last and not terms[-1].phrase:
        parts[-1] += "*"
    return " ".join(parts)


def split_snippet(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Remove snippet markers, returning the plain text and the highlighted spans."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for piece in re.split(f"([{SNIPPET_OPEN}{SNIPPET_CLOSE}])", marked):
        if piece == SNIPPET_OPEN:
            start = length
        elif piece == SNIPPET_CLOSE:
            if start is not None and length > start:
                spans.append((start, length))
            start = None
        else:
            plain.append(piece)
            length += len(piece)
    return "".join(plain), spans


def excerpt(text: str, needles: list[str], width: int = 120) -> tuple[str, list[tuple[int, int]]]:
    """A snippet built in Python (for scans FTS5 cannot serve): text around the first needle."""
    lowered = text.lower()
    hits = [(lowered.find(n.lower()), n) for n in needles if n]
    hits = [(i, n) for i, n in hits if i >= 0]
    first = min((i for i, _ in hits), default=0)
    begin = max(0, first - width // 3)
    end = min(len(text), begin + width)
    window = " ".join(text[begin:end].split())
    prefix = "…" if begin > 0 else ""
    suffix = "…" if end < len(text) else ""
    snippet = prefix + window + suffix
    spans: list[tuple[int, int]] = []
    low = snippet.lower()
    for _, needle in hits:
        pos = low.find(needle.lower())
        while pos >= 0:
            spans.append((pos, pos + len(needle)))
            pos = low.find(needle.lower(), pos + len(needle))
    return snippet, sorted(spans)
