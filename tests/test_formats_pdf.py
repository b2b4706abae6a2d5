"""PDF reader: text, page breaks, hyphens, running headers dropped; hostile PDFs fail cleanly.

PDFs are written by hand here (Helvetica, WinAnsi text: a few dozen lines of PDF syntax), and
encrypted with pypdf (a test-only dependency), so no binary fixture lives in the repository.
"""

from __future__ import annotations

import io
import random
import textwrap
from collections import Counter

import pytest

from factscope.importers.formats.pdf import drop_running_lines, join_hyphenated, read_pdf
from factscope.importers.readers import ReadContext, ReadError
from factscope.importers.registry import read_input
from tests.conftest import SEEDS, requires_shared


def _escape(line: str) -> bytes:
    raw = line.encode("cp1252", "replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def make_pdf(
    pages: list[list[str]],
    *,
    header: str | None = None,
    footer: str | None = None,
    image_only: bool = False,
    title: str | None = None,
) -> bytes:
    """A valid PDF: one page per list of lines; ``footer`` may contain ``{page}``."""
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: page tree (filled in below)
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    kids: list[int] = []
    for number, lines in enumerate(pages, start=1):
        ops = [b"0.5 g 72 400 300 200 re f"] if image_only else []
        if not image_only:
            if header:
                ops.append(b"BT /F1 9 Tf 72 810 Td (" + _escape(header) + b") Tj ET")
            ops.append(b"BT /F1 11 Tf 14 TL 72 780 Td")
            ops += [b"(" + _escape(line) + b") Tj T*" for line in lines]
            ops.append(b"ET")
            if footer:
                text = _escape(footer.format(page=number))
                ops.append(b"BT /F1 9 Tf 280 30 Td (" + text + b") Tj ET")
        stream = b"\n".join(ops)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    refs = b" ".join(b"%d 0 R" % kid for kid in kids)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids))
    info = b""
    if title:
        objects.append(b"<< /Title (" + _escape(title) + b") >>")
        info = b" /Info %d 0 R" % len(objects)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for index, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (index, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\n" % (len(objects) + 1, info)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def pdf_from_text(text: str, *, width: int = 85, per_page: int = 45, **kwargs: object) -> bytes:
    """Wrap plain text into pages of lines (blank line between paragraphs)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += [*textwrap.wrap(paragraph, width), ""]
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    return make_pdf(pages, **kwargs)  # type: ignore[arg-type]


def _read(data: bytes, name: str = "doc.pdf") -> str:
    [doc] = list(read_pdf(data, ReadContext(name, f"/abs/{name}")))
    assert not isinstance(doc, ReadError)
    return doc.text


PAGE_1 = [
    "Quarterly Trade Bulletin",
    "",
    "Exports of the province rose 22.5 percent to 465.4 billion yuan, driven by the develop-",
    "ment of new energy vehicles and lithium batteries.",
    "",
    "Imports grew 9.1 percent.",
]
PAGE_2 = ["Trade with ASEAN reached 120.3 billion yuan, up 15 percent.", "", "Outlook is stable."]


def test_text_pages_hyphens_and_running_lines() -> None:
    data = make_pdf(
        [PAGE_1, PAGE_2, ["The end of the bulletin."]],
        header="Provincial Statistics Bureau",
        footer="Page {page} of 3",
    )
    text = _read(data)
    assert "development of new energy vehicles" in text
    assert "Provincial Statistics Bureau" not in text
    assert "Page" not in text
    assert "465.4 billion yuan" in text
    # a page break is a blank line
    assert "Imports grew 9.1 percent.\n\nTrade with ASEAN" in text
    assert "\n\nOutlook is stable." in text


def test_title_from_metadata_else_from_text() -> None:
    [doc] = read_pdf(make_pdf([PAGE_1], title="Trade Bulletin Q3"), ReadContext("a.pdf", "a"))
    assert isinstance(doc, ReadError) is False and doc.title == "Trade Bulletin Q3"
    [doc] = read_pdf(
        make_pdf([PAGE_1], title="Microsoft Word - draft.docx"), ReadContext("a.pdf", "a")
    )
    assert doc.title == "Quarterly Trade Bulletin"


def test_running_lines_and_hyphen_helpers() -> None:
    words = ["Exports", "Imports", "Output", "Retail sales"]
    body = "{w} rose {n} percent.\nThe figures are preliminary.\nSee table {n} for {w}."
    pages = [f"Annual Report 2021\n{body.format(w=w, n=n)}\n- {n} -" for n, w in enumerate(words)]
    cleaned = drop_running_lines(pages)
    assert all("Annual Report" not in page and "- " not in page for page in cleaned)
    assert cleaned[2] == body.format(w="Output", n=2)
    assert drop_running_lines(["Only page\n1"]) == ["Only page\n1"]  # one page: nothing repeats
    assert join_hyphenated("develop-\nment") == "development"
    assert join_hyphenated("Covid-\n19 and A-\nB") == "Covid-\n19 and A-\nB"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (random.Random(7).randbytes(4000), "not a PDF"),
        (b"%PDF-1.4\n" + random.Random(8).randbytes(4000), "PDF"),
        (make_pdf([["a"]], image_only=True), "no extractable text"),
    ],
    ids=["empty", "random", "garbage-after-magic", "image-only"],
)
def test_hostile_pdfs_give_one_clear_error(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError) as info:
        list(read_pdf(data, ReadContext("bad.pdf", "bad")))
    assert info.value.path == "bad.pdf"
    assert reason in info.value.reason
    assert "\n" not in info.value.reason


def test_truncated_pdf_fails_or_reads_what_is_there() -> None:
    data = make_pdf([PAGE_1, PAGE_2] * 3)
    for cut in (len(data) // 3, len(data) // 2, len(data) - 40):
        try:
            docs = list(read_pdf(data[:cut], ReadContext("cut.pdf", "cut")))
        except ReadError as exc:
            assert "\n" not in exc.reason and exc.path == "cut.pdf"
        else:
            assert docs and all(not isinstance(d, ReadError) and d.text for d in docs)


def test_encrypted_pdf_says_encrypted() -> None:
    import pypdf  # in the test extra: a missing one is a failure, not a skip

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf([PAGE_1]))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(ReadError, match="encrypted"):
        list(read_pdf(buffer.getvalue(), ReadContext("locked.pdf", "locked")))


def test_pdf_without_suffix_is_sniffed() -> None:
    context = ReadContext("bulletin.bin", "/abs/bulletin.bin")
    [doc] = list(read_input(make_pdf([PAGE_1]), ".bin", context))
    assert not isinstance(doc, ReadError) and "465.4 billion" in doc.text


@requires_shared
@pytest.mark.parametrize(
    "seed", sorted(p.name for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
)
def test_seed_facts_survive_a_pdf_round_trip(seed: str) -> None:
    from factscope.importers.extract import extract_facts

    text = (SEEDS / seed).read_text(encoding="utf-8")
    if any(ch not in "\n" and not ch.encode("cp1252", "ignore") for ch in text):
        pytest.skip("seed has characters outside the PDF test font (WinAnsi)")
    imported = _read(pdf_from_text(text), seed.replace(".txt", ".pdf"))
    # The PDF text is wrapped into lines; compare with the same wrapped plain text.
    wrapped = "\n\n".join("\n".join(textwrap.wrap(p, 85)) for p in text.split("\n") if p.strip())

    def facts(t: str) -> Counter[tuple[float, str | None]]:
        return Counter((f.value, f.unit) for f in extract_facts(t))

    assert facts(imported) == facts(wrapped)
    assert facts(imported)
