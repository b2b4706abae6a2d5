"""The word cues around place names (:mod:`importers.extract.region_cues`)."""

from __future__ import annotations

import pytest

from factscope.importers.extract._fold import fold_case
from factscope.importers.extract.region_cues import (
    ANAPHOR_FOLDED_RE,
    COMPARAND_RE,
    DESTINATION_GATE_RE,
    DESTINATION_RE,
    EXAMPLE_RE,
    LEAD_ADVERBIAL_RE,
    SUPERLATIVE_AFTER_RE,
    find_anaphors,
    is_title_case,
)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Sichuan's Foreign Trade Passes 800 Billion Yuan", True),
        ("Trade of the Province in 2021", True),
        ("Sichuan's foreign trade passes 800 billion yuan", False),
        ("Two Words", False),  # too short to tell
        ("Exports Of Five Cities rose", True),  # four in five: the bound itself
        ("Exports Of Five cities rose", False),
        ("exports rose In Five Big Cities Of The West Coast", True),  # lower-case ones first
    ],
)
def test_is_title_case(line: str, title: bool) -> None:
    assert is_title_case(line) is title


@pytest.mark.parametrize(
    ("before", "kind"),
    [
        ("the second city after ", None),
        ("faster than ", "own"),
        ("second only to ", "own"),
        ("has led ", None),
        ("exports to ", "no match"),
    ],
)
def test_comparand_words(before: str, kind: str | None) -> None:
    m = COMPARAND_RE.search(before)
    if kind == "no match":
        assert m is None
    else:
        assert m is not None and (m.group("own") and "own") == kind


def test_superlative_after_a_possessive_place() -> None:
    assert SUPERLATIVE_AFTER_RE.match("'s third-largest economy")
    assert SUPERLATIVE_AFTER_RE.match("’s biggest port")
    assert not SUPERLATIVE_AFTER_RE.match("'s exports")


@pytest.mark.parametrize(
    ("text", "nouns"),
    [
        ("the city's GDP", ["city"]),
        ("(this province) and our country", ["province", "country"]),
        ("in my whole county", ["county"]),
        ("bathe city, clothe zone, dour state, gummy area", []),  # not after a word boundary
        ("soothe province. The district", ["district"]),
        (
            "My city, our whole nation's and this autonomous region's: the CBD",
            ["city", "nation", "autonomous region", "cbd"],
        ),
    ],
)
def test_anaphors_start_at_a_word_boundary(text: str, nouns: list[str]) -> None:
    found = list(ANAPHOR_FOLDED_RE.finditer(fold_case(text)))
    assert [m.group("noun") for m in found] == nouns
    # the faster scan, one pattern per determiner, finds the same matches in the same order
    fast = find_anaphors(fold_case(text))
    assert [(m.span(), m.groupdict()) for m in fast] == [(m.span(), m.groupdict()) for m in found]


@pytest.mark.parametrize(
    "before",
    [
        "goods exported TO ", "sold to ", "imports From the ", "a shift toward ",
        "ships heading towards northern ", "tourists ARRIVING in ", "tea shipped to ",
        "Trade with ", "trading with the ", "commerce with ", "cooperation with ",
        "ties with southwest ", "business with Japan's ",
    ],
)  # fmt: skip
def test_every_destination_holds_a_gate_word(before: str) -> None:
    # the gate skips the pattern where it finds none of its words: it must never miss one
    assert DESTINATION_RE.search(before)
    assert DESTINATION_GATE_RE.search(fold_case(before))


def test_sentence_openers_match_at_a_sentence_start_inside_the_text() -> None:
    text = "Trade grew. In the first half, Sichuan led. For example, Chengdu grew."
    lead = LEAD_ADVERBIAL_RE.match(text, 12)
    assert lead is not None and text[lead.end() :].startswith("Sichuan")
    assert EXAMPLE_RE.match(text, text.index("For example"))
    assert not EXAMPLE_RE.match(text, 0) and not LEAD_ADVERBIAL_RE.match(text, 0)


def test_comparand_before_reads_the_words_before_a_place() -> None:
    from factscope.importers.extract.region_cues import comparand_before

    cases = {
        "grew faster than Sichuan": "own", "second only to Sichuan": "own",
        "the second city after Sichuan": "other", "trailing the Sichuan": "other",
        "exports to Sichuan": "", "the capital of Sichuan": "", "Sichuan": "",
        "than that of Sichuan": "own",
    }  # fmt: skip
    for text, expected in cases.items():
        assert comparand_before(text, text.index("Sichuan")) == expected, text


def _comparand_as_before(text: str, start: int) -> str:
    """comparand_before as written before it could read the caller's words: the 24
    characters before the place lower-cased and split, then COMPARAND_RE."""
    from factscope.importers.extract.region_cues import _BEFORE_OF_TO, COMPARAND_LAST_WORDS

    words = text[start - 24 if start > 24 else 0 : start].lower().split()
    if words and words[-1] == "the":
        words.pop()
    if not words or words[-1] not in COMPARAND_LAST_WORDS:
        return ""
    if words[-1] in ("of", "to") and (len(words) < 2 or words[-2] not in _BEFORE_OF_TO):
        return ""
    found = COMPARAND_RE.search(text, start - 60, start)
    return "" if found is None else ("own" if found.group("own") else "other")


def test_comparand_before_with_the_callers_words_answers_as_before() -> None:
    # the 25 characters' words are handed over from _collect; the first of them may be one
    # character longer than in the 24 characters comparand_before reads: every offset of
    # texts whose words fall on both sides of that edge, each with one and two-letter words
    from factscope.importers.extract.region_cues import comparand_before, words_before

    texts = [
        "grew faster than that of Sichuan; ahead of the Sichuan; second only to Sichuan, "
        "x than the Sichuan; ab of Sichuan and ahead of Sichuan; trailed Sichuan; only to A",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z than of to the led after Hebei",
        "THAN THE Sichuan, Ahead Of Sichuan, the second city after Sichuan, only after Tibet",
        "İİİİİİİİİİİİİİİİİİİİİİ than Hebei \xa0ahead\xa0of\xa0Hebei\nthan\nthe\nHebei",
        # three words or fewer in 25 characters: comparand_before reads its own 24
        *(f"grew faster than that{' ' * n}of the Sichuan" for n in range(8, 18)),
    ]
    seen = {"own": 0, "other": 0}
    for text in texts:
        for start in range(len(text) + 1):
            expected = _comparand_as_before(text, start)
            assert comparand_before(text, start) == expected, (text, start)
            assert comparand_before(text, start, words_before(text, start)) == expected
            if expected:
                seen[expected] += 1
    assert seen["own"] > 5 and seen["other"] > 5
