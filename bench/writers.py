"""Imports at once into one database, against the same imports one after another.

For each K, builds K folders of N small reports (``--paragraphs`` each), imports them with K
``factscope import`` processes started together into a new database, then one after another
into another; prints both wall times, every exit code, and whether the two databases hold
the same documents and facts. Usage: python bench/writers.py [--files N] [--paragraphs P] [K ...]
(default: 200 files, K = 2 3 8). Figures depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from factscope.db import Store  # noqa: E402
from tests.processes import FACTSCOPE, write_corpus  # noqa: E402


def _contents(db: Path) -> tuple[int, int, bool, frozenset[tuple[str, str]]]:
    with Store.open(db, read_only=True) as store:
        facts = frozenset((f.doc_id, f.quote) for f in store.iter_facts())
        return store.document_count(), store.fact_count(), store.check() == [], facts


def _imports(db: Path, folders: list[Path], *, at_once: bool) -> tuple[float, list[int], int]:
    """Wall seconds, exit codes, and stderr lines mentioning 'locked' or 'exists'."""
    start = time.perf_counter()
    commands = [[*FACTSCOPE, "--db", str(db), "import", "-q", str(f)] for f in folders]
    if at_once:
        runs = [subprocess.Popen(c, stderr=subprocess.PIPE, text=True) for c in commands]
        errors = [run.communicate()[1] for run in runs]
        codes = [run.returncode for run in runs]
    else:
        done = [subprocess.run(c, stderr=subprocess.PIPE, text=True, check=False) for c in commands]
        errors, codes = [d.stderr for d in done], [d.returncode for d in done]
    bad = sum(1 for e in errors for line in e.splitlines() if "locked" in line or "exists" in line)
    return time.perf_counter() - start, codes, bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("writers", nargs="*", type=int, default=[2, 3, 8])
    parser.add_argument("--files", type=int, default=200, help="reports per folder")
    parser.add_argument("--paragraphs", type=int, default=2, help="paragraphs per report")
    args = parser.parse_args()
    print(f"{'K':>2} {'files':>6} {'at once':>8} {'one by one':>10}  exit codes     same?")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for k in args.writers:
            folders = [
                write_corpus(
                    base / f"k{k}-{n}", args.files, tag=f"k{k}n{n}", repeat=args.paragraphs
                )
                for n in range(k)
            ]
            together, apart = base / f"together-{k}.db", base / f"apart-{k}.db"
            wall, codes, bad = _imports(together, folders, at_once=True)
            wall_apart, codes_apart, _ = _imports(apart, folders, at_once=False)
            a, b = _contents(together), _contents(apart)
            same = "yes" if a == b else f"NO: {a[:3]} vs {b[:3]}"
            print(
                f"{k:>2} {k * args.files:>6} {wall:>7.1f}s {wall_apart:>9.1f}s  "
                f"{','.join(map(str, codes)):<14} {same}; {a[0]:,} docs, {a[1]:,} facts,"
                f" sound={a[2]}, locked/exists lines={bad}; one by one exit "
                f"{','.join(map(str, codes_apart))}"
            )


if __name__ == "__main__":
    main()
