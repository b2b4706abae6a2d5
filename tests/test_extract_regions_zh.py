"""全省/全市/全区 name the province or city the story is in, not the story's own place."""

from __future__ import annotations

import pytest

from factscope.importers.extract import extract_facts


def _regions(text: str) -> dict[str, str | None]:
    return {f.quote: f.region for f in extract_facts(text)}


@pytest.mark.parametrize(
    ("text", "quote", "region"),
    [
        # the story is about a city: 全省 is its province
        ("温州市去年出口2600亿元。全省出口总额3.6万亿元。", "3.6万亿元", "Zhejiang Province"),
        # the story is about a district: 全市 is its city
        ("深圳市南山区2021年GDP达7700亿元。全市GDP为3万亿元。", "3万亿元", "Shenzhen"),
        # 全市 about the city itself stays the city
        ("苏州市外贸稳中有进，全市外资企业1.8万家。", "1.8万家", "Suzhou"),
        # 全区 of an autonomous region
        (
            "南宁市今年吸引外资增长。全区实际利用外资15亿美元。",
            "15亿美元",
            "Guangxi Zhuang Autonomous Region",
        ),
    ],
)
def test_whole_marker_names_the_ancestor(text: str, quote: str, region: str) -> None:
    assert _regions(text)[quote] == region


def test_whole_marker_as_share_denominator_or_rank_scope_keeps_the_place() -> None:
    got = _regions("嘉兴市2020年进出口3000亿元，占全省的9%，居全省第五。")
    assert got["9%"] == "Jiaxing"
    assert got["第五"] == "Jiaxing"


def test_place_after_whole_marker_is_more_specific() -> None:
    got = _regions("合肥市经济增长较快。全省进出口7000亿元，其中芜湖进出口800亿元。")
    assert got["7000亿元"] == "Anhui Province"
    assert got["800亿元"] == "Wuhu"
