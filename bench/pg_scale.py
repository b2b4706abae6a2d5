"""factscope on PostgreSQL at scale: build N facts, type queries, import with 1 and 2 workers.

1. **build**: W synthetic facts (bench/make_corpus.py's documents, 20 facts each) written
   through ``Store.add_document`` into a new server database, 50 documents per transaction,
   by 1 writer process and then, into another database, by 2 writer processes at once (each
   its own half): facts/s for each, and the speed-up of two writers.
2. **grow** the second database to N facts by copying its documents, facts and search rows
   in SQL under new document ids (writing N facts through the store takes about N / 900
   seconds on this shared box): the copies hold the same words and figures, as a corpus of
   many similar bulletins does.
3. **per keystroke**: bench/fuzzy_latency.py's queries, every prefix as typed, on the N facts
   (``Store.search_facts``, top 50, after one untimed pass): median, p95 and max by shape;
   then :data:`CHINESE`, substrings of Chinese place names, each prefix as typed.
4. **import**: ``factscope import --jobs 1`` and ``--jobs 2`` of the same folder of small
   reports (extraction included) into new server databases: files/s and facts/s. With
   ``--jobs 2`` each worker writes the files it extracted (importers/workers.py).

The server is a throwaway one started here (tests/pgserver.py: fsync off, as in the tests),
or ``--pg URL`` (a role that may create databases). Figures depend on the machine and its
load; compare runs made back to back on the same box.

Usage: python bench/pg_scale.py [N] [--write W] [--pg URL] [--files F]
       python bench/pg_scale.py --db URL   (step 3 only, on a database a run with --pg kept)
  (defaults: N = 1,000,000 facts, W = 40,000 written through the store, F = 200 files)
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


def grow(url: str, count: int) -> None:
    """Copy the database's documents (with their facts, search rows and text chunks) under
    new ids until it holds ``count`` facts; the vocabulary counts are multiplied to match."""
    started = time.perf_counter()
    with Store.open(url) as store:
        conn = store._conn.raw
        base = int(conn.execute("SELECT count(*) FROM facts").fetchone()[0])
        step = int(conn.execute("SELECT max(id) FROM facts").fetchone()[0])
        copies = max(0, count // base - 1)
        # The copies' search rows keep the originals' tsvector: the same words.
        conn.execute("ALTER TABLE facts_fts DISABLE TRIGGER facts_fts_fill")
        columns = [
            r[0]
            for r in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'facts'"
                " AND column_name NOT IN ('id', 'doc_id') ORDER BY ordinal_position"
            )
        ]
        names = ", ".join(f'"{c}"' for c in columns)
        for k in range(1, copies + 1):
            with conn.transaction():
                conn.execute(
                    "INSERT INTO documents (id, source, title, published, language, text,"
                    " imported_at, fact_count) SELECT id || '-' || %s, source || '#' || %s,"
                    " title, published, language, text, imported_at, fact_count FROM documents"
                    " WHERE id NOT LIKE '%%-%%'",
                    (k, k),
                )
                conn.execute(
                    f"INSERT INTO facts (id, doc_id, {names}) SELECT id + %s, doc_id || '-' || %s,"
                    f" {names} FROM facts WHERE id <= %s",
                    (k * step, k, step),
                )
                conn.execute(
                    "INSERT INTO facts_fts (rowid, doc_id, region, metric, subject, period,"
                    " figure, sentence, attribution, tsv) SELECT rowid + %s, doc_id || '-' || %s,"
                    " region, metric, subject, period, figure, sentence, attribution, tsv"
                    " FROM facts_fts WHERE rowid <= %s",
                    (k * step, k, step),
                )
                conn.execute(
                    "INSERT INTO document_chunks (doc_id, doc_rowid, seq, title, text)"
                    " SELECT d.id, d.rowid, c.seq, c.title, c.text FROM document_chunks c"
                    " JOIN documents d ON d.id = c.doc_id || '-' || %s"
                    " WHERE c.doc_id NOT LIKE '%%-%%'",
                    (k,),
                )
        conn.execute("ALTER TABLE facts_fts ENABLE TRIGGER facts_fts_fill")
        conn.execute("UPDATE fact_terms SET facts = facts * %s", (copies + 1,))
        conn.execute(
            "SELECT setval(pg_get_serial_sequence('facts', 'id'), (SELECT max(id) FROM facts))"
        )
        conn.execute("VACUUM ANALYZE")
        total = int(conn.execute("SELECT count(*) FROM facts").fetchone()[0])
    print(f"grown to {total:,} facts in {time.perf_counter() - started:.1f} s ({copies} copies)")


CHINESE = ["自治区", "维吾尔 exports", "蒙古自治区 gdp 2020", "人民政府", "人民政府 trade"]
"""Chinese terms inside longer names (内蒙古自治区, 新疆维吾尔自治区: the synthetic corpus
has Chinese only in its place names), and one no fact holds: substrings, which the trigram
index answers from three characters on (reading every fact's text without it)."""


def type_queries(url: str) -> None:
    started = time.perf_counter()
    Store.open(url).close()  # an older database is migrated here, once
    print(f"first open (migrating an older schema) {time.perf_counter() - started:.1f} s")
    with Store.open(url, read_only=True) as store:
        count = store.fact_count()
        timed = keystrokes(store)
        chinese = [store.search_facts(q, limit=50) for q in CHINESE]
        chinese_ms = []
        for query in CHINESE:
            for end in range(1, len(query) + 1):
                t0 = time.perf_counter()
                store.search_facts(query[:end], limit=50)
                chinese_ms.append((time.perf_counter() - t0) * 1000)
    print(f"per keystroke on {count:,} facts (ms):")
    for shape, ms in timed.items():
        print(f"  {shape:20} {summary(ms)}")
    print(f"  {'all':20} {summary([m for ms in timed.values() for m in ms])}")
    print(f"  {'chinese substrings':20} {summary(chinese_ms)}")
    found = ", ".join(
        f"{q} {r.total:,}{'+' * r.capped}" for q, r in zip(CHINESE, chinese, strict=True)
    )
    print(f"    (found: {found})")


def imports(server: str, files: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        # 30 paragraphs a report (about 6 KB): 200 of them pass the size that starts a pool
        # (importers/parallel.py POOL_MIN_BYTES); two-paragraph reports imported serially.
        corpus = write_corpus(Path(folder), files, tag="pg", repeat=30)
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
    parser.add_argument("--write", type=int, default=40_000)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--write-part", help=argparse.SUPPRESS)
    parser.add_argument(
        "--db", help="only type the queries, on this database (a grown one, kept from a run)"
    )
    args = parser.parse_args()
    if args.write_part:
        part, parts = map(int, args.write_part.split("/"))
        write_part(args.pg, args.count, part, parts)
        return
    if args.db:
        type_queries(args.db)
        return
    with ExitStack() as stack:
        server = args.pg or stack.enter_context(throwaway_server())
        one = build(new_database(server), args.write, 1)
        two_url = new_database(server)
        two = build(two_url, args.write, 2)
        print(f"two writers: {two / one:.2f}x one")
        grow(two_url, args.count)
        if args.pg:
            print(f"the grown database (type again with --db): {two_url}")
        type_queries(two_url)
        imports(server, args.files)


if __name__ == "__main__":
    main()
