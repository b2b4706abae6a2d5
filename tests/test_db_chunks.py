"""Huge documents are indexed as windows (bounded memory); search puts them back together."""

from __future__ import annotations

import itertools

import pytest

from factscope.db import RawDocument, Store
from factscope.db.chunks import CHUNK_CHARS, OVERLAP, chunk_spans


def test_a_document_up_to_a_chunk_is_one_row() -> None:
    assert chunk_spans("short text") == [(0, 10)]
    text = "word " * (CHUNK_CHARS // 5)
    assert chunk_spans(text) == [(0, len(text))]


@pytest.mark.parametrize("separator", [" ", "\n", ""])
def test_windows_cover_the_text_overlap_and_cut_at_white_space(separator: str) -> None:
    text = separator.join(f"w{i:06d}" for i in range(3 * CHUNK_CHARS // 7))
    spans = chunk_spans(text)
    assert len(spans) >= 3
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end - start == OVERLAP  # each window overlaps the one before
    if separator:
        assert all(end == len(text) or text[end] == separator for _, end in spans)
    assert all(end - start <= CHUNK_CHARS for start, end in spans)


def test_search_finds_words_in_every_window_once_per_document(store: Store) -> None:
    filler = "The committee met again and discussed the plan. " * (CHUNK_CHARS // 48)
    text = f"Opening remarks on Hefei. {filler} Closing remarks on Wuxi exports. {filler} Ningbo."
    store.add_document(RawDocument(text=text, title="Minutes", source="m.txt"), [])
    store.add_document(RawDocument(text="Wuxi exports rose.", title="Short", source="s.txt"), [])
    assert store.db.execute("SELECT count(*) FROM document_chunks").fetchone()[0] >= 4
    for word in ("hefei", "wuxi", "ningbo", "committee"):
        hits = store.search(word, limit=10)
        assert len({h.document.id for h in hits}) == len(hits), "one hit per document"
        assert "Minutes" in {h.document.title for h in hits}, word
    wuxi = store.search("wuxi exports", limit=10)
    assert {h.document.title for h in wuxi} == {"Minutes", "Short"}
    assert store.search_count("committee") == 1
    [minutes] = [h for h in wuxi if h.document.title == "Minutes"]
    assert "Wuxi" in minutes.snippet and minutes.highlights


def test_removing_a_document_removes_its_windows(store: Store) -> None:
    text = "Trade figures follow. " * (CHUNK_CHARS // 10)
    _, doc_id = store.add_document(RawDocument(text=text, title="Big", source="b.txt"), [])
    assert store.db.execute("SELECT count(*) FROM document_chunks").fetchone()[0] > 1
    assert store.delete_document(doc_id)
    assert store.db.execute("SELECT count(*) FROM document_chunks").fetchone()[0] == 0
    assert store.search("trade") == [] and store.check() == []
