"""A real ``factscope serve`` process for the tests: started on a free loopback port, its URL
read from stdout, stopped (and its app processes checked) at the end."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from urllib.parse import parse_qs, urlsplit

from tests.processes import FACTSCOPE

START_TIMEOUT = 30.0
"""Seconds for the server to print its URL (imports aiohttp; the machine is shared)."""


@dataclass
class Served:
    """A running server: its process, the URL it printed, and what that URL holds."""

    process: subprocess.Popen[str]
    url: str
    stderr: str = ""
    """What the server wrote on stderr, once it has stopped."""

    @property
    def base(self) -> str:
        """``http://127.0.0.1:PORT``."""
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def token(self) -> str:
        return parse_qs(urlsplit(self.url).query)["token"][0]

    def children(self) -> list[int]:
        """The server's child processes (one app per session)."""
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in path.read_text().split()]
        except OSError:
            return []


def _first_line(stream: IO[str]) -> str:
    """The first line the server prints, or "" when none comes within START_TIMEOUT."""
    with selectors.DefaultSelector() as selector:
        selector.register(stream, selectors.EVENT_READ)
        if not selector.select(START_TIMEOUT):
            return ""
    return stream.readline().strip()


@contextmanager
def serving(db: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[Served]:
    """``factscope --db DB serve --port 0 ARGS``, until the block ends (then SIGTERM)."""
    process = subprocess.Popen(
        [*FACTSCOPE, "--db", str(db), "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    served: Served | None = None
    try:
        assert process.stdout is not None and process.stderr is not None
        url = _first_line(process.stdout)  # once the server listens; "" if it exits or hangs
        if not url:
            process.kill()  # a hung start must not hang the suite; an exited one is unchanged
            process.wait(START_TIMEOUT)
            raise AssertionError(f"serve did not start: {process.stderr.read()}")
        served = Served(process, url)
        yield served
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(START_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if served is not None and process.stderr is not None:
            served.stderr = process.stderr.read()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
