"""Pooled import: worker processes read and extract, this process stores, in input order."""

from __future__ import annotations

import os
import pickle
import time
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

import factscope.importers.parallel as parallel
import factscope.importers.pipeline as pipeline
from factscope.db import Store
from factscope.importers import import_paths
from factscope.importers.parallel import _in_order, prepare_in_parallel, worth_a_pool

from .conftest import SAMPLES


def _files(tmp_path: Path, sizes: list[int]) -> list[Path]:
    paths = []
    for n, size in enumerate(sizes):
        path = tmp_path / f"f{n}.txt"
        path.write_bytes(b"x" * size)
        paths.append(path)
    return paths


def test_small_imports_stay_serial(tmp_path: Path) -> None:
    assert not worth_a_pool(_files(tmp_path, [1000] * 10))
    assert not worth_a_pool(["-"])
    assert not worth_a_pool([tmp_path / "missing.txt"])


def test_enough_bytes_make_a_pool_worthwhile(tmp_path: Path) -> None:
    assert worth_a_pool(_files(tmp_path, [parallel.POOL_MIN_BYTES // 4] * 4))


def test_files_too_big_for_the_pool_do_not_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "POOL_MAX_FILE_BYTES", 100)
    assert not worth_a_pool(_files(tmp_path, [parallel.POOL_MIN_BYTES]))


def _shout(item: Path | str) -> list[str]:
    # Later files finish first: results must still come back in input order.
    time.sleep(0.002 * (40 - int(Path(item).stem[1:])))
    return [f"pooled {Path(item).name}"]


def _streamed(item: Path | str) -> list[str]:
    return [f"here {Path(item).name}"]


def test_results_come_back_in_input_order(tmp_path: Path) -> None:
    files: list[Path | str] = [*_files(tmp_path, [10] * 30)]
    files.insert(7, "-")  # stdin is never sent to the pool
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(_in_order(files, _shout, _streamed, pool, window=3))  # type: ignore[arg-type]
    assert [item for item, _ in got] == files
    assert list(got[7][1]) == ["here -"]
    assert list(got[0][1]) == ["pooled f0.txt"]
    assert list(got[-1][1]) == ["pooled f29.txt"]


class _FailingPool:
    """A pool whose every future fails with ``error``."""

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def submit(self, fn: Any, *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_exception(self.error)
        return future


@pytest.mark.parametrize(
    "error",
    [BrokenProcessPool("a worker died"), pickle.UnpicklingError("a result did not survive")],
)
def test_files_a_worker_could_not_return_are_prepared_here(
    tmp_path: Path, error: BaseException
) -> None:
    files = _files(tmp_path, [10] * 5)
    pool = _FailingPool(error)
    got = list(_in_order(files, _shout, _streamed, pool, window=2))  # type: ignore[arg-type]
    assert [list(entries) for _, entries in got] == [[f"here f{n}.txt"] for n in range(5)]


class _CountingPool:
    """A pool that runs each file at once and counts files submitted but not yet handed back."""

    def __init__(self) -> None:
        self.submitted = 0
        self.handed_back = 0
        self.most_ahead = 0

    def submit(self, fn: Any, *args: Any) -> Future[Any]:
        self.submitted += 1
        self.most_ahead = max(self.most_ahead, self.submitted - self.handed_back)
        future: Future[Any] = Future()
        future.set_result(fn(*args))
        return future


def test_big_files_are_submitted_fewer_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "IN_FLIGHT_BYTES", 1000)
    # Window 8 (2 jobs x 4): a file is submitted, then the oldest handed back while too
    # much is ahead, so the most ever ahead is one more than what may wait.
    for size, most in [(10, 9), (200, 6), (5000, 3)]:
        pool = _CountingPool()
        files = _files(tmp_path, [size] * 12)
        for _ in _in_order(files, _shout, _streamed, pool, window=8):  # type: ignore[arg-type]
            pool.handed_back += 1
        # Small files fill the window; past the byte budget, one per worker waits.
        assert (pool.submitted, pool.most_ahead) == (12, most), size


def _pid(item: Path | str) -> list[int]:
    return [os.getpid()]


def test_the_pool_runs_in_other_processes(tmp_path: Path) -> None:
    files = _files(tmp_path, [10] * 4)
    with prepare_in_parallel(files, _pid, _pid, jobs=2) as results:
        pids = {pid for _, entries in results for pid in entries}
    assert pids and os.getpid() not in pids


def _dump(store: Store) -> tuple[list[tuple[Any, ...]], list[dict[str, Any]]]:
    documents = [(d.id, d.title, d.published, d.fact_count) for d in store.iter_documents()]
    facts = [f.model_dump(exclude={"id"}) for f in store.iter_facts()]
    return documents, facts


def samples_and_a_broken_pdf(folder: Path) -> list[Path]:
    """The sample documents and a PDF that fails to read: a pooled import's inputs."""
    broken = folder / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    return [SAMPLES, broken]


def test_a_pooled_import_stores_what_a_serial_one_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pooled: list[int] = []
    real = prepare_in_parallel

    def counting(*args: Any, **kwargs: Any) -> Any:
        pooled.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "prepare_in_parallel", counting)
    monkeypatch.setattr(parallel, "POOL_MIN_BYTES", 0)
    inputs = samples_and_a_broken_pdf(tmp_path)
    broken = inputs[-1]
    with Store.open(tmp_path / "serial.db") as serial:
        serial_report = import_paths(inputs, serial, recursive=True, jobs=1)
        serial_dump = _dump(serial)
    assert not pooled
    progress: list[int] = []
    with Store.open(tmp_path / "pooled.db") as store:
        report = import_paths(
            inputs, store, recursive=True, jobs=2, on_progress=lambda p: progress.append(p.done)
        )
        assert pooled == [1]
        assert _dump(store) == serial_dump
    assert report.model_dump() == serial_report.model_dump()
    assert report.imported == 13 and report.facts > 50
    assert [f.path for f in report.failed] == [str(broken)]
    assert progress == list(range(1, len(progress) + 1)) and progress[-1] == 14


def test_stop_signals_raise_once_and_handlers_come_back() -> None:
    """The first SIGTERM/SIGHUP unwinds as Terminated; a second during the clean-up does
    not cut it short; outside the block the old handlers are back."""
    import signal

    from factscope.importers.parallel import Terminated, stop_on_signals

    before = signal.getsignal(signal.SIGTERM)
    cleaned_up = False
    with pytest.raises(Terminated) as stopped, stop_on_signals():
        try:
            os.kill(os.getpid(), signal.SIGHUP)
            time.sleep(5)  # interrupted: the handler raises in this thread
        finally:
            os.kill(os.getpid(), signal.SIGTERM)  # ignored: clean-up goes on
            cleaned_up = True
    assert cleaned_up and stopped.value.exit_code == 129
    assert signal.getsignal(signal.SIGTERM) is before
