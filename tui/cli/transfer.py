"""``factscope copy SRC DST``: move a corpus between an SQLite file and a PostgreSQL server.

Either side is a file path or a ``postgresql://`` URL; the source is only read, the target
is created if needed. Kept in a module of its own: it names two databases, where every other
command works on the one ``--db`` names.
"""

from __future__ import annotations

from pathlib import Path

import click

from factscope.db import Store, StoreError
from factscope.db.dsn import is_server_url, shown_url
from factscope.db.transfer import copy_corpus
from factscope.importers.pipeline import ImportProgress
from factscope.tui import output
from factscope.tui.cli.support import DecodedCommand, fail
from factscope.tui.formatting import counted


def _shown(target: str) -> str:
    return shown_url(target) if is_server_url(target) else target


@click.command(cls=DecodedCommand)
@click.argument("source")
@click.argument("target")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
def copy(source: str, target: str, quiet: bool) -> None:
    """Copy every document, fact and region from SOURCE into TARGET.

    Each is an SQLite file or a postgresql:// URL: import on your machine, then push the
    corpus to the team's server (or take the team's corpus home). Documents already in
    TARGET are left as they are, so running it again after an interruption resumes.
    """
    if not is_server_url(source) and not Path(source).expanduser().is_file():
        fail(f"{source}: no such database")
    if _shown(source) == _shown(target):
        raise click.UsageError("SOURCE and TARGET are the same database")
    try:
        with (
            Store.open(source, read_only=True) as src,
            Store.open(target) as dst,
            output.progress(enabled=not quiet, label="Copying") as advance,
        ):
            report = copy_corpus(
                src,
                dst,
                on_progress=lambda done, total, title: advance(
                    ImportProgress(done=done, total=total, path=title)
                ),
            )
    except StoreError as exc:
        fail(str(exc))
    if not quiet:
        click.echo(
            f"copied {counted(report.imported + report.replaced, 'document')}"
            f" ({counted(report.facts, 'fact')}) to {_shown(target)};"
            f" {report.unchanged} already there",
            err=True,
        )
