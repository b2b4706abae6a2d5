"""A CSV record too big for the csv module's buffer is read by our parser, field for field
and error for error as the csv module reads it; small records still go to the csv module."""

from __future__ import annotations

import csv
import io
import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factscope.importers.formats import collections as collections_module
from factscope.importers.formats.collections import read_csv
from factscope.importers.formats.csv_records import RecordLines, parse_big_record
from factscope.importers.readers import ReadContext


def _records(text: str, delimiter: str, big: int) -> list[tuple[int, list[str] | str]]:
    """What the collection reader's record loop yields, errors as their message."""
    stream = io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8", newline="")
    original = RecordLines.__init__

    def with_threshold(self: RecordLines, stream: io.TextIOWrapper, _big: int = 0) -> None:
        original(self, stream, big)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(RecordLines, "__init__", with_threshold)
        return [
            (line, str(record) if isinstance(record, csv.Error) else record)
            for line, record in collections_module._records(stream, delimiter)
        ]


CSV_TEXT = st.text(alphabet='ab ,;"\r\n\t', max_size=60)


@settings(max_examples=400, deadline=None)
@given(text=CSV_TEXT, delimiter=st.sampled_from([",", ";", "\t"]))
def test_every_record_read_big_matches_the_csv_module(text: str, delimiter: str) -> None:
    # A threshold of one character sends every record but a lone line break to our parser.
    assert _records(text, delimiter, big=1) == _records(text, delimiter, big=1 << 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('a,"b\n""c""\r\nd",e\nnext\n', ["a", 'b\n"c"\r\nd', "e"]),
        ('"x"y,z\n', "',' expected after '\"'"),
        ('a,"never closed\n', "unexpected end of data"),
        ("a,,\n", ["a", "", ""]),
        ("a,b", ["a", "b"]),
    ],
)
def test_parse_big_record(text: str, expected: list[str] | str) -> None:
    lines = io.StringIO(text, newline="").readlines()
    record = parse_big_record(iter(lines), ",")
    assert (str(record) if isinstance(record, csv.Error) else record) == expected


def test_a_big_field_is_not_copied_per_line() -> None:
    line = "x" * 1000 + "\n"
    lines = ['"start\n', *([line] * 200), 'end",tail\n']
    [field, tail] = parse_big_record(iter(lines), ",")  # type: ignore[misc]
    assert field == "start\n" + line * 200 + "end" and tail == "tail"


def test_a_big_field_costs_no_four_bytes_a_character() -> None:
    # The csv module held a buffer of four bytes a character for this field, then the
    # field: five times its size beside the file's bytes. Our parser holds the lines and the
    # field joined from them.
    paragraph = "Local officials credited supportive policies. " * 40 + "\n\n"
    field = paragraph * (5_000_000 // len(paragraph))
    handle = io.StringIO(newline="")
    csv.writer(handle).writerows([["title", "text"], ["Big", field], ["Small", "Tiny."]])
    data = handle.getvalue().encode()
    del handle
    tracemalloc.start()
    try:
        documents = list(read_csv(data, ReadContext("big.csv", "big.csv")))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [d.text for d in documents] == [field, "Tiny."]  # type: ignore[union-attr]
    assert peak < 2.5 * len(field), peak / len(field)
