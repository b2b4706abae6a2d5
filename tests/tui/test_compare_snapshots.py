"""SVG snapshots of the Compare pane at 80x24 and 120x40.

A hand-made database (not the extractor's output, so the pictures change only when the pane
does): Songjiang in English with a bracketed US$ equivalent (an exchange rate the documents
state), Sichuan in Chinese and English, with a converted figure, a figure in euros that
cannot be compared, shares compared in percentage points and a gap year. The database path
is relative and the input cursor does not blink, so every run draws the same screen.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from factscope.db.models import Fact, RawDocument
from factscope.db.store import Store
from factscope.importers.gazetteer import Gazetteer
from factscope.tui.app import FactscopeApp
from factscope.tui.panes.compare.screen import CompareScreen
from tests.tui.support import settle

SIZES = [(80, 24), (120, 40)]
SONGJIANG = (
    "Songjiang foreign trade\n\n"
    "Imports and exports of the district came to 305.57 billion yuan in 2020 "
    "(US$47.27 billion), 13.1 percent more than a year before. Exports accounted for 62 percent of "
    "the total. GDP reached 163 billion yuan in 2020, and paid-in foreign investment was "
    "4.1 billion yuan in 2020. In 2021 the total foreign trade volume rose to 330 billion "
    "yuan.\n"
)
SICHUAN_ZH = "四川外贸\n\n2020年四川省货物进出口总额8081.9亿元，增长19.1%。出口占比57.6%。\n"
SICHUAN_EN = (
    "Sichuan economy\n\n"
    "Sichuan's GDP in 2020 was about EUR 620 billion. The province actually used "
    "US$10.1 billion of foreign capital in 2020.\n"
)
_SENTENCE_END = re.compile(r"(?<=\.)\s+|(?<=。)|\n")


def _fact(text: str, quote: str, number: str, value: float, **fields: Any) -> Fact:
    start = text.index(quote)
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    sentence_start = max([e for e in ends if e <= start], default=0)
    sentence_end = min([e for e in ends if e >= start + len(quote)], default=len(text))
    return Fact(
        start=start,
        end=start + len(quote),
        quote=quote,
        number_quote=number,
        value=value,
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        **fields,
    )


def _songjiang(quote: str, number: str, value: float, normalized: float, **fields: Any) -> Fact:
    fields.setdefault("unit", "CNY")
    fields.setdefault("period", "2020")
    return _fact(
        SONGJIANG,
        quote,
        number,
        value,
        normalized=normalized,
        region="Songjiang District",
        region_id="310117",
        **fields,
    )


def _sichuan(text: str, quote: str, number: str, value: float, **fields: Any) -> Fact:
    fields.setdefault("period", "2020")
    return _fact(
        text, quote, number, value, region="Sichuan Province", region_id="510000", **fields
    )


def build_compare_store(path: str) -> Store:
    """Three documents, two regions, every kind of cell the pane draws."""
    trade = {"metric_type": "trade_total", "metric": "total foreign trade volume"}
    songjiang = [
        _songjiang("305.57 billion yuan", "305.57 billion", 305.57, 305.57e9, **trade),
        _songjiang(
            "US$47.27 billion",
            "47.27 billion",
            47.27,
            47.27e9,
            unit="USD",
            equivalent_of="305.57 billion yuan",
            **trade,
        ),
        _songjiang("62 percent", "62", 62, 62, unit="percent", kind="share", **trade),
        _songjiang("163 billion yuan", "163 billion", 163, 163e9, metric_type="gdp"),
        _songjiang("4.1 billion yuan", "4.1 billion", 4.1, 4.1e9, metric_type="fdi"),
        _songjiang("330 billion yuan", "330 billion", 330, 330e9, **{**trade, "period": "2021"}),
    ]
    songjiang[0] = songjiang[0].model_copy(update={"change_percent": 13.1, "change_basis": "yoy"})
    sichuan = [
        _sichuan(
            SICHUAN_ZH,
            "8081.9亿元",
            "8081.9亿",
            8081.9,
            unit="CNY",
            normalized=808.19e9,
            change_percent=19.1,
            metric_type="trade_total",
            metric="货物进出口总额",
        ),
        _sichuan(
            SICHUAN_ZH,
            "57.6%",
            "57.6",
            57.6,
            unit="percent",
            kind="share",
            metric_type="trade_total",
        ),
    ]
    sichuan_en = [
        _sichuan(
            SICHUAN_EN,
            "EUR 620 billion",
            "620 billion",
            620,
            unit="EUR",
            normalized=620e9,
            qualifier="~",
            metric_type="gdp",
        ),
        _sichuan(
            SICHUAN_EN,
            "US$10.1 billion",
            "10.1 billion",
            10.1,
            unit="USD",
            normalized=10.1e9,
            metric_type="fdi",
        ),
    ]
    gazetteer = Gazetteer.default()
    regions = [*gazetteer.chain("310117"), *gazetteer.chain("510000")]
    store = Store.open(path)
    docs = [
        (SONGJIANG, "Songjiang foreign trade", "/corpus/en/songjiang.txt", songjiang, "en"),
        (SICHUAN_ZH, "四川外贸", "/corpus/zh/sichuan.txt", sichuan, "zh"),
        (SICHUAN_EN, "Sichuan economy", "/corpus/en/sichuan.txt", sichuan_en, "en"),
    ]
    for day, (text, title, source, facts, language) in enumerate(docs, start=1):
        raw = RawDocument(
            text=text,
            title=title,
            source=source,
            published=dt.date(2021, 3, day),
            language=language,
        )
        store.add_document(raw, facts, regions)
    return store


@pytest.fixture
def compare_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The hand-made comparison database, opened as ``compare.db`` inside tmp_path."""
    monkeypatch.chdir(tmp_path)
    store = build_compare_store("compare.db")
    yield store
    store.close()


async def picking(pilot: Pilot[Any], *keys: str) -> None:
    """run_before: add Songjiang, then Sichuan (as Enter in the picker does; two regions
    put the focus on the table) and press ``keys``. Typing into the picker is covered by
    test_compare.py."""
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    for name in ("Songjiang", "Sichuan"):
        screen.add_region(screen.find_candidates(name)[0])
        await settle(pilot)
    await pilot.press(*keys)
    await settle(pilot)


def test_the_fixture_compares_as_intended(compare_store: Store) -> None:
    """The fixture has what the snapshots should show (guards the pictures' meaning)."""
    comparison = compare_store.compare(["310117", "510000"])
    by_key = {(r.metric_type, r.period, r.measure): r for r in comparison.rows}
    fdi = by_key[("fdi", "2020", "amount")].cells["510000"]
    assert fdi is not None and fdi.rate is not None and fdi.rate.fact_id is not None
    gdp = by_key[("gdp", "2020", "amount")].cells["510000"]
    assert gdp is not None and not gdp.comparable
    gap = by_key[("trade_total", "2021", "amount")]
    assert gap.notes == [
        "Sichuan Province has no figure for Total trade 2021;"
        " nearest: Total trade 2020, also in this table"
    ]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
class TestComparePane:
    def test_suggestions_when_nothing_is_picked(
        self, snap_compare: Any, compare_store: Store, size: tuple[int, int]
    ) -> None:
        """The picker lists the regions with the most facts, with level, parents, counts."""
        app = FactscopeApp(compare_store, initial_mode="compare")
        assert snap_compare(app, terminal_size=size, run_before=settle)

    def test_table_with_the_chinese_figure_selected(
        self, snap_compare: Any, compare_store: Store, size: tuple[int, int]
    ) -> None:
        """Songjiang vs Sichuan: bars, ratio, ≈ converted, ≠ euros; Sichuan's 2020 total
        trade selected, its Chinese sentence below with the figure in reverse video."""
        app = FactscopeApp(compare_store, initial_mode="compare")

        async def run_before(pilot: Pilot[Any]) -> None:
            await picking(pilot, "right", "down", "down")

        assert snap_compare(app, terminal_size=size, run_before=run_before)

    def test_converted_cell(
        self, snap_compare: Any, compare_store: Store, size: tuple[int, int]
    ) -> None:
        """The converted foreign-investment cell (≈): its rate and the fact the rate came from."""
        app = FactscopeApp(compare_store, initial_mode="compare")

        async def run_before(pilot: Pilot[Any]) -> None:
            await picking(pilot, "right")

        assert snap_compare(app, terminal_size=size, run_before=run_before)
