"""Keys and clicks of the virtual lists (VirtualList): the document list and the fact results."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from factscope.db.models import RawDocument
from factscope.db.store import Store
from factscope.importers.pipeline import ImportReport, extract_document, store_document
from factscope.tui.app import FactscopeApp
from factscope.tui.panes.documents.document_list import DocumentList
from factscope.tui.panes.facts.fact_table import FactTable
from factscope.tui.panes.reader.screen import ReaderScreen
from factscope.tui.widgets.search_box import QueryBox
from factscope.tui.widgets.virtual_list import CURSOR_KEYS
from tests.tui.support import settle

DOCUMENTS = 60


@pytest.fixture
def many(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "many.db")
    report = ImportReport()
    for n in range(DOCUMENTS):
        text = f"Report {n:02d}\n\nExports of Hefei rose {n + 1} percent in 2021."
        raw = RawDocument(source=f"/docs/{n:02d}.txt", text=text, title=f"Report {n:02d}")
        store_document(store, extract_document(raw), report)
    yield store
    store.close()


async def test_document_list_keys_while_typing(many: Store) -> None:
    app = FactscopeApp(many)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(DocumentList)
        assert listing.row_count == DOCUMENTS and listing.cursor == 0
        await pilot.press("down", "down", "up")  # the search box keeps the focus
        assert listing.cursor == 1
        await pilot.press("ctrl+end")
        assert listing.cursor == DOCUMENTS - 1
        await pilot.press("down")
        assert listing.cursor == DOCUMENTS - 1, "the cursor stops at the last row"
        await pilot.press("ctrl+home", "pagedown")
        page = listing.cursor
        assert 5 < page < DOCUMENTS - 1, "a page is about a screen of rows"
        await pilot.press("pagedown", "pageup")
        assert listing.cursor == page
        await pilot.press("pageup", "pageup")
        assert listing.cursor == 0


async def test_document_list_click_and_double_click(many: Store) -> None:
    app = FactscopeApp(many)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(DocumentList)
        await pilot.click(DocumentList, offset=(5, 3))
        assert listing.cursor == 3, "a click highlights the row under it"
        chosen = listing.highlighted_row
        assert chosen is not None
        await pilot.click(DocumentList, offset=(5, 3), times=2)
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.document is not None
        assert app.screen.document.title == chosen.document.title


async def test_fact_results_keys_while_typing(many: Store) -> None:
    app = FactscopeApp(many, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"hefei")
        await settle(pilot)
        table = app.screen.query_one(FactTable)
        assert table.row_count == DOCUMENTS
        await pilot.press("ctrl+end")
        assert table.cursor == DOCUMENTS - 1
        await pilot.press("ctrl+home", "down", "down")
        assert table.cursor == 2
        await pilot.press("pagedown")
        assert table.cursor > 2


def test_both_lists_and_the_query_box_share_the_cursor_keys() -> None:
    """The base class's bindings reach its subclasses (a mixin's did not), and the query
    box forwards the same keys to the same actions."""
    for widget in (DocumentList(), FactTable()):
        bound = widget._bindings.key_to_bindings
        for key, action, _, _ in [*CURSOR_KEYS, ("enter", "open", "", "")]:
            assert [b.action for b in bound[key]] == [action], (type(widget).__name__, key)
    box = QueryBox()._bindings.key_to_bindings
    for key, action, _, _ in CURSOR_KEYS:
        assert [b.action for b in box[key]] == [f"results('{action}')"]
