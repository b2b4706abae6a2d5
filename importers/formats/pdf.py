"""PDF files: their text layer, page by page, without running headers, footers or page numbers.

pdfminer.six does the layout analysis (text boxes, reading order across columns, paragraph
gaps). Pages are separated by a blank line; a word hyphenated across a line end is joined
("develop-\\nment" → "development"); a line that opens or closes most pages (a running
header, footer or page number, digits ignored) is dropped. The title comes from the PDF's
/Title when it reads like one, else from the text; the date from the text, else /CreationDate.

Every failure becomes a one-line :class:`ReadError`: encrypted, no text layer (scanned or
image-only), truncated or not a PDF at all. Non-goals: OCR, tables as structured data,
annotations and form fields, reading order of complex magazine layouts.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import warnings
from collections import Counter
from collections.abc import Iterator

from factscope.db.models import RawDocument
from factscope.importers.readers import (
    ReadContext,
    ReadError,
    document_from_text,
)

_PAGE_NUMBER = re.compile(
    r"^\W*(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\W*$|^第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?$",
    re.I,
)
_HYPHEN = re.compile(r"(?<=[a-z])(-|\xad)\n(?=[a-z])")
_SOFT_HYPHEN = re.compile(r"\xad\n")
_EDGE_LINES = 2
_BAD_TITLE = re.compile(
    r"^(microsoft \w+ - |untitled|document\d*$|\S+\.(docx?|pdf|indd|xlsx?)$)", re.I
)

logging.getLogger("pdfminer").addHandler(logging.NullHandler())


def _key(line: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line)).strip().lower()


def _edges(lines: list[str]) -> list[int]:
    """Indexes of the first and last few non-empty lines of a page."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]))


def drop_running_lines(pages: list[str]) -> list[str]:
    """Remove page numbers and lines repeated at the top or bottom of most pages."""
    split = [page.split("\n") for page in pages]
    counts: Counter[str] = Counter()
    for lines in split:
        counts.update({_key(lines[i]) for i in _edges(lines)})
    needed = max(2, (len(pages) + 1) // 2)
    running = {key for key, n in counts.items() if n >= needed and re.search(r"[^\W\d_]", key)}
    result = []
    for lines in split:
        drop = {
            i
            for i in _edges(lines)
            if _key(lines[i]) in running
            or (len(pages) > 1 and _PAGE_NUMBER.match(lines[i].strip()))
        }
        result.append("\n".join(line for i, line in enumerate(lines) if i not in drop))
    return result


def join_hyphenated(text: str) -> str:
    """``develop-\\nment`` → ``development`` (a lower-case letter on both sides)."""
    return _HYPHEN.sub("", _SOFT_HYPHEN.sub("", text))


def tidy_pages(pages: list[str]) -> str:
    """Pages' raw text → one text: running lines dropped, hyphens joined, blank-line breaks."""
    cleaned = []
    for page in drop_running_lines(pages):
        page = re.sub(r"[ \t]+\n", "\n", page)
        page = re.sub(r"\n{3,}", "\n\n", join_hyphenated(page)).strip()
        if page:
            cleaned.append(page)
    return "\n\n".join(cleaned)


def _pdf_date(value: object) -> dt.date | None:
    raw = value.decode("latin-1", "replace") if isinstance(value, bytes) else str(value)
    match = re.search(r"((?:19|20)\d\d)(\d\d)(\d\d)", raw)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def _info(data: bytes) -> tuple[str | None, dt.date | None]:
    """/Title and /CreationDate from the document information dictionary, if any."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        info = resolve1(document.info[0]) if document.info else {}
        title = resolve1(info.get("Title"))
        text = decode_text(title) if isinstance(title, bytes) else None
        created = _pdf_date(resolve1(info.get("CreationDate")) or "")
    except Exception:  # metadata is a bonus; the text was already read
        return None, None
    if text:
        text = re.sub(r"\s+", " ", text).strip()
    if not text or _BAD_TITLE.search(text) or len(text) > 200:
        text = None
    return text, created


def _extract_pages(data: bytes, name: str) -> list[str]:
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    if not data.strip():
        raise ReadError(name, "empty file")
    if b"%PDF-" not in data[:1024]:
        raise ReadError(name, "not a PDF (no %PDF- header)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            text = extract_text(io.BytesIO(data), laparams=LAParams())
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ReadError(name, "encrypted PDF (needs a password), no extractable text") from exc
    except RecursionError as exc:
        raise ReadError(name, "damaged PDF (objects nested too deeply)") from exc
    except Exception as exc:  # pdfminer raises many types on damaged files; none may escape
        detail = str(exc).strip().splitlines()[0][:80] if str(exc).strip() else ""
        reason = f"damaged or truncated PDF ({type(exc).__name__}{': ' + detail if detail else ''})"
        raise ReadError(name, reason) from exc
    return text.split("\f")


def read_pdf(data: bytes, context: ReadContext) -> Iterator[RawDocument]:
    """One PDF → one document. :raises ReadError: encrypted, image-only or damaged."""
    pages = _extract_pages(data, context.name)
    text = tidy_pages(pages)
    if not re.search(r"[^\W_]", text):
        if b"/Encrypt" in data:
            raise ReadError(context.name, "encrypted PDF, no extractable text")
        raise ReadError(context.name, "no extractable text (scanned or image-only PDF?)")
    document = document_from_text(text, context.source, context.stem)
    title, created = _info(data)
    updates: dict[str, object] = {}
    if title:
        updates["title"] = title
    if document.published is None and created is not None:
        updates["published"] = created
    yield document.model_copy(update=updates) if updates else document


def looks_like_pdf(head: bytes) -> bool:
    """The sniffer: the PDF signature in the first KiB (some writers put junk before it)."""
    return b"%PDF-" in head[:1024]
