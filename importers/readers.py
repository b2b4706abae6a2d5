"""Reading files into :class:`RawDocument`: decoding, newline normalization, title, date.

The text is kept exactly as decoded, with only newlines normalized to ``\\n`` (fact offsets
index into it). Expected failures raise :class:`ReadError` with the path and a short reason.
These are the pieces every reader shares; which reader reads which file is the table of
:mod:`factscope.importers.registry`, which also holds :func:`read_path`.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer

from factscope.db.models import RawDocument
from factscope.importers.dates import find_published

# ReadError is re-exported: a reader imports what it needs from here (CONTRIBUTING.md).
from factscope.importers.files import ReadError as ReadError
from factscope.importers.lexicon.common import IDEOGRAPH_RE

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""Files larger than this are refused (``--max-size`` changes it)."""

_BOMS: list[tuple[bytes, str]] = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
]
_CHUNK = 1 << 17
_CJK_CHAR = IDEOGRAPH_RE
_WORD = re.compile(r"[^\W\d_]{2,}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_TITLE_MAX = 150
_TITLE_HEAD = 64 * 1024
"""Characters at the top of a document where its title is looked for."""


def _refuse_non_text(data: bytes, path: str) -> None:
    """:raises ReadError: empty (or only whitespace) or binary (NUL bytes) content."""
    if not data or data.isspace():  # not data.strip(): no copy of a 50 MB file
        raise ReadError(path, "empty file")
    if b"\x00" in data:
        raise ReadError(path, "binary file (contains NUL bytes), not text")


def decode(data: bytes, path: str) -> str:
    """Bytes to text: a BOM, else UTF-8, else the encoding charset-normalizer detects.

    :raises ReadError: empty, binary (NUL bytes) or undecodable content.
    """
    if not data or data.isspace():
        raise ReadError(path, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReadError(path, f"cannot decode as {encoding}") from exc
    _refuse_non_text(data, path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ReadError(path, "cannot decode: not UTF-8 and no text encoding detected")
    return str(best)


def _decodes(data: bytes, encoding: str) -> bool:
    """True when all of ``data`` decodes as ``encoding``, checked 128 KB at a time so that
    no decoded copy of the whole is ever held."""
    decoder = codecs.getincrementaldecoder(encoding)()
    view = memoryview(data)
    try:
        for at in range(0, len(data), _CHUNK):
            decoder.decode(view[at : at + _CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def text_stream(data: bytes, path: str, *, newline: str | None = "") -> io.TextIOWrapper:
    """The bytes as a text stream decoded as it is read: collections read row by row.

    The encoding is chosen as :func:`decode` chooses it. ``newline`` as for :func:`open`
    (``""``: line ends kept and recognized as the csv module wants; ``"\\n"``: lines end at
    ``\\n`` only).
    :raises ReadError: empty, binary or undecodable content.
    """
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    errors = "strict"
    if encoding is not None:
        if not _decodes(data, encoding):
            raise ReadError(path, f"cannot decode as {encoding}")
    else:
        _refuse_non_text(data, path)
        encoding = "utf-8"
        if not _decodes(data, encoding):
            best = charset_normalizer.from_bytes(data).best()
            if best is None:
                raise ReadError(path, "cannot decode: not UTF-8 and no text encoding detected")
            # The detector reads samples: a bad byte it did not see becomes U+FFFD rather
            # than an error half-way through the rows.
            encoding, errors = best.encoding, "replace"
    # BytesIO shares the bytes object rather than copying it.
    return io.TextIOWrapper(io.BytesIO(data), encoding=encoding, errors=errors, newline=newline)


def is_blank(text: str) -> bool:
    """True for text that is empty or only white space: ``not text.strip()`` without a copy
    of the text (a copy of a 50 MB text with one emoji in it is 200 MB)."""
    return not text or text.isspace()


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _is_title_line(line: str) -> bool:
    if len(line) > _TITLE_MAX:
        return False
    if len(_CJK_CHAR.findall(line)) >= 4:
        return True
    words = _WORD.findall(line)
    letters = sum(len(w) for w in words)
    return len(words) >= 3 and letters >= 0.6 * len(line.replace(" ", ""))


def guess_title(text: str, fallback: str) -> str:
    """A title: a Markdown heading, else the first short line that reads like one.

    Navigation crumbs ("| 中文版 |", "Open Governance") are skipped; a document that opens
    with a paragraph gets its first sentence, cut at a word boundary.
    """
    if len(text) > _TITLE_HEAD:
        # Only the opening lines matter: no list of every line of a 50 MB text.
        text = text[: text.rfind("\n", 0, _TITLE_HEAD) + 1 or _TITLE_HEAD]
    raw_lines = text.split("\n")
    lines = [line.strip() for line in raw_lines if line.strip()]
    for line in lines[:20]:
        if _HEADING.match(line):
            return _HEADING.sub("", line).strip() or fallback
    seen = 0
    for index, raw_line in enumerate(raw_lines):
        line = raw_line.strip()
        if not line:
            continue
        seen += 1
        if seen > 6:
            break
        # A short line standing alone above a blank line is a headline ("Stdin report").
        alone = index + 1 < len(raw_lines) and not raw_lines[index + 1].strip()
        standalone = (
            alone
            and len(line) <= _TITLE_MAX
            and len(_WORD.findall(line)) >= 2
            and not line.endswith((".", "。", ":", ","))
        )
        if standalone or _is_title_line(line):
            return line
    if lines:
        first = re.split(r"(?<=[.!?。！？])\s", lines[0], maxsplit=1)[0]
        if len(first) > 100:
            first = first[:100].rsplit(" ", 1)[0] + "…"
        if _WORD.search(first) or _CJK_CHAR.search(first):
            return first
    return fallback


def guess_language(text: str) -> str:
    """``zh`` when Chinese characters dominate the first few thousand characters, else ``en``."""
    head = text[:4000]
    cjk = len(_CJK_CHAR.findall(head))
    latin = sum(len(w) for w in _WORD.findall(head)) - cjk
    return "zh" if cjk > latin else "en"


def replace_surrogates(text: str) -> str:
    """Lone surrogates (from "\\ud800" in JSON, say) cannot be stored as UTF-8: each becomes
    U+FFFD, one character for one, so offsets are unchanged."""
    if _SURROGATE.search(text):
        return _SURROGATE.sub("\ufffd", text)
    return text


def document_from_text(text: str, source: str, fallback_title: str) -> RawDocument:
    """A RawDocument from decoded text (newlines normalized, lone surrogates replaced here)."""
    text = replace_surrogates(normalize_newlines(text))
    if is_blank(text):
        raise ReadError(source, "empty file")
    return RawDocument(
        text=text,
        title=guess_title(text, fallback_title),
        source=source,
        published=find_published(text),
        language=guess_language(text),
    )


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs: size limit and, for CSV/JSONL collections, which columns to use."""

    max_bytes: int = DEFAULT_MAX_BYTES
    text_column: str | None = None
    title_column: str | None = None
    date_column: str | None = None
    source_column: str | None = None
    format: str | None = None
    """Force a format ("text", "markdown", "jsonl" ...) instead of the suffix or sniffing."""


@dataclass(frozen=True)
class ReadContext:
    """One input being read."""

    name: str
    """The input as the user gave it, for messages."""
    source: str
    """The stable source stored with its documents (an absolute path; '#<line>' per row)."""
    options: ReadOptions = field(default_factory=ReadOptions)

    @property
    def stem(self) -> str:
        """A fallback title: the file name without its suffix."""
        return Path(self.name).stem or self.name


Reader = Callable[[bytes, ReadContext], Iterable["RawDocument | ReadError"]]
"""Bytes of one input → its documents; a bad row is yielded as a ReadError, a bad file raised."""


def read_text(data: bytes, context: ReadContext) -> Iterator[RawDocument]:
    """Plain text or Markdown: one document."""
    text = decode(data, context.name)
    del data  # the only reference left: the bytes go before the text is extracted
    yield document_from_text(text, context.source, context.stem)
