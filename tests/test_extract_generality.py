"""Input -> expected rows for wording the seeds do not use: multiplicative changes, Chinese
numerals and growth wording, company subjects and annual rates. All sentences are our own."""

from __future__ import annotations

import pytest

from factscope.db.models import Fact
from factscope.importers.extract import extract_facts
from factscope.importers.extract.cjk import numeral_value
from factscope.importers.extract.numbers import find_numbers


def _fact(text: str, quote: str) -> Fact:
    matches = [f for f in extract_facts(text) if f.quote == quote]
    assert len(matches) == 1, [f.quote for f in extract_facts(text)]
    return matches[0]


@pytest.mark.parametrize(
    ("text", "quote", "percent", "basis", "change_quote"),
    [
        ("Exports from Hefei doubled to 12.4 billion yuan in 2022.", "12.4 billion yuan",
         100.0, "unstated", "doubled"),
        ("Xiamen's cross-border e-commerce more than doubled year on year to US$8.6 billion.",
         "US$8.6 billion", 100.0, "yoy", "doubled"),
        ("The number of robot makers in Foshan tripled to 36 companies.", "36 companies",
         200.0, "unstated", "tripled"),
        ("The county's trade deficit halved to about 3 billion yuan last year.",
         "3 billion yuan", -50.0, "unstated", "halved"),
    ],
)  # fmt: skip
def test_multiplicative_changes(
    text: str, quote: str, percent: float, basis: str, change_quote: str
) -> None:
    fact = _fact(text, quote)
    assert (fact.change_percent, fact.change_basis, fact.change_quote) == (
        percent,
        basis,
        change_quote,
    )
    assert fact.kind == "level"
    assert text[fact.change_start : fact.change_end] == change_quote


def test_doubled_without_to_is_no_change() -> None:
    fact = _fact("The plant doubled its staff, which now numbers 800 workers.", "800 workers")
    assert fact.change_percent is None


@pytest.mark.parametrize(
    ("chars", "value"),
    [("三", 3), ("十", 10), ("十五", 15), ("二十", 20), ("一百二十", 120), ("一百零五", 105),
     ("三千五百", 3500), ("两", 2), ("一二", None)],
)  # fmt: skip
def test_chinese_numeral_values(chars: str, value: int | None) -> None:
    assert numeral_value(chars) == value


@pytest.mark.parametrize(
    ("text", "quote", "value", "scale", "unit"),
    [
        ("全省新增外资企业三家。", "三家", 3, 1, "count"),
        ("园区今年引进项目一百二十项。", "一百二十项", 120, 1, "count"),
        ("该区实际使用外资1.2万美元。", "1.2万美元", 1.2, 1e4, "USD"),
        ("全年固定资产投资达3.5亿元。", "3.5亿元", 3.5, 1e8, "CNY"),
        ("新建仓储基地总投资两亿元。", "两亿元", 2, 1e8, "CNY"),
        ("港口吞吐量增加十五万吨。", "十五万吨", 15, 1e4, "ton"),
    ],
)  # fmt: skip
def test_chinese_numerals_and_scales(
    text: str, quote: str, value: float, scale: float, unit: str
) -> None:
    fact = _fact(text, quote)
    assert (fact.value, fact.scale, fact.unit) == (value, scale, unit)
    assert fact.normalized == value * scale


def test_chinese_ordinals_and_words_are_not_numbers() -> None:
    assert [f.quote for f in extract_facts("这是第三家入驻的企业，统一规划建设。")] == []


@pytest.mark.parametrize(
    ("text", "quote", "percent", "basis"),
    [
        ("2023年，芜湖市进出口总额达850亿元，同比增长十五%。", "850亿元", 15.0, "yoy"),
        ("上半年，全市出口额为120亿元，同比下降3.5%。", "120亿元", -3.5, "yoy"),
        ("该县社会消费品零售总额达到60亿元，年均增长8%。", "60亿元", 8.0, "avg_annual"),
    ],
)  # fmt: skip
def test_chinese_growth_attaches_to_the_amount(
    text: str, quote: str, percent: float, basis: str
) -> None:
    fact = _fact(text, quote)
    assert (fact.change_percent, fact.change_basis) == (percent, basis)


def test_chinese_standalone_fall() -> None:
    fact = _fact("今年前两个月，全市进口环比下降4.2%。", "4.2%")
    assert (fact.kind, fact.change_percent, fact.change_basis) == ("change", -4.2, "mom")


@pytest.mark.parametrize(
    ("text", "quote", "subject"),
    [
        ("Haier's overseas revenue reached 143 billion yuan in 2023.", "143 billion yuan",
         "Haier"),
        ("In 2022, Sany Heavy Industry's exports climbed to 36 billion yuan.",
         "36 billion yuan", "Sany Heavy Industry"),
        ("Jiangsu Hengrui Medicine Co's research spending totaled 6.2 billion yuan.",
         "6.2 billion yuan", "Jiangsu Hengrui Medicine Co"),
        ("Chongqing's GDP reached 3 trillion yuan in 2023.", "3 trillion yuan", None),
        ("The district's fiscal revenue stood at 12 billion yuan.", "12 billion yuan", None),
        ("It's expected that exports will reach 5 billion yuan.", "5 billion yuan", None),
    ],
)  # fmt: skip
def test_company_subject(text: str, quote: str, subject: str | None) -> None:
    assert _fact(text, quote).subject == subject


@pytest.mark.parametrize(
    ("text", "quote", "per"),
    [
        ("The new terminal has an annual handling capacity of 2 million TEUs.",
         "2 million TEUs", "year"),
        ("Firms with yearly sales of at least 5 million yuan get the subsidy.",
         "5 million yuan", "year"),
        ("Wuxi's annual industrial output exceeded 2 trillion yuan in 2022.",
         "2 trillion yuan", None),
        ("Its revenue posted average annual growth to reach 40 billion yuan.",
         "40 billion yuan", None),
        ("The factory ships 300,000 tons a year.", "300,000 tons a year", "year"),
    ],
)  # fmt: skip
def test_annual_rates(text: str, quote: str, per: str | None) -> None:
    assert _fact(text, quote).per == per


def test_digits_with_chinese_scale_are_not_read_twice() -> None:
    found = find_numbers("产量达3千吨。")
    assert [(n.value, n.scale) for n in found] == [(3.0, 1000.0)]


@pytest.mark.parametrize(
    ("text", "quote", "region", "period"),
    [
        # The year after 比 is the comparison, not the figure's period.
        (
            "2022年浙江省出口总值3.4万亿元，比2021年增长14%。",
            "3.4万亿元",
            "Zhejiang Province",
            "2022",
        ),
        # A place inside an organization name (海关, 日报 ...) is not where the figure is.
        (
            "据杭州海关统计，2022年浙江省进口总值1.3万亿元。",
            "1.3万亿元",
            "Zhejiang Province",
            "2022",
        ),
        (
            "据宁波海关统计，2021年江苏省出口额2万亿元，较2020年增长18%。",
            "2万亿元",
            "Jiangsu Province",
            "2021",
        ),
    ],
)
def test_chinese_comparison_years_and_organizations(
    text: str, quote: str, region: str, period: str
) -> None:
    [fact] = [f for f in extract_facts(text) if f.quote == quote]
    assert (fact.region, fact.period) == (region, period)


def test_cjk_gates() -> None:
    from factscope.importers.extract.cjk import has_cjk, quantity_follows

    assert has_cjk("GDP 松江") and not has_cjk("GDP Songjiang") and not has_cjk("松江", 1, 1)
    assert quantity_follows("2000余户", 4) and quantity_follows("2000吨", 4)
    assert not quantity_follows("2021年", 4) and not quantity_follows("2021 tons", 4)
