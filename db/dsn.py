"""Telling a PostgreSQL URL from an SQLite path, and showing a URL without its password.

``--db`` and ``$FACTSCOPE_DB`` name either an SQLite file or a PostgreSQL server. Only a URL
with the ``postgresql://`` or ``postgres://`` scheme is a server (what libpq and psycopg
accept); anything else stays a path, as before. The password a URL may carry is for the
driver alone: what factscope shows (the status bar, errors, ``stats``, ``--json``) is the
URL from :func:`shown_url`, and any message from the driver goes through :func:`scrub`.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

SCHEMES = ("postgresql://", "postgres://")
INSTALL_HINT = "PostgreSQL needs the driver: pip install 'factscope[postgres]'"
"""The one line a server URL gets when psycopg is not installed."""


def is_server_url(target: str) -> bool:
    """True when ``target`` names a PostgreSQL server rather than an SQLite file."""
    return target.lower().startswith(SCHEMES)


def password_of(url: str) -> str | None:
    """The password in ``url`` (user info or ``?password=``), or None."""
    parts = urlsplit(url)
    if parts.password:
        return unquote(parts.password)
    for key, value in parse_qsl(parts.query):
        if key == "password" and value:
            return value
    return None


def shown_url(url: str) -> str:
    """``url`` without its password, safe to print, log or put in JSON."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        auth, host = netloc.rsplit("@", 1)
        netloc = auth.split(":", 1)[0] + "@" + host
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "password"]
    return parts._replace(netloc=netloc, query=urlencode(query, safe="/")).geturl()


def scrub(message: str, url: str) -> str:
    """``message`` with the URL's password (raw or URL-encoded) replaced by ``***``."""
    message = message.replace(url, shown_url(url))
    password = password_of(url)
    if password:
        encoded = urlsplit(url).password or password
        for secret in sorted({password, encoded}, key=len, reverse=True):
            message = message.replace(secret, "***")
    return message


def short_label(url: str) -> str:
    """A server database as a status line names it: ``pg:corpus@db.example`` (no user, no
    password; a Unix socket's folder is ``local``)."""
    parts = urlsplit(url)
    host = parts.hostname or "local"
    return f"pg:{parts.path.lstrip('/') or parts.username or 'postgres'}@{host}"
