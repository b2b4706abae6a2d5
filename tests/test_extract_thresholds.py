"""Milestones crossed (issue 13, class 5): a round amount crossed beside the amount itself is a
threshold fact; the only statement of an amount after a crossing verb stays a level. All
sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from factscope.importers.extract import extract_facts
from factscope.importers.extract.thresholds import crossed, is_milestone, skips_milestone

PUBLISHED = dt.date(2023, 12, 20)


def _kinds(text: str) -> dict[str, tuple[str, float | None]]:
    return {f.quote: (f.kind, f.change_percent) for f in extract_facts(text, PUBLISHED)}


@pytest.mark.parametrize(
    ("text", "milestone", "amount"),
    [
        ("Shaanxi's trade topped 400 billion yuan for the first time, reaching 412.5 billion "
         "yuan.", "400 billion yuan", "412.5 billion yuan"),
        ("Gansu sold goods worth 61.3 billion yuan abroad, exceeding 60 billion yuan for the "
         "first time.", "60 billion yuan", "61.3 billion yuan"),
        ("In October, trade reached 52.7 billion yuan. It was the second time that monthly "
         "trade had passed 50 billion yuan.", "50 billion yuan", "52.7 billion yuan"),
        ("今年前11个月，全省出口3.1万亿元，出口规模首次突破3万亿元。", "3万亿元", "3.1万亿元"),
    ],
)  # fmt: skip
def test_a_crossed_milestone_is_a_threshold(text: str, milestone: str, amount: str) -> None:
    got = _kinds(text)
    assert got[milestone][0] == "threshold"
    assert got[amount][0] == "level"


@pytest.mark.parametrize(
    "text",
    [
        # the only statement of the amount: a level with its qualifier
        "Qinghai's trade surpassed 5 billion yuan for the first time in 2022.",
        "Ningxia's exports passed 20 billion yuan.",
    ],
)
def test_the_only_statement_of_an_amount_stays_a_level(text: str) -> None:
    assert [kind for kind, _ in _kinds(text).values()] == ["level"]


def test_a_growth_skips_the_milestone_to_reach_its_amount() -> None:
    got = _kinds(
        "Henan's imports rose by 12.1% year on year, exceeding 300 billion yuan, reaching "
        "305.8 billion yuan."
    )
    assert got["305.8 billion yuan"] == ("level", 12.1)
    assert got["300 billion yuan"] == ("threshold", None)


def test_helpers_read_the_wording() -> None:
    assert is_milestone("trade topped ", "9 billion yuan", " for the first time, reaching 9.2")
    assert not is_milestone("trade reached ", "9 billion yuan", " for the first time")
    assert skips_milestone(", reaching 9")
    assert not skips_milestone(", while imports reached 9")


@pytest.mark.parametrize(
    "verb",
    ["exceeded", "Topped", "PASSING", "surpasses", "crossed the mark of", "broke through",
     "Breaking the", "hit the", "paſsed", "首次突破", "破", "超过", "跨过", "迈上", "站上"],
)  # fmt: skip
def test_every_crossing_wording_is_seen(verb: str) -> None:
    # the cheap look for a piece of the wording must let every case of it through
    assert crossed(f"Foreign trade {verb} US$")
    assert not crossed(f"Foreign trade {verb} US$ in 2020, reaching")
