"""Pilot tests of the Facts pane: search as you type, evidence, open, copy, export, facets."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any, cast

import pytest
from textual import events
from textual.message import Message
from textual.pilot import Pilot

from factscope.db.errors import StoreError
from factscope.db.factquery import parse_fact_query
from factscope.db.factsearch import matched_terms
from factscope.db.models import FactHit, FactResults
from factscope.db.store import Store
from factscope.tui import render
from factscope.tui.app import FactscopeApp
from factscope.tui.messages import OpenEvidence
from factscope.tui.panes.facts import screen as facts_module
from factscope.tui.panes.facts.evidence import EvidenceView
from factscope.tui.panes.facts.facets import FacetBar
from factscope.tui.panes.facts.fact_table import FactTable, fact_cells, match_pattern
from factscope.tui.panes.facts.screen import FactsScreen
from factscope.tui.panes.facts.view import (
    describe,
    export_rows,
    export_what,
    facet_refusal,
    no_results,
    toggle_tokens,
)
from factscope.tui.panes.reader.document_reader import DocumentReader
from factscope.tui.panes.reader.screen import ReaderScreen
from factscope.tui.render import MATCH_STYLE
from factscope.tui.screens.export import PathInput, PathScreen
from factscope.tui.widgets.search_box import QueryBox
from factscope.tui.widgets.status_line import StatusLine
from tests.tui.support import has_focus, settle


@pytest.fixture(autouse=True)
def no_facet_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    """Facets wait for typing to pause; tests need not wait."""
    monkeypatch.setattr(facts_module, "FACET_DELAY", 0.0)


def keys(text: str) -> list[str]:
    """Key names that type ``text``."""
    return ["space" if char == " " else char for char in text]


async def search(pilot: Pilot[Any], query: str, *, typed: bool = False) -> FactsScreen:
    """Enter ``query`` (key by key when ``typed``: the box has the focus), await the results."""
    await settle(pilot)
    if typed:
        await pilot.press(*keys(query))
    else:
        pilot.app.screen.query_one(QueryBox).value = query
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, FactsScreen)
    return screen


def hits(app: FactscopeApp) -> list[FactHit]:
    return app.screen.query_one(FactTable).hits


def evidence_text(app: FactscopeApp) -> str:
    view = app.screen.query_one(EvidenceView)
    lines = view.render_lines(view.region.reset_offset)
    return " ".join(strip.text.strip() for strip in lines)


def table_text(app: FactscopeApp) -> str:
    table = app.screen.query_one(FactTable)
    return "\n".join(table.render_line(y).text for y in range(table.size.height))


def status_text(app: FactscopeApp) -> str:
    return str(app.screen.query_one(StatusLine).render())


async def test_songj_trade_2020_finds_the_trade_total_with_its_sentence(seed_db: Store) -> None:
    app = FactscopeApp(seed_db, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await search(pilot, "songj trade 2020", typed=True)
        first = hits(app)[0].fact
        assert first.normalized == pytest.approx(305.57e9)
        assert first.unit == "CNY"
        assert "305.57 billion yuan" in evidence_text(app)
        assert "305.57 bn CNY" in table_text(app)


async def test_a_corrected_word_is_highlighted_as_found(fixture_store: Store) -> None:
    """ "songjaing" is searched as "songjiang": the table marks the word the search found."""
    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await search(pilot, "songjaing")
        assert hits(app)
        table = app.screen.query_one(FactTable)
        cells = fact_cells(hits(app)[0], 80, table.pattern)
        marked = [cells.plain[s.start : s.end] for s in cells.spans if s.style == MATCH_STYLE]
        assert marked and {m.casefold() for m in marked} == {"songjiang"}


async def test_region_token_filters(seed_db: Store) -> None:
    app = FactscopeApp(seed_db, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await search(pilot, "region:sichuan")
        found = hits(app)
        assert found
        assert {h.fact.region for h in found} <= {
            "Sichuan Province",  # and places inside it, found through their parent chain:
            "Longquanyi District",
            "Mianyang",
            "Suining Economic and Technological Development Zone",
            "Yibin Lingang Economic and Technological Development Zone",
        }
        assert found[0].fact.region == "Sichuan Province"


async def test_a_query_without_matches_says_so(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await search(pilot, "zzzqx")
        assert hits(app) == []
        table = app.screen.query_one(FactTable)
        assert "No facts match 'zzzqx'" in table.message
        assert "No facts match" in table.render_line(1).text
        assert "no facts match 'zzzqx'" in status_text(app)


async def test_empty_query_shows_every_fact_and_the_status_says_n_of_m(
    fixture_store: Store,
) -> None:
    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert len(hits(app)) == 13
        assert "13 of 13 facts, newest first" in status_text(app)
        await search(pilot, "songj")
        assert 0 < len(hits(app)) < 13, "the query filters"
        assert f"{len(hits(app))} of {len(hits(app))} facts for 'songj'" in status_text(app)


def test_status_is_honest_about_caps() -> None:
    some = FactResults(hits=[], total=0)
    assert describe("x", some) == "no facts match 'x'"
    unread = cast(list[FactHit], [None] * 1000)  # only their number is read
    capped = FactResults.model_construct(hits=unread, total=10_000, capped=True)
    assert describe("trade", capped) == "1,000 of 10,000+ facts for 'trade'"
    assert describe("", capped) == "1,000 of 10,000+ facts, newest first"
    assert export_what(1000, capped, "trade") == "1,000 figures (of 10,000+ matches) for 'trade'"
    assert export_what(3, FactResults(hits=[], total=3), "") == "3 figures (of 3 matches)"


def test_facets_that_cannot_be_tokens_say_why() -> None:
    assert facet_refusal("region", "(none)") == "Facts without a region cannot be filtered for."
    assert "several words" in facet_refusal("unit", "square metres")
    assert facet_refusal("unit", "CNY") == "" and facet_refusal("region", "Sichuan Province") == ""


def test_export_rows_read_each_document_once(fixture_store: Store) -> None:
    hits = fixture_store.search_facts("songj", limit=100).hits
    assert len({h.fact.doc_id for h in hits}) < len(hits), "several figures per document"
    asked: list[str] = []

    def text_of(doc_id: str) -> str:
        asked.append(doc_id)
        return fixture_store.document(doc_id).text

    rows = export_rows(hits, text_of)
    assert sorted(asked) == sorted({h.fact.doc_id or "" for h in hits})
    assert [r["fact_id"] for r in rows] == [h.fact.id for h in hits]
    assert all(r["figure"] in r["sentence"] for r in rows if r["figure"])


async def test_enter_opens_the_reader_at_the_figure(seed_db: Store) -> None:
    messages: list[Message] = []
    app = FactscopeApp(seed_db, initial_mode="facts")
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await search(pilot, "songj trade 2020")
        fact = hits(app)[0].fact
        await pilot.press("enter")  # the box keeps the focus: Enter opens the highlighted row
        await settle(pilot)
        # The hook sees the message at the screen and again where it bubbles to the app.
        [opened] = {id(m): m for m in messages if isinstance(m, OpenEvidence)}.values()
        assert (opened.doc_id, opened.fact_id) == (fact.doc_id, fact.id)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.pause()
        selected = app.screen.query_one(DocumentReader).selected_fact
        assert selected is not None and selected.id == fact.id


async def test_ctrl_y_copies_the_citation(seed_db: Store) -> None:
    app = FactscopeApp(seed_db, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await search(pilot, "songj trade 2020")
        await pilot.press("ctrl+y")
        await settle(pilot)
        citation = app.clipboard
        head, sentence, _source = citation.splitlines()
        assert head.startswith("305.57 billion CNY, 2020, Songjiang District (+13.1%")
        assert "305.57 billion yuan" in sentence, "the sentence is quoted"
        # the same citation as the reader's and the Compare pane's
        hit = seed_db.search_facts("songj trade 2020").hits[0]
        doc = seed_db.document(hit.fact.doc_id or "")
        assert citation == render.citation(hit.fact, doc, doc.text)


async def test_stale_results_are_dropped(
    fixture_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow search for 'songj' finishes after the one for 'songj 42'; only the last shows."""
    slow_started, release = threading.Event(), threading.Event()
    original = fixture_store.search_facts

    def search_facts(query: str, **kwargs: Any) -> FactResults:
        if query == "songj":
            slow_started.set()
            release.wait(5)
        return original(query, **kwargs)

    monkeypatch.setattr(fixture_store, "search_facts", search_facts)
    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"songj")
        await pilot.pause()
        assert slow_started.wait(5)
        await pilot.press("space", "4", "2")
        await pilot.pause()
        release.set()
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FactsScreen)
        assert screen.query_text == "songj 42"
        assert [h.fact.quote for h in hits(app)] == []
        # And a late result of an older search is ignored outright.
        stale = screen.searches.generation - 1
        screen.searches.deliver(stale, "old", FactResults(hits=[], total=99))
        await settle(pilot)
        assert "no facts match 'songj 42'" in status_text(app)


async def test_two_fast_queries_leave_the_last_ones_results(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        box = app.screen.query_one(QueryBox)
        box.value = "songjiang"
        box.value = "percent"
        await settle(pilot)
        expected = fixture_store.search_facts("percent", limit=1000).hits
        assert expected and [h.fact.id for h in hits(app)] == [h.fact.id for h in expected]


async def test_chinese_and_hostile_text(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await search(pilot, "松江区")
        # Facts about the district first; then facts whose sentence merely names it.
        assert hits(app)[0].fact.region == "松江区"
        assert {h.fact.region for h in hits(app)} <= {"松江区", None}
        assert "3055.7亿元" in evidence_text(app)
        await pilot.press("escape", *"42")
        await settle(pilot)
        assert "[bold]Mar" in table_text(app), "document titles are shown literally"


async def test_facets_count_and_filter(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(FacetBar)
        assert bar.facets is not None
        assert ("Songjiang District", 5) in bar.facets.regions
        await pilot.press("ctrl+r", "enter")
        await settle(pilot)
        box = app.screen.query_one(QueryBox)
        assert box.value == "region:Songjiang-District"
        assert app.focused is box and box.cursor_position == len(box.value), "typing goes on"
        assert {h.fact.region for h in hits(app)} == {"Songjiang District"}


async def test_ctrl_s_exports_the_results_to_the_path_shown(fixture_store: Store) -> None:
    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await search(pilot, "songj trade")
        await pilot.press("ctrl+s", "down")  # CSV, then JSON
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PathScreen)
        path_box = dialog.query_one(PathInput)
        assert path_box.value == str(Path.cwd() / "factscope-facts.json"), "the full path"
        await pilot.press("enter")
        await settle(pilot)
        [path] = Path.cwd().glob("factscope-facts*.json")
        rows = json.loads(path.read_text(encoding="utf-8"))
        assert len(rows) == len(hits(app))
        assert rows[0]["value"] == "305.57 bn CNY"
        assert "305.57 billion yuan" in rows[0]["sentence"]


async def test_served_export_goes_to_the_browser_not_the_disk(
    fixture_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under `factscope serve` the dialog asks for a name and the rows reach Textual's
    deliver_text (textual-serve's download); nothing is written on the server. The real
    download through a browser is tested in tests/test_serve_browser.py."""
    delivered: list[tuple[str, str | None]] = []

    def deliver_text(file: Any, *, save_filename: str | None = None, **_: Any) -> str:
        delivered.append((file.read(), save_filename))
        return "key"

    app = FactscopeApp(fixture_store, initial_mode="facts")
    monkeypatch.setattr(FactscopeApp, "is_web", property(lambda _: True))
    monkeypatch.setattr(app, "deliver_text", deliver_text)
    async with app.run_test(size=(80, 24)) as pilot:
        await search(pilot, "songj trade")
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PathScreen)
        assert dialog.query_one(PathInput).value == "factscope-facts.csv", "a name, no folder"
        await pilot.press("enter")
        await settle(pilot)
    [(text, name)] = delivered
    assert name == "factscope-facts.csv"
    assert text.splitlines()[0].startswith("region,") and "305.57 bn CNY" in text
    assert not list(Path.cwd().glob("factscope-facts*")), "nothing on the server's disk"


@pytest.mark.parametrize(
    ("query", "text", "marked"),
    [
        ("songj trade", "Songjiang trade volume", ["Songj", "trade"]),
        ("rade", "trade", []),  # only at the start of a word
        ("region:sich >1e9", "Sichuan Province", ["Sich"]),
        ("松江", "2020年松江区", ["松江"]),  # CJK matches inside a run
        ("!trade 'exports", "exports trade", ["exports"]),
    ],
)
def test_match_pattern(query: str, text: str, marked: list[str]) -> None:
    pattern = match_pattern(matched_terms(parse_fact_query(query)))
    found = [m.group(0) for m in pattern.finditer(text)] if pattern else []
    assert found == marked


def test_toggle_tokens() -> None:
    assert toggle_tokens("trade", "region", "Sichuan Province") == "trade region:Sichuan-Province"
    assert toggle_tokens("trade region:sichuan-province", "region", "Sichuan Province") == "trade"
    assert toggle_tokens("", "unit", "CNY") == "unit:CNY"


async def test_a_failed_search_is_one_line_not_a_traceback(
    fixture_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(query: str, **kwargs: Any) -> FactResults:
        raise StoreError("fixture.db", "fts5: syntax error")

    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(fixture_store, "search_facts", broken)
        await search(pilot, "trade region:sichuan")
        assert hits(app) == []
        assert "The search failed: fts5: syntax error" in table_text(app)
        assert "search failed for 'trade region:sichuan'" in status_text(app)


async def test_letters_typed_at_the_facets_join_the_query(fixture_store: Store) -> None:
    """Wherever the focus moved (Tab to the facets), a letter is part of the query."""
    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"si", "tab")
        assert isinstance(app.focused, FacetBar)
        await pilot.press(*"ch")
        screen = app.screen
        assert isinstance(screen, FactsScreen)
        assert screen.search_box.value == "sich"
        assert has_focus(app, screen.search_box)


async def test_a_burst_of_keys_all_lands_in_the_query(fixture_store: Store) -> None:
    """Keys queued on the table before the box takes the focus still reach the query,
    bound ones (o, n, g, j) included: typing in a burst must not lose letters."""
    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FactsScreen)
        for character in "songj":
            screen.table.post_message(events.Key(character, character))
        await settle(pilot)
        assert screen.search_box.value == "songj"


async def test_the_pane_and_the_headless_command_rank_alike(
    fixture_store: Store, tmp_path: Path
) -> None:
    """`factscope facts Q --json` and the pane show the same facts in the same order."""
    from click.testing import CliRunner

    from factscope.tui.cli import main

    query = "trade"
    result = CliRunner().invoke(
        main, ["facts", query, "--json", "--limit", "1000", "--db", str(tmp_path / "fixture.db")]
    )
    assert result.exit_code == 0, result.output
    headless = [record["id"] for record in json.loads(result.stdout)]
    assert headless
    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await search(pilot, query)
        assert [hit.fact.id for hit in hits(app)] == headless


async def test_facets_wait_for_the_query_to_settle_then_count_once(
    fixture_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Results cut at 2 are not every match, so the store counts the facets: only for the
    last query of a burst, and only once it has stayed unchanged for FACET_DELAY."""
    monkeypatch.setattr(facts_module, "RESULT_LIMIT", 2)
    monkeypatch.setattr(facts_module, "FACET_DELAY", 0.3)
    counted: list[str] = []
    original = fixture_store.fact_facets

    def fact_facets(query: str, **kwargs: Any) -> Any:
        counted.append(query)
        return original(query, **kwargs)

    monkeypatch.setattr(fixture_store, "fact_facets", fact_facets)
    app = FactscopeApp(fixture_store, initial_mode="facts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        box = app.screen.query_one(QueryBox)
        counted.clear()
        for query in ("s", "so", "songj"):
            box.value = query
        bar = app.screen.query_one(FacetBar)
        for _ in range(50):
            await pilot.pause(0.1)
            if counted and not bar.stale:
                break
        await settle(pilot)
        assert counted == ["songj"]
        assert bar.facets is not None and ("Songjiang District", 5) in bar.facets.regions


def test_no_results_names_the_query_or_the_import_command() -> None:
    assert no_results("trad\x1b[31m") == "No facts match 'trad'. Escape clears the query."
    assert no_results("") == "No facts yet. Import some with: factscope import PATH"
