"""Opening a database: raced first opens, and read-only opens that write nothing at all."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from factscope.db import RawDocument, Store
from factscope.db.schema import SCHEMA_VERSION
from tests.processes import fingerprint

OPEN_AT = """
import os, sys, time
from factscope.db import RawDocument, Store
at = float(sys.argv[2])
while time.time() < at:  # every process opens at the same instant
    pass
with Store.open(sys.argv[1]) as store:
    text = f"Report of process {os.getpid()}: exports rose 5 percent."
    print(store.add_document(RawDocument(text=text, title="T", source=text), [])[0])
"""


def test_first_open_raced_by_processes_creates_the_schema_once(tmp_path: Path) -> None:
    """Six processes open one new file at the same instant: the schema is made once, none
    fails with 'already exists' or 'locked', and each one's write is kept. (The old
    migration failed this in about one run of two; FACTSCOPE_SLOW=1 tries five times.)"""
    for round_ in range(5 if os.environ.get("FACTSCOPE_SLOW") == "1" else 1):
        db = tmp_path / f"new{round_}.db"
        at = str(time.time() + 1.0)  # after every interpreter has started
        runs = [
            subprocess.Popen(
                [sys.executable, "-c", OPEN_AT, str(db), at],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(6)
        ]
        outcomes = [run.communicate(timeout=120) for run in runs]
        assert outcomes == [("imported\n", "")] * 6
        with Store.open(db, read_only=True) as store:
            assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
            assert store.document_count() == 6 and store.check() == []


def _database(folder: Path) -> Path:
    folder.mkdir()
    db = folder / "facts.db"
    with Store.open(db) as store:
        store.add_document(RawDocument(text="Exports rose 5 percent.", title="T", source="a"), [])
    return db


def test_a_read_only_open_creates_and_changes_no_file(tmp_path: Path) -> None:
    db = _database(tmp_path / "corpus")
    before = fingerprint(db.parent)
    assert sorted(before) == ["facts.db"]  # closed cleanly: no -wal, no -shm
    with Store.open(db, read_only=True) as store:
        assert store.snapshot, "WAL wants a -shm to read live: without one, a snapshot"
        assert store.document_count() == 1
        assert store.search("exports") and store.check() == []
    assert fingerprint(db.parent) == before


def test_a_read_only_open_beside_a_writer_follows_its_commits(tmp_path: Path) -> None:
    db = _database(tmp_path / "corpus")
    with Store.open(db) as writer:
        writer.document_count()  # the writer's connection now keeps a -wal and a -shm
        files = sorted(fingerprint(db.parent))
        with Store.open(db, read_only=True) as reader:
            assert not reader.snapshot
            assert reader.document_count() == 1
            writer.add_document(RawDocument(text="Imports fell.", title="U", source="b"), [])
            assert reader.document_count() == 2
        assert sorted(fingerprint(db.parent)) == files
