"""Chinese periods: quarters, halves, cumulative months, months, multi-year spans, relative years
and compared periods, normalized like the English ones."""

from __future__ import annotations

import datetime as dt

import pytest

from factscope.importers.extract import extract_facts
from factscope.importers.extract.periods import find_periods


def _periods(
    text: str, ref_year: int | None = None, published: dt.date | None = None
) -> list[str | None]:
    return [p.value for p in find_periods(text, 0, len(text), ref_year, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022年一季度，合肥市地区生产总值2700亿元", ["2022-01/2022-03"]),
        ("2020年第三季度，出口回升", ["2020-07/2020-09"]),
        ("2023年Q2营收", ["2023-04/2023-06"]),
        ("四季度，全市进口", ["XXXX-10/XXXX-12"]),
        ("第2季度，工业增加值", ["XXXX-04/XXXX-06"]),
        ("前三季度，湖南省进出口", ["XXXX-01/XXXX-09"]),
        ("1-3季度，全省投资", ["XXXX-01/XXXX-09"]),
        ("一至二季度，全县", ["XXXX-01/XXXX-06"]),
        ("上半年，福建省外贸", ["XXXX-01/XXXX-06"]),
        ("2019年下半年，出口", ["2019-07/2019-12"]),
        ("1-7月，西安市", ["XXXX-01/XXXX-07"]),
        ("1至7月，西安市", ["XXXX-01/XXXX-07"]),
        ("1—7月，西安市", ["XXXX-01/XXXX-07"]),
        ("1月至7月，西安市", ["XXXX-01/XXXX-07"]),
        ("一至十一月，全区", ["XXXX-01/XXXX-11"]),
        ("3-5月，社会消费品零售总额", ["XXXX-03/XXXX-05"]),
        ("前4个月，青岛市", ["XXXX-01/XXXX-04"]),
        ("前两个月，全市进口", ["XXXX-01/XXXX-02"]),
        ("8月份，全市出口", ["XXXX-08"]),
        ("2019年12月，全省", ["2019-12"]),
        ("2021年，江西省", ["2021"]),
        ("2021年度，全县", ["2021"]),
        ("2021年全年，全县", ["2021"]),
        ("2022年末，全省常住人口", ["2022"]),
        ("年末，全省常住人口", ["XXXX"]),
        ("2018-2022年，全市累计", ["2018/2022"]),
        ("2016年至2020年，全省", ["2016/2020"]),
        ("“十三五”期间，全省累计", ["2016/2020"]),
        ("“十四五”时期，全市", ["2021/2025"]),
        ("2019年以来，全市新增", [None]),
        ("目前，全省共有外资企业", [None]),
        # compared periods are not the figure's period
        ("2022年上半年，西安市出口额比2021年同期增长12%", ["2022-01/2022-06"]),
        ("全市进口比上年增长6%", []),
        ("出口较去年同期下降3%", []),
        ("与2019年相比，全省", []),
        ("增速比上半年加快0.5个百分点", []),
        ("去年同期为120亿元", []),
        # 一 and 季度 / 月 in other words are no period
        ("每一季度公布一次", []),
        ("与上一季度持平", []),
        ("按同一季度口径", []),
        ("近6个月，全市", []),
        ("工期缩短5个月", []),
        ("统一规划建设", []),
    ],
)
def test_chinese_period_table(text: str, expected: list[str | None]) -> None:
    assert _periods(text) == expected


@pytest.mark.parametrize(
    ("text", "ref_year", "expected"),
    [
        ("今年前三季度，湖北省", 2022, ["2022-01/2022-09"]),
        ("去年上半年，全市", 2022, ["2021-01/2021-06"]),
        ("去年，全市", 2022, ["2021"]),
        ("上年全省", 2022, ["2021"]),
        ("明年，全县", 2022, ["2023"]),
        ("今年8月，全省", 2022, ["2022-08"]),
        ("去年1-11月，全市", 2022, ["2021-01/2021-11"]),
        ("今年以来，全市", 2022, [None]),
        ("去年上半年，全市", None, ["XXXX-01/XXXX-06"]),
        ("过去年份的数据", 2022, []),  # 去年 inside 过去年份 is no year
    ],
)
def test_chinese_relative_years(text: str, ref_year: int | None, expected: list[str]) -> None:
    assert _periods(text, ref_year) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("上半年，全市出口", ["2022-01/2022-06"]),
        ("四季度，全市出口", ["2021-10/2021-12"]),  # not over yet: the latest one before
        ("10月，全市出口", ["2021-10"]),
        ("全年，全市出口", ["2021"]),  # the latest complete year
        ("2020年，全市出口，其中下半年", ["2020", "2020-07/2020-12"]),  # the sentence's year
    ],
)
def test_chinese_year_from_publication_date(text: str, expected: list[str]) -> None:
    assert _periods(text, 2022, dt.date(2022, 8, 10)) == expected


def test_chinese_period_replaces_the_english_year_inside_it() -> None:
    text = "2021年一季度，出口增长"
    [period] = find_periods(text, 0, len(text), None)
    assert (period.start, period.end, period.text) == (0, 8, "2021年一季度")


@pytest.mark.parametrize(
    ("text", "quote", "period", "period_text"),
    [
        ("2022年三季度，长沙市地区生产总值3600亿元，同比增长4.1%。", "3600亿元",
         "2022-07/2022-09", "2022年三季度"),
        ("今年前三季度，安徽省进出口总额5900亿元，比去年同期增长8.8%。", "5900亿元",
         "2022-01/2022-09", "今年前三季度"),
        ("上半年，江西省社会消费品零售总额6100亿元。", "6100亿元", "2022-01/2022-06",
         "上半年"),
        ("1-7月，福建省规模以上工业增加值同比增长6.3%。", "6.3%", "2022-01/2022-07", "1-7月"),
        ("去年下半年，厦门市出口额1200亿元。", "1200亿元", "2021-07/2021-12", "去年下半年"),
    ],
)  # fmt: skip
def test_chinese_periods_reach_the_facts(
    text: str, quote: str, period: str, period_text: str
) -> None:
    facts = extract_facts(text, dt.date(2022, 10, 20))
    # the numerals of the period ("1-7月", "三季度") are no figures of their own
    assert [f.quote for f in facts] == [quote]
    assert (facts[0].period, facts[0].period_text) == (period, period_text)
