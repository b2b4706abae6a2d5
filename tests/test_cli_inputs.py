"""Hostile command lines and inputs: undecodable arguments, absurd numbers, FIFOs in a batch.

Arguments that are not UTF-8 reach Python as lone surrogates; they are decoded with
replacement and said so, never passed on to SQLite. File names are the exception: they reach
the OS as given. The FIFO test runs the real console script in a process of its own, with a
timeout, because a regression there hangs rather than fails.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factscope.db import Store
from factscope.tui.cli import main
from tests.conftest import REPO
from tests.test_importers_slices import figures_file

UNDECODABLE = os.fsdecode(b"ab\xffcd")
"""What Python makes of the argument $'ab\\xffcd'."""


def run(*args: str) -> Result:
    """Invoke the CLI in-process; exceptions propagate (an uncaught one is a test failure)."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def small_db(db_path: Path, tmp_path: Path) -> Path:
    """A database holding one document about Sichuan."""
    doc = tmp_path / "one.txt"
    doc.write_text("Sichuan report\n\nSichuan's exports were 12 billion yuan in 2020.")
    assert run("--db", str(db_path), "import", "-q", str(doc)).exit_code == 0
    return db_path


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["search", UNDECODABLE], 0),
        (["search", UNDECODABLE, "--json"], 0),
        (["facts", UNDECODABLE, "--json"], 0),
        (["facts", f"region:{UNDECODABLE}"], 0),
        (["compare", os.fsdecode(b"\xff"), "Sichuan"], 1),  # no such region: one line
        (["regions", UNDECODABLE], 0),
    ],
)
def test_undecodable_arguments_are_replaced_and_said(
    small_db: Path, args: list[str], code: int
) -> None:
    result = run("--db", str(small_db), *args)
    assert result.exit_code == code, result.stderr
    warning = [line for line in result.stderr.splitlines() if "not valid UTF-8" in line]
    assert len(warning) == 1
    assert "\\xff" in warning[0] and "\ufffd" in warning[0]
    assert "internal error" not in result.stderr
    if "--json" in args:
        json.loads(result.stdout)


def test_a_non_utf8_file_name_still_opens(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/r\xe9sum\xe9.txt"
    with open(raw, "wb") as handle:
        handle.write(b"Resume\n\nHefei's output rose 9 percent in 2020.")
    result = run("extract", os.fsdecode(raw), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[0])["quote"].startswith("9 percent")
    assert "not valid UTF-8" not in result.stderr  # a file name is no text argument


@pytest.mark.parametrize(
    "args",
    [
        ["search", "x", "--limit", "99999999999999999999999"],
        ["facts", "x", "--limit", "0"],
        ["regions", "x", "--limit", "-5"],
        ["import", "--max-size", "nan", "x.txt"],
        ["import", "--max-size", "inf", "x.txt"],
        ["import", "--jobs", "100000", "x.txt"],
    ],
)
def test_numbers_out_of_range_are_usage_errors(small_db: Path, args: list[str]) -> None:
    result = run("--db", str(small_db), *args)
    assert result.exit_code == 2
    assert "Invalid value" in result.stderr


def test_fifo_socket_and_odd_names_in_one_batch(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(3):
        (folder / f"good{i}.txt").write_text(f"Report {i}\n\nWuhan's GDP rose {i + 2}% in 2021.")
    with open(os.fsencode(folder) + b"/bad\xffname.txt", "wb") as handle:
        handle.write(b"Bad name\n\nChengdu's imports were 7 billion yuan in 2021.")
    with open(os.fsencode(folder) + b"/empty\xfe.txt", "wb"):
        pass  # a bad file with a bad name: its line shows the byte escaped
    os.mkfifo(folder / "pipe.txt")  # nobody ever writes to it: reading it would block
    os.mkfifo(tmp_path / "named.md")
    (folder / "loop.txt").symlink_to("loop.txt")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "sock.md"))
    db_path = tmp_path / "facts.db"
    command = [sys.executable, "-m", "factscope.tui.cli", "--db", str(db_path), "import", "-q"]
    try:
        proc = subprocess.run(
            [*command, str(folder), str(tmp_path / "named.md")],
            cwd=REPO,
            capture_output=True,
            timeout=120,
        )
    finally:
        server.close()
    assert proc.returncode == 1
    lines = proc.stderr.decode("utf-8").splitlines()  # all of it valid UTF-8
    assert sorted(lines) == [
        f"factscope: {folder / 'empty'}\\xfe.txt: empty file",
        f"factscope: {folder / 'loop.txt'}: symlink loop (too many levels of symbolic links)",
        f"factscope: {folder / 'pipe.txt'}: not a regular file (a FIFO)",
        f"factscope: {folder / 'sock.md'}: not a regular file (a socket)",
        f"factscope: {tmp_path / 'named.md'}: not a regular file (a FIFO)",
    ]
    with Store.open(db_path) as store:
        names = sorted(Path(d.source).name for d in store.documents(limit=10))
    assert names == ["bad\\xffname.txt", "good0.txt", "good1.txt", "good2.txt"]


def test_capped_facts_are_a_note_not_a_failure(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("factscope.importers.slices.MAX_FACTS", 5)
    path = figures_file(tmp_path, 9)
    result = run("--db", str(db_path), "import", str(path))
    assert result.exit_code == 0
    [note] = [line for line in result.stderr.splitlines() if line.startswith("factscope:")]
    assert note.startswith(f"factscope: note: {path}: kept the first 5 facts")
    assert "1 imported" in result.stderr and "5 facts" in result.stderr


def test_extract_refuses_a_fifo_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    command = [sys.executable, "-m", "factscope.tui.cli", "extract", str(tmp_path / "pipe.txt")]
    proc = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr == f"factscope: {tmp_path / 'pipe.txt'}: not a regular file (a FIFO)\n"


def test_stdin_over_the_size_limit_is_one_line(db_path: Path) -> None:
    big = b"Exports rose 5 percent in 2020. " * 40_000  # 1.3 MB
    result = CliRunner().invoke(
        main, ["--db", str(db_path), "import", "--max-size", "1", "-"], input=big
    )
    assert result.exit_code == 1
    assert "factscope: -: input is over the 1 MB limit" in result.stderr
