"""Pilot tests of the Compare pane on the seed corpus: picking by typing, the aligned table,
Enter to the evidence, copying a row, removing a region, including districts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.coordinate import Coordinate
from textual.message import Message
from textual.pilot import Pilot

from factscope.db.compare import CompareRow, Comparison
from factscope.db.models import Region
from factscope.db.store import Store
from factscope.tui.app import FactscopeApp
from factscope.tui.messages import OpenEvidence
from factscope.tui.output import comparison_rows
from factscope.tui.panes.compare.compare_table import (
    CompareTable,
    bar,
    cell_text,
    column_widths,
    label_lines,
)
from factscope.tui.panes.compare.evidence import empty_text
from factscope.tui.panes.compare.region_picker import Candidate, PickerInput, RegionPicker
from factscope.tui.panes.compare.render import (
    compared_first,
    evidence_text,
    row_citation,
    rows_context,
)
from factscope.tui.panes.compare.screen import CompareScreen
from factscope.tui.panes.reader.screen import ReaderScreen
from factscope.tui.panes.trend.screen import TrendScreen
from tests.tui.support import has_focus, settle


@pytest.fixture
def seeds(seed_db: Store) -> Store:
    """The seed database through the real import: its facts carry region ids."""
    assert seed_db.regions_with_facts(limit=1), "the import attributed no fact to a region"
    return seed_db


def compare_screen(app: FactscopeApp) -> CompareScreen:
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return screen


async def pick(pilot: Pilot[Any], *names: str) -> None:
    """Type each name (the picker has the focus, or takes it) and press Enter; two regions
    move the focus to the table."""
    for name in names:
        await pilot.press(*name)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    if isinstance(pilot.app.focused, PickerInput):
        await pilot.press("escape")  # an empty box: back to the table
        await settle(pilot)


def assert_keys_documented(app: FactscopeApp) -> None:
    """Every key factscope binds where the focus is now says what it does."""
    checked = [
        key
        for key, active in app.screen.active_bindings.items()
        if type(active.node).__module__.startswith("factscope.tui.")
    ]
    assert checked, "no factscope binding was active"
    for key in checked:
        assert app.screen.active_bindings[key].binding.description, key


async def test_picking_songjiang_and_sichuan_aligns_total_trade(seeds: Store) -> None:
    messages: list[Message] = []
    app = FactscopeApp(seeds, initial_mode="compare")
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        assert isinstance(app.focused, PickerInput), "the region search has the focus"
        assert_keys_documented(app)
        await pick(pilot, "songj", "sichuan")
        assert [c.region.id for c in screen.picked] == ["310117", "510000"]
        assert isinstance(app.focused, CompareTable)
        assert_keys_documented(app)
        comparison = screen.comparison
        assert comparison is not None
        first = comparison.rows[0]
        assert (first.metric, first.period, first.measure) == ("Total trade", "2020", "amount")
        songjiang, sichuan = first.cells["310117"], first.cells["510000"]
        assert songjiang is not None and sichuan is not None
        assert round(sichuan.ratio_to_base or 0, 2) == 2.62
        table = screen.table
        widths = column_widths(table.size.width, 2)
        assert table.size.width <= 80 and widths.region >= 20, "two regions fit at 80 columns"
        base_cell = cell_text(first, screen.picked[0].region, True, widths.region, 8e11).plain
        other = cell_text(first, screen.picked[1].region, False, widths.region, 8e11).plain
        assert "305.57 bn CNY" in base_cell and "+13.1%" in base_cell
        assert "800 bn CNY" in other and "×2.62" in other and "█" in other

        await pilot.press("right")
        await settle(pilot)
        assert table.selected is not None and table.selected[1].id == "510000"
        evidence = str(screen.query_one("#evidence-text").render())
        assert "800 billion yuan" in evidence and "×2.62 of Songjiang District" in evidence

        await pilot.press("enter")
        await settle(pilot)
        # The hook sees a message once per node it bubbles through: count distinct ones.
        [opened] = list({id(m): m for m in messages if isinstance(m, OpenEvidence)}.values())
        assert opened.fact_id == sichuan.fact.id and opened.doc_id == sichuan.fact.doc_id
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.document is not None and reader.document.id == sichuan.fact.doc_id
        assert reader.reader.selected_fact is not None
        assert reader.reader.selected_fact.id == sichuan.fact.id


async def test_copy_remove_and_districts(seeds: Store) -> None:
    app = FactscopeApp(seeds, initial_mode="compare")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        await pick(pilot, "song", "sic")
        await pilot.press("ctrl+y")
        await settle(pilot)
        copied = app.clipboard
        assert copied.startswith("Total trade, 2020 — Songjiang District: 305.57 bn CNY")
        assert "Sichuan Province: >800 bn CNY, ×2.62 of Songjiang District" in copied
        assert "800 billion yuan" in copied and "305.57 billion yuan" in copied

        rows_before = len(screen.comparison.rows) if screen.comparison else 0
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert screen.include_children
        assert screen.comparison is not None
        rolled = [
            c
            for r in screen.comparison.rows
            for c in r.cells.values()
            if c is not None and c.region_name not in ("Songjiang District", "Sichuan Province")
        ]
        assert rolled, "districts' figures appear under their province"
        assert len(screen.comparison.rows) > rows_before

        await pilot.press("right", "delete")
        await settle(pilot)
        assert [c.region.id for c in screen.picked] == ["310117"]
        assert screen.comparison is not None
        assert [r.id for r in screen.comparison.regions] == ["310117"]


async def test_ctrl_f_filters_the_rows(seeds: Store) -> None:
    app = FactscopeApp(seeds, initial_mode="compare")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        await pick(pilot, "songj", "sichuan")
        assert screen.comparison is not None and screen.unfiltered is not None
        everything = len(screen.unfiltered.rows)
        await pilot.press("ctrl+f", *"trade 2020")
        await settle(pilot)
        rows = screen.comparison.rows
        assert 0 < len(rows) < everything
        assert all(
            r.period == "2020" and "trade" in f"{r.metric} {r.metric_type}".lower() for r in rows
        )
        status = str(screen.status_line.render())
        assert f"{len(rows)} of {everything} rows match 'trade 2020'" in status
        await pilot.press("enter")
        assert isinstance(app.focused, CompareTable)
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert app.clipboard.startswith("Total trade, 2020"), "copy takes a shown row"
        await pilot.press("ctrl+f", "escape")
        await settle(pilot)
        assert screen.comparison is not None and len(screen.comparison.rows) == everything
        await pilot.press("escape")
        assert isinstance(app.focused, CompareTable)
        assert not screen.has_class("-filtering"), "an empty filter hides itself"


def test_rows_context_counts_the_filtered_rows() -> None:
    """The status line under a row filter (the filter itself: tests/test_db_compare_filter)."""
    rows = [
        CompareRow(metric=metric, metric_type=kind, period=None, measure="amount", cells={})
        for metric, kind in (("Total trade", "trade_total"), ("Exports", "exports"))
    ]
    met = "2 regions · 1 of 3 rows match 'trade', 1 where all meet"
    assert rows_context(2, rows[:1], 3, "trade") == met  # no cell is missing: all meet
    assert rows_context(1, rows, 3, " ") == "1 region · 2 rows · type a name to add another region"


async def test_picker_lists_facts_first_and_delete_removes(seeds: Store) -> None:
    app = FactscopeApp(seeds, initial_mode="compare")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        picker = screen.query_one(RegionPicker)
        suggested = [c.region.name for c in picker.candidates]
        assert suggested[:3] == [
            "Songjiang District",
            "Hongqiao International Central Business District",
            "Sichuan Province",
        ]
        await pilot.press(*"song")
        await settle(pilot)
        assert picker.candidates[0].region.name == "Songjiang District", "facts first"
        assert picker.candidates[0].parents == ("Shanghai", "China")
        assert picker.candidates[-1].facts == 0
        await pilot.press("enter", "escape")
        await settle(pilot)
        assert [c.region.id for c in screen.picked] == ["310117"]
        assert isinstance(app.focused, CompareTable)
        await pilot.press("delete")
        await settle(pilot)
        assert screen.picked == []
        assert isinstance(app.focused, PickerInput)


async def test_at_most_four_regions(seeds: Store) -> None:
    app = FactscopeApp(seeds, initial_mode="compare")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        for name in ("Songjiang", "Sichuan", "Hongqiao", "China"):
            screen.add_region(screen.find_candidates(name)[0])
            await settle(pilot)
        await pilot.press(*"mian", "enter")
        await settle(pilot)
        assert len(screen.picked) == 4
        assert screen.query_one(RegionPicker).search_box.value == "mian", "not added"
        assert screen.table.virtual_size.width <= screen.table.size.width, "four fit at 80"
        widths = column_widths(screen.table.size.width, 4)
        assert widths.region >= len("1.47 tn CNY") and widths.period >= len("2020-Q1")


def test_render_helpers_on_a_hand_made_comparison(seeds: Store) -> None:
    comparison: Comparison = seeds.compare(["310117", "510000"])
    row = comparison.rows[0]
    exported = comparison_rows(comparison)
    assert exported[0]["region"] == "Songjiang District" and exported[0]["value"] == 305.57e9
    assert set(exported[0]) >= {"ratio_to_base", "converted_value", "comparable", "fact_id"}
    text = evidence_text(comparison, row, comparison.regions[1], row.cells["510000"], None)
    assert "800 bn CNY" in text.plain
    assert row_citation(comparison, row, {}).startswith("Total trade, 2020")
    assert bar(0.5, 4) == "██  " and bar(0, 3) == "   " and bar(1, 2) == "██"


async def test_a_region_name_typed_at_the_table_lands_in_the_box(seeds: Store) -> None:
    """Letters typed at the table search for a region, keys in a burst included: "sichuan"
    holds letters that were once the districts and remove keys."""
    app = FactscopeApp(seeds, initial_mode="compare")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        await pick(pilot, "songj", "hongqiao")
        assert app.focused is screen.table
        for character in "sichuan":
            screen.table.post_message(events.Key(character, character))
        await settle(pilot)
        assert screen.picker.search_box.value == "sichuan"
        assert has_focus(app, screen.picker.search_box)
        assert screen.include_children is False and len(screen.picked) == 2


async def test_enter_adds_the_region_typed_even_in_a_burst(seeds: Store) -> None:
    """ "Hefei⏎" typed faster than the search: Enter adds Hefei, not the stale top entry."""
    app = FactscopeApp(seeds, initial_mode="compare")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        for key in [*"Hefei", "enter"]:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await settle(pilot)
        assert [c.region.name for c in screen.picked] == ["Hefei"]


async def test_a_region_not_in_the_database_is_never_the_base(seeds: Store) -> None:
    """Picked first but unknown to the database (a zone named in no stored document), it
    cannot be the base of the ratios: the first compared region is, and the table says so."""
    app = FactscopeApp(seeds, initial_mode="compare")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        nowhere = Region(id="zone:nowhere", name="Nowhere Zone", level="zone")
        screen.add_region(Candidate(nowhere, (), 0))
        await settle(pilot)
        for name in ("songj", "sichuan"):
            screen.add_region(screen.find_candidates(name)[0])
            await settle(pilot)
        assert [c.region.id for c in screen.picked] == ["zone:nowhere", "310117", "510000"]
        assert screen.comparison is not None
        assert [r.id for r in screen.comparison.regions] == ["310117", "510000"]
        assert [r.id for r in screen.table.regions] == ["310117", "510000", "zone:nowhere"]
        assert "Nowhere Zone has no facts in the database" in screen.comparison.notes


def test_candidates_with_more_facts_come_first(tmp_path: Path) -> None:
    """On the demo corpus "songj" offers the district (many facts) before its bonded zone."""
    from factscope.importers import import_paths
    from factscope.tui.panes.compare.candidates import CandidateFinder
    from tests.conftest import SAMPLES

    with Store.open(tmp_path / "demo.db") as store:
        assert import_paths([SAMPLES], store, recursive=True).ok
        found = CandidateFinder(store).find("songj")
        with_facts = [c for c in found if c.facts]
        assert with_facts[0].region.name == "Songjiang District"
        assert [c.facts for c in with_facts] == sorted((c.facts for c in with_facts), reverse=True)
        assert any("Bonded Zone" in c.region.name for c in with_facts[1:])


def test_the_evidence_panel_says_why_it_is_empty() -> None:
    assert "Pick regions" in empty_text(False, None).plain
    assert empty_text(True, None).plain == "Comparing…"
    nothing = Comparison(regions=[], rows=[], notes=["[bold]Atlantis has no facts"])
    text = empty_text(True, nothing)
    assert text.plain.splitlines() == [
        "No figures to compare for these regions.",
        "• [bold]Atlantis has no facts",
    ], "notes are shown literally, never as markup"


def test_compared_first_moves_regions_without_facts_behind() -> None:
    """A picked region the comparison left out (no facts) cannot be the base: it goes last."""
    a, b, c = (Region(id=name, name=name.title(), level="zone") for name in ("a", "b", "c"))
    comparison = Comparison(regions=[c, a], rows=[])
    assert [r.id for r in compared_first([a, b, c], comparison)] == ["a", "c", "b"]
    assert compared_first([], comparison) == []


async def test_the_readme_samples_show_the_labels_the_cli_prints(tmp_path: Path) -> None:
    """The Compare pane at 80x24 on the README's samples: the same row labels as
    ``factscope compare`` (a share row says so), and a missing cell's evidence says which
    row it is about, with the note the CLI prints."""
    from factscope.importers import import_paths
    from tests.conftest import SAMPLES

    store = Store.open(str(tmp_path / "try.db"))
    assert import_paths([SAMPLES], store).imported
    expected = store.compare(["310117", "510000"])
    app = FactscopeApp(store, initial_mode="compare")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        await pick(pilot, "songj", "sichuan")
        assert screen.comparison is not None
        table = screen.table
        # The label wraps onto two lines (spaces aside, the same text); a long one is cut: …
        labels = [
            "".join(table.get_cell_at(Coordinate(i, 0)).plain.split())
            for i in range(table.row_count)
        ]
        assert len(labels) == len(expected.rows)
        for label, row in zip(labels, expected.rows, strict=True):
            assert "".join(row.metric.split()).startswith(label.removesuffix("…")), label
        assert "Exports(share)" in labels and not any("·" in label for label in labels)
        share = labels.index("Exports(share)")
        table.move_cursor(row=share, column=3)  # Sichuan: no share of exports
        await settle(pilot)
        evidence = " ".join(str(screen.query_one("#evidence-text").render()).split())
        assert "Sichuan Province · Exports (share) 2020: no figure" in evidence
        assert "has no figure for" not in evidence, "the note repeats the first line"
        exports = [(r.metric, r.period) for r in expected.rows].index(("Exports", "2021"))
        table.move_cursor(row=exports, column=2)  # Songjiang: none for 2021
        await settle(pilot)
        evidence = " ".join(str(screen.query_one("#evidence-text").render()).split())
        assert "Songjiang District · Exports 2021: no figure" in evidence
        assert "• nearest: Exports 2020, also in this table" in evidence
        table.move_cursor(row=share, column=3)
        await settle(pilot)
        await pilot.press("ctrl+t")  # the trend of the row's own figures: the share
        await settle(pilot, rounds=5)
        trend = app.screen
        assert isinstance(trend, TrendScreen) and trend.trend is not None
        assert trend.trend.label == "Exports (share)"
        values = [v.fact.quote for s in trend.trend.series for p in s.points for v in p.values]
        assert values == ["40 percent"]
    store.close()


@pytest.mark.parametrize(
    ("label", "measure", "width", "lines"),
    [
        ("Exports (share)", "(share)", 16, ("Exports (share)", "")),  # fits: as is
        ("Trade with a partner (share)", "(share)", 16, ("Trade with a", "partner (share)")),
        ("Trade with a partner (share)", "(share)", 10, ("Trade wit…", "(share)")),
        ("Total trade (share)", "(share)", 10, ("Total tra…", "(share)")),
        (
            "Industry scale: industrial output of companies (threshold)",
            "(threshold)",
            30,
            ("Industry scale: industrial", "output of compani… (threshold)"),
        ),
        ("Trade with a partner", None, 10, ("Trade with", "a partner")),
        # a measure wider than the column loses its brackets before a letter of itself
        ("Total trade (threshold)", "(threshold)", 10, ("Total tra…", "threshold")),
        ("Exports (difference)", "(difference)", 10, ("Exports", "difference")),
        (
            "Trade with a partner (share, outlook)",
            "(share, outlook)",
            16,
            ("Trade with a pa…", "(share, outlook)"),
        ),
    ],
)
def test_a_cut_label_keeps_its_measure(
    label: str, measure: str | None, width: int, lines: tuple[str, str]
) -> None:
    """Four regions leave the metric 10 cells: "Trade with a partner" the amount and the
    share must not both read "Trade with a pa…"."""
    assert label_lines(label, measure, width) == lines
