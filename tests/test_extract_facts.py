"""End-to-end extraction: facts, not-facts, attribution, properties and the seed gold file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factscope.importers.extract import extract_facts

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _by_quote(text: str, published: dt.date | None = None) -> dict[str, object]:
    return {f.quote: f for f in extract_facts(text, published)}


def test_level_with_change_equivalent_and_rank() -> None:
    text = (
        "Ningbo's total foreign trade volume in 2021 amounted to 1.19 trillion yuan "
        "(US$184.4 billion), up 21.7 percent year on year, ranking No. 3 in the country."
    )
    facts = extract_facts(text)
    quotes = [f.quote for f in facts]
    assert quotes == ["1.19 trillion yuan", "US$184.4 billion", "No. 3"]
    level, usd, rank = facts
    assert (level.unit, level.scale, level.normalized) == ("CNY", 1e12, 1.19e12)
    assert (level.change_percent, level.change_basis, level.change_quote) == (
        21.7,
        "yoy",
        "21.7 percent",
    )
    assert level.period == "2021" and level.metric_type == "trade_total"
    assert usd.equivalent_of == "1.19 trillion yuan" and usd.change_percent == 21.7
    assert level.rank == 3 and rank.kind == "rank" and rank.value == 3
    assert level.region == "Ningbo"
    for f in facts:
        assert text[f.start : f.end] == f.quote
        assert f.sentence_start == 0 and f.sentence_end == len(text)


def test_standalone_change_and_share() -> None:
    text = (
        "Between 2017 and 2021, tax revenue in the county recorded average annual growth of "
        "9.8 percent. Electronics accounted for 62 percent of its "
        "exports."
    )
    got = _by_quote(text)
    change = got["9.8 percent"]
    assert change.kind == "change" and change.change_basis == "avg_annual"  # type: ignore[attr-defined]
    assert change.period == "2017/2021"  # type: ignore[attr-defined]
    share = got["62 percent"]
    assert share.kind == "share" and share.share_of == "its exports"  # type: ignore[attr-defined]


def test_range_threshold_and_qualifiers() -> None:
    text = (
        "More than 900 industrial firms with annual revenue of at least 20 million yuan "
        "operate here. Workers receive allowances ranging from about 800 yuan to "
        "3,000 yuan per month. Fewer than 40 firms left."
    )
    got = _by_quote(text)
    assert got["900 industrial firms"].qualifier == ">"  # type: ignore[attr-defined]
    threshold = got["20 million yuan"]
    assert threshold.kind == "threshold" and threshold.qualifier == ">="  # type: ignore[attr-defined]
    rng = got["800 yuan to 3,000 yuan per month"]
    assert (rng.value, rng.value_max, rng.per, rng.qualifier) == (  # type: ignore[attr-defined]
        800,
        3000,
        "month",
        "~",
    )
    assert got["40 firms"].qualifier == "<"  # type: ignore[attr-defined]


def test_relative_periods_resolve_from_publication_date() -> None:
    text = "Last year, the city approved 14 new projects."
    assert _by_quote(text, dt.date(2022, 3, 1))["14 new projects"].period == "2021"  # type: ignore[attr-defined]
    text = "Exports reached 90 billion yuan in May."
    assert _by_quote(text)["90 billion yuan"].period == "XXXX-05"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    [
        "The company was founded in 2008 and listed in 2015.",
        "The meeting was held on March 12, 2021.",
        "The G20 summit and the 5G rollout were discussed.",
        "It is part of the 14th Five-Year Plan (2021-25).",
        "Travel resumed after COVID-19.",
        "First, we will cut fees. Second, we will open ports.",
        "Website ICP No. 11002233, Record No. 33010602001234",
        "The firms work with one heart under the 1+N policy.",
        "It was the first time the city hosted the fair.",
        "Dozens of tons of fruit were shipped.",
        "A one-stop service and two-way investment were promoted.",
        "Over the past three years, in the first five months, trade rose.",
        "Metro Line 2 and Building 3 reopened; see Section 4 and Room 301.",
    ],
)
def test_not_facts(text: str) -> None:
    assert extract_facts(text) == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("The plan is building 80 million mu of farmland.", "80 million mu"),
        ("Grain output hit a record 67.9 million tonnes.", "67.9 million tonnes"),
        ("Exports set a record 2.1 trillion yuan this year.", "2.1 trillion yuan"),
    ],
)
def test_lower_case_words_are_not_names(text: str, quote: str) -> None:
    """ "Building 3" names a building; "building 80 million mu" states a figure."""
    assert [f.quote for f in extract_facts(text)] == [quote]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("The number of visitors to Guilin topped 21 million last year.", "21 million"),
        ("Yunnan aims for a population of 48 million and more jobs.", "48 million"),
        ("New jobs beat the target of 1.2 million in Anhui.", "1.2 million"),
        ("Registered firms in Xiamen rose to 650,000 in 2022.", "650,000"),
    ],
)
def test_counts_without_a_noun(text: str, quote: str) -> None:
    [fact] = extract_facts(text)
    assert (fact.quote, fact.unit) == (quote, "count")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the unit (or counted noun) makes it one figure, not a bare count beside it
        ("Output topped 21 million tonnes.", [("21 million tonnes", "ton")]),
        ("The target of 12 cities was met.", [("12 cities", "count")]),
    ],
)
def test_bare_counts_need_no_noun_after(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(fact.quote, fact.unit) for fact in extract_facts(text)] == expected


def test_bare_counts_and_restatements() -> None:
    text = (
        "The number of bonded zones in the province reached 7. The alliance covers eight "
        "cities. Firms may register in any of the eight cities."
    )
    quotes = [f.quote for f in extract_facts(text)]
    assert quotes == ["7", "eight cities", "eight cities"]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_random_text_never_raises_and_quotes_match(text: str) -> None:
    for fact in extract_facts(text):
        assert 0 <= fact.start < fact.end <= len(text)
        assert text[fact.start : fact.end] == fact.quote


_NEWSY = st.lists(
    st.sampled_from(
        [
            "Exports",
            "rose",
            "12.5",
            "percent",
            "to",
            "3,400",
            "billion",
            "yuan",
            "in",
            "2021",
            "Sichuan",
            "the",
            "district's",
            "first",
            "No.",
            "2",
            ",",
            ".",
            "(US$",
            ")",
            "about",
            "five",
            "firms",
            "year-on-year",
            "\xa0",
            "\n",
        ]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(_NEWSY)
def test_newsy_text_quotes_match(text: str) -> None:
    for fact in extract_facts(text):
        assert 0 <= fact.start < fact.end <= len(text)
        assert text[fact.start : fact.end] == fact.quote


@pytest.mark.skipif(
    not (SHARED / "gold" / "seed_facts.jsonl").exists(), reason="shared corpus not available"
)
def test_seed_gold_scores() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.eval_extraction import evaluate

    score = evaluate(SHARED / "gold" / "seed_facts.jsonl", SHARED / "seeds")
    assert score.value_unit()[2] >= 0.98
    assert score.detection()[2] >= 0.98
    for attribute in ("region", "period", "change_percent"):
        assert score.accuracy(attribute) >= 0.95, attribute
    assert score.accuracy("kind") >= 0.95
    assert score.accuracy("metric_type") >= 0.95


def test_change_of_another_quantity_is_not_attached() -> None:
    text = (
        "In the first three quarters of 2022, Jiangxi's exports rose 14.2% to 530 billion "
        "yuan, while imports fell 3.1 percent."
    )
    got = _by_quote(text)
    level = got["530 billion yuan"]
    assert level.change_percent == 14.2 and level.metric_type == "exports"  # type: ignore[attr-defined]
    assert level.period == "2022-01/2022-09"  # type: ignore[attr-defined]
    fall = got["3.1 percent"]
    assert fall.kind == "change" and fall.change_percent == -3.1  # type: ignore[attr-defined]


# Own sentences: a bracketed figure in another unit of the same dimension restates the figure
# before it and inherits its attribution, as a bracketed currency conversion does.
@pytest.mark.parametrize(
    ("text", "quote", "equivalent_of"),
    [
        ("Heilongjiang built 1.2 million mu (80,000 hectares) of irrigated farmland in 2022, up "
         "6 percent.", "80,000 hectares", "1.2 million mu"),
        ("The Lingang zone covers 120 square kilometers (46 square miles).", "46 square miles",
         "120 square kilometers"),
        ("Rizhao Port shipped 9 million tons (9 billion kilograms) of ore in 2021.",
         "9 billion kilograms", "9 million tons"),
        ("The Lhasa-Nyingchi railway runs 435 kilometers (270 miles).", "270 miles",
         "435 kilometers"),
    ],
)  # fmt: skip
def test_bracketed_measure_conversions(text: str, quote: str, equivalent_of: str) -> None:
    facts = {f.quote: f for f in extract_facts(text)}
    conv, base = facts[quote], facts[equivalent_of]
    assert conv.equivalent_of == equivalent_of
    for key in ("region", "period", "metric", "metric_type", "change_percent", "kind"):
        assert getattr(conv, key) == getattr(base, key), key


def test_bracketed_part_in_same_unit_is_no_conversion() -> None:
    text = "The Nansha park covers 30 square kilometers (including 4 square kilometers of bonds)."
    assert [f.equivalent_of for f in extract_facts(text)] == [None, None]


def test_first_area_inherits_region_and_period() -> None:
    text = "Heilongjiang built 1.2 million mu (80,000 hectares) of irrigated farmland in 2022."
    got = {f.quote: f for f in extract_facts(text)}
    conv = got["80,000 hectares"]
    assert (conv.region, conv.period, conv.metric_type) == ("Heilongjiang Province", "2022", "area")


def test_dateline_month_is_not_the_period() -> None:
    text = (
        "HAIKOU, Feb. 11 (Xinhua) -- Hainan's retail sales hit 233 billion yuan, "
        "up 4.1 percent from the previous year, in 2022."
    )
    (level,) = extract_facts(text, dt.date(2023, 2, 11))
    assert level.period == "2022" and level.change_percent == 4.1


def test_duration_metric_does_not_carry_to_the_next_figure() -> None:
    text = (
        "Qingdao port has led the region for 9 straight years and handled "
        "between 2 million and 3 million tons of grain last year."
    )
    duration, level = extract_facts(text, dt.date(2023, 2, 11))
    assert duration.kind == "duration" and duration.metric_type == "duration"
    assert level.value == 2 and level.value_max == 3 and level.metric_type != "duration"


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        ("2022年，泉州市新增市场主体2000余户。", "2000余户", 2000, "count"),
        ("全市实现营业收入1300多亿元。", "1300多亿元", 1300e8, "CNY"),
        ("常住人口400多万人。", "400多万人", 400e4, "count"),
    ],
)
def test_chinese_more_than(text: str, quote: str, value: float, unit: str) -> None:
    """多/余 after a numeral mean "more than": the figure's qualifier is >."""
    [fact] = extract_facts(text)
    assert (fact.quote, fact.normalized, fact.unit, fact.qualifier) == (quote, value, unit, ">")


def test_more_than_a_few_months_is_no_count() -> None:
    assert [f.unit for f in extract_facts("工程历时3个多月，投资5亿元。")] == ["CNY"]


def test_an_untyped_metric_is_not_replaced_by_the_previous_one() -> None:
    text = (
        "Gansu's per capita GDP was 45,000 yuan, while the per capita disposable income of "
        "its residents reached 23,300 yuan."
    )
    got = {f.quote: (f.metric_type, f.metric) for f in extract_facts(text)}
    assert got["45,000 yuan"][0] == "gdp_per_capita"
    metric_type, metric = got["23,300 yuan"]
    assert metric_type is None and metric is not None and "disposable income" in metric


# IGNORECASE matches "ı" (dotless i) to "i" and "ſ" (long s) to "s": a word the patterns
# matched that way is looked up in the lexicon folded, not merely lower-cased (which raised
# KeyError and cost the whole document).
_FOLDED_SPELLINGS = [
    ("Exports rose 5% in the fırst half of 2020.", "fırst", "first"),
    ("Exports rose 5% in the ſecond quarter of 2020.", "ſecond", "second"),
    ("The project took 5 yearſ and cost 3 million yuan.", "yearſ", "years"),
    ("Output rose 5 percent over 3 montHſ.", "montHſ", "montHs"),
    ("Sales rose two-thırds to 5 billion yuan.", "thırds", "thirds"),
    ("Sales were two-thirdſ of 5 billion yuan.", "thirdſ", "thirds"),
    # number words and month names: dropped (number) or a KeyError (month) before
    ("Output rose to ſix million tonnes in 2020.", "ſix", "six"),
    ("The firm hired ſeven hundred workers in 2021.", "ſeven", "seven"),
    ("Output rose to fıve million tonnes in 2019.", "fıve", "five"),
    ("Sales rose 5% in Auguſt 2020.", "Auguſt", "August"),
]


@pytest.mark.parametrize(("text", "odd", "plain"), _FOLDED_SPELLINGS)
def test_long_s_and_dotless_i_read_as_the_plain_letters(text: str, odd: str, plain: str) -> None:
    def read(t: str) -> list[tuple[float | None, str | None, str | None]]:
        return [(f.value, f.unit, f.period) for f in extract_facts(t)]

    found = read(text)
    assert found, text
    assert found == read(text.replace(odd, plain))


@pytest.mark.parametrize(
    ("text", "multiplied"),
    [
        ("Exports doubled to 5 billion yuan.", True),
        ("Sales TRIPLED to 30 tons.", True),
        ("The output trebled.", True),
        ("Imports quadrupled to 8 billion.", True),
        ("Costs halved to 2 million.", True),
        ("It enabled, sampled and involved 5 firms.", False),  # the verbs' ends, no verb
        ("Exports rose 5 percent.", False),
    ],
)
def test_multiplying_verbs_are_flagged_through_their_ends(text: str, multiplied: bool) -> None:
    # _flag_rare_words looks for each verb's last four letters before the verbs themselves:
    # a verb whose end were missing would leave "doubled to" unread
    from factscope.importers.extract import facts
    from factscope.importers.extract.changes import MULTIPLIERS
    from factscope.importers.extract.sentence import Document

    assert all(verb.endswith(facts._MULTIPLIER_ENDS) for verb in MULTIPLIERS)
    doc = Document(text, None, False, [])  # type: ignore[arg-type]
    facts._flag_rare_words(doc, text, text.lower(), cjk=False)
    assert doc.multiplied is multiplied
