"""Hold the extracted facts of the seeds, the demo corpus and real-dev as a snapshot.

Every field of every fact (bar the store's ``id`` and ``doc_id``) is written as one JSON line
to ``tests/data/facts_snapshot.jsonl``, after a line per document naming its publication date
and its number of facts. ``tests/test_bench_facts_snapshot.py`` compares the extractor's
output with it, so a refactoring or a speed-up that changes one fact fails, and a deliberate
change of the extractor shows up as a diff of this file in its commit.

The seeds and the demo corpus (``importers/samples``) are read and extracted as an import
reads them (reader, publication date from the text, extraction window by window); each
real-dev record is extracted with its own ``published`` date, as ``bench/eval_extraction.py
--set real-dev`` does.

Usage: ``python bench/facts_snapshot.py --write`` after a deliberate change, ``--check`` (the
default) to compare: exit 1 and the first differing lines when the facts changed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from factscope.db.models import Fact
from factscope.db.writes import FactSource
from factscope.importers.registry import read_path
from factscope.importers.slices import extract_in_slices

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script: ``bench`` is importable from the repository
    sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared" / "corpus"
SNAPSHOT = REPO / "tests" / "data" / "facts_snapshot.jsonl"
SAMPLES = REPO / "importers" / "samples"
_LEFT_OUT = {"id", "doc_id"}


def _fact_line(fact: Fact) -> str:
    """One fact as compact JSON: fields that are None are left out (the model's default)."""
    fields = {k: v for k, v in fact.model_dump().items() if v is not None and k not in _LEFT_OUT}
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))


def _document(name: str, published: dt.date | None, facts: FactSource) -> Iterator[str]:
    head = {"doc": name, "published": published and published.isoformat(), "facts": len(facts)}
    yield json.dumps(head, ensure_ascii=False, separators=(",", ":"))
    for fact in facts:
        yield _fact_line(fact)


def _imported(label: str, folder: Path) -> Iterator[str]:
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        raw = read_path(path)
        facts = extract_in_slices(raw.text, raw.published).facts
        yield from _document(f"{label}/{path.name}", raw.published, facts)


def _real_dev(folder: Path) -> Iterator[str]:
    # the records as the scorer reads them (one reader of real-dev, bench/eval_extraction.py)
    from bench.eval_extraction import published_of, real_dev_records
    from factscope.importers.extract import extract_facts

    for record in real_dev_records(folder):
        date = published_of(record)
        facts = extract_facts(str(record["text"]), date)
        yield from _document(f"real-dev/{record['id']}", date, facts)


def snapshot_lines(shared: Path = SHARED) -> list[str]:
    """The snapshot as it is extracted now: seeds, demo corpus, real-dev, in that order."""
    lines = list(_imported("seeds", shared / "seeds"))
    lines.extend(_imported("demo", SAMPLES))
    lines.extend(_real_dev(shared / "real-dev"))
    return lines


def differences(stored: list[str], current: list[str], limit: int = 40) -> list[str]:
    """The first ``limit`` lines of a unified diff from the stored to the current snapshot."""
    diff = difflib.unified_diff(stored, current, "stored", "extracted now", n=0, lineterm="")
    return [line for _, line in zip(range(limit), diff, strict=False)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the current facts")
    parser.add_argument("--check", action="store_true", help="compare (the default)")
    parser.add_argument("--snapshot", type=Path, default=SNAPSHOT)
    args = parser.parse_args(argv)
    if not (SHARED / "seeds").is_dir():
        print(f"shared corpus not found: {SHARED}", file=sys.stderr)
        return 2
    current = snapshot_lines()
    if args.write:
        args.snapshot.parent.mkdir(parents=True, exist_ok=True)
        args.snapshot.write_text("\n".join(current) + "\n", encoding="utf-8")
        print(f"wrote {len(current)} lines to {args.snapshot}")
        return 0
    stored = args.snapshot.read_text(encoding="utf-8").splitlines()
    diff = differences(stored, current)
    if not diff:
        print(f"facts identical to {args.snapshot} ({len(current)} lines)")
        return 0
    print("\n".join(diff))
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
