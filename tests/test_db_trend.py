"""Trends: a region's figure over periods, every source kept, disagreements flagged.

The corpus is four short articles written for this test: three years of one city's exports,
two of the articles disagreeing about one year, one restating its figure in dollars.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factscope.db import Store
from factscope.db.models import Fact
from factscope.db.trend import TrendValue, build_point, period_key
from factscope.importers import import_paths

ARTICLES = {
    "a.txt": "Wuhu trade report 2020\n\nWuhu, Jan. 20, 2021 -- Exports of Wuhu reached 40.2 "
    "billion yuan in 2020, up 8.1 percent year on year.",
    "b.txt": "Wuhu exports grow again\n\nWuhu, Jan. 18, 2022 -- Wuhu's exports rose 12.5 percent "
    "to 45.2 billion yuan (about 7 billion U.S. dollars) in 2021.",
    "c.txt": "Wuhu customs figures\n\nWuhu, Feb. 3, 2022 -- Customs data show exports of Wuhu "
    "totaled 46.8 billion yuan in 2021. Exports of Wuhu totaled 46.8 billion yuan, the "
    "customs office repeated.",
    "d.txt": "Wuhu looks back\n\nWuhu, Jan. 25, 2024 -- Exports of Wuhu reached 52.7 billion "
    "yuan in 2023.",
}
WUHU = "340200"


@pytest.fixture
def trend_store(any_store: Store, tmp_path: Path) -> Store:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    report = import_paths([folder], any_store)
    assert report.imported == 4 and not report.failed
    return any_store


def test_the_series_is_in_time_order_with_every_source(trend_store: Store) -> None:
    trend = trend_store.trend(WUHU, "exports")
    [series] = trend.series
    assert [p.period for p in series.points] == ["2020", "2021", "2022", "2023"]
    values = {p.period: [v.fact.normalized for v in p.values] for p in series.points}
    assert values["2020"] == [40.2e9]
    assert sorted(v or 0 for v in values["2021"]) == [
        45.2e9,
        46.8e9,
    ]  # the dollar restatement is left out
    assert values["2022"] == []  # a gap, shown
    assert series.points[2].gap and not series.points[1].gap
    assert series.unit == "CNY"


def test_disagreeing_documents_flag_the_point_and_keep_both(trend_store: Store) -> None:
    points = {p.period: p for p in trend_store.trend(WUHU, "exports").series[0].points}
    assert points["2021"].conflict
    assert {v.document_title for v in points["2021"].values} == {
        "Wuhu exports grow again",
        "Wuhu customs figures",
    }
    assert not points["2020"].conflict and not points["2023"].conflict


def test_changes_stay_with_their_values(trend_store: Store) -> None:
    points = {p.period: p for p in trend_store.trend(WUHU, "exports").series[0].points}
    [value] = points["2020"].values
    assert (value.fact.change_percent, value.fact.change_basis) == (8.1, "yoy")


def test_a_metric_phrase_works_like_its_type(trend_store: Store) -> None:
    by_phrase = trend_store.trend(WUHU, "exports of wuhu")
    assert [p.period for p in by_phrase.series[0].points if not p.gap] == ["2020", "2021", "2023"]


def test_a_region_without_the_metric_says_so(trend_store: Store) -> None:
    trend = trend_store.trend(WUHU, "gdp")
    assert trend.series == [] and trend.notes == ["Wuhu has no GDP amount with a period"]


def _value(doc: str, normalized: float, unit: str = "CNY") -> TrendValue:
    fact = Fact(start=0, end=1, quote="x", number_quote="x", value=1, normalized=normalized)
    fact = fact.model_copy(update={"doc_id": doc, "unit": unit, "id": hash((doc, normalized))})
    return TrendValue(fact=fact, document_title=doc, document_source=doc)


@pytest.mark.parametrize(
    ("values", "conflict", "kept"),
    [
        ([_value("a", 100.0), _value("b", 100.4)], False, 2),  # 0.4 % apart: agree
        ([_value("a", 100.0), _value("b", 101.0)], True, 2),  # 1 % apart: disagree
        ([_value("a", 100.0), _value("a", 100.0)], False, 1),  # one document, said twice
        ([_value("a", 100.0), _value("a", 120.0)], False, 2),  # one document: no dispute
        ([_value("a", 100.0), _value("b", 15.0, "USD")], False, 2),  # units never compared
    ],
)
def test_what_counts_as_a_conflict(values: list[TrendValue], conflict: bool, kept: int) -> None:
    point = build_point("2021", values)
    assert (point.conflict, len(point.values)) == (conflict, kept)


def test_periods_sort_years_then_their_parts() -> None:
    periods = ["2021-03", "2020", "2021", "2021-01/2021-08", "2016/2020", "2021-01/2021-03"]
    assert sorted(periods, key=period_key) == [
        "2020",
        "2016/2020",
        "2021",
        "2021-01/2021-03",
        "2021-01/2021-08",
        "2021-03",
    ]


def test_children_are_series_of_their_own(store: Store, tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(
        "Anhui exports\n\nExports of Wuhu reached 40.2 billion yuan in 2020. Exports of Anhui "
        "province reached 300 billion yuan in 2020."
    )
    import_paths([tmp_path / "x.txt"], store)
    trend = store.trend("340000", "exports", include_children=True)
    names = [s.region.name for s in trend.series]
    assert names[0] == "Anhui Province" and "Wuhu" in names


CHENGDU, SONGJIANG = "510100", "310117"


def test_a_trend_names_what_it_leaves_out(any_samples_store: Store) -> None:
    """The README's samples: Chengdu states a share of its exports and no amount; Songjiang's
    counts count companies, cities and new ones. The notes say so; nothing false."""
    exports = any_samples_store.trend(CHENGDU, "exports")
    assert exports.series == []
    assert exports.notes == [
        "Chengdu has no Exports amount with a period",
        "Chengdu: 1 figure (share) of Exports is not charted: this trend shows amounts",
    ]
    counts = any_samples_store.trend(SONGJIANG, "count")
    [mixed] = [n for n in counts.notes if "different things" in n]
    assert "(cities, foreign-invested companies, unnamed)" in mixed


def test_a_trend_of_a_share_or_of_one_counted_thing(any_samples_store: Store) -> None:
    """What a comparison row's ctrl+t asks for: the row's measure, the row's counted thing."""
    share = any_samples_store.trend(SONGJIANG, "exports", measure="share")
    assert share.label == "Exports (share)"
    [series] = share.series
    assert [(p.period, [v.fact.value for v in p.values]) for p in series.points] == [
        ("2020", [40.0])
    ]
    cities = any_samples_store.trend(SONGJIANG, "count", phrase="cities")
    assert cities.label == "Count: cities" and not cities.notes
    assert [v.fact.quote for s in cities.series for p in s.points for v in p.values] == [
        "nine cities"
    ]


def test_an_outlook_is_no_point_of_the_trend(any_samples_store: Store) -> None:
    """Hongqiao's "expect ... to exceed 500 by 2025", in a report of 2022: left out of the
    series of results, and the note says which period and why."""
    trend = any_samples_store.trend("zone:hongqiao-cbd", "count")
    periods = [p.period for s in trend.series for p in s.points]
    assert "2025" not in periods and "2021" in periods
    assert any("(2025): an outlook, not a result" in note for note in trend.notes)
