"""Tables for people on a terminal, tab-separated text for pipes.

On a terminal a table fits its width: empty columns go, then whole columns by priority, and
the columns that say what a figure is (the figure, the period) are never cut. When stdout is
not a terminal every value is printed whole, tab-separated under a header line, so ``cut``,
``awk`` and ``sort -t$'\\t'`` work. Cell text is untrusted: controls are stripped and it goes
to Rich as ``Text``, never as markup. No textual here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from factscope.importers.sanitize import strip_control

GAP = 2
"""Spaces between two columns."""


@dataclass(frozen=True)
class Column:
    """One column of a table and how it gives way when the terminal is narrow."""

    name: str
    priority: int = 1
    """Higher stays longer: the lowest-priority column is dropped first."""
    whole: bool = False
    """Never cut nor dropped (the figure, the period)."""
    min_width: int = 8
    """The narrowest a cut column may get before it is dropped instead."""


def clean_cell(value: object) -> str:
    """One line of plain text: controls stripped, tabs and newlines folded to spaces."""
    return " ".join(strip_control("" if value is None else str(value)).split())


def fit_columns(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int) -> list[int]:
    """Indices of the columns to show at ``width``: empty ones go, then by priority."""
    natural = [
        max([cell_len(column.name), *(cell_len(row[i]) for row in rows)])
        for i, column in enumerate(columns)
    ]
    shown = [i for i in range(len(columns)) if columns[i].whole or any(row[i] for row in rows)]

    def needed(indices: list[int]) -> int:
        widths = [
            natural[i] if columns[i].whole else min(natural[i], columns[i].min_width)
            for i in indices
        ]
        return sum(widths) + GAP * max(len(indices) - 1, 0)

    while needed(shown) > width:
        droppable = [i for i in shown if not columns[i].whole]
        if not droppable:
            break
        shown.remove(min(droppable, key=lambda i: (columns[i].priority, -i)))
    return shown


def print_table(
    columns: Sequence[Column], rows: Sequence[Sequence[object]], console: Console | None = None
) -> None:
    """Rows under their column names: fitted on a terminal, tab-separated otherwise."""
    console = console or Console(highlight=False, soft_wrap=True)
    cells = [[clean_cell(value) for value in row] for row in rows]
    if not console.is_terminal:
        console.file.write("\t".join(c.name for c in columns) + "\n")
        for row in cells:
            console.file.write("\t".join(row) + "\n")
        return
    shown = fit_columns(columns, cells, console.width)
    widths = column_widths(
        [columns[i] for i in shown], [[r[i] for i in shown] for r in cells], console.width
    )
    table = Table(box=None, pad_edge=False, padding=(0, GAP // 2), header_style="bold")
    for i, width in zip(shown, widths, strict=True):
        table.add_column(columns[i].name, no_wrap=True, overflow="ellipsis", width=width)
    for row in cells:
        table.add_row(*(Text(row[i]) for i in shown))
    console.print(table)


def column_widths(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int
) -> list[int]:
    """Widths that fill at most ``width``: whole columns get all they need; the others share
    the rest in proportion to their content, never below their minimum."""
    natural = [
        max([cell_len(column.name), *(cell_len(row[i]) for row in rows)])
        for i, column in enumerate(columns)
    ]
    room = width - GAP * max(len(columns) - 1, 0)
    widths = [n if c.whole else min(n, c.min_width) for c, n in zip(columns, natural, strict=True)]
    spare = room - sum(widths)
    wants = [n - w for n, w in zip(natural, widths, strict=True)]
    wanted: int = sum(wants)
    if spare > 0 and wanted:
        share = min(1.0, spare / wanted)
        widths = [w + int(want * share) for w, want in zip(widths, wants, strict=True)]
    return widths
