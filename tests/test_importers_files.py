"""Opening inputs: regular files only, without blocking, and never past the size limit."""

from __future__ import annotations

import io
import os
import socket
import stat
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

import pytest

from factscope.importers.files import ReadError, not_regular, read_bytes, read_stream


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        (stat.S_IFREG | 0o644, None),
        (stat.S_IFIFO | 0o644, "not a regular file (a FIFO)"),
        (stat.S_IFSOCK | 0o755, "not a regular file (a socket)"),
        (stat.S_IFCHR | 0o666, "not a regular file (a character device)"),
        (stat.S_IFBLK | 0o660, "not a regular file (a block device)"),
        (stat.S_IFDIR | 0o755, "not a regular file (a directory)"),
    ],
)
def test_only_regular_files_are_documents(mode: int, reason: str | None) -> None:
    assert not_regular(mode) == reason


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with ThreadPoolExecutor(max_workers=1) as pool:
        attempt = pool.submit(read_bytes, fifo, "pipe.txt", 1000)
        try:
            with pytest.raises(ReadError, match=r"not a regular file \(a FIFO\)"):
                attempt.result(timeout=20)
        except FutureTimeout:
            # It blocked: give it a writer and an end of file, so the test can end and fail.
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            pytest.fail("reading a FIFO waited for a writer")


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.symlink_to(p.name), "symlink loop (too many levels of symbolic links)"),
        (lambda p: p.symlink_to("nowhere.txt"), "no such file or directory"),
        (lambda p: p.mkdir(), "not a regular file (a directory)"),
        (lambda p: socket.socket(socket.AF_UNIX).bind(str(p)), "no such device or address"),
        (lambda p: None, "no such file or directory"),
    ],
)
def test_what_cannot_be_opened_says_why(tmp_path: Path, make: object, reason: str) -> None:
    path = tmp_path / "doc.txt"
    make(path)  # type: ignore[operator]
    with pytest.raises(ReadError) as info:
        read_bytes(path, "doc.txt", 1000)
    assert (info.value.path, info.value.reason) == ("doc.txt", reason)


def test_size_limits_for_files_and_streams(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"x" * 2048)
    assert read_bytes(path, "doc.txt", 2048) == b"x" * 2048
    with pytest.raises(ReadError, match=r"file is 0\.0 MB, over the 0\.000999451 MB limit"):
        read_bytes(path, "doc.txt", 1048)
    endless = io.BytesIO(b"y" * 5000)  # stands for `yes | factscope import -`
    with pytest.raises(ReadError, match="input is over"):
        read_stream(endless, "-", 4096)
    assert endless.tell() == 4097  # one byte past the limit was enough to know
    assert read_stream(io.BytesIO(b"short"), "-", 4096) == b"short"
