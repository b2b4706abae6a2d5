"""Opening inputs without being trapped: regular files only, and never more than the limit.

A FIFO blocks a reader until a writer comes, a device may never end, a symlink loop never
resolves, and standard input may be endless. This module opens files without blocking and
checks them through their descriptor, and reads at most one byte past the size limit, so
each such input fails alone with one short reason (:class:`ReadError`).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO


class ReadError(Exception):
    """A file that cannot be imported, with the reason in a few words."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


_MB = 1024 * 1024
"""A megabyte as ``--max-size`` counts it (the default limit reads "50 MB", not 52.4)."""

_FILE_KINDS = {
    stat.S_IFIFO: "a FIFO",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFDIR: "a directory",
}


def not_regular(mode: int) -> str | None:
    """Why a file of this ``st_mode`` cannot be read as a document, or None for a regular file.

    Reading a FIFO blocks until a writer comes, a device may never end: only regular files
    are read (standard input is the literal ``-``, never ``/dev/stdin``).
    """
    if stat.S_ISREG(mode):
        return None
    kind = _FILE_KINDS.get(stat.S_IFMT(mode), "of an unknown kind")
    return f"not a regular file ({kind})"


def os_reason(exc: OSError) -> str:
    """An OS error in a few words ("no such file or directory", "symlink loop")."""
    if exc.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    return (exc.strerror or str(exc)).lower()


def read_bytes(path: Path, name: str, max_bytes: int) -> bytes:
    """The bytes of a regular file, refusing others and files over ``max_bytes``.

    The file is opened without blocking and checked through its descriptor, so a FIFO put
    in its place after the directory was listed is refused too, never waited on.
    :raises ReadError:
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise ReadError(name, os_reason(exc)) from exc
    try:
        info = os.fstat(fd)
        problem = not_regular(info.st_mode)
        if problem:
            raise ReadError(name, problem)
        if info.st_size > max_bytes:
            size = info.st_size
            raise ReadError(
                name, f"file is {size / _MB:.1f} MB, over the {max_bytes / _MB:g} MB limit"
            )
        with os.fdopen(fd, "rb", closefd=False) as handle:
            # One byte past the limit: a file growing while read is still refused.
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise ReadError(name, os_reason(exc)) from exc
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise ReadError(name, f"file grew over the {max_bytes / _MB:g} MB limit while read")
    return data


def read_stream(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """All of a stream (standard input), refusing one longer than ``max_bytes``.

    Reads at most one byte past the limit, so an endless stream (``yes | factscope import
    -``) ends in a refusal instead of using up the memory. :raises ReadError:
    """
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ReadError(name, f"input is over the {max_bytes / _MB:g} MB limit")
    return data
