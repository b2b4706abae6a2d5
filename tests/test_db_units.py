"""The store's unit vocabulary agrees with what the extractor produces."""

from __future__ import annotations

import pytest

from factscope.db.units import (
    CURRENCY_CODES,
    UNITS,
    UnitInfo,
    dimension_of,
    is_currency,
    kind_of,
    same_dimension,
)
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
