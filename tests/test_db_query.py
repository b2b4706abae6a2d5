"""FTS5 query escaping: hostile input never raises, and each escaped query runs on SQLite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factscope.db import RawDocument, Store
from factscope.db.query import Term, excerpt, fts_match, has_cjk, parse_terms, split_snippet


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("foreign trade", '"foreign" "trade"*'),
        ('"foreign trade" 2020', '"foreign trade" "2020"*'),
        ('"foreign trade"', '"foreign trade"'),  # a quoted phrase is never a prefix
        ("AND OR NOT", '"AND" "OR" "NOT"*'),  # operators are searched as words
        ("NEAR(a b)", '"NEAR(a" "b)"*'),
        ('say "hi', '"say" "hi"*'),  # an unbalanced quote is dropped
        ("* - : ( )", None),  # nothing searchable
        ("col:value", '"col:value"*'),  # no column filter injection
        ('a""b', '"a""""b"*'),  # inner quotes are doubled
        ("", None),
    ],
)
def test_fts_match(query: str, expected: str | None) -> None:
    assert fts_match(parse_terms(query)) == expected


def test_phrase_terms_keep_words_together() -> None:
    assert parse_terms('"total  foreign trade" up') == [
        Term("total foreign trade", phrase=True),
        Term("up"),
    ]


def test_split_snippet_returns_spans() -> None:
    plain, spans = split_snippet("a \ue000big\ue001 deal \ue000x\ue001")
    assert plain == "a big deal x"
    assert [plain[s:e] for s, e in spans] == ["big", "x"]


def test_excerpt_finds_needles_case_insensitively() -> None:
    snippet, spans = excerpt("Nothing here. Then 出口 rose and 出口 fell.", ["出口"])
    assert [snippet[s:e] for s, e in spans] == ["出口", "出口"]


def test_has_cjk() -> None:
    assert has_cjk("松江")
    assert not has_cjk("Songjiang")


HOSTILE = [
    '"',
    '""',
    "'",
    "AND",
    "NOT foo",
    "foo OR",
    "NEAR(",
    "NEAR(foo bar, 2)",
    "*",
    "foo*",
    "-foo",
    "^foo",
    "title:foo",
    "{title text}: foo",
    "(((",
    ")",
    "foo + bar",
    "出",
    "出口",
    "进出口",
    "\x00",
    "0\x00",  # FTS5 ends a string at NUL: found by hypothesis
    "\ue000",
    "' OR 1=1 --",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_run_against_sqlite(store: Store, query: str) -> None:
    store.add_document(
        RawDocument(text="Foreign trade rose. 外贸进出口总额 NEAR title", title="t", source="s"), []
    )
    hits = store.search(query)
    assert all(hit.snippet for hit in hits)
    assert store.search_count(query) == len(store.search(query, limit=100))
    store.search(query, prefix=True)


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One store for the property test (hypothesis reruns the body, not the fixture)."""
    with Store.open(tmp_path_factory.mktemp("q") / "q.db") as opened:
        opened.add_document(RawDocument(text="Trade 外贸进出口 rose", title="t", source="s"), [])
        yield opened


@settings(max_examples=80, deadline=None)
@given(query=st.text(max_size=30))
def test_any_text_is_a_safe_query(shared_store: Store, query: str) -> None:
    shared_store.search(query)
    shared_store.search(query, prefix=True)
    shared_store.search_count(query)
