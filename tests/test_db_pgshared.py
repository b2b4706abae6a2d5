"""Writers at once on one server: the rows they all touch (vocabulary counts, stored regions)
hold no lock until commit, so neither waits for the other nor deadlocks, and the counts add
up. (A region new to the database, found by two writers at once, still makes the second
wait for the first's commit: a unique key must.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from factscope.db import Fact, RawDocument, Region, Store

REGIONS = [
    Region(id="340100", name="Hefei", level="city"),
    Region(id="510100", name="Chengdu", level="city"),
]


def _document(city: str, other: str) -> tuple[RawDocument, list[Fact]]:
    text = f"{city} and {other} exported 5 tons of rice in 2020."
    start = text.index("5 tons")
    fact = Fact(
        start=start,
        end=start + 6,
        quote="5 tons",
        number_quote="5",
        value=5.0,
        unit="ton",
        region=city,
        metric="exports of rice",
        metric_type="exports",
        period="2020",
        sentence_start=0,
        sentence_end=len(text),
    )
    return RawDocument(text=text, title=city, source=f"{city}.txt"), [fact]


@pytest.fixture
def two_writers(pg_url: str) -> Iterator[tuple[Store, Store]]:
    first, second = Store.open(pg_url), Store.open(pg_url)
    for store in (first, second):
        store._rows("SET lock_timeout = '3s'")  # a regression fails, never hangs
    yield first, second
    first.close()
    second.close()


def test_interleaved_batches_neither_wait_nor_deadlock(two_writers: tuple[Store, Store]) -> None:
    first, second = two_writers
    first.add_regions(REGIONS)  # the gazetteer, as every import loads it first
    with first.batch():
        first.add_document(*_document("Hefei", "Chengdu"), regions=REGIONS)
        with second.batch():  # commits while the first batch is still open
            second.add_document(*_document("Chengdu", "Hefei"), regions=list(reversed(REGIONS)))
    counts = dict(first._rows("SELECT term, facts FROM fact_terms WHERE field = ''"))
    assert counts["rice"] == 2
    assert counts["hefei"] == 2
    assert first.search_facts("rice").total == 2


def test_a_rolled_back_unit_counts_nothing(pg_url: str) -> None:
    with Store.open(pg_url) as store:
        with store.batch():
            store.add_document(*_document("Hefei", "Wuhu"))
            with pytest.raises(ValueError), store.transaction():
                store.add_document(*_document("Chengdu", "Wuhu"))
                raise ValueError("this unit goes")
        counts = dict(store._rows("SELECT term, facts FROM fact_terms WHERE field = ''"))
        assert counts["wuhu"] == 1
        store.delete_document(store.documents()[0].id)
        assert store._rows("SELECT count(*) FROM fact_terms WHERE field = ''")[0][0] == 0


def test_regions_are_inserted_and_changed_ones_updated(pg_url: str) -> None:
    with Store.open(pg_url) as store:
        store.add_regions(REGIONS)
        renamed = REGIONS[0].model_copy(update={"name": "Hefei City", "aliases": ["Luzhou"]})
        store.add_regions([renamed, REGIONS[1]])
        assert store.region("340100") == renamed
        assert store.region("510100") == REGIONS[1]
        assert store.region_count() == 2
