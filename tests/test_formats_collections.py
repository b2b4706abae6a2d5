"""CSV and JSONL collections: a document per row, columns by name or option, bad rows skipped."""

from __future__ import annotations

import datetime as dt
import json
import tracemalloc
from pathlib import Path

import pytest

from factscope.db import Store
from factscope.db.models import RawDocument
from factscope.importers import import_paths
from factscope.importers.formats.collections import read_csv, read_jsonl, sniff_delimiter
from factscope.importers.readers import ReadContext, ReadError, ReadOptions


def _split(items: list[RawDocument | ReadError]) -> tuple[list[RawDocument], list[ReadError]]:
    docs = [i for i in items if isinstance(i, RawDocument)]
    return docs, [i for i in items if isinstance(i, ReadError)]


def _context(name: str, **options: str) -> ReadContext:
    return ReadContext(name, f"/abs/{name}", ReadOptions(**options))  # type: ignore[arg-type]


def test_csv_bom_semicolons_multiline_field_and_a_malformed_row() -> None:
    data = (
        "\ufeffHeadline;Body;Published_At;URL\n"
        'Trade report;"Exports rose 22.5 percent.\n\nImports rose 9 percent.";2021-03-15;https://x/1\n'
        'Broken row;"unterminated "quote" here;2021-03-16;https://x/2\n'
        "Too few fields;only two\n"
        "\n"
        "Output report;Hefei produced 254,000 vehicles in 2022.;;\n"
    ).encode()
    docs, errors = _split(list(read_csv(data, _context("news.csv"))))
    assert [d.title for d in docs] == ["Trade report", "Output report"]
    assert docs[0].text == "Exports rose 22.5 percent.\n\nImports rose 9 percent."
    assert docs[0].published == dt.date(2021, 3, 15)
    assert docs[0].source == "https://x/1"
    assert docs[1].source == "/abs/news.csv#L8"
    assert [e.path for e in errors] == ["news.csv:5", "news.csv:6"]
    assert all("malformed CSV row" in e.reason for e in errors)


def test_csv_columns_given_by_option_and_missing_columns() -> None:
    data = b"id,story,heading\n1,Sichuan trade rose 5 percent.,Sichuan\n"
    context = _context("a.csv", text_column="story", title_column="heading")
    [doc] = list(read_csv(data, context))
    assert isinstance(doc, RawDocument) and (doc.title, doc.text) == (
        "Sichuan",
        "Sichuan trade rose 5 percent.",
    )
    with pytest.raises(ReadError, match="no text column"):
        list(read_csv(data, _context("a.csv")))
    with pytest.raises(ReadError, match="no column 'nope'"):
        list(read_csv(data, _context("a.csv", text_column="nope")))


def test_csv_empty_text_is_a_bad_row_and_tsv_is_read() -> None:
    docs, errors = _split(list(read_csv(b"title\ttext\nA\t\nB\tTrade rose.\n", _context("a.tsv"))))
    assert [d.title for d in docs] == ["B"] and [e.path for e in errors] == ["a.tsv:2"]
    assert sniff_delimiter("a|b|c\n1|2|3") == "|" and sniff_delimiter("single") == ","


def test_jsonl_blank_lines_bad_lines_and_detected_fields() -> None:
    lines = [
        json.dumps({"title": "One", "content": "Trade rose 5 percent.", "date": "2022-01-02"}),
        "",
        '{"title": "Broken", "content": ',
        "[1, 2]",
        json.dumps(
            {"headline": "Two", "article": "Exports fell 3 percent.", "link": "https://x/2"}
        ),
        json.dumps({"title": "No text"}),
    ]
    docs, errors = _split(list(read_jsonl("\n".join(lines).encode(), _context("a.jsonl"))))
    assert [(d.title, d.source) for d in docs] == [
        ("One", "/abs/a.jsonl#L1"),
        ("Two", "https://x/2"),
    ]
    assert docs[0].published == dt.date(2022, 1, 2)
    assert [e.path for e in errors] == ["a.jsonl:3", "a.jsonl:4", "a.jsonl:6"]
    assert "malformed JSON" in errors[0].reason and "object" in errors[1].reason


def test_empty_collections_are_refused() -> None:
    with pytest.raises(ReadError, match="empty file"):
        list(read_jsonl(b"\n\n", _context("a.jsonl")))
    with pytest.raises(ReadError, match="empty file"):
        list(read_csv(b"", _context("a.csv")))


FILLER = "Local officials credited supportive policies and a friendly business environment. " * 6


def _many_rows_csv(rows: int) -> bytes:
    lines = ["title,text"]
    lines += [
        f"Report {i},{FILLER} Zhejiang exports rose {i % 30 + 1} percent in 2021."
        for i in range(rows)
    ]
    return "\n".join(lines).encode()


def _many_rows_jsonl(rows: int) -> bytes:
    lines = [
        json.dumps({"title": f"R{i}", "text": f"{FILLER} Wuhan's GDP rose {i % 9 + 1}%."})
        for i in range(rows)
    ]
    return "\n".join(lines).encode()


@pytest.mark.parametrize(
    ("reader", "make"), [(read_csv, _many_rows_csv), (read_jsonl, _many_rows_jsonl)]
)
def test_collections_are_read_row_by_row(reader: object, make: object) -> None:
    """Reading a 1.5 MB collection one row at a time allocates far less than the file: no
    decoded copy of the whole, no list of all its lines (tracemalloc counts allocations,
    so this is exact and not a timing)."""
    data = make(3_000)  # type: ignore[operator]
    assert len(data) > 1_500_000
    rows = 0
    tracemalloc.start()
    try:
        for item in reader(data, _context("big.jsonl")):  # type: ignore[operator]
            assert isinstance(item, RawDocument)
            rows += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert rows == 3_000
    assert peak < len(data) / 4, f"{peak:,} bytes allocated at once for {len(data):,}"


def test_a_huge_csv_field_and_a_huge_jsonl_line() -> None:
    body = "Sichuan's exports rose 5 percent in 2020. " * 60_000  # 2.5 MB in one field
    data = ('title,text\nSmall,Hefei rose 3%.\nBig,"' + body + '"\nAfter,Wuhan rose 4%.\n').encode()
    docs, errors = _split(list(read_csv(data, _context("big.csv"))))
    assert not errors and [d.title for d in docs] == ["Small", "Big", "After"]
    assert docs[1].text == body and docs[2].source == "/abs/big.csv#L4"
    lines = [{"title": "Big", "text": body}, {"title": "After", "text": "Wuhan rose 4%."}]
    data = "\n".join(json.dumps(line) for line in lines).encode()
    docs, errors = _split(list(read_jsonl(data, _context("big.jsonl"))))
    assert not errors and docs[0].text == body and docs[1].source == "/abs/big.jsonl#L2"


def test_collections_in_other_encodings_still_stream() -> None:
    text = "title,text\n" + "报告,浙江省出口总额增长百分之五，进口总额也有所增长。\n" * 20
    for encoding in ("utf-16", "gb18030"):
        docs = list(read_csv(text.encode(encoding), _context("zh.csv")))
        assert len(docs) == 20, encoding
        assert all(isinstance(d, RawDocument) and d.text.startswith("浙江省出口") for d in docs)
    with pytest.raises(ReadError, match="binary"):
        list(read_jsonl(b'{"text": "a\x00b"}\n', _context("nul.jsonl")))


def test_lone_surrogates_in_any_field_are_stored_replaced(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"title": "bad \\ud800 title", "text": "Exports rose 5% \\udcff.", "url": "http://x/\\udcff"}\n'
        '{"title": "fine", "text": "Imports rose 3% in 2020."}\n'
    )
    report = import_paths([path], store)
    assert (report.imported, report.failed) == (2, [])
    docs = {d.title: d for d in store.documents(limit=5)}
    assert docs["bad \ufffd title"].source == "http://x/\ufffd"
    assert store.document(docs["bad \ufffd title"].id).text == "Exports rose 5% \ufffd."


_HUGE = "Hefei's output rose 9 percent in 2021. " * 30_000  # 1.2 MB in one field


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("big.csv", f'title,text\nBig,"{_HUGE}"\nSmall,Wuhan rose 4%.\n'.encode()),
        (
            "big.jsonl",
            (
                json.dumps({"title": "Big", "text": _HUGE})
                + "\n"
                + json.dumps({"title": "Small", "text": "Wuhan rose 4%."})
            ).encode(),
        ),
    ],
)
def test_nothing_of_a_huge_row_is_kept_while_the_next_is_read(name: str, data: bytes) -> None:
    """While a huge row's document is stored, the reader waiting to read the next row holds
    nothing beside its text: no csv reader buffer (4 bytes per character of the longest
    field), no copy of the JSONL line it was parsed from."""
    reader = read_csv if name.endswith(".csv") else read_jsonl
    rows = reader(data, _context(name))
    tracemalloc.start()
    try:
        big = next(rows)
        assert isinstance(big, RawDocument) and big.text == _HUGE
        # While the document is extracted and stored, the reader holds its text and no more.
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    small = next(rows)
    assert isinstance(small, RawDocument) and small.title == "Small"
    extra = held - len(_HUGE)  # the text itself: one byte per (ASCII) character
    assert extra < len(_HUGE) / 4, f"{extra:,} bytes held beside a {len(_HUGE):,}-char text"
