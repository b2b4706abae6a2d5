"""SVG snapshots of the Facts pane at 80x24 and 120x40.

Deterministic like the other snapshots: the database path is relative (``fixture.db``), no
clock is drawn, the cursor does not blink, facets are counted at once (``FACET_DELAY`` 0),
and every screenshot waits for the workers first. Update with
``pytest tests/tui/test_facts_snapshots.py --snapshot-update`` after looking at the report.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from factscope.db.store import Store
from factscope.tui.app import FactscopeApp
from factscope.tui.panes.facts import screen as facts_module
from factscope.tui.widgets.search_box import QueryBox
from tests.tui.support import settle

SIZES = [(80, 24), (120, 40)]


@pytest.fixture(autouse=True)
def no_facet_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    """Facets wait for typing to pause; a snapshot must not race that timer."""
    monkeypatch.setattr(facts_module, "FACET_DELAY", 0.0)


def querying(query: str, *keys: str) -> Any:
    """run_before: put ``query`` in the search box, wait for the results, press ``keys``."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        pilot.app.screen.query_one(QueryBox).value = query
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
class TestFactsPane:
    def test_newest_facts(
        self, snap_compare: Any, fixture_store: Store, size: tuple[int, int]
    ) -> None:
        """An empty query: every fact, '13 of 13', facets by region and unit, the evidence."""
        app = FactscopeApp(fixture_store, initial_mode="facts")
        assert snap_compare(app, terminal_size=size, run_before=settle)

    def test_query_with_highlights(
        self, snap_compare: Any, fixture_store: Store, size: tuple[int, int]
    ) -> None:
        """'songj trade': matched word starts marked; the second result's sentence below."""
        app = FactscopeApp(fixture_store, initial_mode="facts")
        run_before = querying("songj trade", "down")
        assert snap_compare(app, terminal_size=size, run_before=run_before)

    def test_chinese_results(
        self, snap_compare: Any, fixture_store: Store, size: tuple[int, int]
    ) -> None:
        """'松江': CJK cells line up by cell width and the figure is marked in its sentence."""
        app = FactscopeApp(fixture_store, initial_mode="facts")
        assert snap_compare(app, terminal_size=size, run_before=querying("松江"))


def test_no_match(snap_compare: Any, fixture_store: Store) -> None:
    """A query that matches nothing says so in the table and in the status line."""
    app = FactscopeApp(fixture_store, initial_mode="facts")
    assert snap_compare(app, terminal_size=(80, 24), run_before=querying("zzzqx"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help_for_the_facts_pane(
    snap_compare: Any, fixture_store: Store, size: tuple[int, int]
) -> None:
    """F1: the keys first, then the pane's purpose and its query syntax."""
    app = FactscopeApp(fixture_store, initial_mode="facts")

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
