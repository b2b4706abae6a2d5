"""Reading and extraction in worker processes, ahead of the one process that writes.

SQLite has one writer, and reading plus fact extraction is most of an import's time, so on a
machine with more than one core a pool of processes prepares the inputs while this process
stores them. Results are handed back in input order, so a pooled import stores exactly what a
serial one would, in the same order. A pool costs a fraction of a second to start (each worker
imports the extractor and loads the gazetteer): it is used only for imports big enough to win.

What is not sent to the pool: standard input (only this process can read it) and files larger
than :data:`POOL_MAX_FILE_BYTES` — collections of many documents, which are streamed here so
that a 50 MB CSV is never held in memory whole. A worker that dies (killed, out of memory)
does not lose its files: they are prepared again in this process.

SIGTERM and SIGHUP (a closed SSH session) end an import the way Ctrl+C does, through
:func:`stop_on_signals`: the exception unwinds through the pool, which stops its workers,
and through the batch, which rolls back, so no process is left behind.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

POOL_MIN_BYTES = 512 * 1024
"""Inputs smaller than this in all are imported serially: the pool's start-up would cost
more than it saves (about 1.5 s of serial work on the import benchmark's documents)."""

POOL_MAX_FILE_BYTES = 8 * 1024 * 1024
"""Files larger than this are prepared (streamed) in the writing process."""

IN_FLIGHT_PER_JOB = 4
"""Files submitted ahead per worker: enough to keep each busy, few enough to bound memory."""

IN_FLIGHT_BYTES = 16 * 1024 * 1024
"""Bytes of files submitted ahead beyond one per worker. A prepared file comes back as its
text and up to 40,000 facts (tens of MB for a file of a few MB stating many figures), and the
results wait here until stored in order: four 8 MB files per worker would be hundreds of MB."""

Item = Path | str
Prepared = tuple[Item, Iterable[T]]


def available_cpus() -> int:
    """Cores this process may run on (the affinity mask where there is one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _size(item: Item) -> int | None:
    """The size of a file the pool can take, else None (stdin, vanished, too big)."""
    if not isinstance(item, Path):
        return None
    try:
        size = item.stat().st_size
    except OSError:
        return None
    return size if size <= POOL_MAX_FILE_BYTES else None


def worth_a_pool(files: Sequence[Item]) -> bool:
    """True when the files a pool would take add up to enough work to pay for its start."""
    total = 0
    for item in files:
        total += _size(item) or 0
        if total >= POOL_MIN_BYTES:
            return True
    return False


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived. A BaseException, like KeyboardInterrupt, so that no
    ``except Exception`` swallows it on the way out."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
        self.exit_code = 128 + signum
        """The shell's convention for death by this signal: 143 for SIGTERM, 129 for SIGHUP."""


STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
"""Signals that end an import cleanly (SIGINT already does, as KeyboardInterrupt)."""


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Turn :data:`STOP_SIGNALS` into :class:`Terminated` while the block runs.

    Only the first signal raises: a second one during the clean-up (stopping workers,
    rolling back) must not cut it short. Outside the main thread (where Python cannot
    handle signals) this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []

    def handler(signum: int, _frame: object) -> None:
        if not received:
            received.append(signum)
            raise Terminated(signum)

    previous = {signum: signal.signal(signum, handler) for signum in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def _quiet_worker() -> None:
    # Ctrl+C reaches the whole process group: the parent shuts the pool down, and the workers
    # must not each print a KeyboardInterrupt traceback on the way out.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A SIGHUP to the whole session reaches the workers too: the parent stops them itself.
    signal.signal(signal.SIGHUP, signal.SIG_IGN)


def _context() -> BaseContext:
    """How workers start. Not fork: the caller may have threads (a progress bar's, the TUI's)
    and a forked child of a threaded process can deadlock on a lock held at fork time. A fork
    server where there is one: it imports the extractor once and forks each worker from that
    clean process, so workers start warm. (Each worker still imports the caller's main module,
    as with spawn: a script must call the pool under ``if __name__ == "__main__":``.)"""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["factscope.importers.pipeline"])
        return context
    return multiprocessing.get_context("spawn")


@contextmanager
def prepare_in_parallel(
    files: Sequence[Item],
    prepare: Callable[[Item], list[T]],
    stream: Callable[[Item], Iterable[T]],
    jobs: int,
) -> Iterator[Iterator[Prepared[T]]]:
    """``(item, prepared)`` for every file in order, ``prepare`` running in ``jobs`` processes.

    ``prepare`` must be picklable (a module-level function or a ``functools.partial`` of one)
    and must not raise: failures are part of what it returns. ``stream`` prepares an item in
    this process (stdin, big files, or after a worker died).
    """
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_quiet_worker)
    try:
        yield _in_order(files, prepare, stream, pool, jobs * IN_FLIGHT_PER_JOB)
    except BaseException:
        # Ctrl+C or an error: do not wait for files being extracted (up to 8 MB each). The
        # executor has no public way to stop its workers (3.14 adds one); shutdown forgets them.
        # Stopped first, then shut down waiting: the executor's thread sees its workers gone
        # and ends, rather than being woken at exit through a pipe already closed (which
        # printed "Exception ignored ... Bad file descriptor" after a SIGTERM).
        workers = list((getattr(pool, "_processes", None) or {}).values())
        for worker in workers:
            worker.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    else:
        pool.shutdown(wait=True, cancel_futures=True)


def _in_order(
    files: Sequence[Item],
    prepare: Callable[[Item], list[T]],
    stream: Callable[[Item], Iterable[T]],
    pool: ProcessPoolExecutor,
    window: int,
) -> Iterator[Prepared[T]]:
    pending: deque[tuple[Item, Future[list[T]] | None, int]] = deque()
    pending_bytes = 0
    at_least = max(1, window // IN_FLIGHT_PER_JOB)  # one per worker keeps each busy
    broken = False
    for item in files:
        future = None
        size = _size(item)
        if not broken and size is not None:
            try:
                future = pool.submit(prepare, item)
            except BrokenProcessPool:
                broken = True
        pending.append((item, future, size or 0))
        pending_bytes += size or 0
        while len(pending) > window or (
            len(pending) > at_least and pending_bytes > IN_FLIGHT_BYTES
        ):
            done, future, size = pending.popleft()
            pending_bytes -= size
            yield _result(done, future, stream)
    while pending:
        done, future, _ = pending.popleft()
        yield _result(done, future, stream)


def _result(
    item: Item, future: Future[list[T]] | None, stream: Callable[[Item], Iterable[T]]
) -> Prepared[T]:
    if future is None:
        return item, stream(item)
    try:
        return item, future.result()
    except Exception:  # the worker died, or its answer did not survive pickling
        return item, stream(item)  # so prepare the file here (prepare itself never raises)
