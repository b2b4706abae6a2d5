"""Running factscope as users do, for the fault tests: real processes on real files.

Imports racing for one database, signals, full disks and read-only folders only show
themselves across processes, so these tests start ``python -m factscope.tui`` (the console script's
code) with the test's own interpreter, and look at the process tree and the files after.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

FACTSCOPE = [sys.executable, "-m", "factscope.tui"]
"""The command line, as the installed ``factscope`` script runs it."""

NO_CAPABILITIES = ["setpriv", "--bounding-set=-all", "--inh-caps=-all", "--"]
"""Root without capabilities: file modes bind it as they bind any user. The tests run as
root, and the interpreter lives in a folder that ``nobody`` may not enter, so dropping the
capabilities is how a test meets a folder it cannot write."""

CITIES = ("Hefei", "Chengdu", "Wuhan", "Nanjing", "Hangzhou", "Qingdao", "Kunming", "Harbin")


def write_corpus(folder: Path, count: int, *, tag: str, repeat: int = 2) -> Path:
    """``count`` small English reports with a few figures each, distinct across ``tag``s.

    :param repeat: paragraphs per report (all alike but for their numbers): size, not variety.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        city = CITIES[n % len(CITIES)]
        paragraphs = [
            f"In 2021 exports of {city} rose {n % 17 + 1}.{k} percent to {n + k + 3} billion"
            f" yuan, report {tag}-{n}-{k} says. Imports fell {k % 5 + 1} percent."
            for k in range(repeat)
        ]
        text = f"{city} trade report {tag} {n}\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"{tag}_{n:03}.txt").write_text(text, encoding="utf-8")
    return folder


def factscope(
    *args: str | Path,
    prefix: Sequence[str] = (),
    timeout: float = 120,
    preexec_fn: Callable[[], Any] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run one factscope command to its end; output captured as text."""
    return subprocess.run(
        [*prefix, *FACTSCOPE, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=preexec_fn,
        check=False,
    )


def start(*args: str | Path, **kwargs: Any) -> subprocess.Popen[str]:
    """Start one factscope command; the caller waits for it."""
    return subprocess.Popen(
        [*FACTSCOPE, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def _stat(pid: int) -> tuple[str, int] | None:
    """A process's state letter and parent pid, or None when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return fields[0], int(fields[1])


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` now: workers, the fork server, the resource tracker."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (stat := _stat(int(entry))) is not None:
            parents[int(entry)] = stat[1]
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def still_running(pids: set[int], *, grace: float = 10.0) -> set[int]:
    """Those of ``pids`` still alive after ``grace`` seconds (a zombie counts as gone:
    it has ended and waits only for init, which in some containers never reaps)."""
    deadline = time.monotonic() + grace
    while True:
        alive = {pid for pid in pids if (stat := _stat(pid)) is not None and stat[0] != "Z"}
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


def wait_for(condition: Callable[[], bool], *, timeout: float = 60.0) -> None:
    """Poll ``condition`` until it holds; fail after a generous ``timeout``."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {condition}")
        time.sleep(0.05)


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` with the sha256 of its bytes: what 'unchanged' means."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }
