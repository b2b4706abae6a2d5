"""Metric phrases and types, shares and thresholds."""

from __future__ import annotations

import pytest

from importers.extract import extract_facts, metrics


@pytest.mark.parametrize(
    ("phrase", "metric_type"),
    [
        ("the province's total import and export value", "trade_total"),
        ("exports of electronic products", "exports"),
        ("imports of crude oil", "imports"),
        ("trade surplus", "trade_balance"),
        ("exports to ASEAN countries", "trade_with_partner"),
        ("GDP", "gdp"),
        ("per capita GDP", "gdp_per_capita"),
        ("actual use of foreign capital", "fdi"),
        ("fixed-asset investment", "investment"),
        ("general public budget revenue", "fiscal_revenue"),
        ("operating revenue", "revenue"),
        ("housing subsidies", "subsidy"),
        ("dependence on foreign trade", "trade_dependence"),
        ("industrial output value", "industry_scale"),
        ("a subsidiary of the group", None),
    ],
)
def test_classify(phrase: str, metric_type: str | None) -> None:
    assert metrics.classify(phrase) == metric_type


def test_metric_after_and_before() -> None:
    text = "the parks earned 3 billion yuan in sales revenue, and"
    assert metrics.metric_after(text, text.index("yuan") + 4, len(text)) == "sales revenue"
    # a possessive owner ("The county's") is no part of the metric
    assert metrics.metric_before("The county's annual foreign trade volume in 2021 reached") == (
        "annual foreign trade volume"
    )


# Own sentences in the genre: the figure follows the text given; the metric phrase keeps no
# place names, datelines, possessive owners, leading articles or introducing verbs.
@pytest.mark.parametrize(
    ("sentence", "metric", "metric_type"),
    [
        ("NANJING — Foreign trade in Nanjing hit 620 billion yuan in 2022.", "foreign trade",
         "trade_total"),
        ("Fujian Province foreign trade reached 1.9 trillion yuan last year.", "foreign trade",
         "trade_total"),
        ("Jiading District total import and export volume stood at 180 billion yuan in 2021.",
         "total import and export volume", "trade_total"),
        ("Ningbo is a port city. The city's exports rose to 430 billion yuan in 2021.",
         "exports", "exports"),
        ("Tianjin is a municipality. The municipality's total foreign trade was 850 billion "
         "yuan in 2022.", "total foreign trade", "trade_total"),
        ("The gross domestic product of Wuxi reached 1.4 trillion yuan in 2021.",
         "gross domestic product", "gdp"),
        ("Jiangxi Province exported goods worth 500 billion yuan in 2022.", "exports",
         "exports"),
        ("Yunnan reported a fiscal revenue of 200 billion yuan in 2021.", "fiscal revenue",
         "fiscal_revenue"),
        ("Exports from the Haidian District in Beijing totaled 30 billion yuan in 2020.",
         "exports", "exports"),
        ("Tax revenue collected in Jiading District amounted to 25 billion yuan in 2021.",
         "tax revenue", "fiscal_revenue"),
        ("Cross-border e-commerce in Yiwu passed 100 billion yuan in 2022.",
         "cross-border e-commerce", "trade_total"),
        ("Exports of textiles accounted for 30 percent of the total in Shaoxing in 2021.",
         "exports of textiles", "exports"),
        ("Guangxi's trade with ASEAN members reached 270 billion yuan in 2021.",
         "trade with ASEAN members", "trade_with_partner"),
    ],
)  # fmt: skip
def test_metric_phrase_in_sentence(sentence: str, metric: str, metric_type: str) -> None:
    facts = [f for f in extract_facts(sentence) if f.unit in ("CNY", "percent")]
    assert facts, sentence
    assert (facts[0].metric, facts[0].metric_type) == (metric, metric_type)


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ("Zhejiang Province exported goods worth ", "exports"),  # only a verb form: type phrase
        ("firms with annual business revenue of at least ", "annual business revenue"),
        ("the area's imports of crude oil were ", "imports of crude oil"),
        ("In May exports ", "May exports"),  # a month keeps its capital
        ("no keyword here ", None),
    ],
)
def test_metric_before_tidies(context: str, expected: str | None) -> None:
    assert metrics.metric_before(context) == expected


def test_type_phrases_classify_as_their_type() -> None:
    for metric_type, phrase in metrics.TYPE_PHRASES.items():
        if metric_type not in ("area", "duration"):
            assert metrics.classify(phrase) == metric_type, phrase


def test_share_and_threshold() -> None:
    assert metrics.is_share("an export volume accounting for ", " of the total")
    assert metrics.share_of(" of its total exports, up") == "its total exports"
    assert metrics.is_threshold("firms with annual sales of at least ")
    assert not metrics.is_threshold("the firm earned ")
