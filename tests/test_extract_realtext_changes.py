"""Issue 13, class 3: changes on real published wording. Every sentence is our own, written to
pin one class: a gap to another subject's rate ("faster than the national average") is no growth
of the figure; a growth stated before its amount and linked to it ("grew 7 percent, totaling
...", "saw an increase of 8 percent, reaching ...") is that amount's change."""

from __future__ import annotations

import datetime as dt

import pytest

from factscope.db.models import Fact
from factscope.importers.extract import extract_facts

PUBLISHED = dt.date(2023, 7, 20)


def _facts(text: str) -> dict[str, Fact]:
    return {f.quote: f for f in extract_facts(text, PUBLISHED)}


@pytest.mark.parametrize(
    ("text", "gap", "amount", "change"),
    [
        (
            "Hunan's exports rose 9 percent to 300 billion yuan, 4.2 percent faster than national "
            "average export growth.",
            "4.2 percent",
            "300 billion yuan",
            9.0,
        ),
        (
            "Jilin's imports grew 12% to 40 billion yuan, 6.5% higher than the provincial average.",
            "6.5%",
            "40 billion yuan",
            12.0,
        ),
        (
            "Anhui's trade rose by 11% to 500 billion yuan, 3% higher than Jiangsu's.",
            "3%",
            "500 billion yuan",
            11.0,
        ),
    ],
)
def test_a_gap_to_another_rate_is_a_diff(text: str, gap: str, amount: str, change: float) -> None:
    got = _facts(text)
    assert (got[gap].kind, got[gap].change_percent) == ("diff", None)
    assert got[amount].change_percent == change


def test_a_gap_in_chinese_points_stays_a_diff() -> None:
    got = _facts("上半年，全省进出口增长8%，高于全国3.1个百分点。")
    assert got["3.1个百分点"].kind == "diff"


@pytest.mark.parametrize(
    ("text", "quote", "change", "basis"),
    [
        # a growth before its amount, linked by a verb of amounting
        ("Shaanxi's exports grew by 9.1% amounting to 180 billion yuan.",
         "180 billion yuan", 9.1, "unstated"),
        ("In May alone, trade posted a 6.2% growth year on year, reaching 41 billion yuan.",
         "41 billion yuan", 6.2, "yoy"),
        ("Fujian recorded a GDP growth of 4.5 percent in the first half of the year, totaling "
         "about 2.6 trillion yuan.", "2.6 trillion yuan", 4.5, "unstated"),
        ("Xiamen's GDP saw a year-on-year growth of 5.2 percent and reached 800 billion yuan.",
         "800 billion yuan", 5.2, "yoy"),
        ("Imports increased by 3.4 percent yearly to 66 billion yuan.",
         "66 billion yuan", 3.4, "yoy"),
        # the basis between the verb and "by"; a fall written "narrowed"; an adjective
        ("Total trade hit 900 billion yuan, up year-on-year by 2.5 percent.",
         "900 billion yuan", 2.5, "yoy"),
        ("The trade surplus narrowed 12.5 percent to 70 billion yuan.",
         "70 billion yuan", -12.5, "unstated"),
        ("Imports went up a slight 0.4 percent year-on-year to 95 billion yuan.",
         "95 billion yuan", 0.4, "yoy"),
        # a noun of change right before its rates, with its basis before it
        ("Trade with Laos and Thailand hit 30 billion yuan and 45 billion yuan, a "
         "year-on-year expansion 7.2% and 3.5% respectively.", "45 billion yuan", 3.5, "yoy"),
    ],
)  # fmt: skip
def test_a_linked_growth_is_the_amounts_change(
    text: str, quote: str, change: float, basis: str
) -> None:
    fact = _facts(text)[quote]
    assert (fact.change_percent, fact.change_basis) == (change, basis)


def test_an_unlinked_amount_after_a_growth_keeps_none() -> None:
    # the amount after "reaching" belongs to another clause: it is no target of the growth
    got = _facts("Exports rose 7 percent, while the number of firms reached 3,000.")
    assert got["3,000"].change_percent is None


def test_an_amount_before_the_growth_claims_it_over_a_milestone_after() -> None:
    got = _facts(
        "Gansu sold goods worth 61.3 billion yuan abroad, up 6.1 percent, exceeding 60 billion "
        "yuan for the first time."
    )
    assert got["61.3 billion yuan"].change_percent == 6.1
    assert (got["60 billion yuan"].kind, got["60 billion yuan"].change_percent) == (
        "threshold",
        None,
    )


@pytest.mark.parametrize(
    ("text", "quote", "kind", "change"),
    [
        # a growth rate named so, with no verb of change
        ("Over the past five years, the average annual growth rate of Ningxia's output has "
         "been 7.5 percent.", "7.5 percent", "change", 7.5),
        ("Hunan posted GDP growth of 9.1% in 2010, 8.4% in 2011 and 7.6% in 2012.", "8.4%",
         "change", 8.4),
        ("Hunan posted GDP growth of 9.1% in 2010, 8.4% in 2011 and 7.6% in 2012.", "7.6%",
         "change", 7.6),
        ("前三季度，全省进出口增长9%，高于同期全国3.2%的增幅。", "3.2%", "change", 3.2),
        # rates higher than another's are gaps; "higher than 20 percent" is a criterion
        ("The growth rates of exports and imports were 5.1% and 2.2% higher than the national "
         "averages.", "5.1%", "diff", None),
        ("The growth rate of Anqing, Wuhu and Bengbu was higher than 20 percent.", "20 percent",
         "threshold", None),
        # a long subject between the rate's name and the figure; a fall named after it
        ("The average annual growth rate of output of firms with revenue above 20 million yuan "
         "has been 11.3 percent.", "11.3 percent", "change", 11.3),
        ("其中，外资企业进出口有3.4%的下降。", "3.4%", "change", -3.4),
        # its value before ("up from"), the provincial rate after the national one, and the
        # rates a criterion's list reaches
        ("Hebei's GDP grew 6.1 percent year on year in the first half, up from 5.5 percent in "
         "the first quarter.", "5.5 percent", "change", 5.5),
        ("Exports rose 9 percent, higher than the national growth rate of 4 percent and the "
         "provincial average of 6 percent.", "6 percent", "change", 6.0),
        ("The growth rate of Anqing, Wuhu and Bengbu was higher than 20 percent, reaching 31 "
         "percent, 25 percent and 22 percent, respectively.", "25 percent", "change", 25.0),
        # a share stays a share
        ("Exports to ASEAN accounted for 18 percent of the growth.", "18 percent", "share",
         None),
    ],
)  # fmt: skip
def test_a_rate_named_as_growth(text: str, quote: str, kind: str, change: float | None) -> None:
    fact = _facts(text)[quote]
    assert (fact.kind, fact.change_percent) == (kind, change)


def test_traditional_chinese_growth_words() -> None:
    got = _facts("前三季度，全省出口增長6.2%，其中9月環比增長3.1%，進口減少2%。")
    assert (got["6.2%"].change_percent, got["3.1%"].change_basis) == (6.2, "mom")
    assert got["2%"].change_percent == -2.0


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "In the first half, Hunan's trade was 300 billion yuan, up 9.9% year on year, well "
            "above the national overall level of 2.1% in the same period.",
            "2.1%",
        ),
        (
            "Exports rose 12 percent, faster than the national growth rate of 4.5 percent.",
            "4.5 percent",
        ),
        ("前三季度，全省进出口增长9%，高于同期全国3.2%的增幅。", "3.2%"),
    ],
)
def test_the_national_rate_compared_with_is_chinas(text: str, quote: str) -> None:
    fact = _facts(text)[quote]
    assert (fact.kind, fact.region) == ("change", "China")


def test_a_list_of_rates_after_a_list_of_amounts_pairs_in_order() -> None:
    got = _facts(
        "Trade with ASEAN, the EU and Japan reached 40 billion yuan, 30 billion yuan and 20 "
        "billion yuan, up 5 percent, 7 percent and 2 percent."
    )
    assert [got[q].change_percent for q in ("40 billion yuan", "30 billion yuan")] == [5.0, 7.0]
    assert got["20 billion yuan"].change_percent == 2.0


def test_multiples_of_growth() -> None:
    # 增长N倍 is a change of N x 100 percent on the amount before; the multiple is no fact
    got = _facts("其中，出口80.5亿美元，增长1.2倍；进口40亿美元，增长15%。")
    assert (got["80.5亿美元"].change_percent, got["80.5亿美元"].change_quote) == (120.0, "1.2倍")
    assert "1.2倍" not in got
    # "increased by 12 times": 12- or 13-fold, a change whose percent stays unknown
    fact = _facts("Gansu's exports increased by 12 times over the decade.")["12 times"]
    assert (fact.kind, fact.change_percent) == ("change", None)
    # "3 times that of 2019" is a multiple of a level, no change
    assert _facts("产量是2019年的3倍。")["3倍"].kind == "level"


def test_a_list_of_rates_to_a_list_of_amounts() -> None:
    got = _facts(
        "Exports and imports grew by 6.1 percent and 2.4 percent year-on-year to 80 billion "
        "yuan and 45 billion yuan, respectively."
    )
    assert (got["80 billion yuan"].change_percent, got["45 billion yuan"].change_percent) == (
        6.1,
        2.4,
    )
    assert got["45 billion yuan"].change_basis == "yoy"
