"""The ``--set real-dev`` mode of ``bench/eval_extraction.py``: records read from a folder of
``paragraphs.jsonl`` + ``facts.jsonl``, each extracted with its own publication date."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.eval_extraction import DEFAULT_REAL_DEV, evaluate_real_dev, interpreter, main  # noqa: E402

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


CATEGORIES: list[tuple[str | None, str]] = [
    ("yard", "physical"),
    ("kilometer per hour", "physical"),
    ("decibel", "physical"),
    ("ton", "physical"),
    ("CHF", "currency"),
    ("USD", "currency"),
    ("percent", "percent"),
    ("basis point", "percent"),
    ("percentage point", "percent"),
    ("second", "duration"),
    ("year", "duration"),
    ("count", "count"),
    ("rank", "other"),
    (None, "other"),
]


@pytest.mark.parametrize(("unit", "name"), CATEGORIES)
def test_category_of_a_unit(unit: str | None, name: str) -> None:
    from bench.eval_extraction import category

    assert category(unit) == name


def test_general_news_set_has_the_shape_of_real_dev() -> None:
    from bench.eval_extraction import GENERAL_NEWS, real_dev_records

    records = real_dev_records(GENERAL_NEWS)
    assert len(records) >= 90
    keys = None
    for record in records:
        facts = record["facts"]
        assert isinstance(facts, list) and facts, record["id"]
        for fact in facts:
            text = str(record["text"])
            assert text[fact["start"] : fact["end"]] == fact["quote"]
            assert fact["number_quote"] in fact["quote"]
            keys = keys or list(fact)
            assert list(fact) == keys
    if DEFAULT_REAL_DEV.exists():
        real = (DEFAULT_REAL_DEV / "facts.jsonl").read_text(encoding="utf-8").splitlines()[0]
        assert keys == list(json.loads(real))


def test_general_news_files_are_what_the_annotations_make(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bench.eval_extraction import GENERAL_NEWS
    from bench.general_news import make_gold

    monkeypatch.setattr(make_gold, "HERE", tmp_path)
    make_gold.main()
    for name in ("paragraphs.jsonl", "facts.jsonl"):
        made = (tmp_path / name).read_text(encoding="utf-8")
        assert made == (GENERAL_NEWS / name).read_text(encoding="utf-8"), name


def test_general_news_prints_the_categories(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--set", "general-news", "--no-speed", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "value+unit by category:" in out
    for name in ("physical", "currency", "percent", "duration", "count"):
        assert f"  {name} " in out


def test_general_news_scores_hold() -> None:
    from bench.eval_extraction import GENERAL_NEWS

    score = evaluate_real_dev(GENERAL_NEWS)
    # A floor under the scores measured when the set was added (F1 0.98): a regression guard
    # for the classes of issue 20, physical measures and currencies above all.
    assert score.value_unit()[2] >= 0.95
    for name in ("physical", "currency"):
        gold, hit, _, _ = score.by_category[name]
        assert hit / gold >= 0.9, name


def test_speed_figures_name_the_interpreter() -> None:
    """A speed figure depends on the interpreter's build: the line says which one ran."""
    import platform

    line = interpreter()
    assert sys.executable in line
    assert platform.python_version() in line
    assert "\n" not in line
