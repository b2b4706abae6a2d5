"""Issue 13, class 3: changes on real published wording. Every sentence is our own, written to
pin one class: a gap to another subject's rate ("faster than the national average") is no growth
of the figure; a growth stated before its amount and linked to it ("grew 7 percent, totaling
...", "saw an increase of 8 percent, reaching ...") is that amount's change."""

from __future__ import annotations

import datetime as dt

import pytest

from db.models import Fact
from importers.extract import extract_facts

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
