"""Pilot tests of the shell: panes as modes, help, the command palette, the status line."""

from __future__ import annotations

from textual.app import SystemCommand
from textual.widgets import Input

from factscope.db.store import Store
from factscope.tui.app import FactscopeApp
from factscope.tui.panes.compare.screen import CompareScreen
from factscope.tui.panes.documents.screen import DocumentsScreen
from factscope.tui.panes.facts.screen import FactsScreen
from factscope.tui.screens.help import HelpScreen
from factscope.tui.widgets.status_line import StatusLine
from tests.tui.support import settle


async def test_function_keys_switch_panes_even_from_a_search_box(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")  # a letter is text in the query, never a pane key
        assert isinstance(app.focused, Input) and app.focused.value == "c"
        assert isinstance(app.screen, FactsScreen)
        await pilot.press("f4")
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("f3")
        assert isinstance(app.screen, FactsScreen)
        await pilot.press("f2")
        assert isinstance(app.screen, DocumentsScreen)


async def test_help_opens_and_closes_and_lists_the_keys_first(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.markdown
        assert "| ^o | Sort |" in text and "| ⏎ | Open |" in text
        assert text.index("| ^o | Sort |") < text.index("| ↓ | Down |"), "the pane's keys first"
        assert text.index("| Keys |") < text.index("lists every imported document"), "keys first"
        await pilot.press("escape")
        assert isinstance(app.screen, DocumentsScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, DocumentsScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, DocumentsScreen), "? is typed into the search box"
        assert app.screen.search_box.value == "?"


async def test_every_binding_has_a_description(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        checked = []
        for screen in (app.screen, *app.screen_stack):
            for key, active in screen.active_bindings.items():
                if type(active.node).__module__.startswith("factscope.tui."):
                    assert active.binding.description, key
                    checked.append(key)
        assert checked, "no factscope binding was active"


async def test_palette_lists_the_panes_own_commands_first(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        commands: list[SystemCommand] = list(app.get_system_commands(app.screen))
        titles = [c.title for c in commands]
        assert titles[:3] == ["Copy", "Export", "Facets"], titles
        assert {"Go to Compare", "Help", "Screenshot"} <= set(titles)
        assert all(c.help != c.title for c in commands), "no help that repeats the title"
        [export] = [c for c in commands if c.title == "Export"]
        assert export.help.startswith("^s · "), "each command says its key"
        [go] = [c for c in commands if c.title == "Go to Compare"]
        go.callback()
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)


async def test_documents_palette_offers_the_sorts(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles[:2] == ["Sort", "Export"]
        assert "Sort documents by title" in titles


async def test_status_line_shows_database_and_counts(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        status = str(app.screen.query_one(StatusLine).render())
        assert "fixture.db" in status and "5 docs" in status and "13 facts" in status


async def test_notifications_show_markup_literally(fixture_store: Store) -> None:
    """Notifications quote document text: markup in it is text, and broken markup is safe."""
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.notify("Copied [bold]x[/bold] and [/broken")
        await pilot.pause()
        [notification] = list(app._notifications)
        assert notification.message == "Copied [bold]x[/bold] and [/broken"
        assert notification.markup is False
