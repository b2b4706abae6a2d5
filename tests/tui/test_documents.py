"""Pilot tests of the Documents pane: the list, search as you type, sorting, export."""

from __future__ import annotations

import json
from pathlib import Path

from factscope.db.store import Store
from factscope.tui.app import FactscopeApp
from factscope.tui.panes.documents.document_list import DocumentList
from factscope.tui.panes.documents.screen import DocumentsScreen
from factscope.tui.panes.reader.screen import ReaderScreen
from factscope.tui.screens.export import PathInput, PathScreen
from tests.tui.support import settle


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
        await pilot.press(*"songjiang")
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
        stale = screen.listings.generation - 1
        screen.listings.deliver(stale, "old", 99, [])
        await settle(pilot)
        assert screen.query_one(DocumentList).total == 5


async def test_enter_opens_the_reader_and_escape_returns(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
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
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert titles(app)[0].startswith("[bold]Markup")  # title order: '[' sorts first
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert titles(app)[0] == "Songjiang trade keeps growing"  # most figures


async def test_no_match_says_so(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"zzzqqq")
        await settle(pilot)
        listing = app.screen.query_one(DocumentList)
        assert listing.total == 0
        assert "No documents match" in listing.message


async def test_export_shows_the_path_and_writes_where_it_is_edited_to(
    fixture_store: Store, tmp_path: Path
) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "taken.json").write_text("keep me", encoding="utf-8")
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PathScreen)
        box = dialog.query_one(PathInput)
        assert box.value == str(tmp_path / "factscope-documents.csv"), "the full path, shown"
        await pilot.press("down")  # JSON: the suffix follows
        assert box.value == str(tmp_path / "factscope-documents.json")
        box.value = str(tmp_path / "taken.json")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog, "an existing file is never overwritten"
        assert "taken.json exists" in str(dialog.query_one("#export-problem").render())
        box.value = str(tmp_path / "nowhere" / "x.json")
        await pilot.press("enter")
        assert "No such directory" in str(dialog.query_one("#export-problem").render())
        box.value = str(tmp_path / "out" / "docs.json")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DocumentsScreen)
    assert (tmp_path / "taken.json").read_text(encoding="utf-8") == "keep me"
    written = {p.name for p in tmp_path.iterdir()} - {
        "fixture.db",
        "fixture.db-shm",
        "fixture.db-wal",
    }
    assert written == {"out", "taken.json"}, "nothing but the file asked for"
    exported = json.loads((tmp_path / "out" / "docs.json").read_text(encoding="utf-8"))
    assert len(exported) == 5
    assert exported[0]["title"] == "松江区外贸稳步增长"
