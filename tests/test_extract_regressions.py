"""The extractor's regression cases, kept as data: ``tests/data/extract_regressions.jsonl``.

One JSON object a line: an ``id``, the ``text`` (in our own words, never copied from
``../shared/corpus/real-dev``), its ``published`` date or null, the ``quote`` of one figure and
the fields that fact must have (``expect``). A wording fixed for good gets a line here; this
runner reads them all.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from factscope.importers.extract import extract_facts

CASES = Path(__file__).with_name("data") / "extract_regressions.jsonl"


def _cases() -> list[dict[str, object]]:
    lines = CASES.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_case_ids_are_unique() -> None:
    ids = [case["id"] for case in _cases()]
    assert len(ids) == len(set(ids)) > 0


@pytest.mark.parametrize("case", _cases(), ids=lambda case: str(case["id"]))
def test_regression_case(case: dict[str, object]) -> None:
    published = dt.date.fromisoformat(str(case["published"])) if case["published"] else None
    facts = [f for f in extract_facts(str(case["text"]), published) if f.quote == case["quote"]]
    assert facts, f"no fact quoting {case['quote']!r}"
    expect = case["expect"]
    assert isinstance(expect, dict)
    assert {k: getattr(facts[0], k) for k in expect} == expect
