"""Printing for the CLI: progress bars, summaries, tables and JSON shapes.

Rich renders to stderr for messages and stdout for data; document text always goes in as
``rich.text.Text`` after control sequences are masked, never as markup. No textual here.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from factscope.db.compare import CompareCell, Comparison
from factscope.db.compare_labels import row_title
from factscope.db.models import Fact, FactHit, Region, SearchHit
from factscope.db.trend import Trend
from factscope.importers.pipeline import ImportProgress, ImportReport
from factscope.importers.sanitize import strip_control
from factscope.tui.formatting import (
    cell_amount,
    change_text,
    counted,
    qualifier_sign,
    ratio_text,
)
from factscope.tui.records import fact_values
from factscope.tui.render import highlighted
from factscope.tui.tables import Column, print_table
from factscope.tui.trend_render import summary_line, trend_chart, trend_rows


def _stdout() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _stderr() -> Console:
    return Console(stderr=True, highlight=False)


@contextmanager
def progress(
    *, enabled: bool = True, label: str = "Importing"
) -> Iterator[Callable[[ImportProgress], None]]:
    """A progress bar on stderr, shown only when stderr is a terminal."""
    console = _stderr()
    if not enabled or not console.is_terminal:
        yield lambda event: None
        return
    columns = (
        TextColumn(label, markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        # File names are untrusted: "[/x].txt" must show as typed, not parse as markup.
        TextColumn("{task.description}", style="dim", markup=False),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("", total=None)

        def advance(event: ImportProgress) -> None:
            name = strip_control(event.path)[-40:]
            bar.update(task, completed=event.done, total=event.total, description=name)

        yield advance


def import_summary(report: ImportReport) -> str:
    """One line: what the import did."""
    parts = [f"{report.imported} imported"]
    if report.replaced:
        parts.append(f"{report.replaced} replaced")
    parts.append(f"{report.unchanged} unchanged")
    parts.append(f"{len(report.failed)} failed")
    return f"{', '.join(parts)}; {counted(report.facts, 'fact')} extracted"


def say_truncation(shown: int, total: int, *, capped: bool = False) -> None:
    """Say on stderr when a result list is cut ("showing 20 of 1,204")."""
    if total > shown:
        more = "+" if capped else ""
        print(f"showing {shown:,} of {total:,}{more}", file=sys.stderr)


def hit_json(hit: SearchHit) -> dict[str, Any]:
    """The JSON shape of a search hit."""
    doc = hit.document
    return {
        "id": doc.id,
        "title": doc.title,
        "source": doc.source,
        "published": doc.published.isoformat() if doc.published else None,
        "facts": doc.fact_count,
        "rank": hit.rank,
        "snippet": hit.snippet,
        "highlights": [list(span) for span in hit.highlights],
    }


def print_hits(hits: list[SearchHit]) -> None:
    """Search hits for people: title, date, source, then the snippet."""
    console = _stdout()
    for hit in hits:
        doc = hit.document
        date = doc.published.isoformat() if doc.published else "undated"
        head = Text(strip_control(doc.title), style="bold")
        head.append(f"  {date}  {counted(doc.fact_count, 'fact')}", style="dim")
        console.print(head)
        console.print(Text("  ") + highlighted(hit.snippet, hit.highlights, "bold reverse"))
        console.print(Text(f"  {strip_control(doc.source)}", style="dim"))


FACT_JSON_EXCLUDE = {"id", "doc_id"}


def fact_json(fact: Fact) -> dict[str, Any]:
    """The JSON shape of an extracted fact: the gold file's field names, clean numbers."""
    return fact_values(fact, exclude=FACT_JSON_EXCLUDE)


def format_value(fact: Fact) -> str:
    """The figure as the document writes it, with the qualifier its quote leaves out:
    "305.57 billion yuan", ">3,800 companies" (for "more than 3,800"), "~40 percent"."""
    return qualifier_sign(fact) + strip_control(fact.quote)


FACT_COLUMNS = (
    Column("figure", whole=True),
    Column("unit", priority=3, min_width=6),
    Column("kind", priority=2, min_width=6),
    Column("region", priority=5, min_width=12),
    Column("period", whole=True),
    Column("change", priority=4, min_width=12),
    Column("metric", priority=4, min_width=12),
)
"""Columns of ``factscope extract --format table``."""


def print_facts_table(facts: list[Fact]) -> None:
    """Facts as a table for people (tab-separated when stdout is not a terminal)."""
    rows = [
        (
            format_value(f),
            f.unit,
            f.kind,
            f.region,
            f.period or f.period_text,
            change_text(f),
            f.metric,
        )
        for f in facts
    ]
    print_table(FACT_COLUMNS, rows, _stdout())


REGION_COLUMNS = (
    Column("id", whole=True),
    Column("name", whole=True),
    Column("level", priority=3, min_width=8),
    Column("within", priority=2, min_width=12),
)


def print_regions(rows: list[tuple[Region, list[Region]]]) -> None:
    """Regions with their level and parent chain."""
    cells = [(r.id, r.name, r.level, " › ".join(p.name for p in parents)) for r, parents in rows]
    print_table(REGION_COLUMNS, cells, _stdout())


HIT_COLUMNS = (
    Column("region", priority=5, min_width=12),
    Column("metric", priority=4, min_width=12),
    Column("period", whole=True),
    Column("figure", whole=True),
    Column("change", priority=3, min_width=12),
    Column("document", priority=2, min_width=16),
)
"""Columns of ``factscope facts``: the figure and its period are never cut."""


def print_fact_hits(hits: list[FactHit]) -> None:
    """Fact hits as a table for people (tab-separated when stdout is not a terminal)."""
    rows = [
        (
            h.fact.region,
            h.fact.metric,
            h.fact.period or h.fact.period_text,
            format_value(h.fact),
            change_text(h.fact),
            h.document_title,
        )
        for h in hits
    ]
    print_table(HIT_COLUMNS, rows, _stdout())


MISSING = "—"
"""A comparison's empty period or cell, on a terminal and in tab-separated text alike."""


def print_comparison(comparison: Comparison) -> None:
    """The aligned comparison table for people (tab-separated when stdout is not a terminal)."""
    console = _stdout()
    if not console.is_terminal:
        columns = [Column("metric"), Column("period")]
        columns += [Column(region.name) for region in comparison.regions]
        print_table(columns, [_plain_row(comparison, row) for row in comparison.rows], console)
        for note in comparison.notes:
            print(f"note: {strip_control(note)}", file=sys.stderr)
        return
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("metric", overflow="fold")
    table.add_column("period")
    for region in comparison.regions:
        table.add_column(strip_control(region.name), overflow="fold")
    for row in comparison.rows:
        cells: list[Text] = []
        for region in comparison.regions:
            cell = row.cells.get(region.id)
            if cell is None:
                cells.append(Text(MISSING, style="dim"))
                continue
            text = Text(_figure(cell, region))
            if cell.fact.change_percent is not None:
                text.append(f" ({cell.fact.change_percent:+g}%)", style="dim")
            if cell.ratio_to_base is not None:
                text.append(f" {ratio_text(cell.ratio_to_base)}", style="bold")
            if cell.rate is not None:
                text.append(" [converted]", style="italic")
            if not cell.comparable:
                text.append(" [not comparable]", style="italic")
            cells.append(text)
        table.add_row(Text(strip_control(row.metric)), Text(row.period or MISSING), *cells)
    console.print(table)
    for note in comparison.notes:
        print(f"note: {strip_control(note)}", file=sys.stderr)


def comparison_notes(comparison: Comparison) -> list[str]:
    """What the table cannot say, row by row: each gap, then each cell's own note (why it
    is not compared, the rate it was converted at), naming the cell as the table does."""
    notes: list[str] = []
    for row in comparison.rows:
        notes.extend(row.notes)
        title = row_title(row.metric, row.period)
        for region in comparison.regions:
            cell = row.cells.get(region.id)
            if cell is not None and cell.note:
                notes.append(f"{region.name} · {title}: {cell.note}")
    return [strip_control(note) for note in notes]


def _plain_row(comparison: Comparison, row: Any) -> list[str]:
    """A comparison row as plain cells: the metric, the period, each region's figure; a
    missing period or figure is "—", as on a terminal."""
    cells = [row.metric, row.period or MISSING]
    for region in comparison.regions:
        cell = row.cells.get(region.id)
        cells.append(_figure(cell, region) if cell is not None else MISSING)
    return cells


def _figure(cell: CompareCell, region: Region) -> str:
    """A cell's figure; one of a district shown under its region (``--children``) names
    the district: "339.8 bn CNY (Songjiang District)", never passed off as the region's."""
    text = cell_amount(cell)
    if cell.region_name != region.name:
        text += f" ({strip_control(cell.region_name)})"
    return text


COMPARISON_COLUMNS = (
    "metric_type",
    "metric",
    "period",
    "measure",
    "region_id",
    "region",
    "value",
    "unit",
    "change_percent",
    "ratio_to_base",
    "converted_value",
    "comparable",
    "fact_id",
    "note",
)
"""Columns of a comparison export (``factscope compare --csv`` and the Compare pane's ``e``)."""


def comparison_rows(comparison: Comparison) -> list[dict[str, Any]]:
    """One export row per table row and region that has a figure."""
    rows: list[dict[str, Any]] = []
    for row in comparison.rows:
        for region in comparison.regions:
            cell = row.cells.get(region.id)
            if cell is None:
                continue
            values = (
                row.metric_type,
                " ".join(strip_control(row.metric).split()),
                strip_control(row.period or "") or None,
                row.measure,
                region.id,
                " ".join(strip_control(cell.region_name).split()),
                cell.value,
                cell.unit,
                cell.fact.change_percent,
                cell.ratio_to_base,
                cell.converted_value,
                cell.comparable,
                cell.fact.id,
                strip_control(cell.note) if cell.note else cell.note,  # may quote a document
            )
            rows.append(dict(zip(COMPARISON_COLUMNS, values, strict=True)))
    return rows


def write_comparison_csv(comparison: Comparison, stream: IO[str]) -> None:
    """One CSV line per row and region: value, unit, change, ratio, evidence fact id."""
    writer = csv.DictWriter(stream, fieldnames=COMPARISON_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(comparison_rows(comparison))


def print_trend(trend: Trend) -> None:
    """The chart (on a terminal) above the table of every value with its document."""
    console = _stdout()
    rows = trend_rows(trend)
    if console.is_terminal and any(not p.gap for s in trend.series for p in s.points):
        height = max(min(console.height - len(rows) - 5, 16), 8)
        console.print(Text.from_ansi(trend_chart(trend, console.width, height)))
        console.print(Text(strip_control(summary_line(trend)), style="bold"))
    print_table(TREND_TABLE, rows, console)


TREND_TABLE = (
    Column("region", priority=4, min_width=10),
    Column("period", whole=True),
    Column("value", whole=True),
    Column("change", priority=3, min_width=10),
    Column("conflict", whole=True),
    Column("document", priority=2, min_width=16),
    Column("published", priority=1, min_width=10),
)
"""Columns of ``factscope trend``: the period, the value and the conflict flag are never cut."""
