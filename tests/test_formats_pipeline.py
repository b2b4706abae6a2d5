"""Mixed batches through the CLI: every format imports, each bad file is one line, exit 1."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factscope.db import Store
from factscope.importers import import_paths
from factscope.importers.readers import ReadOptions
from factscope.tui.cli import main
from tests.test_formats_html import PARAGRAPHS, press_release
from tests.test_formats_pdf import PAGE_1, PAGE_2, make_pdf


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def _batch(folder: Path) -> dict[str, str]:
    """Write good and bad files; returns bad file name → expected words in its message."""
    folder.mkdir()
    (folder / "release.html").write_text(press_release(PARAGRAPHS, title="Trade bases reach 28"))
    (folder / "bulletin.pdf").write_bytes(make_pdf([PAGE_1, PAGE_2], footer="Page {page}"))
    (folder / "news.csv").write_text(
        'title,text\nChongqing,Chongqing trade rose 22.8 percent.\nBad,"x"y"\n', newline=""
    )
    (folder / "feed.jsonl").write_text(
        json.dumps({"title": "Hefei", "text": "Hefei made 254,000 vehicles in 2022."}) + "\n{bad\n"
    )
    (folder / "empty.html").write_bytes(b"")
    (folder / "truncated.pdf").write_bytes(make_pdf([PAGE_1])[:120])
    (folder / "random.pdf").write_bytes(random.Random(1).randbytes(3000))
    return {
        "empty.html": "empty file",
        "truncated.pdf": "PDF",
        "random.pdf": "not a PDF",
        "news.csv:3": "malformed CSV row",
        "feed.jsonl:2": "malformed JSON",
    }


def test_mixed_batch_through_the_cli(tmp_path: Path) -> None:
    db = tmp_path / "facts.db"
    bad = _batch(tmp_path / "in")
    result = run("--db", str(db), "import", str(tmp_path / "in"))
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if any(name in line for name in bad)]
    for name, words in bad.items():
        mine = [line for line in lines if f"{name}:" in line or line.endswith(name)]
        assert len(mine) == 1 and words in mine[0], (name, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    with Store.open(db) as store:
        titles = sorted(d.title for d in store.documents(limit=20))
    assert titles == ["Chongqing", "Hefei", "Quarterly Trade Bulletin", "Trade bases reach 28"]


def test_stdin_jsonl_stream_and_one_html_document(tmp_path: Path) -> None:
    db = tmp_path / "facts.db"
    stream = "\n".join(
        json.dumps({"title": f"Doc {n}", "text": f"Trade rose {n} percent."}) for n in range(3)
    )
    result = run("--db", str(db), "import", "--format", "jsonl", "-", stdin=stream.encode())
    assert result.exit_code == 0, result.stderr
    page = press_release(PARAGRAPHS, title="From stdin").encode()
    result = run("--db", str(db), "import", "--format", "html", "-", stdin=page)
    assert result.exit_code == 0, result.stderr
    with Store.open(db) as store:
        titles = sorted(d.title for d in store.documents(limit=20))
    assert titles == ["Doc 0", "Doc 1", "Doc 2", "From stdin"]


def test_wrong_suffix_is_sniffed_in_a_batch(tmp_path: Path, store: Store) -> None:
    (tmp_path / "page.dat").write_text(press_release(PARAGRAPHS, title="Sniffed"))
    (tmp_path / "report.bin").write_bytes(make_pdf([PAGE_1]))
    report = import_paths([tmp_path / "page.dat", tmp_path / "report.bin"], store)
    assert (report.imported, report.failed) == (2, [])


def _big_line(size: int) -> str:
    """One line of ``size`` characters: prose with a figure every ~2 KB."""
    filler = "The district kept working with its partners across the region on trade. " * 28
    block = filler + "Trade rose 5.2 percent to 30.1 billion yuan. "
    return (block * (size // len(block) + 1))[:size]


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["txt", "jsonl"])
def test_ten_megabyte_single_line_imports(tmp_path: Path, store: Store, kind: str) -> None:
    path = tmp_path / f"big.{kind}"
    text = _big_line(10 * 1024 * 1024)
    path.write_text(text if kind == "txt" else json.dumps({"title": "Big", "text": text}))
    report = import_paths([path], store, options=ReadOptions())
    assert (report.imported, report.failed) == (1, [])


@pytest.mark.parametrize("kind", ["txt", "jsonl", "csv", "html"])
def test_one_megabyte_single_line_reads_quickly(tmp_path: Path, kind: str) -> None:
    from factscope.importers.readers import ReadContext
    from factscope.importers.registry import read_file

    text = _big_line(1024 * 1024)
    content = {
        "txt": text,
        "jsonl": json.dumps({"text": text}),
        "csv": f"text\n{text}\n",
        "html": f"<html><body><p>{text}</p></body></html>",
    }[kind]
    path = tmp_path / f"big.{kind}"
    path.write_text(content)
    [doc] = list(read_file(path, ReadContext(path.name, str(path))))
    assert not isinstance(doc, Exception) and len(doc.text) >= len(text) - 1
