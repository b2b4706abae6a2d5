"""Store.check and ``factscope check``: a sound file says so, a damaged one is found out."""

from __future__ import annotations

import random
from pathlib import Path

from click.testing import CliRunner
from sqlite_utils.utils import sqlite3

from factscope.db import Store
from factscope.db.check import fts_indexes
from factscope.importers import import_paths
from factscope.tui.cli import main
from tests.processes import write_corpus

PAGE = 4096


def _imported(tmp_path: Path) -> Path:
    db = tmp_path / "facts.db"
    with Store.open(db) as store:
        report = import_paths([write_corpus(tmp_path / "docs", 30, tag="chk")], store)
        assert report.imported == 30
    return db


def _check(db: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db), "check"])
    return result.exit_code, result.stdout, result.stderr


def test_a_sound_database_says_so(tmp_path: Path) -> None:
    db = _imported(tmp_path)
    with Store.open(db) as store:
        assert store.check() == []
    assert _check(db) == (0, f"{db}: sound (integrity, foreign keys and full-text indexes"
                          " check out)\n", "")  # fmt: skip


def test_random_bytes_in_the_middle_of_the_file_are_found(tmp_path: Path) -> None:
    db = _imported(tmp_path)
    size = db.stat().st_size
    before = db.read_bytes()
    middle = (size // 2) // PAGE * PAGE
    with db.open("r+b") as handle:  # one whole page of noise, as a bad sector would leave
        handle.seek(middle)
        handle.write(random.Random(23).randbytes(PAGE))
    assert db.read_bytes() != before
    code, out, err = _check(db)
    assert code == 1 and out == ""
    *problems, verdict = err.splitlines()
    assert problems and all(p.startswith(f"factscope: {db}: ") for p in problems)
    assert verdict.startswith(f"factscope: {db}: damaged (") and "restore it" in verdict
    damaged = db.read_bytes()
    assert _check(db)[0] == 1 and db.read_bytes() == damaged, "check never writes"


def test_a_full_text_index_out_of_step_is_found(tmp_path: Path) -> None:
    db = _imported(tmp_path)
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM facts_fts WHERE rowid IN (SELECT id FROM facts LIMIT 3)")
    conn.commit()
    conn.close()
    with Store.open(db) as store:
        problems = store.check()
    assert problems == [
        "full-text index facts_fts: 0 entries without a fact, 3 facts without an entry"
    ]


def test_every_fts5_index_is_checked_and_no_vocabulary_view(store: Store) -> None:
    with store.guarded() as conn:
        assert sorted(fts_indexes(conn)) == ["documents_fts", "documents_trigram", "facts_fts"]
        conn.execute("CREATE VIRTUAL TABLE later_fts USING fts5(text)")  # a later migration's
        assert "later_fts" in fts_indexes(conn)
