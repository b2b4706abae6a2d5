"""Every quantity in general news, a table per class: the whole extractor, sentences of ours.

Each case is a sentence, the quote of the figure, its value (and upper bound), unit and scale.
The unit values are the store's (README, "Unit values"): ISO 4217 codes, pint's unit names.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factscope.db.models import Fact
from factscope.importers.extract import extract_facts

Case = tuple[str, str, float, float | None, str, float]

PUBLISHED = dt.date(2025, 3, 1)


def _figure(sentence: str, quote: str) -> Fact:
    facts = extract_facts(sentence, PUBLISHED)
    found = [f for f in facts if f.quote == quote]
    assert found, f"{quote!r} not read from {sentence!r}: got {[f.quote for f in facts]}"
    return found[0]


def _check(case: Case) -> None:
    sentence, quote, value, value_max, unit, scale = case
    fact = _figure(sentence, quote)
    assert (fact.value, fact.value_max, fact.unit) == (value, value_max, unit)
    assert fact.scale == pytest.approx(scale)


PHYSICAL: list[Case] = [
    ("The receiver sprinted 30 yards before he was tackled.", "30 yards", 30, None, "yard", 1),
    ("Police clocked the van at 140 km/h on the ring road.", "140 km/h", 140, None,
     "kilometer per hour", 1),
    ("The typhoon brought gusts of 150 kilometres an hour.", "150 kilometres an hour", 150, None,
     "kilometer per hour", 1),
    ("The jet cruised at 560 mph over the Atlantic.", "560 mph", 560, None, "mile per hour", 1),
    ("Forecasters expect warming of 1 to 1.5 degrees by then.", "1 to 1.5 degrees", 1, 1.5,
     "degree", 1),
    ("The glacier shed 127 gigatonnes of ice last summer.", "127 gigatonnes", 127, None,
     "gigaton", 1),
    ("Overnight, 6.1 inches of rain fell on the town.", "6.1 inches", 6.1, None, "inch", 1),
    ("A leaf blower can reach 120 decibels, the council said.", "120 decibels", 120, None,
     "decibel", 1),
    ("The new span is 1,200 metres long.", "1,200 metres", 1200, None, "meter", 1),
    ("The reservoir holds 40 million cubic metres of water.", "40 million cubic metres", 40, None,
     "cubic meter", 1e6),
    ("The fire burned 3,500 hectares of scrub.", "3,500 hectares", 3500, None, "hectare", 1),
    ("The estate covers 250 acres of farmland.", "250 acres", 250, None, "acre", 1),
    ("Thermometers read 45 degrees Celsius at noon.", "45 degrees Celsius", 45, None,
     "degree Celsius", 1),
    ("It was 104°F in the shade.", "104°F", 104, None, "degree Fahrenheit", 1),
    # below zero
    ("Lows fell to minus 40 degrees in the north.", "minus 40 degrees", -40, None, "degree", 1),
    ("The city woke to -5C and ice.", "-5C", -5, None, "degree Celsius", 1),
    ("Lows of -5 to 3C are forecast.", "-5 to 3C", -5, 3, "degree Celsius", 1),
    ("The runners covered 10km before dawn.", "10km", 10, None, "kilometer", 1),
    ("The charger delivers 350 kW to the car.", "350 kW", 350, None, "kilowatt", 1),
    ("The panel stores 13.5 kWh of energy.", "13.5 kWh", 13.5, None, "kilowatt hour", 1),
    ("The phone ships with 256 GB of storage.", "256 GB", 256, None, "gigabyte", 1),
    ("The storm's pressure fell to 950 millibars.", "950 millibars", 950, None, "millibar", 1),
    ("The tyres were pumped to 32 psi.", "32 psi", 32, None, "pound force per square inch", 1),
    ("The parcel weighed 4 lbs on the scale.", "4 lbs", 4, None, "pound", 1),
    ("The bakery used 500 kilograms of flour.", "500 kilograms", 500, None, "kilogram", 1),
    ("The ferry sails at 18 knots.", "18 knots", 18, None, "knot", 1),
    ("The tank takes 60 litres of diesel.", "60 litres", 60, None, "liter", 1),
    # pounds of weight, where the text weighs or speaks of a thing; else sterling (below)
    ("The patient lost 30 pounds over the winter.", "30 pounds", 30, None, "pound", 1),
    ("The sack weighs 50 pounds when full.", "50 pounds", 50, None, "pound", 1),
    ("The butcher sold 5 pounds of beef.", "5 pounds", 5, None, "pound", 1),
    # units glued to the digits only
    ("The guard stands 6ft 2in in his boots.", "2in", 2, None, "inch", 1),
    ("Temperatures hit 30C on Tuesday.", "30C", 30, None, "degree Celsius", 1),
    # a glued m is metres before a dimension or a race, millions elsewhere
    ("She won the 400m hurdles.", "400m", 400, None, "meter", 1),
    ("The 1.8m-tall striker scored twice.", "1.8m", 1.8, None, "meter", 1),
    ("They sold 2m tonnes of grain.", "2m tonnes", 2, None, "ton", 1e6),
]  # fmt: skip

CURRENCY: list[Case] = [
    # a space after the sign
    ("The startup raised $ 75 million in its latest round.", "$ 75 million", 75, None, "USD", 1e6),
    ("Profits rose to £ 8.10 million.", "£ 8.10 million", 8.1, None, "GBP", 1e6),
    ("The grant is worth € 2 million.", "€ 2 million", 2, None, "EUR", 1e6),
    # compact forms
    ("The fund put USD10m into the mine.", "USD10m", 10, None, "USD", 1e6),
    ("The bank lent EUR50m to the port.", "EUR50m", 50, None, "EUR", 1e6),
    ("A city bike now costs 1,200€ in the shops.", "1,200€", 1200, None, "EUR", 1),
    # an amount that looks like a year
    ("She bought the guitar for $2000.", "$2000", 2000, None, "USD", 1),
    # names with their adjective, and bare nouns of the registry
    ("The handset retails at 7,199 Chinese yuan.", "7,199 Chinese yuan", 7199, None, "CNY", 1),
    ("The miner was valued at 3 billion Australian dollars.", "3 billion Australian dollars", 3,
     None, "AUD", 1e9),
    ("Flats rent for 18,000 Hong Kong dollars a month.", "18,000 Hong Kong dollars a month",
     18000, None, "HKD", 1),
    ("The court imposed a fine of 40,000 shekels.", "40,000 shekels", 40000, None, "ILS", 1),
    ("The watch sold for 900 Swiss francs.", "900 Swiss francs", 900, None, "CHF", 1),
    ("A room costs 300 ringgit a night.", "300 ringgit a night", 300, None, "MYR", 1),
    ("In 1985 a coffee cost 100 pesetas.", "100 pesetas", 100, None, "ESP", 1),
    ("The old bill came to 25 guilders.", "25 guilders", 25, None, "NLG", 1),
    ("They raised 12 million Kenyan shillings for the clinic.", "12 million Kenyan shillings", 12,
     None, "KES", 1e6),
    # codes and signs of the registry before the number
    ("The insurer paid CHF 900 million in claims.", "CHF 900 million", 900, None, "CHF", 1e6),
    ("The budget was R$ 5 billion.", "R$ 5 billion", 5, None, "BRL", 1e9),
    ("The startup raised NZ$4 million.", "NZ$4 million", 4, None, "NZD", 1e6),
    ("The firm earned ₪40 million.", "₪40 million", 40, None, "ILS", 1e6),
    # signs of the currencies' own countries (CLDR)
    ("The Istanbul exchange traded ₺12 billion.", "₺12 billion", 12, None, "TRY", 1e9),
    ("The Warsaw tender was worth 300 mln zł.", "300 mln zł", 300, None, "PLN", 1e6),
    ("A Moscow flat costs ₽25 million.", "₽25 million", 25, None, "RUB", 1e6),
    ("The Lagos budget rose to ₦1.2 trillion.", "₦1.2 trillion", 1.2, None, "NGN", 1e12),
    # nouns that are money only after a scale word
    ("The miner booked a 3.1 billion rand charge.", "3.1 billion rand", 3.1, None, "ZAR", 1e9),
    ("The club paid 30 million pounds for the striker.", "30 million pounds", 30, None, "GBP",
     1e6),
    ("A litre of petrol rose 4p overnight.", "4p", 4, None, "GBP", 0.01),
    ("Public debt passed $31tn this year.", "$31tn", 31, None, "USD", 1e12),
]  # fmt: skip

MINOR_UNITS: list[Case] = [
    ("A first-class stamp now costs 85 pence.", "85 pence", 85, None, "GBP", 0.01),
    ("The bus fare rose by 50 fen.", "50 fen", 50, None, "CNY", 0.01),
    ("A steamed bun was 5 jiao then.", "5 jiao", 5, None, "CNY", 0.1),
    ("Shares slipped 40 to 60 cents.", "40 to 60 cents", 40, 60, "USD", 0.01),
    ("The bread rose 20 kopecks.", "20 kopecks", 20, None, "RUB", 0.01),
    # a move and the level it reached, not a range
    ("The loonie fell 0.5 cents to 74.10 US cents.", "74.10 US cents", 74.1, None, "USD", 0.01),
    ("The stamp rose 5 cents to 85 euro cents.", "85 euro cents", 85, None, "EUR", 0.01),
]  # fmt: skip

POINTS: list[Case] = [
    ("The central bank cut its rate by 25 basis points.", "25 basis points", 25, None,
     "basis point", 1),
    ("Spreads widened 40bp on the news.", "40bp", 40, None, "basis point", 1),
    ("Yields rose 15 bps in a week.", "15 bps", 15, None, "basis point", 1),
    ("Turnout fell 3.2 percentage points.", "3.2 percentage points", 3.2, None,
     "percentage point", 1),
]  # fmt: skip

DURATIONS: list[Case] = [
    ("The engine test lasted 10 seconds.", "10 seconds", 10, None, "second", 1),
    ("The sprinter finished in 9.8 seconds.", "9.8 seconds", 9.8, None, "second", 1),
    ("The vote was held after 90 minutes of debate.", "90 minutes", 90, None, "minute", 1),
    ("The signal took 300 milliseconds to arrive.", "300 milliseconds", 300, None,
     "millisecond", 1),
    ("The strike lasted 18 months.", "18 months", 18, None, "month", 1),
]  # fmt: skip


@pytest.mark.parametrize("case", PHYSICAL, ids=[c[1] for c in PHYSICAL])
def test_physical_measures(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", CURRENCY, ids=[c[1] for c in CURRENCY])
def test_currencies(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", MINOR_UNITS, ids=[c[1] for c in MINOR_UNITS])
def test_minor_units_scale_their_currency(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", POINTS, ids=[c[1] for c in POINTS])
def test_basis_and_percentage_points(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", DURATIONS, ids=[c[1] for c in DURATIONS])
def test_durations(case: Case) -> None:
    _check(case)


NOT_QUANTITIES: list[tuple[str, str]] = [
    # words that are units in a registry but not after these numbers
    ("The team scored 3 points in the final minute.", "3 points"),
    ("Doors open at 10 am on Saturday.", "10 am"),
    ("Mix 2 cups of flour with the butter.", "2 cups"),
    ("Only 3 in 10 voters agreed.", "3 in"),
    # a year is still a year without a sign
    ("The bridge opened in 2000 after years of work.", "2000"),
]


@pytest.mark.parametrize(("sentence", "quote"), NOT_QUANTITIES)
def test_words_of_the_registries_that_are_no_units_here(sentence: str, quote: str) -> None:
    units = [f.unit for f in extract_facts(sentence, PUBLISHED) if f.quote.startswith(quote)]
    assert all(u in (None, "count") for u in units), units
