"""SVG snapshots of the Documents pane and the reader at 80x24 and 120x40.

Deterministic by construction: the database path is relative (``fixture.db``), no clock or
import time is ever drawn, the input cursor does not blink (``no_cursor_blink``), and every
screenshot waits for the workers first. Update with ``pytest tests/tui --snapshot-update``
after looking at the report.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from factscope.db.store import Store
from factscope.tui.app import FactscopeApp
from factscope.tui.screens.export import PathInput
from tests.tui.support import settle

SIZES = [(80, 24), (120, 40)]
Before = Callable[[Pilot[Any]], Awaitable[None]]


def opening(title: str, *keys: str) -> Before:
    """run_before: open the document called ``title``, then press ``keys``."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        app = pilot.app
        assert isinstance(app, FactscopeApp)
        [doc] = [d for d in app.store.documents(limit=50) if d.title == title]
        await app.open_evidence(doc.id)
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


async def pressing_after_load(pilot: Pilot[Any], *keys: str) -> None:
    await settle(pilot)
    await pilot.press(*keys)
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
class TestDocumentsPane:
    def test_list(self, snap_compare: Any, fixture_store: Store, size: tuple[int, int]) -> None:
        """All five documents, newest first; the markup title shows literally."""
        assert snap_compare(FactscopeApp(fixture_store), terminal_size=size, run_before=settle)

    def test_search_results(
        self, snap_compare: Any, fixture_store: Store, size: tuple[int, int]
    ) -> None:
        """Typing 'trade' lists two documents, each with a highlighted snippet line."""

        async def run_before(pilot: Pilot[Any]) -> None:
            await pressing_after_load(pilot, *"trade")

        assert snap_compare(FactscopeApp(fixture_store), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
class TestReader:
    def test_english_with_a_figure_selected(
        self, snap_compare: Any, fixture_store: Store, size: tuple[int, int]
    ) -> None:
        """Figures highlighted by kind; the second one selected and its fields in the panel."""
        app = FactscopeApp(fixture_store)
        run_before = opening("Songjiang trade keeps growing", "n", "n")
        assert snap_compare(app, terminal_size=size, run_before=run_before)

    def test_figures_list(
        self, snap_compare: Any, fixture_store: Store, size: tuple[int, int]
    ) -> None:
        """t shows the figures list, the selected figure's row in reverse video; at 80x24
        it takes the panel's place, at 120x40 the panel sits under it."""
        app = FactscopeApp(fixture_store)
        run_before = opening("Songjiang trade keeps growing", "n", "n", "t")
        assert snap_compare(app, terminal_size=size, run_before=run_before)

    def test_chinese_document(
        self, snap_compare: Any, fixture_store: Store, size: tuple[int, int]
    ) -> None:
        """CJK text wraps by cell width and the figures line up with their characters."""
        app = FactscopeApp(fixture_store)
        assert snap_compare(app, terminal_size=size, run_before=opening("松江区外贸稳步增长", "n"))

    def test_hostile_text_is_literal(
        self, snap_compare: Any, fixture_store: Store, size: tuple[int, int]
    ) -> None:
        """'[bold]' shows as typed and the ANSI escape is blanked, not interpreted."""
        app = FactscopeApp(fixture_store)
        title = "[bold]Markup[/bold] \x1b[31mtrap\x1b[0m"
        assert snap_compare(app, terminal_size=size, run_before=opening(title, "slash", *"tags"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
class TestDialogs:
    def test_help_for_the_documents_pane(
        self, snap_compare: Any, fixture_store: Store, size: tuple[int, int]
    ) -> None:
        """F1: the pane's keys first (generated from the bindings), then its purpose."""

        async def run_before(pilot: Pilot[Any]) -> None:
            await pressing_after_load(pilot, "f1")

        app = FactscopeApp(fixture_store)
        assert snap_compare(app, terminal_size=size, run_before=run_before)

    def test_export_dialog(
        self, snap_compare: Any, fixture_store: Store, size: tuple[int, int]
    ) -> None:
        """ctrl+s: the formats and the full target path, editable, before anything is written.
        (The test's directory differs on every run, so a fixed path is typed in.)"""

        async def run_before(pilot: Pilot[Any]) -> None:
            await pressing_after_load(pilot, "ctrl+s")
            box = pilot.app.screen.query_one(PathInput)
            box.value = "/home/researcher/exports/factscope-documents.csv"
            await settle(pilot)

        app = FactscopeApp(fixture_store)
        assert snap_compare(app, terminal_size=size, run_before=run_before)

    def test_palette_in_the_facts_pane(
        self, snap_compare: Any, fixture_store: Store, size: tuple[int, int]
    ) -> None:
        """ctrl+p: the pane's own commands first, each with its key."""

        async def run_before(pilot: Pilot[Any]) -> None:
            await pressing_after_load(pilot, "ctrl+p")

        app = FactscopeApp(fixture_store, initial_mode="facts")
        assert snap_compare(app, terminal_size=size, run_before=run_before)
