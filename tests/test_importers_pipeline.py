"""import_paths on real files: counts, dedupe, replace, failures that cost nothing else."""

from __future__ import annotations

import json
import os
import socket
import sqlite3 as stdlib_sqlite3
from pathlib import Path

import pytest

from factscope.db import Store
from factscope.importers import ImportProgress, collect_files, import_paths
from factscope.importers.pipeline import ensure_regions
from factscope.importers.registry import READERS
from tests.conftest import SAMPLES, SEEDS, requires_shared


def _dump(path: Path) -> list[str]:
    conn = stdlib_sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@requires_shared
def test_seeds_import_with_titles_and_facts(seed_store: Store) -> None:
    docs = seed_store.documents(limit=10)
    assert len(docs) == 5
    assert all(d.title.strip() for d in docs)
    assert seed_store.fact_count() > 50
    assert seed_store.region_count() > 3000  # the gazetteer is loaded into a new database


@requires_shared
def test_reimport_imports_nothing(seed_store: Store) -> None:
    report = import_paths([SEEDS], seed_store)
    assert (report.imported, report.unchanged, report.failed) == (0, 5, [])


@requires_shared
def test_search_for_songjiang_finds_its_two_documents(seed_store: Store) -> None:
    hits = seed_store.search("Songjiang")
    names = sorted(Path(h.document.source).name for h in hits)
    assert names == ["000_52bacc36ad6607a5.txt", "001_1a178e82f976b00f.txt"]
    assert all(h.highlights for h in hits)


@requires_shared
def test_facts_point_at_their_text(seed_store: Store) -> None:
    for doc in seed_store.documents(limit=10):
        text = seed_store.document(doc.id).text
        facts = seed_store.facts_for_document(doc.id)
        assert facts
        assert doc.fact_count == len(facts)
        for fact in facts:
            assert text[fact.start : fact.end] == fact.quote


def test_changed_file_replaces_its_document(tmp_path: Path, any_store: Store) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Sichuan trade report\n\nExports rose 22.5 percent to 465.4 billion yuan.")
    first = import_paths([path], any_store)
    path.write_text("Sichuan trade report\n\nExports rose 20 percent to 460 billion yuan.")
    second = import_paths([path], any_store)
    assert (first.imported, second.replaced, second.imported) == (1, 1, 0)
    assert any_store.document_count() == 1
    [doc] = any_store.documents()
    assert "460 billion" in any_store.document(doc.id).text


def test_bad_inputs_fail_alone(tmp_path: Path, store: Store, db_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Hefei output report\n\nHefei produced 254,000 vehicles in 2022.")
    import_paths([good], store)
    before = _dump(db_path)

    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "bad.xyz").write_text("unknown type")
    empty_dir = tmp_path / "nothing_here"
    empty_dir.mkdir()
    (empty_dir / "image.png").write_bytes(b"png")
    inputs = [
        tmp_path / "empty.txt",
        tmp_path / "binary.txt",
        tmp_path / "bad.xyz",
        tmp_path / "missing.txt",
        empty_dir,
        good,
    ]
    report = import_paths(inputs, store)
    reasons = {Path(f.path).name: f.reason for f in report.failed}
    known = ", ".join(sorted(READERS))
    assert ".txt" in known and ".md" in known
    assert reasons == {
        "empty.txt": "empty file",
        "binary.txt": "binary file (contains NUL bytes), not text",
        "bad.xyz": f"unsupported file type '.xyz' (known: {known})",
        "missing.txt": "no such file or directory",
        "nothing_here": f"no importable files ({known}) (use -r to include sub-directories)",
    }
    assert report.unchanged == 1
    assert _dump(db_path) == before


def test_extraction_failure_is_reported_and_stores_nothing(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factscope.importers.extract

    def broken(text: str, published: object = None) -> list[object]:
        raise ValueError("boom")

    monkeypatch.setattr(factscope.importers.extract, "extract_facts", broken)
    path = tmp_path / "doc.txt"
    path.write_text("Some trade report\n\nTrade rose 5 percent.")
    report = import_paths([path], store)
    assert [f.reason for f in report.failed] == ["fact extraction failed (ValueError: boom)"]
    assert store.document_count() == 0


def test_directory_walk_and_progress(tmp_path: Path, any_store: Store) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text("First trade document\n\nTrade rose 1 percent.")
    (tmp_path / "sub" / "b.md").write_text("# Second\n\nExports rose 2 percent.")
    (tmp_path / ".hidden" / "c.txt").write_text("Hidden\n\nNot imported.")
    flat, _ = collect_files([tmp_path])
    deep, _ = collect_files([tmp_path], recursive=True)
    assert [Path(p).name for p in flat] == ["a.txt"]
    assert [Path(p).name for p in deep] == ["a.txt", "b.md"]
    events: list[ImportProgress] = []
    report = import_paths([tmp_path], any_store, recursive=True, on_progress=events.append)
    assert report.imported == 2
    assert [(e.done, e.total) for e in events] == [(1, 2), (2, 2)]


def test_demo_corpus_imports_cleanly(store: Store) -> None:
    report = import_paths([SAMPLES], store, recursive=True)
    assert report.failed == []
    assert report.imported >= 10
    languages = {d.language for d in store.documents(limit=100)}
    assert languages == {"en", "zh"}
    assert all(d.published for d in store.documents(limit=100))
    assert report.facts >= 60


def test_a_locked_database_fails_each_file_with_the_reason(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlite_utils.utils import sqlite3 as same_sqlite

    import factscope.importers.pipeline as pipeline

    monkeypatch.setattr(pipeline, "LOCK_RETRIES", 1)  # one retry shows it; five take seconds
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"Report {name} title here\n\nTrade rose 3 percent.")
    with Store.open(db_path, busy_timeout_ms=50) as store:
        ensure_regions(store)
        holder = same_sqlite.connect(db_path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            report = import_paths([tmp_path / "a.txt", tmp_path / "b.txt"], store)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert [(Path(f.path).name, f.reason) for f in report.failed] == [
            ("a.txt", "database is locked"),
            ("b.txt", "database is locked"),
        ]
        assert report.imported == 0
        assert store.document_count() == 0


def test_a_lock_that_outlasts_several_batches_fails_every_file(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each batch that cannot start fails its own files, and the import still ends."""
    from sqlite_utils.utils import sqlite3 as same_sqlite

    import factscope.importers.pipeline as pipeline

    monkeypatch.setattr(pipeline, "BATCH_FILES", 2)
    monkeypatch.setattr(pipeline, "LOCK_RETRIES", 1)
    for n in range(5):
        (tmp_path / f"{n}.txt").write_text(f"Report {n} title here\n\nTrade rose {n} percent.")
    with Store.open(db_path, busy_timeout_ms=20) as store:
        ensure_regions(store)
        holder = same_sqlite.connect(db_path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        progress: list[int] = []
        try:
            report = import_paths([tmp_path], store, on_progress=lambda e: progress.append(e.done))
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert progress == [1, 2, 3, 4, 5], "a bar reaches its end even when batches fail"
        assert sorted(Path(f.path).name for f in report.failed) == [f"{n}.txt" for n in range(5)]
        assert {f.reason for f in report.failed} == {"database is locked"}
        assert store.document_count() == 0
        again = import_paths([tmp_path], store)
        assert again.imported == 5 and not again.failed


def test_a_batch_that_meets_the_lock_waits_for_it(tmp_path: Path, db_path: Path) -> None:
    """Another writer holds the lock past the busy timeout: the batch is tried again once
    it is free, and nothing fails (writers queue)."""
    import threading

    from sqlite_utils.utils import sqlite3 as same_sqlite

    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"Report {n} title here\n\nTrade rose {n} percent.")
    with Store.open(db_path, busy_timeout_ms=20) as store:
        ensure_regions(store)
        holder = same_sqlite.connect(db_path, isolation_level=None, check_same_thread=False)
        holder.execute("BEGIN IMMEDIATE")
        release = threading.Timer(0.2, holder.execute, ["ROLLBACK"])
        release.start()
        try:
            report = import_paths([tmp_path], store)
        finally:
            release.join()
            holder.close()
        assert report.ok and report.imported == 3
        assert store.document_count() == 3


def test_a_full_disk_stops_the_import_at_the_failed_batch(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first batch commits, the second meets a full disk: the import stops there, the
    files after it are not even read, and the report says why."""
    from sqlite_utils.utils import sqlite3

    import factscope.db.store_documents as store_module
    import factscope.importers.pipeline as pipeline
    from factscope.db.errors import store_error
    from factscope.db.writes import insert_facts as real

    monkeypatch.setattr(pipeline, "BATCH_FILES", 2)
    for n in range(6):
        (tmp_path / f"{n}.txt").write_text(f"Report {n} title here\n\nTrade rose {n} percent.")
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13  # SQLITE_FULL, as SQLite sets it

    def fill_up(conn: object, doc_id: str, text: str, facts: list[object]) -> None:
        if "Report 2" in text:
            raise full
        real(conn, doc_id, text, facts)  # type: ignore[arg-type]

    monkeypatch.setattr(store_module, "insert_facts", fill_up)
    ensure_regions(store)
    progress: list[str] = []
    report = import_paths([tmp_path], store, on_progress=lambda e: progress.append(e.path))
    assert report.stopped == store_error(store.path, full).reason == "disk full"
    assert (report.imported, report.failed, report.ok) == (2, [], False)
    assert [Path(p).name for p in progress] == ["0.txt", "1.txt", "2.txt", "3.txt"]
    assert sorted(d.source for d in store.documents()) == [
        str((tmp_path / f"{n}.txt").resolve()) for n in range(2)
    ]


def test_a_failed_commit_keeps_each_file_s_own_failure(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The batch is rolled back: stored files fail with its reason, broken ones keep theirs."""
    from contextlib import contextmanager

    from factscope.db.errors import StoreError

    (tmp_path / "a.txt").write_text("Hefei report\n\nExports of Hefei rose 4 percent.")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4 truncated")
    ensure_regions(store)
    real_batch = store.batch

    @contextmanager
    def failing_commit():  # type: ignore[no-untyped-def]
        with real_batch():
            yield
            raise StoreError(store.path, "disk I/O error")

    monkeypatch.setattr(store, "batch", failing_commit)
    report = import_paths([tmp_path], store)
    reasons = {Path(f.path).name: f.reason for f in report.failed}
    assert reasons["a.txt"] == "disk I/O error"
    assert reasons["b.pdf"] != "disk I/O error" and "PDF" in reasons["b.pdf"]
    assert len(report.failed) == 2 and store.document_count() == 0


def test_hostile_jsonl_rows_fail_alone(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "rows.jsonl"
    lines = [
        json.dumps({"title": "Good row title", "text": "Trade rose 5 percent in 2021."}),
        '{"title": "Huge", "text": "x", "n": ' + "9" * 5000 + "}",  # int too long for Python
        json.dumps({"title": "Surrogate row", "text": "Exports \ud800 rose 7 percent."}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    report = import_paths([path], store)
    assert report.imported == 2
    [failure] = report.failed
    assert failure.path.endswith("rows.jsonl:2") and failure.reason.startswith("malformed JSON")
    texts = [store.document(d.id).text for d in store.documents()]
    assert "Exports \ufffd rose 7 percent." in texts  # one character for one: offsets hold


def _hostile_folder(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A folder of three good documents beside every kind of file that is not one."""
    folder = tmp_path / "docs"
    folder.mkdir()
    good = []
    for i, region in enumerate(["Songjiang District", "Sichuan Province", "Hefei"]):
        path = folder / f"good{i}.txt"
        path.write_text(f"Report {i}\n\n{region}'s exports reached {i + 3} billion yuan in 2020.")
        good.append(path)
    bad_name = os.fsencode(folder) + b"/bad\xffname.txt"
    with open(bad_name, "wb") as handle:  # a Latin-1 name from an old archive
        handle.write(b"Odd name report\n\nChengdu's imports were 7 billion yuan in 2021.")
    good.append(Path(os.fsdecode(bad_name)))
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "dangling.md").symlink_to("nowhere.md")
    (folder / "folder.txt").mkdir()  # a directory with a document's suffix is no document
    return folder, good


def test_odd_names_and_links_cost_only_themselves(tmp_path: Path, store: Store) -> None:
    folder, good = _hostile_folder(tmp_path)
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "sock.txt"))
    try:
        report = import_paths([folder], store)
    finally:
        server.close()
    assert report.imported == len(good) == 4
    reasons = {Path(f.path).name: f.reason for f in report.failed}
    assert reasons == {
        "dangling.md": "no such file or directory",
        "loop.txt": "symlink loop (too many levels of symbolic links)",
        "sock.txt": "not a regular file (a socket)",
    }
    sources = sorted(Path(d.source).name for d in store.documents(limit=10))
    # Stored and shown with the undecodable byte escaped, so the name is UTF-8 text.
    assert sources == ["bad\\xffname.txt", "good0.txt", "good1.txt", "good2.txt"]
    [odd] = [d for d in store.documents(limit=10) if "xff" in d.source]
    assert store.facts_for_document(odd.id)[0].quote.startswith("7 billion")
    again = import_paths([folder], store)
    assert (again.imported, again.unchanged) == (0, 4)  # the escaped source is stable


def test_named_non_regular_inputs_fail_one_line_each(tmp_path: Path, store: Store) -> None:
    folder, good = _hostile_folder(tmp_path)
    named = [folder / "loop.txt", Path("/dev/null"), folder / "folder.txt", *good]
    report = import_paths(named, store)
    assert report.imported == 4
    assert [(f.path, f.reason) for f in report.failed] == [
        (str(folder / "loop.txt"), "symlink loop (too many levels of symbolic links)"),
        ("/dev/null", "not a regular file (a character device)"),
        (
            str(folder / "folder.txt"),
            "no importable files (.csv, .htm, .html, .jsonl, .markdown,"
            " .md, .ndjson, .pdf, .shtml, .text, .tsv, .txt, .xhtml) (use -r to include"
            " sub-directories)",
        ),
    ]


def test_recursive_import_through_folder_loops_ends(tmp_path: Path, store: Store) -> None:
    sub = tmp_path / "top" / "sub"
    sub.mkdir(parents=True)
    (sub / "one.txt").write_text("One report\n\nWuhan's GDP rose 4% in 2021.")
    (sub / "up").symlink_to("..")  # a loop back to the top
    (sub / "self").symlink_to(".")
    (tmp_path / "top" / "linked.txt").symlink_to(sub / "one.txt")  # the same file again
    report = import_paths([tmp_path / "top"], store, recursive=True)
    assert (report.imported, report.failed) == (1, [])
    assert [Path(d.source).name for d in store.documents(limit=5)] == ["one.txt"]


def test_a_big_document_is_written_alone_without_a_savepoint(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A savepoint keeps the old content of the pages it overwrites in memory (temp files are
    # in memory in pysqlite3): a big document gets a transaction of its own instead.
    monkeypatch.setattr("factscope.importers.pipeline.BATCH_CHARS", 2_000)
    for name in ("a1", "a2", "c1", "c2"):
        (tmp_path / f"{name}.txt").write_text(f"Report {name}\n\nExports rose 3 percent.")
    (tmp_path / "b.txt").write_text("Big report\n\n" + "Imports rose 2 percent. " * 100)
    ensure_regions(store)
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    report = import_paths([tmp_path], store)
    store._conn.set_trace_callback(None)
    assert report.ok and report.imported == 5
    kinds = [
        "INSERT" if s.startswith("INSERT INTO documents ") else s.split()[0]
        for s in statements
        if s.startswith(("BEGIN", "SAVEPOINT", "RELEASE", "COMMIT", "INSERT INTO documents "))
    ]
    in_batch = ["SAVEPOINT", "INSERT", "RELEASE"]
    assert kinds == [
        *["BEGIN", *in_batch, *in_batch, "COMMIT"],  # a1, a2
        *["BEGIN", "INSERT", "COMMIT"],  # b, alone
        *["BEGIN", *in_batch, *in_batch, "COMMIT"],  # c1, c2
    ]
