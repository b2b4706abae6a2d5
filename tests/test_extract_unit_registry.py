"""Units and currencies of the registry tables read around a numeral."""

from __future__ import annotations

import pytest

from factscope.importers.extract.unit_registry import (
    GLUED_UNITS,
    RegistryUnit,
    minus_before,
    minus_ends,
    pounds_of_weight,
    registry_prefix,
    registry_unit,
)

AFTER: list[tuple[str, RegistryUnit | None]] = [
    # the numeral is "12" at the start of each text; end is where the unit's words end
    ("12 yards to go", RegistryUnit("yard", 8)),
    ("12 km/h, then", RegistryUnit("kilometer per hour", 7)),
    ("12-kilometre run", RegistryUnit("kilometer", 12)),
    ("12km.", RegistryUnit("kilometer", 4)),
    ("12 km.", RegistryUnit("kilometer", 5)),  # the full stop ends the sentence, not "km."
    ("12 sq. km of land", RegistryUnit("square kilometer", 9)),
    ("12 miles per hour", RegistryUnit("mile per hour", 17)),
    ("12 seconds later", RegistryUnit("second", 10, duration=True)),
    ("12 pence each", RegistryUnit("GBP", 8, scale=0.01)),
    ("12 cents each", RegistryUnit("USD", 8, scale=0.01)),
    ("12€ each", RegistryUnit("EUR", 3)),
    ("12 Swiss francs", RegistryUnit("CHF", 15)),
    ("12in of snow", RegistryUnit("inch", 4)),  # glued only
    ("12 in 100 people", None),
    ("12 points ahead", None),
    ("12 rand", None),  # a word too: money only after a scale word
    ("12 apples", None),
]


@pytest.mark.parametrize(("text", "found"), AFTER)
def test_registry_unit_after_a_numeral(text: str, found: RegistryUnit | None) -> None:
    assert registry_unit(text, 2, len(text)) == found


def test_a_noun_that_is_a_word_is_money_after_a_scale_word() -> None:
    text = "3.1 billion rand"
    assert registry_unit(text, 11, len(text)) == RegistryUnit("ZAR", 16)


BEFORE: list[tuple[str, tuple[str, int] | None]] = [
    ("paid CHF 900", ("CHF", 5)),
    ("paid ₪40", ("ILS", 5)),
    ("paid R$ 5", ("BRL", 5)),
    ("paid ₺12", ("TRY", 5)),
    ("paid XCHF 900", None),  # glued to a word: no code
    ("paid euro 5", None),  # a name before a number is no sign
    ("CHINA'S TOP 10 EXPORTERS", None),  # a code that is an English word: the word
    ("ALL 31 PROVINCES", None),
    ("A TRY 50 FINE", None),
]


@pytest.mark.parametrize(("text", "found"), BEFORE)
def test_registry_prefix(text: str, found: tuple[str, int] | None) -> None:
    start = next(i for i, c in enumerate(text) if c.isdigit())
    assert registry_prefix(text, start) == found


@pytest.mark.parametrize(
    ("text", "weight"),
    [
        ("She lost 30 pounds in a year.", True),
        ("The sack weighs 50 pounds.", True),
        ("He bought 5 pounds of beef.", True),
        ("The club paid 30 pounds for it.", False),
        ("He raised 5 pounds of funding.", False),
        ("She lost 30 pounds, or £30, at the races.", False),  # a text in sterling
    ],
)
def test_pounds_of_weight(text: str, weight: bool) -> None:
    start = text.index(next(w for w in text.split() if w[0].isdigit()))
    end = text.index("pounds") + len("pounds")
    assert pounds_of_weight(text, start, end) is weight


def test_glued_units_are_symbols_not_the_scale_letters() -> None:
    assert {"km", "kg", "GHz", "bp", "mph", "in", "p"} <= set(GLUED_UNITS)
    assert not {"m", "k", "b", "bn", "mn"} & set(GLUED_UNITS)  # "5m" is five million
    assert list(GLUED_UNITS) == sorted(GLUED_UNITS, key=lambda s: (-len(s), s))


@pytest.mark.parametrize(
    ("text", "minus"),
    [
        ("-5C at dawn", 0),  # the very start of the text
        ("fell to -5C", 8),
        ("fell to minus 40 degrees", 8),
        ("fell to −3.5°C", 8),
        ("a range of 10-15 degrees", None),  # a hyphen after a number
        ("the X-5 model", None),  # after a letter
    ],
)
def test_minus_before(text: str, minus: int | None) -> None:
    start = next(i for i, c in enumerate(text) if c.isdigit())
    assert minus_before(text, start, 0) == minus


def test_minus_ends_a_range_below_zero() -> None:
    assert minus_ends("-5 to -10", 0, 9)
    assert minus_ends("minus 5 and minus 10", 0, 20)
    assert not minus_ends("-5 to 3", 0, 7)
