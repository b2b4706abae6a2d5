"""Making untrusted document text safe to show in a terminal.

Stored text is kept exactly as read (fact offsets index into it); this module is applied
*before display*. It removes terminal control sequences (CSI, OSC, DCS ... and lone C0/C1
controls) while keeping newlines and tabs, and keeps the length-preserving variant for views
that must keep offsets aligned with the stored text. It also turns names the OS gave as
undecodable bytes (file names, command-line arguments) into text that can be shown and stored.
"""

from __future__ import annotations

import re

_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]                 # CSI ... final byte
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?    # OSC ... BEL or ST
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?         # DCS, SOS, PM, APC ... ST
    | \x1b[@-Z\\-_]                         # two-byte escapes
    | \x9b[0-?]*[ -/]*[@-~]                 # 8-bit CSI
    """,
    re.VERBOSE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_BYTE = range(0xDC80, 0xDD00)
"""Python decodes an undecodable byte 0xNN of a file name or argument as U+DCNN
(``surrogateescape``); only 0x80-0xFF can occur."""


def strip_control(text: str) -> str:
    """Remove escape sequences and control characters (newline and tab survive)."""
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


def mask_control(text: str, replacement: str = " ") -> str:
    """Replace each character of escape sequences and controls by ``replacement``.

    The result has the same length as ``text``, so spans computed on the stored text still
    point at the same characters on screen.
    """

    def blank(match: re.Match[str]) -> str:
        return replacement * len(match.group(0))

    return _CONTROL.sub(blank, _ESCAPE_SEQUENCE.sub(blank, text))


def _escape_surrogate(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code in _ESCAPED_BYTE:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def escape_undecodable(text: str) -> str:
    """``text`` with each undecodable byte shown as ``\\xNN`` (``bad\\xffname.txt``).

    File names and arguments that are not UTF-8 reach Python as lone surrogates, which can
    be neither printed nor stored in SQLite; this is their one text form. Other lone
    surrogates (not from a byte) become ``\\udNNN``. Text without them is returned as is.
    """
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(_escape_surrogate, text)


def has_undecodable(text: str) -> bool:
    """True when ``text`` holds lone surrogates (undecodable bytes of an OS name)."""
    return _SURROGATE.search(text) is not None
