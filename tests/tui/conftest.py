"""Fixtures for the TUI tests: small real databases in tmp_path, and determinism fixtures.

``fixture_store`` holds the documents of :mod:`tests.tui.support` (English, Chinese, and one
full of markup and escape sequences) with hand-made figure spans, so most tests never depend
on the extractor. ``seed_db`` imports the shared seed corpus through the real pipeline. Both
are opened by a relative name from inside tmp_path,
so the status line (which shows the path) is the same on every run.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from factscope.db.store import Store
from tests.tui.support import SEEDS, build_fixture_store


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor makes snapshots depend on timing: keep it steadily on."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


@pytest.fixture
def fixture_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The hand-made fixture database, opened as ``fixture.db`` from inside tmp_path."""
    monkeypatch.chdir(tmp_path)
    store = build_fixture_store("fixture.db")
    yield store
    store.close()


@pytest.fixture
def seed_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The five seed documents through the real import (extraction included)."""
    if not SEEDS.is_dir():
        pytest.skip("shared corpus not available")
    monkeypatch.chdir(tmp_path)
    store = Store.open("seeds.db")
    from factscope.importers import import_paths

    # The real pipeline: if importing the seeds breaks, these tests must say so.
    report = import_paths([SEEDS], store)
    assert report.ok and report.imported == 5, report.failed
    yield store
    store.close()
