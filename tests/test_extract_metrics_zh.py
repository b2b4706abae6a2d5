"""A Chinese count's metric is the noun it counts, not its measure word (家, 个, 人)."""

from __future__ import annotations

import pytest

from factscope.importers.extract import extract_facts
from factscope.importers.extract.metrics_zh import count_noun


def _metrics(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {f.quote: (f.metric, f.metric_type) for f in extract_facts(text)}


@pytest.mark.parametrize(
    ("text", "quote", "metric"),
    [
        ("截至2021年底，全省高新技术企业共有3.6万家。", "3.6万家", "高新技术企业"),
        ("厦门市2020年新增外资项目420个。", "420个", "外资项目"),
        ("全市跨境电商企业达到850家，从业人员增加2万人。", "850家", "跨境电商企业"),
        ("全市跨境电商企业达到850家，从业人员增加2万人。", "2万人", "从业人员"),
        ("合肥市有外贸实绩企业6200家。", "6200家", "外贸实绩企业"),
        # the bulletin term for a population is kept as before
        ("户籍人口1600万人。", "1600万人", "户籍人口"),
    ],
)
def test_count_metric_is_the_noun_before_the_number(text: str, quote: str, metric: str) -> None:
    assert _metrics(text)[quote] == (metric, "count")


@pytest.mark.parametrize(
    ("before", "noun"),
    [
        ("今年以来，本市累计新增市场主体", "市场主体"),
        ("出口企业数量超过", "出口企业"),
        ("项目共计", "项目"),
        ("共有", None),  # nothing left but verbs: keep the measure word
        ("比上年末增加", None),  # a comparison is no noun
        ("外资企业较上年增加", "外资企业"),
    ],
)
def test_count_noun(before: str, noun: str | None) -> None:
    assert count_noun(before) == noun
