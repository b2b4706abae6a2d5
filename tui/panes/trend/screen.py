"""The Trend view: one region's figure over time as a chart, every source listed under it.

Pushed over the pane it was opened from (ctrl+t on a fact in Facts, or on a row in Compare,
where each compared region is one series); Escape pops it, leaving that pane as it was. The
trend is loaded in a worker; the chart is textual-plotext's, drawn by the same code as
``factscope trend`` (:func:`tui.trend_render.draw_trend`), and scales to the space it has.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Static
from textual_plotext import PlotextPlot

from factscope.db.compare import HETEROGENEOUS, measure_of
from factscope.db.compare_labels import phrase_of
from factscope.db.models import Fact
from factscope.db.store import Store
from factscope.db.trend import Trend, trend_label
from factscope.tui.messages import OpenEvidence
from factscope.tui.render import safe
from factscope.tui.screens.base import PaneScreen
from factscope.tui.trend_render import (
    TREND_COLUMNS,
    draw_trend,
    summary_line,
    trend_records,
    trend_rows,
)
from factscope.tui.widgets.status_line import StatusLine


def series_citation(trend: Trend) -> str:
    """The series as plain text: one line per value with its document, conflicts marked."""
    lines = [summary_line(trend)]
    for row in trend_rows(trend):
        region, period, value, change, conflict, document, published = row
        parts = [f"{period}: {value}", change, f"({conflict})" if conflict else ""]
        source = f" — {document}, {published or 'undated'}" if document else ""
        lines.append(safe(f"{region} {' '.join(p for p in parts if p)}{source}"))
    return "\n".join(lines)


class TrendScreen(PaneScreen):
    """A region's (or several regions') figure across periods, with disagreeing sources."""

    PANE = "Trend"
    HELP = """
The **Trend** view shows one metric of a region across every period that any document
states, in time order: the chart on top (one line per region, broken where a year is
missing; an **x** marks each value of a period the sources disagree about), and under it
every value with its document. Periods where documents disagree by more than 0.5 % say
**conflict**, with each value listed. **Enter** opens the highlighted value's sentence in the
reader; **ctrl+y** copies the series as text; **ctrl+s** exports it; **Escape** goes back.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", tooltip="Back to where the trend was opened from."),
        Binding("enter", "evidence", "Evidence", tooltip="Open the value's sentence."),
        Binding(
            "ctrl+y",
            "copy",
            "Copy",
            tooltip="Copy the series, each value with its source.",
            id="trend.copy",
        ),
        Binding(
            "ctrl+s", "export", "Export", tooltip="Save the series to a file.", id="trend.export"
        ),
    ]
    """Trend view keys; the table's own keys move the selection."""

    def __init__(
        self,
        store: Store,
        region_ids: list[str],
        metric: str,
        *,
        include_children: bool = False,
        measure: str = "amount",
        phrase: str = "",
    ) -> None:
        super().__init__(store)
        self.region_ids = region_ids
        self.metric = metric
        self.include_children = include_children
        self.measure = measure
        """A comparison row's measure: the trend of a share row is of that share."""
        self.phrase = phrase
        """What a row of a broad type counts ("cities"): only those figures."""
        self.trend: Trend | None = None
        self.row_facts: list[Fact | None] = []
        """The fact behind each table row (None for a gap)."""

    def compose(self) -> ComposeResult:
        yield Static(Text(f"Trend: {safe(self.label)}"), id="trend-title")
        yield PlotextPlot(id="trend-chart")
        table: DataTable[Text] = DataTable(id="trend-table", cursor_type="row", zebra_stripes=True)
        table.add_columns(*TREND_COLUMNS)
        yield table
        yield StatusLine(self.PANE)
        yield Footer()

    @classmethod
    def of_fact(cls, store: Store, fact: Fact) -> TrendScreen:
        """The trend a figure belongs to: its region's figures of its metric and measure (a
        share's trend is of that share), of the thing it counts when its type is broad."""
        metric = fact.metric_type or fact.metric or ""
        phrase = phrase_of(fact) if fact.metric_type in HETEROGENEOUS else ""
        return cls(store, [str(fact.region_id)], metric, measure=measure_of(fact), phrase=phrase)

    @property
    def label(self) -> str:
        """The metric as the user reads it (never an internal id), before the trend loads."""
        return trend_label(self.metric, self.measure, self.phrase)

    def on_mount(self) -> None:
        self.status_line.set_context(f"loading {self.label}")
        self.query_one(DataTable).focus()
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="trend", description="Trend")
    def _load(self) -> None:
        trends = [
            self.store.trend(
                region_id,
                self.metric,
                include_children=self.include_children,
                measure=self.measure,
                phrase=self.phrase,
            )
            for region_id in self.region_ids
        ]
        merged = trends[0].model_copy(
            update={
                "series": [s for t in trends for s in t.series],
                "notes": [n for t in trends for n in t.notes],
            }
        )
        self.app.call_from_thread(self.show, merged)

    def show(self, trend: Trend) -> None:
        """Draw the chart and fill the table."""
        self.trend = trend
        self.query_one("#trend-title", Static).update(Text(summary_line(trend), style="bold"))
        plot = self.query_one(PlotextPlot)
        plot.plt.clear_data()
        plot.plt.clear_figure()
        draw_trend(plot.plt, trend, plot.size.width or 80)
        plot.refresh()
        table = self.query_one(DataTable)
        table.clear()
        self.row_facts = []
        for series in trend.series:
            for point in series.points:
                self.row_facts.extend([v.fact for v in point.values] or [None])
        for row in trend_rows(trend):
            table.add_row(*(Text(safe(cell)) for cell in row))  # titles are untrusted
        self.status_line.set_context(Text("Enter evidence · ctrl+y copy · ctrl+s export"))
        for note in trend.notes:
            self.notify(safe(note), timeout=4)  # notes quote documents' phrases

    def on_resize(self) -> None:
        if self.trend is not None:
            self.show(self.trend)

    def action_back(self) -> None:
        """Back to the pane the trend was opened from."""
        self.dismiss()

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_evidence()

    def action_evidence(self) -> None:
        """Open the highlighted value's document at its sentence."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        fact = self.row_facts[row] if 0 <= row < len(self.row_facts) else None
        if fact is not None and fact.doc_id:
            self.post_message(OpenEvidence(fact.doc_id, fact.id))

    def action_copy(self) -> None:
        """Copy the series as text: every value with its document."""
        if self.trend is not None:
            self.app.copy_to_clipboard(series_citation(self.trend))
            self.notify("Copied the series with each value's source.", timeout=3)

    def action_export(self) -> None:
        """Ask for a format and a path, then write every value of the series there."""
        if self.trend is not None:
            records = trend_records(self.trend)
            what = f"{len(records):,} values of the trend"
            self.export(what, "factscope-trend", lambda: records, noun="values")
