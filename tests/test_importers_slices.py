"""Big documents are extracted in slices: every offset still exact, memory bounded by the
slice, and what one document may produce capped with a notice."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import factscope.importers.extract
from factscope.db import Fact, Store
from factscope.importers import import_paths
from factscope.importers.extract import extract_facts
from factscope.importers.slices import SENTENCE_REACH, extract_in_slices, slices

REGIONS = ["Songjiang District", "Sichuan Province", "Hefei", "Chengdu", "Wuhan", "Qingdao"]


def _paragraph(rng: random.Random) -> str:
    """A paragraph that names its own place and year, so it needs no context from before."""
    region, year = rng.choice(REGIONS), rng.randint(2016, 2022)
    return (
        f"In {year}, {region}'s exports reached {rng.uniform(1, 900):.2f} billion yuan,"
        f" up {rng.uniform(1, 30):.1f} percent year on year. Local officials credited"
        f" supportive policies. {region} attracted {rng.randint(10, 900)} new companies in"
        f" {year}."
    )


def _text(paragraphs: int, sep: str = "\n\n", seed: int = 5) -> str:
    rng = random.Random(seed)
    return sep.join(_paragraph(rng) for _ in range(paragraphs))


def figures_file(folder: Path, count: int) -> Path:
    """A document stating ``count`` figures, one per sentence, in one paragraph."""
    path = folder / "table.txt"
    figures = " ".join(f"Output rose {i + 1}% in 2020." for i in range(count))
    path.write_text(f"Figures\n\n{figures}")
    return path


def _assert_exact(text: str, facts: list[Fact]) -> None:
    for fact in facts:
        assert text[fact.start : fact.end] == fact.quote
        if fact.change_start is not None:
            assert text[fact.change_start : fact.change_end] == fact.change_quote
        assert fact.sentence_start is not None and fact.sentence_end is not None
        assert fact.sentence_start <= fact.start < fact.end <= fact.sentence_end


@pytest.mark.parametrize(
    ("text", "window", "cuts"),
    [
        ("short", 10, [(0, 5)]),
        ("aaaa bbbb\n\ncccc dddd", 14, [(0, 11), (11, 20)]),  # at the paragraph break
        ("One two. Three four. Five six.", 24, [(0, 20), (20, 30)]),  # a sentence end
        ("one two three four five", 10, [(0, 8), (8, 14), (14, 23)]),  # spaces
        ("一二三。四五六。七八九。", 6, [(0, 4), (4, 8), (8, 12)]),  # Chinese sentence ends
        ("ab12345678", 6, [(0, 6), (6, 10)]),  # no break at all: cut where it must
        ("x" * 5 + "1234567", 8, [(0, 8), (8, 12)]),  # a word longer than half a window
    ],
)
def test_slices_cover_the_text_at_breaks(
    text: str, window: int, cuts: list[tuple[int, int]]
) -> None:
    assert list(slices(text, window)) == cuts


def test_hard_cut_moves_off_a_number() -> None:
    text = "abcdefg+1234+xyz"
    assert list(slices(text, 10)) == [(0, 8), (8, 16)]  # '1234' is not cut in two


def test_paragraph_slices_give_the_same_facts_as_one_pass() -> None:
    text = _text(60)
    whole = extract_facts(text, None)
    sliced = extract_in_slices(text, None, window=600)
    assert len(list(slices(text, 600))) >= 20
    assert sliced.notice is None
    assert [f.model_dump() for f in sliced.facts] == [f.model_dump() for f in whole]


def test_offsets_exact_across_sentence_cuts_in_one_line() -> None:
    text = _text(80, sep=" ", seed=9)  # no newline at all: cuts fall on sentence ends
    sliced = extract_in_slices(text, None, window=500)
    assert len(list(slices(text, 500))) > 30
    _assert_exact(text, sliced.facts)
    whole = extract_facts(text, None)
    assert [f.quote for f in sliced.facts] == [f.quote for f in whole]
    assert [f.start for f in sliced.facts] == [f.start for f in whole]


def test_facts_are_capped_with_a_notice() -> None:
    text = " ".join(f"Output rose {i % 90 + 1}.5% in 2020." for i in range(300))
    capped = extract_in_slices(text, None, window=1_000, max_facts=50)
    assert len(capped.facts) == 50
    assert capped.notice is not None and capped.notice.startswith("kept the first 50 facts")
    _assert_exact(text, capped.facts)


def test_a_huge_sentence_gives_a_clipped_evidence_sentence() -> None:
    filler = "and the committee discussed the plan at length " * 200  # ~9,600 chars
    text = f"Officials said {filler} that exports rose 5.2 percent in 2020 {filler}."
    [fact] = extract_in_slices(text, None).facts
    assert fact.quote == "5.2 percent"
    assert fact.sentence_start is not None and fact.sentence_end is not None
    assert fact.start - fact.sentence_start <= SENTENCE_REACH
    assert fact.sentence_end - fact.end <= SENTENCE_REACH
    _assert_exact(text, [fact])


def test_the_pipeline_extracts_no_more_than_a_window_at_once(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    real = factscope.importers.extract.extract_facts

    def recording(text: str, published: object = None) -> list[Fact]:
        seen.append(len(text))
        return real(text, published)  # type: ignore[arg-type]

    monkeypatch.setattr(factscope.importers.extract, "extract_facts", recording)
    monkeypatch.setattr("factscope.importers.slices.WINDOW", 20_000)  # the same code, sooner
    text = _text(600, sep=" ")  # ~110 KB on a single line
    assert len(text) > 5 * 20_000
    (tmp_path / "big.txt").write_text(text)
    report = import_paths([tmp_path / "big.txt"], store)
    assert report.imported == 1 and len(seen) >= 5
    assert max(seen) <= 20_000
    [doc] = store.documents(limit=1)
    stored = store.document(doc.id).text
    facts = store.facts_for_document(doc.id)
    assert len(facts) == report.facts > 600
    _assert_exact(stored, facts)


def test_a_capped_import_says_so_and_succeeds(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("factscope.importers.slices.MAX_FACTS", 10)
    path = figures_file(tmp_path, 30)
    report = import_paths([path], store)
    assert report.ok and report.imported == 1 and report.facts == 10
    [notice] = report.notices
    assert notice.path == str(path) and "kept the first 10 facts" in notice.reason
