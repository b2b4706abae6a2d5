"""The ``--set real-dev`` mode of ``bench/eval_extraction.py``: records read from a folder of
``paragraphs.jsonl`` + ``facts.jsonl``, each extracted with its own publication date."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.eval_extraction import DEFAULT_REAL_DEV, evaluate_real_dev, main  # noqa: E402

# Own sentence: a year-less month range takes its year from the record's ``published`` date.
TEXT = "From January to May, Yunnan's exports reached 12.5 billion yuan, up 8 percent."


def _gold(quote: str, **fields: object) -> dict[str, object]:
    start = TEXT.index(quote)
    return {
        "paragraph_id": "T1",
        "quote": quote,
        "start": start,
        "end": start + len(quote),
    } | fields


def _write(folder: Path, published: str | None, facts: list[dict[str, object]]) -> None:
    folder.mkdir(exist_ok=True)
    record = {"id": "T1", "source": "own", "text": TEXT, "published": published}
    (folder / "paragraphs.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    lines = "".join(json.dumps(f) + "\n" for f in facts)
    (folder / "facts.jsonl").write_text(lines, encoding="utf-8")


def _level(period: str) -> dict[str, object]:
    return _gold(
        "12.5 billion yuan",
        value=12.5,
        value_max=None,
        unit="CNY",
        kind="level",
        region="Yunnan",
        period=period,
        change_percent=8.0,
        metric_type="exports",
    )


def test_record_date_reaches_the_extractor(tmp_path: Path) -> None:
    _write(tmp_path, "2023-06-10", [_level("2023-01/2023-05")])
    score = evaluate_real_dev(tmp_path)
    assert (score.gold, score.matched) == (1, 1)
    assert score.accuracy("period") == 1.0
    # The same text published a year later resolves to the later year: the date is used.
    _write(tmp_path, "2024-06-10", [_level("2023-01/2023-05")])
    later = evaluate_real_dev(tmp_path)
    assert later.accuracy("period") == 0.0
    assert any("period: gold '2023-01/2023-05' got '2024-01/2024-05'" in w for w in later.wrong)


def test_unmatched_gold_is_listed_as_a_miss(tmp_path: Path) -> None:
    wrong_value = _level("2023-01/2023-05") | {"value": 13.5}
    _write(tmp_path, "2023-06-10", [wrong_value])
    score = evaluate_real_dev(tmp_path)
    assert score.matched == 0
    assert score.misses and score.misses[0].startswith("T1 '12.5 billion yuan' 13.5 CNY")


def test_main_prints_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path, None, [_level("XXXX-01/XXXX-05")])
    assert main(["--set", "real-dev", "--real-dev", str(tmp_path), "--no-speed"]) == 0
    out = capsys.readouterr().out
    assert "value+unit" in out and "period" in out and "misses (0)" in out
    assert main(["--set", "real-dev", "--real-dev", str(tmp_path / "absent"), "--no-speed"]) == 2


@pytest.mark.skipif(not DEFAULT_REAL_DEV.exists(), reason="shared corpus not available")
def test_real_dev_is_read_whole() -> None:
    score = evaluate_real_dev()
    assert score.gold == 652
    # A floor under the scores measured when the mode was added (F1 0.915): a regression guard.
    assert score.value_unit()[2] >= 0.9
