"""Printing for the CLI: progress bars, summaries, tables and JSON shapes.

Rich renders to stderr for messages and stdout for data; document text always goes in as
``rich.text.Text`` after control sequences are masked, never as markup. No textual here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from db.models import Fact, Region, SearchHit
from importers.pipeline import ImportProgress, ImportReport
from importers.sanitize import mask_control, strip_control


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
        TextColumn("{task.description}", style="dim"),
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
        table.add_column(column, overflow="fold")
    for fact in facts:
        change = f"{fact.change_percent:+g}%" if fact.change_percent is not None else ""
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
