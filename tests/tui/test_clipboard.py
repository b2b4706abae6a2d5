"""The local copy command beside OSC 52: chosen by session, skipped over SSH, never raises."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from factscope.db.store import Store
from factscope.tui.app import FactscopeApp
from factscope.tui.clipboard import copy_natively, native_copy_command
from tests.tui.support import settle

from .test_reader import open_reader


def _fake_command(folder: Path, name: str, out: Path) -> Path:
    """An executable that writes its standard input to ``out`` (a stand-in for wl-copy)."""
    script = folder / name
    script.write_text(f"#!/bin/sh\nexec /bin/cat > '{out}'\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


@pytest.mark.skipif(sys.platform == "darwin", reason="pbcopy is chosen first on macOS")
def test_the_command_follows_the_session(tmp_path: Path) -> None:
    out = tmp_path / "copied"
    wl = _fake_command(tmp_path, "wl-copy", out)
    xclip = _fake_command(tmp_path, "xclip", out)
    path = str(tmp_path)
    assert native_copy_command({"PATH": path, "WAYLAND_DISPLAY": "wayland-0"}) == [str(wl)]
    assert native_copy_command({"PATH": path, "DISPLAY": ":0"}) == [
        str(xclip), "-selection", "clipboard",
    ]  # fmt: skip
    assert native_copy_command({"PATH": path}) is None, "no desktop session"
    over_ssh = {"PATH": path, "DISPLAY": ":0", "SSH_CONNECTION": "10.0.0.1 5 10.0.0.2 22"}
    assert native_copy_command(over_ssh) is None, "the server's clipboard is not the user's"
    assert native_copy_command({"PATH": str(tmp_path / "empty"), "DISPLAY": ":0"}) is None
    served = {"PATH": path, "DISPLAY": ":0", "TEXTUAL_DRIVER": "textual.drivers.web_driver:X"}
    assert native_copy_command(served) is None, "served: the browser's clipboard, by OSC 52"


def test_copy_natively_gives_the_text_and_never_raises(tmp_path: Path) -> None:
    out = tmp_path / "copied"
    command = _fake_command(tmp_path, "wl-copy", out)
    assert copy_natively("305.57 billion CNY, 2020 — 松江", [str(command)])
    assert out.read_text(encoding="utf-8") == "305.57 billion CNY, 2020 — 松江"
    assert not copy_natively("x", [str(tmp_path / "missing")])
    assert not copy_natively("x", ["false"])


@pytest.mark.skipif(sys.platform == "darwin", reason="pbcopy is chosen first on macOS")
async def test_y_in_the_reader_reaches_the_local_clipboard(
    fixture_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "copied"
    _fake_command(tmp_path, "wl-copy", out)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.delenv("SSH_CONNECTION", raising=False)
    monkeypatch.delenv("SSH_TTY", raising=False)
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reader(pilot, "Songjiang trade keeps growing")
        await pilot.press("n", "y")
        await settle(pilot)
        assert app.clipboard and out.read_text(encoding="utf-8") == app.clipboard
