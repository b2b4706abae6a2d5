"""What every ``factscope`` command shares: the database it opens, one-line failures, the
``--db``/``--read-only`` options, the import runner with its progress bar.

Kept apart from the command definitions in :mod:`.commands`; imports no textual.
"""

from __future__ import annotations

import datetime as dt
import errno
import math
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from factscope.db import Store, StoreError
from factscope.db.connection import writable
from factscope.db.dsn import is_server_url, shown_url
from factscope.importers import ImportReport, import_paths
from factscope.importers.readers import ReadOptions
from factscope.importers.sanitize import escape_undecodable, has_undecodable, strip_control
from factscope.tui import output

ENV_DB = "FACTSCOPE_DB"
SAMPLES_DIR = Path(__file__).resolve().parents[2] / "importers" / "samples"


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


def data_dir() -> Path:
    """The platform user-data directory (``~/.local/share/factscope`` on Linux)."""
    from platformdirs import user_data_path

    return user_data_path("factscope", appauthor=False)


def default_db_path() -> Path:
    """``$FACTSCOPE_DB``, else ``factscope.db`` in the platform user-data directory."""
    if os.environ.get(ENV_DB):
        return Path(os.environ[ENV_DB]).expanduser()
    return data_dir() / "factscope.db"


def demo_db_path() -> Path:
    """The demo corpus's own database, beside the user's: never mixed with their imports."""
    return data_dir() / "demo.db"


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one line to stderr and exit."""
    click.echo(f"factscope: {message}", err=True)
    sys.exit(code)


class Context:
    """What the group's options resolve to, shared by every command."""

    def __init__(self, db: str | None, read_only: bool) -> None:
        self.explicit_db = db is not None or bool(os.environ.get(ENV_DB))
        target = db or os.environ.get(ENV_DB) or ""
        self.server: str | None = target if is_server_url(target) else None
        """A PostgreSQL URL (``postgresql://``), when ``--db`` names a server."""
        self.db_path = Path(db).expanduser() if db else default_db_path()
        self.read_only = read_only

    def use_db(self, db: str) -> None:
        """Use the database a command's own ``--db`` names."""
        self.explicit_db = True
        self.server = db if is_server_url(db) else None
        self.db_path = Path(db).expanduser()

    @property
    def shown(self) -> str:
        """The database as messages name it: a server's URL never with its password."""
        return shown_url(self.server) if self.server else str(self.db_path)

    def exists(self) -> bool:
        """Whether the database is there (a server's is checked by opening it)."""
        return self.server is not None or self.db_path.exists()

    @contextmanager
    def store(self, *, write: bool = False, read_only: bool = False) -> Iterator[Store]:
        """Open the store, or exit with one line saying why it cannot be opened.

        While the user has no database of their own, commands that read open the demo
        corpus's database (built on first use) and say so; imports create the user's. A
        missing database named by ``--db`` or ``$FACTSCOPE_DB`` is an error for commands
        that only read: the demo is never built into a path the user named. Commands that
        only read open a database this user cannot write (or its folder) read-only by
        themselves; a command that writes refuses ``--read-only`` as a usage error (exit 2)
        and a database it cannot write with one line (exit 1). ``read_only`` opens read-only
        regardless.
        """
        if write and self.read_only:
            raise click.UsageError("this command writes to the database: drop --read-only")
        if self.server is not None:
            yield from _opened(self.server, read_only=read_only or (self.read_only and not write))
            return
        if write and not writable(self.db_path):
            fail(f"{self.db_path}: the database is read-only (you may not write it or its folder)")
        path = self.db_path
        if not path.exists() and not write:
            if self.explicit_db:
                fail(f"{path}: no such database (create it with `factscope import`)")
            path = demo_db_path()
            if not path.exists():
                self.build_demo(path)
            click.echo(
                f"factscope: showing the demo corpus ({path}); `factscope import FILE`"
                f" starts your own database at {self.db_path}",
                err=True,
            )
        read_only = read_only or (not write and (self.read_only or not writable(path)))
        yield from _opened(str(path), read_only=read_only)

    def build_demo(self, path: Path) -> ImportReport:
        """Import the bundled demo corpus into its own new database, with a progress bar."""
        if self.read_only:
            fail(f"{path}: no such database (and --read-only forbids creating it)")
        click.echo(f"First run: building the demo corpus in {path}", err=True)
        try:
            with Store.open(path) as store:
                report = run_import(store, [SAMPLES_DIR], recursive=True, quiet=False)
        except StoreError as exc:
            fail(str(exc))
        return report


def _opened(target: str, *, read_only: bool) -> Iterator[Store]:
    """The open store (a file or a server URL), closed after; failures as one line."""
    try:
        store = Store.open(target, read_only=read_only)
    except StoreError as exc:
        fail(str(exc))
    try:
        yield store
    except StoreError as exc:
        fail(str(exc))
    finally:
        store.close()


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


def published_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--published YYYY-MM-DD`` (a ``datetime``), with the wording of the command using it."""
    return click.option(
        "--published",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        metavar="YYYY-MM-DD",
        help=help_text,
    )


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
        help=f"Database file or postgresql:// URL (default: ${ENV_DB}, else the user data"
        " directory).",
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
    if report.stopped:
        stored = report.imported + report.replaced
        click.echo(
            f"factscope: {report.stopped} writing {store.path}: {stored:,} documents imported,"
            " the rest not; free some space and run the same import again to resume",
            err=True,
        )
    return report


def resolve_region(store: Store, name: str) -> str:
    """A region id for a name or id the user typed; exits with one line when unknown."""
    from factscope.importers.gazetteer.lookup import RegionLookup

    resolution = RegionLookup(store).resolve(name)
    if resolution.region is not None:
        return resolution.region.id
    if resolution.candidates:
        options = ", ".join(f"{c.name} ({c.id})" for c in resolution.candidates[:5])
        fail(f"region {name!r} is ambiguous: {options}; give the id instead")
    fail(f"no region matches {name!r} (try `factscope regions {name}`)")


FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
"""Errors of a full disk, a quota or a file-size limit: said as such, not as a bug."""


def internal_error(exc: Exception) -> NoReturn:
    """A bug: one line (or the traceback with FACTSCOPE_DEBUG=1), exit 1."""
    if os.environ.get("FACTSCOPE_DEBUG") == "1":
        raise exc
    click.echo(
        f"factscope: internal error: {type(exc).__name__}: {exc}"
        " (set FACTSCOPE_DEBUG=1 for details)",
        err=True,
    )
    sys.exit(1)


def stdout_name() -> str:
    """The file standard output goes to (``> out.csv``), for a message about writing it."""
    try:
        return os.readlink("/proc/self/fd/1")
    except OSError:
        return "standard output"


def discard_stdout() -> None:
    """Point standard output at /dev/null: the bytes Python still holds for it must not
    raise again when the interpreter flushes them on exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
