"""Scans of a text's UTF-8 bytes for where numerals may start, for :mod:`.numbers`.

``re`` finds a literal at a few instructions a character but tests a class at about 60-120
(its class loop, whatever the class), and the numeral gates opened with classes: the numeric
characters, and what may stand before a number word. One ``bytes.translate`` of the text's
UTF-8 makes those classes single bytes ("0" for every ASCII digit, a space for every byte that
may stand before a word), so the gates open with a literal; the hits are byte offsets, counted
back to characters (:func:`char_offsets`) where the text holds characters beyond ASCII.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_TOKEN_RE = re.compile(rb"0[0,.]*")
_OTHER = 0x21  # "!": the lead byte of a character the digit scan cannot read as bytes


def utf8_lead(code: int) -> int:
    """The first byte of the character ``code`` in UTF-8 (monotonic in ``code``)."""
    return chr(code).encode("utf-8", "surrogatepass")[0]


def spaced_table(kept: bytes) -> bytes:
    """A ``bytes.translate`` table keeping the bytes ``kept`` and making all others spaces
    (every byte of a character beyond ASCII among them)."""
    return bytes(c if c in kept else 0x20 for c in range(256))


def digits_table(leads: Iterable[int]) -> bytes:
    """A table making ASCII digits "0", keeping "," and ".", making ``leads`` (the lead bytes
    of the other characters a numeric scan opens with) "!" and the rest spaces."""
    others = frozenset(leads)
    return bytes(
        0x30 if 0x30 <= c <= 0x39 else c if c in b",." else _OTHER if c in others else 0x20
        for c in range(256)
    )


def char_offsets(data: bytes, offsets: list[int]) -> list[int]:
    """The character offsets of the ascending byte ``offsets`` of UTF-8 ``data``, each at an
    ASCII byte (a character boundary): one decode of each gap between them."""
    out, done, chars = [], 0, 0
    for at in offsets:
        chars += len(data[done:at].decode("utf-8", "surrogatepass"))
        out.append(chars)
        done = at
    return out


def hits_after(pattern: re.Pattern[bytes], text: str, data: bytes, table: bytes) -> list[int]:
    """One past the start of each match of ``pattern`` in ``data`` (``text`` in UTF-8)
    translated by ``table``, as character offsets of ``text``."""
    hits = [m.start() + 1 for m in pattern.finditer(data.translate(table))]
    return char_offsets(data, hits) if hits and len(data) != len(text) else hits


def ascii_digit_tokens(text: str, data: bytes, table: bytes) -> list[tuple[int, int, bytes]] | None:
    """``(start, end, rest)`` of each run of ASCII digits, commas and points that opens with a
    digit in ``text`` (``data`` its UTF-8; ``table`` a :func:`digits_table`), ``rest`` the run
    after its first digit; None where ``text`` holds a byte the table marks "!"."""
    spaced = data.translate(table)
    if b"!" in spaced:
        return None
    found = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(spaced)]
    starts = [a for a, _ in found]
    if found and len(data) != len(text):
        starts = char_offsets(data, starts)
    return [(s, s + b - a, spaced[a + 1 : b]) for s, (a, b) in zip(starts, found, strict=True)]
