"""The CLI through click's runner: output shapes, exit codes, one-line errors, help text."""

from __future__ import annotations

import csv
import io
import json
import sqlite3 as stdlib_sqlite3
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from factscope.db.schema import SCHEMA_VERSION
from factscope.tui.cli import main
from factscope.tui.cli import run as run_console_script
from tests.conftest import SEEDS, requires_shared


def run(*args: str, stdin: str | bytes | None = None, env: dict[str, str] | None = None) -> Result:
    """Invoke the CLI in-process; exceptions propagate (an uncaught one is a test failure)."""
    return CliRunner().invoke(main, list(args), input=stdin, env=env, catch_exceptions=False)


@requires_shared
def test_import_then_search_json(db_path: Path) -> None:
    result = run("--db", str(db_path), "import", str(SEEDS))
    assert result.exit_code == 0, result.stderr
    assert "5 imported" in result.stderr
    result = run("--db", str(db_path), "search", "foreign trade", "--json")
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert hits and all(h["snippet"] and h["highlights"] for h in hits)
    assert {"id", "title", "source", "published", "rank"} <= set(hits[0])
    again = run("--db", str(db_path), "import", str(SEEDS))
    assert "0 imported" in again.stderr and "5 unchanged" in again.stderr


def test_search_limit_says_truncation(db_path: Path, tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"d{i}.txt").write_text(f"Report number {i}\n\nTrade rose {i + 1} percent.")
    assert run("--db", str(db_path), "import", str(tmp_path)).exit_code == 0
    result = run("--db", str(db_path), "search", "trade", "--limit", "2", "--json")
    assert len(json.loads(result.stdout)) == 2
    assert "showing 2 of 3" in result.stderr


def test_bad_inputs_exit_1_with_one_line_each(db_path: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A good report\n\nExports rose 5 percent to 10 billion yuan.")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("--db", str(db_path), "import", str(empty), str(tmp_path / "nope.md"), str(good))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("factscope:")]
    assert errors == [
        f"factscope: {tmp_path / 'nope.md'}: no such file or directory",
        f"factscope: {empty}: empty file",
    ]
    assert "1 imported" in result.stderr
    assert "Traceback" not in result.output


def test_newer_database_is_one_line(db_path: Path) -> None:
    conn = stdlib_sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 42")
    conn.close()
    result = run("--db", str(db_path), "stats")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"factscope: {db_path}: written by a newer factscope (schema 42; this version reads up"
        f" to {SCHEMA_VERSION}): upgrade factscope"
    ]


def test_missing_explicit_database_is_an_error(tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "none.db"), "search", "x")
    assert result.exit_code == 1
    assert "no such database" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_usage_error_exits_2() -> None:
    assert run("search").exit_code == 2
    assert run("import").exit_code == 2
    assert run("no-such-command").exit_code == 2


def test_the_demo_corpus_has_its_own_database(tmp_path: Path) -> None:
    """With no database of the user's, reads show the demo, built beside (never into) the
    user's default path; the first import starts the user's own database."""
    env = {"XDG_DATA_HOME": str(tmp_path), "FACTSCOPE_DB": ""}
    result = run("stats", "--json", env=env)
    assert result.exit_code == 0, result.stderr
    assert "First run: building the demo corpus" in result.stderr
    assert "showing the demo corpus" in result.stderr
    stats = json.loads(result.stdout)
    assert stats["documents"] >= 10 and stats["facts"] > 0
    assert Path(stats["path"]) == tmp_path / "factscope" / "demo.db"
    assert not (tmp_path / "factscope" / "factscope.db").exists()
    again = run("stats", "--json", env=env)
    assert "First run" not in again.stderr
    (tmp_path / "a.txt").write_text("Mine\n\nTrade of Hefei rose 5 percent in 2021.")
    assert run("import", str(tmp_path / "a.txt"), env=env).exit_code == 0
    mine = run("stats", "--json", env=env)
    assert "demo" not in mine.stderr
    assert json.loads(mine.stdout)["documents"] == 1


def test_a_database_named_in_the_environment_is_never_built_from_the_demo(
    tmp_path: Path,
) -> None:
    env = {"FACTSCOPE_DB": str(tmp_path / "new.db")}
    result = run("stats", env=env)
    assert result.exit_code == 1
    assert "new.db: no such database" in result.stderr
    assert not (tmp_path / "new.db").exists()


def test_read_only_refuses_import(db_path: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title of a report\n\nTrade rose 5 percent.")
    run("--db", str(db_path), "import", str(tmp_path / "a.txt"))
    result = run("--db", str(db_path), "--read-only", "search", "trade", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)


def test_import_stdin(db_path: Path) -> None:
    text = "Stdin report\n\nChongqing trade rose 22.8 percent to 800.09 billion yuan."
    result = run("--db", str(db_path), "import", "-", stdin=text.encode())
    assert result.exit_code == 0, result.stderr
    hits = json.loads(run("--db", str(db_path), "search", "Chongqing", "--json").stdout)
    assert [h["title"] for h in hits] == ["Stdin report"]


def test_extract_jsonl_has_gold_fields(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    text = "Songjiang District's exports reached 178.2 billion yuan in 2020, up 9.4 percent."
    path.write_text(text)
    result = run("extract", str(path))
    assert result.exit_code == 0, result.stderr
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    assert facts
    for fact in facts:
        assert text[fact["start"] : fact["end"]] == fact["quote"]
        assert {"value", "unit", "normalized", "region", "period", "change_percent"} <= set(fact)
    assert run("extract", str(tmp_path / "missing.txt")).exit_code == 1


def test_regions_songjiang_json() -> None:
    result = run("regions", "songjiang", "--json")
    assert result.exit_code == 0
    first = json.loads(result.stdout)[0]
    assert first["name"] == "Songjiang District"
    assert [p["name"] for p in first["parents"]] == ["Shanghai", "China"]


def _commands(group: click.Group) -> list[click.Command]:
    return list(group.commands.values())


@pytest.mark.parametrize("command", _commands(main), ids=lambda c: c.name)
def test_every_command_has_help(command: click.Command) -> None:
    assert command.help and len(command.help.strip()) > 10
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{command.name} --{param.name} has no help"


@requires_shared
@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_export_streams_every_fact(db_path: Path, fmt: str) -> None:
    assert run("--db", str(db_path), "import", str(SEEDS)).exit_code == 0
    result = run("export", "--db", str(db_path), "--format", fmt)
    assert result.exit_code == 0
    if fmt == "jsonl":
        rows = [json.loads(line) for line in result.stdout.splitlines()]
    elif fmt == "json":
        rows = json.loads(result.stdout)
    else:
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
    stats = json.loads(run("stats", "--db", str(db_path), "--json").stdout)
    assert len(rows) == stats["facts"] > 50
    assert {"quote", "value", "unit", "region", "period"} <= set(rows[0])


def test_export_documents_with_text(db_path: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Exported report\n\nTrade rose 5 percent.")
    run("--db", str(db_path), "import", str(tmp_path / "a.txt"))
    result = run("--db", str(db_path), "export", "--what", "documents", "--format", "json")
    [doc] = json.loads(result.stdout)
    assert doc["title"] == "Exported report"
    assert doc["text"] == "Exported report\n\nTrade rose 5 percent."


def test_compare_cli_songjiang_sichuan(db_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip("shared corpus not available (../shared/corpus/seeds)")
    run("--db", str(db_path), "import", str(SEEDS))
    result = run("compare", "Songjiang", "Sichuan", "--db", str(db_path), "--json")
    assert result.exit_code == 0, result.stderr
    first = json.loads(result.stdout)["rows"][0]
    assert first["cells"]["510000"]["fact"]["quote"] == "800 billion yuan"
    assert run("compare", "Songjiang", "--db", str(db_path)).exit_code == 2
    unknown = run("compare", "Songjiang", "Atlantis", "--db", str(db_path))
    assert unknown.exit_code == 1
    assert "no region matches 'Atlantis'" in unknown.stderr


def test_facts_cli_json_and_truncation(db_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip("shared corpus not available (../shared/corpus/seeds)")
    run("--db", str(db_path), "import", str(SEEDS))
    result = run("facts", "songj trade 2020", "--db", str(db_path), "--json", "--limit", "1")
    [hit] = json.loads(result.stdout)
    assert hit["quote"] == "305.57 billion yuan"
    assert hit["document_title"]
    assert "305.57 billion yuan" in hit["sentence"]
    assert "showing 1 of" in result.stderr


def test_unexpected_errors_are_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    from factscope.db import Store

    def broken(self: Store) -> None:
        raise RuntimeError("something odd")

    Store.open(db_path).close()
    monkeypatch.setattr(Store, "stats", broken)
    monkeypatch.setattr("sys.argv", ["factscope", "stats", "--db", str(db_path)])
    with pytest.raises(SystemExit) as exit_info:
        run_console_script()
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "factscope: internal error: RuntimeError: something odd (set FACTSCOPE_DEBUG=1 for details)"
    ]


def test_console_script_usage_error_exit_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.argv", ["factscope", "search"])
    with pytest.raises(SystemExit) as exit_info:
        run_console_script()
    assert exit_info.value.code == 2
    assert "Missing argument" in capsys.readouterr().err


def test_import_jobs_goes_through_a_pool(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factscope.importers.parallel

    monkeypatch.setattr(factscope.importers.parallel, "POOL_MIN_BYTES", 0)
    for i in range(6):
        (tmp_path / f"d{i}.txt").write_text(f"Report {i}\n\nExports of Hefei rose {i + 1} percent.")
    result = run("--db", str(db_path), "import", "--jobs", "2", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert "6 imported" in result.stderr
    facts = json.loads(run("--db", str(db_path), "facts", "hefei", "--json").stdout)
    assert sorted(f["change_percent"] for f in facts) == [1, 2, 3, 4, 5, 6]
    assert run("--db", str(db_path), "import", "--jobs", "-1", str(tmp_path)).exit_code == 2


def test_fact_hits_carry_their_document_date(db_path: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Hefei exports\n\nExports of Hefei rose 7.5 percent in 2021.")
    run("--db", str(db_path), "import", "--published", "2022-01-05", str(tmp_path))
    [hit] = json.loads(run("--db", str(db_path), "facts", "hefei", "--json").stdout)
    assert hit["document_published"] == "2022-01-05"
    rows = list(
        csv.DictReader(io.StringIO(run("--db", str(db_path), "facts", "hefei", "--csv").stdout))
    )
    assert [r["document_published"] for r in rows] == ["2022-01-05"]


def test_the_progress_bar_shows_file_names_literally(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file named like Rich markup must neither crash the bar nor be styled by it."""
    from rich.console import Console

    from factscope.importers import ImportProgress
    from factscope.tui import output

    console = Console(file=io.StringIO(), force_terminal=True, width=120)
    monkeypatch.setattr(output, "_stderr", lambda: console)
    with output.progress() as advance:
        advance(ImportProgress(done=1, total=2, path="/data/[/x] [bold]odd.txt"))
    assert "[/x] [bold]odd.txt" in console.file.getvalue()  # type: ignore[attr-defined]
