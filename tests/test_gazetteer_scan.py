"""The gazetteer's scan (:mod:`importers.gazetteer._scan`): the capitalized words it tries as
the start of a name are the Latin matches of ``START_RE``, its look-behind-led reference."""

from __future__ import annotations

from pathlib import Path

from factscope.importers.gazetteer import _scan
from tests.conftest import SEEDS, requires_shared

_EDGES = (
    "xABC iPhone McDonald ÀShanghai 9Beijing Beijing_Shanghai (Sichuan) ŸUnnan ĀHubei "
    "×Hunan ÷Gansu ɏTibet São Paulo, Zürich. Wuhan's 成都Chengdu"
)


def _reference(text: str, prefixes: set[str]) -> list[tuple[int, int]]:
    """The capitalized words of ``START_RE`` (the form with a leading look-behind)."""
    return [
        m.span() for m in _scan.START_RE.finditer(text) if m.group()[0].isascii()
        and m.group() in prefixes
    ]  # fmt: skip


def _texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.is_file()]


@requires_shared
def test_first_words_are_the_latin_starts_of_the_reference_pattern() -> None:
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    texts = [_EDGES, *_texts(samples), *_texts(SEEDS)]
    words = {w for t in texts for w in _scan._LATIN_START_RE.findall(t)}
    prefixes = words | {"Unnan", "Hubei", "Hunan", "Gansu", "Tibet"}  # every word may start one
    found = 0
    for text in texts:
        expected = _reference(text, prefixes)
        assert _scan._first_words(text, prefixes) == expected, text[:60]
        found += len(expected)
    edge = [_EDGES[a:b] for a, b in _scan._first_words(_EDGES, prefixes)]
    # inside a word: ABC, Phone, Donald, Shanghai after À, Beijing after 9, Unnan, Hubei, Tibet;
    # "×" and "÷" lie in the range U+00C0-U+024F that counts as letters: Hunan, Gansu too
    assert not {"ABC", "Phone", "Donald", "Unnan", "Hubei", "Tibet", "Hunan", "Gansu"} & set(edge)
    assert edge.count("Shanghai") == 1 and edge.count("Beijing") == 1  # after "_" and " "
    assert {"McDonald", "Sichuan", "São", "Chengdu", "Wuhan"} <= set(edge)  # 成都: no letter
    assert found > 500
