"""Every English word of the lexicon is read by the pattern built from it."""

from __future__ import annotations

import datetime as dt

import pytest

from factscope.importers.dates import find_published
from factscope.importers.extract._fold import fold_case
from factscope.importers.extract.calendar_dates import find_dates
from factscope.importers.extract.changes import read_change
from factscope.importers.extract.numbers import (
    SCALES,
    find_numbers,
    qualifier_after,
    qualifier_before,
)
from factscope.importers.lexicon import en


def test_months_number_the_calendar() -> None:
    assert [en.MONTHS[m.lower()] for m in en.MONTH_NAMES] == list(range(1, 13))
    assert set(en.MONTH_ABBREVIATIONS.values()) == set(range(1, 13)) - {5}


@pytest.mark.parametrize("word", sorted(en.MONTHS))
def test_every_month_word_dates_a_dateline(word: str) -> None:
    number = en.MONTHS[word]
    written = word.capitalize() + ("." if word in en.MONTH_ABBREVIATIONS else "")
    assert find_published(f"{written} 9, 2023\n\nBody.") == dt.date(2023, number, 9)
    assert [d for _, _, d in find_dates(f"on {written} 9, 2023")] == [dt.date(2023, number, 9)]


@pytest.mark.parametrize(("word", "symbol"), list(en.QUALIFIERS_BEFORE.items()))
def test_every_qualifier_before_states_its_operator(word: str, symbol: str) -> None:
    assert qualifier_before(f"exports of {word} ") == (symbol, len(word) + 1)


@pytest.mark.parametrize(("word", "symbol"), list(en.QUALIFIERS_AFTER.items()))
def test_every_qualifier_after_states_its_operator(word: str, symbol: str) -> None:
    assert qualifier_after(f" {word} in 2020") == symbol


@pytest.mark.parametrize(
    ("word", "sign"),
    [(w, 1) for w in en.GROWTH_VERBS_UP] + [(w, -1) for w in en.GROWTH_VERBS_DOWN],
)
def test_every_growth_verb_signs_a_percent(word: str, sign: int) -> None:
    text = f"Exports {word} 5 percent in 2020."
    start = text.index("5 percent")
    change = read_change(text, start, start + 9, 5.0, 0, len(text))
    assert change is not None and change.percent == sign * 5.0


@pytest.mark.parametrize(
    ("word", "sign"),
    [(w, 1) for w in en.GROWTH_NOUNS_UP] + [(w, -1) for w in en.GROWTH_NOUNS_DOWN],
)
def test_every_growth_noun_signs_a_percent(word: str, sign: int) -> None:
    text = f"Exports saw a {word} of 5 percent in 2020."
    start = text.index("5 percent")
    change = read_change(text, start, start + 9, 5.0, 0, len(text))
    assert change is not None and change.percent == sign * 5.0


def test_scale_words_are_the_numbers_scales() -> None:
    assert all(SCALES[w] == f for w, f in en.SCALE_WORDS.items())


@pytest.mark.parametrize("word", en.SPACED_SCALES)
def test_every_spaced_scale_scales_its_numeral(word: str) -> None:
    text = f"exports of 3 {word} yuan"
    (num,) = find_numbers(text, fold_case(text))
    assert (num.value, num.scale) == (3.0, en.SCALE_WORDS[word])


@pytest.mark.parametrize("word", en.GLUED_SCALES)
def test_every_glued_scale_scales_its_numeral(word: str) -> None:
    text = f"exports of 3{word} yuan"
    (num,) = find_numbers(text, fold_case(text))
    assert (num.value, num.scale) == (3.0, en.SCALE_WORDS[word])
