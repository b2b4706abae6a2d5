"""`factscope trend` and the shared trend rendering: chart, table rows, export records."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rich.text import Text

from factscope.db import Store
from factscope.tui.cli import main
from factscope.tui.trend_render import trend_between, trend_chart, trend_records, trend_rows
from tests.test_db_trend import ARTICLES, WUHU


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def trend_db(db_path: Path, tmp_path: Path) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text)
    assert run("--db", str(db_path), "import", "-q", str(tmp_path)).exit_code == 0
    return db_path


def test_trend_json_lists_points_in_time_order(trend_db: Path) -> None:
    result = run("--db", str(trend_db), "trend", "Wuhu", "exports", "--json")
    assert result.exit_code == 0, result.stderr
    [series] = json.loads(result.stdout)["series"]
    assert [p["period"] for p in series["points"]] == ["2020", "2021", "2022", "2023"]
    disputed = series["points"][1]
    assert disputed["conflict"] is True
    assert sorted(v["fact"]["quote"] for v in disputed["values"]) == [
        "45.2 billion yuan",
        "46.8 billion yuan",
    ]


def test_trend_csv_and_table_name_each_document(trend_db: Path) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(run("--db", str(trend_db), "trend", "Wuhu", "exports", "--csv").stdout)
        )
    )
    assert [(r["period"], r["conflict"]) for r in rows if r["period"] == "2021"] == [
        ("2021", "True"),
        ("2021", "True"),
    ]
    table = run("--db", str(trend_db), "trend", "Wuhu", "exports").stdout.splitlines()
    assert table[0].split("\t")[:3] == ["region", "period", "value"]
    assert any("Wuhu customs figures" in line and "conflict" in line for line in table)
    assert any(line.split("\t")[1:3] == ["2022", "— no figure"] for line in table)


def test_trend_of_an_unknown_region_is_one_line(trend_db: Path) -> None:
    result = run("--db", str(trend_db), "trend", "Atlantis", "exports")
    assert result.exit_code == 1 and "no region matches 'Atlantis'" in result.stderr


def test_the_chart_draws_every_period_and_marks_disputed_values(trend_db: Path) -> None:
    with Store.open(trend_db) as opened:
        trend = opened.trend(WUHU, "exports")
    chart = trend_chart(trend, 60, 12)
    for period in ("2020", "2021", "2022", "2023"):
        assert period in chart
    assert "x" in chart and "Exports (bn CNY)" in chart and "Wuhu" in chart
    plain = Text.from_ansi(chart).plain
    assert max(len(line.rstrip()) for line in plain.splitlines()) <= 60


def test_rows_records_and_a_period_window(trend_db: Path) -> None:
    with Store.open(trend_db) as opened:
        trend = opened.trend(WUHU, "exports")
    assert len(trend_rows(trend)) == len(trend_records(trend)) == 5  # 1 + 2 + gap + 1
    window = trend_between(trend, "2021", "2022")
    assert [p.period for p in window.series[0].points] == ["2021", "2022"]
    assert window.notes == ["Wuhu: 2 periods outside 2021–2022 left out (2020, 2023)"]
    empty = trend_between(trend, "2030", None)  # nothing left: the note says where they are
    assert empty.series[0].points == []
    assert empty.notes == ["Wuhu: 3 periods before 2030 left out (2020, 2021, 2023)"]


def test_a_metric_phrase_with_escape_sequences_reaches_the_chart_inert(trend_db: Path) -> None:
    """A trend opened on a document's metric phrase titles the chart with it: plotext's text is
    read as ANSI, so the phrase's own control characters must be gone."""
    with Store.open(trend_db) as opened:
        trend = opened.trend(WUHU, "exports")
    hostile = trend.model_copy(update={"label": "Exports\x1b]0;pwned\x07\x1b[31m"})
    chart = trend_chart(hostile, 60, 12)
    assert "\x07" not in chart and "]0;" not in chart and "\x1b[31m" not in chart
    assert "Exports" in Text.from_ansi(chart).plain


def test_trend_measure_charts_what_the_amounts_leave_out(db_path: Path) -> None:
    """The samples: Chengdu states only a share of its exports. The amounts' trend is empty
    and says how to chart the share; --measure share charts it."""
    from tests.conftest import SAMPLES

    assert run("--db", str(db_path), "import", "-q", str(SAMPLES)).exit_code == 0
    amounts = run("--db", str(db_path), "trend", "Chengdu", "exports")
    assert amounts.exit_code == 0
    assert "note: --measure share charts the share figures left out" in amounts.stderr
    assert "60%" not in amounts.stdout
    shares = run("--db", str(db_path), "trend", "Chengdu", "exports", "--measure", "share")
    assert shares.exit_code == 0, shares.stderr
    [row] = shares.stdout.splitlines()[1:]
    assert row.split("\t")[:3] == ["Chengdu", "2021", "60%"]
    assert "--measure" not in shares.stderr
    shown = json.loads(run("--db", str(db_path), "trend", "Chengdu", "exports", "--json").stdout)
    assert shown["other_measures"] == ["share"]
    bad = run("--db", str(db_path), "trend", "Chengdu", "exports", "--measure", "bogus")
    assert bad.exit_code == 2 and "'bogus' is not one of" in bad.stderr
