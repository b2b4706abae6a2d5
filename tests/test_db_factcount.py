"""Counting a fact query's matches past its candidates (db/factcount.py), on both backends:
SQLite counts in a second statement, PostgreSQL along with the candidates."""

from __future__ import annotations

import pytest

from factscope.db import Store, factcount
from factscope.db.factcount import candidate_rows, count_matches
from factscope.db.factquery import parse_fact_query
from factscope.db.factsearch import resolve
from factscope.db.typos import Vocabulary
from tests.conftest import requires_shared

COLUMNS = "f.id, facts_fts.attribution"


@requires_shared
@pytest.mark.parametrize("query", ["sichuan", "trade 2020", "period:2020 trade", "商务区", "zzz"])
def test_rows_and_count_are_those_of_the_two_statements(
    any_seed_store: Store, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    monkeypatch.setattr(factcount, "COUNT_CAP", 12)
    with any_seed_store.guarded() as conn:
        parsed = resolve(conn, parse_fact_query(query), Vocabulary())
        rows, count = candidate_rows(conn, parsed, COLUMNS, "''", cap=3)
        alone, _ = candidate_rows(conn, parsed, COLUMNS, "''", cap=12)
        expected = count_matches(conn, parsed)
        assert count() == expected
    assert len(rows) == min(3, len(alone))
    assert {r[0] for r in rows} <= {r[0] for r in alone}
    # Counted up to the cap, as the rows are: None only for a Chinese substring.
    assert expected == (None if query == "商务区" else len(alone))
    if query == "zzz":
        assert (rows, count()) == ([], 0)
