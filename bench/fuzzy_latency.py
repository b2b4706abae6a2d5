"""Fact search latency per keystroke, as a user types, on synthetic databases of N facts.

For each database:

- **per keystroke**: milliseconds for every prefix of each query (``Store.search_facts``,
  top 50, the call the Facts pane makes), after one untimed pass (warm), by query shape —
  plain words, region plus year, field tokens as they are typed (``unit:``, ``unit:u``,
  ``region:`` with no value yet), typos, fzf operators, Chinese metric words — with the
  median, p95 and max of each shape and of all keystrokes;
- **new process**: ``factscope facts QUERY`` as a whole process (interpreter, imports,
  open, search, print), for a typo and for the same query spelled right;
- **against fzf**: the same whole-process ``factscope facts`` beside ``fzf --filter`` on the
  facts' lines (region | metric | subject | period | figure), when ``fzf`` is installed;
- relevance: results of the full query containing every intended word.

Usage: python bench/fuzzy_latency.py [N ...] [--db PATH ...]
  N: databases built by bench/make_corpus.py (bench/data/facts-N.db); --db: any database.
Figures depend on the machine and its load; compare runs made back to back on the same box.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from factscope.db import Store  # noqa: E402

SHAPES: dict[str, list[str]] = {
    "words": ["shanghai trade 2020", "chengdu foreign investment", "guangdong revenue 2019"],
    "region + year": ["sichuan exports 2019", "region:sichuan gdp period:2015"],
    "field tokens typed": [
        "unit:usd region:ningbo 2016",
        "type:exports unit:cny 2020",
        "kind:share region:zhejiang",
    ],
    "typos": ["sichaun exprt", "shanghia gdp 2020"],
    "operators": ["chengdu | wuxi trade", "^shi exports", "jiang$ gdp 2019"],
    "chinese": ["四川 外贸", "ningbo 外贸 2020"],
}
"""Queries by shape; every prefix of each is timed, as typed."""
INTENDED = {
    "sichaun exprt": "sichuan export",
    "shanghia gdp 2020": "shanghai gdp 2020",
    "chengdu | wuxi trade": "trade",
    "四川 外贸": "sichuan trade",
    "ningbo 外贸 2020": "ningbo trade 2020",
}
"""What a query means in words every relevant result contains (typos, OR, Chinese)."""
PROCESS_QUERIES = [("typo", "sichaun exports 2019"), ("spelled right", "sichuan exports 2019")]
RUNS = 3


def database(count: int) -> Path:
    path = REPO / "bench" / "data" / f"facts-{count}.db"
    if not path.exists():
        subprocess.run(
            [sys.executable, str(REPO / "bench" / "make_corpus.py"), str(count)], check=True
        )
    return path


def relevant(words: list[str], text: str) -> bool:
    lowered = text.lower()
    return all(w in lowered for w in words)


def percentile(sorted_ms: list[float], share: float) -> float:
    return sorted_ms[int(share * (len(sorted_ms) - 1))]


def summary(ms: list[float]) -> str:
    ordered = sorted(ms)
    return (
        f"{len(ordered):4} keystrokes  median {statistics.median(ordered):7.1f}"
        f"  p95 {percentile(ordered, 0.95):7.1f}  max {ordered[-1]:7.1f} ms"
    )


def factscope_ms(path: Path, query: str, *, cli: bool = True) -> float:
    """Whole-process ``factscope facts`` (the console script's own entry point), median ms;
    with ``cli=False`` a process that imports only ``db`` and searches (the store's share)."""
    if cli:
        code, args = "from factscope.tui.cli import run; run()", ["facts", "--db", str(path), query]
    else:
        code = (
            "import sys; from factscope.db import Store;"
            " Store.open(sys.argv[1]).search_facts(sys.argv[2])"
        )
        args = [str(path), query]
    command = [sys.executable, "-c", code, *args]
    runs = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(command, cwd=REPO, capture_output=True, check=True)
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def fzf_ms(fzf: str, lines: Path, query: str) -> tuple[float, list[str]]:
    """``fzf --filter`` over the lines file as a whole process: one run (seconds at 1M)."""
    runs = []
    out = ""
    for _ in range(1):
        started = time.perf_counter()
        with lines.open() as stdin:
            out = subprocess.run(
                [fzf, "--filter", query], stdin=stdin, capture_output=True, text=True
            ).stdout
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs), out.splitlines()[:50]


def against_fzf(path: Path, queries: list[str]) -> None:
    fzf = shutil.which("fzf")
    if fzf is None:
        print("          (fzf not installed: no fzf --filter comparison)")
        return
    with (
        Store.open(path, read_only=True) as store,
        tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as out,
    ):
        for row in store.db.execute(
            "SELECT region, metric, subject, period, figure FROM facts_fts"
        ):
            out.write(" | ".join(row) + "\n")
    lines = Path(out.name)
    print("          whole process: factscope facts (median of 3) | fzf --filter (one run)")
    for query in queries:
        ours = factscope_ms(path, query)
        theirs, top = fzf_ms(fzf, lines, query)
        hits = sum(relevant(query.split(), line) for line in top)
        print(
            f"          {query!r:34} factscope {ours:7.0f} ms | fzf {theirs:7.0f} ms"
            f" ({hits}/{len(top)} of its top 50 relevant)"
        )
    lines.unlink()


def keystrokes(store: Store) -> dict[str, list[float]]:
    """Milliseconds per keystroke by shape (one untimed pass first: warm caches)."""
    timed: dict[str, list[float]] = {shape: [] for shape in SHAPES}
    for timing in (False, True):
        for shape, queries in SHAPES.items():
            for query in queries:
                for end in range(1, len(query) + 1):
                    t0 = time.perf_counter()
                    store.search_facts(query[:end], limit=50)
                    if timing:
                        timed[shape].append((time.perf_counter() - t0) * 1000)
    return timed


def relevance(store: Store) -> str:
    found = []
    for query in [q for queries in SHAPES.values() for q in queries]:
        results = store.search_facts(query, limit=50)
        words = INTENDED.get(query, query).split()
        words = [w for w in words if ":" not in w and "|" not in w and "$" not in w]
        words = [w.lstrip("^") for w in words]
        good = 0
        for hit in results.hits:
            fact = hit.fact
            chain = " ".join(r.name for r in store.region_chain(fact.region_id or ""))
            metric = f"{fact.metric} {(fact.metric_type or '').replace('_', ' ')}"
            good += relevant(words, f"{chain} {metric} {fact.period} {fact.quote}")
        found.append(f"{query!r} {good}/{len(results.hits)} of {results.total:,}")
    return "; ".join(found)


def bench(path: Path) -> None:
    started = time.perf_counter()
    Store.open(path).close()  # an older file is migrated here, once
    print(f"first open (migrating an older file) {(time.perf_counter() - started) * 1000:.0f} ms")
    started = time.perf_counter()
    store = Store.open(path, read_only=True)
    store.search_facts("sichaun")  # a typo: reads the typo vocabulary
    open_ms = (time.perf_counter() - started) * 1000
    count = store.fact_count()
    timed = keystrokes(store)
    print(f"{count:>9,} facts ({path}) | open + first typo query {open_ms:6.1f} ms")
    for shape, ms in timed.items():
        print(f"          {shape:20} {summary(ms)}")
    print(f"          {'all':20} {summary([m for ms in timed.values() for m in ms])}")
    print("          relevant in top 50: " + relevance(store))
    store.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"          peak RSS of this process {rss:5.0f} MB")
    for label, query in PROCESS_QUERIES:
        whole, store_only = factscope_ms(path, query), factscope_ms(path, query, cli=False)
        print(
            f"          new process, {label} {query!r}: factscope facts {whole:6.0f} ms;"
            f" python importing db only {store_only:6.0f} ms"
        )
    against_fzf(path, ["sichuan exports 2019", "chengdu foreign investment"])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int)
    parser.add_argument("--db", type=Path, action="append", default=[])
    args = parser.parse_args()
    paths = list(args.db) + [database(n) for n in args.sizes]
    for db_path in paths or [database(n) for n in (10_000, 100_000)]:
        bench(db_path)
