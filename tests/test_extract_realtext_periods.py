"""Issue 13, class 1: the period of an article on real published wording. Every sentence is our
own, written to pin one class of wording: cumulative periods with "this year" after them, month
ranges without a year, a period stated in a headline or first paragraph that later paragraphs
continue, reference phrases ("during the period", 同期), spans counted back ("over the past six
months") and the date a release was reported on (no period of any figure)."""

from __future__ import annotations

import datetime as dt

import pytest

from factscope.db.models import Fact
from factscope.importers.extract import extract_facts

PUBLISHED = dt.date(2023, 10, 20)


def _facts(text: str, published: dt.date | None = PUBLISHED) -> dict[str, Fact]:
    return {f.quote: f for f in extract_facts(text, published)}


@pytest.mark.parametrize(
    ("text", "quote", "period"),
    [
        # a cumulative period followed directly by "this year" is that span of the year, not
        # the whole year
        (
            "In the first nine months this year, Hubei's exports reached 420 billion yuan.",
            "420 billion yuan",
            "2023-01/2023-09",
        ),
        (
            "From January to August this year, Anhui's imports totaled 150 billion yuan.",
            "150 billion yuan",
            "2023-01/2023-08",
        ),
        (
            "Jiangxi's retail sales hit 900 billion yuan in the first three quarters last year.",
            "900 billion yuan",
            "2022-01/2022-09",
        ),
        # a month range with no year at all takes the year of publication
        (
            "From January to August, Guizhou's trade totaled 50 billion yuan.",
            "50 billion yuan",
            "2023-01/2023-08",
        ),
        (
            "Between January and June, Gansu's exports grew 7 percent.",
            "7 percent",
            "2023-01/2023-06",
        ),
        # "the six months ended June 30": the half year, not June
        (
            "Hainan's revenue was 80 billion yuan in the six months ended June 30, up 4 percent.",
            "80 billion yuan",
            "2023-01/2023-06",
        ),
        # the day a figure was reported is no period of it
        (
            "In the first 11 months of this year, Shanxi's coal output was 1.2 billion tons, the "
            "provincial bureau said on December 12.",
            "1.2 billion tons",
            "2023-01/2023-11",
        ),
        (
            "Exports reached 31 billion yuan, according to Qingdao Customs on July 16.",
            "31 billion yuan",
            None,
        ),
    ],
)
def test_cumulative_and_reported_dates(text: str, quote: str, period: str | None) -> None:
    assert _facts(text)[quote].period == period


ARTICLE = (
    "Yunnan's foreign trade grows strongly in first half of this year\n\n"
    "KUNMING, July 20 -- Yunnan's foreign trade reached 180 billion yuan, up 12 percent, "
    "the provincial customs said.\n\n"
    "Exports rose 15 percent to 110 billion yuan. Imports accounted for 39 percent of the "
    "total.\n\n"
    "During the period, trade with ASEAN grew 20 percent. Over the past six months, trade "
    "with Laos rose 30 percent.\n\n"
    "In June alone, exports were 21 billion yuan.\n\n"
    "Imports grew 6 percent."
)


@pytest.mark.parametrize(
    ("quote", "period", "note"),
    [
        # the headline states the period; the figures of the next paragraphs continue it
        ("180 billion yuan", "2023-01/2023-06", "period carried from the headline"),
        ("110 billion yuan", "2023-01/2023-06", "period carried from the headline"),
        ("39 percent", "2023-01/2023-06", "period carried from the headline"),
        # reference phrases name the stated period
        ("20 percent", "2023-01/2023-06", "'During the period' is the period stated before"),
        ("30 percent", "2023-01/2023-06", None),
        # "In June alone" is an aside: it holds for its paragraph, then the half year again
        ("21 billion yuan", "2023-06", None),
        ("6 percent", "2023-01/2023-06", "period carried from the headline"),
    ],
)
def test_an_article_period_carries_across_paragraphs(
    quote: str, period: str, note: str | None
) -> None:
    fact = _facts(ARTICLE, dt.date(2023, 7, 20))[quote]
    assert fact.period == period
    if note is not None:
        assert note in (fact.notes or "")


def test_a_turn_to_the_present_stock_ends_the_period() -> None:
    text = (
        "In 2022, Ningxia's exports were 20 billion yuan.\n\n"
        "So far, 300 foreign firms have set up in the region.\n\n"
        "Exports of wine rose 9 percent."
    )
    got = _facts(text)
    assert got["20 billion yuan"].period == "2022"
    assert got["9 percent"].period is None


def test_chinese_reference_to_the_same_period() -> None:
    text = "今年前三季度，全省进出口总值5000亿元，增长8%。\n\n同期，全国进出口增长0.2%。"
    got = _facts(text)
    assert got["5000亿元"].period == "2023-01/2023-09"
    assert got["0.2%"].period == "2023-01/2023-09"


@pytest.mark.parametrize(
    ("text", "quote", "period"),
    [
        # a share stated in the past continues the article's period
        (
            "In 2022, Tibet's exports were 4 billion yuan.\n\nBorder trade made up 60 percent of "
            "the total.",
            "60 percent",
            "2022",
        ),
        # a share of a count just stated, or one in the present simple, is a standing fact
        (
            "In 2022, Tibet's exports were 4 billion yuan.\n\nThe region has 90 trading firms, "
            "making up 2 percent of the national total.",
            "2 percent",
            None,
        ),
        (
            "In 2022, Tibet's exports were 4 billion yuan.\n\nThe park contributes 70 percent of "
            "the region's trade.",
            "70 percent",
            None,
        ),
    ],
)
def test_shares_continue_the_period_unless_standing(
    text: str, quote: str, period: str | None
) -> None:
    assert _facts(text)[quote].period == period


@pytest.mark.parametrize(
    ("text", "quote", "period"),
    [
        # an undated text compared with a year states figures of the year after it
        (
            "From January to May, Hebei's imports were 90 billion yuan, up 4 percent compared "
            "with the same period in 2019.",
            "90 billion yuan",
            "2020-01/2020-05",
        ),
        (
            "Tianjin reported 700 billion yuan of trade last year, down 3 percent from 2016.",
            "700 billion yuan",
            "2017",
        ),
        ("上半年，全省进出口1.2万亿元，较2021年同期增长5%。", "1.2万亿元", "2022-01/2022-06"),
    ],
)
def test_an_undated_text_takes_its_year_from_a_comparison(
    text: str, quote: str, period: str
) -> None:
    assert _facts(text, None)[quote].period == period


def test_traditional_chinese_cumulative_months() -> None:
    text = "今年前11個月，全市進出口總值增長6%。"
    assert _facts(text)["6%"].period == "2023-01/2023-11"


def test_a_year_on_year_rate_does_not_stop_the_carry() -> None:
    # "a year-on-year increase" is no span of its own ("a year")
    text = (
        "In the first half of this year, Jilin's trade was 90 billion yuan.\n\n"
        "Its trade with Russia reached 20 billion yuan, a year-on-year increase of 30 percent."
    )
    assert _facts(text)["20 billion yuan"].period == "2023-01/2023-06"


HEADLINE = (
    "Guangxi's foreign trade tops 600 billion yuan\n\n"
    "2023-01-18\n\n"
    "NANNING -- Guangxi's foreign trade reached 628 billion yuan in 2022, up 5 percent. "
    "About 900 foreign-funded firms now operate in the region, and the region added 70 new "
    "ones during the year. It has 40 border trade zones."
)


@pytest.mark.parametrize(
    ("quote", "kind", "period"),
    [
        # a headline's amount is of the period the article states below it; crossed: a threshold
        ("600 billion yuan", "threshold", "2022"),
        ("628 billion yuan", "level", "2022"),
        # a stock "now" is as of the article; "during the year" is the year stated before
        ("900 foreign-funded firms", "level", "2022"),
        ("70 new ones", "level", "2022"),
        # a stock in the present tense alone stays undated (tests/test_extract_heldout.py)
        ("40 border trade zones", "level", None),
    ],
)
def test_headline_now_and_during_the_year(quote: str, kind: str, period: str | None) -> None:
    fact = _facts(HEADLINE, dt.date(2023, 1, 18))[quote]
    assert (fact.kind, fact.period) == (kind, period)


def test_a_demo_article_states_the_year_of_its_headline() -> None:
    from pathlib import Path

    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    text = (samples / "12_sichuan_2021_zh.txt").read_text(encoding="utf-8")
    fact = _facts(text, dt.date(2022, 1, 21))["9000亿元"]
    assert (fact.kind, fact.period) == ("threshold", "2021")


def test_an_aside_holds_for_its_paragraph_only() -> None:
    text = (
        "In the first ten months of this year, Shanxi's trade was 150 billion yuan.\n\n"
        "In October alone, trade was 16 billion yuan. Exports were 9 billion yuan.\n\n"
        "Trade with the EU reached 20 billion yuan."
    )
    got = _facts(text)
    assert got["9 billion yuan"].period == "2023-10"
    assert got["20 billion yuan"].period == "2023-01/2023-10"


@pytest.mark.parametrize(
    ("text", "quote", "period"),
    [
        # "the past N months of <year>" is the first N months of that year
        ("Over the past nine months of 2023, Tianjin's FDI rose 8 percent.", "8 percent",
         "2023-01/2023-09"),
        # a date after "said" with no "on" is no period either
        ("Hebei's trade was 300 billion yuan, ranking 12th, customs said Oct 20.",
         "300 billion yuan", None),
    ],
)  # fmt: skip
def test_more_period_wordings(text: str, quote: str, period: str | None) -> None:
    assert _facts(text)[quote].period == period


def test_from_to_amounts_take_their_own_years() -> None:
    text = "Anhui's exports grew from 200 billion yuan in 2015 to 500 billion yuan in 2022."
    got = _facts(text)
    assert got["200 billion yuan"].period == "2015"
    assert got["500 billion yuan"].period == "2022"


def test_a_comparand_level_keeps_its_year_and_the_figure_its_own() -> None:
    got = _facts(
        "Hainan received 6.1 million overseas visitors in 2023, well below the 2019 level of "
        "7.4 million."
    )
    assert got["6.1 million overseas visitors"].period == "2023"
    fact = got["7.4 million"]
    assert (fact.value, fact.unit, fact.period, fact.metric) == (
        7.4,
        "count",
        "2019",
        "overseas visitors",
    )


def test_demo_articles_date_every_flow() -> None:
    """Issue 13: Compare shows no undated row for a figure whose article states its year. On
    the demo corpus every amount, growth, share and threshold gets a period; what stays
    undated are stocks stated in the present tense ("the district has 1,350 companies")."""
    from pathlib import Path

    from factscope.importers.extract import guess_published

    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    undated = []
    for path in sorted(samples.glob("*.*")):
        text = path.read_text(encoding="utf-8")
        for fact in extract_facts(text, guess_published(text)):
            if fact.metric_type and not fact.period and fact.unit not in ("count", "square meter"):
                undated.append((path.name, fact.quote))
    assert undated == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("截至2022年，全省民营企业进出口占比已连续8年超过50%。", "8年"),
        ("In the first half, exports grew for five consecutive months.", "five consecutive months"),
    ],
)
def test_a_duration_has_no_period(text: str, quote: str) -> None:
    fact = _facts(text)[quote]
    assert (fact.kind, fact.period) == ("duration", None)


def test_a_year_to_month_span_and_the_years_counted_back_in_it() -> None:
    text = (
        "From 2018 to October 2022, Jilin's outbound investment reached 9 billion U.S. dollars. "
        "Investment in the past five years accounted for 60% of the total since 2000."
    )
    got = _facts(text)
    assert got["9 billion U.S. dollars"].period == "2018-01/2022-10"


def test_chinese_narrative_currently_does_not_end_the_period() -> None:
    # 目前 in "目前整体趋势平稳" is narrative; only 截至目前 / 迄今 turn to the stock
    text = "今年上半年，全省出口2.6万亿元。目前整体趋势平稳。出口规模首次突破2.5万亿元。"
    assert _facts(text)["2.5万亿元"].period == "2023-01/2023-06"


@pytest.mark.parametrize(
    ("text", "quote", "period"),
    [
        # relative to the dateline (2023-01-20 here)
        ("Shaanxi's exports were 20 billion yuan last month.", "20 billion yuan", "2022-12"),
        ("Shaanxi's exports rose 4 percent this month.", "4 percent", "2023-01"),
        ("Shaanxi's exports rose 4 percent last year.", "4 percent", "2022"),
        # "compared with last month" is the base of a change, no period
        ("Shaanxi's exports rose 2 percent compared with last month.", "2 percent", None),
    ],
)
def test_last_month_and_last_year_from_the_dateline(
    text: str, quote: str, period: str | None
) -> None:
    assert _facts(text, dt.date(2023, 1, 20))[quote].period == period
