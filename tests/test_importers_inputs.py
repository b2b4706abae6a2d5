"""Expanding an import's inputs: directories, stdin, and inputs that fail alone with a reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factscope.importers.inputs import STDIN, collect_files, source_of


def test_directories_give_their_documents_hidden_ones_skipped(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b.txt", "a.md", "notes.docx", "sub/c.csv", ".hidden/d.txt", ".e.txt"):
        (tmp_path / name).write_text("Trade rose.")
    flat, failures = collect_files([tmp_path])
    deep, _ = collect_files([tmp_path], recursive=True)
    assert failures == []
    assert [Path(p).name for p in flat] == ["a.md", "b.txt"]
    assert [Path(p).relative_to(tmp_path).as_posix() for p in deep] == [
        "a.md",
        "b.txt",
        "sub/c.csv",
    ]


def test_each_bad_input_fails_alone_with_its_reason(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Trade rose.")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "empty").mkdir()
    files, failures = collect_files(
        [tmp_path / "missing.txt", tmp_path / "pipe.txt", tmp_path / "empty", good]
    )
    assert files == [good]
    assert [(Path(f.path).name, f.reason) for f in failures] == [
        ("missing.txt", "no such file or directory"),
        ("pipe.txt", "not a regular file (a FIFO)"),
        ("empty", failures[2].reason),
    ]
    assert failures[2].reason.startswith("no importable files (.csv, ")


def test_only_a_literal_dash_is_stdin_and_a_file_counts_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "a.txt"
    path.write_text("Trade rose.")
    (tmp_path / "link.txt").symlink_to(path)
    files, failures = collect_files([STDIN, path, tmp_path / "link.txt", "./-"])
    assert files == [STDIN, path]
    assert [(f.path, f.reason) for f in failures] == [("./-", "no such file or directory")]


def test_the_stored_source_is_absolute_and_utf_8(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert source_of(STDIN) == "stdin"
    assert source_of(Path("a.txt")) == str(tmp_path.resolve() / "a.txt")
    odd = Path(os.fsdecode(b"bad\xffname.txt"))
    assert source_of(odd).endswith("bad\\xffname.txt")
