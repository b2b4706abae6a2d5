"""Printing for the CLI: progress bars, summaries, tables and JSON shapes.

Rich renders to stderr for messages and stdout for data; document text always goes in as
``rich.text.Text`` after control sequences are masked, never as markup. No textual here.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from db.compare import Comparison
from db.models import Fact, FactHit, Region, SearchHit
from importers.pipeline import ImportProgress, ImportReport
from importers.sanitize import mask_control, strip_control
from tui.formatting import change_text, format_amount, ratio_text


def _stdout() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _stderr() -> Console:
    return Console(stderr=True, highlight=False)


@contextmanager
def progress(*, enabled: bool = True) -> Iterator[Callable[[ImportProgress], None]]:
    """A progress bar on stderr, shown only when stderr is a terminal."""
    console = _stderr()
    if not enabled or not console.is_terminal:
        yield lambda event: None
        return
    columns = (
        TextColumn("Importing"),
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
    return f"{', '.join(parts)}; {report.facts:,} facts extracted"


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


def highlighted(text: str, spans: list[tuple[int, int]], style: str = "bold reverse") -> Text:
    """Untrusted text with spans styled: controls masked first, so spans stay aligned."""
    result = Text(mask_control(text))
    for start, end in spans:
        result.stylize(style, start, end)
    return result


def print_hits(hits: list[SearchHit]) -> None:
    """Search hits for people: title, date, source, then the snippet."""
    console = _stdout()
    for hit in hits:
        doc = hit.document
        date = doc.published.isoformat() if doc.published else "undated"
        head = Text(strip_control(doc.title), style="bold")
        head.append(f"  {date}  {doc.fact_count} facts", style="dim")
        console.print(head)
        console.print(Text("  ") + highlighted(hit.snippet, hit.highlights))
        console.print(Text(f"  {strip_control(doc.source)}", style="dim"))


FACT_JSON_EXCLUDE = {"id", "doc_id"}


def fact_json(fact: Fact) -> dict[str, Any]:
    """The JSON shape of a fact: the gold file's field names."""
    return fact.model_dump(exclude=FACT_JSON_EXCLUDE)


def format_value(fact: Fact) -> str:
    """ "305.57 billion CNY", "13.1 percent", "No. 2"."""
    return strip_control(fact.quote)


def print_facts_table(facts: list[Fact]) -> None:
    """Facts as a table for people."""
    table = Table(show_edge=False, pad_edge=False)
    for column in ("figure", "unit", "kind", "region", "period", "change", "metric"):
        table.add_column(column, no_wrap=True, overflow="ellipsis", max_width=34)
    for fact in facts:
        change = change_text(fact)
        table.add_row(
            Text(format_value(fact)),
            Text(fact.unit or ""),
            Text(fact.kind),
            Text(strip_control(fact.region or "")),
            Text(fact.period or ""),
            Text(change),
            Text(strip_control(fact.metric or "")),
        )
    _stdout().print(table)


def print_regions(rows: list[tuple[Region, list[Region]]]) -> None:
    """Regions with their level and parent chain."""
    table = Table(show_edge=False, pad_edge=False)
    for column in ("id", "name", "level", "within"):
        table.add_column(column)
    for region, parents in rows:
        table.add_row(
            Text(region.id),
            Text(region.name),
            Text(region.level),
            Text(" › ".join(p.name for p in parents)),
        )
    _stdout().print(table)


def fact_hit_json(hit: FactHit) -> dict[str, Any]:
    """The JSON shape of a fact search hit: the fact's gold fields plus its document."""
    return {
        **hit.fact.model_dump(exclude={"doc_id"}),
        "score": round(hit.score, 1),
        "document": {
            "id": hit.fact.doc_id,
            "title": hit.document_title,
            "source": hit.document_source,
            "published": hit.document_published.isoformat() if hit.document_published else None,
        },
    }


def write_fact_hits_csv(hits: list[FactHit], stream: IO[str]) -> None:
    """Fact hits as CSV: every fact field, then the document's title, source and date."""
    fields = [name for name in Fact.model_fields if name != "doc_id"]
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([*fields, "document_title", "document_source", "document_published"])
    for hit in hits:
        values = hit.fact.model_dump()
        published = hit.document_published.isoformat() if hit.document_published else ""
        document = [hit.document_title, hit.document_source, published]
        writer.writerow([*(values[f] for f in fields), *document])


def print_fact_hits(hits: list[FactHit]) -> None:
    """Fact hits as a table for people."""
    table = Table(show_edge=False, pad_edge=False)
    widths = {"region": 24, "metric": 34, "period": 9, "figure": 22, "change": 12, "document": 30}
    for column, width in widths.items():
        short = column in ("period", "change", "figure")
        table.add_column(
            column,
            no_wrap=True,
            overflow="ellipsis",
            max_width=width,
            min_width=min(width, 9) if short else None,
            ratio=None if short else 1,
        )
    for hit in hits:
        fact = hit.fact
        table.add_row(
            Text(strip_control(fact.region or "")),
            Text(strip_control(fact.metric or "")),
            Text(fact.period or ""),
            Text(format_value(fact)),
            Text(change_text(fact)),
            Text(strip_control(hit.document_title)),
        )
    _stdout().print(table)


def print_comparison(comparison: Comparison) -> None:
    """The aligned comparison table for people."""
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
                cells.append(Text("—", style="dim"))
                continue
            text = Text(format_amount(cell.value, cell.unit))
            if cell.fact.change_percent is not None:
                text.append(f" ({cell.fact.change_percent:+g}%)", style="dim")
            if cell.ratio_to_base is not None:
                text.append(f" {ratio_text(cell.ratio_to_base)}", style="bold")
            if cell.rate is not None:
                text.append(" [converted]", style="italic")
            if not cell.comparable:
                text.append(" [not comparable]", style="italic")
            cells.append(text)
        label = Text(strip_control(row.metric))
        label.append(f" · {row.measure}" if row.measure != "amount" else "", style="dim")
        table.add_row(label, Text(row.period or "—"), *cells)
    _stdout().print(table)
    for note in comparison.notes:
        print(f"note: {strip_control(note)}", file=sys.stderr)


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


def write_records(records: Iterable[dict[str, Any]], fmt: str, stream: IO[str]) -> int:
    """Stream records as JSON lines, a JSON array or CSV (header from the first record)."""
    count = 0
    writer: Any = None
    if fmt == "json":
        stream.write("[")
    for record in records:
        if fmt == "jsonl":
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif fmt == "json":
            stream.write(("," if count else "") + "\n  " + json.dumps(record, ensure_ascii=False))
        else:
            if writer is None:
                writer = csv.DictWriter(stream, fieldnames=list(record), lineterminator="\n")
                writer.writeheader()
            writer.writerow(record)
        count += 1
    if fmt == "json":
        stream.write("\n]\n" if count else "]\n")
    return count
