"""Byte scans for numerals (:mod:`importers.extract.numeral_bytes`): the same candidates as the
class-led scans of the text they stand in for."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factscope.importers.extract import numbers, numeral_bytes
from factscope.importers.extract._fold import fold_case

_PIECES = [
    "1", "19", "2,000", "3.5", ",", ".", "th", "st", "nd", " ", "\xa0", "’", "“", "—", "é",
    "RMB", "Rs.", "x", "a", "one", "二", "十五", "第", "٣", "０", "\U0001d7ce", "\ud800", "中",
]  # fmt: skip


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10).map("".join))
def test_candidates_are_those_of_the_numeric_scan(text: str) -> None:
    folded = fold_case(text)
    fast = numbers._candidate_starts(text, folded)
    tokens = numeral_bytes.ascii_digit_tokens(folded, _utf8(folded), numbers._BYTE_DIGITS)
    with pytest.MonkeyPatch.context() as patch:  # the byte scan forced off: the class scan
        patch.setattr(numeral_bytes, "ascii_digit_tokens", lambda *_: None)
        slow = numbers._candidate_starts(text, folded)
    # the class scan lists the Chinese numerals it found; the byte scan says None: it answers
    # only where the text holds none of their lead bytes
    assert fast[1] == (None if tokens is not None else slow[1])
    assert slow[1] == [] or tokens is None
    assert (fast[0], fast[2]) == (slow[0], slow[2])
    # the byte scan answers only where the text holds no numeric character beyond ASCII (a
    # shared lead byte, as of 中, sends it to the class scan too), and always for ASCII
    if tokens is not None:
        assert not any(numbers._NUMERIC_SCAN_RE.match(c) for c in folded if not c.isascii())
    assert tokens is not None or not folded.isascii()


def test_tokens_are_the_scan_matches_with_their_offsets() -> None:
    folded = fold_case("“Up 2,000.5%” — in 19th place; x5 .7 1,,2 é3")
    tokens = numeral_bytes.ascii_digit_tokens(folded, _utf8(folded), numbers._BYTE_DIGITS)
    expected = [
        (m.start(), m.end(), re.sub("[0-9]", "0", m.group("d")).encode())  # digits as "0"
        for m in numbers._NUMERIC_SCAN_RE.finditer(folded)
    ]
    assert tokens == expected and len(expected) == 6
    assert numeral_bytes.ascii_digit_tokens("二", _utf8("二"), numbers._BYTE_DIGITS) is None


def test_char_offsets_count_characters_before_each_byte() -> None:
    text = "é’a\U0001f600b\ud800c"
    data = _utf8(text)
    at = [data.index(b"a"), data.index(b"b"), data.index(b"c")]
    assert numeral_bytes.char_offsets(data, at) == [2, 4, 6]


def test_leads_are_monotonic_in_the_code_point() -> None:
    leads = [numeral_bytes.utf8_lead(code) for code in range(0, 0x110000, 97)]
    assert leads == sorted(leads)
