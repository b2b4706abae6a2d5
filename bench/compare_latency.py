"""Region comparison latency on the synthetic databases of bench/make_corpus.py.

For each size: ``Store.compare`` (the call the Compare pane and ``factscope compare`` make)
for pairs and quartets of the regions with the most facts, with and without rolling up
districts; prints median and worst milliseconds and the rows returned.

Usage: python bench/compare_latency.py [N ...]      (default 100000 1000000)
Figures depend on the machine; compare runs on the same box.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from factscope.db import Store  # noqa: E402


def database(count: int) -> Path:
    path = REPO / "bench" / "data" / f"facts-{count}.db"
    if not path.exists():
        subprocess.run(
            [sys.executable, str(REPO / "bench" / "make_corpus.py"), str(count)], check=True
        )
    return path


def bench(count: int) -> None:
    with Store.open(database(count), read_only=True) as store:
        top = [region.id for region, _ in store.regions_with_facts(limit=12)]
        parents = [r.parent_id for r in (store.region(i) for i in top) if r and r.parent_id]
        cases = [
            ("2 regions", [top[0], top[1]], False),
            ("2 regions", [top[2], top[3]], False),
            ("4 regions", top[4:8], False),
            ("2 parents, rolled up", parents[:2], True),
        ]
        for label, ids, children in cases:
            times = []
            for _ in range(5):
                started = time.perf_counter()
                comparison = store.compare(ids, include_children=children)
                times.append((time.perf_counter() - started) * 1000)
            met = sum(
                1 for r in comparison.rows if sum(c is not None for c in r.cells.values()) > 1
            )
            print(
                f"{count:>9,} facts | {label:<22} median {statistics.median(times):6.1f} ms,"
                f" worst {max(times):6.1f} ms | {len(comparison.rows)} rows,"
                f" {met} where regions meet"
            )


if __name__ == "__main__":
    for size in [int(a) for a in sys.argv[1:]] or [100_000, 1_000_000]:
        bench(size)
