"""Imports as users run them, in real processes: several at once, a full disk, signals.

Each test starts ``factscope import`` as a process on real files in tmp_path and judges it
by what a user would check: exit codes, the lines on stderr, what the database holds after
(and that it is sound), and which processes are left.
"""

from __future__ import annotations

import re
import resource
import signal
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from factscope.db import Store
from factscope.importers import import_paths
from tests.processes import (
    descendants,
    factscope,
    start,
    still_running,
    wait_for,
    write_corpus,
)

STOP_LINE = re.compile(
    r"factscope: (disk full|disk I/O error \(.*\)) writing (?P<db>.+): (?P<n>\d+) documents"
    r" imported, the rest not; free some space and run the same import again to resume"
)


def _contents(db: Path) -> tuple[list[str], list[tuple[str | None, str]]]:
    """Document ids and (document, quote) of every fact: what 'the same import' means."""
    with Store.open(db, read_only=True) as store:
        assert store.check() == []
        documents = sorted(d.id for d in store.iter_documents())
        facts = sorted((f.doc_id, f.quote) for f in store.iter_facts())
    return documents, facts


@pytest.mark.parametrize(
    ("files", "paragraphs"),
    [(10, 2), pytest.param(150, 15, marks=pytest.mark.slow)],
    ids=["small", "batches-of-seconds"],
)
def test_imports_at_once_store_what_one_import_does(
    files: int, paragraphs: int, tmp_path: Path
) -> None:
    """Three folders, and the first one twice, imported at once into a new database: every
    process exits 0 and the database holds what one import of the three folders gives.
    (The slow case is where the old importer, holding the lock while it extracted a
    batch, lost batches to 'database is locked'.)"""
    folders = [
        write_corpus(tmp_path / f"folder{k}", files, tag=f"f{k}", repeat=paragraphs)
        for k in range(3)
    ]
    sequential = tmp_path / "sequential.db"
    with Store.open(sequential) as store:
        assert import_paths(folders, store).ok
    together = tmp_path / "together.db"
    runs = [start("--db", together, "import", "-q", f) for f in [*folders, folders[0]]]
    outcomes = [(run.wait(timeout=600), run.communicate()[1]) for run in runs]
    assert outcomes == [(0, "")] * 4
    documents, facts = _contents(together)
    assert (documents, facts) == _contents(sequential)
    assert len(documents) == 3 * files and len(facts) > 3 * files


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:  # in the child, before exec: only the import is limited
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs: room for the regions and a batch or two of documents, no more."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.parametrize(
    "limit", ["small filesystem", pytest.param("file size limit", marks=pytest.mark.slow)]
)
def test_a_full_disk_stops_the_import_with_one_line_and_a_rerun_resumes(
    limit: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    docs = write_corpus(tmp_path / "docs", 150, tag="full", repeat=6)
    if limit == "small filesystem":
        db = request.getfixturevalue("small_disk") / "facts.db"
        stopped = factscope("--db", db, "import", docs)
    else:
        db = tmp_path / "facts.db"
        stopped = factscope("--db", db, "import", docs, preexec_fn=_file_size_limit(2_560_000))
    assert stopped.returncode == 1
    [line] = [x for x in stopped.stderr.splitlines() if x.startswith("factscope:")]
    match = STOP_LINE.fullmatch(line)
    assert match is not None, line
    if limit == "small filesystem":
        assert line.startswith("factscope: disk full writing")
    committed = int(match["n"])
    assert 0 < committed < 150
    documents, _ = _contents(db)  # sound, and holding exactly what the line says
    assert len(documents) == committed
    if limit == "small filesystem":
        subprocess.run(["mount", "-o", "remount,size=30m", str(db.parent)], check=True)
        resumed = factscope("--db", db, "import", docs)
    else:
        resumed = factscope("--db", db, "import", docs)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{150 - committed} imported, {committed} unchanged, 0 failed" in resumed.stderr
    assert len(_contents(db)[0]) == 150


@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)], ids=["TERM", "HUP"]
)
def test_a_signal_stops_a_pooled_import_and_leaves_no_process(
    signum: int, code: int, tmp_path: Path
) -> None:
    # 40 files of 15 KB: enough bytes for the pool (POOL_MIN_BYTES), and one batch.
    docs = write_corpus(tmp_path / "docs", 40, tag="sig", repeat=120)
    db = tmp_path / "facts.db"
    run = start("--db", db, "import", "--jobs", "2", docs)
    tree: set[int] = set()

    def pool_started() -> bool:
        tree.update(descendants(run.pid))
        return len(tree) >= 4 or run.poll() is not None  # fork server, tracker, 2 workers

    wait_for(pool_started)
    assert run.poll() is None, "the import ended before the pool was seen"
    run.send_signal(signum)
    _, err = run.communicate(timeout=60)
    assert run.returncode == code
    assert "Traceback" not in err and "Exception ignored" not in err
    assert still_running(tree) == set()
    documents, _ = _contents(db)  # the batch in progress was rolled back whole
    assert len(documents) in (0, 40)
