"""Sentence splitting on damaged news text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factscope.importers.extract import sentences
from factscope.importers.extract.sentences import split_paragraphs, split_sentences, split_text
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


# The splitter as it was before its one walk over the marks: re.finditer per line and the
# word before a full stop by a regular expression; the present one must split alike.
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _reference_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE_RE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in sentences.ABBREVIATIONS:
        return True
    return bool(sentences._INITIALS_RE.fullmatch(word)) and m.group(1)[0].isupper()


def _reference_split(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line_end in [*(m.start() for m in re.finditer("\n", text)), len(text)]:
        cursor = line_start
        for m in sentences._BOUNDARY_RE.finditer(text, line_start, line_end):
            punct_start = m.start("punct")
            if m.group("punct") == "." and _reference_abbreviation(text, punct_start):
                continue
            glued = not m.group("space") and m.group("punct")[-1] not in "。！？"
            if glued and not m.group("close"):
                before = text[punct_start - 1] if punct_start > 0 else ""
                if not (before.islower() or before.isdigit()):
                    continue
            span = sentences._trimmed(text, cursor, m.end("close"))
            spans.extend([span] if span else [])
            cursor = m.end("close")
        span = sentences._trimmed(text, cursor, line_end)
        spans.extend([span] if span else [])
        line_start = line_end + 1
    return spans


_TRICKY = [
    "Up 3.5%. Next!? “Yes.” (No.) A.B. c..d 28.So 。好！再？ x?! \u3000y. ) ...", ".", "",
    "U.S. exports rose. Mr. Li said.\nCo.\n.Ltd. grew", "a\n.\nB. C.D. e.g. X", "ltd.. Next",
    "The No. 2 port.\n\nIts J. Smith?“Fine.” 12.5. So 28.So\n\n", "abcdefghijklmnop. Q",
    "Xinhua\n. He", "A.\n\n\nB.", "  .  \n  ", "end.”Then (x.) [y.] It", "s.t. U.S.A. Go",
    "上半年增长。\n全年。\n\n好！", "Rose. \nFell.\n \n\u3000。",
]  # fmt: skip


def test_split_walks_the_marks_as_finditer_split_each_line() -> None:
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    texts = _TRICKY + [p.read_text(encoding="utf-8") for p in sorted(samples.iterdir())]
    found = 0
    for text in texts:
        assert split_sentences(text) == _reference_split(text), text[:60]
        assert split_text(text) == (_reference_split(text), split_paragraphs(text)), text[:60]
        found += len(_reference_split(text))
    assert found > 100


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZs.U. \n\u3000!?。”)Co1", max_size=40))
def test_split_agrees_with_the_reference_on_random_text(text: str) -> None:
    assert split_text(text) == (_reference_split(text), split_paragraphs(text))
    for dot in [i for i, c in enumerate(text) if c == "."]:
        assert sentences._is_abbreviation(text, dot) == _reference_abbreviation(text, dot)
