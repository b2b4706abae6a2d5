"""Unit vocabulary the store needs to reason about facts: each unit's kind and dimension.

The store compares and converts only currencies with currencies (a rate the documents state)
and never figures of different dimensions (a length with a mass, a speed with a length), so it
needs to know every unit value the extractor stores. ``data/units.tsv`` lists them: the unit
value ("kilometer per hour", "CNY"), its quantity kind ("speed", "currency"), its dimension
(pint's, "[length] / [time]"; "currency" for money) and its SI symbol or ISO 4217 code. It is
generated with the extractor's tables by ``importers/lexicon/build.py`` (pint, pycountry,
babel); the store never imports the importers, hence it lives here.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

_DATA = Path(__file__).resolve().parent / "data" / "units.tsv"


class UnitInfo(NamedTuple):
    """What the store knows of a unit value."""

    kind: str
    dimension: str
    code: str


def _load() -> dict[str, UnitInfo]:
    units: dict[str, UnitInfo] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            unit, kind, dimension, code = line.split("\t")
            units[unit] = UnitInfo(kind, dimension, code)
    return units


UNITS: dict[str, UnitInfo] = _load()
"""Every unit value the extractor stores, with its kind, dimension and code."""

CURRENCY_CODES: frozenset[str] = frozenset(u for u, i in UNITS.items() if i.kind == "currency")
"""ISO 4217 codes of the currencies facts are stored in."""


def is_currency(unit: str | None) -> bool:
    """Whether ``unit`` is a currency code the store knows."""
    return unit in CURRENCY_CODES


def kind_of(unit: str | None) -> str | None:
    """The quantity kind of ``unit`` ("length", "currency", "time"), or None if unknown."""
    info = UNITS.get(unit) if unit else None
    return info.kind if info else None


def dimension_of(unit: str | None) -> str | None:
    """The dimension of ``unit`` ("[length] / [time]"; "currency"), or None if unknown."""
    info = UNITS.get(unit) if unit else None
    return info.dimension if info else None


def same_dimension(unit: str | None, other: str | None) -> bool:
    """Whether figures in ``unit`` and ``other`` measure the same dimension: the same unit, or
    two known units of one dimension (kilometer and mile; two currencies)."""
    if unit == other:
        return unit is not None
    dimension = dimension_of(unit)
    return dimension is not None and dimension == dimension_of(other)


_BY_NAME: dict[str, str] = {unit.lower(): unit for unit in UNITS}
# SI symbols and ISO codes of two characters or more ("km/h", "Gt", "dB"): one letter ("t",
# "a", "m") is more often the start of a value being typed than a symbol
_BY_CODE: dict[str, str] = {}
for _unit, _info in sorted(UNITS.items()):
    if len(_info.code) >= 2:
        _BY_CODE.setdefault(_info.code, _unit)


def unit_for_query(typed: str) -> str:
    """The stored unit value a ``unit:`` token names, for the values with spaces: its SI
    symbol or ISO code ("km/h", "Gt") or its name with ``_`` or ``-`` for the spaces
    ("kilometer_per_hour"); anything else is returned as typed (a prefix to complete)."""
    spaced = typed.replace("_", " ").replace("-", " ")
    return _BY_NAME.get(spaced.lower()) or _BY_CODE.get(typed) or typed
