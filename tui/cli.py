"""The ``factscope`` command line: validate arguments, call the library, print results.

Commands do three things only: check their arguments, call ``db.Store`` / ``importers``, and
turn expected failures into one line naming the input and the reason (exit 1; usage errors
exit 2). Data goes to stdout, messages to stderr. Textual is imported only by the command
that opens the browser, so ``factscope search --json`` starts fast.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import click

from importers import ReadError
from importers.parallel import available_cpus
from importers.readers import DEFAULT_MAX_BYTES, FORMATS, ReadOptions
from importers.sanitize import strip_control
from tui import output
from tui.cli_support import (
    ENV_DB,
    JOBS,
    LIMIT,
    MAX_SIZE_MB,
    Context,
    DecodedGroup,
    fail,
    finite,
    resolve_region,
    run_import,
    store_options,
)


@click.group(
    cls=DecodedGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    help=f"Database file (default: ${ENV_DB}, else the user data directory).",
)
@click.option("--read-only", is_flag=True, help="Open the database read-only (mode=ro).")
@click.version_option(package_name="factscope")
@click.pass_context
def main(ctx: click.Context, db: str | None, read_only: bool) -> None:
    """A keyboard-driven terminal browser for documents and the figures stated in them.

    With no command, opens the browser (building the demo corpus on first run).
    """
    ctx.obj = Context(db, read_only)
    if ctx.invoked_subcommand is None:
        ctx.invoke(open_browser)


@main.command("open")
@store_options
@click.pass_obj
def open_browser(obj: Context) -> None:
    """Open the terminal browser."""
    with obj.store() as store:
        from tui.app import FactscopeApp

        FactscopeApp(store).run()


@main.command("import")
@store_options
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-r", "--recursive", is_flag=True, help="Descend into sub-directories.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
@click.option(
    "--max-size",
    type=click.FloatRange(min=0.001, max=MAX_SIZE_MB),
    callback=finite,
    default=DEFAULT_MAX_BYTES / 1024 / 1024,
    show_default=True,
    help="Refuse files larger than this many MB.",
)
@click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date (YYYY-MM-DD) for documents that state none.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATS)),
    help="Read every input as this format (default: by suffix, else by content).",
)
@click.option("--text-column", help="CSV/JSONL: the column holding the document text.")
@click.option("--title-column", help="CSV/JSONL: the column holding the title.")
@click.option("--date-column", help="CSV/JSONL: the column holding the publication date.")
@click.option("--source-column", help="CSV/JSONL: the column holding the source URL or path.")
@click.option(
    "-j",
    "--jobs",
    type=JOBS,
    default=0,
    help="Processes reading and extracting ahead of the writer; 0 (default) = one per core"
    " (imports under 0.5 MB always run in one).",
)
@click.pass_obj
def import_cmd(
    obj: Context,
    paths: tuple[str, ...],
    recursive: bool,
    quiet: bool,
    max_size: float,
    published: dt.datetime | None,
    fmt: str | None,
    text_column: str | None,
    title_column: str | None,
    date_column: str | None,
    source_column: str | None,
    jobs: int,
) -> None:
    """Import files, directories or '-' (stdin): text, Markdown, HTML, PDF, CSV, JSONL.

    Re-importing an unchanged file does nothing; a changed file replaces its document.
    Exit code 1 when some inputs failed (the others are imported).
    """
    options = ReadOptions(
        max_bytes=int(max_size * 1024 * 1024),
        format=fmt,
        text_column=text_column,
        title_column=title_column,
        date_column=date_column,
        source_column=source_column,
    )
    with obj.store(write=True) as store:
        report = run_import(
            store,
            list(paths),
            recursive=recursive,
            quiet=quiet,
            options=options,
            published=published.date() if published else None,
            jobs=jobs or available_cpus(),
        )
    if report.failed:
        sys.exit(1)


@main.command()
@store_options
@click.argument("query")
@click.option("--limit", type=LIMIT, default=20, show_default=True, help="At most N results.")
@click.option("--json", "as_json", is_flag=True, help="Print hits as JSON.")
@click.pass_obj
def search(obj: Context, query: str, limit: int, as_json: bool) -> None:
    """Full-text search of documents (any text is safe: it is escaped)."""
    with obj.store() as store:
        hits = store.search(query, limit=limit)
        total = store.search_count(query, cap=10_000)
    if as_json:
        click.echo(json.dumps([output.hit_json(h) for h in hits], ensure_ascii=False, indent=2))
    else:
        output.print_hits(hits)
    output.say_truncation(len(hits), total, capped=total >= 10_000)


@main.command()
@store_options
@click.argument("query", required=False, default="")
@click.option("--limit", type=LIMIT, default=50, show_default=True, help="At most N facts.")
@click.option("--json", "as_json", is_flag=True, help="Print facts as JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print facts as CSV.")
@click.pass_obj
def facts(obj: Context, query: str, limit: int, as_json: bool, as_csv: bool) -> None:
    """Fuzzy fact search, ranked as in the Facts pane.

    Words match as prefixes ("songj trade 2020"). Field tokens narrow: region:sichuan,
    period:2020, unit:CNY, kind:share, metric:export, type:trade_total; numeric tests on the
    normalized value: >1e9, <=50, >2bn; 'exact words; !excluded words.
    """
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    with obj.store() as store:
        results = store.search_facts(query, limit=limit)
    if as_json:
        click.echo(
            json.dumps(
                [output.fact_hit_json(h) for h in results.hits], ensure_ascii=False, indent=2
            )
        )
    elif as_csv:
        output.write_fact_hits_csv(results.hits, sys.stdout)
    else:
        output.print_fact_hits(results.hits)
    output.say_truncation(len(results.hits), results.total, capped=results.capped)


@main.command()
@store_options
@click.argument("regions", nargs=-1, required=True)
@click.option("--metric", "metrics", multiple=True, help="Only this metric type (repeatable).")
@click.option("--period", "periods", multiple=True, help="Only this period (repeatable).")
@click.option("--children", is_flag=True, help="Include each region's districts (not summed).")
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print the comparison as CSV.")
@click.pass_obj
def compare(
    obj: Context,
    regions: tuple[str, ...],
    metrics: tuple[str, ...],
    periods: tuple[str, ...],
    children: bool,
    as_json: bool,
    as_csv: bool,
) -> None:
    """Compare two or more regions side by side, aligned by metric type and period.

    REGIONS are names ("Songjiang", "Sichuan", "Hongqiao CBD") or region ids. The first
    region is the base for ratios and differences.
    """
    if len(regions) < 2:
        raise click.UsageError("compare needs at least two regions")
    with obj.store() as store:
        ids = [resolve_region(store, name) for name in regions]
        comparison = store.compare(
            ids,
            metric_types=list(metrics) or None,
            periods=list(periods) or None,
            include_children=children,
        )
    if as_json:
        click.echo(comparison.model_dump_json(indent=2))
    elif as_csv:
        output.write_comparison_csv(comparison, sys.stdout)
    else:
        output.print_comparison(comparison)
    for row in comparison.rows:
        for note in row.notes:
            line = f"note: {row.metric} {row.period or ''}: {note}"
            click.echo(strip_control(line), err=True)


@main.command()
@store_options
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_obj
def stats(obj: Context, as_json: bool) -> None:
    """Counts of documents, facts and regions in the database."""
    with obj.store() as store:
        result = store.stats()
    if as_json:
        click.echo(result.model_dump_json(indent=2))
    else:
        for key, value in result.model_dump().items():
            click.echo(f"{key:>15}  {value}")


@main.command()
@store_options
@click.option(
    "--what",
    type=click.Choice(["facts", "documents"]),
    default="facts",
    show_default=True,
    help="Export every fact, or every document with its text.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "csv"]),
    default="jsonl",
    show_default=True,
    help="One JSON object per line, one JSON array, or CSV.",
)
@click.pass_obj
def export(obj: Context, what: str, fmt: str) -> None:
    """Write every fact (or document) to stdout, streaming: any size fits in memory."""
    with obj.store() as store:
        items = store.iter_facts() if what == "facts" else store.iter_documents()
        output.write_records((item.model_dump(mode="json") for item in items), fmt, sys.stdout)


@main.command()
@click.argument("path", type=click.Path())
@click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date (YYYY-MM-DD), for 'last year' and the like.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    show_default=True,
    help="One JSON object per fact, or a table for people.",
)
def extract(path: str, published: dt.datetime | None, fmt: str) -> None:
    """Print the facts of one document (PATH or '-'), without a database."""
    from importers.files import read_stream
    from importers.readers import ReadContext, read_input, read_path
    from importers.slices import extract_in_slices

    try:
        if path == "-":
            context = ReadContext("<stdin>", "-", ReadOptions(format="text"))
            data = read_stream(sys.stdin.buffer, context.name, DEFAULT_MAX_BYTES)
            first = next(iter(read_input(data, "", context)))
            if isinstance(first, ReadError):
                raise first
            raw = first
        else:
            raw = read_path(Path(path))
    except ReadError as exc:
        fail(str(exc))
    when = published.date() if published else raw.published
    found = extract_in_slices(raw.text, when)
    if found.notice:
        click.echo(f"factscope: note: {found.notice}", err=True)
    facts = found.facts
    if fmt == "jsonl":
        for fact in facts:
            click.echo(json.dumps(output.fact_json(fact), ensure_ascii=False))
    else:
        output.print_facts_table(facts)


@main.command()
@click.argument("query", required=False, default="")
@click.option("--limit", type=LIMIT, default=20, show_default=True, help="At most N results.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def regions(query: str, limit: int, as_json: bool) -> None:
    """Look up places in the gazetteer: level and parent chain."""
    from importers.gazetteer import Gazetteer

    gazetteer = Gazetteer.default()
    if query:
        found = gazetteer.search(query, limit=limit)
    else:
        found = [r for r in gazetteer.regions() if r.level in ("country", "province")][:limit]
    rows = [(r, gazetteer.chain(r.id)[1:]) for r in found]
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        **r.model_dump(),
                        "parents": [p.model_dump(include={"id", "name", "level"}) for p in parents],
                    }
                    for r, parents in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        output.print_regions(rows)
    if not found:
        click.echo(f"factscope: no region matches {query!r}", err=True)


def run() -> None:
    """The console script: ``main`` with unexpected errors cut to one line.

    Expected failures already exit with one line; anything else is a bug, reported as one
    line too (set FACTSCOPE_DEBUG=1 for the traceback). Ctrl+C exits quietly with 130.
    """
    try:
        main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        # `factscope export | head`: the reader left; not an error.
        sys.stderr.close()
        sys.exit(0)
    except Exception as exc:
        if os.environ.get("FACTSCOPE_DEBUG") == "1":
            raise
        click.echo(
            f"factscope: internal error: {type(exc).__name__}: {exc}"
            " (set FACTSCOPE_DEBUG=1 for details)",
            err=True,
        )
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    run()
