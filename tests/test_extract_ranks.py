"""Rank records read from English wording (:mod:`importers.extract.ranks`), sentences our own."""

from __future__ import annotations

import pytest

from factscope.importers.extract.ranks import ranks_in, topping_scope


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exports ranked third in the province.", [("third", 3, "the province")]),
        ("Its trade was No. 2 among cities in central China.",
         [("No. 2", 2, "cities in central China")]),
        ("The figure ranked 14th among Chinese cities.", [("14th", 14, "Chinese cities")]),
        ("Trade grew 9 percent, No. 1 among the western provinces.",
         [("No. 1", 1, "the western provinces")]),
        ("Hubei is China's seventh-largest economy.", [("seventh", 7, "China")]),
        ("Xiamen became the 12th biggest port in the world.", [("12th", 12, "world")]),
        # not ranks: an ordinal that ranks nothing, a "first time", an enumerator
        ("It was the first time the city hosted the fair.", []),
        ("First, the city will cut fees.", []),
        ("The second phase opens in May.", []),
    ],
)  # fmt: skip
def test_ranks_in(text: str, expected: list[tuple[str, int, str | None]]) -> None:
    got = [(text[f.start : f.end], f.rank, f.rank_scope) for f in ranks_in(text, 0, len(text))]
    assert got == expected
    assert all(f.is_rank and f.unit == "rank" for f in ranks_in(text, 0, len(text)))


def test_topping_is_rank_one_with_its_scope() -> None:
    text = "Minhang's output grew 8 percent, topping the other districts in Shanghai."
    found = topping_scope(text, 0, len(text))
    assert found is not None and found[1] == "other districts in Shanghai"
    assert text[found[0] :].startswith("topping")


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Tianjin Port is the world's fifth-largest port.", "world"),
        ("Qingdao became the fifth-busiest port in the world.", "world"),
    ],
)
def test_superlative_ranks_of_the_world(text: str, scope: str) -> None:
    [rank] = ranks_in(text, 0, len(text))
    assert (rank.rank, rank.rank_scope) == (5, scope)
