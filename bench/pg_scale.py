"""factscope on PostgreSQL at scale: build N facts, type queries, import with 1 and 2 workers.

1. **build**: N synthetic facts (bench/make_corpus.py's documents, 20 facts each) written
   through ``Store.add_document`` into a new server database, 50 documents per transaction,
   by 1 writer process and then, into another database, by 2 writer processes at once (each
   its own half): facts/s for each, and the speed-up of two writers.
2. **per keystroke**: bench/fuzzy_latency.py's queries, every prefix as typed, on the N facts
   (``Store.search_facts``, top 50, after one untimed pass): median, p95 and max by shape.
3. **import**: ``factscope import --jobs 1`` and ``--jobs 2`` of the same folder of small
   reports (extraction included) into new server databases: files/s and facts/s.

The server is a throwaway one started here (tests/pgserver.py: fsync off, as in the tests),
or ``--pg URL`` (a role that may create databases). Figures depend on the machine and its
load; compare runs made back to back on the same box.

Usage: python bench/pg_scale.py [N] [--pg URL] [--files F]   (default N = 1,000,000; F = 200)
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from fuzzy_latency import keystrokes, summary  # noqa: E402
from make_corpus import FACTS_PER_DOCUMENT, make_document, pick_regions  # noqa: E402

from factscope.db import Store  # noqa: E402
from tests.pgserver import new_database, throwaway_server  # noqa: E402
from tests.processes import FACTSCOPE, write_corpus  # noqa: E402

BATCH = 50
"""Documents per transaction, as an import commits them."""


def write_part(url: str, count: int, part: int, parts: int, seed: int = 42) -> None:
    """Write this writer's share of the N facts: every ``parts``-th document from ``part``."""
    rng = random.Random(seed)
    chains = pick_regions(rng)
    documents = count // FACTS_PER_DOCUMENT
    with Store.open(url) as store:
        store.add_regions({r.id: r for chain in chains for r in chain}.values())
        mine = [i for i in range(documents) if i % parts == part]
        for start in range(0, len(mine), BATCH):
            with store.batch():
                for index in mine[start : start + BATCH]:
                    raw, facts, _ = make_document(random.Random(index), index, chains)
                    store.add_document(raw, facts)


def build(url: str, count: int, writers: int) -> float:
    """Write N facts with ``writers`` processes at once; returns facts/s."""
    started = time.perf_counter()
    runs = [
        subprocess.Popen(
            [sys.executable, __file__, "--write-part", f"{i}/{writers}", "--pg", url, str(count)]
        )
        for i in range(writers)
    ]
    codes = [run.wait() for run in runs]
    seconds = time.perf_counter() - started
    with Store.open(url, read_only=True) as store:
        stored = store.fact_count()
    rate = stored / seconds
    print(
        f"build, {writers} writer(s): {stored:,} facts in {seconds:.1f} s ({rate:,.0f} facts/s),"
        f" exit codes {codes}"
    )
    return rate


def type_queries(url: str) -> None:
    with Store.open(url, read_only=True) as store:
        count = store.fact_count()
        timed = keystrokes(store)
    print(f"per keystroke on {count:,} facts (ms):")
    for shape, ms in timed.items():
        print(f"  {shape:20} {summary(ms)}")
    print(f"  {'all':20} {summary([m for ms in timed.values() for m in ms])}")


def imports(server: str, files: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        corpus = write_corpus(Path(folder), files, tag="pg")
        for jobs in (1, 2):
            url = new_database(server)
            started = time.perf_counter()
            done = subprocess.run(
                [*FACTSCOPE, "--db", url, "import", "-q", "--jobs", str(jobs), str(corpus)],
                check=False,
            )
            seconds = time.perf_counter() - started
            with Store.open(url, read_only=True) as store:
                docs, facts = store.document_count(), store.fact_count()
            print(
                f"import --jobs {jobs}: {docs} files, {facts:,} facts in {seconds:.1f} s"
                f" ({docs / seconds:.1f} files/s, {facts / seconds:,.0f} facts/s),"
                f" exit {done.returncode}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=1_000_000)
    parser.add_argument("--pg", help="a server URL (default: a throwaway server)")
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--write-part", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write_part:
        part, parts = map(int, args.write_part.split("/"))
        write_part(args.pg, args.count, part, parts)
        return
    with ExitStack() as stack:
        server = args.pg or stack.enter_context(throwaway_server())
        one = build(new_database(server), args.count, 1)
        two_url = new_database(server)
        two = build(two_url, args.count, 2)
        print(f"two writers: {two / one:.2f}x one")
        type_queries(two_url)
        imports(server, args.files)


if __name__ == "__main__":
    main()
