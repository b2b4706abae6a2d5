"""Pilot tests of the reader's figures list: toggling, choosing a row, staying in sync with n."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from factscope.db.store import Store
from factscope.tui.app import FactscopeApp
from factscope.tui.panes.reader.document_reader import DocumentReader
from factscope.tui.panes.reader.fact_panel import FactPanel
from factscope.tui.panes.reader.figure_list import FigureList, FigurePane, figure_header, figure_row
from factscope.tui.panes.reader.screen import ReaderScreen
from tests.tui.support import ENGLISH_FACTS, settle

ENGLISH_TITLE = "Songjiang trade keeps growing"


async def open_english(pilot: Pilot[Any]) -> ReaderScreen:
    """Open the English fixture document in the reader."""
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, FactscopeApp)
    [doc] = [d for d in app.store.documents(limit=50) if d.title == ENGLISH_TITLE]
    await app.open_evidence(doc.id)
    await settle(pilot)
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def list_lines(figures: FigureList) -> list[str]:
    """The list's rows as drawn."""
    return [figures.render_line(y).text for y in range(figures.option_count)]


async def test_t_swaps_the_list_and_the_panel_at_80x24(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_english(pilot)
        pane, panel = screen.query_one(FigurePane), screen.query_one(FactPanel)
        assert not pane.display and panel.display
        await pilot.press("t")
        await pilot.pause()
        assert pane.display and not panel.display
        assert screen.focused is screen.figure_list
        rows = list_lines(screen.figure_list)
        assert len(rows) == 7
        assert rows[0].startswith("305.57 billion") and "amount" in rows[0]
        assert "2020 Songj" in rows[0]
        await pilot.press("t")
        await pilot.pause()
        assert not pane.display and panel.display
        assert screen.focused is screen.reader


async def test_the_list_and_the_panel_share_the_side_at_120x40(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_english(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert screen.query_one(FigurePane).display and screen.query_one(FactPanel).display


async def test_choosing_a_row_selects_that_figure_in_the_text(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_english(pilot)
        reader = screen.query_one(DocumentReader)
        # Nothing is selected yet, so the first j highlights the first row.
        await pilot.press("t", "j", "j", "j", "j", "enter")
        await pilot.pause()
        assert reader.selected == 3
        assert reader.selected_fact is not None and reader.selected_fact.quote == "No. 2"
        # At 80x24 Enter brings the panel back, showing the chosen figure.
        assert screen.focused is reader
        assert screen.query_one(FactPanel).display
        assert "Figure 4 of 7" in str(screen.query_one(FactPanel).border_title)


async def test_n_keeps_the_list_in_sync(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_english(pilot)
        figures = screen.figure_list
        await pilot.press("t")
        await pilot.pause()
        screen.set_focus(screen.reader)  # the list stays visible at 120x40
        await pilot.press("n", "n")
        await pilot.pause()
        assert screen.reader.selected == 1 and figures.highlighted == 1
        await pilot.press("N")
        await pilot.pause()
        assert figures.highlighted == 0
        # n in the list moves both as well.
        screen.set_focus(figures)
        await pilot.press("n", "n")
        await pilot.pause()
        assert figures.highlighted == 2 and screen.reader.selected == 2


async def test_the_list_follows_a_selection_made_while_it_was_hidden(
    fixture_store: Store,
) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_english(pilot)
        await pilot.press("n", "n", "n", "t")
        await pilot.pause()
        assert screen.figure_list.highlighted == 2
        assert screen.reader.selected == 2


async def test_t_is_dimmed_without_figures(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        [doc] = [d for d in fixture_store.documents() if d.title == "Sichuan notes"]
        await app.open_evidence(doc.id)
        await settle(pilot)
        assert app.screen.check_action("toggle_figures", ()) is None


@pytest.mark.parametrize("width", [33, 47])
def test_rows_and_header_fill_the_width_in_cells(width: int) -> None:
    header = figure_header(width, 6)
    assert header.cell_len == width and header.plain.startswith("figure")
    for fact in ENGLISH_FACTS:
        assert figure_row(fact, width, 6).cell_len == width
