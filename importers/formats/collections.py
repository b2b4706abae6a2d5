"""CSV and JSONL collections: one document per row or line.

The text, title, date and source columns are found by name (``text|content|body|article``,
``title|headline``, ``date|published|pubdate|published_at``, ``url|source|link``, any case)
unless ``--text-column`` etc. name them. Each document's source is its source column's value,
else ``<file>#L<line>``. A bad row (malformed JSON, wrong field count, no text) is yielded as a
:class:`ReadError` naming ``file:line`` and skipped; the other rows are imported. CSV: the
delimiter is sniffed from the header line (``, ; TAB |``), quoted multi-line fields and a BOM
are handled. JSONL: one object per line, blank lines ignored.

Non-goals: spreadsheets (.xlsx), nested JSON paths (``a.b.c``), JSON arrays of objects,
CSV files without a header row.

Rows are read one at a time from a stream decoded as it goes, so a 50 MB file is never held
as text whole beside its bytes; only the row being read is.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from factscope.db.models import RawDocument
from factscope.importers.dates import find_published
from factscope.importers.formats.csv_records import BigRecord, RecordLines, parse_big_record
from factscope.importers.readers import (
    ReadContext,
    ReadError,
    document_from_text,
    is_blank,
    replace_surrogates,
    text_stream,
)

TEXT_NAMES = ("text", "content", "body", "article")
TITLE_NAMES = ("title", "headline")
DATE_NAMES = ("date", "published", "pubdate", "published_at")
SOURCE_NAMES = ("url", "source", "link")
_DELIMITERS = ",\t;|"
Record = list[str] | csv.Error
"""A CSV record's fields, or why it could not be read."""
_HEADER_MAX = 64 * 1024


@dataclass(frozen=True)
class Columns:
    """The field names to read each document from (None: not present)."""

    text: str
    title: str | None
    date: str | None
    source: str | None


def _pick(names: Sequence[str], wanted: str | None, candidates: Sequence[str]) -> str | None:
    if wanted is not None:
        return wanted if wanted in names else None
    lowered = {name.strip().lower().replace(" ", "_"): name for name in names}
    for candidate in candidates:
        if candidate in lowered:
            return lowered[candidate]
    return None


def find_columns(names: Sequence[str], context: ReadContext, where: str) -> Columns:
    """Columns by option or by name.

    :raises ReadError: the text column, or a column named by an option, is missing.
    """
    options = context.options
    found = Columns(
        text=_pick(names, options.text_column, TEXT_NAMES) or "",
        title=_pick(names, options.title_column, TITLE_NAMES),
        date=_pick(names, options.date_column, DATE_NAMES),
        source=_pick(names, options.source_column, SOURCE_NAMES),
    )
    shown = ", ".join(names[:12]) or "none"
    for option, value in (
        ("--text-column", options.text_column),
        ("--title-column", options.title_column),
        ("--date-column", options.date_column),
        ("--source-column", options.source_column),
    ):
        if value is not None and value not in names:
            raise ReadError(where, f"no column {value!r} ({option}); columns: {shown}")
    if not found.text:
        raise ReadError(
            where,
            f"no text column (looked for {', '.join(TEXT_NAMES)}; use --text-column); "
            f"columns: {shown}",
        )
    return found


def _value(row: Mapping[str, object], name: str | None) -> str:
    if name is None:
        return ""
    value = row.get(name)
    if value is None or isinstance(value, dict | list):
        return ""
    return str(value).strip() if not isinstance(value, str) else value


def document_from_row(
    row: Mapping[str, object], columns: Columns, line: int, context: ReadContext
) -> RawDocument | ReadError:
    """One row → a document, or a ReadError naming ``file:line``."""
    where = f"{context.name}:{line}"
    text = _value(row, columns.text)
    if is_blank(text):
        return ReadError(where, f"empty text in column {columns.text!r}")
    # JSON may spell lone surrogates ("\\udcff"), which SQLite cannot store, in any field.
    source = replace_surrogates(_value(row, columns.source).strip()) or f"{context.source}#L{line}"
    document = document_from_text(text, source, f"{context.stem} #{line}")
    updates: dict[str, object] = {}
    title = replace_surrogates(" ".join(_value(row, columns.title).split()))
    if title:
        updates["title"] = title
    date = find_published(_value(row, columns.date)) if columns.date else None
    if date is not None:
        updates["published"] = date
    return document.model_copy(update=updates) if updates else document


def sniff_delimiter(text: str) -> str:
    """The delimiter used most in the header line (``,`` when none is)."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _header_line(stream: io.TextIOWrapper) -> str:
    """The first line of the stream (up to 64 KB of it), the stream rewound after."""
    head = stream.readline(_HEADER_MAX)
    stream.seek(0)
    return head


def _records(stream: io.TextIOWrapper, delimiter: str) -> Iterator[tuple[int, Record]]:
    """``(first line, fields or the error)`` of each CSV record, each read by a fresh reader.

    A ``csv.reader`` keeps a buffer of four bytes per character of the longest field it has
    read until it is freed, so a new one reads each record (it takes only the lines of its
    record from the stream), and a record longer than a megabyte is read again by
    :func:`parse_big_record` rather than grown there.
    """
    lines = RecordLines(stream)
    line = 1
    while True:
        lines.start_record()
        reader = csv.reader(lines, delimiter=delimiter, strict=True)
        start = line
        record: Record | None = None
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            record = exc
        except BigRecord:
            pass
        del reader  # with its buffer, before a big record is read again
        if record is None:
            record = parse_big_record(lines.rest_of_record(), delimiter)
        line += lines.count
        yield start, record


def read_csv(data: bytes, context: ReadContext) -> Iterator[RawDocument | ReadError]:
    """A CSV (or TSV) file with a header row → one document per row, read row by row."""
    stream = text_stream(data, context.name, newline="")
    csv.field_size_limit(max(csv.field_size_limit(), context.options.max_bytes, len(data) + 1))
    tsv = context.name.lower().endswith(".tsv")
    delimiter = "\t" if tsv else sniff_delimiter(_header_line(stream))
    records = _records(stream, delimiter)
    _, header = next(records, (1, csv.Error("no header row")))
    if isinstance(header, csv.Error):
        raise ReadError(context.name, f"cannot read the CSV header ({header})")
    names = [name.strip() for name in header]
    columns = find_columns(names, context, context.name)
    for start, row in records:
        where = f"{context.name}:{start}"
        if isinstance(row, csv.Error):
            yield ReadError(where, f"malformed CSV row ({row})")
        elif all(is_blank(cell) for cell in row):
            continue
        elif len(row) != len(names):
            yield ReadError(
                where, f"malformed CSV row: {len(row)} fields, the header has {len(names)}"
            )
        else:
            yield document_from_row(dict(zip(names, row, strict=True)), columns, start, context)


def _json_row(raw_line: str, where: str) -> dict[str, object] | ReadError:
    """One JSON Lines line → its object, or a ReadError saying what is wrong with it."""
    try:
        row = json.loads(raw_line)
    except json.JSONDecodeError as exc:
        return ReadError(where, f"malformed JSON: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return ReadError(where, "malformed JSON: nested too deeply")
    except ValueError as exc:  # e.g. an integer longer than Python will convert
        return ReadError(where, f"malformed JSON: {exc}")
    if not isinstance(row, dict):
        return ReadError(where, f"expected a JSON object, found {type(row).__name__}")
    return row


def read_jsonl(data: bytes, context: ReadContext) -> Iterator[RawDocument | ReadError]:
    """JSON Lines: one object per line → one document per line, read line by line; blank
    lines skipped."""
    stream = text_stream(data, context.name, newline="\n")
    seen_content = False
    number = 0
    # Not enumerate(): it keeps its last (number, line) pair for reuse, and with it the line.
    for raw_line in stream:
        number += 1
        if not raw_line or raw_line.isspace():  # not .strip(): no copy of a huge line
            continue
        seen_content = True
        where = f"{context.name}:{number}"
        row = _json_row(raw_line, where)
        del raw_line  # a huge line is not kept beside its document while that is stored
        if isinstance(row, ReadError):
            yield row
            continue
        try:
            columns = find_columns(list(row), context, where)
        except ReadError as exc:
            yield exc
            continue
        document = document_from_row(row, columns, number, context)
        del row
        yield document
    if not seen_content:
        raise ReadError(context.name, "empty file")
