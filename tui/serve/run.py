"""Run the server until a signal: listen, print the URL, end every session on the way out."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys

from aiohttp import web

from factscope.tui.serve.server import ServeConfig, Server

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
"""Ctrl+C, a service manager's stop, and a closed SSH session: each ends every app process."""

SHUTDOWN_TIMEOUT = 5.0
"""Seconds open requests get once the sessions are ended (a download in flight)."""


class ListenError(OSError):
    """The server cannot listen (a port in use, an address not on this machine)."""


def serve(config: ServeConfig) -> int:
    """Serve until a stop signal; the exit code (128 + the signal's number)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("factscope serve: %(message)s"))
    logger = logging.getLogger("factscope.serve")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return asyncio.run(_serve(config))


async def _serve(config: ServeConfig) -> int:
    server = Server(config)
    runner = web.AppRunner(server.application(), access_log=None, shutdown_timeout=SHUTDOWN_TIMEOUT)
    await runner.setup()
    try:
        await web.TCPSite(runner, config.host, config.port).start()
    except OSError as exc:
        await runner.cleanup()
        raise ListenError(
            exc.errno, f"cannot listen on {config.host}:{config.port}: {exc.strerror or exc}"
        ) from exc
    if config.port == 0:  # a free port, chosen by the system (tests, benchmarks)
        config.port = runner.addresses[0][1]
    stopped: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    loop = asyncio.get_running_loop()
    for number in STOP_SIGNALS:
        loop.add_signal_handler(number, _stop, stopped, int(number))
    print(f"{config.url}/?token={config.token}", flush=True)
    try:
        code = await stopped
    finally:
        for number in STOP_SIGNALS:
            loop.remove_signal_handler(number)
        await server.end_sessions(runner.app)
        with contextlib.suppress(Exception):
            await runner.cleanup()
    return 128 + code


def _stop(stopped: asyncio.Future[int], number: int) -> None:
    if not stopped.done():
        stopped.set_result(number)
