"""The aligned comparison table: a row per metric and period, a column per region.

Each region cell has two lines: the value with its unit and change, then a bar scaled to the
largest comparable value of the row with the ratio to the base region (the first column).
Bars are drawn only in rows of amounts with at least two comparable values, so a bar never
sets a share beside a level. Markers, not colour alone, flag a converted value (``≈``), a
value that could not be compared (``≠``) and a district's figure shown under its city
(``↳``, never summed).

The table only displays a :class:`db.compare.Comparison` it is given (attributes down) and
posts :class:`CompareTable.CellFocused` / :class:`CompareTable.CellChosen` (messages up);
it never calls the store.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from factscope.db.compare import CompareCell, CompareRow, Comparison
from factscope.db.compare_labels import MEASURE_WORDS
from factscope.db.models import Region
from factscope.tui.formatting import cell_amount, format_amount, ratio_text
from factscope.tui.render import fit, safe

LEADING_COLUMNS = 2
"""Metric and period: the columns the cursor never rests on and that stay on screen."""
CONVERTED = "≈"
NOT_COMPARABLE = "≠"
ROLLED_UP = "↳"
LEGEND = f"{CONVERTED} converted · {NOT_COMPARABLE} not comparable · {ROLLED_UP} a district's"
"""The markers, explained where the table is shown."""
_EIGHTHS = " ▏▎▍▌▋▊▉"


@dataclass(frozen=True)
class Widths:
    """Cell widths (without padding) of the table's columns at one table width."""

    metric: int
    period: int
    region: int


def column_widths(width: int, regions: int) -> Widths:
    """Share ``width`` cells among metric, period and ``regions`` region columns.

    Up to four regions fit side by side at 80 columns (two with room for the change; four
    with 12 cells each, enough for '1.47 tn CNY'); narrower, the region columns scroll
    horizontally while the metric and period columns stay put.
    """
    usable = width - 1  # the vertical scrollbar
    count = max(regions, 1)
    crowded = count >= 4 and usable < 100
    period = 8 if crowded else 9 if usable < 100 else 10
    padding = 2 * (LEADING_COLUMNS + count)
    narrowest = 18 if count < 3 else 15 if count < 4 else 12
    metric = max(10 if crowded else narrowest - 2, min(30, usable - period - padding - 22 * count))
    region = (usable - metric - period - padding) // count
    return Widths(metric=metric, period=period, region=max(narrowest, min(34, region)))


def amount_text(value: float | None, unit: str | None) -> str:
    """A value with its unit, to five significant digits: '305.57 bn CNY'."""
    return format_amount(value, unit, digits=5)


def bar(fraction: float, width: int) -> str:
    """A horizontal bar of ``fraction`` (0..1) of ``width`` cells, in eighths of a cell."""
    eighths = max(1, round(max(0.0, min(1.0, fraction)) * width * 8)) if fraction > 0 else 0
    full, part = divmod(eighths, 8)
    return ("█" * full + (_EIGHTHS[part] if part else "")).ljust(width)


def row_label(row: CompareRow, width: int) -> Text:
    """The metric column: the row's label ("Exports (share)": it names the measure when
    not an amount, as the CLI does), on up to 2 lines."""
    label = safe(row.metric)
    said = (row.measure in MEASURE_WORDS or row.outlook) and label.endswith(")")
    first, second = label_lines(label, label[label.rfind(" (") + 1 :] if said else None, width)
    text = fit(Text(first, style="bold"), width)
    text.append("\n")
    text.append_text(fit(Text(second), width))
    return text


def label_lines(label: str, measure: str | None, width: int) -> tuple[str, str]:
    """A label in two lines of ``width``, cut at the end with "…" when longer; the
    ``measure`` at its end ("(share)") is never what is cut: two rows cut alike would look
    the same ("Trade with a pa…", the amount and the share)."""
    whole = textwrap.wrap(label, width, break_long_words=False) or [""]
    if len(whole) <= 2 and all(cell_len(line) <= width for line in whole):
        return whole[0], " ".join(whole[1:])
    if not measure or not label.endswith(f" {measure}"):
        lines = textwrap.wrap(label, width) or [""]
        return lines[0], " ".join(lines[1:])
    base = label.removesuffix(f" {measure}")
    room = width - cell_len(measure) - 1
    if room < 6:  # too narrow to say more: the label cut on one line, the measure below
        if cell_len(measure) > width:  # "(threshold)" in 10 cells: the word whole, unbracketed
            measure = fit(measure.strip("()"), width).plain.rstrip()
        return fit(base, width).plain.rstrip(), measure
    head, *rest = textwrap.wrap(base, width)
    tail = fit(" ".join(rest), room).plain.rstrip() if rest else ""
    return head, f"{tail} {measure}".strip()


def bar_scale(row: CompareRow) -> float | None:
    """The largest comparable magnitude of an amount row, or None when bars don't apply."""
    if row.measure != "amount":
        return None
    values = [abs(v) for v in (comparable_value(c) for c in row.cells.values()) if v is not None]
    return max(values) if len(values) >= 2 and max(values) > 0 else None


def comparable_value(cell: CompareCell | None) -> float | None:
    """The value in the base region's unit (converted when needed), None when not comparable."""
    if cell is None or not cell.comparable or cell.value is None:
        return None
    return cell.converted_value if cell.converted_value is not None else cell.value


def relation_text(row: CompareRow, cell: CompareCell, base: bool) -> str:
    """'×2.62' against the base; a difference for percentages ('+3.2 pp'); 'base'."""
    if base:
        related = (c for c in row.cells.values() if c is not None and c is not cell)
        return "base" if any(c.ratio_to_base or c.difference_to_base for c in related) else ""
    if cell.ratio_to_base is not None:
        return ratio_text(cell.ratio_to_base)
    if cell.difference_to_base is not None and cell.unit in ("percent", "percentage point"):
        return f"{cell.difference_to_base:+.3g} pp"
    if cell.difference_to_base is not None:
        sign = "+" if cell.difference_to_base >= 0 else ""
        return sign + amount_text(cell.difference_to_base, cell.unit)
    return ""


def cell_text(row: CompareRow, region: Region, base: bool, width: int, scale: float | None) -> Text:
    """A region's cell: value, unit, change and markers; then bar and relation to the base."""
    cell = row.cells.get(region.id)
    if cell is None:
        return Text("—", style="dim")
    first = Text()
    if cell.region_name != region.name:
        first.append(f"{ROLLED_UP} ", style="bold")
    first.append(cell_amount(cell, digits=5), style="bold")
    if cell.fact.change_percent is not None:
        first.append(f" {cell.fact.change_percent:+g}%", style="dim")
    if cell.rate is not None:
        first.append(f" {CONVERTED}", style="bold")
    if not cell.comparable:
        first.append(f" {NOT_COMPARABLE}", style="bold")
    second = Text()
    if not cell.comparable:
        second.append("not comparable", style="italic")  # the ≠ is on the value's line
    else:
        relation = relation_text(row, cell, base)
        if cell.rate is not None and relation:
            relation = f"{CONVERTED}{relation}"
        value = comparable_value(cell)
        if scale and value is not None:
            room = max(width - len(relation) - 1, 1)
            second.append(bar(abs(value) / scale, room), style="bold")
            second.append(" ")
        second.append(relation, style="italic" if base else "bold")
    text = fit(first, width)
    text.append("\n")
    text.append_text(fit(second, width))
    return text


def header_text(region: Region, base: bool, facts: int | None, width: int) -> Text:
    """A region column's header: its name, then 'base' and its number of facts."""
    text = fit(Text(safe(region.name), style="bold"), width)
    detail = "base · " if base else ""
    if facts is not None:
        detail += f"{facts:,} fact{'s' if facts != 1 else ''}"
    text.append("\n")
    text.append_text(fit(Text(detail, style="dim"), width))
    return text


class CompareTable(DataTable[Text]):
    """The comparison as a table of two-line cells; left/right move between regions."""

    HELP = """
### Table
**Left**/**Right** move between regions, **Up**/**Down** between rows. The evidence of the
selected cell is shown below; **Enter** opens it in the reader. Letters typed here search
for a region to add. ≈ marks a value converted at a rate the documents state, ≠ one that
cannot be compared, ↳ a district's figure shown under its city (never summed).
"""
    BINDING_GROUP_TITLE = "Comparison"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Evidence", tooltip="Open the reader at this figure."),
    ]
    """Table keys: Enter for the evidence (the arrows are the DataTable's). No letters:
    letters typed at the table go to the region search."""

    @dataclass
    class CellFocused(Message):
        """The cursor is on a region's cell (``cell`` None: that region has no figure)."""

        table: CompareTable
        row: CompareRow
        region: Region
        cell: CompareCell | None

        @property
        def control(self) -> CompareTable:
            """The table that sent this."""
            return self.table

    @dataclass
    class CellChosen(CellFocused):
        """Enter on a region's cell: show its evidence."""

    def __init__(self) -> None:
        super().__init__(
            cursor_type="cell",
            header_height=2,
            fixed_columns=LEADING_COLUMNS,
            show_row_labels=False,
        )
        self.comparison: Comparison | None = None
        """What is shown."""
        self.regions: list[Region] = []
        """The columns, in order (the first is the base); may include regions not stored."""
        self.fact_counts: dict[str, int] = {}

    def show(
        self,
        comparison: Comparison | None,
        regions: list[Region],
        fact_counts: dict[str, int],
    ) -> None:
        """Show ``comparison`` with a column per region of ``regions``, keeping the cursor."""
        self.comparison, self.regions, self.fact_counts = comparison, regions, fact_counts
        self.redraw()

    def redraw(self) -> None:
        """Rebuild the rows for the current width (cheap: tens of rows)."""
        row, column = self.cursor_coordinate
        self.clear(columns=True)
        widths = column_widths(self.size.width or 80, len(self.regions))
        self.add_column(Text("metric", style="bold"), width=widths.metric, key="metric")
        self.add_column(Text("period", style="bold"), width=widths.period, key="period")
        for index, region in enumerate(self.regions):
            header = header_text(region, index == 0, self.fact_counts.get(region.id), widths.region)
            self.add_column(header, width=widths.region, key=region.id)
        for compare_row in self.comparison.rows if self.comparison else []:
            scale = bar_scale(compare_row)
            cells = [
                cell_text(compare_row, region, index == 0, widths.region, scale)
                for index, region in enumerate(self.regions)
            ]
            period = fit(Text(safe(compare_row.period) or "—"), widths.period)
            self.add_row(row_label(compare_row, widths.metric), period, *cells, height=2)
        if self.row_count:
            column = max(column, LEADING_COLUMNS)
            self.move_cursor(
                row=min(row, self.row_count - 1),
                column=min(column, LEADING_COLUMNS + len(self.regions) - 1),
            )

    def on_resize(self) -> None:
        if self.regions:
            self.redraw()

    @property
    def selected(self) -> tuple[CompareRow, Region, CompareCell | None] | None:
        """The row, region and cell under the cursor; None when the table is empty."""
        if self.comparison is None or not self.row_count:
            return None
        row_index, column = self.cursor_coordinate
        if not 0 <= row_index < len(self.comparison.rows) or column < LEADING_COLUMNS:
            return None
        row = self.comparison.rows[row_index]
        region = self.regions[column - LEADING_COLUMNS]
        return row, region, row.cells.get(region.id)

    def post_focused(self, message_class: type[CellFocused] | None = None) -> None:
        """Tell the screen what is under the cursor."""
        selected = self.selected
        if selected is not None:
            self.post_message((message_class or self.CellFocused)(self, *selected))

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self.post_focused(self.CellChosen)

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        """Keep the cursor on region columns; report the new cell."""
        event.stop()
        if event.coordinate.column < LEADING_COLUMNS:
            self.move_cursor(column=LEADING_COLUMNS)
            return
        self.post_focused()
