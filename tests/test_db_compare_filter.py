"""The Compare row filter: every word of the query in a row's label, in any order."""

from __future__ import annotations

from factscope.db.compare import CompareRow, Comparison
from factscope.db.compare_filter import filter_rows, row_label


def test_filter_rows_matches_every_word_in_any_field() -> None:
    def row(metric: str, metric_type: str, period: str | None) -> CompareRow:
        return CompareRow(
            metric=metric, metric_type=metric_type, period=period, measure="amount", cells={}
        )

    comparison = Comparison(
        regions=[],
        rows=[row("Total trade", "trade_total", "2020"), row("Exports", "exports", "2021"),
              row("Tax revenue", "fiscal_revenue", None)],
    )  # fmt: skip

    def metrics(query: str) -> list[str]:
        return [r.metric for r in filter_rows(comparison, query).rows]

    assert metrics("") == ["Total trade", "Exports", "Tax revenue"]
    assert metrics("TRADE") == ["Total trade"]
    assert metrics("fiscal revenue") == ["Tax revenue"], "type words match without the _"
    assert metrics("2021 exp") == ["Exports"]
    assert metrics("trade 2021") == []


def test_the_comparison_itself_is_left_as_it_was() -> None:
    row = CompareRow(
        metric="Exports", metric_type="exports", period="2020", measure="share", cells={}
    )
    comparison = Comparison(regions=[], rows=[row])
    assert filter_rows(comparison, "imports").rows == []
    assert comparison.rows == [row]
    assert "share" in row_label(row) and "2020" in row_label(row)
