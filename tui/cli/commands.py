"""The ``factscope`` command line: validate arguments, call the library, print results.

Commands do three things only: check their arguments, call ``db.Store`` / ``importers``, and
turn expected failures into one line naming the input and the reason (exit 1; usage errors
exit 2). Data goes to stdout, messages to stderr. Textual is imported only by the command
that opens the browser, so ``factscope search --json`` starts fast.
"""

from __future__ import annotations

import json
import os
import sys

import click

from factscope.db.compare import METRIC_LABELS, SEPARATE_KINDS
from factscope.db.compare_labels import MEASURE_WORDS
from factscope.importers.parallel import Terminated
from factscope.importers.sanitize import strip_control
from factscope.tui import output
from factscope.tui.cli.corpus import COMMANDS
from factscope.tui.cli.serve import serve
from factscope.tui.cli.support import (
    ENV_DB,
    FULL_ERRNOS,
    LIMIT,
    Context,
    DecodedGroup,
    discard_stdout,
    fail,
    internal_error,
    resolve_region,
    stdout_name,
    store_options,
)
from factscope.tui.cli.transfer import copy
from factscope.tui.records import fact_record, write_records
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
    help=f"Database file or postgresql:// URL (default: ${ENV_DB}, else the user data dir).",
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
    for note in output.comparison_notes(comparison):  # each names its row as shown
        click.echo(f"note: {note}", err=True)


@main.command()
@store_options
@click.argument("region")
@click.argument("metric")
@click.option("--children", is_flag=True, help="One more series per district or city under it.")
@click.option("--from", "start", metavar="PERIOD", help="Leave out periods before this year.")
@click.option("--to", "end", metavar="PERIOD", help="Leave out periods after this year.")
@click.option(
    "--measure",
    type=click.Choice(("amount", *SEPARATE_KINDS)),
    default="amount",
    show_default=True,
    help="Chart another measure of the metric: share (a percentage of it), threshold ...",
)
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
    measure: str,
    as_json: bool,
    as_csv: bool,
) -> None:
    """A region's figure over time, every source side by side.

    METRIC is a metric type (exports, gdp, trade_total ...) or a phrase ("retail sales").
    Periods are in time order; where documents disagree about a period (more than 0.5 %
    apart) every value is listed with its document and the point is flagged. A note names the
    figures of another measure the trend leaves out; --measure charts them.
    """
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    with obj.store() as store:
        found = store.trend(
            resolve_region(store, region), metric, include_children=children, measure=measure
        )
    found = trend_between(found, start, end)
    if as_json:
        click.echo(found.model_dump_json(indent=2))
    elif as_csv:
        write_records(trend_records(found), "csv", sys.stdout)
    else:
        output.print_trend(found)
    for note in found.notes:
        click.echo(f"note: {strip_control(note)}", err=True)
    for other in found.other_measures:  # the panes' ctrl+t on such a row; here, an option
        word = MEASURE_WORDS.get(other, other)
        click.echo(f"note: --measure {other} charts the {word} figures left out", err=True)
    if not any(s.points for s in found.series):
        click.echo(f"factscope: {summary_line(found)}", err=True)


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
        fields = {
            STATS_LABELS.get(k, k): v for k, v in result.model_dump(exclude={"notes"}).items()
        }
        if str(fields["engine"])[:1].isdigit():  # SQLite says its bare version
            fields["engine"] = f"SQLite {fields['engine']}"
        width = max(len(key) for key in fields)
        for key, value in fields.items():
            shown = f"{value:,}" if isinstance(value, int) and key != "schema version" else value
            click.echo(f"{key:>{width}}  {shown}")
        for note in result.notes:
            click.echo(f"{'note':>{width}}  {note}")


STATS_LABELS = {
    "path": "database",
    "regions": "regions with facts",
    "gazetteer_regions": "known places",
    "schema_version": "schema version",
    "sqlite_version": "engine",
    "size_bytes": "size in bytes",
}
"""How ``factscope stats`` names the fields for people (``--json`` keeps the keys): "regions"
are those facts are about, not the gazetteer's thousands; the engine may be PostgreSQL."""


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


for _command in (*COMMANDS, serve, copy):
    main.add_command(_command)


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
