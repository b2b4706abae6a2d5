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
from importers.parallel import Terminated, available_cpus, stop_on_signals
from importers.readers import DEFAULT_MAX_BYTES, FORMATS, ReadOptions
from importers.sanitize import strip_control
from tui import output
from tui.cli_support import (
    ENV_DB,
    FULL_ERRNOS,
    Context,
    discard_stdout,
    fail,
    internal_error,
    resolve_region,
    run_import,
    stdout_name,
    store_options,
)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
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
@click.argument("paths", nargs=-1, required=True)
@click.option("-r", "--recursive", is_flag=True, help="Descend into sub-directories.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
@click.option(
    "--max-size",
    type=click.FloatRange(min=0.001),
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
    type=click.IntRange(min=0),
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
@click.option(
    "--limit", type=click.IntRange(min=1), default=20, show_default=True, help="At most N results."
)
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
@click.option(
    "--limit", type=click.IntRange(min=1), default=50, show_default=True, help="At most N facts."
)
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
@click.pass_obj
def check(obj: Context) -> None:
    """Say whether the database is sound: SQLite's integrity check, the foreign keys and the
    full-text indexes. Reads only, so a damaged file is never written into.

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
@click.argument("path")
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
    from importers.extract import extract_facts
    from importers.readers import ReadContext, read_input, read_path

    try:
        if path == "-":
            context = ReadContext("<stdin>", "-", ReadOptions(format="text"))
            first = next(iter(read_input(sys.stdin.buffer.read(), "", context)))
            if isinstance(first, ReadError):
                raise first
            raw = first
        else:
            if not Path(path).is_file():
                fail(f"{path}: no such file")
            raw = read_path(Path(path))
    except ReadError as exc:
        fail(str(exc))
    when = published.date() if published else raw.published
    facts = extract_facts(raw.text, when)
    if fmt == "jsonl":
        for fact in facts:
            click.echo(json.dumps(output.fact_json(fact), ensure_ascii=False))
    else:
        output.print_facts_table(facts)


@main.command()
@click.argument("query", required=False, default="")
@click.option(
    "--limit", type=click.IntRange(min=1), default=20, show_default=True, help="At most N results."
)
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


if __name__ == "__main__":  # pragma: no cover
    run()
