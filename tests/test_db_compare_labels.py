"""Row labels and notes of a comparison: what the README's example shows must be true.

The labels module is tested on its own words, then on the README's demo samples imported
for real (on each backend): rows that look alike are labelled apart, every note is true of
the row it names and names it as the table does, and no internal metric id reaches a user.
"""

from __future__ import annotations

import re

import pytest

from factscope.db import Fact, Region, Store
from factscope.db.compare import Comparison, compare_facts
from factscope.db.compare_labels import (
    MEASURE_WORDS,
    METRIC_LABELS,
    metric_label,
    row_label,
    row_title,
)

SONGJIANG, SICHUAN = "310117", "510000"
INTERNAL_IDS = [t for t in METRIC_LABELS if "_" in t]
"""Metric types that differ from their label: none may be shown."""


@pytest.mark.parametrize(
    ("metric_type", "measure", "phrase", "label"),
    [
        ("exports", "amount", "", "Exports"),
        ("exports", "share", "", "Exports (share)"),
        ("trade_total", "threshold", "", "Total trade (threshold)"),
        ("trade_total", "diff", "", "Total trade (difference)"),
        ("count", "amount", "cities", "Count: cities"),
        ("duration", "duration", "", "Duration"),  # the measure is not said twice
        ("retail_sales", "amount", "", "Retail sales"),  # an unknown type, in words
    ],
)
def test_row_label(metric_type: str, measure: str, phrase: str, label: str) -> None:
    assert row_label(metric_type, measure, phrase) == label


def test_an_outlook_says_so_beside_its_measure() -> None:
    assert row_label("count", "amount", outlook=True) == "Count (outlook)"
    assert row_label("gdp", "change", outlook=True) == "GDP (change, outlook)"


def test_a_figure_stated_before_its_period_is_an_outlook(any_samples_store: Store) -> None:
    """Hongqiao (in Shanghai), in a report of 2022: "officials expect the number of
    headquarters to exceed 500 by 2025" is no count for 2025: its row says outlook."""
    comparison = any_samples_store.compare(["310000", SICHUAN], include_children=True)
    [row] = [r for r in comparison.rows if r.period == "2025"]
    assert row.outlook and row.metric == "Count (outlook)"
    assert not any(r.outlook for r in comparison.rows if r is not row)


def test_every_measure_has_a_word_and_titles_say_no_period() -> None:
    from factscope.db.compare import SEPARATE_KINDS

    assert set(SEPARATE_KINDS) <= set(MEASURE_WORDS)
    assert row_title("Exports", "2021") == "Exports 2021"
    assert row_title("Count: cities", None) == "Count: cities, no period"
    assert metric_label("trade_with_partner") == "Trade with a partner"


@pytest.fixture
def samples(any_samples_store: Store) -> Comparison:
    """Songjiang against Sichuan on the README's demo samples, imported for real."""
    return any_samples_store.compare([SONGJIANG, SICHUAN])


def test_rows_that_look_alike_are_labelled_apart(samples: Comparison) -> None:
    titles = [row_title(r.metric, r.period) for r in samples.rows]
    assert len(titles) == len(set(titles)), titles
    share = [r for r in samples.rows if r.measure == "share" and r.metric_type == "exports"]
    assert [r.metric for r in share] == ["Exports (share)"]
    for row in samples.rows:
        word = MEASURE_WORDS.get(row.measure)
        assert word is None or word in row.metric.casefold(), row
    # "Trade passes 800 billion yuan" is Sichuan's 808.15 billion said again: one row.
    totals = [r for r in samples.rows if r.metric_type == "trade_total"]
    assert sorted(str(r.period) for r in totals) == ["2020", "2021"]
    for row in totals:
        sichuan = row.cells[SICHUAN]
        assert row.measure == "amount" and sichuan is not None and sichuan.value
        assert sichuan.value > 800e9
    # Sichuan's "3,800 companies" (hosted by trade bases) beside Songjiang's "1,200
    # foreign-invested companies": the row says companies, true of both.
    [count] = [r for r in samples.rows if r.metric_type == "count" and r.period == "2020"]
    assert count.cells[SONGJIANG] is not None and count.cells[SICHUAN] is not None
    assert count.metric == "Count: companies"
    sichuan = count.cells[SICHUAN]
    assert sichuan is not None and not sichuan.comparable and sichuan.ratio_to_base is None
    assert (
        sichuan.note == "different things (companies vs foreign-invested companies): not compared"
    )


def test_every_note_is_true_of_the_row_it_names(samples: Comparison) -> None:
    names = {r.id: r.name for r in samples.regions}
    shown = {row_title(r.metric, r.period): r for r in samples.rows}
    notes = [(row, note) for row in samples.rows for note in row.notes]
    assert notes, "the samples have gaps to explain"
    for row, note in notes:
        match = re.fullmatch(r"(.+?) has no figure for (.+?)(?:; nearest: (.+), also in .+)?", note)
        assert match, note
        region, title, nearest = match.groups()
        region_id = next(i for i, n in names.items() if n == region)
        assert title == row_title(row.metric, row.period)
        assert row.cells[region_id] is None, f"{note!r} but the row shows a figure"
        if nearest:
            assert shown[nearest].cells[region_id] is not None, note
            assert shown[nearest].metric == row.metric, note
        assert not any(i in note for i in INTERNAL_IDS), note


def _fact(kind: str, value: float, qualifier: str = "=") -> Fact:
    return Fact(
        id=int(value),
        start=0,
        end=1,
        quote=f"{value} billion yuan",
        number_quote=str(value),
        value=value,
        normalized=value * 1e9,
        unit="CNY",
        kind=kind,
        qualifier=qualifier,
        metric="foreign trade",
        metric_type="trade_total",
        period="2020",
        region_id=SICHUAN,
    )


@pytest.mark.parametrize(
    ("amount", "threshold", "qualifier", "rows"),
    [
        (808.15, 800, ">", ["Total trade"]),  # borne out: one row
        (750, 800, ">", ["Total trade", "Total trade (threshold)"]),  # contradicted: both
        (750, 800, "<", ["Total trade"]),  # "below 800 billion", borne out
        (None, 800, ">", ["Total trade (threshold)"]),  # the only figure: shown, labelled
    ],
)
def test_thresholds_fold_only_when_borne_out(
    amount: float | None, threshold: float, qualifier: str, rows: list[str]
) -> None:
    facts = [_fact("threshold", threshold, qualifier)]
    if amount is not None:
        facts.append(_fact("level", amount))
    region = Region(id=SICHUAN, name="Sichuan Province", level="province")
    comparison = compare_facts([region], {SICHUAN: facts}, [])
    assert sorted(r.metric for r in comparison.rows) == rows
