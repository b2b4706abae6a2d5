"""``bench/extraction_instructions.py``: the count it reads, its refusals, and a real run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.extraction_instructions import instructions_of, main  # noqa: E402

SCRIPT = REPO / "bench" / "extraction_instructions.py"


def test_the_count_is_read_from_cachegrinds_summary() -> None:
    output = "==12== Collected : 1\n==12== \n==12== I   refs:      88,551,894\n"
    assert instructions_of(output) == 88_551_894
    with pytest.raises(ValueError):
        instructions_of("==12== Memcheck, a memory error detector\n")


def test_without_valgrind_it_says_what_to_install(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Exports rose 5 percent.", encoding="utf-8")
    env = dict(os.environ, PATH=str(tmp_path))  # a folder without valgrind as the whole PATH
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--seeds", str(seeds)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "valgrind not found: install it (Debian: apt-get install valgrind)"
    )


def test_a_folder_without_texts_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--seeds", str(tmp_path)]) == 2
    assert str(tmp_path) in capsys.readouterr().err


@pytest.mark.slow  # valgrind is on every machine of this project's kind, CI's included
def test_a_real_run_counts_instructions_per_round(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(
        "Exports rose 5 percent to 3.2 billion yuan in 2021.", encoding="utf-8"
    )
    assert main(["--seeds", str(tmp_path), "--rounds", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "seeds: 1 texts, 51 bytes, 1 rounds"
    millions = float(lines[1].split()[-2])
    assert 0.01 < millions < 50  # one short sentence: far less than a round of the seeds
