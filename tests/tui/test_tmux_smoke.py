"""A real-terminal smoke test, fzf style: run factscope in a detached tmux at 80x24.

Pilot drives the app inside the test process; this test runs ``python -m factscope.tui`` as a user
would, in a real pseudo-terminal, and reads the screen back with ``capture-pane``. It catches
what Pilot cannot: a broken entry point, drawing on the wrong stream, a terminal that never
gets restored, a process that does not exit on ``q``.

The tmux server runs on its own socket (``-L``) with no config file, so it never touches a
user's sessions; it is killed at the end. There are no timed assertions: each step polls the
screen until the expected text appears, and fails only after a generous timeout.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.tui.support import build_fixture_store

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

REPO = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT = 15.0
"""Seconds to wait for the first screen (a cold Python start on a busy machine)."""
STEP_TIMEOUT = 10.0
"""Seconds to wait for the screen to show the result of one key press."""


class Tmux:
    """A private tmux server with one 80x24 session; every call is bounded by a timeout."""

    def __init__(self) -> None:
        self.socket = f"factscope-smoke-{uuid.uuid4().hex[:8]}"

    def run(self, *args: str) -> str:
        """Run one tmux command on the private server and return its output."""
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
        return done.stdout

    def start(self, command: list[str]) -> None:
        """Start ``command`` in a detached 80x24 session that stays around after it exits."""
        self.run(
            "new-session", "-d", "-s", "smoke", "-x", "80", "-y", "24", "-c", str(REPO),
            *command, ";", "set-option", "-t", "smoke", "remain-on-exit", "on",
        )  # fmt: skip

    def screen(self) -> str:
        """The visible screen as plain text."""
        return self.run("capture-pane", "-p", "-t", "smoke")

    def keys(self, *keys: str, literal: bool = False) -> None:
        """Send ``keys`` (tmux key names, or text when ``literal``)."""
        self.run("send-keys", "-t", "smoke", *(["-l"] if literal else []), *keys)

    def pane(self, field: str) -> str:
        """A pane format variable, such as ``pane_dead``."""
        return self.run("display-message", "-p", "-t", "smoke", f"#{{{field}}}").strip()

    def kill(self) -> None:
        """Stop this private server (and the app, if still running); remove its socket."""
        try:
            socket = Path(self.run("display-message", "-p", "#{socket_path}").strip())
        except subprocess.SubprocessError:
            return  # the server never started
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=10)
        socket.unlink(missing_ok=True)


def wait_until(
    check: Callable[[], bool], what: str, timeout: float, screen: Callable[[], str]
) -> None:
    """Poll ``check`` until it holds; fail with the last screen after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}; screen:\n{screen()}")


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    """A private tmux server, killed after the test."""
    server = Tmux()
    yield server
    server.kill()


def test_open_search_facts_and_quit_in_a_real_terminal(tmp_path: Path, tmux: Tmux) -> None:
    db = tmp_path / "smoke.db"
    build_fixture_store(str(db)).close()
    tmux.start([sys.executable, "-m", "factscope.tui", "--db", str(db)])

    def shows(*texts: str) -> Callable[[], bool]:
        return lambda: all(text in tmux.screen() for text in texts)

    wait_until(
        shows("Songjiang trade keeps growing", "Undated memo", "5 docs"),
        "the document list",
        STARTUP_TIMEOUT,
        tmux.screen,
    )
    tmux.keys("F3")
    wait_until(shows("13 of 13 facts"), "the Facts pane", STEP_TIMEOUT, tmux.screen)
    tmux.keys("industrial", literal=True)  # the query box has the focus: just type
    wait_until(
        shows("3 of 3 facts for 'industrial'", "industrial companies"),
        "the search result",
        STEP_TIMEOUT,
        tmux.screen,
    )
    tmux.keys("C-c")  # quits, as in fzf
    # tmux marks the pane dead a moment before it records the exit status.
    wait_until(
        lambda: tmux.pane("pane_dead_status") != "", "the app to exit", STEP_TIMEOUT, tmux.screen
    )
    assert tmux.pane("pane_dead_status") == "0", tmux.pane("pane_dead_signal")
