"""One served app: a ``factscope open`` process under Textual's web driver, for one tab.

textual-serve's :class:`~textual_serve.app_service.AppService` speaks the packet protocol
with the app and hands downloads to the browser; it starts the app with
``create_subprocess_shell`` and the server's whole environment (tokens, credentials,
``SSH_AUTH_SOCK`` ...). :class:`Session` keeps the protocol and starts the app from an
argument list, without a shell, with only the variables the app needs.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shlex
import sys
from asyncio.subprocess import Process
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import Path

from textual_serve.app_service import AppService

PASSED_ENV = ("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "PYTHONPATH")
"""Variables of the server's environment the app process gets: where programs, the home
folder and temporary files are, the locale (for sorting and dates) and where Python finds
factscope when it is not installed. Nothing else: no tokens, keys or agent sockets."""

QUIT_GRACE = 2.0
"""Seconds an app process has to quit when asked before it is killed."""


def app_command(db_path: Path, *, read_only: bool) -> list[str]:
    """The argument list that runs the app on ``db_path``: this Python, the factscope
    module and the database, each one argument (no shell ever parses them)."""
    command = [sys.executable, "-m", "factscope.tui", "--db", str(db_path)]
    if read_only:
        command.append("--read-only")
    return [*command, "open"]


def app_environment(
    width: int, height: int, source: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The app process's environment: :data:`PASSED_ENV` from ``source`` (the server's own
    environment by default) and what Textual's web driver needs."""
    source = os.environ if source is None else source
    environment = {name: source[name] for name in PASSED_ENV if name in source}
    environment.update(
        TEXTUAL_DRIVER="textual.drivers.web_driver:WebDriver",
        TEXTUAL_FPS="60",
        TEXTUAL_COLOR_SYSTEM="truecolor",
        TERM_PROGRAM="textual",
        TERM_PROGRAM_VERSION=version("textual-serve"),
        COLUMNS=str(width),
        ROWS=str(height),
        PYTHONUNBUFFERED="1",
    )
    return environment


class Session(AppService):
    """An app process for one browser tab, started from :func:`app_command`."""

    def __init__(self, argv: list[str], **kwargs: object) -> None:
        super().__init__(shlex.join(argv), **kwargs)  # type: ignore[arg-type]
        self.argv = argv

    @property
    def process(self) -> Process | None:
        """The app process, once started."""
        return self._process

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        return app_environment(width, height)

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        """Start the app with ``exec``, not a shell, in its own process group."""
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width, height),
            start_new_session=True,  # Ctrl+C in the server's terminal is the server's to handle
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def ended(self) -> None:
        """Wait until the app process has ended and its output is read."""
        if self._task is not None:
            await asyncio.shield(self._task)

    async def end(self) -> None:
        """Ask the app to quit, then kill it if it has not within :data:`QUIT_GRACE`."""
        process = self._process
        if process is None or process.returncode is not None:
            return
        with contextlib.suppress(Exception):
            await self.send_meta({"type": "quit"})
            self.stdin.close()  # end of input: the web driver quits on it too
        try:
            await asyncio.wait_for(process.wait(), QUIT_GRACE)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()
