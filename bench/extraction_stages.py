"""Where extraction time goes: the whole-text passes, the per-sentence work, and the regex engine.

For the seeds and for the import benchmark's synthetic documents, prints milliseconds per MB of
text for each whole-text pass (sentence split, numerals, dates, the gazetteer's mentions, and
the place index with the story's place that attribution builds from them, split included),
for the whole of ``extract_facts``, the cost per extracted fact, and how much of the time is
spent inside compiled regular expressions (every module-level ``re.Pattern`` of
``importers.extract`` and ``importers.gazetteer`` is wrapped in a timing proxy for that run;
the ten costliest are listed). Patterns held in tuples or caches (the metric rules) are not
wrapped, so the regex figure is a lower bound. 5 MB/s is 200 ms/MB. This is the measurement
behind issue 4's speed clause: it shows which share of the time a faster rule engine could
remove and which share is the regex engine's.

Usage: ``python bench/extraction_stages.py [--rounds N]``. Best of N rounds per figure (default
5); figures depend on the machine: compare runs on the same box only.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import factscope.importers.extract as extract_pkg  # noqa: E402
import factscope.importers.gazetteer as gazetteer_pkg  # noqa: E402
from bench.eval_extraction import DEFAULT_SEEDS, synthetic_texts  # noqa: E402
from factscope.importers.extract import extract_facts  # noqa: E402
from factscope.importers.extract._fold import fold_case  # noqa: E402
from factscope.importers.extract.calendar_dates import find_dates  # noqa: E402
from factscope.importers.extract.numbers import find_numbers  # noqa: E402
from factscope.importers.extract.regions import RegionTracker  # noqa: E402
from factscope.importers.extract.sentences import split_sentences  # noqa: E402
from factscope.importers.gazetteer import Gazetteer  # noqa: E402


def best_ms_per_mb(texts: list[str], work: Callable[[str], object], rounds: int) -> float:
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    best = float("inf")
    for _ in range(rounds):
        begin = time.perf_counter()
        for text in texts:
            work(text)
        best = min(best, time.perf_counter() - begin)
    return best / size * 1000


class _TimedPattern:
    """A compiled pattern whose matching methods add their time to ``spent``."""

    def __init__(self, name: str, pattern: re.Pattern[str], spent: dict[str, float]) -> None:
        self._name, self._pattern, self._spent = name, pattern, spent

    def __getattr__(self, attr: str) -> Any:
        found = getattr(self._pattern, attr)
        if not callable(found):
            return found
        key = f"{self._name}.{attr}"

        def timed(*args: Any, **kwargs: Any) -> Any:
            begin = time.perf_counter()
            result = found(*args, **kwargs)
            if attr == "finditer":  # the matching happens while iterating
                result = iter(list(result))
            self._spent[key] += time.perf_counter() - begin
            return result

        return timed


def _pattern_modules() -> list[Any]:
    modules: list[Any] = [extract_pkg, gazetteer_pkg]
    for package in (extract_pkg, gazetteer_pkg):
        for info in pkgutil.iter_modules(package.__path__):
            modules.append(importlib.import_module(f"{package.__name__}.{info.name}"))
    return modules


def regex_time(texts: list[str], rounds: int) -> tuple[float, dict[str, float]]:
    """ms/MB spent inside the regex engine, total and by pattern (then the patterns restored)."""
    spent: dict[str, float] = defaultdict(float)
    swapped = []
    for module in _pattern_modules():
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                label = f"{module.__name__.rsplit('.', 1)[-1]}.{name}"
                setattr(module, name, _TimedPattern(label, value, spent))
                swapped.append((module, name, value))
    try:
        for text in texts:
            extract_facts(text)
        spent.clear()
        for _ in range(rounds):
            for text in texts:
                extract_facts(text)
    finally:
        for module, name, value in swapped:
            setattr(module, name, value)
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6 * rounds
    by_pattern = {k: v / size * 1000 for k, v in spent.items()}
    return sum(by_pattern.values()), by_pattern


def report(name: str, texts: list[str], rounds: int) -> None:
    gazetteer = Gazetteer.default()
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    facts = sum(len(extract_facts(t)) for t in texts)
    stages: list[tuple[str, Callable[[str], object]]] = [
        ("sentence split", split_sentences),
        ("numerals", lambda t: find_numbers(t, fold_case(t))),
        ("dates", find_dates),
        ("gazetteer mentions", gazetteer.find_mentions),
        ("place scan (+split)", lambda t: RegionTracker(t, gazetteer, split_sentences(t))),
        ("extract_facts", lambda t: extract_facts(t, gazetteer=gazetteer)),
    ]
    print(f"\n{name}: {len(texts)} documents, {size:.3f} MB, {facts / size:,.0f} facts per MB")
    total = 0.0
    for label, work in stages:
        total = best_ms_per_mb(texts, work, rounds)
        print(f"  {label:<22}{total:8.1f} ms/MB")
    print(f"  {'= MB/s':<22}{1000 / total:8.2f}      (5 MB/s is 200 ms/MB)")
    print(f"  {'per fact':<22}{total * size / facts * 1000:8.1f} µs")
    engine, by_pattern = regex_time(texts, max(1, rounds // 2))
    print(f"  {'inside regex engine':<22}{engine:8.1f} ms/MB ({engine / total:.0%} of the total)")
    for key, cost in sorted(by_pattern.items(), key=lambda kv: -kv[1])[:10]:
        print(f"    {cost:6.1f} ms/MB  {key}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    args = parser.parse_args(argv)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(args.seeds.glob("*.txt"))]
    if seeds:
        report("seeds", seeds, args.rounds)
    else:
        print(f"no seeds in {args.seeds}: synthetic documents only", file=sys.stderr)
    report("synthetic", synthetic_texts(), args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
