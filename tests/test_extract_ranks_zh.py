"""Chinese ranks: "居全国第N位" as rank records, copied onto the figure they rank."""

from __future__ import annotations

import datetime as dt

import pytest

from factscope.importers.extract import extract_facts
from factscope.importers.extract.ranks_zh import ranks_zh


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("陕西省粮食产量居全国第12位。", [("第12", 12, "全国")]),
        ("吉林省汽车产量位居全国第三。", [("第三", 3, "全国")]),
        ("厦门港集装箱吞吐量排名全国第7位，同比增长2.1%。", [("第7", 7, "全国")]),
        ("大连市在东北城市中排名第二。", [("第二", 2, "东北城市中")]),
        ("福州市电子信息产业规模居全省首位。", [("首位", 1, "全省")]),
        ("南宁是广西第一大城市，居全区第一。", [("第一", 1, "全区")]),
    ],
)
def test_rank_table(text: str, expected: list[tuple[str, int, str]]) -> None:
    got = [(text[r.start : r.end], r.value, r.scope) for r in ranks_zh(text, 0, len(text))]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "第二产业增加值1200亿元，增长5.1%。",
        "第三季度出口增长4%。",
        "湖北省获批第二批试点城市。",
        "“十四五”时期是第十四个五年规划期。",
        "第5次全国经济普查结果显示。",
    ],
)
def test_ordinals_that_rank_nothing(text: str) -> None:
    assert ranks_zh(text, 0, len(text)) == []


def test_rank_goes_to_the_amount_right_before_it() -> None:
    text = "2022年，贵州省进出口总额800.2亿元，居全国第25位。"
    level, rank = extract_facts(text, dt.date(2023, 3, 1))
    assert (level.quote, level.rank, level.rank_scope) == ("800.2亿元", 25, "全国")
    assert (rank.quote, rank.kind, rank.unit, rank.value) == ("第25", "rank", "rank", 25)
    assert rank.metric_type == "trade_total" and rank.period == "2022"


def test_rank_of_a_growth_rate_is_not_copied_onto_the_amount() -> None:
    text = "前三季度，甘肃省出口额320.4亿元，同比增长18.2%，增速位居全国第四。"
    facts = extract_facts(text, dt.date(2023, 11, 1))
    level = next(f for f in facts if f.unit == "CNY")
    rank = next(f for f in facts if f.kind == "rank")
    assert level.rank is None and level.change_percent == 18.2
    assert rank.value == 4 and rank.rank_scope == "全国"


def test_change_after_a_rank_keeps_the_metric() -> None:
    text = "海南省货物贸易总额排名全国第18位，增长9.6%。"
    change = next(f for f in extract_facts(text) if f.kind == "change")
    assert change.metric_type == "trade_total" and change.change_percent == 9.6
