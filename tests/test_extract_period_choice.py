"""choose_periods: the nearest unblocked period, not one that belongs to another figure."""

from __future__ import annotations

from factscope.importers.extract.figure import Figure
from factscope.importers.extract.period_choice import choose_periods
from factscope.importers.extract.periods import Period


def _fig(start: int, end: int) -> Figure:
    return Figure(start, end, start, end, 1.0, 1.0, "CNY")


def test_a_period_right_after_another_figure_is_that_figures() -> None:
    # "from 1.5 billion yuan in 2012 to 2.9 billion yuan in 2021"
    text = "from 1.5 billion yuan in 2012 to 2.9 billion yuan in 2021"
    first = _fig(text.index("1.5"), text.index(" in 2012"))
    second = _fig(text.index("2.9"), text.index(" in 2021"))
    y2012 = Period(text.index("2012"), text.index("2012") + 4, "2012", "2012")
    y2021 = Period(text.index("2021"), text.index("2021") + 4, "2021", "2021")
    assert choose_periods([first, second], [y2012, y2021], []) == [y2012, y2021]


def test_a_semicolon_blocks_a_period() -> None:
    text = "In 2020 exports were 3 billion yuan; imports 2 billion yuan"
    fig = _fig(text.index("2 billion"), len(text))
    y2020 = Period(3, 7, "2020", "2020")
    assert choose_periods([fig], [y2020], [text.index(";")]) == [y2020]  # the only one
    nearer = _fig(text.index("3 billion"), text.index(";"))
    assert choose_periods([nearer, fig], [y2020], [text.index(";")]) == [y2020, y2020]
