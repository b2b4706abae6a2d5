"""Reading files: decoding, newline normalization, titles, dates and one-line errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factscope.importers.dates import find_published
from factscope.importers.readers import (
    ReadError,
    ReadOptions,
    guess_language,
    guess_title,
)
from factscope.importers.registry import read_path
from tests.conftest import SEEDS, requires_shared


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_text_is_kept_exactly_but_newlines(tmp_path: Path) -> None:
    body = "Title line for a report\r\n\r\nSongjiang\u00a0grew 13.1 percent.\rEnd"
    raw = read_path(_write(tmp_path, "a.txt", body.encode()))
    assert raw.text == body.replace("\r\n", "\n").replace("\r", "\n")
    assert raw.title == "Title line for a report"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("gb18030", "四川外贸进出口总值首次突破九千亿元，其中出口增长百分之二十二。" * 3),
        (
            "latin-1",
            "Les exportations de la région ont augmenté de 9 pour cent. Les entreprises"
            " françaises ont été très actives, malgré la crise économique. À Québec, les"
            " échanges ont progressé. Voilà la réalité économique.",
        ),
        ("utf-16", "UTF-16 with a byte order mark: trade rose 5 percent."),
    ],
)
def test_other_encodings_are_detected(tmp_path: Path, encoding: str, text: str) -> None:
    raw = read_path(_write(tmp_path, "enc.txt", text.encode(encoding)))
    assert raw.text == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ],
)
def test_bad_content_gives_a_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    path = _write(tmp_path, "bad.txt", data)
    with pytest.raises(ReadError, match=reason) as info:
        read_path(path)
    assert info.value.path == str(path)


def test_unsupported_suffix_and_size_limit(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match=r"unsupported file type '\.xyz'"):
        read_path(_write(tmp_path, "a.xyz", b"text"))
    with pytest.raises(ReadError, match="over the"):
        read_path(_write(tmp_path, "big.txt", b"a" * 2000), ReadOptions(max_bytes=1000))


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("# Heading wins\n\nBody text here.", "Heading wins"),
        (
            "| 中文版 |\n\nPress Release for the Media Briefing\n\nBody.",
            "Press Release for the Media Briefing",
        ),
        (
            "Open Governance\nTotal Number of Trade Bases Reaches 28\n\nBody",
            "Total Number of Trade Bases Reaches 28",
        ),
        ("四川外贸进出口总值首次突破9000亿元\n\n正文。", "四川外贸进出口总值首次突破9000亿元"),
        # A document that opens with a paragraph: its first sentence, cut at a word.
        (
            "Monthly trade " + "grew " * 40 + "fast. Next.",
            "Monthly trade " + "grew " * 16 + "grew…",
        ),
        ("1234 5678\n", "fallback"),
    ],
)
def test_guess_title(text: str, title: str) -> None:
    assert guess_title(text, "fallback") == title


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Briefing on October 11, 2024\n\n2024.10.12\n\nBody", dt.date(2024, 10, 12)),
        ("Title\nUpdated: 2021-02-05 10:31\nBody", dt.date(2021, 2, 5)),
        ("Title\nPublished 5 February 2021 by staff", dt.date(2021, 2, 5)),
        ("标题\n2022年1月21日\n正文", dt.date(2022, 1, 21)),
        ("Trade in 2020 rose 13.1 percent.", None),
        ("Date 2021-13-45 is not a date", None),
    ],
)
def test_find_published(text: str, date: dt.date | None) -> None:
    assert find_published(text) == date


def test_guess_language() -> None:
    assert guess_language("四川外贸进出口总值首次突破9000亿元") == "zh"
    assert guess_language("Sichuan trade exceeded 950 billion yuan") == "en"


@requires_shared
def test_every_seed_reads_with_a_title() -> None:
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == 5
    for path in paths:
        raw = read_path(path)
        assert raw.text == path.read_text(encoding="utf-8")
        assert raw.title and len(raw.title) <= 150
