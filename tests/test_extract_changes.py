"""Changes: sign, basis and target of growth-rate wording."""

from __future__ import annotations

import re

import pytest

from importers.extract import extract_facts
from importers.extract.changes import read_change


def _change(text: str) -> tuple[float, str, bool] | None:
    m = re.search(r"(\d+(?:\.\d+)?)(?:%| percent)", text)
    assert m is not None
    got = read_change(text, m.start(), m.end(), float(m.group(1)), 0, len(text))
    return None if got is None else (got.percent, got.basis, got.targets_next)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("output hit 9 billion yuan, up 7.3 percent year on year", (7.3, "yoy", False)),
        ("sales rose, an increase of 4.4% year-on-year", (4.4, "yoy", False)),
        ("imports fell by 2.5 percent", (-2.5, "unstated", False)),
        ("tax revenue saw an average annual growth of 9.1 percent", (9.1, "avg_annual", False)),
        ("orders grew 11% over June", (11.0, "mom", False)),
        ("down 3.2% compared with the same period of 2019", (-3.2, "vs_2019_same_period", False)),
        ("a year-on-year decline of 6 percent", (-6.0, "yoy", False)),
        ("trade grew 12.6 percent to 410 billion yuan", (12.6, "unstated", True)),
        ("a 5.5% year-on-year increase", (5.5, "yoy", False)),
        ("accounting for 35 percent of the total", None),
        ("chips made up about 40 percent of exports", None),  # a share, not a rise
        ("services make up 55 percent of output", None),
        ("the ratio increased to 18.2%", None),
    ],
)
def test_change_table(text: str, expected: tuple[float, str, bool] | None) -> None:
    assert _change(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("青岛市外贸进出口总额比去年同期增长9.4%", (9.4, "yoy", False)),
        ("全县进口比上年同期下降2.1%", (-2.1, "yoy", False)),
        ("出口额较上年同期增长4%", (4.0, "yoy", False)),
        ("财政收入较上年增长6%", (6.0, "yoy", False)),
        ("与上年相比增长3.5%", (3.5, "yoy", False)),
        ("同比名义增长了5.5%", (5.5, "yoy", False)),
        ("环比增长1.8%", (1.8, "mom", False)),
        ("比上月回落0.6%", (-0.6, "mom", False)),
        ("固定资产投资年均增长7.2%", (7.2, "avg_annual", False)),
        ("两年平均增长4.9%", (4.9, "avg_annual", False)),
        ("比2019年同期增长11.3%", (11.3, "vs_2019_same_period", False)),
        ("较2019年同期减少5%", (-5.0, "vs_2019_same_period", False)),
        ("比2021年增长8%", (8.0, "unstated", False)),  # a year without 同期, as "over 2021"
        ("工业用电量下降1.2%", (-1.2, "unstated", False)),
        ("降幅为2.7%", (-2.7, "unstated", False)),
        ("增速为6.1%", (6.1, "unstated", False)),
        ("民营企业出口占比40%", None),  # a share, not a change
    ],
)
def test_chinese_change_table(text: str, expected: tuple[float, str, bool] | None) -> None:
    assert _change(text) == expected


@pytest.mark.parametrize(
    ("text", "quote", "percent", "basis"),
    [
        ("前三季度，湖北省进出口总额5000亿元，比去年同期增长13.2%。", "5000亿元", 13.2, "yoy"),
        ("2022年，全市出口额800亿元，较2019年同期增长21%。", "800亿元", 21.0,
         "vs_2019_same_period"),
        ("10月，全省社会消费品零售总额2100亿元，环比下降1.5%。", "2100亿元", -1.5, "mom"),
    ],
)  # fmt: skip
def test_chinese_change_attaches_to_the_amount(
    text: str, quote: str, percent: float, basis: str
) -> None:
    [fact] = extract_facts(text)
    assert fact.quote == quote
    assert (fact.change_percent, fact.change_basis) == (percent, basis)
