"""The record shapes every output writes, and the one writer for jsonl, json, csv and md.

A fact leaves factscope as one flat record: its gold fields, then its evidence (the sentence
that states it, and the document's title, source and date). ``factscope facts --json`` and
``--csv``, ``factscope export`` and the TUI's exports all write this shape, so a script never
loses the sentence, and a column means the same thing in every file. No textual here.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable
from typing import IO, Any

from factscope.db.models import Fact, FactEvidence, FactHit
from factscope.importers.sanitize import strip_control

SIGNIFICANT_DIGITS = 12
"""Stored values come from arithmetic on parsed text (value × scale): 12 significant digits
keep every figure a document can state and drop float noise (1090000000000.0001)."""

RECORD_FORMATS = ("jsonl", "json", "csv", "md")


def clean_number(value: Any) -> Any:
    """A float rounded to :data:`SIGNIFICANT_DIGITS` (integers as ``int``); anything else as is."""
    if not isinstance(value, float) or not math.isfinite(value) or value == 0:
        return value
    rounded = float(f"{value:.{SIGNIFICANT_DIGITS}g}")
    return int(rounded) if rounded.is_integer() and abs(rounded) < 2**53 else rounded


def fact_values(fact: Fact, *, exclude: Iterable[str] = ()) -> dict[str, Any]:
    """A fact's fields with clean numbers (the gold file's names and order)."""
    return {k: clean_number(v) for k, v in fact.model_dump(exclude=set(exclude)).items()}


def fact_record(item: FactEvidence) -> dict[str, Any]:
    """The flat record of a stored fact: its fields, its sentence, its document, its score."""
    record = fact_values(item.fact)
    record["sentence"] = item.sentence
    record["document_title"] = item.document_title
    record["document_source"] = item.document_source
    record["document_published"] = (
        item.document_published.isoformat() if item.document_published else None
    )
    if isinstance(item, FactHit):
        record["score"] = round(item.score, 1)
    return record


def _md_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # One line per row; a pipe would end the cell; controls never reach a viewer.
    return " ".join(strip_control(text).split()).replace("|", "\\|")


def write_records(records: Iterable[dict[str, Any]], fmt: str, stream: IO[str]) -> int:
    """Stream records as JSON lines, a JSON array, CSV or a Markdown table.

    The header (CSV, Markdown) comes from the first record. Returns the records written.
    """
    count = 0
    writer: Any = None
    fields: list[str] = []
    if fmt == "json":
        stream.write("[")
    for record in records:
        if fmt == "jsonl":
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif fmt == "json":
            stream.write(("," if count else "") + "\n  " + json.dumps(record, ensure_ascii=False))
        elif fmt == "csv":
            if writer is None:
                writer = csv.DictWriter(stream, fieldnames=list(record), lineterminator="\n")
                writer.writeheader()
            writer.writerow(record)
        else:
            if not fields:
                fields = list(record)
                stream.write("| " + " | ".join(fields) + " |\n")
                stream.write("|" + "---|" * len(fields) + "\n")
            stream.write("| " + " | ".join(_md_cell(record.get(f)) for f in fields) + " |\n")
        count += 1
    if fmt == "json":
        stream.write("\n]\n" if count else "]\n")
    return count
