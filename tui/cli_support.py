"""What every ``factscope`` command shares: the database it opens, one-line failures, the
``--db``/``--read-only`` options, the import runner with its progress bar.

Kept apart from the command definitions in :mod:`tui.cli`; imports no textual.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from db import Store, StoreError
from importers import ImportReport, import_paths
from importers.readers import ReadOptions
from importers.sanitize import escape_undecodable, has_undecodable, strip_control
from tui import output

ENV_DB = "FACTSCOPE_DB"
SAMPLES_DIR = Path(__file__).resolve().parent.parent / "importers" / "samples"


LIMIT = click.IntRange(min=1, max=1_000_000)
"""``--limit``: at least one result, and never a number SQLite cannot hold (``export`` streams
everything)."""
JOBS = click.IntRange(min=0, max=64)
"""``--jobs``: each worker is a process holding the extractor; more than this is a typo."""

MAX_SIZE_MB = 1024.0
"""``--max-size`` at most: a file is read into memory whole (collections row by row)."""


def finite(_ctx: click.Context, param: click.Parameter, value: float | None) -> float | None:
    """Refuse ``nan`` (FloatRange lets it through: it compares with no bound)."""
    if value is not None and not math.isfinite(value):
        raise click.BadParameter(f"{value} is not a number", param=param)
    return value


def decode_argument(value: str) -> str:
    """An argument as text: bytes that are not UTF-8 become U+FFFD, and stderr says so.

    Python passes such bytes on as lone surrogates, which SQLite, JSON and the terminal all
    refuse; file names are the exception (see :class:`DecodedCommand`).
    """
    if not has_undecodable(value):
        return value
    try:
        decoded = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        decoded = value.encode("utf-8", "replace").decode("utf-8")
    click.echo(
        f"factscope: argument '{escape_undecodable(value)}' is not valid UTF-8;"
        f" read as '{decoded}'",
        err=True,
    )
    return decoded


class DecodedCommand(click.Command):
    """A command whose text arguments are decoded (:func:`decode_argument`) before it runs.

    Parameters of type ``click.Path`` are file names and go to the OS exactly as given, so
    ``bad\\xffname.txt`` can still be opened.
    """

    def invoke(self, ctx: click.Context) -> Any:
        """Decode every text parameter, then run the command."""
        for param in self.params:
            name = param.name
            if name is None or name not in ctx.params or isinstance(param.type, click.Path):
                continue
            value = ctx.params[name]
            if isinstance(value, str):
                ctx.params[name] = decode_argument(value)
            elif isinstance(value, tuple):
                ctx.params[name] = tuple(
                    decode_argument(v) if isinstance(v, str) else v for v in value
                )
        return super().invoke(ctx)


class DecodedGroup(click.Group):
    """The ``factscope`` group: every command it defines is a :class:`DecodedCommand`."""

    command_class = DecodedCommand


def default_db_path() -> Path:
    """``$FACTSCOPE_DB``, else ``factscope.db`` in the platform user-data directory."""
    if os.environ.get(ENV_DB):
        return Path(os.environ[ENV_DB]).expanduser()
    from platformdirs import user_data_path

    return user_data_path("factscope", appauthor=False) / "factscope.db"


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one line to stderr and exit."""
    click.echo(f"factscope: {message}", err=True)
    sys.exit(code)


class Context:
    """What the group's options resolve to, shared by every command."""

    def __init__(self, db: str | None, read_only: bool) -> None:
        self.explicit_db = db is not None
        self.db_path = Path(db).expanduser() if db else default_db_path()
        self.read_only = read_only

    def use_db(self, db: str) -> None:
        """Use the database a command's own ``--db`` names."""
        self.explicit_db = True
        self.db_path = Path(db).expanduser()

    @contextmanager
    def store(self, *, write: bool = False) -> Iterator[Store]:
        """Open the store, or exit with one line saying why it cannot be opened.

        A missing default database is built from the demo corpus first; a missing database
        named by ``--db`` is an error for commands that only read.
        """
        if not self.db_path.exists():
            if self.explicit_db and not write:
                fail(f"{self.db_path}: no such database (create it with `factscope import`)")
            if not write:
                self.build_demo()
        try:
            store = Store.open(self.db_path, read_only=self.read_only and not write)
        except StoreError as exc:
            fail(str(exc))
        try:
            yield store
        except StoreError as exc:
            fail(str(exc))
        finally:
            store.close()

    def build_demo(self) -> ImportReport:
        """Import the bundled demo corpus into a new database, with a progress bar."""
        if self.read_only:
            fail(f"{self.db_path}: no such database (and --read-only forbids creating it)")
        click.echo(f"First run: building the demo corpus in {self.db_path}", err=True)
        try:
            with Store.open(self.db_path) as store:
                report = run_import(store, [SAMPLES_DIR], recursive=True, quiet=False)
        except StoreError as exc:
            fail(str(exc))
        return report


def _context(ctx: click.Context) -> Context:
    found = ctx.find_object(Context)
    assert found is not None, "the group sets the Context before any command runs"
    return found


def _command_db(ctx: click.Context, _: click.Parameter, value: str | None) -> None:
    if value is not None:
        _context(ctx).use_db(value)


def _command_read_only(ctx: click.Context, _: click.Parameter, value: bool) -> None:
    if value:
        _context(ctx).read_only = True


def store_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--db`` and ``--read-only`` after the command name too (``factscope search Q --db X``)."""
    command = click.option(
        "--read-only",
        is_flag=True,
        expose_value=False,
        callback=_command_read_only,
        help="Open the database read-only (mode=ro).",
    )(command)
    return click.option(
        "--db",
        type=click.Path(dir_okay=False),
        expose_value=False,
        callback=_command_db,
        help=f"Database file (default: ${ENV_DB}, else the user data directory).",
    )(command)


def run_import(
    store: Store,
    paths: list[Any],
    *,
    recursive: bool,
    quiet: bool,
    options: ReadOptions | None = None,
    published: dt.date | None = None,
    jobs: int = 1,
) -> ImportReport:
    """Import with a progress bar on stderr (when it is a terminal) and print a summary."""
    with output.progress(enabled=not quiet) as advance:
        report = import_paths(
            paths,
            store,
            recursive=recursive,
            options=options,
            published=published,
            on_progress=advance,
            jobs=jobs,
        )
    for failure in report.failed:
        # Paths and reasons can quote file content: no escape sequence reaches the terminal.
        click.echo(
            f"factscope: {strip_control(failure.path)}: {strip_control(failure.reason)}",
            err=True,
        )
    for notice in report.notices:  # imported, with a caveat (facts capped)
        click.echo(
            f"factscope: note: {strip_control(notice.path)}: {strip_control(notice.reason)}",
            err=True,
        )
    if not quiet:
        click.echo(output.import_summary(report), err=True)
    return report


def resolve_region(store: Store, name: str) -> str:
    """A region id for a name or id the user typed; exits with one line when unknown."""
    if store.region(name) is not None:
        return name
    from importers.gazetteer import Gazetteer

    resolution = Gazetteer.default().resolve(name)
    if resolution.region is not None:
        return resolution.region.id
    if resolution.candidates:
        options = ", ".join(f"{c.name} ({c.id})" for c in resolution.candidates[:5])
        fail(f"region {name!r} is ambiguous: {options}; give the id instead")
    fail(f"no region matches {name!r} (try `factscope regions {name}`)")
