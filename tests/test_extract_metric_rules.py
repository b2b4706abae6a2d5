"""The metric rule tables (:mod:`importers.extract.metric_rules`) are consistent with the
gold vocabulary and with the keyword gates that decide when a rule is tried."""

from __future__ import annotations

import pytest

from factscope.importers.extract.metric_rules import (
    METRIC_RULES,
    RULE_KEYWORDS,
    UNTYPED,
    ZH_METRIC_RULES,
)
from factscope.importers.extract.metrics import classify

GOLD_TYPES = {
    "trade_total", "exports", "imports", "trade_balance", "trade_with_partner", "gdp",
    "gdp_per_capita", "fdi", "investment", "industry_scale", "revenue", "fiscal_revenue",
    "subsidy", "trade_dependence", "count", "area", "duration",
}  # fmt: skip


def test_every_type_is_gold_or_deliberately_untyped() -> None:
    names = {name for name, _ in METRIC_RULES} | {name for name, _ in ZH_METRIC_RULES}
    assert names <= GOLD_TYPES | UNTYPED


def test_every_english_rule_has_gate_keywords_it_can_match() -> None:
    # A rule is tried only when one of its keywords is in the text: a rule whose keywords
    # cannot occur in any of its matches would never fire.
    for name, pattern in METRIC_RULES:
        assert RULE_KEYWORDS[name], name
        alternatives = pattern.lower()
        assert any(k in alternatives for k in RULE_KEYWORDS[name]), name


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("total foreign trade volume", "trade_total"),
        ("exports to ASEAN", "trade_with_partner"),
        ("per capita disposable income", None),  # untyped: no gold type for household income
        ("dependence on foreign trade", "trade_dependence"),
    ],
)
def test_classify_uses_the_tables(phrase: str, expected: str | None) -> None:
    assert classify(phrase) == expected
