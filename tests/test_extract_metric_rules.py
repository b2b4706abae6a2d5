"""The metric rule tables (:mod:`importers.extract.metric_rules`) are consistent with the
gold vocabulary and with the keyword gates that decide when a rule is tried."""

from __future__ import annotations

# re's own parser (no stubs): the test reads each rule's openings from the parsed pattern
import re._constants as sre_constants  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]

import pytest

from factscope.importers.extract.metric_rules import (
    METRIC_RULES,
    RULE_KEYWORDS,
    RULE_STARTS,
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


def _openings(items: list[tuple[object, object]]) -> list[str]:
    """The literal text each alternative of a parsed pattern opens with (a ``\\b`` skipped)."""
    prefix = ""
    for i, (op, av) in enumerate(items):
        rest = items[i + 1 :]
        if op is sre_constants.AT:
            continue
        if op is sre_constants.LITERAL:
            prefix += chr(av)  # type: ignore[arg-type]
            continue
        if op is sre_constants.BRANCH:
            branches = av[1]  # type: ignore[index]
            return [prefix + o for b in branches for o in _openings([*b, *rest])]
        if op is sre_constants.SUBPATTERN:
            return [prefix + o for o in _openings([*av[3], *rest])]  # type: ignore[index]
        break
    return [prefix]


def test_every_match_of_a_rule_opens_with_one_of_its_starts() -> None:
    # The matcher tries a rule only where one of RULE_STARTS[name] stands in the folded text;
    # each alternative of the (lower-cased) pattern must open with one of them.
    for name, pattern in METRIC_RULES:
        parsed = list(sre_parse.parse(pattern.lower()))
        for opening in _openings(parsed):
            assert opening.startswith(RULE_STARTS[name]), (name, opening)
