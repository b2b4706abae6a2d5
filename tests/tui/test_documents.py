"""Pilot tests of the Documents pane: the list, search as you type, sorting, export."""

from __future__ import annotations

import json
from pathlib import Path

from db.store import Store
from tests.tui.support import settle
from tui.app import FactscopeApp
from tui.screens.documents import DocumentsScreen
from tui.screens.export import ExportScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.document_list import DocumentList


def titles(app: FactscopeApp) -> list[str]:
    return [row.document.title for row in app.screen.query_one(DocumentList).loaded_rows]


async def test_seed_list_shows_five_documents(seed_db: Store) -> None:
    app = FactscopeApp(seed_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DocumentsScreen)
        assert app.screen.query_one(DocumentList).total == 5
        assert len(titles(app)) == 5


async def test_typing_a_query_filters_the_seeds(seed_db: Store) -> None:
    app = FactscopeApp(seed_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"songjiang")
        await settle(pilot)
        listing = app.screen.query_one(DocumentList)
        assert 0 < listing.total < 5
        assert listing.row_height == 2, "search results show a snippet line"
        assert all(row.highlights for row in listing.loaded_rows)


async def test_stale_search_results_are_dropped(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DocumentsScreen)
        stale = DocumentsScreen.Listed(screen.generation - 1, "old", 99, [])
        screen.post_message(stale)
        await settle(pilot)
        assert screen.query_one(DocumentList).total == 5


async def test_enter_opens_the_reader_and_escape_returns(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.document is not None
        assert app.screen.document.title == "Songjiang trade keeps growing"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DocumentsScreen)


async def test_sort_cycles_date_title_facts(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert titles(app)[0] == "松江区外贸稳步增长"  # newest first
        await pilot.press("s")
        await settle(pilot)
        assert titles(app)[0].startswith("[bold]Markup")  # title order: '[' sorts first
        await pilot.press("s")
        await settle(pilot)
        assert titles(app)[0] == "Songjiang trade keeps growing"  # most figures


async def test_no_match_says_so(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzzqqq")
        await settle(pilot)
        listing = app.screen.query_one(DocumentList)
        assert listing.total == 0
        assert "No documents match" in listing.message


async def test_export_writes_json_in_the_current_directory(
    fixture_store: Store, tmp_path: Path
) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("j")
        await settle(pilot)
    exported = json.loads((tmp_path / "factscope-documents.json").read_text(encoding="utf-8"))
    assert len(exported) == 5
    assert exported[0]["title"] == "松江区外贸稳步增长"
