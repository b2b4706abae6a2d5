"""Which parts of a fact query the GIN index answers (db/pgplan.py): dense words are
tested on the rows the rare ones found, and the answers stay the same."""

from __future__ import annotations

import pytest

from factscope.db import Store
from factscope.db.pgdialect import fts5_tsquery
from factscope.db.pgplan import LexemeShares, conjunct_share, conjuncts, split
from tests.conftest import requires_shared

SHARES = LexemeShares({"sichuan": 0.03, "exports": 0.16, "2019": 0.05, "2020": 0.3, "R:2": 0.9})


def test_a_query_splits_at_its_top_level_ands_only() -> None:
    query = "( 'sichuan':* ) & ( 'a' | 'b' ) & ( 'x' & 'y':* )"
    assert conjuncts(query) == ["( 'sichuan':* )", "( 'a' | 'b' )", "( 'x' & 'y':* )"]
    assert conjuncts("'a' | 'b' & 'c'") == ["'a' | 'b' & 'c'"]
    assert conjuncts("'it''s' & 'b'") == ["'it''s'", "'b'"]


def test_a_prefix_shares_the_common_lexemes_it_starts() -> None:
    assert conjunct_share("'2':*", SHARES) == pytest.approx(0.35)
    assert conjunct_share("'2'", SHARES) == 0.0  # no common lexeme "2": rare
    assert conjunct_share("( 'sichuan' | 'exports':* )", SHARES) == pytest.approx(0.19)
    assert conjunct_share("'R:':*", SHARES) == pytest.approx(0.9)


def test_dense_parts_are_tested_on_the_rows_the_rare_ones_find() -> None:
    indexed, tested = split("( 'sichuan':* ) & ( 'exports':* ) & ( '2':* )", SHARES)
    assert (indexed, tested) == ("( 'sichuan':* ) & ( 'exports':* )", "( '2':* )")
    assert split("'sichuan':* & 'R:2'", SHARES) == ("'sichuan':*", "'R:2'")
    # Two dense parts: the first finds so many rows that merging the second costs less.
    assert split("'2':* & 'R:2'", SHARES) == ("'2':* & 'R:2'", None)
    assert split("'sichuan':* & 'exports'", SHARES) == ("'sichuan':* & 'exports'", None)
    assert split("'2':*", SHARES) == ("'2':*", None)
    assert split("'a' & 'b'", LexemeShares({})) == ("'a' & 'b'", None)


@requires_shared
def test_the_split_query_finds_what_the_whole_one_does(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factscope.db import pgplan
    from factscope.importers import import_paths
    from tests.conftest import SEEDS

    with Store.open(pg_url) as store:
        import_paths([SEEDS], store)
        store._conn.raw.execute("ANALYZE facts_fts")
        shares = LexemeShares.read(store._conn.raw)
        assert shares.share("R:", prefix=True) > 0.5  # every fact has a region tag
        queries = ["sichuan r", "trade 2", "shanghai m", "exports 20", "p", "chengdu | wuxi t"]
        query = fts5_tsquery('"sichuan"* AND region : ("r"*)')
        assert split(query, shares)[1] is not None
        for cost in (0.0, 1e9):  # every part but the rarest tested on rows; none
            monkeypatch.setattr(pgplan, "ROW_COST", cost)
            store._conn._shares = None
            found = {q: [h.fact.id for h in store.search_facts(q, limit=500).hits] for q in queries}
            if cost == 0.0:
                split_answers = found
        assert found == split_answers
        assert all(found.values())
