"""Numerals: digits, separators, decimal commas, spelled-out numbers, scales, fractions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factscope.importers.extract import cjk, numbers
from factscope.importers.extract._fold import fold_case
from factscope.importers.extract.numbers import find_numbers
from tests.possessive import greedy_twin, same_match

CASES = [
    ("exports of 4,215 units", "4,215", 4215, 1),
    ("a total of 18.06 billion yuan", "18.06 billion", 18.06, 1e9),
    ("about 13,71 billion euros", "13,71 billion", 13.71, 1e9),
    ("fourteen new parks", "fourteen", 14, 1),
    ("twenty-three cities", "twenty-three", 23, 1),
    ("two hundred and six firms", "two hundred and six", 206, 1),
    ("one million visitors", "one million", 1, 1e6),
    ("3.2 thousand tons", "3.2 thousand", 3.2, 1e3),
    ("5.6 trillion yuan", "5.6 trillion", 5.6, 1e12),
    ("a 2.4 mln yuan grant", "2.4 mln", 2.4, 1e6),
    ("9 bln dollars", "9 bln", 9, 1e9),
    ("US$3bn deal", "3bn", 3, 1e9),
    ("1.1 tln yuan", "1.1 tln", 1.1, 1e12),
    ("出口1.2万亿元", "1.2万亿", 1.2, 1e12),
    ("销售额3亿元", "3亿", 3, 1e8),
    ("增加5万人", "5万", 5, 1e4),
    ("grew 23.4-percent", "23.4", 23.4, 1),
    ("a 45,000-square-meter hall", "45,000", 45000, 1),
]


@pytest.mark.parametrize(("text", "quote", "value", "scale"), CASES)
def test_number_table(text: str, quote: str, value: float, scale: float) -> None:
    nums = find_numbers(text)
    assert nums, text
    n = nums[0]
    assert text[n.start : n.end] == quote
    assert n.value == pytest.approx(value)
    assert n.scale == scale


def test_fraction_and_half() -> None:
    text = "one-sixth of the output and two-thirds of sales; half a month"
    nums = find_numbers(text)
    assert [round(n.value, 4) for n in nums] == [0.1667, 0.6667, 0.5]
    assert nums[0].fraction and nums[2].half


@pytest.mark.parametrize("text", ["G60", "5G network", "the 14th plan", "A380"])
def test_glued_names_are_not_numerals(text: str) -> None:
    assert all(text[n.start : n.end] not in ("60", "5", "14", "380") for n in find_numbers(text))


# The number-word gate as one flat alternation, before it was grouped by first letter.
_FLAT_WORD_START_RE = re.compile(
    r"[^a-z0-9_.](?=(?:seventeen|thirteen|fourteen|eighteen|nineteen|fifteen|sixteen|eleven|"
    r"twelve|three|seven|eight|zero|four|five|nine|one|two|six|ten|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|half)\b|a[-\s]\s*(?:hundred|quarters?|half|halves|third|"
    r"thirds|fourth|fourths|fifth|fifths|sixth|sixths|seventh|sevenths|eighth|eighths|ninth|"
    r"ninths|tenth|tenths)\b)"
)
_NUMBER_WORDS_TEXT = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety half, a hundred a quarter a-third a  tenths; sevens oneself tenth anyone .two _six "
    "seven-fold (ninety) twentyfold a half"
)


def test_grouped_number_word_gate_finds_what_the_flat_one_found() -> None:
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    texts = [_NUMBER_WORDS_TEXT] + [p.read_text(encoding="utf-8") for p in samples.iterdir()]
    hits = 0
    for text in map(fold_case, texts):
        flat = [m.start() for m in _FLAT_WORD_START_RE.finditer(text)]
        assert [m.start() for m in numbers._WORD_START_RE.finditer(text)] == flat
        hits += len(flat)
    assert hits >= 40


_WORD_PIECES = [
    "one", "two", "seven", "seventeen", "sixty", "ten", "tenth", "half", "halves", "zero", "a",
    "hundred", "quarter", "quarters", "thirds", "eight", "s", "x", "_", ".", "-", " ", "\n",
    "\xa0", "(", "é", "5", "中",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=8).map("".join))
def test_number_word_gate_is_the_flat_pattern_on_random_text(text: str) -> None:
    flat = [m.start() for m in _FLAT_WORD_START_RE.finditer(text)]
    assert [m.start() for m in numbers._WORD_START_RE.finditer(text)] == flat


_BYTE_PIECES = [*_WORD_PIECES, "É", "ſ", "\u3000", "’", "\U0001f600", "\ud800", "ā", "ıx"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_BYTE_PIECES), max_size=9).map("".join))
def test_byte_scan_finds_what_the_word_gate_finds(text: str) -> None:
    # the scan of the spaced UTF-8 bytes finds more where a letter beyond ASCII follows a
    # word ("oneé") and counts its hits back to characters past multi-byte ones
    folded = fold_case(text)
    expected = [m.start() + 1 for m in numbers._WORD_START_RE.finditer(folded)]
    assert numbers._word_starts(folded, folded.encode("utf-8", "surrogatepass")) == expected


def test_byte_scan_on_the_samples_and_the_word_list() -> None:
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    texts = [_NUMBER_WORDS_TEXT] + [p.read_text(encoding="utf-8") for p in samples.iterdir()]
    texts += ["“one” é two中three\u3000a\u3000half oneé two"]
    hits = 0
    for folded in map(fold_case, texts):
        expected = [m.start() + 1 for m in numbers._WORD_START_RE.finditer(folded)]
        assert numbers._word_starts(folded, folded.encode("utf-8", "surrogatepass")) == expected
        hits += len(expected)
    assert hits >= 40


def _three_scans(text: str, folded: str) -> tuple[set[int], list[tuple[int, int, str, str]]]:
    """The candidates and Chinese numerals as three separate scans found them."""
    starts = set()
    for m in numbers._DIGIT_TOKEN_RE.finditer(text):
        start = m.start()
        glued = start > 0 and text[start - 1] in numbers._NOT_BEFORE
        if not glued or numbers._after_code(text, start):
            starts.add(start)
        starts.update(start + i + 1 for i, c in enumerate(m.group()) if c == ",")
    starts.update(m.start() + 1 for m in numbers._WORD_START_RE.finditer(folded))
    if numbers._FIRST_WORD_RE.match(folded):
        starts.add(0)
    zh = [(m.start(), m.end(), m.group("n"), m.group("s")) for m in cjk.NUMERAL_RE.finditer(text)]
    return starts, zh


@pytest.mark.parametrize(
    "text",
    [
        "1,two and 3, four; 5,,six 7.eight", "三one 第三two 第三四 五万one", "3千 2,000亿 1200多亿",
        "RMB580 billion, Rs.5 and FORMRB5", "one. two (three) “four” \nfive-six", "Two to TEN",
        "a half, a quarter, a-third; 十五%, 两亿元, 第二产业", "",
    ],
)  # fmt: skip
def test_one_scan_finds_what_the_three_scans_found(text: str) -> None:
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    for each in [text, *(p.read_text(encoding="utf-8") for p in sorted(samples.iterdir())[:3])]:
        folded = fold_case(each)
        starts, numerals, _ = numbers._candidate_starts(each, folded)
        assert starts == sorted(starts)
        numerals = numerals or []  # None: no Chinese numeral's lead byte, no numeral
        assert (set(starts), [tuple(n) for n in numerals]) == _three_scans(each, folded)


def test_other_digits_are_what_backslash_d_matches_beyond_ascii() -> None:
    # the zeros of the Basic Multilingual Plane's decimal digits, as Python's Unicode has them
    # (a new Unicode version with new digits fails here: the list then needs them)
    other = re.compile(f"[{numbers.OTHER_DIGITS}]")
    digit = re.compile(r"\d")
    for code in range(0x80, 0x10000):
        char = chr(code)
        assert bool(other.match(char)) == bool(digit.match(char)), hex(code)
    assert other.match("\U0001d7ce") and other.match("\U0001f600")  # beyond it: all let through


# The numeral pattern without the first-letter guards in front of its scale words.
_UNGUARDED_NUMBER_RE = re.compile(
    numbers.NUMBER_RE.pattern.replace(f"(?=[{numbers._SCALE_FIRST}])", "").replace(
        f"(?=[{numbers._GLUED_FIRST}])", ""
    ),
    numbers.NUMBER_RE.flags,
)
_SCALE_PIECES = [
    "5", "12", "1,200", "3.5", "٣", " ", "\xa0", "\n", "million", "MILLION", "Bn", "bn", "m",
    "K", "\u212a", "k", "mln", "lakhs", "crore", "tn", "Trillion", "quadrillion", "万", "亿",
    "多", "余", "百万", "km", "MB", "-", ",", ".", "x", "a", "one", "hundred",
]  # fmt: skip


def test_scale_guards_are_in_the_pattern() -> None:
    assert _UNGUARDED_NUMBER_RE.pattern != numbers.NUMBER_RE.pattern
    assert numbers._SCALE_FIRST and numbers._GLUED_FIRST


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_SCALE_PIECES), max_size=7).map("".join))
def test_scale_guards_change_no_match(text: str) -> None:
    # every alternative of the scale words opens with a letter of its guard: the same numerals
    for pos in range(len(text)):
        m = numbers.NUMBER_RE.match(text, pos)
        old = _UNGUARDED_NUMBER_RE.match(text, pos)
        assert (m and (m.span(), m.groupdict())) == (old and (old.span(), old.groupdict()))


_CASE_PIECES = [
    "one", "ONE", "Two", "thrEE", "a", "A", "half", "HALF", "hundred", "Hundred", "quarter",
    "quarters", "third", "of", "the", "year", "past", "first", "in", "and", "twenty", "-", " ",
    "\n", "\xa0", "million", "Bn", "ſ", "\u212a", "İ", "ı", "é", "5", ".",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_CASE_PIECES), max_size=8).map("".join))
def test_number_words_read_on_folded_text_as_on_the_text(text: str) -> None:
    # where a number word can start (no digit), the folded twin reads the same numeral
    folded = fold_case(text)
    for pos in range(len(text)):
        if folded[pos] in "0123456789":
            continue
        m = numbers.NUMBER_RE.match(text, pos)
        twin = numbers._NUMBER_FOLDED_RE.match(folded, pos)
        assert (m and m.span()) == (twin and twin.span())
        if m and twin:
            groups = {k: v and fold_case(v) for k, v in m.groupdict().items()}
            assert groups == twin.groupdict()


_NUMBER_PIECES = [*_SCALE_PIECES, "٣", "١٢", "0", "9,99", ",000", ".5", "a", "C", "G"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_NUMBER_PIECES), max_size=8).map("".join))
def test_possessive_number_pattern_reads_as_its_greedy_twin(text: str) -> None:
    # the digit runs before a comma and the spaces before a scale word give nothing back:
    # what follows them cannot open with a digit or a space ("12٣x" still reads "12")
    greedy = greedy_twin(numbers.NUMBER_RE)
    for pos in range(len(text)):
        assert same_match(numbers.NUMBER_RE.match(text, pos), greedy.match(text, pos)), pos


def test_possessive_number_pattern_on_the_samples() -> None:
    greedy = greedy_twin(numbers.NUMBER_RE)
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    for path in sorted(samples.iterdir()):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"\d", text):
            pos = m.start()
            assert same_match(numbers.NUMBER_RE.match(text, pos), greedy.match(text, pos))
    for text in ("12٣x", "1,234٣x", "5,57,271x", "3,5 million", "7 多万", "1.5٣x", "2 bn"):
        assert same_match(numbers.NUMBER_RE.match(text), greedy.match(text)), text


def test_chinese_numerals_share_the_lead_bytes_the_digit_table_marks() -> None:
    # a text whose UTF-8 holds none of these bytes skips cjk.find_numerals: every character
    # a Chinese numeral, fraction (分之, 一半) or bare scale (破亿) needs must have one of them
    marked = {i for i, byte in enumerate(numbers._BYTE_DIGITS) if byte == ord("!")}
    for char in cjk.NUMERAL_CHARS + "分一亿":
        assert char.encode("utf-8")[0] in marked, char


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_CASE_PIECES, "“", "”", "—", "过", "超", "亿", "分之", "一半"]),
                max_size=8).map("".join))  # fmt: skip
def test_skipped_chinese_look_would_have_found_nothing(text: str) -> None:
    for each in (text, "“5 million” — 过亿 " + text):
        found = numbers.find_numbers(each)
        _, numerals, _ = numbers._candidate_starts(each, fold_case(each))
        if numerals is None:  # the look was skipped: it would have added nothing
            assert numbers._with_chinese_numerals(each, found) == found
        else:
            assert not each.isascii()
