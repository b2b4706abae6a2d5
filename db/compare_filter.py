"""Narrowing a comparison to the rows a few words name ("trade 2020", "export share").

Beside :mod:`db.compare`: the Compare pane's ctrl+f filter and any other front end narrow a
:class:`Comparison` the same way. Pure; the comparison is not changed.
"""

from __future__ import annotations

from factscope.db.compare import CompareRow, Comparison


def row_label(row: CompareRow) -> str:
    """What a row can be found by, case-folded: its metric label, metric type (also with
    spaces for ``_``: "fiscal revenue" finds ``fiscal_revenue``), period and measure."""
    label = f"{row.metric} {row.metric_type} {row.period or ''} {row.measure}".casefold()
    return label + " " + label.replace("_", " ")


def filter_rows(comparison: Comparison, query: str) -> Comparison:
    """The rows whose label (:func:`row_label`) holds every word of ``query``, in any order
    (case-insensitive; a word may be part of a longer one: "exp" finds exports)."""
    words = query.casefold().split()
    if not words:
        return comparison
    kept = [row for row in comparison.rows if all(w in row_label(row) for w in words)]
    return comparison.model_copy(update={"rows": kept})
