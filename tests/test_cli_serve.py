"""``factscope serve`` as a command: its options, and one line for what stops it starting."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from factscope.db import Store
from factscope.tui.cli.serve import is_loopback, read_token
from tests.processes import FACTSCOPE, factscope
from tests.serving import serving


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "facts.db"
    with Store.open(path):
        pass
    return path


def test_loopback_hosts() -> None:
    assert all(map(is_loopback, ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"]))
    assert not any(map(is_loopback, ["0.0.0.0", "10.1.2.3", "example.org", "::"]))


def test_a_fixed_token_from_a_file_or_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FACTSCOPE_SERVE_TOKEN", raising=False)
    first, second = read_token(None), read_token(None)
    assert first != second and len(first) >= 32, "random per start"
    token_file = tmp_path / "token"
    token_file.write_text("team-token-0123456789\n", encoding="utf-8")
    assert read_token(token_file) == "team-token-0123456789"
    monkeypatch.setenv("FACTSCOPE_SERVE_TOKEN", "from-the-environment-42")
    assert read_token(None) == "from-the-environment-42"


@pytest.mark.parametrize("content", ["short", "spaces are not allowed in it", "é" * 20])
def test_a_weak_token_is_refused(
    tmp_path: Path, content: str, capsys: pytest.CaptureFixture[str]
) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(content, encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        read_token(token_file)
    assert exited.value.code == 1
    [line] = capsys.readouterr().err.splitlines()
    assert str(token_file) in line and "16 to 256 characters" in line


def test_a_weak_token_stops_the_command_with_one_line(db: Path, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("short", encoding="utf-8")
    done = factscope("--db", db, "serve", "--port", "0", "--token-file", token_file)
    assert done.returncode == 1 and done.stdout == ""
    [line] = done.stderr.splitlines()
    assert str(token_file) in line and "16 to 256 characters" in line


def test_a_missing_token_file_and_database_are_one_line(db: Path, tmp_path: Path) -> None:
    done = factscope("--db", db, "serve", "--token-file", tmp_path / "nope")
    assert done.returncode == 1 and "cannot read the token file" in done.stderr
    done = factscope("--db", tmp_path / "missing.db", "serve")
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert "missing.db: no such database" in line


def test_a_port_in_use_is_one_line(db: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = factscope("--db", db, "serve", "--port", str(port), timeout=60)
    assert done.returncode == 1 and done.stdout == ""
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr


def test_without_the_extra_it_says_what_to_install(db: Path) -> None:
    code = (
        "import sys; sys.modules['textual_serve'] = None; sys.argv = ['factscope'] + sys.argv[1:]"
        "\nfrom factscope.tui.cli import run; run()"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "--db", str(db), "serve"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert "pip install 'factscope[serve]'" in line


def test_the_url_has_the_token_and_a_public_host_warns(db: Path, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("a-fixed-team-token-0001", encoding="utf-8")
    with serving(db, "--host", "0.0.0.0", "--token-file", str(token_file)) as served:
        assert served.url.startswith("http://0.0.0.0:")
        assert served.url.endswith("/?token=a-fixed-team-token-0001")
    [warning] = [line for line in served.stderr.splitlines() if "warning" in line]
    assert "0.0.0.0" in warning and "put TLS in front" in warning


def test_help_names_the_tunnel() -> None:
    done = subprocess.run([*FACTSCOPE, "serve", "--help"], capture_output=True, text=True)
    assert "ssh -L 8000:localhost:8000" in done.stdout and "--max-sessions" in done.stdout


@pytest.mark.parametrize("url", ["team.example", "ftp://team.example", "https://t.example/a/b"])
def test_a_public_url_is_an_http_url(db: Path, url: str) -> None:
    from click.testing import CliRunner

    from factscope.tui.cli import main

    result = CliRunner().invoke(main, ["--db", str(db), "serve", "--public-url", url])
    assert result.exit_code == 2
    assert "is not a URL such as https://" in result.stderr


def test_a_postgresql_database_is_refused_in_one_line() -> None:
    """The app processes would get the URL on their command line (and no PG* variables):
    serving a server's corpus is refused before anything starts, the password unshown."""
    url = "postgresql://ana:s3cret@127.0.0.1:9/team"
    done = factscope("--db", url, "serve")
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert "PostgreSQL database cannot be served" in line and "s3cret" not in line
    assert done.stdout == ""
