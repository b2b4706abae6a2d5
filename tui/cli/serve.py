"""``factscope serve``: the browser as a web page, for a team on one server.

The options are checked and the database opened here, before anything listens: a bad token
file, an unreadable database or a port in use is one line and exit 1. The server itself
(aiohttp, textual-serve: the ``serve`` extra) is imported only when the command runs.
"""

from __future__ import annotations

import ipaddress
import os
import re
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import click

from factscope.tui.cli.support import Context, fail, store_options

ENV_TOKEN = "FACTSCOPE_SERVE_TOKEN"
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9._~-]{16,256}")
"""A fixed token: long enough not to be guessed, and characters a URL and a cookie carry
as they are."""


def is_loopback(host: str) -> bool:
    """True for an address or name only this machine can reach."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def read_token(token_file: Path | None) -> str:
    """The fixed token from ``--token-file`` or ``$FACTSCOPE_SERVE_TOKEN``, else a new random
    one; exits with one line when the fixed one is unreadable or too weak."""
    if token_file is not None:
        try:
            token, source = token_file.read_text(encoding="utf-8").strip(), str(token_file)
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"{token_file}: cannot read the token file ({getattr(exc, 'strerror', exc)})")
    elif os.environ.get(ENV_TOKEN):
        token, source = os.environ[ENV_TOKEN].strip(), f"${ENV_TOKEN}"
    else:
        return secrets.token_urlsafe(32)
    if not TOKEN_PATTERN.fullmatch(token):
        fail(f"{source}: a token is 16 to 256 characters of A-Z a-z 0-9 . _ ~ -")
    return token


def public_url(param: click.Parameter, value: str | None) -> str | None:
    """``--public-url``: an http(s) URL with a host and nothing after it but a slash."""
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/"):
        raise click.BadParameter(
            f"{value!r} is not a URL such as https://factscope.example.org", param=param
        )
    return value.rstrip("/")


@click.command()
@store_options
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on (0: a free one, shown in the URL).",
)
@click.option(
    "--max-sessions",
    type=click.IntRange(1, 256),
    default=8,
    show_default=True,
    help="Browser tabs at once (each runs an app process).",
)
@click.option(
    "--token-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"Read a fixed token from this file (else ${ENV_TOKEN}, else a random one).",
)
@click.option(
    "--public-url",
    callback=lambda _ctx, param, value: public_url(param, value),
    help="The https:// URL users open when a reverse proxy with TLS is in front.",
)
@click.pass_obj
def serve(
    obj: Context,
    host: str,
    port: int,
    max_sessions: int,
    token_file: Path | None,
    public_url: str | None,
) -> None:
    """The browser as a web page for a team, locked to a token.

    Prints the URL to open, with the token in it. Loopback only by default: reach it from
    another machine with `ssh -L 8000:localhost:8000 server`. Ctrl+C stops the server and
    every session.
    """
    try:
        from factscope.tui.serve.run import ListenError
        from factscope.tui.serve.run import serve as run_server
        from factscope.tui.serve.server import ServeConfig
        from factscope.tui.serve.session import app_command
    except ImportError as exc:
        fail(
            f"factscope serve needs the serve extra ({exc.name} is missing):"
            " pip install 'factscope[serve]'"
        )
    if obj.server is not None:
        # the app processes take --db on their command line, where ps shows a password,
        # and get no PG* variables: serving a server's corpus needs its own design
        fail("factscope serve needs a database file; a PostgreSQL database cannot be served yet")
    with obj.store(read_only=obj.read_only) as store:
        db_path = Path(store.path).resolve()
    token = read_token(token_file)
    if not is_loopback(host):
        click.echo(
            f"factscope: warning: serving on {host}, beyond this machine, over plain HTTP: put"
            " TLS in front (a reverse proxy, with --public-url https://…), or keep the"
            " default host and use an SSH tunnel",
            err=True,
        )
    config = ServeConfig(
        argv=app_command(db_path, read_only=obj.read_only),
        token=token,
        host=host,
        port=port,
        max_sessions=max_sessions,
        public_url=public_url,
    )
    click.echo(
        f"factscope: serving {db_path} (at most {max_sessions} sessions); open the URL below"
        " (Ctrl+C stops)",
        err=True,
    )
    try:
        code = run_server(config)
    except ListenError as exc:
        fail(str(exc.strerror))
    raise SystemExit(code)
