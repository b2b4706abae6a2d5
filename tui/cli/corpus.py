"""The commands that change or dump the corpus: import, remove, export, check, extract.

Defined here as plain click commands and added to the ``factscope`` group by
:mod:`.commands` (no registration by import side effect). Like every command they check their
arguments, call the library, and turn expected failures into one line.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from factscope.importers import ReadError
from factscope.importers.parallel import available_cpus, stop_on_signals
from factscope.importers.readers import DEFAULT_MAX_BYTES, ReadOptions
from factscope.importers.registry import FORMATS
from factscope.importers.sanitize import strip_control
from factscope.tui import output
from factscope.tui.cli.support import (
    JOBS,
    MAX_SIZE_MB,
    Context,
    DecodedCommand,
    fail,
    finite,
    published_option,
    run_import,
    store_options,
)
from factscope.tui.formatting import counted
from factscope.tui.records import RECORD_FORMATS, fact_record, write_records


@click.command("import", cls=DecodedCommand)
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
@published_option("Publication date (YYYY-MM-DD) for documents that state none.")
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


@click.command(cls=DecodedCommand)
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
    if not obj.exists():
        fail(f"{obj.shown}: no such database")
    with obj.store(write=True) as store:
        if remove_all:
            count = store.remove_all()
            click.echo(f"removed {counted(count, 'document')} from {obj.shown}", err=True)
            return
        removed = store.remove_documents(documents)
    missing = [name for name, ids in removed.items() if not ids]
    for name in missing:
        click.echo(f"factscope: {strip_control(name)}: no such document", err=True)
    count = sum(len(ids) for ids in removed.values())
    click.echo(f"removed {counted(count, 'document')} from {obj.shown}", err=True)
    if missing:
        sys.exit(1)


@click.command(cls=DecodedCommand)
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
        notes = store.notes()
    path = strip_control(obj.shown)
    for note in notes:
        click.echo(f"factscope: {path}: note: {note}", err=True)
    if problems:
        for problem in problems:
            click.echo(f"factscope: {path}: {strip_control(problem)}", err=True)
        fail(
            f"{path}: damaged ({len(problems)} problem{'s' * (len(problems) > 1)} found):"
            " restore it from a backup, or import the documents again into a new file"
        )
    click.echo(f"{path}: sound (integrity, foreign keys and full-text indexes check out)")


@click.command(cls=DecodedCommand)
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


@click.command(cls=DecodedCommand)
@click.argument("path", type=click.Path())
@published_option("Publication date (YYYY-MM-DD), for 'last year' and the like.")
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
    from factscope.importers.readers import ReadContext
    from factscope.importers.registry import read_input, read_path
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
        output.print_facts_table(list(facts))


COMMANDS = (import_cmd, remove, check, export, extract)
"""The commands this module adds to the group."""
