"""Which reader reads which input: one table of readers, and the lookups built from it.

Every reader is a row of :data:`READER_TABLE` (its function, the suffixes that choose it,
its ``--format`` names, and a test on the first bytes for inputs whose name says nothing).
Nothing registers itself when imported: a reader not in the table is never used, and the
table is the one place to read what factscope can import (CONTRIBUTING.md, "add a reader").
The readers import their third-party parsers inside their functions, so importing this
module stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from factscope.db.models import RawDocument
from factscope.importers.files import ReadError, read_bytes
from factscope.importers.formats.collections import read_csv, read_jsonl
from factscope.importers.formats.html import looks_like_html, read_html
from factscope.importers.formats.pdf import looks_like_pdf, read_pdf
from factscope.importers.readers import ReadContext, Reader, ReadOptions, read_text
from factscope.importers.sanitize import escape_undecodable

Sniffer = Callable[[bytes], bool]
"""A test on an input's first bytes: does it hold this format?"""


@dataclass(frozen=True)
class ReaderEntry:
    """One row of the table: a reader and what chooses it."""

    reader: Reader
    suffixes: tuple[str, ...]
    """Lower-case file suffixes (with the dot) this reader reads."""
    formats: tuple[str, ...]
    """Names for ``--format``, which forces the reader whatever the suffix."""
    sniff: Sniffer | None = None
    """Tried, in table order, when the suffix names no reader (stdin, a download)."""


READER_TABLE: tuple[ReaderEntry, ...] = (
    ReaderEntry(read_text, (".txt", ".text", ".md", ".markdown"), ("text", "markdown")),
    ReaderEntry(read_html, (".html", ".htm", ".xhtml", ".shtml"), ("html",), looks_like_html),
    ReaderEntry(read_pdf, (".pdf",), ("pdf",), looks_like_pdf),
    ReaderEntry(read_csv, (".csv", ".tsv"), ("csv",)),
    ReaderEntry(read_jsonl, (".jsonl", ".ndjson"), ("jsonl",)),
)
"""Every reader factscope has. Add a row here to add one."""


class ReaderRegistry:
    """The lookups of a reader table: by suffix, by format name, by sniffing."""

    def __init__(self, table: Iterable[ReaderEntry]) -> None:
        """:raises ValueError: two rows claim the same suffix or format name."""
        self.by_suffix: dict[str, Reader] = {}
        self.by_format: dict[str, Reader] = {}
        self.sniffers: list[tuple[Sniffer, Reader]] = []
        for entry in table:
            _claim(self.by_suffix, (s.lower() for s in entry.suffixes), entry.reader, "suffix")
            _claim(self.by_format, entry.formats, entry.reader, "format")
            if entry.sniff is not None:
                self.sniffers.append((entry.sniff, entry.reader))

    def choose(self, suffix: str, head: bytes, context: ReadContext) -> Reader:
        """The reader for an input: ``--format``, else its suffix, else sniffed content.

        :raises ReadError: an unknown ``--format``, or nothing reads this input.
        """
        wanted = context.options.format
        if wanted:
            if wanted not in self.by_format:
                known_formats = ", ".join(self.by_format)
                raise ReadError(context.name, f"unknown format {wanted!r} (known: {known_formats})")
            return self.by_format[wanted]
        reader = self.by_suffix.get(suffix.lower())
        if reader is not None:
            return reader
        for sniff, sniffed in self.sniffers:
            if sniff(head):
                return sniffed
        known = ", ".join(sorted(self.by_suffix))
        raise ReadError(
            context.name, f"unsupported file type {suffix or '(none)'!r} (known: {known})"
        )


def _claim(lookup: dict[str, Reader], keys: Iterable[str], reader: Reader, kind: str) -> None:
    """Enter ``reader`` under each key; a key taken twice is a mistake in the table."""
    for key in keys:
        if key in lookup:
            raise ValueError(f"{kind} {key!r} is claimed by two readers")
        lookup[key] = reader


REGISTRY = ReaderRegistry(READER_TABLE)
READERS = REGISTRY.by_suffix
"""Suffix (lower case) → reader: what a folder's files are filtered by."""
FORMATS = REGISTRY.by_format
"""Format name (``--format``) → reader."""


def read_input(data: bytes, suffix: str, context: ReadContext) -> Iterator[RawDocument | ReadError]:
    """Every document of one input's bytes. :raises ReadError: for the input as a whole.

    Not a generator itself: only the reader holds the bytes, so it can let them go once
    they are decoded (a 50 MB file is not kept beside its text while it is extracted).
    """
    reader = REGISTRY.choose(suffix, data[:2048], context)
    return iter(reader(data, context))


def read_file(path: Path, context: ReadContext) -> Iterator[RawDocument | ReadError]:
    """Every document of one file. :raises ReadError: for the file as a whole."""
    data = read_bytes(path, context.name, context.options.max_bytes)
    return read_input(data, path.suffix, context)


def read_path(path: Path, options: ReadOptions | None = None) -> RawDocument:
    """The first document of a file (for one-document tools like ``extract``).

    :raises ReadError: the file cannot be read, or holds no document.
    """
    name = escape_undecodable(str(path))
    context = ReadContext(name=name, source=name, options=options or ReadOptions())
    for item in read_file(path, context):
        if isinstance(item, ReadError):
            raise item
        return item
    raise ReadError(str(path), "no document in file")
