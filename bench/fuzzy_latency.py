"""Fact search latency per keystroke, as a user types, on synthetic databases of N facts.

For each size: time to open the store and answer a first query that matches nothing (the
index is the FTS5 table maintained at import, so the only thing built at open is the typo
vocabulary, read from the index the first time a word is unknown), then median and p95
milliseconds per keystroke over every prefix of a few queries (``Store.search_facts``, top 50,
the same call the Facts pane and ``factscope facts`` make), relevance (results containing
every intended query word), peak RSS of this process, and — when ``fzf`` is installed —
``fzf --filter`` on the same search strings for the full queries, ranked, whole process.

Usage: python bench/fuzzy_latency.py [N ...]     (databases built by bench/make_corpus.py)
Figures depend on the machine; compare runs on the same box.
"""

from __future__ import annotations

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

from db import Store  # noqa: E402

QUERIES = [
    "shanghai trade 2020",
    "sichuan export",
    "chengdu foreign investment",
    "gdp 2015",
    "guangdong revenue 2019",
    "sichaun exprt",  # typos: corrected against the index vocabulary
]
INTENDED = {"sichaun exprt": "sichuan export"}
"""What a typo query means, for counting relevant results."""


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


def fzf_times(store_path: Path, queries: list[str]) -> list[tuple[str, float, int]]:
    fzf = shutil.which("fzf")
    if fzf is None:
        return []
    with (
        Store.open(store_path, read_only=True) as store,
        tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as lines,
    ):
        for row in store.db.execute(
            "SELECT region, metric, subject, period, figure FROM facts_fts"
        ):
            lines.write(" | ".join(row) + "\n")
    results = []
    for query in queries:
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            with open(lines.name) as stdin:
                out = subprocess.run(
                    [fzf, "--filter", query], stdin=stdin, capture_output=True, text=True
                )
            runs.append((time.perf_counter() - started) * 1000)
        top = out.stdout.splitlines()[:50]
        hits = sum(relevant(query.split(), line) for line in top)
        results.append((query, statistics.median(runs), hits))
    Path(lines.name).unlink()
    return results


def bench(count: int) -> None:
    path = database(count)
    started = time.perf_counter()
    store = Store.open(path, read_only=True)
    store.search_facts("warm")  # matches nothing: loads the typo vocabulary too
    open_ms = (time.perf_counter() - started) * 1000
    keystrokes: list[float] = []
    relevance: list[str] = []
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            prefix = query[:end]
            t0 = time.perf_counter()
            results = store.search_facts(prefix, limit=50)
            keystrokes.append((time.perf_counter() - t0) * 1000)
        words = INTENDED.get(query, query).split()
        good = 0
        for hit in results.hits:
            fact = hit.fact
            chain = " ".join(r.name for r in store.region_chain(fact.region_id or ""))
            metric = f"{fact.metric} {(fact.metric_type or '').replace('_', ' ')}"
            good += relevant(words, f"{chain} {metric} {fact.period} {fact.quote}")
        relevance.append(f"{query!r} {good}/{len(results.hits)} of {results.total:,}")
    store.close()
    keystrokes.sort()
    p95 = keystrokes[int(0.95 * (len(keystrokes) - 1))]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{count:>9,} facts | open + typo vocabulary {open_ms:6.1f} ms | per keystroke"
        f" median {statistics.median(keystrokes):6.1f} ms, p95 {p95:6.1f} ms,"
        f" max {keystrokes[-1]:6.1f} ms ({len(keystrokes)} keystrokes) | peak RSS {rss:5.0f} MB"
    )
    print("          relevant in top 50: " + "; ".join(relevance))
    for query, ms, hits in fzf_times(path, [q for q in QUERIES if q not in INTENDED]):
        print(f"          fzf --filter {query!r}: {ms:7.1f} ms, {hits}/50 relevant in its top 50")


if __name__ == "__main__":
    for size in [int(a) for a in sys.argv[1:]] or [10_000, 100_000]:
        bench(size)
