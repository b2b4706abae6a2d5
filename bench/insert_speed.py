"""Fact rows written per second: raw ``executemany`` (the store's way) against sqlite-utils.

Writes N synthetic facts into the ``facts`` table of a new factscope database three ways,
each in one transaction on a fresh file: ``executemany`` of tuples from
:func:`db.rows.fact_values` (what ``db.writes.insert_facts`` does), sqlite-utils
``Table.insert_all`` of dicts, and ``insert_all`` of tuples-as-dicts with a larger batch.
Prints rows per second for each. Only the facts table is timed (no FTS rows), so the
difference is the writing API's own. Usage: python bench/insert_speed.py [N ...]
(default 50,000 and 200,000). Figures depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sqlite_utils import Database  # noqa: E402

from factscope.db import Fact, RawDocument, Store  # noqa: E402
from factscope.db.rows import FACT_COLUMNS, fact_values, select_list  # noqa: E402


def _facts(n: int) -> list[Fact]:
    return [
        Fact(
            start=i % 1000,
            end=i % 1000 + 9,
            quote=f"{i} yuan",
            number_quote=str(i),
            value=float(i),
            unit="CNY",
            normalized=float(i),
            region="Songjiang District",
            region_id="310117",
            metric="exports",
            metric_type="exports",
            period=str(2000 + i % 25),
        )
        for i in range(n)
    ]


def _executemany(store: Store, doc_id: str, facts: list[Fact]) -> None:
    marks = ", ".join("?" for _ in FACT_COLUMNS)
    with store.transaction() as conn:
        conn.executemany(
            f"INSERT INTO facts ({select_list(FACT_COLUMNS)}) VALUES ({marks})",
            [fact_values(f, doc_id) for f in facts],
        )


def _insert_all(batch: int) -> Callable[[Store, str, list[Fact]], None]:
    def write(store: Store, doc_id: str, facts: list[Fact]) -> None:
        rows = (dict(zip(FACT_COLUMNS, fact_values(f, doc_id), strict=True)) for f in facts)
        with store.transaction() as conn:
            Database(conn)["facts"].insert_all(rows, batch_size=batch)

    return write


WAYS: dict[str, Callable[[Store, str, list[Fact]], None]] = {
    "executemany (the store)": _executemany,
    "sqlite-utils insert_all": _insert_all(100),
    "sqlite-utils insert_all, batch 1000": _insert_all(1000),
}


def _time(way: Callable[[Store, str, list[Fact]], Any], facts: list[Fact], folder: Path) -> float:
    with Store.open(folder / f"{id(way)}-{len(facts)}.db") as store:
        _, doc_id = store.add_document(RawDocument(text="x " * 600, title="t", source="s"), [])
        start = time.perf_counter()
        way(store, doc_id, facts)
        seconds = time.perf_counter() - start
        assert store.fact_count() == len(facts)
    return len(facts) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("sizes", nargs="*", type=int, default=[50_000, 200_000])
    sizes = parser.parse_args().sizes
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            facts = _facts(n)
            print(f"{n:,} facts")
            for name, way in WAYS.items():
                print(f"  {name:<38} {_time(way, facts, Path(folder)):>10,.0f} rows/s")


if __name__ == "__main__":
    main()
