"""Fact search ranking and the query language, pinned on small real SQLite stores: the
region's own facts first, exact names before prefixes, a whole year before its months,
metric words of both languages, field tokens while typed, fzf operators, long queries."""

from __future__ import annotations

from typing import Any

import pytest

from factscope.db import Fact, RawDocument, Region, Store

REGIONS = [
    Region(id="CN", name="China", level="country"),
    Region(
        id="510000", name="Sichuan Province", level="province", parent_id="CN", name_zh="四川省"
    ),
    Region(id="510100", name="Chengdu", level="city", parent_id="510000", name_zh="成都市"),
    Region(id="310000", name="Shanghai", level="municipality", parent_id="CN"),
    Region(id="310117", name="Songjiang District", level="district", parent_id="310000"),
    Region(id="411400", name="Song County", level="county", parent_id="CN"),
]
_BY_ID = {r.id: r for r in REGIONS}


def add_document(store: Store, lines: list[tuple[str, str, dict[str, Any]]]) -> None:
    """One document of sentences, each holding one fact: (sentence, quote, fact fields)."""
    text = "\n".join(sentence for sentence, _, _ in lines)
    facts = []
    offset = 0
    for sentence, quote, fields in lines:
        start = offset + sentence.index(quote)
        region = _BY_ID[fields.pop("region_id")]
        facts.append(
            Fact(
                start=start,
                end=start + len(quote),
                quote=quote,
                number_quote=quote.split(" ")[0],
                region=region.name,
                region_id=region.id,
                sentence_start=offset,
                sentence_end=offset + len(sentence),
                **fields,
            )
        )
        offset += len(sentence) + 1
    store.add_document(
        RawDocument(text=text, title="T", source=f"{text.splitlines()[0]}.txt"), facts, REGIONS
    )


def exports(region_id: str, period: str, value: float, **more: Any) -> dict[str, Any]:
    return {
        "region_id": region_id,
        "metric": "exports",
        "metric_type": "exports",
        "period": period,
        "value": value,
        "unit": "CNY",
        "scale": 1e9,
        "normalized": value * 1e9,
        **more,
    }


def exported(place: str, region_id: str, period: str, value: int, **more: Any) -> Any:
    """A sentence line for :func:`add_document`: ``place`` exported ``value`` billion yuan."""
    quote = f"{value} billion yuan"
    sentence = f"{place} exported {quote} in {more.get('period_text', period)}."
    return sentence, quote, exports(region_id, period, value, **more)


@pytest.fixture
def ranked_store(store: Store) -> Store:
    add_document(
        store,
        [
            # A descendant's larger figure, and a later month: both used to rank first.
            exported("Chengdu", "510100", "2019", 50),
            exported("Sichuan", "510000", "2019", 30),
            exported("Sichuan", "510000", "2019-12", 40, period_text="December 2019"),
            exported("Songjiang", "310117", "2019", 20),
            exported("Song County", "411400", "2019", 10),
        ],
    )
    return store


def quotes(store: Store, query: str) -> list[str]:
    return [h.fact.quote for h in store.search_facts(query).hits]


@pytest.mark.parametrize(
    "query",
    [
        "sichuan exports 2019",
        "region:sichuan exports period:2019",
        "sichaun exports 2019",  # corrected: the correction ranks the same way
    ],
)
def test_own_region_first_then_the_whole_year(ranked_store: Store, query: str) -> None:
    assert quotes(ranked_store, query) == ["30 billion yuan", "40 billion yuan", "50 billion yuan"]


def test_without_a_year_the_latest_period_comes_first(ranked_store: Store) -> None:
    assert quotes(ranked_store, "sichuan exports") == [
        "40 billion yuan",  # December 2019, the latest
        "30 billion yuan",
        "50 billion yuan",  # Chengdu, a descendant, last
    ]


@pytest.mark.parametrize("query", ["region:song exports", "song exports"])
def test_exact_region_names_before_prefixes(ranked_store: Store, query: str) -> None:
    # "song" is Song County's name and only a prefix of Songjiang's, whose figure is larger.
    assert quotes(ranked_store, query) == ["10 billion yuan", "20 billion yuan"]


@pytest.fixture
def bilingual_store(store: Store) -> Store:
    trade = {
        "metric": "total foreign trade volume",
        "metric_type": "trade_total",
        "period": "2020",
        "value": 305.57,
    }
    fdi = {"metric_type": "fdi", "period": "2021", "unit": "USD", "scale": 1e9}
    add_document(
        store,
        [
            (
                "Songjiang's total foreign trade volume reached 305.57 billion yuan in 2020.",
                "305.57 billion yuan",
                {"region_id": "310117", **trade},
            ),
            (
                "Chengdu's actual use of foreign investment was 10 billion US dollars.",
                "10 billion US dollars",
                {
                    "region_id": "510100",
                    "metric": "actual use of foreign investment",
                    "value": 10,
                    "normalized": 10e9,
                    **fdi,
                },
            ),
        ],
    )
    add_document(
        store,
        [
            (
                "2021年四川省实际使用外资120亿美元。",
                "120亿美元",
                {
                    "region_id": "510000",
                    "metric": "实际使用外资",
                    "value": 12,
                    "normalized": 12e9,
                    **fdi,
                },
            )
        ],
    )
    return store


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("songjiang 外贸", ["305.57 billion yuan"]),
        ("进出口 2020", ["305.57 billion yuan"]),
        ("外资", ["120亿美元", "10 billion US dollars"]),  # Chinese finds English too
        ("四川 foreign investment", ["120亿美元", "10 billion US dollars"]),  # and back
        ("foreign investment 2021", ["120亿美元", "10 billion US dollars"]),
        ("sichuan 外资", ["120亿美元", "10 billion US dollars"]),  # own region first
        ("外贸 foreign investment", []),
    ],
)
def test_metric_words_bridge_both_languages(
    bilingual_store: Store, query: str, expected: list[str]
) -> None:
    assert quotes(bilingual_store, query) == expected


def test_field_tokens_while_typed(bilingual_store: Store) -> None:
    everything = quotes(bilingual_store, "")
    assert len(everything) == 3
    for typing in ("unit:", "region:", "unit: region:", "type:"):
        assert quotes(bilingual_store, typing) == everything, typing
    assert quotes(bilingual_store, "unit:u") == ["120亿美元", "10 billion US dollars"]
    assert quotes(bilingual_store, "unit:usd") == quotes(bilingual_store, "unit:u")
    assert quotes(bilingual_store, "type:trade") == ["305.57 billion yuan"]
    assert quotes(bilingual_store, "unit:zz") == []
    assert bilingual_store.fact_facets("unit:u").units == [("USD", 2)]
    assert bilingual_store.fact_facets("unit:zz").counted == 0


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("songjiang | chengdu", ["40 billion yuan", "50 billion yuan", "20 billion yuan"]),
        ("song | chengdu 2019", ["50 billion yuan", "10 billion yuan", "20 billion yuan"]),
        ("^song", ["10 billion yuan", "20 billion yuan"]),  # the whole word first
        ("^songjiang", ["20 billion yuan"]),
        ("^shanghai", []),  # Songjiang's line starts with its own name, not its parent's
        ("shanghai", ["20 billion yuan"]),
        ("jiang$", ["20 billion yuan"]),
        ("chuan$ 2019", ["30 billion yuan", "40 billion yuan", "50 billion yuan"]),
        ("zzz$", []),
    ],
)
def test_fzf_operators(ranked_store: Store, query: str, expected: list[str]) -> None:
    add_document(ranked_store, [exported("Chengdu", "510100", "2020", 40)])
    assert quotes(ranked_store, query) == expected


@pytest.mark.parametrize(
    "word", ["sichuan", "外资", "a-b", "unit:usd", "'exports", ">1", "yuan | x"]
)
def test_a_long_query_is_cut_with_a_notice(bilingual_store: Store, word: str) -> None:
    results = bilingual_store.search_facts(" ".join([word] * 3000))
    assert results.notice is not None and "first 16 terms" in results.notice
    short = bilingual_store.search_facts(" ".join([word] * 5))
    assert [h.fact.id for h in results.hits] == [h.fact.id for h in short.hits]
    assert short.notice is None


def test_one_huge_token_is_cut_too(bilingual_store: Store) -> None:
    query = "-".join(["sichuan"] * 2000)
    results = bilingual_store.search_facts(query)
    assert results.notice is not None and "256 characters" in results.notice
    assert results.hits == bilingual_store.search_facts(query[:256]).hits
    assert len(results.hits) == 2


def test_counts_stay_honest_past_the_candidate_cap(
    bilingual_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factscope.db import factsearch

    monkeypatch.setattr(factsearch, "CANDIDATE_CAP", 1)
    counted = bilingual_store.search_facts("foreign investment")
    assert (counted.total, counted.capped) == (2, False)  # counted through FTS
    # A Chinese substring is found by reading each fact's text: rather than read them all
    # to count, the total is what was found, flagged as a lower bound.
    scanned = bilingual_store.search_facts("使用外资")  # inside 实际使用外资: no FTS prefix
    assert (scanned.total, scanned.capped) == (1, True)
    assert [h.fact.quote for h in scanned.hits] == ["120亿美元"]
