"""What one look at a whole document finds, shared by the passes that would each scan it.

``re`` skips ahead quickly only to a pattern's first literal; a pattern that opens with a
class of characters ("(?:19|20)" is the class [12]) is tested at every character, about 30
instructions each under ``re``'s charset test, where ``str.find`` of a literal moves like
``memchr``. The offsets found here once per text are read by several passes with a bisect
or a filter: each saves a scan of the text.

Non-goals: caching across documents (every index belongs to one text).
"""

from __future__ import annotations

from collections.abc import Collection

from factscope.importers.lexicon.common import IDEOGRAPH_RANGES, IDEOGRAPH_RE, is_ideograph


def offsets_of(text: str, marks: Collection[str]) -> list[int]:
    """Sorted offsets in ``text`` of each of ``marks``: characters (";；") or literals
    ("from", "to"). str.find skips ahead like memchr, where a regular expression class tests
    every character (about 30 instructions a character, 70x the finds)."""
    found: list[int] = []
    for mark in marks:
        at = text.find(mark)
        while at >= 0:
            found.append(at)
            at = text.find(mark, at + 1)
    if len(marks) > 1:
        found.sort()
    return found


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


def _lead_bytes(ranges: str) -> tuple[bytes, ...]:
    """The first UTF-8 bytes of the characters of a class body of ranges ("\\u3400-\\u4dbf...",
    all three-byte characters): the lead byte changes every 0x1000 code points."""
    firsts, lasts = ranges[0::3], ranges[2::3]
    leads = {
        chr(code).encode()[:1]
        for lo, hi in zip(firsts, lasts, strict=True)
        for code in [*range(ord(lo), ord(hi), 0x1000), ord(hi)]
    }
    return tuple(sorted(leads))


_IDEOGRAPH_LEADS = _lead_bytes(IDEOGRAPH_RANGES)  # b"\xe3" ... b"\xe9"


_FEW = 64  # ideographs located one by one; a text with more is Chinese: the class scan finds them


def ideograph_offsets(text: str, wide: set[str] | None = None) -> list[int]:
    """Sorted offsets of the CJK ideographs (``IDEOGRAPH_RE``) in ``text``, found for English
    text with curly quotes and dashes without a class scan: its UTF-8 bytes lack every lead
    byte of the ideographs (E3-E9; the quotes are E2), which ``bytes.find`` tells like
    ``memchr`` (0.35 against 0.97 M instructions for the seeds). A text with a few ("中文版"
    heading an English story) has them decoded from their bytes and found by ``str.find``;
    the class scan of a 10,000-character text costs about 0.6 M instructions. The passes
    that look for Chinese per sentence bisect these instead. ``wide`` holds every character
    of ``text`` whose lead byte is one of E3-E9 if the caller read them
    (:func:`.traditional.simplify_wide`): no second encoding and scan of the text."""
    if text.isascii():
        return []
    chars = wide
    if chars is None:
        chars = wide_characters(text.encode("utf-8", "surrogatepass"), _IDEOGRAPH_LEADS, _FEW)
    if chars is None:
        return [m.start() for m in IDEOGRAPH_RE.finditer(text)]
    return offsets_of(text, [c for c in chars if is_ideograph(c)])


def wide_characters(data: bytes, leads: tuple[bytes, ...], few: int) -> set[str] | None:
    """The characters of the UTF-8 ``data`` that begin with one of ``leads`` (lead bytes of
    three- and four-byte characters, which never occur inside a character), each found by
    ``bytes.find``; None when there are more than ``few`` of them (a text that many of them:
    a class scan over it is cheaper than decoding them one by one)."""
    found: set[str] = set()
    seen = 0
    for lead in leads:
        size = 4 if lead >= b"\xf0" else 3
        at = data.find(lead)
        while at >= 0:
            seen += 1
            if seen > few:
                return None
            found.add(data[at : at + size].decode("utf-8", "surrogatepass"))
            at = data.find(lead, at + 1)
    return found
