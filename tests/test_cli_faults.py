"""The command line where the system says no: a folder the user may only read, a full disk.

Real processes: the user who cannot write is root without its capabilities (see
:data:`tests.processes.NO_CAPABILITIES`), and the full disk is a file-size limit.
"""

from __future__ import annotations

import json
import os
import pty
import re
import resource
import select
import shutil
import struct
import subprocess
import termios
import time
from collections.abc import Iterator
from fcntl import ioctl
from pathlib import Path

import pytest
from click.testing import CliRunner

from factscope.db import Store
from factscope.importers import import_paths
from factscope.tui.cli import main
from tests.processes import (
    FACTSCOPE,
    NO_CAPABILITIES,
    factscope,
    fingerprint,
    write_corpus,
)

pytestmark = pytest.mark.skipif(shutil.which("setpriv") is None, reason="needs setpriv")


@pytest.fixture
def shared(tmp_path: Path) -> Iterator[Path]:
    """A corpus in a folder nobody but its owner may write, as on a team's server."""
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "facts.db"
    with Store.open(db) as store:
        assert import_paths([write_corpus(tmp_path / "docs", 12, tag="ro")], store).ok
    os.chown(folder, 65534, 65534)  # nobody's, so that root without capabilities cannot
    os.chown(db, 65534, 65534)
    db.chmod(0o444)
    folder.chmod(0o555)
    yield db
    folder.chmod(0o755)


@pytest.mark.parametrize(
    "args",
    [
        ["stats", "--json"],
        ["--read-only", "search", "exports", "--json"],
        ["facts", "hefei", "--json", "--read-only"],
        ["export", "--what", "documents"],
        ["check"],
    ],
    ids=["stats", "search", "facts", "export", "check"],
)
def test_reading_commands_work_in_a_folder_the_user_cannot_write(
    shared: Path, args: list[str]
) -> None:
    before = fingerprint(shared.parent)
    done = factscope("--db", shared, *args, prefix=NO_CAPABILITIES)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    if "--json" in args:
        assert json.loads(done.stdout)
    assert fingerprint(shared.parent) == before


def test_writing_commands_say_the_database_is_read_only(shared: Path, tmp_path: Path) -> None:
    before = fingerprint(shared.parent)
    new = write_corpus(tmp_path / "new", 2, tag="new")
    done = factscope("--db", shared, "import", new, prefix=NO_CAPABILITIES)
    assert (done.returncode, done.stderr) == (
        1,
        f"factscope: {shared}: the database is read-only (you may not write it or its folder)\n",
    )
    refused = factscope("--db", shared, "--read-only", "import", new, prefix=NO_CAPABILITIES)
    assert refused.returncode == 2
    assert "this command writes to the database: drop --read-only" in refused.stderr
    assert fingerprint(shared.parent) == before


def _screen_text(raw: bytes) -> str:
    """What a terminal shows, roughly: escape sequences out, so that words can be found."""
    return re.sub(
        r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|.)",
        "",
        raw.decode(errors="replace"),
    )


def test_the_browser_opens_on_a_read_only_corpus_and_says_it_is_a_snapshot(
    shared: Path,
) -> None:
    before = fingerprint(shared.parent)
    leader, follower = pty.openpty()
    ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 200, 0, 0))
    browser = subprocess.Popen(
        [*NO_CAPABILITIES, *FACTSCOPE, "--db", str(shared)],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env={**os.environ, "TERM": "xterm-256color"},
    )
    os.close(follower)
    seen = b""
    deadline = time.monotonic() + 60
    try:
        while "changes by others not shown" not in _screen_text(seen):
            assert time.monotonic() < deadline, _screen_text(seen)[-2000:]
            if select.select([leader], [], [], 0.2)[0]:
                seen += os.read(leader, 65536)
        os.write(leader, b"\x11")  # ctrl+q: letters are typed, not commands
        assert browser.wait(timeout=30) == 0
    finally:
        if browser.poll() is None:
            browser.kill()
        os.close(leader)
    assert "12 docs" in _screen_text(seen)
    assert fingerprint(shared.parent) == before


def test_an_export_to_a_full_disk_says_so_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "facts.db"
    with Store.open(db) as store:
        assert import_paths([write_corpus(tmp_path / "docs", 30, tag="exp")], store).ok
    out = tmp_path / "out.jsonl"

    def limit() -> None:  # room for the database's 32 KB -shm, not for the whole export
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))

    with out.open("w") as stdout:
        done = subprocess.run(
            [*FACTSCOPE, "--db", str(db), "export"],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=limit,
            timeout=60,
            check=False,
        )
    assert (done.returncode, done.stderr) == (1, f"factscope: file too large writing {out}\n")
    assert out.stat().st_size == 65536


def test_read_only_is_a_usage_error_for_import(tmp_path: Path) -> None:
    docs = write_corpus(tmp_path / "docs", 1, tag="u")
    for args in (["--read-only", "import", str(docs)], ["import", str(docs), "--read-only"]):
        result = CliRunner().invoke(main, ["--db", str(tmp_path / "x.db"), *args])
        assert result.exit_code == 2
        assert "drop --read-only" in result.stderr
    assert not (tmp_path / "x.db").exists()
