"""The app command and environment of a served session: no shell, nothing secret passed.
The real process (its /proc cmdline and environ) is checked in test_serve_server.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="the serve extra is not installed")

from factscope.tui.serve.session import PASSED_ENV, app_command, app_environment


def test_the_command_is_an_argument_list() -> None:
    db = Path("/srv/team data/it's; rm -rf ~.db")
    assert app_command(db, read_only=False) == [
        sys.executable, "-m", "factscope.tui", "--db", str(db), "open",
    ]  # fmt: skip
    assert app_command(db, read_only=True)[-2:] == ["--read-only", "open"]


def test_the_environment_is_minimal() -> None:
    server = {
        "PATH": "/usr/bin",
        "LANG": "C.UTF-8",
        "AWS_SECRET_ACCESS_KEY": "x",
        "SSH_AUTH_SOCK": "/tmp/agent",
        "DISPLAY": ":0",
        "FACTSCOPE_SERVE_TOKEN": "secret-token-0000",
    }
    env = app_environment(100, 30, server)
    assert env["PATH"] == "/usr/bin" and env["LANG"] == "C.UTF-8"
    assert env["COLUMNS"] == "100" and env["ROWS"] == "30"
    assert env["TEXTUAL_DRIVER"] == "textual.drivers.web_driver:WebDriver"
    assert not {"AWS_SECRET_ACCESS_KEY", "SSH_AUTH_SOCK", "DISPLAY", "FACTSCOPE_SERVE_TOKEN"} & set(
        env
    )
    assert set(env) - set(PASSED_ENV) <= {
        "TEXTUAL_DRIVER", "TEXTUAL_FPS", "TEXTUAL_COLOR_SYSTEM", "TERM_PROGRAM",
        "TERM_PROGRAM_VERSION", "COLUMNS", "ROWS", "PYTHONUNBUFFERED",
    }  # fmt: skip
