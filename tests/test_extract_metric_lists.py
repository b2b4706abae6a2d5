"""A "respectively" list pairs each listed metric with its figure, in order."""

from __future__ import annotations

import pytest

from factscope.importers.extract import extract_facts


def _metrics(text: str) -> list[tuple[str, str | None, str | None, float | None]]:
    return [(f.quote, f.metric, f.metric_type, f.change_percent) for f in extract_facts(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 2019, Dalian's imports and exports went up 6.2% and 1.9% respectively.",
            [("6.2%", "imports", "imports", 6.2), ("1.9%", "exports", "exports", 1.9)],
        ),
        # the unit written once, after the last number
        (
            "Exports and imports climbed 12.7 and 4.4 percent respectively last year.",
            [
                ("12.7", "exports", "exports", 12.7),
                ("4.4 percent", "imports", "imports", 4.4),
            ],
        ),
        (
            "Its GDP and per capita GDP expanded 3.9% and 3.5%, respectively.",
            [("3.9%", "GDP", "gdp", 3.9), ("3.5%", "per capita GDP", "gdp_per_capita", 3.5)],
        ),
        # amounts, not rates
        (
            "Yantai's exports and imports totaled 210 billion yuan and 95 billion yuan "
            "respectively in 2018.",
            [
                ("210 billion yuan", "exports", "exports", None),
                ("95 billion yuan", "imports", "imports", None),
            ],
        ),
    ],
)
def test_listed_metrics_pair_with_figures_in_order(
    text: str, expected: list[tuple[str, str, str, float | None]]
) -> None:
    assert _metrics(text) == expected


def test_a_list_of_partners_is_no_list_of_metrics() -> None:
    got = _metrics("Exports to Japan and South Korea fell 2% and 7% respectively.")
    assert [m[2] for m in got] == ["trade_with_partner", "trade_with_partner"]
