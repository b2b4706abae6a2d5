"""The whole-text indexes of :mod:`importers.extract.text_index` against the patterns they
stand for, on boundary cases and on the demo corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factscope.importers.extract.text_index import year_offsets

_SAMPLES = Path(__file__).resolve().parents[1] / "importers" / "samples"
_YEAR_RE = re.compile(r"(?:19|20)\d\d")


@pytest.mark.parametrize(
    "text",
    ["", "2020", "202", "20201", "192020-", "1919 2020", "2019-2020年", "x20٢٣", "20\n20",
     "120 2001 1999.5", "2020202020", "19", "2٠", "FY2014 up 3% from 2013"],
)  # fmt: skip
def test_year_offsets_are_the_matches_of_the_pattern(text: str) -> None:
    assert year_offsets(text) == [m.start() for m in _YEAR_RE.finditer(text)]


def test_year_offsets_on_the_demo_corpus() -> None:
    found = 0
    for path in sorted(_SAMPLES.iterdir()):
        text = path.read_text(encoding="utf-8")
        expected = [m.start() for m in _YEAR_RE.finditer(text)]
        assert year_offsets(text) == expected
        found += len(expected)
    assert found > 20
