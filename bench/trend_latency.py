"""Trend latency on the synthetic databases of bench/make_corpus.py.

For each size: ``Store.trend`` (the call ``factscope trend`` and the Trend view make) for the
regions with the most facts, by metric type and by phrase, with and without children; prints
median and worst milliseconds (5 runs each, warm) and the points returned.

Usage: python bench/trend_latency.py [N ...]      (default 100000 1000000)
Figures depend on the machine; compare runs on the same box.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from compare_latency import database  # noqa: E402

from factscope.db import Store  # noqa: E402


def bench(count: int) -> None:
    with Store.open(database(count), read_only=True) as store:
        top = [region.id for region, _ in store.regions_with_facts(limit=6)]
        parents = [r.parent_id for r in (store.region(i) for i in top) if r and r.parent_id]
        cases = [
            ("type, top region", top[0], "exports", False),
            ("type, 3rd region", top[2], "trade_total", False),
            ("phrase, top region", top[0], "fixed-asset investment", False),
            ("type, parent + children", parents[0], "gdp", True),
        ]
        for label, region_id, metric, children in cases:
            times = []
            for _ in range(5):
                started = time.perf_counter()
                trend = store.trend(region_id, metric, include_children=children)
                times.append((time.perf_counter() - started) * 1000)
            points = sum(len(s.points) for s in trend.series)
            conflicts = sum(p.conflict for s in trend.series for p in s.points)
            print(
                f"{count:>9,} facts | {label:<24} median {statistics.median(times):6.1f} ms,"
                f" worst {max(times):6.1f} ms | {len(trend.series)} series, {points} points,"
                f" {conflicts} in conflict"
            )


if __name__ == "__main__":
    for size in [int(a) for a in sys.argv[1:]] or [100_000, 1_000_000]:
        bench(size)
