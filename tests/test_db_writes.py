"""Writing documents and facts: a long text goes in through blob I/O and reads back exactly;
facts go in batches and come out as one list."""

from __future__ import annotations

import sqlite3 as stdlib_sqlite3
from pathlib import Path

import pytest

from factscope.db import Fact, RawDocument, Store, document_id
from factscope.db.writes import insert_document

# ASCII, a Chinese run (three UTF-8 bytes a character), an emoji (four) and line breaks: the
# byte length the zero-filled text is made with differs from the character count.
PARAGRAPH = "Exports rose 5.2 percent in 2020. 外贸进出口总额3055亿元。 Cheers 🙂\n"


@pytest.fixture(autouse=True)
def _small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("factscope.db.writes.TEXT_PIECE", 1_000)  # the same code, sooner


def test_a_long_text_reads_back_exactly(store: Store) -> None:
    text = PARAGRAPH * 300
    _, doc_id = store.add_document(RawDocument(text=text, title="Long", source="l.txt"), [])
    assert store.document(doc_id).text == text
    assert [hit.document.id for hit in store.search("Cheers")] == [doc_id]  # its chunks too


def test_short_and_long_texts_store_the_same(tmp_path: Path) -> None:
    text = PARAGRAPH * 5  # under one piece: bound to the INSERT
    with Store.open(tmp_path / "a.db") as store:
        _, doc_id = store.add_document(RawDocument(text=text, title="T", source="s"), [])
        assert store.document(doc_id).text == text
    with stdlib_sqlite3.connect(tmp_path / "a.db") as conn:
        assert conn.execute("SELECT typeof(text), length(text) FROM documents").fetchone() == (
            "text",
            len(text),
        )


def test_the_standard_library_sqlite3_writes_long_texts_too(tmp_path: Path) -> None:
    # sqlite-utils hands the store pysqlite3 where it is installed; elsewhere the standard
    # library's module, whose blob call has another name.
    with Store.open(tmp_path / "s.db"):
        pass
    text = PARAGRAPH * 40
    conn = stdlib_sqlite3.connect(tmp_path / "s.db")
    try:
        with conn:
            rowid = insert_document(conn, "x1", RawDocument(text=text, title="T", source="s"), 0)
        stored = conn.execute("SELECT typeof(text), text FROM documents WHERE rowid = ?", (rowid,))
        assert stored.fetchone() == ("text", text)
    finally:
        conn.close()


def test_facts_written_in_batches_keep_their_order_and_ids(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("factscope.db.writes.FACT_BATCH", 3)
    text = "".join(f"Output rose {i}.5 percent. " for i in range(10))
    facts = []
    for i in range(10):
        quote = f"{i}.5 percent"
        start = text.index(quote)
        facts.append(
            Fact(
                start=start,
                end=start + len(quote),
                quote=quote,
                number_quote=f"{i}.5",
                value=i + 0.5,
                unit="%",
            )
        )
    _, doc_id = store.add_document(RawDocument(text=text, title="T", source="f"), facts)
    stored = store.facts_for_document(doc_id)
    assert [f.quote for f in stored] == [f.quote for f in facts]
    assert len({f.id for f in stored}) == 10
    assert [hit.fact.quote for hit in store.search_facts("7.5").hits] == ["7.5 percent"]
    assert doc_id == document_id(text)
