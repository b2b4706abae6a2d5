"""Metric phrases and types, shares and thresholds."""

from __future__ import annotations

import pytest

from importers.extract import metrics


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
    assert metrics.metric_before("The county's annual foreign trade volume in 2021 reached") == (
        "county annual foreign trade volume"
    )


def test_share_and_threshold() -> None:
    assert metrics.is_share("an export volume accounting for ", " of the total")
    assert metrics.share_of(" of its total exports, up") == "its total exports"
    assert metrics.is_threshold("firms with annual sales of at least ")
    assert not metrics.is_threshold("the firm earned ")
