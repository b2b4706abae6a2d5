"""Chinese numerals (:mod:`importers.extract.cjk`): what the numeral scan finds, and that its
class-led form finds what the look-behind-led one did."""

from __future__ import annotations

import re
from pathlib import Path

from factscope.importers.extract import cjk
from factscope.importers.lexicon import zh
from factscope.importers.lexicon.common import alternation

# The pattern as it was before its look-behind moved behind the first character.
_LEADING_LOOKBEHIND_RE = re.compile(
    rf"(?<!第)(?P<n>[零〇一二两三四五六七八九十百千]+)(?P<s>{alternation(zh.NUMERAL_SCALES)})?"
)
_EDGES = "第三季度增长三成，第十五届，五第六，两千万元，〇，一二三亿，第一百"


def test_numerals_after_di_are_ordinals() -> None:
    found = [(v, s) for _, _, v, s, _ in cjk.find_numerals("第三季度增长三成，完成两千万元")]
    assert found == [(3.0, 1.0), (2000.0, 1e4)]


def test_numeral_scan_matches_the_leading_lookbehind_form() -> None:
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    texts = [_EDGES] + [p.read_text(encoding="utf-8") for p in sorted(samples.iterdir())]
    total = 0
    for text in texts:
        old = [(m.span(), m.groupdict()) for m in _LEADING_LOOKBEHIND_RE.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in cjk.NUMERAL_RE.finditer(text)] == old
        total += len(old)
    assert total >= 8  # the edge cases and the Chinese sample hold numerals
