"""Rank records read from English wording (:mod:`importers.extract.ranks`), sentences our own."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factscope.importers.extract import extract_facts, ranks
from factscope.importers.extract._fold import fold_case
from factscope.importers.extract.numbers import scan_numbers
from factscope.importers.extract.ranks import OrdinalHits, ranks_in, topping_scope


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


# The per-sentence gates OrdinalHits replaced, kept here as the reference it must agree with.
_ORDINAL_GATE_RE = re.compile(
    r"no\.|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d(?:st|nd|rd|th)"
)
_ORDINAL_QUICK_RE = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b|第|首位"
)
_DIGIT_ORDINAL_RE = re.compile(r"\d(?:st|nd|rd|th)\b")
_EDGES = (
    "It ranked 19th, then 2nd_ and the 3rds; firstly, unfirst and first-class firms came "
    "first. No. 4 and no.5 rose; ninth_tenth 10th居全国第3位，首位。２１st tenths of 1st"
)


def _texts() -> list[str]:
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    return [_EDGES] + [p.read_text(encoding="utf-8") for p in sorted(samples.iterdir())]


def test_ordinal_hits_answer_as_the_window_searches_did() -> None:
    rng = random.Random(19)
    checked = 0
    for text in _texts():
        folded = fold_case(text)
        hits = OrdinalHits(folded)
        windows = [(rng.randrange(len(text)), rng.randrange(60)) for _ in range(300)]
        windows += [(lo, 0) for lo in range(0, len(text), 7)]
        for lo, width in windows:
            hi = min(len(text), lo + width) if width else min(len(text), lo + 40)
            gate = _ORDINAL_GATE_RE.search(folded, lo, hi) is not None
            quick = bool(
                _ORDINAL_QUICK_RE.search(folded, lo, hi) or _DIGIT_ORDINAL_RE.search(folded, lo, hi)
            )
            assert hits.any_in(lo, hi) == gate, (text[lo:hi], lo, hi)
            assert hits.bounded_in(lo, hi) == quick, (text[lo:hi], lo, hi)
            checked += gate + quick
    assert checked > 100  # the windows found ordinals, not only their absence


def test_topping_ranks_the_amount_of_a_whole_text() -> None:
    # through extract_facts: the text-wide look for "top" must let the sentence's reading run
    text = "Minhang's output reached 300 billion yuan in 2021, topping the other districts."
    [amount] = [f for f in extract_facts(text) if f.unit == "CNY"]
    assert (amount.rank, amount.rank_scope) == (1, "other districts")


@pytest.mark.parametrize(
    ("text", "skips"),
    [
        ("Exports, which were worth a great deal in the year, ranked first in the province.", True),
        ("The port finishing                                   in the top spot was third.", False),
        (
            "The port finishing in   the                                  third place overall.",
            False,
        ),
        ("After a long and winding year of reforms it ranked 12th nationwide, then 3rd.", True),
        ("It is      the                                                      first.", False),
        ("Output (steel, cement and glass) of the smelters, remained No. 2 in China.", True),
        (
            "Tourism revenue ranked fifth in Jiangsu and the province's exports ranked second.",
            False,
        ),
    ],
)
def test_rank_scan_starts_where_no_match_is_lost(text: str, skips: bool) -> None:
    # the scan from rank_scan_start finds what the scan of the whole sentence found, for
    # long gaps of letters and spaces before the ordinal (where it must start at the
    # sentence) as for gaps no match can span (where it skips the sentence's start)
    folded = fold_case(text)
    first = OrdinalHits(folded).first_in(0, len(text))
    lo = ranks.rank_scan_start(folded, 0, first)
    whole = [m.span() for m in ranks._RANK_FOLDED_RE.finditer(folded, 0, len(text))]
    assert whole
    assert [m.span() for m in ranks._RANK_FOLDED_RE.finditer(folded, lo, len(text))] == whole
    assert (lo > 0) is skips


@pytest.mark.parametrize(
    "text",
    [
        "ranked 19th, 1,2nd and 5.3rd; x1st 21st", "３three ３rd ٣th ２nd", "第３名 ２nd", "1st",
        "no ordinal here", "",
    ],
)  # fmt: skip
def test_digit_ordinals_of_the_number_scan_are_the_ordinal_scan(text: str) -> None:
    # the numeral scan (numbers.scan_numbers) reports the digit ordinals OrdinalHits
    # otherwise scans for: ASCII ones after a digit token, others (\d) on their own
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    for each in [text, *(p.read_text(encoding="utf-8") for p in sorted(samples.iterdir())[:4])]:
        folded = fold_case(each)
        digits = scan_numbers(each, folded)[1]
        assert OrdinalHits(folded, digits)._hits == OrdinalHits(folded)._hits


@pytest.mark.parametrize(
    "text",
    ["fourthfifth sixthth eighth-eighth tenthousand ninth", "the seventh, the 4th, no. 3", ""],
)
def test_th_scan_lists_every_ordinal_word_as_a_find_per_word_did(text: str) -> None:
    folded = fold_case(text)
    found = sorted(
        (m.start(), m.end()) for word in ranks.ORDINAL_WORDS for m in re.finditer(word, folded)
    )
    words = [(a, b) for a, b, kind in OrdinalHits(folded)._hits if kind == ranks._WORD]
    assert words == found


_RANK_PIECES = [
    "ranked", "Ranking", "was", "is", "this", "became", "finished", "in", "the", "The", "first",
    "Third", "No.", "no. ", "12th", "1234th", "٣rd", "tenth", "2nd", " ", "  ", "\xa0", "\n",
    ",", "x", "among cities", "nationwide",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_RANK_PIECES), max_size=8).map("".join))
def test_rank_verb_gate_is_necessary(text: str) -> None:
    # a sentence whose ordinals have no verb before them holds no _RANK_RE match
    folded = fold_case(text)
    hits = OrdinalHits(folded)
    for lo in range(min(len(text), 3) + 1):
        if not any(ranks.verb_before(folded, lo, at) for at in hits.starts_in(lo, len(text))):
            assert ranks._RANK_FOLDED_RE.search(folded, lo) is None


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("It ranked third", 10, True), ("It was the 12th", 11, True),
        ("placed\xa0 the  first", 13, True), ("It finished  in the second", 20, True),
        ("in the first half", 7, False), ("It ranked 1234th", 11, False),
        ("ranked first", 0, False), ("rankedfirst", 6, False),
    ],
)  # fmt: skip
def test_verb_before_table(text: str, at: int, expected: bool) -> None:
    folded = fold_case(text)
    ordinal_at = OrdinalHits(folded).starts_in(0, len(text))
    assert (at in ordinal_at or not expected) and ranks.verb_before(folded, 0, at) is expected


_LARGEST_PIECES = [
    "fifth", "Second", "third", "12th", "2nd", "٣rd", "first", "-", " ", "\xa0", "\n", "largest",
    "Biggest", "busiest", "highest", "richest", "richer", "port", "China's", "world's", "x",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LARGEST_PIECES), max_size=7).map("".join))
def test_superlative_look_is_necessary(text: str) -> None:
    # a sentence with no ordinal before a superlative holds no _LARGEST_RE match
    folded = fold_case(text)
    digits = scan_numbers(text, folded)[1]
    for hits in (OrdinalHits(folded), OrdinalHits(folded, digits)):
        if not hits.superlative_in(0, len(text)):
            assert ranks._LARGEST_RE.search(text) is None


def test_superlative_look_edges() -> None:
    for text, found in [
        ("the fifth-largest", True), ("its 12th \xa0biggest", True), ("second largest", True),
        ("fifthlargest", False), ("the fifth of the largest", False), ("first richest", True),
    ]:  # fmt: skip
        assert OrdinalHits(fold_case(text)).superlative_in(0, len(text)) is found
