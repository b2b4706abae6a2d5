"""Number and fact formatting shared by the CLI and the TUI (plain strings, no markup)."""

from __future__ import annotations

from factscope.db.compare import CompareCell
from factscope.db.models import Fact

_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "mn"), (1e3, "k"))
_UNIT_LABELS = {"percent": "%", "percentage point": " pp", "count": "", "rank": ""}
QUALIFIER_SIGNS = {"~": "~", ">": ">", ">=": "≥", "<": "<", "<=": "≤"}
"""How a value's qualifier is written before it: "about 40 percent" is "~40%", "more than
3,800 companies" ">3.8 k"; an exact figure ("=") gets nothing."""


def format_number(value: float, *, digits: int = 4) -> str:
    """Compact, exact enough to check against the text: 305570000000 → "305.57 bn"."""
    magnitude = abs(value)
    for scale, label in _SCALES:
        if magnitude >= scale:
            return f"{value / scale:.{digits}g} {label}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:.{digits}g}"


def format_amount(value: float | None, unit: str | None, *, digits: int = 4) -> str:
    """A value with its unit: "305.6 bn CNY" ("305.57 bn CNY" with ``digits=5``), "13.1%"."""
    if value is None:
        return ""
    number = format_number(value, digits=digits)
    if unit in _UNIT_LABELS:
        return f"{number}{_UNIT_LABELS[unit]}"
    return f"{number} {unit}" if unit else number


def fact_value(fact: Fact) -> str:
    """A fact's normalized value with qualifier and unit: "~1.2 mn square meter"."""
    value = fact.normalized if fact.normalized is not None else fact.value
    text = format_amount(value, fact.unit)
    if fact.normalized_max is not None:
        low = format_amount(fact.normalized, None)
        text = f"{low}–{format_amount(fact.normalized_max, fact.unit)}"
    qualifier = qualifier_sign(fact)
    per = f"/{fact.per}" if fact.per else ""
    return f"{qualifier}{text}{per}"


def change_text(fact: Fact) -> str:
    """ "+13.1% yoy" or ""."""
    if fact.change_percent is None:
        return ""
    basis = fact.change_basis if fact.change_basis and fact.change_basis != "unstated" else ""
    return f"{fact.change_percent:+g}% {basis}".strip()


def ratio_text(ratio: float | None) -> str:
    """ "×2.62" (how many times the base)."""
    if ratio is None:
        return ""
    return f"×{ratio:.3g}"


def counted(count: int, noun: str) -> str:
    """ "1 fact", "2,048 facts": a count with its noun in the right number."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def qualifier_sign(fact: Fact) -> str:
    """The sign before a figure: its qualifier's ("~", ">", "≤"), "≥" for a threshold stated
    without one ("trade passes 800 billion yuan": at least 800), "" for an exact figure."""
    sign = QUALIFIER_SIGNS.get(fact.qualifier, "")
    return sign or ("≥" if fact.kind == "threshold" else "")


def cell_amount(cell: CompareCell, *, digits: int = 4) -> str:
    """A comparison cell's figure as its fact states it: qualifier, value, unit ("~40%",
    ">3.8 k", "305.6 bn CNY"), so a rounded or bounded figure never looks exact."""
    return qualifier_sign(cell.fact) + format_amount(cell.value, cell.unit, digits=digits)
