"""``bench/scan_engines.py``: the gate scans it times are the extractor's, and it runs without
the optional engines installed."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.scan_engines import GATES, alternation, module_patterns, report, separate  # noqa: E402

TEXT = "exports rose 5 percent in the first half of 2021 to 3.2 billion yuan. 出口增长三成。"


def test_every_gate_is_a_pattern_of_the_extractor() -> None:
    patterns = module_patterns()
    assert set(GATES) <= set(patterns)
    assert all(isinstance(p, re.Pattern) for p in patterns.values())


def test_one_alternation_finds_what_separate_scans_find_when_nothing_overlaps() -> None:
    digits, years = re.compile(r"[0-9][0-9,.]*"), re.compile(r"(?P<y>20\d\d)")
    assert separate([digits])(TEXT) == 3
    assert separate([years])(TEXT) == 1
    assert alternation([digits, years])(TEXT) == 3  # the year is inside a digit token
    assert alternation([years, re.compile("first", re.I)])(TEXT.upper()) == 2


def test_report_without_hyperscan_says_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "hyperscan", None)  # import fails as if not installed
    report("tiny", [TEXT], rounds=1)
    out = capsys.readouterr().out
    assert "re, one pass per gate" in out
    assert "not installed" in out
