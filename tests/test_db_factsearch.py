"""Fuzzy fact search: query parsing tables, ranking tiers, filters, executed on real SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factscope.db import Fact, RawDocument, Region, Store
from factscope.db.factquery import parse_fact_query
from factscope.db.factsearch import Candidate, fold, rank

REGIONS = [
    Region(id="CN", name="China", level="country"),
    Region(id="310000", name="Shanghai", level="municipality", parent_id="CN"),
    Region(
        id="310117",
        name="Songjiang District",
        level="district",
        parent_id="310000",
        name_zh="松江区",
    ),
    Region(id="510000", name="Sichuan Province", level="province", parent_id="CN"),
]


def _candidate(
    fact_id: int, region: str, metric: str, period: str | None, value: float
) -> Candidate:
    return Candidate(fact_id, fold(f"{region} {metric} {period or ''}"), period, value)


def test_whole_words_rank_before_prefixes_before_fuzzy() -> None:
    candidates = [
        _candidate(1, "Tradeville", "exports", "2020", 1),  # prefix only
        _candidate(2, "Songjiang", "total trade volume", "2020", 1),  # whole word
    ]
    ranked = rank(parse_fact_query("trade"), candidates)
    assert [c.fact_id for c, _ in ranked] == [2, 1]


def test_ties_go_to_latest_period_then_largest_value() -> None:
    candidates = [
        _candidate(1, "Sichuan", "trade", "2019", 9),
        _candidate(2, "Sichuan", "trade", "2020", 1),
        _candidate(3, "Sichuan", "trade", "2020", 5),
        _candidate(4, "Sichuan", "trade", None, 100),
    ]
    ranked = rank(parse_fact_query("sichuan trade"), candidates)
    assert [c.fact_id for c, _ in ranked] == [3, 2, 1, 4]


TEXT = (
    "Songjiang's total foreign trade volume reached 305.57 billion yuan in 2020, up 13.1 percent."
    "\nSichuan's foreign trade was 808.15 billion yuan in 2020."
    "\nSichuan's exports accounted for 57.6 percent of the total."
)


def _fact(quote: str, **fields: object) -> Fact:
    start = TEXT.index(quote)
    line_start = TEXT.rfind("\n", 0, start) + 1
    line_end = TEXT.find("\n", start)
    return Fact(
        start=start,
        end=start + len(quote),
        quote=quote,
        number_quote=quote.split(" ")[0],
        sentence_start=line_start,
        sentence_end=len(TEXT) if line_end < 0 else line_end,
        **fields,
    )


@pytest.fixture
def fact_store(any_store: Store) -> Store:
    facts = [
        _fact(
            "305.57 billion yuan",
            value=305.57,
            unit="CNY",
            scale=1e9,
            normalized=305.57e9,
            region="Songjiang District",
            region_id="310117",
            metric="total foreign trade volume",
            metric_type="trade_total",
            period="2020",
            change_percent=13.1,
            change_basis="yoy",
        ),
        _fact(
            "808.15 billion yuan",
            value=808.15,
            unit="CNY",
            scale=1e9,
            normalized=808.15e9,
            region="Sichuan Province",
            region_id="510000",
            metric="foreign trade",
            metric_type="trade_total",
            period="2020",
        ),
        _fact(
            "57.6 percent",
            value=57.6,
            unit="percent",
            normalized=57.6,
            kind="share",
            region="Sichuan Province",
            region_id="510000",
            metric="share of exports",
            metric_type="exports",
        ),
    ]
    any_store.add_document(RawDocument(text=TEXT, title="Trade", source="t.txt"), facts, REGIONS)
    return any_store


@pytest.mark.parametrize(
    ("query", "quotes"),
    [
        ("songj trade 2020", ["305.57 billion yuan"]),
        ("shanghai", ["305.57 billion yuan"]),  # a district is found by its parent's name
        ("trade", ["808.15 billion yuan", "305.57 billion yuan"]),  # tie: larger value first
        ("region:sichuan", ["808.15 billion yuan", "57.6 percent"]),
        ("trade region:sichuan", ["808.15 billion yuan"]),  # a field token beside a word
        ("region:sichuan metric:share", ["57.6 percent"]),  # two field tokens
        ("kind:share", ["57.6 percent"]),
        ("unit:cny >500e9", ["808.15 billion yuan"]),
        ("<1bn", ["57.6 percent"]),
        ("type:trade_total period:2020", ["808.15 billion yuan", "305.57 billion yuan"]),
        ("trade !songjiang", ["808.15 billion yuan"]),
        ("'trade", ["808.15 billion yuan", "305.57 billion yuan"]),
        ("13.1", ["305.57 billion yuan"]),  # the change is searchable
        ("trade total", ["808.15 billion yuan", "305.57 billion yuan"]),  # the metric type too
        ("nothing-like-this", []),
        ("松江", ["305.57 billion yuan"]),  # Chinese region names are searchable too
        # Typos: words the index does not know are corrected against its vocabulary.
        ("songjaing trade", ["305.57 billion yuan"]),
        ("sichaun", ["808.15 billion yuan", "57.6 percent"]),
        ("shanghia trade 2020", ["305.57 billion yuan"]),
    ],
)
def test_search_facts_on_both_backends(fact_store: Store, query: str, quotes: list[str]) -> None:
    results = fact_store.search_facts(query)
    assert [h.fact.quote for h in results.hits] == quotes
    assert results.total == len(quotes)
    for hit in results.hits:
        assert hit.document_title == "Trade"


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("songjaing trade", ["songjiang", "trade"]),  # the correction, not the typo
        ("songj trade 2020", ["songj", "trade", "2020"]),
        ("unit:c region:sichuan >1e9 !wuxi", ["sichuan", "CNY"]),  # completed, not excluded
        ("'trade exports | imports ^song", ["trade", "song", "exports", "imports"]),
    ],
)
def test_results_carry_the_terms_searched_for(
    fact_store: Store, query: str, terms: list[str]
) -> None:
    assert fact_store.search_facts(query).terms == terms


def test_limit_keeps_total_honest(fact_store: Store) -> None:
    results = fact_store.search_facts("", limit=1)
    assert len(results.hits) == 1
    assert results.total == 3 and not results.capped


@settings(max_examples=60, deadline=None)
@given(query=st.text(max_size=25))
def test_any_query_is_safe(tmp_path_factory: pytest.TempPathFactory, query: str) -> None:
    path = tmp_path_factory.getbasetemp() / "hypothesis-facts.db"
    with Store.open(path) as opened:
        opened.search_facts(query)


def test_facets_count_matches_by_region_and_unit(fact_store: Store) -> None:
    facets = fact_store.fact_facets("")
    assert facets.regions == [("Sichuan Province", 2), ("Songjiang District", 1)]
    assert facets.units == [("CNY", 2), ("percent", 1)]
    assert (facets.counted, facets.capped) == (3, False)
    capped = fact_store.fact_facets("", cap=2)
    assert (capped.counted, capped.capped) == (2, True)


def test_regions_with_facts_and_counts(fact_store: Store) -> None:
    ranked = fact_store.regions_with_facts()
    assert [(r.name, n) for r, n in ranked] == [("Sichuan Province", 2), ("Songjiang District", 1)]
    assert fact_store.fact_counts(["310117", "CN"]) == {"310117": 1, "CN": 0}


TOKENS = st.sampled_from(
    [
        "trade",
        "sich",
        "region:sichuan",
        "metric:trade",
        "subject:x",
        "period:2020",
        "unit:cny",
        "kind:share",
        ">1e9",
        "<5",
        "'trade",
        "!songjiang",
        "region:",
        '"',
        "(",
        "NEAR",
        "*",
        "-",
        # operators and tokens being typed
        "|",
        "^song",
        "^",
        "ang$",
        "$",
        "unit:",
        "unit:u",
        "type:zz",
        "外贸",
        "松江",
        "foreign investment",
    ]
)


@settings(max_examples=80, deadline=None)
@given(tokens=st.lists(TOKENS, max_size=5))
def test_any_combination_of_tokens_is_safe(
    tmp_path_factory: pytest.TempPathFactory, tokens: list[str]
) -> None:
    path = tmp_path_factory.getbasetemp() / "hypothesis-tokens.db"
    with Store.open(path) as opened:
        opened.search_facts(" ".join(tokens))
        opened.fact_facets(" ".join(tokens))


def test_chinese_words_are_found_inside_chinese_sentences(store: Store) -> None:
    text = "2021年四川省货物贸易进出口总值9513.6亿元，比2020年增长17.6%。"
    quote = "9513.6亿元"
    start = text.index(quote)
    fact = Fact(
        start=start,
        end=start + len(quote),
        quote=quote,
        number_quote="9513.6亿",
        value=9513.6,
        unit="CNY",
        scale=1e8,
        normalized=9513.6e8,
        region="Sichuan Province",
        region_id="510000",
        metric_type="trade_total",
        period="2021",
        sentence_start=0,
        sentence_end=len(text),
    )
    regions = [
        *REGIONS[:1],
        Region(
            id="510000", name="Sichuan Province", level="province", parent_id="CN", name_zh="四川省"
        ),
    ]
    store.add_document(RawDocument(text=text, title="四川", source="zh.txt"), [fact], regions)
    for query in ("进出口", "出口 2021", "四川 出口", "sichuan 进出口"):
        assert [h.fact.quote for h in store.search_facts(query).hits] == [quote], query
    assert store.search_facts("进口额").hits == []


def test_underscore_is_a_separator_not_a_word(fact_store: Store) -> None:
    # The tokenizer splits on "_": a lone "_" must not become a term that matches nothing.
    assert [h.fact.quote for h in fact_store.search_facts("songjiang _").hits] == [
        "305.57 billion yuan"
    ]


def test_chinese_words_are_never_corrected(fact_store: Store) -> None:
    """Chinese is matched as substrings: swapping the typed term for a near run of characters
    (松江区外 -> 松江区) would search for something the user did not type."""
    from factscope.db.typos import Vocabulary

    vocabulary = Vocabulary()
    conn = fact_store._conn
    assert "松江区" in vocabulary.terms(conn)
    assert vocabulary.corrections(conn, "松江区外") == []
    assert vocabulary.corrections(conn, "songjaing") == ["songjiang"]


def test_typo_vocabulary_sees_another_process_replace_a_document(db_path: Path) -> None:
    # A replace deletes the old facts and inserts new ones that can take the same ids: a cache
    # keyed on max(id) kept the old words. Two stores on one file stand for two processes.
    text_a = "Wuxi exported 12.5 billion yuan of goods."
    text_b = "Jiaxing exported 12.5 billion yuan of goods."
    with Store.open(db_path) as reader, Store.open(db_path) as writer:
        for text in (text_a, text_b):
            quote = "12.5 billion yuan"
            start = text.index(quote)
            fact = Fact(
                start=start,
                end=start + len(quote),
                quote=quote,
                number_quote="12.5",
                value=12.5,
                metric="exported goods",
                sentence_start=0,
                sentence_end=len(text),
            )
            writer.add_document(RawDocument(text=text, title="T", source="same.txt"), [fact])
            if text is text_a:
                assert reader.search_facts("wuxii").total == 1  # corrected: vocabulary read
        hits = reader.search_facts("jiaxingg").hits
        assert [h.fact.quote for h in hits] == ["12.5 billion yuan"]
