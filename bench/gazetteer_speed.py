"""Gazetteer speed: loading the region table, and finding place mentions in text.

Prints the load time of ``Gazetteer.default()`` (median of ``--runs`` fresh loads in this
process) and the time to scan 10 KB of place-dense news text. Targets: load about 150 ms,
a 10 KB scan well under 5 ms. Figures depend on the machine.

Usage: python bench/gazetteer_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import time

from factscope.importers.gazetteer import Gazetteer, _default

TEXT = (
    "Songjiang's exports to Germany rose as Suzhou, Jiangsu Province, and the Hongqiao "
    "CBD in Shanghai added 12 billion yuan of orders from Hamburg and Kazakhstan. "
) * 60


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    loads = []
    for _ in range(runs):
        _default.cache_clear()
        started = time.perf_counter()
        Gazetteer.default()
        loads.append((time.perf_counter() - started) * 1000)
    gazetteer = Gazetteer.default()
    sample = TEXT[:10240]
    gazetteer.find_mentions(sample)
    scans = []
    for _ in range(runs * 10):
        started = time.perf_counter()
        found = gazetteer.find_mentions(sample)
        scans.append((time.perf_counter() - started) * 1000)
    print(f"load      median {statistics.median(loads):7.1f} ms, worst {max(loads):7.1f} ms")
    print(
        f"scan 10KB median {statistics.median(scans):7.2f} ms, worst {max(scans):7.2f} ms"
        f" ({len(found)} mentions)"
    )


if __name__ == "__main__":
    main()
