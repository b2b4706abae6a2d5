"""``import_paths``: walk the inputs, read, extract, store — each document atomic.

A failing input is recorded in the :class:`ImportReport` with its reason and the batch goes
on; nothing already stored is touched by a failure. A full disk is different: no later write
can succeed, so the import stops there (``ImportReport.stopped``) and a re-run resumes it.
Progress is reported through a callback so the CLI can draw a bar and the TUI a progress
widget; this module prints nothing.

Documents are read and extracted before their batch's transaction begins, so the write lock
is held only while writing: several imports into one database take turns with it.

The inputs are expanded by :mod:`importers.inputs`; the report and progress types are in
:mod:`importers.report` (both importable from here as before).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from factscope.db.errors import LockedError, StoreError, WriteFailedError
from factscope.db.models import RawDocument, Region
from factscope.db.store import Store, document_id
from factscope.db.writes import FactSource
from factscope.importers.files import read_stream
from factscope.importers.inputs import STDIN, collect_files, source_of
from factscope.importers.parallel import prepare_in_parallel, worth_a_pool
from factscope.importers.readers import ReadContext, ReadError, ReadOptions
from factscope.importers.registry import read_file, read_input
from factscope.importers.report import (
    ImportFailure,
    ImportProgress,
    ImportReport,
    ProgressCallback,
)
from factscope.importers.sanitize import escape_undecodable
from factscope.importers.slices import SlicedFacts, extract_in_slices

__all__ = [
    "STDIN",
    "ExtractedDocument",
    "ImportFailure",
    "ImportProgress",
    "ImportReport",
    "ProgressCallback",
    "collect_files",
    "ensure_regions",
    "extract_document",
    "import_document",
    "import_paths",
    "store_document",
]


@dataclass(frozen=True)
class ExtractedDocument:
    """A document read and extracted, ready to store (what a worker process sends back)."""

    raw: RawDocument
    facts: FactSource
    """The facts, packed until stored (see :class:`PackedFacts`)."""
    regions: list[Region]
    notice: str | None = None
    """Set when the document's facts were capped (see :mod:`importers.slices`)."""


Entry = ExtractedDocument | ImportFailure
"""What preparing an input yields: a document ready to store, or why one could not be."""


def _extract(raw: RawDocument) -> tuple[SlicedFacts, list[Region]]:
    # Imported lazily: extraction pulls in the gazetteer data, which `factscope search`
    # never needs.
    from factscope.importers.gazetteer import Gazetteer

    found = extract_in_slices(raw.text, raw.published)
    gazetteer = Gazetteer.default()
    regions: dict[str, Region] = {}
    for fact in found.facts:
        if fact.region_id and fact.region_id not in regions:
            for region in gazetteer.chain(fact.region_id):
                regions.setdefault(region.id, region)
    return found, list(regions.values())


def ensure_regions(store: Store) -> None:
    """Load the gazetteer into a store that has no regions yet (a new database)."""
    if store.region_count() == 0:
        from factscope.importers.gazetteer import Gazetteer

        store.add_regions(Gazetteer.default().regions())


def extract_document(raw: RawDocument) -> ExtractedDocument:
    """A document with its facts and the regions they name; an extractor bug is a ReadError."""
    try:
        found, regions = _extract(raw)
    except Exception as exc:  # an extractor bug must not cost the rest of the batch
        raise ReadError(
            raw.source, f"fact extraction failed ({type(exc).__name__}: {exc})"
        ) from exc
    return ExtractedDocument(raw=raw, facts=found.facts, regions=regions, notice=found.notice)


def import_document(store: Store, raw: RawDocument, report: ImportReport) -> None:
    """Extract and store one document, recording the outcome in ``report``."""
    store_document(store, extract_document(raw), report)


def store_document(store: Store, doc: ExtractedDocument, report: ImportReport) -> None:
    """Store an extracted document, recording the outcome in ``report``."""
    facts = doc.facts
    outcome, doc_id = store.add_document(doc.raw, facts, doc.regions)
    report.doc_ids.append(doc_id)
    if outcome == "unchanged":
        report.unchanged += 1
        return
    if outcome == "replaced":
        report.replaced += 1
    else:
        report.imported += 1
    report.facts += len(facts)


def _stdin_documents(options: ReadOptions) -> Iterable[RawDocument | ReadError]:
    context = ReadContext(
        name="<stdin>", source="stdin", options=replace(options, format=options.format or "text")
    )
    # Not kept in a variable: this generator lives as long as the import, and only the
    # reader should hold the bytes (a text reader lets them go once they are decoded).
    items = read_input(read_stream(sys.stdin.buffer, context.name, options.max_bytes), "", context)
    for item in items:
        # Every stdin document gets its own source (its id), so one never replaces another.
        if isinstance(item, RawDocument) and item.source == context.source:
            item = item.model_copy(update={"source": f"stdin:{document_id(item.text)}"})
        yield item


def _shown(given: str, source: str, document_source: str) -> str:
    """How to name a document in a message: the input as given, plus its row if any."""
    if document_source.startswith(source):
        return given + document_source[len(source) :]
    return given


BATCH_FILES = 50
"""Files imported per transaction (each document still atomic: a savepoint of its own)."""

BATCH_CHARS = 16_000_000
"""Characters of document text per transaction at most: a batch is held in memory until it
is written, so a collection of many documents is written in several."""

LOCK_RETRIES = 5
"""Times a batch is tried again after waiting a whole busy timeout for another writer."""


@dataclass
class _Batch:
    """Prepared documents (and read failures) to write in one transaction."""

    entries: list[tuple[Path | str, ExtractedDocument | ImportFailure]] = field(
        default_factory=list
    )
    inputs: list[Path | str] = field(default_factory=list)
    chars: int = 0


def _prepared(
    item: Path | str, options: ReadOptions, published: dt.date | None
) -> Iterator[ExtractedDocument | ImportFailure]:
    """Read one input and extract each of its documents; failures are yielded, not raised."""
    shown = escape_undecodable(str(item))
    try:
        source = source_of(item)
        if item == STDIN:
            documents = _stdin_documents(options)
        else:
            assert isinstance(item, Path)
            documents = read_file(item, ReadContext(shown, source, options))
        for document in documents:
            if isinstance(document, ReadError):
                yield ImportFailure(path=document.path, reason=document.reason)
                continue
            if document.published is None and published is not None:
                document = document.model_copy(update={"published": published})
            try:
                yield extract_document(document)
            except ReadError as exc:
                where = _shown(shown, source, document.source)
                yield ImportFailure(path=where, reason=exc.reason)
    except (ReadError, StoreError) as exc:
        yield ImportFailure(path=shown, reason=exc.reason)
    except Exception as exc:  # a reader bug must not cost the rest of the batch
        reason = f"could not be read ({type(exc).__name__}: {exc})"
        yield ImportFailure(path=shown, reason=reason)


def _prepare_all(
    item: Path | str, options: ReadOptions, published: dt.date | None
) -> list[ExtractedDocument | ImportFailure]:
    """:func:`_prepared` as a list: what a worker process sends back for one file."""
    return list(_prepared(item, options, published))


def _big(entry: ExtractedDocument | ImportFailure) -> bool:
    return isinstance(entry, ExtractedDocument) and len(entry.raw.text) >= BATCH_CHARS


def _batches(
    items: Iterable[tuple[Path | str, Iterable[ExtractedDocument | ImportFailure]]],
    finished: Callable[[Path | str], None],
) -> Iterator[_Batch]:
    """Group the prepared inputs into batches of at most BATCH_FILES files / BATCH_CHARS; a
    document of BATCH_CHARS or more is a batch of its own."""
    batch = _Batch()
    for item, entries in items:
        batch.inputs.append(item)
        for entry in entries:
            if batch.entries and _big(entry):
                yield batch  # a big document is written alone: see _store_batch
                batch = _Batch(inputs=[item])
            batch.entries.append((item, entry))
            if isinstance(entry, ExtractedDocument):
                batch.chars += len(entry.raw.text)
            if batch.chars >= BATCH_CHARS:
                yield batch
                batch = _Batch(inputs=[item])
        finished(item)
        if len(batch.inputs) >= BATCH_FILES:
            yield batch
            batch = _Batch()
    if batch.entries or batch.inputs:
        yield batch


def _store_batch(store: Store, batch: _Batch) -> ImportReport:
    """Write a batch in one transaction; tried again while another writer holds the lock.

    :raises WriteFailedError: the disk refused a write (the batch is rolled back whole).
    :raises StoreError: the batch could not start or commit for another reason.
    """
    # A big document, alone in its batch, is written without a savepoint (add_document is a
    # transaction of its own): SQLite keeps the old content of every page a savepoint
    # overwrites until it ends, in memory where temp files are (pysqlite3 is built so). A
    # document replacing another reuses the pages the old one freed: 170 MB more at the
    # size limit.
    alone = any(_big(entry) for _, entry in batch.entries)
    attempt = 0
    while True:
        part = ImportReport()
        try:
            with nullcontext() if alone else store.batch():
                for item, entry in batch.entries:
                    if isinstance(entry, ImportFailure):
                        part.failed.append(entry)
                        continue
                    where = _shown(str(item), source_of(item), entry.raw.source)
                    try:
                        store_document(store, entry, part)
                    except (LockedError, WriteFailedError):
                        raise  # the whole batch fails (and is tried again) or the import stops
                    except StoreError as exc:
                        part.failed.append(ImportFailure(path=where, reason=exc.reason))
                    else:
                        if entry.notice:
                            part.notices.append(ImportFailure(path=where, reason=entry.notice))
            return part
        except LockedError:
            attempt += 1
            if attempt > LOCK_RETRIES:
                raise
            # Writers that met the lock together must not all try again at the same moment.
            time.sleep(random.uniform(0.05, 0.5))


def _failed_batch(batch: _Batch, exc: StoreError) -> ImportReport:
    """A batch that was rolled back: its read failures stand, its other inputs fail."""
    read_failures = [e for _, e in batch.entries if isinstance(e, ImportFailure)]
    failed = {f.path for f in read_failures}
    return ImportReport(
        failed=[
            *read_failures,
            *(
                ImportFailure(path=str(item), reason=exc.reason)
                for item in batch.inputs
                if str(item) not in failed
            ),
        ]
    )


def write_prepared(
    store: Store,
    items: Iterable[tuple[Path | str, Iterable[Entry]]],
    report: ImportReport,
    finished: Callable[[Path | str], None] = lambda _: None,
) -> None:
    """Write prepared inputs batch by batch into ``report``; stop at a write that failed."""
    for batch in _batches(items, finished):
        if report.stopped:
            break  # a worker lost the server: nothing after this can be written either
        try:
            part = _store_batch(store, batch)
        except WriteFailedError as exc:
            # Nothing after this can be written: stop, keeping what was committed.
            report.failed.extend(e for _, e in batch.entries if isinstance(e, ImportFailure))
            report.stopped = exc.reason
            break
        except StoreError as exc:
            part = _failed_batch(batch, exc)
        report.add(part)


def _worker_task(store: Store, options: ReadOptions, published: dt.date | None) -> Any:
    """What a pool's worker does with a file: send back its documents, or on a server write
    them itself and send back its report."""
    # Imported here: a file's import never loads the server's modules; importers.workers
    # builds on this module.
    from factscope.db.pgstore import PgStore
    from factscope.importers.workers import write_in_worker

    if isinstance(store, PgStore):
        return partial(write_in_worker, url=store.url, options=options, published=published)
    return partial(_prepare_all, options=options, published=published)


def import_paths(
    paths: Iterable[str | Path],
    store: Store,
    *,
    recursive: bool = False,
    options: ReadOptions | None = None,
    published: dt.date | None = None,
    on_progress: ProgressCallback | None = None,
    jobs: int = 1,
) -> ImportReport:
    """Import files, directories and ``-`` (stdin) into ``store``.

    :param options: size limit, column names for collections, a forced format.
    :param published: publication date to use where a document states none.
    :param on_progress: called after each input with the running count.
    :param jobs: processes that read and extract ahead of the writer, which stays this one
        on SQLite (one writer: results are stored in input order); on a PostgreSQL server
        each worker writes its own files, a transaction per batch, so writes scale with
        workers too. Used only when the inputs are worth the start-up (:func:`worth_a_pool`).
        As with any ``multiprocessing`` use, a script calling this with ``jobs > 1`` must do
        so under ``if __name__ == "__main__":`` (each worker imports the script again).
    :returns: counts of imported / replaced / unchanged documents and the failures.
    """
    # Imported here: importers.workers builds on this module.
    from factscope.importers.workers import written_by_workers

    options = options or ReadOptions()
    files, failures = collect_files(paths, recursive=recursive)
    report = ImportReport(failed=failures)
    try:
        ensure_regions(store)
    except WriteFailedError as exc:
        report.stopped = exc.reason
        return report
    with ExitStack() as stack:
        items: Iterable[tuple[Path | str, Iterable[Entry | ImportReport]]]
        if jobs > 1 and worth_a_pool(files):
            prepare = _worker_task(store, options, published)
            stream = partial(_prepared, options=options, published=published)
            items = stack.enter_context(prepare_in_parallel(files, prepare, stream, jobs))
        else:
            items = ((item, _prepared(item, options, published)) for item in files)
        done = 0

        def finished(item: Path | str) -> None:
            nonlocal done
            done += 1
            if on_progress is not None:
                on_progress(
                    ImportProgress(done=done, total=len(files), path=escape_undecodable(str(item)))
                )

        write_prepared(store, written_by_workers(items, report, finished), report, finished)
    return report
