"""Region comparison: alignment, ratios, stated exchange rates, incomparable units, gaps."""

from __future__ import annotations

import pytest

from factscope.db import Fact, NotFoundError, RawDocument, Region, Store
from factscope.db.compare import CompareRow, Comparison, measure_of
from tests.conftest import requires_shared

REGIONS = [
    Region(id="CN", name="China", level="country"),
    Region(id="310000", name="Shanghai", level="municipality", parent_id="CN"),
    Region(id="310117", name="Songjiang District", level="district", parent_id="310000"),
    Region(id="510000", name="Sichuan Province", level="province", parent_id="CN"),
    Region(id="DE", name="Germany", level="country"),
]


def _add(store: Store, source: str, text: str, specs: list[tuple[str, dict[str, object]]]) -> None:
    facts = []
    for quote, fields in specs:
        start = text.index(quote)
        facts.append(
            Fact(start=start, end=start + len(quote), quote=quote, number_quote=quote, **fields)
        )
    store.add_document(RawDocument(text=text, title=source, source=source), facts, REGIONS)


def _money(
    value: float, unit: str, region_id: str, region: str, period: str, **extra: object
) -> dict[str, object]:
    return {
        "value": value,
        "unit": unit,
        "scale": 1e9,
        "normalized": value * 1e9,
        "region_id": region_id,
        "region": region,
        "metric": "foreign trade volume",
        "metric_type": "trade_total",
        "period": period,
        **extra,
    }


@pytest.fixture
def compare_store(any_store: Store) -> Store:
    songjiang = (
        "Songjiang trade was 305.57 billion yuan (US$47.27 billion) in 2020, up 13.1 percent."
    )
    _add(
        any_store,
        "songjiang.txt",
        songjiang,
        [
            (
                "305.57 billion yuan",
                _money(305.57, "CNY", "310117", "Songjiang District", "2020", change_percent=13.1),
            ),
            (
                "US$47.27 billion",
                _money(
                    47.27,
                    "USD",
                    "310117",
                    "Songjiang District",
                    "2020",
                    equivalent_of="305.57 billion yuan",
                ),
            ),
            (
                "13.1 percent",
                {
                    "value": 13.1,
                    "unit": "percent",
                    "normalized": 13.1,
                    "kind": "change",
                    "region_id": "310117",
                    "region": "Songjiang District",
                    "metric_type": "trade_total",
                    "period": "2020",
                },
            ),
        ],
    )
    sichuan = "Sichuan trade was 800 billion yuan in 2020 and 951.36 billion yuan in 2021."
    _add(
        any_store,
        "sichuan.txt",
        sichuan,
        [
            ("800 billion yuan", _money(800, "CNY", "510000", "Sichuan Province", "2020")),
            ("951.36 billion yuan", _money(951.36, "CNY", "510000", "Sichuan Province", "2021")),
        ],
    )
    germany = "Germany trade reached 2.5 billion euros in 2020 and 9 billion dollars in 2021."
    _add(
        any_store,
        "germany.txt",
        germany,
        [
            ("2.5 billion euros", _money(2.5, "EUR", "DE", "Germany", "2020")),
            ("9 billion dollars", _money(9, "USD", "DE", "Germany", "2021")),
        ],
    )
    return any_store


def _row(
    comparison: Comparison, metric_type: str, period: str, measure: str = "amount"
) -> CompareRow:
    [row] = [
        r
        for r in comparison.rows
        if (r.metric_type, r.period, r.measure) == (metric_type, period, measure)
    ]
    return row


def test_songjiang_and_sichuan_align_with_a_ratio(compare_store: Store) -> None:
    comparison = compare_store.compare(["310117", "510000"])
    row = _row(comparison, "trade_total", "2020")
    base, other = row.cells["310117"], row.cells["510000"]
    assert base is not None and other is not None
    assert base.fact.quote == "305.57 billion yuan"  # the primary figure, not its restatement
    assert other.value == pytest.approx(800e9)
    assert other.ratio_to_base == pytest.approx(800 / 305.57)
    assert other.difference_to_base == pytest.approx((800 - 305.57) * 1e9)
    # A growth rate never lands in the same row as an amount.
    change = _row(comparison, "trade_total", "2020", "change")
    assert change.cells["510000"] is None


@pytest.mark.parametrize("period", [None, "XXXX-04"])
def test_figures_without_a_period_are_shown_but_not_compared(
    store: Store, period: str | None
) -> None:
    for source, text, quote, value, rid, name in [
        ("a.txt", "Songjiang trade was 300 billion yuan.", "300 billion yuan", 300.0, "310117",
         "Songjiang District"),
        ("b.txt", "Sichuan trade was 900 billion yuan.", "900 billion yuan", 900.0, "510000",
         "Sichuan Province"),
    ]:  # fmt: skip
        fields = _money(value, "CNY", rid, name, "2020")
        fields["period"] = period
        _add(store, source, text, [(quote, fields)])
    [row] = store.compare(["310117", "510000"]).rows
    other = row.cells["510000"]
    assert other is not None and other.value == pytest.approx(900e9)
    assert other.ratio_to_base is None and other.difference_to_base is None
    assert not other.comparable and "no period" in (other.note or "")


def test_gaps_name_the_nearest_period(compare_store: Store) -> None:
    comparison = compare_store.compare(["310117", "510000"])
    row = _row(comparison, "trade_total", "2021")
    assert row.cells["310117"] is None
    assert row.notes == [
        "Songjiang District has no figure for Total trade 2021;"
        " nearest: Total trade 2020, also in this table"
    ]


def test_currency_converted_with_a_rate_the_documents_state(compare_store: Store) -> None:
    comparison = compare_store.compare(["310117", "DE"])
    row = _row(comparison, "trade_total", "2021")  # Germany's USD figure vs nothing: a gap
    assert row.cells["310117"] is None
    usd = compare_store.compare(["510000", "DE"], periods=["2021"])
    cell = _row(usd, "trade_total", "2021").cells["DE"]
    assert cell is not None and cell.rate is not None
    assert cell.rate.fact_id is not None
    assert compare_store.fact(cell.rate.fact_id).quote == "305.57 billion yuan"
    assert cell.converted_value == pytest.approx(9e9 * 305.57 / 47.27)
    assert "rate stated in the documents" in (cell.note or "")


def test_currency_without_a_stated_rate_is_incomparable(compare_store: Store) -> None:
    comparison = compare_store.compare(["510000", "DE"], periods=["2020"])
    cell = _row(comparison, "trade_total", "2020").cells["DE"]
    assert cell is not None
    assert not cell.comparable and cell.ratio_to_base is None
    assert cell.note == "units differ (EUR vs CNY): not compared"


def test_children_roll_up_without_summing(compare_store: Store) -> None:
    plain = compare_store.compare(["310000", "510000"])
    assert all(r.cells["310000"] is None for r in plain.rows)
    assert plain.notes == ["Shanghai has no facts in the database"]
    rolled = compare_store.compare(["310000", "510000"], include_children=True)
    cell = _row(rolled, "trade_total", "2020").cells["310000"]
    assert cell is not None
    assert cell.region_name == "Songjiang District"
    assert cell.value == pytest.approx(305.57e9)


def test_filters_and_unknown_region(compare_store: Store) -> None:
    comparison = compare_store.compare(["310117", "510000"], metric_types=["exports"])
    assert comparison.rows == []
    with pytest.raises(NotFoundError):
        compare_store.compare(["310117", "nowhere"])


@pytest.mark.parametrize(
    ("kind", "unit", "measure"),
    [
        ("level", "CNY", "amount"),
        ("level", "percent", "share"),
        ("share", "percent", "share"),
        ("change", "percent", "change"),
        ("rank", "rank", "rank"),
        ("threshold", "CNY", "threshold"),
        ("level", "percentage point", "share"),
    ],
)
def test_measure_of(kind: str, unit: str, measure: str) -> None:
    fact = Fact(start=0, end=1, quote="1", number_quote="1", value=1, kind=kind, unit=unit)
    assert measure_of(fact) == measure


@requires_shared
def test_seeds_songjiang_and_sichuan_total_trade_2020(seed_store: Store) -> None:
    comparison = seed_store.compare(["310117", "510000"])
    first = comparison.rows[0]  # rows where both regions have a figure come first
    assert (first.metric_type, first.period, first.measure) == ("trade_total", "2020", "amount")
    songjiang, sichuan = first.cells["310117"], first.cells["510000"]
    assert songjiang is not None and sichuan is not None
    assert songjiang.fact.quote == "305.57 billion yuan"
    assert sichuan.fact.quote == "800 billion yuan"
    assert sichuan.ratio_to_base == pytest.approx(800 / 305.57)


@pytest.mark.parametrize(
    ("quote", "metric", "phrase"),
    [
        ("nine cities", "cities", "cities"),  # a number word and the noun the metric names
        ("2100万人", "常住人口", "常住人口"),  # a Chinese measure word after the metric
        ("3,800 companies", None, "companies"),
        ("28 bases", "foreign trade", "foreign trade bases"),
        ("30 new ones", None, ""),  # a pronoun says nothing
    ],
)
def test_row_phrases_carry_no_numbers_or_unit_words(
    quote: str, metric: str | None, phrase: str
) -> None:
    from factscope.db.compare import phrase_of

    fact = Fact(start=0, end=len(quote), quote=quote, number_quote=quote, value=1, metric=metric)
    assert phrase_of(fact) == phrase


def _measure(value: float, unit: str, region_id: str, region: str) -> dict[str, object]:
    return {
        "value": value,
        "unit": unit,
        "scale": 1.0,
        "normalized": value,
        "region_id": region_id,
        "region": region,
        "metric": "rail network length",
        "metric_type": "infrastructure",
        "period": "2022",
    }


@pytest.mark.parametrize(
    ("sichuan_quote", "sichuan_unit", "note"),
    [
        # a speed is never a length, whatever the metric says
        ("160 km/h", "kilometer per hour", "different dimensions (speed vs length)"),
        ("300 tonnes", "ton", "different dimensions (mass vs length)"),
        # two lengths: the same dimension, but no stated rate converts them
        ("3,100 miles", "mile", "units differ (mile vs kilometer)"),
    ],
)
def test_figures_of_different_dimensions_are_never_compared(
    store: Store, sichuan_quote: str, sichuan_unit: str, note: str
) -> None:
    text = "Songjiang's rail network reached 480 km in 2022."
    _add(store, "a.txt", text, [("480 km", _measure(480, "kilometer", "310117", "Songjiang"))])
    other = f"Sichuan's rail network reached {sichuan_quote} in 2022."
    spec = _measure(
        float(sichuan_quote.split()[0].replace(",", "")), sichuan_unit, "510000", "Sichuan"
    )
    _add(store, "b.txt", other, [(sichuan_quote, spec)])
    cell = _row(store.compare(["310117", "510000"]), "infrastructure", "2022").cells["510000"]
    assert cell is not None and not cell.comparable
    assert cell.note == f"{note}: not compared"
