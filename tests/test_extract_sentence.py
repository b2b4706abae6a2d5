"""The sentence driver: context starts, semicolon clauses, and every figure through the passes."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from factscope.importers.extract import extract_facts, sentence
from factscope.importers.extract._fold import fold_case
from factscope.importers.extract.figure import Figure
from factscope.importers.extract.passes import PASSES
from factscope.importers.extract.sentence import Document, names_a_subject


def test_semicolons_are_found_in_both_scripts() -> None:
    text = "收入增长5%；二季度增长0.4%; done"
    assert Document.semicolons_of(text) == [text.index("；"), text.index(";")]


@pytest.mark.parametrize(
    "text", ["", ";", "；", "a;b；c;;d", "；；", "no semicolon here", "x;" * 50, "收入；增长;"]
)
def test_semicolons_are_found_as_the_class_pattern_found_them(text: str) -> None:
    """The ``str.find`` scan gives what the pattern ``[;；]`` it replaced gave."""
    assert Document.semicolons_of(text) == [m.start() for m in re.finditer("[;；]", text)]


def test_a_clause_that_names_its_subject_starts_afresh() -> None:
    assert names_a_subject("城镇调查失业率控制在")
    assert not names_a_subject("二季度增长")
    assert not names_a_subject(" 0.4 percent in the second")


def test_a_consumed_percent_makes_no_fact_of_its_own() -> None:
    text = "Hubei's exports reached 120 billion yuan in 2020, up 8.2 percent year on year."
    facts = extract_facts(text, dt.date(2021, 3, 1))
    assert [f.quote for f in facts] == ["120 billion yuan"]
    assert facts[0].change_quote == "8.2 percent"


def test_pass_names_are_unique() -> None:
    names = [name for name, _ in PASSES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    "text",
    [
        "Exports TOPPED 5 billion yuan.", "İstanbul topped the list; Σ stop.", "no such word",
        "laptop sales", "To p", "\u212aTOP", "ΣΣ top ΣΣ", "İİİ", "tOp of the list", "",
    ],
)  # fmt: skip
def test_the_folded_text_says_what_a_folded_sentence_says_of_top(text: str) -> None:
    """``sentence_work`` reads "top" in the text's folded copy instead of folding each sentence
    (what ``ranks.topping_scope`` does first): the same answer for every slice."""
    folded = fold_case(text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            found = folded.find("top", start, end) >= 0
            assert found == ("top" in fold_case(text[start:end])), (start, end)


def _corpus() -> list[str]:
    """The demo corpus and the three sentences of our own that state a change by a multiple,
    a list marker and a "doubled"."""
    folder = Path(sentence.__file__).resolve().parents[1] / "samples"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return [
        *texts,
        "进出口总额增长1.7倍，达到500亿元。",
        "Exports and imports reached 8 billion yuan and 5 billion yuan respectively.",
        "Its exports doubled to 12.4 billion yuan in 2021.",
    ]


def test_a_sentence_with_nothing_to_read_shares_the_empty_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Changes built for every sentence (the shared empty one forced off) give the same facts;
    # the shared one is taken for most sentences and stays empty (no pass writes into it).
    texts = _corpus()
    shared = [extract_facts(t, dt.date(2021, 3, 1)) for t in texts]
    empty = sentence.NO_CHANGES
    assert not (empty.attached or empty.consumed or empty.standalone or empty.verbs)
    assert not (empty.listed or empty._consumed_order)
    taken: list[bool] = []
    real = sentence._rated

    def counted(figs: list[Figure]) -> bool:
        taken.append(not real(figs))
        return True  # every sentence builds its own

    monkeypatch.setattr(sentence, "_rated", counted)
    assert [extract_facts(t, dt.date(2021, 3, 1)) for t in texts] == shared
    assert any(taken) and not all(taken)  # both ways taken


def test_the_rated_gate_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    # Forced to say "nothing to read", a percent's change is lost: the gate is what keeps it.
    text = "Hubei's exports reached 120 billion yuan in 2020, up 8.2 percent year on year."
    assert extract_facts(text, dt.date(2021, 3, 1))[0].change_percent == 8.2
    monkeypatch.setattr(sentence, "_rated", lambda figs: False)
    assert extract_facts(text, dt.date(2021, 3, 1))[0].change_percent is None
