"""Unit vocabulary the store needs to reason about facts: which units are currencies.

The store compares and converts only currencies with currencies (a rate the documents state),
so it needs the list; the importers read the same list, so that a currency the extractor learns
is a currency to Compare too. The store never imports the importers, hence it lives here.
"""

from __future__ import annotations

CURRENCY_CODES: frozenset[str] = frozenset(
    {
        "AUD",
        "CAD",
        "CHF",
        "CNY",
        "EUR",
        "GBP",
        "HKD",
        "IDR",
        "INR",
        "JPY",
        "KRW",
        "MYR",
        "RUB",
        "SGD",
    }
    | {"THB", "TWD", "USD", "VND"}
)
"""ISO 4217 codes of the currencies facts are stored in."""


def is_currency(unit: str | None) -> bool:
    """Whether ``unit`` is a currency code the store knows."""
    return unit in CURRENCY_CODES
