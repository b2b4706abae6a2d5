"""The web server: the page, the websocket that drives one app process per tab, downloads.

Every request but the static files must carry the start's token: in the page's query
(``/?token=…``, the URL printed at start), which sets a cookie for this port, or in that
cookie (the websocket and downloads, which the page's script opens without the query). The
websocket must also come from the served host: a browser sends the ``Origin`` of the page
that opens it, so another web site's page is refused (cross-site websocket hijacking). A
refusal is an HTTP status with a one-line page, and nothing is spawned.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from aiohttp import WSMsgType, web
from textual_serve.download_manager import DownloadManager

from factscope.tui.serve.page import client_script, index_page, refusal_page
from factscope.tui.serve.session import Session

log = logging.getLogger("factscope.serve")

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
"""Names a browser on this machine may use for a loopback server (all are the same host)."""


@dataclass
class ServeConfig:
    """What ``factscope serve`` was asked for."""

    argv: list[str]
    """The app command for each session (:func:`.session.app_command`)."""
    token: str
    host: str = "127.0.0.1"
    port: int = 8000
    max_sessions: int = 8
    public_url: str | None = None
    """The URL users open when a reverse proxy (with TLS) is in front; else the server's."""

    @property
    def url(self) -> str:
        """The address the page is served from, without the token."""
        if self.public_url:
            return self.public_url.rstrip("/")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def cookie(self) -> str:
        """The token cookie's name: one per port (cookies ignore ports, servers do not)."""
        return f"factscope-token-{self.port}"


def allowed_origins(config: ServeConfig) -> set[str]:
    """Origins a websocket may come from: the served URL's, and for a loopback server the
    other loopback names of the same port."""
    parts = urlsplit(config.url)
    origins = {f"{parts.scheme}://{parts.netloc}"}
    host = f"[{config.host}]" if ":" in config.host else config.host
    origins.add(f"http://{host}:{config.port}")
    if host in LOOPBACK_NAMES or host.startswith("127."):
        origins.update(f"http://{name}:{config.port}" for name in LOOPBACK_NAMES)
    return origins


def origin_ok(origin: str, host: str, config: ServeConfig) -> bool:
    """True for a websocket opened by a page of this server: its ``Origin`` is the host the
    request was sent to (whatever name or tunnelled port the browser used) or one of
    :func:`allowed_origins`. Another web site's page sends its own origin; a DNS name
    rebound to this machine passes here but has no token (its cookie is another host's)."""
    parts = urlsplit(origin)
    same_host = parts.scheme in ("http", "https") and parts.netloc == host and not parts.path
    return same_host or origin in allowed_origins(config)


def websocket_url(request: web.Request, config: ServeConfig) -> str:
    """The websocket's URL for the page: on the host the page was requested from (so the
    token cookie goes with it), or under ``--public-url`` behind a proxy."""
    if config.public_url:
        return config.url.replace("http", "ws", 1) + "/ws"
    return f"{'wss' if request.secure else 'ws'}://{request.host}/ws"


@dataclass
class Sessions:
    """The live sessions, so the cap can be checked and every process ended at shutdown.

    A websocket takes its slot (``opening``) before its first ``await``, so two tabs
    opening at once cannot both take the last one."""

    limit: int
    live: set[Session] = field(default_factory=set)
    opening: int = 0

    @property
    def full(self) -> bool:
        return len(self.live) + self.opening >= self.limit


class Server:
    """The aiohttp application for one ``factscope serve`` start."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self.sessions = Sessions(config.max_sessions)
        self.downloads = DownloadManager()
        self.static = Path(str(files("textual_serve") / "static"))

    def application(self) -> web.Application:
        """The routes; the static folder without listings, its script patched."""
        app = web.Application()
        app.add_routes(
            [
                web.get("/", self.handle_index),
                web.get("/ws", self.handle_websocket),
                web.get("/download/{key}", self.handle_download),
                web.get("/static/js/textual.js", self.handle_script),
                web.get("/favicon.ico", no_icon),
                web.static("/static", self.static, show_index=False),
            ]
        )
        app.on_shutdown.append(self.end_sessions)
        return app

    # -- checks -----------------------------------------------------------------------------

    def token_ok(self, request: web.Request, *, query: bool) -> bool:
        """True when the request carries the token (in its cookie, or its query)."""
        given = request.query.get("token", "") if query else ""
        # The query first: a cookie left by an earlier start on this port must not refuse
        # the new URL.
        given = given or request.cookies.get(self.config.cookie, "")
        return bool(given) and hmac.compare_digest(given.encode(), self.config.token.encode())

    def refuse(self, status: int, message: str) -> web.Response:
        """An HTTP status with a one-line page; logged on the server's stderr."""
        log.warning("refused %s: %s", status, message)
        return web.Response(status=status, text=refusal_page(message), content_type="text/html")

    # -- handlers ---------------------------------------------------------------------------

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page, with the token; sets the cookie the websocket will carry."""
        if not self.token_ok(request, query=True):
            return self.refuse(
                403,
                "403 Forbidden: open the URL with the token that factscope "
                "serve printed when it started (…/?token=…).",
            )
        if self.sessions.full:
            return self.refuse(503, self.full_message())
        ws_url = websocket_url(request, self.config)
        response = web.Response(text=index_page(ws_url), content_type="text/html")
        response.set_cookie(
            self.config.cookie,
            self.config.token,
            httponly=True,
            samesite="Strict",
            secure=self.config.url.startswith("https:"),
        )
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"  # the token is in the page's URL
        response.headers["X-Frame-Options"] = "DENY"  # no other site frames it
        return response

    def full_message(self) -> str:
        limit = self.config.max_sessions
        return (
            f"503: {limit} sessions are open, the most this server allows "
            f"(--max-sessions {limit}). Close a factscope tab and reload."
        )

    async def handle_script(self, _request: web.Request) -> web.Response:
        """textual-serve's client script with :func:`.page.client_script`'s fixes."""
        return web.Response(text=client_script(self.static), content_type="text/javascript")

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """A file the app delivered (an export), streamed from its process."""
        if not self.token_ok(request, query=False):
            return self.refuse(403, "403 Forbidden: no token for this download.")
        key = request.match_info["key"]
        try:
            meta = await self.downloads.get_download_metadata(key)
        except KeyError:
            return self.refuse(404, "404: no such download (it was fetched or has expired).")
        response = web.StreamResponse()
        content_type = meta.mime_type + (f"; charset={meta.encoding}" if meta.encoding else "")
        response.headers["Content-Type"] = content_type
        response.headers["Content-Disposition"] = disposition(meta.file_name)
        await response.prepare(request)
        async for chunk in self.downloads.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        """One app process for this tab, for as long as its websocket is open."""
        origin = request.headers.get("Origin", "")
        if not origin_ok(origin, request.host, self.config):
            return self.refuse(403, f"403 Forbidden: websocket from origin {origin!r}.")
        if not self.token_ok(request, query=True):
            return self.refuse(403, "403 Forbidden: websocket without the token.")
        if self.sessions.full:
            return self.refuse(503, self.full_message())
        self.sessions.opening += 1
        try:
            websocket = web.WebSocketResponse(heartbeat=15)
            await websocket.prepare(request)
            session = Session(
                self.config.argv,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.downloads,
            )
            self.sessions.live.add(session)
        finally:
            self.sessions.opening -= 1
        try:
            await session.start(size(request, "width", 80), size(request, "height", 24))
            watch = asyncio.create_task(close_when_ended(session, websocket))
            await relay(websocket, session)
            watch.cancel()
        finally:
            await session.end()
            with contextlib.suppress(Exception):
                await session.stop()
            self.sessions.live.discard(session)
        return websocket

    async def end_sessions(self, _app: web.Application) -> None:
        """Server stopping: every app process quits (or is killed), every tab is told."""
        live = list(self.sessions.live)
        await asyncio.gather(*(s.end() for s in live))
        for session in live:
            with contextlib.suppress(Exception):
                await session.remote_close()


async def close_when_ended(session: Session, websocket: web.WebSocketResponse) -> None:
    """An app that ended without saying so (it crashed, or was killed): the tab is told
    ("Session ended"), rather than waiting on a screen that never comes."""
    await session.ended()
    await websocket.close()


async def no_icon(_request: web.Request) -> web.Response:
    """No icon (and no 404 in the browser's console)."""
    return web.Response(status=204)


def disposition(name: str) -> str:
    """``Content-Disposition`` for a download named ``name``: an ASCII fallback, and the
    name itself (RFC 6266), since headers carry no raw UTF-8 (``四川.csv``)."""
    fallback = "".join(
        c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in name
    )
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def size(request: web.Request, name: str, default: int) -> int:
    """A terminal dimension from the websocket's query, within sane bounds."""
    try:
        return max(10, min(1000, int(request.query.get(name, default))))
    except ValueError:
        return default


async def relay(websocket: web.WebSocketResponse, session: Session) -> None:
    """The browser's messages to the app: keys, resizes, focus; pings answered here."""
    async for message in websocket:
        if message.type != WSMsgType.TEXT:
            continue
        try:
            envelope: list[Any] = json.loads(message.data)
            kind = envelope[0]
        except (ValueError, IndexError, KeyError, TypeError):
            continue
        if kind == "stdin" and isinstance(envelope[1], str):
            await session.send_bytes(envelope[1].encode("utf-8"))
        elif kind == "resize" and isinstance(envelope[1], dict):
            try:
                width, height = int(envelope[1]["width"]), int(envelope[1]["height"])
            except (KeyError, TypeError, ValueError):
                continue
            await session.set_terminal_size(width, height)
        elif kind == "ping":
            await websocket.send_json(["pong", envelope[1]])
        elif kind == "blur":
            await session.blur()
        elif kind == "focus":
            await session.focus()
