"""Workers that write their own files: an import into a PostgreSQL server scales with them.

SQLite has one writer, so there the pool of :mod:`importers.parallel` only reads and
extracts, and the importing process writes every batch. A server takes many writers: there
each worker opens a connection of its own (once, at its first file), and writes each file it
prepared as the importing process would (a transaction per batch, a document replacing its
earlier version, a lost connection stopping the import), sending back only the file's
report. Files the importing process prepares itself (standard input, big collections, a
file whose worker died) are still written there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from factscope.db.errors import StoreError
from factscope.db.store import Store
from factscope.importers.pipeline import Entry, _prepared, write_prepared
from factscope.importers.readers import ReadOptions
from factscope.importers.report import ImportReport

_STORES: dict[str, Store] = {}
"""This worker's connection to each server it writes to."""


def write_in_worker(
    item: Path | str, url: str, options: ReadOptions, published: dt.date | None
) -> list[ImportReport]:
    """Read, extract and write one file (run in a worker); never raises: a server this
    worker cannot reach is a report that stopped."""
    report = ImportReport()
    try:
        store = _STORES.get(url) or _STORES.setdefault(url, Store.open(url))
    except StoreError as exc:
        report.stopped = exc.reason
        return [report]
    write_prepared(store, [(item, _prepared(item, options, published))], report)
    return [report]


def written_by_workers(
    items: Iterable[tuple[Path | str, Iterable[Entry | ImportReport]]],
    report: ImportReport,
    finished: Callable[[Path | str], None],
) -> Iterator[tuple[Path | str, Iterable[Entry]]]:
    """The inputs left for the importing process to write; the reports of files that workers
    wrote are counted into ``report`` on the way (a stop included)."""
    for item, entries in items:
        if isinstance(entries, list) and entries and isinstance(entries[0], ImportReport):
            for part in entries:
                report.add(part)
                report.stopped = report.stopped or part.stopped
            finished(item)
            if report.stopped:
                return  # the server is lost: ending here lets the pool cancel queued files
            continue
        yield item, entries  # type: ignore[misc]  # documents only: a worker sent no report
