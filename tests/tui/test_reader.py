"""Pilot tests of the reader: figures, the side panel, find, copy, hostile text, evidence."""

from __future__ import annotations

from factscope.db.store import Store
from factscope.tui.app import FactscopeApp
from factscope.tui.messages import OpenEvidence
from factscope.tui.panes.documents.screen import DocumentsScreen
from factscope.tui.panes.reader.document_reader import MATCH_LIMIT, DocumentReader, find_matches
from factscope.tui.panes.reader.fact_panel import FactPanel
from factscope.tui.panes.reader.screen import ReaderScreen
from factscope.tui.widgets.search_box import SearchBox
from tests.tui.support import HOSTILE, has_focus, settle


async def open_reader(pilot, title: str) -> ReaderScreen:  # type: ignore[no-untyped-def]
    """Open the document called ``title`` from the list."""
    await settle(pilot)
    app = pilot.app
    [doc] = [d for d in app.store.documents(limit=50) if d.title == title]
    await app.open_evidence(doc.id)
    await settle(pilot)
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def panel_text(screen: ReaderScreen) -> str:
    panel = screen.query_one(FactPanel)
    return "".join(strip.text for strip in panel.render_lines(panel.region.reset_offset))


async def test_n_selects_the_next_figure_and_the_panel_shows_it(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, "Songjiang trade keeps growing")
        reader = screen.query_one(DocumentReader)
        await pilot.press("n")
        await pilot.pause()
        assert reader.selected_fact is not None
        assert reader.selected_fact.quote == "305.57 billion yuan"
        await pilot.press("n")
        await pilot.pause()
        assert reader.selected_fact.quote == "US$47.27 billion"
        shown = panel_text(screen)
        assert "47.27 billion" in shown and "USD" in shown
        await pilot.press("N")
        await pilot.pause()
        assert reader.selected_fact.quote == "305.57 billion yuan"
        assert "Figure 1 of 7" in str(screen.query_one(FactPanel).border_title)


async def test_y_copies_a_citation(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reader(pilot, "Songjiang trade keeps growing")
        await pilot.press("n", "y")
        await pilot.pause()
        citation = app.clipboard
        for part in (
            "305.57 billion CNY",
            "2020",
            "Songjiang District",
            "Songjiang trade keeps growing",
            "/corpus/en/songjiang.txt",
            "came to 305.57 billion yuan",
        ):
            assert part in citation


async def test_y_without_a_selection_copies_nothing(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reader(pilot, "Songjiang trade keeps growing")
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == ""


async def test_markup_and_escapes_render_literally(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, "[bold]Markup[/bold] \x1b[31mtrap\x1b[0m")
        reader = screen.query_one(DocumentReader)
        lines = [reader.render_line(y).text for y in range(6)]
        shown = "\n".join(lines)
        assert "[bold]square brackets[/bold]" in shown
        assert "[red]colour tags[/]" in shown
        assert "\x1b" not in shown
        assert "red" in shown and "[31m" not in shown.replace(" ", "")
        title = screen.query_one("#reader-title").render()
        assert "[bold]Markup[/bold]" in str(title) and "\x1b" not in str(title)
        # The figure after the masked escape is still highlighted at its true offset.
        await pilot.press("n")
        await pilot.pause()
        fact = reader.selected_fact
        assert fact is not None and HOSTILE[fact.start : fact.end] == "42 percent"


async def test_find_highlights_and_steps_through_matches(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, "Songjiang trade keeps growing")
        reader = screen.query_one(DocumentReader)
        await pilot.press("slash", *"the")
        await settle(pilot)
        assert reader.match_position == (0, 4)
        assert reader.matched_query == "the"
        await pilot.press("enter")  # the next match; the box keeps the focus
        await pilot.pause()
        assert reader.match_position == (1, 4)
        assert isinstance(screen.focused, SearchBox)
        await pilot.press("tab")  # to the text, where n/N step, as in less and vim
        assert has_focus(screen, reader)
        await pilot.press("n", "n")
        assert reader.match_position == (3, 4)
        await pilot.press("N")
        assert reader.match_position == (2, 4)
        await pilot.press("escape")  # the find bar is the innermost thing: it closes
        assert isinstance(app.screen, ReaderScreen) and reader.match_position == (0, 0)
        assert not screen.query_one("#find-bar").display
        await pilot.press("n")  # without a find, n selects a figure and Copy is on
        assert reader.selected_fact is not None and screen.check_action("copy", ()) is True
        await pilot.press("escape")
        assert isinstance(app.screen, DocumentsScreen)


async def test_open_evidence_selects_the_fact(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        [doc] = [d for d in fixture_store.documents() if d.title == "松江区外贸稳步增长"]
        target = fixture_store.facts_for_document(doc.id)[3]
        app.screen.post_message(OpenEvidence(doc.id, target.id))
        await settle(pilot)
        await pilot.pause()
        assert app.current_mode == "documents"
        assert isinstance(app.screen, ReaderScreen)
        reader = app.screen.query_one(DocumentReader)
        assert reader.selected_fact is not None and reader.selected_fact.id == target.id
        assert "Figure 4 of 5" in str(app.screen.query_one(FactPanel).border_title)


async def test_open_evidence_in_a_long_document_scrolls_to_the_fact(seed_db: Store) -> None:
    app = FactscopeApp(seed_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        doc = max(seed_db.documents(), key=lambda d: d.fact_count)
        last = seed_db.facts_for_document(doc.id)[-1]
        await app.open_evidence(doc.id, last.id)
        await settle(pilot)
        await pilot.pause()
        reader = app.screen.query_one(DocumentReader)
        assert reader.selected_fact is not None and reader.selected_fact.id == last.id
        assert reader.scroll_offset.y > 0
        visible = "".join(reader.render_line(y).text for y in range(reader.size.height))
        assert " ".join(last.quote.split()) in " ".join(visible.split())


async def test_enter_right_after_typing_goes_to_the_first_match(fixture_store: Store) -> None:
    """Enter pressed before the find worker answers still acts on the whole query."""
    app = FactscopeApp(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, "Songjiang trade keeps growing")
        reader = screen.query_one(DocumentReader)
        await pilot.press("slash", *"the", "enter")
        assert reader.matched_query == "the"
        assert reader.match_position == (1, 4)


def test_find_stops_counting_at_the_limit() -> None:
    text = "Aa a " * 5000
    assert len(find_matches(text, "a")) == MATCH_LIMIT
    assert find_matches(text, "aA", limit=3) == [(0, 2), (5, 7), (10, 12)]
    assert find_matches("x(1)", "(1)") == [(1, 4)], "the query is text, not a pattern"
    assert find_matches(text, "") == []
