"""The Trend view: opened with ctrl+t from Facts and Compare, Escape back, Enter to evidence.

The database holds the four Wuhu articles of :mod:`tests.test_db_trend` (three years of
exports, two articles disagreeing about 2021) through the real import.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from factscope.db.store import Store
from factscope.importers import import_paths
from factscope.tui.app import FactscopeApp
from factscope.tui.panes.compare.region_picker import Candidate
from factscope.tui.panes.compare.screen import CompareScreen
from factscope.tui.panes.facts.screen import FactsScreen
from factscope.tui.panes.reader.screen import ReaderScreen
from factscope.tui.panes.trend.screen import TrendScreen, series_citation
from factscope.tui.widgets.search_box import QueryBox
from tests.test_db_trend import ARTICLES
from tests.tui.support import settle

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def wuhu_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / "articles" / name).write_text(text)
    store = Store.open("wuhu.db")
    assert import_paths([tmp_path / "articles"], store).imported == 4
    yield store
    store.close()


async def open_trend_from_facts(pilot: Any, query: str = "wuhu 2021 46.8") -> TrendScreen:
    await settle(pilot)
    await pilot.press("f3")
    await settle(pilot)
    pilot.app.screen.query_one(QueryBox).value = query
    await settle(pilot)
    await pilot.press("ctrl+t")
    await settle(pilot, rounds=5)
    screen = pilot.app.screen
    assert isinstance(screen, TrendScreen)
    return screen


async def test_ctrl_t_in_facts_opens_the_trend_and_escape_comes_back(wuhu_store: Store) -> None:
    app = FactscopeApp(wuhu_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trend_from_facts(pilot)
        table = screen.query_one(DataTable)
        periods = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert periods == ["2020", "2021", "2021", "2022", "2023"]
        conflicts = [str(table.get_row_at(i)[4]) for i in range(table.row_count)]
        assert conflicts.count("conflict") == 2
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, FactsScreen)
        assert app.screen.query_one(QueryBox).value == "wuhu 2021 46.8"


async def test_enter_on_a_value_opens_its_evidence(wuhu_store: Store) -> None:
    app = FactscopeApp(wuhu_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_trend_from_facts(pilot)
        await pilot.press("down", "enter")  # the first 2021 value
        await settle(pilot, rounds=5)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TrendScreen), "Escape comes back to the trend"


async def test_copy_gives_every_value_with_its_source(wuhu_store: Store) -> None:
    app = FactscopeApp(wuhu_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trend_from_facts(pilot)
        await pilot.press("ctrl+y")
        assert screen.trend is not None
        text = series_citation(screen.trend)
        assert app.clipboard == text
        assert "2021: 46.8 bn CNY (conflict) — Wuhu customs figures, 2022-02-03" in text
        assert "2022: — no figure" in text


async def test_ctrl_t_in_compare_draws_one_series_per_region(wuhu_store: Store) -> None:
    app = FactscopeApp(wuhu_store, initial_mode="compare")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        for region_id in ("340200", "340000"):  # Wuhu, and Anhui (which has no exports)
            region = wuhu_store.region(region_id)
            assert region is not None
            screen.add_region(Candidate(region, (), 0))
            await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot, rounds=5)
        trend = app.screen
        assert isinstance(trend, TrendScreen) and trend.trend is not None
        assert [s.region.name for s in trend.trend.series] == ["Wuhu"]
        assert "Anhui Province has no Exports amount with a period" in trend.trend.notes


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_trend_snapshot(snap_compare: Any, wuhu_store: Store, size: tuple[int, int]) -> None:
    """The chart scales to the terminal; the table lists the disputed year's two values."""

    async def run_before(pilot: Any) -> None:
        await open_trend_from_facts(pilot)
        await settle(pilot, rounds=5)

    assert snap_compare(FactscopeApp(wuhu_store), terminal_size=size, run_before=run_before)


async def test_document_text_in_the_trend_is_shown_literally(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A title with markup and an escape sequence appears as text, the escape stripped."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(
        "[bold]Wuhu[/bold] \x1b[31mexports\n\nExports of Wuhu reached 40.2 billion yuan in 2020."
    )
    with Store.open("hostile.db") as store:
        assert import_paths([tmp_path / "a.txt"], store).imported == 1
        app = FactscopeApp(store)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_trend_from_facts(pilot, "wuhu 40.2")
            table = screen.query_one(DataTable)
            [row] = [table.get_row_at(i) for i in range(table.row_count)]
            title = row[5].plain
            assert "[bold]Wuhu[/bold]" in title and "\x1b" not in title


async def test_ctrl_t_on_a_share_in_facts_follows_the_share(tmp_path: Path) -> None:
    """The README's samples: Songjiang's "about 40 percent of the district's exports" opens
    the trend of that share, not of export amounts (where the figure is not)."""
    from tests.conftest import SAMPLES

    store = Store.open(str(tmp_path / "try.db"))
    assert import_paths([SAMPLES], store).imported
    app = FactscopeApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trend_from_facts(pilot, "songjiang exports kind:share")
        assert screen.trend is not None and screen.trend.label == "Exports (share)"
        quotes = [v.fact.quote for s in screen.trend.series for p in s.points for v in p.values]
        assert quotes == ["40 percent"]
    store.close()
