"""Currencies by code, sign, name and minor unit, from the ISO 4217 and CLDR tables."""

from __future__ import annotations

import pytest

from factscope.importers.lexicon.currencies import ISO_CODES, Money, money_named

NAMED: list[tuple[str, Money | None]] = [
    # codes and signs, as written
    ("CHF", Money("CHF")),
    ("SEK", Money("SEK")),
    ("₪", Money("ILS")),
    ("R$", Money("BRL")),
    ("NZ$", Money("NZD")),
    ("€", Money("EUR")),
    ("$", Money("USD")),  # the document's context may make it another dollar
    ("¥", Money("CNY")),  # yen_signs makes it the yen in a story about Japan
    ("chf", None),
    # names with their adjectives, singular and plural, any case
    ("Australian dollars", Money("AUD")),
    ("Hong Kong dollar", Money("HKD")),
    ("Chinese yuan", Money("CNY")),
    ("Swiss francs", Money("CHF")),
    ("Kenyan shillings", Money("KES")),
    ("Malaysian ringgit", Money("MYR")),
    # bare nouns: the one news mean
    ("shekels", Money("ILS")),
    ("francs", Money("CHF")),
    ("ringgit", Money("MYR")),
    ("pesetas", Money("ESP")),
    ("guilders", Money("NLG")),
    ("zlotys", Money("PLN")),
    # minor units with their multipliers
    ("pence", Money("GBP", 0.01)),
    ("fen", Money("CNY", 0.01)),
    ("jiao", Money("CNY", 0.1)),
    ("kopecks", Money("RUB", 0.01)),
    ("cents", Money("", 0.01)),  # whose cents: the document's dollar or euro
    # words that are no money after a number
    ("gold", None),
    ("rights", None),
    ("real", None),
    ("marks", None),
    ("soles", None),
]


@pytest.mark.parametrize(("phrase", "money"), NAMED)
def test_money_named(phrase: str, money: Money | None) -> None:
    assert money_named(phrase) == money


def test_every_current_iso_4217_currency_is_known() -> None:
    import pycountry  # the gazetteer extra, which the test command installs

    current = {c.alpha_3 for c in pycountry.currencies}
    metals_and_funds = {c for c in current if c.startswith("X")} - {"XAF", "XOF", "XCD"}
    units_of_account = {"BOV", "CHE", "CHW", "CLF", "COU", "MXV", "UYW", "UYI", "USN"}
    assert current - metals_and_funds - units_of_account <= ISO_CODES
    assert len(ISO_CODES) > 150
