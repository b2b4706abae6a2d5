"""Extraction time grows linearly with the text, also for texts that are one huge sentence.

No timed assertions: the inputs are large enough that quadratic work (every figure looking at
every other figure, period or place of its sentence or document) would hang the suite.
"""

from __future__ import annotations

import random

import pytest

from factscope.importers.extract import extract_facts
from factscope.importers.extract.sentences import split_sentences

TOKENS = (
    "1", "23", "4,567", "8.9", "10%", "2020", "13,71 billion", "-", ",", ";", "(", ")", "$",
    "US$", "yuan", "percent", "up", "fell", "rose 5.2 percent year on year", "No.", "No. 3",
    "the", "first", "in", "of", "Shanghai", "Suzhou", "the district's", "the city", "billion",
    "1,2", "5-6", "7/8", "9:00", "+", "#", "x1", "a", "one", "two-thirds",
    "January", "May", "Q1", "H2", "from", "to", "between", "and", "ranked", "ranking second",
    "over", "about", "year", "years", "companies", "tons", "the nine", "(about", "accounting for",
    "respectively", "up 3.3 percent and 7.8 percent respectively", "higher than", "the figure in",
    "compared with the same month of", "mu (", "hectares", "exports to", "Japan",
)  # fmt: skip


def _noise(size: int, seed: int, separators: tuple[str, ...]) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        part = rng.choice(TOKENS) + rng.choice(separators)
        parts.append(part)
        length += len(part)
    return "".join(parts)


def _check(text: str) -> None:
    facts = extract_facts(text)
    assert len(facts) > len(text) // 1000
    assert all(f.quote == text[f.start : f.end] for f in facts)


def test_one_sentence_of_200_kb() -> None:
    text = _noise(200_000, seed=1, separators=(" ", " ", ", "))
    assert len(split_sentences(text)) == 1
    _check(text)


@pytest.mark.slow
def test_single_line_of_2_mb() -> None:
    _check(_noise(2_000_000, seed=2, separators=(" ", "", " ", ", ", ". ", ".")))


ZH_TOKENS = (
    "2021年", "一季度", "前三季度", "上半年", "1-5月", "今年", "去年同期", "成都市", "四川省",
    "松江区", "地区生产总值", "进出口总额", "4500亿元", "1.5万亿元", "同比增长10.2%", "下降3%",
    "比", "较上年", "第2", "位列全省", "家企业", "1600", "万人", "出口", "进口",
)  # fmt: skip


def test_one_chinese_sentence_of_200_kb() -> None:
    """Thousands of places, periods and figures in one sentence (no 。)."""
    rng = random.Random(3)
    text = "".join(rng.choice(ZH_TOKENS) + rng.choice(("，", "", "、")) for _ in range(40_000))
    assert len(split_sentences(text)) == 1
    _check(text)


@pytest.mark.parametrize(
    "unit",
    [
        # counts inside definite noun phrases: each figure looked back over all of them
        "with the 5 cities ",
        # verbless ranks after a comma: each rank looked for its figure over all the others
        "up 5 percent, No. 1 among x, ",
        # Chinese fractions and tenths, durations and ranks in one sentence
        "四分之一，八成以上，连续7年居全国第1位，",
    ],
)
def test_repeated_phrases_in_one_sentence_of_150_kb(unit: str) -> None:
    text = unit * (150_000 // len(unit))
    assert len(split_sentences(text)) == 1
    facts = extract_facts(text)
    assert len(facts) >= len(text) // (2 * len(unit))
    assert all(f.quote == text[f.start : f.end] for f in facts)
