"""Which passes a figure runs (:mod:`importers.extract.pass_plan`): the plan leaves out only
passes that would have done nothing, and a wrong need shows in the facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from factscope.db.models import Fact
from factscope.importers.extract import extract_facts, passes
from factscope.importers.extract.figure import Figure
from factscope.importers.extract.pass_plan import NEEDS, plan_of
from tests.test_extract_passes import CASES, PUBLISHED


def _samples() -> list[str]:
    """The demo corpus and every sentence of the pass cases: texts in our own words."""
    folder = Path(passes.__file__).resolve().parents[1] / "samples"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.is_file()]
    return texts + [case[1] for case in CASES]


def _all_facts(texts: list[str]) -> list[list[Fact]]:
    return [extract_facts(text, when) for text in texts for when in (PUBLISHED, None)]


def test_a_figure_runs_only_the_passes_it_needs() -> None:
    amount = Figure(0, 16, 0, 3, 120.0, 1e9, "CNY")
    share = Figure(20, 31, 20, 23, 8.2, 1.0, "percent")
    assert passes.rank_metric not in plan_of(amount, passes.PASSES, NEEDS)
    assert passes.named_rate not in plan_of(amount, passes.PASSES, NEEDS)
    assert passes.per in plan_of(amount, passes.PASSES, NEEDS)
    assert passes.named_rate in plan_of(share, passes.PASSES, NEEDS)
    assert passes.per not in plan_of(share, passes.PASSES, NEEDS)
    assert passes.context in plan_of(share, passes.PASSES, NEEDS)


def test_the_planned_passes_give_the_facts_of_every_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A pass left out of a figure's plan (:data:`passes.NEEDS`) would have done nothing."""
    texts = _samples()
    planned = _all_facts(texts)
    monkeypatch.setattr(passes, "NEEDS", {})  # every pass on every figure
    assert _all_facts(texts) == planned


def test_a_wrong_need_changes_the_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison above can fail: a need that drops the rank pass changes a fact."""
    texts = [case[1] for case in CASES if case[0] == "rank_metric"]
    planned = _all_facts(texts)
    wrong = dict(NEEDS, rank_metric=lambda fig: False)
    monkeypatch.setattr(passes, "NEEDS", wrong)
    assert _all_facts(texts) != planned
