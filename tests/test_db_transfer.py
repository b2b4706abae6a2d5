"""Copying a corpus between backends: SQLite to PostgreSQL and back, the same answers after."""

from __future__ import annotations

from pathlib import Path

from factscope.db import Store
from factscope.db.transfer import copy_corpus
from tests.conftest import requires_shared


def _facts(store: Store) -> list[tuple[object, ...]]:
    return [
        (e.fact.doc_id, e.fact.start, e.fact.quote, e.sentence) for e in store.iter_fact_evidence()
    ]


@requires_shared
def test_sqlite_to_postgres_and_back(seed_store: Store, pg_url: str, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    with Store.open(pg_url) as server:
        report = copy_corpus(
            seed_store, server, on_progress=lambda d, t, _: seen.append((d, t)), batch=2
        )
        assert (report.imported, report.unchanged) == (5, 0)
        assert report.facts == seed_store.fact_count()
        assert seen[-1] == (5, 5)
        assert _facts(server) == _facts(seed_store)
        assert server.regions() == seed_store.regions()
        query = "songjiang trade 2020"
        assert [h.fact.quote for h in server.search_facts(query).hits] == [
            h.fact.quote for h in seed_store.search_facts(query).hits
        ]
        again = copy_corpus(seed_store, server)  # resuming: nothing twice
        assert (again.imported, again.unchanged) == (0, 5)
        with Store.open(tmp_path / "back.db") as back:
            copy_corpus(server, back)
            assert _facts(back) == _facts(seed_store)
            assert back.check() == []
