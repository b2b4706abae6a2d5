"""The store's unit vocabulary agrees with what the extractor produces."""

from __future__ import annotations

from factscope.db.units import CURRENCY_CODES, is_currency
from factscope.importers.extract.units import CURRENCY_CODES as EXTRACTED_CURRENCIES


def test_every_currency_the_extractor_reads_is_a_currency_to_the_store() -> None:
    assert EXTRACTED_CURRENCIES <= CURRENCY_CODES


def test_is_currency_says_no_to_measures_and_missing_units() -> None:
    assert is_currency("CNY")
    assert not is_currency("ton")
    assert not is_currency("percent")
    assert not is_currency(None)
