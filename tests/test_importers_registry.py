"""The reader table: every reader is chosen by its row, and only by its row."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from factscope.db.models import RawDocument
from factscope.importers.formats.collections import read_csv, read_jsonl
from factscope.importers.formats.html import read_html
from factscope.importers.formats.pdf import read_pdf
from factscope.importers.readers import ReadContext, ReadError, ReadOptions, read_text
from factscope.importers.registry import (
    FORMATS,
    READER_TABLE,
    READERS,
    ReaderEntry,
    ReaderRegistry,
    read_path,
)


def _context(format_name: str | None = None) -> ReadContext:
    return ReadContext("input", "/abs/input", ReadOptions(format=format_name))


@pytest.mark.parametrize(
    ("suffix", "reader"),
    [
        (".txt", read_text),
        (".MD", read_text),
        (".htm", read_html),
        (".pdf", read_pdf),
        (".tsv", read_csv),
        (".ndjson", read_jsonl),
    ],
)
def test_the_suffix_chooses_the_reader_of_its_row(suffix: str, reader: object) -> None:
    assert READERS[suffix.lower()] is reader
    chosen = ReaderRegistry(READER_TABLE).choose(suffix, b"plain words", _context())
    assert chosen is reader


def test_every_row_is_reachable_by_suffix_and_format() -> None:
    for entry in READER_TABLE:
        assert all(READERS[suffix] is entry.reader for suffix in entry.suffixes)
        assert all(FORMATS[name] is entry.reader for name in entry.formats)
    assert set(READERS.values()) == {entry.reader for entry in READER_TABLE}


def test_a_nameless_input_is_sniffed_and_format_overrides_the_suffix() -> None:
    registry = ReaderRegistry(READER_TABLE)
    assert registry.choose("", b"%PDF-1.7\n", _context()) is read_pdf
    assert registry.choose(".bin", b"<!DOCTYPE html><p>x", _context()) is read_html
    assert registry.choose(".pdf", b"%PDF-1.7", _context("text")) is read_text
    with pytest.raises(ReadError, match=r"unsupported file type '\.bin'"):
        registry.choose(".bin", b"no signature", _context())
    with pytest.raises(ReadError, match="unknown format 'docx'"):
        registry.choose(".txt", b"words", _context("docx"))


def _read_shout(data: bytes, context: ReadContext) -> Iterator[RawDocument]:
    yield RawDocument(source=context.source, title="shout", text=data.decode().upper())


def test_a_table_of_ones_own_is_a_registry_without_side_effects() -> None:
    registry = ReaderRegistry([ReaderEntry(_read_shout, (".shout",), ("shout",))])
    assert registry.choose(".SHOUT", b"", _context()) is _read_shout
    assert ".shout" not in READERS  # the default registry is untouched


def test_a_suffix_claimed_twice_is_refused() -> None:
    with pytest.raises(ValueError, match=r"suffix '\.txt' is claimed by two readers"):
        ReaderRegistry([*READER_TABLE, ReaderEntry(_read_shout, (".TXT",), ("shout",))])


def test_read_path_reads_through_the_table(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Kept</title></head><body><p>Growth 5%.</p></body></html>")
    assert read_path(page).title == "Kept"
    (tmp_path / "a.xyz").write_text("plain")
    with pytest.raises(ReadError, match=r"unsupported file type '\.xyz'"):
        read_path(tmp_path / "a.xyz")
