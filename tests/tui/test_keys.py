"""The keyboard model (issue 14): typing always types, Enter opens, Escape goes back.

Keys reach the app as a terminal sends them: one at a time, each handled before the next
("human speed", :meth:`Pilot.press`), or all queued at once before any is handled ("a burst",
posted straight to the driver as a fast typist or a paste in a terminal without bracketed
paste would).
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.command import CommandInput, CommandPalette
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Input

from factscope.db.models import RawDocument, StoreStats
from factscope.db.store import Store
from factscope.tui.app import FactscopeApp
from factscope.tui.panes.compare.screen import CompareScreen
from factscope.tui.panes.documents.screen import DocumentsScreen
from factscope.tui.panes.facts import screen as facts_module
from factscope.tui.panes.facts.facets import FacetBar
from factscope.tui.panes.facts.fact_table import FactTable
from factscope.tui.panes.facts.screen import FactsScreen
from factscope.tui.panes.reader.screen import ReaderScreen
from factscope.tui.screens.export import PathInput, PathScreen
from factscope.tui.widgets.status_line import StatusLine
from tests.tui.support import is_showing, settle

PRINTABLE = "".join(chr(code) for code in range(32, 127))
"""Every printable ASCII character, space to tilde."""
CJK = "松江区外贸进出口总额"
ONCE_COMMANDS = "region:sichuan e c y s /x ?松江"
"""The keys that were commands before typing always typed, with some Chinese: what the
default run types at human speed (all of PRINTABLE at human speed is a slow test)."""
TEXTS = [
    pytest.param(PRINTABLE + CJK, True, id="all-burst"),
    pytest.param(ONCE_COMMANDS, False, id="commands-human-speed"),
    pytest.param(PRINTABLE + CJK, False, id="all-human-speed", marks=pytest.mark.slow),
]
PANES = {"documents": DocumentsScreen, "facts": FactsScreen, "compare": CompareScreen}


@pytest.fixture(autouse=True)
def no_facet_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    """Facets wait for typing to pause; tests need not wait."""
    monkeypatch.setattr(facts_module, "FACET_DELAY", 0.0)


def key_event(character: str) -> events.Key:
    """The key event a terminal sends for ``character``."""
    return events.Key(_character_to_key(character), character)


async def type_text(pilot: Pilot[Any], text: str, *, burst: bool) -> None:
    """Type ``text``: key by key, or every key queued before the first is handled."""
    app = pilot.app
    if burst:
        assert app._driver is not None
        for character in text:
            app._driver.send_message(key_event(character))
    else:
        for character in text:
            app._driver.send_message(key_event(character))  # type: ignore[union-attr]
            await pilot.pause()
    await settle(pilot)


def files(directory: Path) -> set[str]:
    """Names in ``directory`` other than the database's own files."""
    return {p.name for p in directory.iterdir() if ".db" not in p.name}


@pytest.mark.parametrize(("text", "burst"), TEXTS)
@pytest.mark.parametrize("mode", list(PANES))
async def test_every_printable_key_types_into_the_query(
    fixture_store: Store, tmp_path: Path, mode: str, text: str, burst: bool
) -> None:
    """All of ASCII and some Chinese, typed into each pane's query: the query is exactly
    what was typed, and nothing else happened (no dialog, no focus change, no file)."""
    app = FactscopeApp(fixture_store, initial_mode=mode)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen, box = app.screen, app.focused
        assert isinstance(screen, PANES[mode]) and isinstance(box, Input)
        await type_text(pilot, text, burst=burst)
        assert box.value == text
        assert app.screen is screen and app.focused is box, "no dialog, no focus change"
        assert len(app.screen_stack) == 1
    assert files(tmp_path) == set(), "no file written"


@pytest.mark.parametrize(("text", "burst"), TEXTS)
async def test_every_printable_key_types_into_the_palette(
    fixture_store: Store, tmp_path: Path, text: str, burst: bool
) -> None:
    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await type_text(pilot, text, burst=burst)
        assert palette.query_one(CommandInput).value == text
        assert app.screen is palette
    assert files(tmp_path) == set()


async def test_ctrl_p_opens_the_palette_in_every_pane_and_in_the_reader(
    fixture_store: Store,
) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in ("f2", "f3", "f4"):
            await pilot.press(key, "ctrl+p")
            await settle(pilot)
            assert isinstance(app.screen, CommandPalette), key
            await pilot.press("ctrl+p")  # a second ctrl+p: still one palette
            await settle(pilot)
            assert sum(isinstance(s, CommandPalette) for s in app.screen_stack) == 1
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("f2", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("colon")  # no query box in the reader: ':' is the palette too
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)


async def test_colon_f3_colon_does_not_crash(fixture_store: Store) -> None:
    """Found by random keys: ':' (palette), F3, ':' raised DuplicateIds."""
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the reader, where ':' is the palette
        await settle(pilot)
        await pilot.press("colon", "f3")
        await settle(pilot)
        assert isinstance(app.screen, FactsScreen), "F3 closed the palette and switched"
        await pilot.press("f2", "colon", "colon")
        await settle(pilot)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        assert palette.query_one(CommandInput).value == ":"


async def test_a_burst_of_two_colons_types_the_second_into_the_palette(
    fixture_store: Store,
) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await type_text(pilot, "::", burst=True)
        await settle(pilot)
        palettes = [s for s in app.screen_stack if isinstance(s, CommandPalette)]
        assert len(palettes) == 1
        assert palettes[0].query_one(CommandInput).value == ":"


async def test_ctrl_c_quits_cleanly(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"sich", "ctrl+c")
        await pilot.pause()
    assert app.return_code == 0
    assert not [n for n in app._notifications if "[b]" in n.message], "no raw markup"


async def test_escape_goes_back_to_the_pane_that_opened_the_reader(
    fixture_store: Store,
) -> None:
    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"songj", "down", "down")
        await settle(pilot)
        facts = app.screen
        assert isinstance(facts, FactsScreen)
        cursor = facts.table.cursor
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("slash", *"trade")
        await settle(pilot)
        await pilot.press("escape", "escape")  # clear the find, close the bar
        assert isinstance(app.screen, ReaderScreen), "the find bar was the innermost thing"
        await pilot.press("escape")
        await settle(pilot)
        assert is_showing(app, facts), "back where the user came from"
        assert facts.search_box.value == "songj" and facts.table.cursor == cursor
        await pilot.press("escape")  # clears the query
        assert facts.search_box.value == "" and is_showing(app, facts)
        await pilot.press("f4", "escape")  # an empty query: back to the previous pane
        await settle(pilot)
        assert is_showing(app, facts)


async def test_enter_opens_a_result_of_the_query_typed_even_in_a_burst(
    fixture_store: Store,
) -> None:
    """Enter typed right behind the query opens that query's first result, not the row
    that was highlighted before its results came."""
    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        expected = fixture_store.search_facts("1600").hits[0].fact
        assert app.screen.query_one(FactTable).hits[0].fact.id != expected.id
        await type_text(pilot, "1600", burst=True)
        app._driver.send_message(events.Key("enter", "\r"))  # type: ignore[union-attr]
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.reader.selected_fact is not None
        assert reader.reader.selected_fact.id == expected.id


async def test_the_status_counts_follow_another_process_importing(
    fixture_store: Store, tmp_path: Path
) -> None:
    """A second connection (as another process would) adds a document: within a poll
    the status line counts it, without a key pressed."""
    app = FactscopeApp(fixture_store)
    app.POLL_SECONDS = 0.1  # type: ignore[misc]  # this app's poll only, not the class's
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        status = app.screen.query_one(StatusLine)
        assert "5 docs" in str(status.render())
        with Store.open(tmp_path / "fixture.db") as writer:
            sixth = RawDocument(text="A sixth note.\n", title="Sixth", source="/x/6.txt")
            writer.add_document(sixth, [])
        for _ in range(50):
            await pilot.pause(0.1)
            if "6 docs" in str(status.render()):
                break
        assert "6 docs" in str(status.render())


async def test_the_counts_are_read_again_only_when_the_database_changed(
    fixture_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The poll itself is one PRAGMA; counting (a scan of two tables) waits for a change."""
    counted: list[int] = []
    stats = fixture_store.stats

    def counting() -> StoreStats:
        counted.append(1)
        return stats()

    monkeypatch.setattr(fixture_store, "stats", counting)
    app = FactscopeApp(fixture_store)
    app.POLL_SECONDS = 0.05  # type: ignore[misc]  # this app's poll only, not the class's
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause(0.5)  # about ten polls
        await settle(pilot)
    assert len(counted) == 1, "counted once, at start"


async def test_the_screenshot_asks_where_and_works_without_downloads(
    fixture_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # a home with no ~/Downloads
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        [shot] = [c for c in app.get_system_commands(app.screen) if c.title == "Screenshot"]
        shot.callback()
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PathScreen)
        path = Path(dialog.query_one(PathInput).value)
        assert path.parent == tmp_path and path.suffix == ".svg", "the current directory"
        assert files(tmp_path) == set(), "nothing written before Enter"
        await pilot.press("enter")
        await settle(pilot)
    assert path.read_text(encoding="utf-8").startswith("<svg")


async def test_a_served_screenshot_goes_to_the_browser(
    fixture_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under `factscope serve` the SVG is handed to deliver_text (a browser download)."""
    delivered: list[tuple[str, str | None]] = []

    def deliver_text(file: Any, *, save_filename: str | None = None, **_: Any) -> str:
        delivered.append((file.read(), save_filename))
        return "key"

    app = FactscopeApp(fixture_store)
    monkeypatch.setattr(FactscopeApp, "is_web", property(lambda _: True))
    monkeypatch.setattr(app, "deliver_text", deliver_text)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        [shot] = [c for c in app.get_system_commands(app.screen) if c.title == "Screenshot"]
        shot.callback()
        await settle(pilot)
        assert not isinstance(app.screen, PathScreen), "no server path to ask for"
    [(svg, name)] = delivered
    assert svg.startswith("<svg") and name and name.endswith(".svg")
    assert files(tmp_path) == set(), "nothing on the server's disk"


async def test_facets_count_the_results_a_typo_finds(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"songjaing")  # a typo the ranking forgives
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FactsScreen) and screen.table.hits
        bar = screen.query_one(FacetBar)
        assert bar.facets is not None and bar.facets.regions, "not 'Region: –'"
        regions = dict(bar.facets.regions)
        assert sum(regions.values()) == len(screen.table.hits)


@pytest.mark.parametrize("mode", list(PANES))
async def test_the_pane_keys_stay_on_the_status_line_at_80_columns(
    fixture_store: Store, mode: str
) -> None:
    app = FactscopeApp(fixture_store, initial_mode=mode)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "a long query that fills the status line", burst=True)
        line = str(app.screen.query_one(StatusLine).render())
        others = [k for k, name in (("F2", "Documents"), ("F3", "Facts"), ("F4", "Compare"))
                  if name != PANES[mode].PANE]  # fmt: skip
        assert all(f"{key} " in line for key in others), line
        assert len(line) <= 80


def test_printable_covers_ascii() -> None:
    assert set(PRINTABLE) == set(string.printable) - set("\t\n\r\x0b\x0c")
