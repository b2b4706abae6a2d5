"""The fact query language: tokens, operators, bounds, and the SQL they become."""

from __future__ import annotations

import pytest

from factscope.db.factquery import (
    MAX_TERMS,
    FactQuery,
    fts_expression,
    parse_fact_query,
    sql_filters,
)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("songj trade 2020", FactQuery(words=["songj", "trade", "2020"])),
        ("region:sichuan trade", FactQuery(words=["trade"], fields={"region": ["sichuan"]})),
        ("period:2020 unit:CNY", FactQuery(fields={"period": ["2020"], "unit": ["CNY"]})),
        (
            "kind:share type:exports",
            FactQuery(fields={"kind": ["share"], "metric_type": ["exports"]}),
        ),
        (">1e9 <=2bn", FactQuery(comparisons=[(">", 1e9), ("<=", 2e9)])),
        ("'exact !not", FactQuery(exact=["exact"], excluded=["not"])),
        # Malformed tokens are plain text, never errors; a field token still being typed
        # ("region:") asks for nothing yet.
        ("region: >abc !", FactQuery(words=[">abc"])),
        ("color:red", FactQuery(words=["color:red"])),  # unknown field
        ("", FactQuery()),
        ("unit: type:", FactQuery()),  # field tokens still being typed ask for nothing
        ("a | b c", FactQuery(words=["c"], any_of=[["a", "b"]])),
        ("| a |", FactQuery(words=["a"])),  # a "|" with nothing on one side joins nothing
        ("^song jiang$ $ ^", FactQuery(anchored=["song"], suffixes=["jiang"])),
    ],
)
def test_parse_fact_query(query: str, expected: FactQuery) -> None:
    assert parse_fact_query(query) == expected


def test_bounds_cut_terms_and_characters() -> None:
    many = parse_fact_query(" ".join(f"w{i}" for i in range(100)))
    assert many.words == [f"w{i}" for i in range(MAX_TERMS)]
    assert many.notice is not None
    assert parse_fact_query("w " * MAX_TERMS).notice is None
    long = parse_fact_query("x" * 10_000)
    assert long.words == ["x" * 256] and long.notice is not None


@pytest.mark.parametrize(
    ("query", "match", "filters"),
    [
        ("songj 2020", '("songj"*) AND ("2020"*)', []),
        ("a | b", '(("a"*) OR ("b"*))', []),
        ("^song", '(region : (^ "song"*))', []),
        # metric words also name their metric type, in either language, unless the type's
        # own words (in the metric column) already match
        ("exports", '("exports"*)', []),
        (
            "gross domestic product",
            '(("gross"* AND "domestic"* AND "product"*) OR (metric : ("gdp")))',
            [],
        ),
        ("foreign investment", '(("foreign"* AND "investment"*) OR (metric : ("fdi")))', []),
        ("外资", None, ["fdi", "外资"]),
        ("period:2019", 'period : ("2019"*)', ["2019%"]),
        # a stored value is also narrowed by the index column that holds its words
        ("unit:CNY kind:share", 'figure : (("cny")) AND figure : (("share"))', ["cny", "share"]),
        ('"NEAR(', '("near"*)', []),  # escaped: FTS operators are text
    ],
)
def test_sql_of_a_query(query: str, match: str | None, filters: list[str]) -> None:
    parsed = parse_fact_query(query)
    assert fts_expression(parsed) == match
    assert sql_filters(parsed)[1] == filters
