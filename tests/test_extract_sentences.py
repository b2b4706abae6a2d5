"""Sentence splitting on damaged news text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factscope.importers.extract import sentences
from factscope.importers.extract.sentences import split_paragraphs, split_sentences
from factscope.importers.extract.text_index import offsets_of


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials met the press.Building a port is next.",
            ["Officials met the press.", "Building a port is next."],
        ),
        ("The count reached 41.So far so good.", ["The count reached 41.", "So far so good."]),
        (
            "It ranked No. 3 in the province. Exports rose.",
            ["It ranked No. 3 in the province.", "Exports rose."],
        ),
        (
            "Trade with the U.S. market grew. Imports fell.",
            ["Trade with the U.S. market grew.", "Imports fell."],
        ),
        (
            "Hubei Lida Co., Ltd. said it would. Then it did.",
            ["Hubei Lida Co., Ltd. said it would.", "Then it did."],
        ),
        ("Prices were 3.5 yuan.\xa0Volumes rose.", ["Prices were 3.5 yuan.", "Volumes rose."]),
        ("“We grew fast.” He said so.", ["“We grew fast.”", "He said so."]),
        ("出口增长。进口下降。", ["出口增长。", "进口下降。"]),
        ("Headline\nBody text here.", ["Headline", "Body text here."]),
    ],
)
def test_split_table(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_spans_are_trimmed_and_ordered() -> None:
    text = "  One.  Two!\n\n\xa0Three?  "
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["One.", "Two!", "Three?"]
    assert spans == sorted(spans)


def test_paragraphs_are_lines() -> None:
    text = "Title\n\n  First para. Still first.\nSecond para.\n"
    assert [text[a:b] for a, b in split_paragraphs(text)] == [
        "Title",
        "First para. Still first.",
        "Second para.",
    ]


@pytest.mark.parametrize(
    "text",
    ["", ";", "a;b；c;", "；；;;", "no marks here", "x\n;\n；\ny", "“a”; b；\u3000c", "\n\n"],
)
def test_offsets_of_finds_what_a_character_class_finds(text: str) -> None:
    # the str.find scans replaced re.finditer of "[;；]" and "\n": same offsets, in order
    assert offsets_of(text, ";；") == [m.start() for m in re.finditer("[;；]", text)]
    assert offsets_of(text, "\n") == [m.start() for m in re.finditer("\n", text)]


def test_boundaries_tried_at_the_stops_are_what_finditer_finds() -> None:
    # the boundary scan became matches at str.find's stops: same matches, every window
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    texts = ["Up 3.5%. Next!? “Yes.” (No.) A.B. c..d 28.So 。好！再？ x?! \u3000y. ) ...", "."]
    texts += [p.read_text(encoding="utf-8") for p in sorted(samples.iterdir())]
    found = 0
    for text in texts:
        stops = offsets_of(text, sentences._STOPS)
        for lo, hi in ((0, len(text)), (1, len(text) - 1), (7, len(text) // 2)):
            got = [m.span() for m in sentences._boundaries(text, stops, lo, hi)]
            assert got == [m.span() for m in sentences._BOUNDARY_RE.finditer(text, lo, hi)]
            found += len(got)
    assert found > 50
