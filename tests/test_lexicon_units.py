"""Physical units by their written forms, from the table generated from pint."""

from __future__ import annotations

import pytest

from factscope.importers.lexicon.units import UNITS_ANY_CASE, is_duration, unit_named

NAMED: list[tuple[str, str | None]] = [
    # names, plurals, British spellings, any case
    ("yards", "yard"),
    ("Kilometres", "kilometer"),
    ("metre", "meter"),
    ("gigatonnes", "gigaton"),
    ("tonnes", "ton"),
    ("metric tons", "ton"),
    ("inches", "inch"),
    ("feet", "foot"),
    ("decibels", "decibel"),
    ("litres", "liter"),
    ("hectares", "hectare"),
    ("acres", "acre"),
    ("knots", "knot"),
    ("millibars", "millibar"),
    ("kilowatt-hours", "kilowatt hour"),
    # symbols as written: case matters
    ("km", "kilometer"),
    ("mm", "millimeter"),
    ("kWh", "kilowatt hour"),
    ("GW", "gigawatt"),
    ("MHz", "megahertz"),
    ("hPa", "hectopascal"),
    ("psi", "pound force per square inch"),
    ("°C", "degree Celsius"),
    ("°F", "degree Fahrenheit"),
    # squares, cubes and speeds
    ("sq km", "square kilometer"),
    ("m²", "square meter"),
    ("cubic feet", "cubic foot"),
    ("km/h", "kilometer per hour"),
    ("mph", "mile per hour"),
    ("miles per hour", "mile per hour"),
    ("kilometres an hour", "kilometer per hour"),
    # basis points and seconds
    ("basis points", "basis point"),
    ("bps", "basis point"),
    ("seconds", "second"),
    ("milliseconds", "millisecond"),
    # ordinary words after a number are no units
    ("points", None),
    ("in", None),
    ("am", None),
    ("pm", None),
    ("cups", None),
    ("bars", None),
    ("years", None),  # durations are the duration reader's
    ("Mg", None),
]


@pytest.mark.parametrize(("phrase", "unit"), NAMED)
def test_unit_named(phrase: str, unit: str | None) -> None:
    assert unit_named(phrase) == unit


def test_a_symbol_is_matched_as_written_a_name_in_any_case() -> None:
    assert unit_named("Mm") is None  # megametre is no news unit; "mm" is
    assert unit_named("MM") is None
    assert unit_named("YARDS") == "yard"


def test_every_name_is_stored_lower_case() -> None:
    assert all(surface == surface.lower() for surface in UNITS_ANY_CASE)


def test_time_units_are_durations_others_not() -> None:
    assert is_duration("second")
    assert is_duration("millisecond")
    assert not is_duration("meter")
    assert not is_duration("kilometer per hour")
