"""A growth stated in the sentence after its amount through "the figure" (issue 13, class 3).
Our own sentences."""

from __future__ import annotations

import datetime as dt

from factscope.importers.extract import extract_facts


def _facts(text: str) -> dict[str, tuple[str, float | None]]:
    return {f.quote: (f.kind, f.change_percent) for f in extract_facts(text, dt.date(2023, 7, 9))}


def test_the_figure_in_the_next_sentence() -> None:
    got = _facts(
        "Guizhou's trade totaled about 41 billion yuan (about 6 billion U.S. dollars) in the "
        "first half. The figure marks an increase of 12.5 percent over the same period last year."
    )
    assert got["41 billion yuan"] == ("level", 12.5)
    assert got["6 billion U.S. dollars"] == ("level", 12.5)
    assert "12.5 percent" not in got  # the rate is the amount's, no fact of its own


def test_these_figures_pair_in_order() -> None:
    got = _facts(
        "Exports of cars totaled 30 billion yuan, and exports of phones reached 20 billion "
        "yuan. These figures represented growth of 8 percent and 3 percent."
    )
    assert got["30 billion yuan"] == ("level", 8.0)
    assert got["20 billion yuan"] == ("level", 3.0)


def test_a_count_mismatch_leaves_the_rates_alone() -> None:
    got = _facts(
        "Exports totaled 30 billion yuan. The figure was up 8 percent and 3 percent in two "
        "quarters."
    )
    assert got["30 billion yuan"][1] is None
    assert got["8 percent"][0] == "change"
