"""CSV records one at a time, a huge record without the csv module's four bytes a character.

The csv module builds each field in a buffer of four bytes per character (UCS4) and copies
it into a string when the field ends: a 50 MB text field cost 200 MB of buffer on top of the
file's bytes and the field itself. So records are read by the csv module while they are
small, from lines that :class:`RecordLines` hands it and remembers; a record that grows past
:data:`BIG_RECORD` characters is read again from those lines (and the ones after it) by
:func:`parse_big_record`, which builds each field from slices of its lines — most of them
whole lines, which slicing does not copy — and joins them once.

:func:`parse_big_record` reads records exactly as ``csv.reader(lines, delimiter=d,
strict=True)`` does with the default dialect (``"`` quotes, doubled to escape, no escape
character): the tests check it against the csv module on generated files. It relies on the
lines coming from a stream opened with ``newline=""``, so that a line ends at its first line
break (``\\r``, ``\\n`` or ``\\r\\n``), as the csv module requires too.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from typing import TextIO

BIG_RECORD = 1 << 20
"""Characters a record may reach in the csv module; a longer one is read here (the csv
module's buffer for it stays under 4 MB)."""

QUOTE = '"'
_LINE_BREAKS = "\r\n"


class BigRecord(Exception):
    """Raised through the csv module when the record it reads grows past the threshold."""


class RecordLines:
    """The lines of a stream for the csv module, remembering those of the current record."""

    def __init__(self, stream: TextIO, big: int = BIG_RECORD) -> None:
        self._stream = stream
        self._big = big
        self._held: list[str] = []
        self._chars = 0
        self.count = 0
        """Lines read since :meth:`start_record`."""

    def start_record(self) -> None:
        """Forget the lines of the record before."""
        self._held = []
        self._chars = self.count = 0

    def _read(self) -> str:
        line = self._stream.readline()
        if line:
            self.count += 1
        return line

    def __iter__(self) -> RecordLines:
        return self

    def __next__(self) -> str:
        line = self._read()
        if not line:
            raise StopIteration
        self._held.append(line)
        self._chars += len(line)
        if self._chars > self._big:
            raise BigRecord
        return line

    def rest_of_record(self) -> Iterator[str]:
        """The current record's lines read so far, then the stream's next ones: what
        :func:`parse_big_record` reads. A held line is let go once handed over."""
        held, self._held = self._held, []
        held.reverse()
        while held:
            yield held.pop()
        while line := self._read():
            yield line


def _field_end(delimiter: str) -> re.Pattern[str]:
    """What ends an unquoted field: the delimiter or a line break."""
    return re.compile(f"[{re.escape(delimiter)}{_LINE_BREAKS}]")


def parse_big_record(lines: Iterable[str], delimiter: str) -> list[str] | csv.Error:
    """One record from its lines, as ``csv.reader(..., strict=True)`` reads it.

    Reads no line past the record's last: a record ends at a line break outside quotes,
    which is always a line's end.
    """
    field_end = _field_end(delimiter)
    fields: list[str] = []
    pieces: list[str] = []
    quoted = False
    for line in lines:
        at = 0
        while True:  # each turn out of quotes starts a field
            if quoted:
                close = line.find(QUOTE, at)
                if close < 0:
                    pieces.append(line[at:])  # the whole line when at is 0: not a copy
                    break  # the field goes on in the next line
                pieces.append(line[at:close])
                at = close + 1
                if line.startswith(QUOTE, at):  # a doubled quote stands for one
                    pieces.append(QUOTE)
                    at += 1
                    continue
                quoted = False
                if at < len(line) and line[at] != delimiter and line[at] not in _LINE_BREAKS:
                    return csv.Error(f"'{delimiter}' expected after '{QUOTE}'")
            elif at == 0 and line[0] in _LINE_BREAKS:
                return []  # a blank line is a record of no fields, as in the csv module
            elif line.startswith(QUOTE, at):
                quoted, at = True, at + 1
                continue
            else:
                found = field_end.search(line, at)
                stop = found.start() if found else len(line)
                pieces.append(line[at:stop])
                at = stop
            fields.append("".join(pieces))
            pieces.clear()
            if not line.startswith(delimiter, at):
                return fields  # a line break, or the end of the input
            at += 1
    return csv.Error("unexpected end of data") if quoted else fields
