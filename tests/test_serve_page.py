"""The served page and the patched client script."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="the serve extra is not installed")

from factscope.tui.serve.page import (
    PATCHES,
    ScriptMismatch,
    index_page,
    patch_script,
    refusal_page,
)

SCRIPT = Path(str(files("textual_serve") / "static" / "js" / "textual.js"))


def test_every_patch_applies_to_the_pinned_release() -> None:
    original = SCRIPT.read_text(encoding="utf-8")
    patched = patch_script(original)
    for _, old, new in PATCHES:
        assert old not in patched or old in new
    assert "CanvasAddon)" not in patched and "WebglAddon)" not in patched.split("class w{")[1]
    assert "t.terminal.focus()" in patched


def test_a_changed_script_is_refused_naming_the_patch() -> None:
    with pytest.raises(ScriptMismatch, match="renderer"):
        patch_script("window.onload=()=>{}")


def test_the_page_uses_only_its_own_server() -> None:
    page = index_page("ws://127.0.0.1:8000/ws", "/static")
    assert 'data-session-websocket-url="ws://127.0.0.1:8000/ws"' in page
    assert "/static/fonts/RobotoMono-VariableFont_wght.ttf" in page
    assert "https://" not in page and "googleapis" not in page
    assert "{{" not in page


def test_a_refusal_page_escapes_its_message() -> None:
    page = refusal_page("403: origin '<script>x</script>'")
    assert "<script>x" not in page and "&lt;script&gt;" in page
