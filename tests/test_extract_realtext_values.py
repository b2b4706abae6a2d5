"""Values on real-text wording (issue 13, class 2): currency signs and codes as sites write
them, the currencies of trading partners and the number conventions of the places that write
them. Sentences written for the project."""

from __future__ import annotations

import pytest

from factscope.importers.extract import extract_facts


def _facts(text: str) -> dict[str, tuple[float, float, str | None]]:
    return {f.quote: (f.value, f.scale, f.unit) for f in extract_facts(text)}


@pytest.mark.parametrize(
    ("text", "quote", "value", "scale", "unit"),
    [
        # a space after the sign, a code glued to the digits
        ("The port's trade came to $ 48.6 billion in 2022.", "$ 48.6 billion", 48.6, 1e9, "USD"),
        ("Revenue reached $ 2.05 bln in 2021.", "$ 2.05 bln", 2.05, 1e9, "USD"),
        ("The county's output hit RMB312 billion in 2023.", "RMB312 billion", 312, 1e9, "CNY"),
        ("Investment totalled USD4.5 billion last year.", "USD4.5 billion", 4.5, 1e9, "USD"),
        ("Sales were € 3.9 billion in 2020.", "€ 3.9 billion", 3.9, 1e9, "EUR"),
        # currencies of the partners, by code, sign and name
        ("Kerala exported goods worth Rs 14,500 crore in 2022.", "Rs 14,500 crore", 14500, 1e7,
         "INR"),
        ("The budget is ₹2.4 lakh crore for 2024.", "₹2.4 lakh crore", 2.4, 1e12, "INR"),
        ("Orders of INR 730 crore were signed in 2023.", "INR 730 crore", 730, 1e7, "INR"),
        ("Projects worth Rs.8,200 crore began in 2022.", "Rs.8,200 crore", 8200, 1e7, "INR"),
        ("Dong Nai collected 61 trillion dong in 2022.", "61 trillion dong", 61, 1e12, "VND"),
        ("FDI pledges reached VND 95 trillion in 2023.", "VND 95 trillion", 95, 1e12, "VND"),
        ("The city's GRDP hit 1.5 quadrillion dong in 2022.", "1.5 quadrillion dong", 1.5, 1e15,
         "VND"),
        ("Ulsan shipped 98 trillion won of cars in 2022.", "98 trillion won", 98, 1e12, "KRW"),
        ("Aichi's output was 47 trillion yen in 2021.", "47 trillion yen", 47, 1e12, "JPY"),
        ("Rayong drew 180 billion baht of projects in 2023.", "180 billion baht", 180, 1e9,
         "THB"),
        ("Penang approved RM12.9 billion of investment in 2022.", "RM12.9 billion", 12.9, 1e9,
         "MYR"),
        ("Exports rose to 7.2 billion Australian dollars in 2023.",
         "7.2 billion Australian dollars", 7.2, 1e9, "AUD"),
        ("The fund holds GBP 640 million in 2024.", "GBP 640 million", 640, 1e6, "GBP"),
        # number conventions: Indian grouping, lakh and crore, a decimal comma
        ("The state registered 3,45,210 new firms in 2023.", "3,45,210 new firms", 345210, 1,
         "count"),
        ("Receipts were Rs 1,12,450 crore in 2021.", "Rs 1,12,450 crore", 112450, 1e7, "INR"),
        ("Farm loans of 2.5 lakh farmers were waived in 2020.", "2.5 lakh farmers", 2.5, 1e5,
         "count"),
        ("Saxony's exports came to 5,4 billion euros in 2022.", "5,4 billion euros", 5.4, 1e9,
         "EUR"),
    ],
)  # fmt: skip
def test_values_as_real_releases_write_them(
    text: str, quote: str, value: float, scale: float, unit: str
) -> None:
    assert _facts(text)[quote] == (value, scale, unit)


@pytest.mark.parametrize(
    "text",
    [
        "The home team won 3 matches in 2023.",  # "won" after a bare number is a verb
        "Dong Hai is 40 kilometers away.",
        "The FORMRB5 form is due in 2024.",  # a code inside a longer word
    ],
)
def test_currency_words_need_their_context(text: str) -> None:
    units = {f.unit for f in extract_facts(text)}
    assert not units & {"KRW", "VND", "CNY"}


@pytest.mark.parametrize(
    ("text", "ranks"),
    [
        # digit ordinals listed after one rank verb, each with its own scope
        ("Hubei's trade grew to 530 billion yuan in 2023, ranking 14th in China and 2nd in "
         "Central China.", [(14, "China"), (2, "Central China")]),
        ("Its output placed 1st in the region, 4th in central and western China and 11th in "
         "China.", [(1, "the region"), (4, "central and western China"), (11, "China")]),
        # a list whose last rank alone names the scope shares it
        ("Exports, imports and services ranked fourth, sixth and second nationwide.",
         [(4, "nationwide"), (6, "nationwide"), (2, "nationwide")]),
        # "finishing in the 7th and 9th place"
        ("Its exports and imports finished in the 7th and 9th place respectively.",
         [(7, None), (9, None)]),
    ],
)  # fmt: skip
def test_ordinal_lists_after_a_rank_verb(text: str, ranks: list[tuple[int, str | None]]) -> None:
    got = [(f.rank, f.rank_scope) for f in extract_facts(text) if f.unit == "rank"]
    assert got == ranks


def test_a_rank_scope_is_not_the_region() -> None:
    text = (
        "Hunan's exports reached 420 billion yuan in 2023, ranking 9th in China and 3rd in "
        "Central China."
    )
    regions = {f.quote: f.region for f in extract_facts(text)}
    assert regions["9th"] == regions["3rd"] == regions["420 billion yuan"] == "Hunan Province"


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        # the size of a small set of partners is a count
        ("Chile, Peru and Brazil were among Fujian's top three export markets in 2022.",
         "three export markets", 3),
        ("The EU and ASEAN, its top 2 trading partners, bought more in 2023.",
         "2 trading partners", 2),
        ("广东前3大外资来源地合计投资增长。", "3大外资来源地", 3),
        ("在全国前八大外贸省市中，江苏增速居首。", "八大外贸省市", 8),
    ],
)  # fmt: skip
def test_top_sets_of_partners_are_counts(text: str, quote: str, value: float) -> None:
    assert _facts(text)[quote] == (value, 1.0, "count")


def test_a_league_table_is_still_no_count() -> None:
    quotes = {f.quote for f in extract_facts("Ten of the top 50 cities by output are inland.")}
    assert not any("50" in q for q in quotes)


@pytest.mark.parametrize(
    ("text", "quote", "value", "qualifier"),
    [
        ("The number of firms engaged in trade grew from fewer than 700 to over 1,800.",
         "700", 700, "<"),
        ("The number of firms engaged in trade grew from fewer than 700 to over 1,800.",
         "1,800", 1800, ">"),
        ("The number of registered exporters reached 12,500 in 2023.", "12,500", 12500, "="),
    ],
)  # fmt: skip
def test_bare_numbers_count_the_number_named_before(
    text: str, quote: str, value: float, qualifier: str
) -> None:
    fact = next(f for f in extract_facts(text) if f.quote == quote)
    assert (fact.value, fact.unit, fact.qualifier) == (value, "count", qualifier)


def test_a_bare_number_without_a_counted_noun_stays_no_fact() -> None:
    quotes = [f.quote for f in extract_facts("Take the number 12 bus to see 3 museums.")]
    assert quotes == ["3 museums"]


@pytest.mark.parametrize(
    ("text", "quote", "value", "scale"),
    [
        ("2023年，该市外贸总值首次突破万亿元。", "万亿元", 1, 1e12),
        ("去年全省網絡零售額破萬億元。", "萬億元", 1, 1e12),  # 破: passed, qualifier ">"
        ("营业收入过亿元的企业增加。", "亿元", 1, 1e8),
    ],
)
def test_a_scale_passed_without_a_numeral_is_one_of_it(
    text: str, quote: str, value: float, scale: float
) -> None:
    assert _facts(text)[quote] == (value, scale, "CNY")


def test_po_before_a_figure_means_more_than() -> None:
    facts = {
        f.quote: f.qualifier for f in extract_facts("当年出口破3000亿元，网络零售額破萬億元。")
    }
    assert facts == {"3000亿元": ">", "萬億元": ">"}


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Toyota's home Aichi Prefecture shipped ¥47 trillion of goods in 2021.", "JPY"),
        ("Osaka's tourism income hit ¥1.2 trillion in 2019, the yen being weak.", "JPY"),
        ("Sichuan sold ¥50 billion of goods to Japan in 2023 (50 billion yuan).", "CNY"),
        ("Shenzhen's output reached ¥3.4 trillion in 2023.", "CNY"),
    ],
)
def test_the_yen_sign_is_the_yen_in_a_story_about_japan(text: str, unit: str) -> None:
    assert extract_facts(text)[0].unit == unit
