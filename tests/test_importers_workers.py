"""Workers writing their own files into a PostgreSQL server (importers/workers.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import factscope.importers.parallel as parallel
from factscope.db import Store
from factscope.db.pgstore import PgStore
from factscope.importers import import_paths

from .conftest import SAMPLES
from .test_importers_parallel import samples_and_a_broken_pdf


def _dump(store: Store) -> tuple[list[tuple[Any, ...]], list[str]]:
    """Documents and facts as both databases hold them (ids are each writer's own)."""
    documents = sorted((d.id, d.title, d.published, d.fact_count) for d in store.iter_documents())
    facts = [f.model_dump(exclude={"id"}) for f in store.iter_facts()]
    return documents, sorted(json.dumps(f, sort_keys=True, default=str) for f in facts)


def test_workers_write_their_own_files_on_a_server(
    tmp_path: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pooled import into a server stores what a serial import into a file does, and
    this process writes none of it: its own add_document fails here, the workers' do not."""
    monkeypatch.setattr(parallel, "POOL_MIN_BYTES", 0)
    inputs = samples_and_a_broken_pdf(tmp_path)
    broken = inputs[-1]
    with Store.open(tmp_path / "serial.db") as serial:
        serial_report = import_paths(inputs, serial, recursive=True, jobs=1)
        expected = _dump(serial)

    def not_here(*args: object, **kwargs: object) -> None:
        raise AssertionError("written by the importing process")

    progress: list[int] = []
    with Store.open(pg_url) as store, monkeypatch.context() as patched:
        patched.setattr(PgStore, "add_document", not_here)
        report = import_paths(
            inputs, store, recursive=True, jobs=2, on_progress=lambda p: progress.append(p.done)
        )
    with Store.open(pg_url) as store:
        assert _dump(store) == expected
        again = import_paths(inputs, store, recursive=True, jobs=2)
    assert report.model_dump() == serial_report.model_dump()
    assert report.imported == 13 and [f.path for f in report.failed] == [str(broken)]
    assert progress == list(range(1, 15))
    assert (again.imported, again.unchanged) == (0, 13)


def test_a_worker_that_cannot_reach_the_server_stops_the_import(tmp_path: Path) -> None:
    """The server gone between the importing process's open and a worker's: one reason."""
    from factscope.importers.readers import ReadOptions
    from factscope.importers.workers import write_in_worker

    down = "postgresql://postgres@/none?host=/nonexistent&connect_timeout=1"
    (sample,) = write_in_worker(sorted(SAMPLES.iterdir())[0], down, ReadOptions(), None)
    assert sample.stopped is not None and "cannot connect" in sample.stopped
    assert sample.imported == 0


def test_a_stop_reported_by_a_worker_ends_the_writing() -> None:
    """Files every worker wrote arrive as reports; after one that stopped (the server lost),
    no later input is taken from the pool, so queued files are cancelled, not each retried."""
    from factscope.importers.report import ImportReport
    from factscope.importers.workers import written_by_workers

    pulled: list[str] = []

    def from_the_pool() -> Any:
        for name, stopped in (("a", None), ("b", "server lost"), ("c", None), ("d", None)):
            pulled.append(name)
            yield name, [ImportReport(imported=1, stopped=stopped)]

    report, finished = ImportReport(), list[Path | str]()
    assert list(written_by_workers(from_the_pool(), report, finished.append)) == []
    assert pulled == ["a", "b"] and finished == ["a", "b"]
    assert report.stopped == "server lost" and report.imported == 2
