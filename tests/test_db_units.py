"""The store's unit vocabulary agrees with what the extractor produces."""

from __future__ import annotations

import datetime as dt

import pytest

from factscope.db import RawDocument, Store
from factscope.db.units import (
    CURRENCY_CODES,
    UNITS,
    UnitInfo,
    dimension_of,
    is_currency,
    kind_of,
    same_dimension,
    unit_for_query,
)
from factscope.importers.extract import extract_facts
from factscope.importers.extract.units import CURRENCY_CODES as EXTRACTED_CURRENCIES


def test_every_currency_the_extractor_reads_is_a_currency_to_the_store() -> None:
    assert EXTRACTED_CURRENCIES <= CURRENCY_CODES


def test_is_currency_says_no_to_measures_and_missing_units() -> None:
    assert is_currency("CNY")
    assert not is_currency("ton")
    assert not is_currency("percent")
    assert not is_currency(None)


def test_every_iso_currency_the_registry_tables_name_is_a_currency() -> None:
    from factscope.importers.lexicon.currencies import ISO_CODES

    assert ISO_CODES <= CURRENCY_CODES
    assert {"ILS", "ESP", "NLG", "KES", "BRL"} <= CURRENCY_CODES


def test_every_unit_the_unit_table_stores_has_a_kind_and_dimension() -> None:
    from factscope.importers.lexicon.units import UNITS_ANY_CASE, UNITS_AS_WRITTEN

    for unit in {*UNITS_ANY_CASE.values(), *UNITS_AS_WRITTEN.values()}:
        assert kind_of(unit) is not None, unit
        assert dimension_of(unit) is not None, unit


KINDS: list[tuple[str, str, str, str]] = [
    # unit, kind, dimension, SI symbol or ISO code
    ("USD", "currency", "currency", "USD"),
    ("kilometer", "length", "[length]", "km"),
    ("kilometer per hour", "speed", "[length] / [time]", "km/h"),
    ("square kilometer", "area", "[length] ** 2", "km**2"),
    ("mu", "area", "[length] ** 2", "mu"),
    ("ton", "mass", "[mass]", "t"),
    ("gigaton", "mass", "[mass]", "Gt"),
    ("degree Celsius", "temperature", "[temperature]", "°C"),
    ("decibel", "sound level", "dimensionless", "dB"),
    ("second", "time", "[time]", "s"),
    ("year", "time", "[time]", "a"),
    ("basis point", "ratio difference", "[ratio]", "bp"),
    ("percent", "ratio", "[ratio]", "%"),
]


@pytest.mark.parametrize(("unit", "kind", "dimension", "code"), KINDS)
def test_unit_kind_dimension_and_code(unit: str, kind: str, dimension: str, code: str) -> None:
    assert UNITS[unit] == UnitInfo(kind, dimension, code)


def test_same_dimension() -> None:
    assert same_dimension("kilometer", "mile")
    assert same_dimension("mu", "hectare")
    assert same_dimension("CNY", "EUR")
    assert not same_dimension("kilometer", "kilometer per hour")
    assert not same_dimension("ton", "kilometer")
    assert not same_dimension("CNY", "ton")
    assert not same_dimension("widgets", "gadgets")  # unknown units: never assumed alike
    assert not same_dimension(None, None)
    assert same_dimension("count", "count")


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("km/h", "kilometer per hour"),
        ("kilometer_per_hour", "kilometer per hour"),
        ("Kilometer-Per-Hour", "kilometer per hour"),
        ("Gt", "gigaton"),
        ("dB", "decibel"),
        ("CHF", "CHF"),
        ("kilo", "kilo"),  # a prefix being typed is left to complete
        ("t", "t"),  # one letter: a prefix, not the tonne's symbol
    ],
)
def test_unit_for_query(typed: str, unit: str) -> None:
    assert unit_for_query(typed) == unit


NEWS = (
    "Police clocked the van at 140 km/h on the ring road. The glacier shed 127 gigatonnes of"
    " ice. The insurer paid CHF 900 million in claims. The ferry sails at 18 knots."
)


def test_unit_tokens_and_facets_find_the_new_units(store: Store) -> None:
    facts = extract_facts(NEWS, dt.date(2025, 3, 1))
    store.add_document(RawDocument(text=NEWS, title="news", source="news.txt"), facts)

    def quotes(query: str) -> list[str]:
        return [hit.fact.quote for hit in store.search_facts(query).hits]

    assert quotes("unit:km/h") == ["140 km/h"]
    assert quotes("unit:kilometer_per_hour") == ["140 km/h"]
    assert quotes("unit:giga") == ["127 gigatonnes"]  # a prefix completes
    assert quotes("unit:chf") == ["CHF 900 million"]
    assert quotes("unit:knot") == ["18 knots"]
    units = dict(store.fact_facets("").units)
    assert units == {"kilometer per hour": 1, "gigaton": 1, "CHF": 1, "knot": 1}
