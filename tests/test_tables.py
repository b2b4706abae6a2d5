"""Tables fit the terminal by priority; off a terminal they are tab-separated and whole."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console

from factscope.tui.output import HIT_COLUMNS
from factscope.tui.tables import clean_cell, column_widths, fit_columns, print_table

COLUMNS = HIT_COLUMNS  # the columns of `factscope facts`
ROWS = [
    [
        "Jiading District",
        "total value of goods imported and exported",
        "2022-01/2022-09",
        "1,234.5 billion yuan",
        "+8.2% yoy",
        "A report on the district's trade in the first three quarters",
    ],
    ["湖北省", "地区生产总值", "2023", "5.58万亿元", "", ""],
]


def render(width: int, rows: list[list[str]] = ROWS) -> list[str]:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=True, color_system=None)
    print_table(COLUMNS, rows, console)
    return buffer.getvalue().splitlines()


@pytest.mark.parametrize("width", [40, 60, 80, 100, 160])
def test_a_table_never_passes_the_width_nor_cuts_figure_or_period(width: int) -> None:
    lines = render(width)
    assert max(cell_len(line.rstrip()) for line in lines) <= width
    assert "2022-01/2022-09" in lines[1] and "1,234.5 billion yuan" in lines[1]
    assert "5.58万亿元" in lines[2]


def test_columns_are_dropped_lowest_priority_first() -> None:
    natural = [[clean_cell(v) for v in row] for row in ROWS]
    names = [[COLUMNS[i].name for i in fit_columns(COLUMNS, natural, w)] for w in (60, 80, 200)]
    assert names[0] == ["region", "period", "figure"]
    assert names[1] == ["region", "metric", "period", "figure", "change"]
    assert names[2] == [c.name for c in COLUMNS]


def test_an_empty_column_takes_no_room() -> None:
    rows = [[r[0], r[1], "", r[3], r[4], r[5]] for r in ROWS]
    shown = fit_columns(COLUMNS, rows, 200)
    assert shown == [0, 1, 2, 3, 4, 5]  # the period is never dropped, even empty
    rows = [[r[0], r[1], r[2], r[3], "", r[5]] for r in ROWS]
    assert 4 not in fit_columns(COLUMNS, rows, 200)


def test_widths_fill_the_room_in_proportion_and_keep_minimums() -> None:
    widths = column_widths(COLUMNS, ROWS, 100)
    assert sum(widths) + 2 * (len(widths) - 1) <= 100
    assert widths[2] == len("2022-01/2022-09") and widths[3] == len("1,234.5 billion yuan")
    assert all(w >= min(c.min_width, 6) for c, w in zip(COLUMNS, widths, strict=True))


def test_off_a_terminal_rows_are_tab_separated_and_whole() -> None:
    buffer = io.StringIO()
    rows = [[*ROWS[0][:5], "a title\twith a tab\nand a line break [b]not markup[/b]\x1b[31m"]]
    print_table(COLUMNS, rows, Console(file=buffer, width=40))
    header, line = buffer.getvalue().splitlines()
    assert header.split("\t") == [c.name for c in COLUMNS]
    cells = line.split("\t")
    assert cells[1] == "total value of goods imported and exported"
    assert cells[5] == "a title with a tab and a line break [b]not markup[/b]"
