"""Terminal control sequences are removed (or masked, keeping offsets) before display."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factscope.importers.sanitize import escape_undecodable, mask_control, strip_control


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("plain\ttext\nnext", "plain\ttext\nnext"),
        ("\x1b[31mred\x1b[0m", "red"),
        ("title\x1b]0;pwned\x07 ok", "title ok"),  # OSC: window title change
        ("a\x1b]52;c;Zm9v\x1b\\b", "ab"),  # OSC 52: clipboard write
        ("\x1bPq#0;2;0;0;0\x1b\\x", "x"),  # DCS (sixel)
        ("bell\x07 nul\x00 del\x7f", "bell nul del"),
        ("\x9b2Jcleared", "cleared"),  # 8-bit CSI
        ("[bold]markup[/bold] stays", "[bold]markup[/bold] stays"),  # markup is Rich's problem
        ("中文 ok", "中文 ok"),
    ],
)
def test_strip_control(text: str, clean: str) -> None:
    assert strip_control(text) == clean


@given(st.text())
def test_mask_keeps_length_and_leaves_no_escape(text: str) -> None:
    masked = mask_control(text)
    assert len(masked) == len(text)
    assert "\x1b" not in masked
    assert "\x9b" not in masked
    assert "\x1b" not in strip_control(text)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (b"bad\xffname.txt", "bad\\xffname.txt"),  # Latin-1 ÿ in a UTF-8 file system
        (b"r\xe9sum\xe9.md", "r\\xe9sum\\xe9.md"),
        (b"\xe4\xb8.txt", "\\xe4\\xb8.txt"),  # a UTF-8 character cut in half
        ("中文.txt".encode(), "中文.txt"),  # valid UTF-8 stays as it is
    ],
)
def test_escape_undecodable_names(raw: bytes, shown: str) -> None:
    assert escape_undecodable(os.fsdecode(raw)) == shown
    shown.encode("utf-8")  # printable and storable


def test_escape_undecodable_other_lone_surrogates() -> None:
    assert escape_undecodable("a\ud800b") == "a\\ud800b"
