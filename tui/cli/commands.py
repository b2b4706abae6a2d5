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

from factscope.db.compare import METRIC_LABELS
from factscope.importers import ReadError
from factscope.importers.parallel import Terminated, available_cpus, stop_on_signals
from factscope.importers.readers import DEFAULT_MAX_BYTES, FORMATS, ReadOptions
from factscope.importers.sanitize import strip_control
from factscope.tui import output
from factscope.tui.cli.support import (
    ENV_DB,
    FULL_ERRNOS,
    JOBS,
    LIMIT,
    MAX_SIZE_MB,
    Context,
    DecodedGroup,
    discard_stdout,
    fail,
    finite,
    internal_error,
    resolve_region,
    run_import,
    stdout_name,
    store_options,
)
from factscope.tui.formatting import counted
from factscope.tui.records import RECORD_FORMATS, fact_record, write_records
from factscope.tui.trend_render import summary_line, trend_between, trend_records


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
        from factscope.tui.app import FactscopeApp

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
    metavar="YYYY-MM-DD",
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
    """Import files, folders or '-' (stdin).

    Reads text, Markdown, HTML, PDF, CSV and JSONL.

    Re-importing an unchanged file does nothing; a changed file replaces its document.
    Exit code 1 when some inputs failed (the others are imported), or when a full disk
    stopped the import (what was written stays; run it again to resume). Several imports
    into one database at once take turns writing. SIGTERM and SIGHUP stop it as Ctrl+C
    does: the batch in progress is rolled back and no worker is left (exit 143 / 129).
    """
    options = ReadOptions(
        max_bytes=int(max_size * 1024 * 1024),
        format=fmt,
        text_column=text_column,
        title_column=title_column,
        date_column=date_column,
        source_column=source_column,
    )
    with stop_on_signals(), obj.store(write=True) as store:
        report = run_import(
            store,
            list(paths),
            recursive=recursive,
            quiet=quiet,
            options=options,
            published=published.date() if published else None,
            jobs=jobs or available_cpus(),
        )
    if not report.ok:
        sys.exit(1)


@main.command()
@store_options
@click.argument("query")
@click.option("--limit", type=LIMIT, default=20, show_default=True, help="At most N results.")
@click.option("--json", "as_json", is_flag=True, help="Print hits as JSON.")
@click.pass_obj
def search(obj: Context, query: str, limit: int, as_json: bool) -> None:
    """Full-text search of documents.

    Any text is safe: it is escaped before it reaches the index.
    """
    with obj.store() as store:
        hits = store.search(query, limit=limit)
        total = store.search_count(query, cap=10_000)
    if as_json:
        click.echo(json.dumps([output.hit_json(h) for h in hits], ensure_ascii=False, indent=2))
    else:
        output.print_hits(hits)
    if not hits:
        click.echo(f"factscope: no documents match {strip_control(query)!r}", err=True)
    output.say_truncation(len(hits), total, capped=total >= 10_000)


@main.command()
@store_options
@click.argument("query", required=False, default="")
@click.option("--limit", type=LIMIT, default=50, show_default=True, help="At most N facts.")
@click.option("--json", "as_json", is_flag=True, help="Print facts with their evidence as JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print facts with their evidence as CSV.")
@click.pass_obj
def facts(obj: Context, query: str, limit: int, as_json: bool, as_csv: bool) -> None:
    """Search facts, ranked as in the Facts pane.

    Words match as prefixes ("songj trade 2020"), in English or Chinese metric words
    (外贸 finds trade). Field tokens narrow: region:sichuan, period:2020, unit:CNY,
    kind:share, metric:export, type:trade_total; numeric tests on the normalized value:
    >1e9, <=50, >2bn. Operators: a | b (either), ^word (the region's name starts so),
    word$ (a word ending so), 'exact words, !excluded words. A query over 16 terms or 256
    characters is cut, and stderr says so.
    """
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    with obj.store() as store:
        results = store.search_facts(query, limit=limit)
    if as_json:
        records = [fact_record(h) for h in results.hits]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif as_csv:
        write_records((fact_record(h) for h in results.hits), "csv", sys.stdout)
    else:
        output.print_fact_hits(results.hits)
    if results.notice:
        click.echo(f"factscope: {strip_control(results.notice)}", err=True)
    if not results.hits:
        what = f"no facts match {strip_control(query)!r}" if query else "no facts yet"
        click.echo(f"factscope: {what}", err=True)
    output.say_truncation(len(results.hits), results.total, capped=results.capped)


@main.command()
@store_options
@click.argument("regions", nargs=-1, required=True)
@click.option(
    "--metric",
    "metrics",
    multiple=True,
    type=click.Choice(sorted(METRIC_LABELS)),
    metavar="TYPE",
    help=f"Only this metric type (repeatable): {', '.join(sorted(METRIC_LABELS))}.",
)
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
    """Compare regions side by side, by metric and period.

    Rows are aligned by metric type and period.

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
@click.argument("region")
@click.argument("metric")
@click.option("--children", is_flag=True, help="One more series per district or city under it.")
@click.option("--from", "start", metavar="PERIOD", help="Leave out periods before this year.")
@click.option("--to", "end", metavar="PERIOD", help="Leave out periods after this year.")
@click.option("--json", "as_json", is_flag=True, help="Print the series as JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print one CSV line per value.")
@click.pass_obj
def trend(
    obj: Context,
    region: str,
    metric: str,
    children: bool,
    start: str | None,
    end: str | None,
    as_json: bool,
    as_csv: bool,
) -> None:
    """A region's figure over time, every source side by side.

    METRIC is a metric type (exports, gdp, trade_total ...) or a phrase ("retail sales").
    Periods are in time order; where documents disagree about a period (more than 0.5 %
    apart) every value is listed with its document and the point is flagged.
    """
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    with obj.store() as store:
        found = store.trend(resolve_region(store, region), metric, include_children=children)
    found = trend_between(found, start, end)
    if as_json:
        click.echo(found.model_dump_json(indent=2))
    elif as_csv:
        write_records(trend_records(found), "csv", sys.stdout)
    else:
        output.print_trend(found)
    for note in found.notes:
        click.echo(f"note: {strip_control(note)}", err=True)
    if not any(s.points for s in found.series):
        click.echo(f"factscope: {summary_line(found)}", err=True)


@main.command()
@store_options
@click.argument("documents", nargs=-1)
@click.option("--all", "remove_all", is_flag=True, help="Remove every document: start clean.")
@click.pass_obj
def remove(obj: Context, documents: tuple[str, ...], remove_all: bool) -> None:
    """Remove documents and their facts.

    DOCUMENTS are document ids, or the files (sources) they were imported from; a CSV or
    JSONL file removes all its rows. Everything named is removed in one transaction.
    Exit code 1 when something named matched no document (the rest are removed).
    """
    if remove_all == bool(documents):
        raise click.UsageError("name documents to remove, or give --all")
    if not obj.db_path.exists():
        fail(f"{obj.db_path}: no such database")
    with obj.store(write=True) as store:
        if remove_all:
            count = store.remove_all()
            click.echo(f"removed {counted(count, 'document')} from {obj.db_path}", err=True)
            return
        removed = store.remove_documents(documents)
    missing = [name for name, ids in removed.items() if not ids]
    for name in missing:
        click.echo(f"factscope: {strip_control(name)}: no such document", err=True)
    count = sum(len(ids) for ids in removed.values())
    click.echo(f"removed {counted(count, 'document')} from {obj.db_path}", err=True)
    if missing:
        sys.exit(1)


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
        fields = result.model_dump()
        width = max(len(key) for key in fields)
        for key, value in fields.items():
            click.echo(f"{key:>{width}}  {value}")


@main.command()
@store_options
@click.pass_obj
def check(obj: Context) -> None:
    """Say whether the database is sound.

    Runs SQLite's integrity check, the foreign keys and the full-text indexes. Reads only,
    so a damaged file is never written into.

    Exit code 0 when sound; 1 when damaged, with one line per problem found.
    """
    with obj.store(read_only=True) as store:
        problems = store.check()
    path = strip_control(str(obj.db_path))
    if problems:
        for problem in problems:
            click.echo(f"factscope: {path}: {strip_control(problem)}", err=True)
        fail(
            f"{path}: damaged ({len(problems)} problem{'s' * (len(problems) > 1)} found):"
            " restore it from a backup, or import the documents again into a new file"
        )
    click.echo(f"{path}: sound (integrity, foreign keys and full-text indexes check out)")


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
    type=click.Choice(RECORD_FORMATS),
    default="jsonl",
    show_default=True,
    help="One JSON object per line, one JSON array, CSV, or a Markdown table.",
)
@click.pass_obj
def export(obj: Context, what: str, fmt: str) -> None:
    """Write every fact (or document) to stdout.

    Facts carry their evidence: the sentence, the document's title, source and date.
    Streams: a database of any size exports in constant memory.
    """
    with obj.store() as store:
        if what == "facts":
            records = (fact_record(item) for item in store.iter_fact_evidence())
        else:
            records = (item.model_dump(mode="json") for item in store.iter_documents())
        write_records(records, fmt, sys.stdout)


@main.command()
@click.argument("path", type=click.Path())
@click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
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
    """Print one document's facts, without a database.

    PATH is a file, or '-' for stdin.
    """
    from factscope.importers.files import read_stream
    from factscope.importers.readers import ReadContext, read_input, read_path
    from factscope.importers.slices import extract_in_slices

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
    from factscope.importers.gazetteer import Gazetteer

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
        sys.stdout.flush()  # here, so that a full disk is reported, not ignored at exit
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except Terminated as exc:
        # SIGTERM/SIGHUP: the import already stopped its workers and rolled back.
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        # `factscope export | head`: the reader left; not an error.
        sys.stderr.close()
        sys.exit(0)
    except OSError as exc:
        if exc.errno not in FULL_ERRNOS:
            internal_error(exc)
        target = exc.filename or stdout_name()
        discard_stdout()
        fail(f"{os.strerror(exc.errno).lower()} writing {strip_control(str(target))}")
    except Exception as exc:
        internal_error(exc)
