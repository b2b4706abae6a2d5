"""Every Chinese word of the lexicon is read by the pattern built from it."""

from __future__ import annotations

import pytest

from factscope.importers.extract import cjk
from factscope.importers.extract._fold import fold_case
from factscope.importers.extract.numbers import SCALES, find_numbers
from factscope.importers.lexicon import zh


@pytest.mark.parametrize(("word", "symbol"), list(zh.QUALIFIERS_BEFORE.items()))
def test_every_qualifier_before_states_its_operator(word: str, symbol: str) -> None:
    assert cjk.qualifier(f"出口额{word}", "亿元") == symbol


@pytest.mark.parametrize(("word", "guards"), list(zh.QUALIFIER_NOT_AFTER.items()))
def test_a_guarded_qualifier_inside_another_word_is_none(word: str, guards: str) -> None:
    for guard in guards:
        assert cjk.qualifier(f"出口{guard}{word}", "亿元") is None


@pytest.mark.parametrize(("word", "symbol"), list(zh.QUALIFIERS_AFTER.items()))
def test_every_qualifier_after_states_its_operator(word: str, symbol: str) -> None:
    assert cjk.qualifier("出口额为", f"{word}。") == symbol


@pytest.mark.parametrize(
    ("word", "negative"),
    [(w, False) for w in zh.GROWTH_VERBS_UP] + [(w, True) for w in zh.GROWTH_VERBS_DOWN],
)
def test_every_growth_verb_signs_a_percent(word: str, negative: bool) -> None:
    found = cjk.read_change(f"出口同比{word}")
    assert found is not None and found[0] is negative and found[1] == "yoy"


@pytest.mark.parametrize("word", zh.QUALIFIERS_IN_GROWTH)
def test_a_qualifier_may_stand_between_verb_and_percent(word: str) -> None:
    assert cjk.read_change(f"出口增长{word}") is not None


@pytest.mark.parametrize(("word", "unit"), list(zh.DURATION_UNITS.items()))
def test_every_duration_measure_word_has_its_unit(word: str, unit: str) -> None:
    assert cjk.DURATION_BEFORE_RE.search("连续") is not None
    m = cjk.DURATION_RE.match(f"{word}保持增长")
    assert m is not None and cjk.DURATION_UNITS[m.group("unit")] == unit


def test_scale_characters_are_the_numbers_scales() -> None:
    assert all(SCALES[w] == f for w, f in zh.SCALE_WORDS.items())


@pytest.mark.parametrize("word", [*zh.COUNT_MEASURE_WORDS, "个"])
def test_every_count_measure_word_counts(word: str) -> None:
    m = cjk.COUNT_RE.match(f"{word}企业")
    assert m is not None and m.group("word") == word
    assert cjk.COUNT_RE.match("个月") is None


@pytest.mark.parametrize("word", list(zh.SCALE_WORDS))
def test_every_scale_character_scales_digits(word: str) -> None:
    text = f"出口额3{word}元"
    (num,) = find_numbers(text, fold_case(text))
    assert (num.value, num.scale) == (3.0, zh.SCALE_WORDS[word])


@pytest.mark.parametrize("word", zh.NUMERAL_SCALES)
def test_every_numeral_scale_scales_a_numeral_in_characters(word: str) -> None:
    assert [n[2:4] for n in cjk.find_numerals(f"出口额两{word}元")] == [(2.0, zh.SCALE_WORDS[word])]
