"""``factscope serve`` refuses what it must, against the real server on a loopback port:
the token on the page and the websocket, the websocket's Origin, directory listings, the
session cap; an accepted session's app is started without a shell, with a minimal
environment, and ends with the server."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

pytest.importorskip(
    "textual_serve", reason="the serve extra is not installed: pip install -e '.[serve]'"
)

import aiohttp

from factscope.db import Store
from factscope.tui.serve.server import ServeConfig, Server, disposition, origin_ok
from tests.serving import Served, serving


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One server for the refusal tests: none of them starts an app."""
    db = tmp_path_factory.mktemp("serve") / "facts.db"
    with Store.open(db):
        pass
    with serving(db) as server:
        yield server


async def get(url: str, **kwargs: object) -> tuple[int, str, aiohttp.ClientResponse]:
    async with aiohttp.ClientSession() as session, session.get(url, **kwargs) as response:  # type: ignore[arg-type]
        return response.status, (await response.read()).decode("utf-8", "replace"), response


async def test_the_page_needs_the_token(served: Served) -> None:
    status, text, _ = await get(served.base + "/")
    assert status == 403 and "token" in text
    status, _, _ = await get(served.base + "/?token=" + "x" * len(served.token))
    assert status == 403
    port = served.base.rsplit(":", 1)[1]
    stale = {f"factscope-token-{port}": "left-by-an-earlier-start-0000"}
    status, text, response = await get(served.url, cookies=stale)
    assert status == 200 and "textual-terminal" in text, "the new URL beats an old cookie"
    assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in text
    cookie = response.cookies[f"factscope-token-{port}"]
    assert cookie.value == served.token and cookie["httponly"]
    assert "https://" not in text and "//fonts." not in text, "nothing fetched from elsewhere"
    assert served.children() == [], "a page spawns nothing"


async def ws_status(served: Served, origin: str | None, token: str | None) -> int:
    """The websocket handshake's answer for this Origin and token (101 when accepted)."""
    headers = {"Origin": origin} if origin else {}
    query = f"?token={token}" if token else ""
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(served.base + "/ws" + query, headers=headers) as ws:
                await ws.close()
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


@pytest.mark.parametrize(
    ("origin", "token", "status"),
    [
        ("http://evil.example", "right", 403),  # cross-site websocket hijacking
        ("http://evil.example:{port}", "right", 403),  # another host, the same port
        ("{base}/path", "right", 403),
        ("null", "right", 403),  # a sandboxed frame or a file
        (None, "right", 403),  # no Origin: not a page of ours
        ("{base}", None, 403),
        ("{base}", "wrong", 403),
    ],
)
async def test_the_websocket_refuses_other_origins_and_tokens(
    served: Served, origin: str | None, token: str | None, status: int
) -> None:
    port = served.base.rsplit(":", 1)[1]
    origin = origin.format(base=served.base, port=port) if origin else None
    given = {"right": served.token, "wrong": "w" * len(served.token), None: None}[token]
    assert await ws_status(served, origin, given) == status
    assert served.children() == [], "nothing spawned for a refused websocket"


async def test_no_directory_listing_and_the_patched_script(served: Served) -> None:
    for folder in ("/static/", "/static/js/", "/static/fonts/"):
        status, text, _ = await get(served.base + folder)
        assert status in (403, 404) and "RobotoMono" not in text and "textual.js" not in text
    status, text, _ = await get(served.base + "/static/js/textual.js")
    assert status == 200 and "this.pending" in text and "new m.CanvasAddon" not in text
    status, _, _ = await get(served.base + "/static/fonts/RobotoMono-VariableFont_wght.ttf")
    assert status == 200
    status, text, _ = await get(served.base + "/download/" + "0" * 32)
    assert status == 403, "downloads need the token too"


def environ(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode().split("=", 1) for item in raw if b"=" in item)


async def test_a_session_runs_without_a_shell_to_the_cap_and_ends_with_the_server(
    tmp_path: Path,
) -> None:
    db = tmp_path / "a db; $(touch pwned).db"  # a shell would run the part after ';'
    with Store.open(db):
        pass
    secret = {"AWS_SECRET_ACCESS_KEY": "do-not-pass", "SSH_AUTH_SOCK": "/tmp/agent"}
    with serving(db, "--max-sessions", "1", env=secret) as served:
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(
                served.base + "/ws?token=" + served.token, headers={"Origin": served.base}
            ) as ws,
        ):
            first = await ws.receive(timeout=30)
            assert first.type == aiohttp.WSMsgType.BINARY, "the app draws its screen"
            [app] = served.children()
            cmdline = Path(f"/proc/{app}/cmdline").read_bytes().split(b"\0")[:-1]
            assert cmdline[1:] == [b"-m", b"factscope.tui", b"--db", str(db).encode(), b"open"]
            assert not cmdline[0].endswith(b"sh"), "the app itself, not a shell"
            env = environ(app)
            assert not set(secret) & set(env), "the server's secrets stay with the server"
            assert env["TEXTUAL_DRIVER"].endswith("WebDriver")
            # The cap: a second tab is refused, page and websocket, and nothing is spawned.
            assert await ws_status(served, served.base, served.token) == 503
            status, text, _ = await get(served.url)
            assert status == 503 and "--max-sessions 1" in text
            assert served.children() == [app]
            served.process.send_signal(signal.SIGTERM)
            assert served.process.wait(30) == 128 + signal.SIGTERM
        assert not Path(f"/proc/{app}").exists() or _zombie(app), "the app ended with the server"
    assert not (tmp_path / "pwned").exists() and not Path("pwned").exists()


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z")
    except OSError:
        return True


@pytest.mark.parametrize(
    "stop", [pytest.param(signal.SIGINT, marks=pytest.mark.slow), signal.SIGHUP]
)
async def test_ctrl_c_and_a_closed_ssh_session_end_the_apps(
    stop: signal.Signals, tmp_path: Path
) -> None:
    db = tmp_path / "facts.db"
    with Store.open(db):
        pass
    with serving(db) as server:
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(
                server.base + "/ws?token=" + server.token, headers={"Origin": server.base}
            ) as ws,
        ):
            await ws.receive(timeout=30)
            [app] = server.children()
            server.process.send_signal(stop)
            assert server.process.wait(30) == 128 + stop
        assert not Path(f"/proc/{app}").exists() or _zombie(app)


@contextlib.asynccontextmanager
async def in_process(app_code: str, max_sessions: int = 8) -> AsyncIterator[str]:
    """The server in this process on a loopback port, each session running ``app_code``
    (a stand-in app); yields the base URL. Its token is ``TOKEN``."""
    from aiohttp import web

    config = ServeConfig([sys.executable, "-c", app_code], TOKEN, port=0, max_sessions=max_sessions)
    runner = web.AppRunner(Server(config).application())
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    config.port = runner.addresses[0][1]
    try:
        yield config.url
    finally:
        await runner.cleanup()


TOKEN = "in-process-token-0123456789"


async def test_a_crashed_app_ends_its_tab() -> None:
    async with (
        in_process("import sys; sys.exit(3)") as base,
        aiohttp.ClientSession() as session,
        session.ws_connect(f"{base}/ws?token={TOKEN}", headers={"Origin": base}) as ws,
    ):
        message = await ws.receive(timeout=20)
        assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)


async def test_two_tabs_at_once_cannot_both_take_the_last_slot() -> None:
    async def status(session: aiohttp.ClientSession, base: str) -> int:
        try:
            ws = await session.ws_connect(f"{base}/ws?token={TOKEN}", headers={"Origin": base})
        except aiohttp.WSServerHandshakeError as error:
            return error.status
        opened.append(ws)
        return 101

    opened: list[aiohttp.ClientWebSocketResponse] = []
    async with (
        in_process("import sys; sys.stdin.read()", max_sessions=1) as base,
        aiohttp.ClientSession() as session,
    ):
        statuses = await asyncio.gather(*(status(session, base) for _ in range(4)))
        assert sorted(statuses) == [101, 503, 503, 503]
        for ws in opened:
            await ws.close()


def test_a_download_keeps_its_name_in_any_script() -> None:
    header = disposition('四川 "trade".csv')
    assert header.isascii()
    assert header.startswith('attachment; filename="__ _trade_.csv"')
    assert header.endswith("filename*=UTF-8''%E5%9B%9B%E5%B7%9D%20%22trade%22.csv")


def test_the_origin_is_the_host_the_browser_used() -> None:
    config = ServeConfig(["app"], TOKEN, port=8000)
    tunnelled = ("http://localhost:9000", "localhost:9000")  # ssh -L 9000:localhost:8000
    assert origin_ok(*tunnelled, config)
    assert origin_ok("http://localhost:8000", "127.0.0.1:8000", config), "loopback names"
    assert not origin_ok("http://evil.example", "127.0.0.1:8000", config)
    assert not origin_ok("http://localhost:9000", "localhost:9001", config)
    assert not origin_ok("", "127.0.0.1:8000", config)
    proxied = ServeConfig(["app"], TOKEN, port=8000, public_url="https://team.example/")
    assert origin_ok("https://team.example", "127.0.0.1:8000", proxied)
    assert not origin_ok("https://team.example", "127.0.0.1:8000", config)
