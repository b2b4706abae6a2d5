"""One record shape per fact, clean numbers, and the one writer for every format."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from factscope.db.models import Fact, FactEvidence, FactHit
from factscope.tui.records import clean_number, fact_record, write_records


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1090000000000.0001, 1090000000000),  # float noise from value × scale
        (305.57, 305.57),
        (0.1 + 0.2, 0.3),
        (1.5e-7, 1.5e-7),
        (12, 12),  # not a float: as is
        (None, None),
        (float("inf"), float("inf")),
    ],
)
def test_clean_number(value: object, expected: object) -> None:
    assert clean_number(value) == expected


FACT = Fact(
    id=7,
    doc_id="abc",
    start=10,
    end=25,
    quote="1.09 trillion yuan",
    number_quote="1.09 trillion",
    value=1.09,
    scale=1e12,
    normalized=1090000000000.0001,
    unit="CNY",
    region="Wuxi",
)


def test_a_fact_record_carries_its_evidence() -> None:
    evidence = FactEvidence(
        fact=FACT,
        sentence="Wuxi's output reached 1.09 trillion yuan.",
        document_title="Wuxi economy",
        document_source="/data/wuxi.txt",
        document_published=dt.date(2023, 2, 1),
    )
    record = fact_record(evidence)
    assert record["normalized"] == 1090000000000
    assert record["sentence"] == "Wuxi's output reached 1.09 trillion yuan."
    assert (record["document_title"], record["document_published"]) == (
        "Wuxi economy",
        "2023-02-01",
    )
    assert "score" not in record
    hit = FactHit(**evidence.model_dump(), score=92.345)
    assert fact_record(hit)["score"] == 92.3
    assert list(fact_record(hit))[: len(record)] == list(record)


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "md"])
def test_every_format_writes_every_record(fmt: str) -> None:
    records = [{"a": 1, "b": "x|y"}, {"a": 2, "b": "line\nbreak"}]
    stream = io.StringIO()
    assert write_records(iter(records), fmt, stream) == 2
    text = stream.getvalue()
    if fmt == "jsonl":
        assert [json.loads(line) for line in text.splitlines()] == records
    elif fmt == "json":
        assert json.loads(text) == records
    elif fmt == "csv":
        assert list(csv.DictReader(io.StringIO(text))) == [
            {"a": "1", "b": "x|y"},
            {"a": "2", "b": "line\nbreak"},
        ]
    else:
        assert text.splitlines() == [
            "| a | b |",
            "|---|---|",
            "| 1 | x\\|y |",
            "| 2 | line break |",
        ]


def test_no_records_is_still_valid_json() -> None:
    stream = io.StringIO()
    assert write_records(iter([]), "json", stream) == 0
    assert json.loads(stream.getvalue()) == []
