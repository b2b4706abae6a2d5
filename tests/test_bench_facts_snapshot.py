"""The extracted facts of the seeds, the demo corpus and real-dev equal the stored snapshot.

A change to the extractor that alters any fact fails here; when the change is deliberate,
``python bench/facts_snapshot.py --write`` stores the new facts and the commit shows the diff.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.conftest import requires_shared

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.facts_snapshot import SNAPSHOT, differences, main, snapshot_lines  # noqa: E402


@requires_shared
def test_extracted_facts_equal_the_snapshot() -> None:
    stored = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    current = snapshot_lines()
    assert differences(stored, current) == []
    documents = [json.loads(line) for line in current if line.startswith('{"doc"')]
    names = {d["doc"].split("/")[0] for d in documents}
    assert names == {"seeds", "demo", "real-dev"}
    assert sum(d["facts"] for d in documents) == len(current) - len(documents)


def test_a_changed_fact_is_reported_with_its_line() -> None:
    stored = ['{"doc":"a","published":null,"facts":1}', '{"start":0,"value":1.0}']
    current = [stored[0], '{"start":0,"value":2.0}']
    diff = differences(stored, current)
    assert '-{"start":0,"value":1.0}' in diff
    assert '+{"start":0,"value":2.0}' in diff


@requires_shared
def test_check_exits_1_on_a_stale_snapshot(tmp_path: Path) -> None:
    stale = tmp_path / "stale.jsonl"
    lines = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    stale.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    assert main(["--check", "--snapshot", str(stale)]) == 1
