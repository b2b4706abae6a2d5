"""Changes: sign, basis and target of growth-rate wording."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factscope.importers.extract import changes, extract_facts
from factscope.importers.extract._fold import fold_case
from factscope.importers.extract.changes import read_change


def _change(text: str) -> tuple[float, str, bool] | None:
    m = re.search(r"(\d+(?:\.\d+)?)(?:%| percent)", text)
    assert m is not None
    got = read_change(text, m.start(), m.end(), float(m.group(1)), 0, len(text))
    return None if got is None else (got.percent, got.basis, got.targets_next)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("output hit 9 billion yuan, up 7.3 percent year on year", (7.3, "yoy", False)),
        ("sales rose, an increase of 4.4% year-on-year", (4.4, "yoy", False)),
        ("imports fell by 2.5 percent", (-2.5, "unstated", False)),
        ("tax revenue saw an average annual growth of 9.1 percent", (9.1, "avg_annual", False)),
        ("orders grew 11% over June", (11.0, "mom", False)),
        ("down 3.2% compared with the same period of 2019", (-3.2, "vs_2019_same_period", False)),
        ("a year-on-year decline of 6 percent", (-6.0, "yoy", False)),
        ("trade grew 12.6 percent to 410 billion yuan", (12.6, "unstated", True)),
        ("a 5.5% year-on-year increase", (5.5, "yoy", False)),
        ("accounting for 35 percent of the total", None),
        ("chips made up about 40 percent of exports", None),  # a share, not a rise
        ("services make up 55 percent of output", None),
        ("the county will expand 30 percent of its farmland", None),  # the verb's object
        ("the brand took up 12 percent of the market", None),
        ("the ratio increased to 18.2%", None),
    ],
)
def test_change_table(text: str, expected: tuple[float, str, bool] | None) -> None:
    assert _change(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("青岛市外贸进出口总额比去年同期增长9.4%", (9.4, "yoy", False)),
        ("全县进口比上年同期下降2.1%", (-2.1, "yoy", False)),
        ("出口额较上年同期增长4%", (4.0, "yoy", False)),
        ("财政收入较上年增长6%", (6.0, "yoy", False)),
        ("与上年相比增长3.5%", (3.5, "yoy", False)),
        ("同比名义增长了5.5%", (5.5, "yoy", False)),
        ("环比增长1.8%", (1.8, "mom", False)),
        ("比上月回落0.6%", (-0.6, "mom", False)),
        ("固定资产投资年均增长7.2%", (7.2, "avg_annual", False)),
        ("两年平均增长4.9%", (4.9, "avg_annual", False)),
        ("比2019年同期增长11.3%", (11.3, "vs_2019_same_period", False)),
        ("较2019年同期减少5%", (-5.0, "vs_2019_same_period", False)),
        # a year without 同期, like "over 2021": provisional until the figure's own period
        # is known (yoy for 2022, vs_2021_same_period later: resolve_from_year)
        ("比2021年增长8%", (8.0, "from_year:2021", False)),
        ("工业用电量下降1.2%", (-1.2, "unstated", False)),
        ("降幅为2.7%", (-2.7, "unstated", False)),
        ("增速为6.1%", (6.1, "unstated", False)),
        ("民营企业出口占比40%", None),  # a share, not a change
    ],
)
def test_chinese_change_table(text: str, expected: tuple[float, str, bool] | None) -> None:
    assert _change(text) == expected


@pytest.mark.parametrize(
    ("text", "quote", "percent", "basis"),
    [
        ("前三季度，湖北省进出口总额5000亿元，比去年同期增长13.2%。", "5000亿元", 13.2, "yoy"),
        ("2022年，全市出口额800亿元，较2019年同期增长21%。", "800亿元", 21.0,
         "vs_2019_same_period"),
        ("10月，全省社会消费品零售总额2100亿元，环比下降1.5%。", "2100亿元", -1.5, "mom"),
    ],
)  # fmt: skip
def test_chinese_change_attaches_to_the_amount(
    text: str, quote: str, percent: float, basis: str
) -> None:
    [fact] = extract_facts(text)
    assert fact.quote == quote
    assert (fact.change_percent, fact.change_basis) == (percent, basis)


# Wording after the percent: a comparison with a base ("higher than a year ago").
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wages were 7,900 yuan, 5.2 percent higher than a year ago", (5.2, "yoy", False)),
        ("sales were 3.4 percent lower than the previous year", (-3.4, "yoy", False)),
        ("visitors were 12 percent more than in the same period of 2019",
         (12.0, "vs_2019_same_period", False)),
        ("output was 2% less than last year", (-2.0, "yoy", False)),
        ("the price was 8 percent higher than the national average", (8.0, "unstated", False)),
        ("revenue was 9 percent up from a year earlier", (9.0, "yoy", False)),
        ("a 6% increase over the same period of 2020", (6.0, "vs_2020_same_period", False)),
        ("a 6% increase to 30 billion yuan", (6.0, "unstated", True)),
        ("investment was 4.5 percent lower, at 120 billion yuan", (-4.5, "unstated", False)),
        ("exports were 5 percent up on last year", (5.0, "yoy", False)),
        ("the share was 40 percent, up from 35 percent", None),
        ("accounting for 20 percent, more than half of the rest", None),
    ],
)  # fmt: skip
def test_comparison_after_the_percent(text: str, expected: tuple[float, str, bool] | None) -> None:
    assert _change(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("saw its output expand 4.2 percent", (4.2, "unstated", False)),
        ("watched exports grow 3 percent", (3.0, "unstated", False)),
        ("with retail sales soaring 15.6 percent", (15.6, "unstated", False)),
        ("with imports surging 21 percent", (21.0, "unstated", False)),
        ("orders jumping 9%", (9.0, "unstated", False)),
        ("profits climbing 7.7 percent", (7.7, "unstated", False)),
        ("coal output plunging 30 percent", (-30.0, "unstated", False)),
        ("prices sliding 2.2 percent", (-2.2, "unstated", False)),
        ("the deficit shrinking 11 percent", (-11.0, "unstated", False)),
        ("car sales tumbled 6.5 percent", (-6.5, "unstated", False)),
        ("steel output sank 4 percent", (-4.0, "unstated", False)),
        ("saw its GDP drop 1.1 percent", (-1.1, "unstated", False)),
    ],
)
def test_more_change_verbs(text: str, expected: tuple[float, str, bool]) -> None:
    assert _change(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("up 4.1 percent in March compared with the same month of 2021",
         (4.1, "vs_2021_same_period", False)),
        ("rose 2 percent in the third quarter over the same quarter last year",
         (2.0, "yoy", False)),
        ("fell 5 percent in October from September", (-5.0, "mom", False)),
    ],
)  # fmt: skip
def test_basis_after_the_period_of_the_figure(text: str, expected: tuple[float, str, bool]) -> None:
    assert _change(text) == expected


def _verb_forms(alternation: str) -> list[str]:
    """Every word of an alternation like ``_UP``: look-behinds dropped, "d?" both ways."""
    words = []
    for alt in re.sub(r"\(\?<!\w+\\s\)", "", alternation).split("|"):
        alt = alt.replace(r"\s+", " ")
        words.extend([alt[:-2], alt[:-1]] if alt.endswith("?") else [alt])
    return words


def test_trigger_gate_covers_every_form() -> None:
    """The hand-grouped gate must let every verb, noun and lead word through."""
    forms = [
        *_verb_forms(changes._UP),
        *_verb_forms(changes._DOWN),
        *_verb_forms(changes._NOUN_UP),
        *_verb_forms(changes._NOUN_DOWN),
        *["a ", "an ", "the ", "year", "yoy", "y-o-y", "annual", "average", "month", "compound"],
        *["saw", "posted", "registered", "recorded", "achieved", "maintained", "logged"],
    ]
    missed = [w for w in forms if not changes._TRIGGER_GATE_RE.match(w.lower())]
    assert missed == []


# Own sentences: "respectively" pairs a list of changes with the figures before it, in order.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tianjin Port handled 550 million tons of cargo and 21 million TEUs in 2021, up 4.2 "
         "percent and 10.4 percent respectively.",
         [("550 million tons", 4.2, "unstated"), ("21 million TEUs", 10.4, "unstated")]),
        ("Exports and imports of Yantai were 190 billion yuan and 120 billion yuan, up 6.8% and "
         "down 3.5% year on year, respectively.",
         [("190 billion yuan", 6.8, "yoy"), ("120 billion yuan", -3.5, "yoy")]),
        ("Sales of the two plants reached 8 billion yuan (US$1.2 billion) and 5 billion yuan, "
         "rising 11 percent and 9 percent respectively.",
         [("8 billion yuan", 11.0, "unstated"), ("US$1.2 billion", 11.0, "unstated"),
          ("5 billion yuan", 9.0, "unstated")]),
        ("Rail and road freight in Lanzhou reached 40 million tons and 95 million tons "
         "respectively, down 2 percent and 5 percent.",
         [("40 million tons", -2.0, "unstated"), ("95 million tons", -5.0, "unstated")]),
    ],
)  # fmt: skip
def test_respectively_pairs_changes_in_order(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    facts = extract_facts(text)
    got = [(f.quote, f.change_percent, f.change_basis) for f in facts if f.change_percent]
    assert got == expected
    assert not [f.quote for f in facts if f.unit == "percent"]  # all consumed
    for f in facts:
        if f.change_quote is not None:
            assert text[f.change_start : f.change_end] == f.change_quote


def test_respectively_without_figures_makes_standalone_changes() -> None:
    text = "Shantou's exports and imports grew 7.5 percent and 1.9 percent respectively in 2021."
    facts = extract_facts(text)
    assert [(f.quote, f.kind, f.change_percent) for f in facts] == [
        ("7.5 percent", "change", 7.5),
        ("1.9 percent", "change", 1.9),
    ]


def test_respectively_after_shares_changes_nothing() -> None:
    text = "Private and foreign firms made up 55 percent and 30 percent of exports respectively."
    assert [f.kind for f in extract_facts(text)] == ["share", "share"]


def test_grew_at_an_average_annual_rate_of() -> None:
    text = "Over the past decade, Yunnan's exports grew at an average annual rate of 9.6 percent."
    [fact] = extract_facts(text)
    assert (fact.kind, fact.change_percent, fact.change_basis) == ("change", 9.6, "avg_annual")


# Words of the trigger's parts and filler, for windows that end (or fail to end) a trigger.
_WINDOW_WORDS = [
    *_verb_forms(changes._UP), *_verb_forms(changes._DOWN), *_verb_forms(changes._NOUN_UP),
    *_verb_forms(changes._NOUN_DOWN), "by", "of", "at", "an", "a", "the", "its", "average",
    "annual", "rate", "year-on-year", "year on year", "yoy", "y-o-y", "month-on-month", "was",
    "is", "stood", "reached", "hit", "registered", "saw", "posted", "more than", "up to",
    "at least", "as much as", "about", "slight", "robust", "exports", "for", "accounting",
    "contributes", "in 2021", "made", "fastest", "GDP", "x-up", "re_rose", "-", ",", "(", "İ",
]  # fmt: skip
_SPACES = [" ", "  ", "\xa0", "\u2003", "\n", ""]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_WINDOW_WORDS), max_size=7),
    st.lists(st.sampled_from(_SPACES), min_size=8, max_size=8),
)
def test_end_word_gate_passes_every_trigger(words: list[str], spaces: list[str]) -> None:
    # _may_end_a_trigger is a necessary condition of the pattern: a window it stops must have
    # no match (the pattern ends in white space or a dash after one of the end words).
    window = "".join(w + s for w, s in zip(words, spaces, strict=False)) + spaces[-1]
    folded = fold_case(window)
    found = changes._TRIGGER_BEFORE_FOLDED_RE.search(folded)
    if found is not None:
        assert changes._may_end_a_trigger(folded), window
    gated = changes._trigger_before(folded)
    assert (gated and gated.span()) == (found and found.span()), window


@pytest.mark.parametrize(
    ("window", "ends"),
    [
        ("exports grew by ", True), ("up ", True), ("an increase of ", True),
        ("rose year-on-year ", True), ("accounting for ", False), ("contributes ", False),
        ("grew", False), ("up -", True), ("x-up ", True), ("", False),
    ],
)  # fmt: skip
def test_end_word_gate_table(window: str, ends: bool) -> None:
    assert changes._may_end_a_trigger(window) is ends


def test_end_word_gate_passes_each_word_that_ends_a_trigger() -> None:
    """Every qualifier, size word and link the pattern can end with, and "a", at the end of a
    window the pattern matches: the gate passes each (random windows rarely reach them)."""
    windows = [f"rose {q} " for q in changes._QUAL_WORDS]
    windows += [f"rose a {s} " for s in changes._SIZE_WORDS] + ["up a ", "grew at a robust "]
    windows += [f"an increase {link} " for link in changes._NOUN_LINKS]
    for window in windows:
        assert changes._TRIGGER_BEFORE_FOLDED_RE.search(window), window  # a real trigger
        assert changes._may_end_a_trigger(window), window
