"""The whole-text indexes of :mod:`importers.extract.text_index` against the patterns they
stand for, on boundary cases and on the demo corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factscope.importers.extract.text_index import (
    _FEW,
    _IDEOGRAPH_LEADS,
    ideograph_offsets,
    year_offsets,
)
from factscope.importers.lexicon.common import IDEOGRAPH_RE

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


@pytest.mark.parametrize(
    "text",
    ["", "plain", "“quoted” – text", "\u33ff", "\u3400", "\u4dbf", "\u4dc0", "\u4e00", "\u9fff",
     "\ua000", "\u3000。", "x\U00020000", "\ud800 lone", "é and 版", "ｆｕｌｌ", "\u2e80\u2fff"],
)  # fmt: skip
def test_whether_a_text_holds_an_ideograph_agrees_with_the_class(text: str) -> None:
    assert bool(ideograph_offsets(text)) == (IDEOGRAPH_RE.search(text) is not None)


def test_the_lead_bytes_cover_every_ideograph() -> None:
    assert "“–”".encode()[:1] not in _IDEOGRAPH_LEADS  # what English text holds is passed over
    for lo, hi in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF)):
        for code in range(lo, hi + 1, 97):
            assert chr(code).encode()[:1] in _IDEOGRAPH_LEADS


def test_ideograph_offsets_are_the_matches_of_the_class() -> None:
    # up to _FEW ideographs are decoded from their lead bytes and found by str.find; more, by
    # the class scan: both must give what IDEOGRAPH_RE finds, ideographs repeated or not
    probes = ["“quoted” – text", "\u3400 x \u4dbf \u4dc0 \u4e00 \u9fff \ua000 \u3000。版"]
    probes += ["x\U00020000 版 \ud800 lone 版", "é and 版权", "ｆｕｌｌ \u2e80\u2fff"]
    chinese = "浦东新区外贸进出口总额增长" * 6
    for n in (_FEW - 1, _FEW, _FEW + 1):
        probes += ["“Trade” – " + chinese[:n], chinese[:n] + " and 版", "版" * n]
    probes += [p.read_text(encoding="utf-8") for p in sorted(_SAMPLES.iterdir())]
    for text in probes:
        assert ideograph_offsets(text) == [m.start() for m in IDEOGRAPH_RE.finditer(text)]


def test_ideograph_offsets_from_the_wide_characters_simplify_read() -> None:
    # extract_facts hands ideograph_offsets the wide characters simplify_wide read (no second
    # encoding): they must give what IDEOGRAPH_RE finds, and be None for a converted text
    from factscope.importers.extract.traditional import simplify, simplify_wide

    chinese = "浦东新区外贸进出口总额增长" * 6
    probes = ["“quoted” – text", "\u3400 x \u4dbf \u4dc0 \u4e00 \u9fff \ua000 \u3000。版"]
    probes += ["x\U00020000 版 \ud800 lone 版", "é and 版权", "ｆｕｌｌ \u2e80\u2fff", "增長 億元"]
    probes += ["“Trade” – " + chinese[:n] for n in (30, 31, 32, 33, 70)]
    probes += [p.read_text(encoding="utf-8") for p in sorted(_SAMPLES.iterdir())]
    given = 0
    for text in probes:
        work, wide = simplify_wide(text)
        assert work == simplify(text)  # simplify is simplify_wide's text: see the pair below
        if work is not text:
            assert wide is None  # its wide characters are no longer the text's
        given += wide is not None
        expected = [m.start() for m in IDEOGRAPH_RE.finditer(work)]
        assert ideograph_offsets(work, wide if work is text else None) == expected
    assert given >= 5
    # what simplify_wide converts, known independently of the code under test
    assert simplify_wide("增長 億元")[0] == "增长 亿元"
    assert simplify_wide("增長 億元")[1] is None
    plain = "增长 亿元"
    assert simplify_wide(plain)[0] is plain
