"""The inputs of an import: files, directories and ``-`` (stdin) expanded into files to read.

Each input that cannot be read fails alone, with one line saying why (missing, a symlink
loop, a FIFO, a directory without documents ...): the inputs beside it go on.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from factscope.importers.files import not_regular, os_reason
from factscope.importers.registry import READERS
from factscope.importers.report import ImportFailure
from factscope.importers.sanitize import escape_undecodable

STDIN = "-"
"""The path that means 'read one document from standard input'."""


def _entry_problem(path: Path) -> str | None:
    """Why a listed or named path cannot be imported (missing, a loop, a FIFO ...), or None."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return os_reason(exc)
    return not_regular(mode)


def _importable(path: Path, root: Path) -> bool:
    """A directory entry worth trying: a known suffix, nothing hidden on the way, no folder."""
    return (
        path.suffix.lower() in READERS
        and not any(part.startswith(".") for part in path.relative_to(root).parts)
        and not path.is_dir()
    )


def collect_files(
    paths: Iterable[str | Path], *, recursive: bool = False
) -> tuple[list[Path | str], list[ImportFailure]]:
    """Expand the inputs into files to read; missing paths and empty directories fail.

    Directories contribute files with a known suffix (hidden files and folders skipped);
    ``recursive`` descends into sub-directories (a symlinked folder is not descended into,
    so a symlink loop is followed at most once). Only the literal ``-`` is stdin. A FIFO,
    socket, device, dangling link or symlink loop fails with its reason, one line each,
    whether named or found in a directory; the other inputs go on.
    """
    files: list[Path | str] = []
    failures: list[ImportFailure] = []
    seen: set[Path] = set()

    def add(path: Path, shown: str) -> None:
        problem = _entry_problem(path)
        if problem:
            failures.append(ImportFailure(path=shown, reason=problem))
        elif path.resolve() not in seen:
            seen.add(path.resolve())
            files.append(path)

    for given in paths:
        if str(given) == STDIN:
            files.append(STDIN)
            continue
        path = Path(given).expanduser()
        if path.is_dir():
            pattern = path.rglob("*") if recursive else path.glob("*")
            found = sorted(p for p in pattern if _importable(p, path))
            if not found:
                known = ", ".join(sorted(READERS))
                hint = "" if recursive else " (use -r to include sub-directories)"
                failures.append(
                    ImportFailure(path=str(given), reason=f"no importable files ({known}){hint}")
                )
            for p in found:
                add(p, str(p))
        else:
            add(path, str(given))
    return files, failures


def source_of(item: Path | str) -> str:
    """The source stored for a file: its absolute path, undecodable bytes escaped.

    SQLite text is UTF-8, and a name that is not cannot be stored as Python holds it; the
    escaped form is stable, so re-importing the same file still finds its document.
    """
    return "stdin" if item == STDIN else escape_undecodable(str(Path(item).resolve()))
