"""What the CLI prints for scripts and people: evidence in every fact output, tables off a
terminal as tab-separated text, ``remove``, and the messages for empty results."""

from __future__ import annotations

import csv
import io
import json
import sqlite3 as stdlib_sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factscope.tui.cli import main

REPORT = (
    "Jiading trade report\n\n"
    "Jiading's exports rose 6.5 percent to 120.3 billion yuan in 2022.\n\n"
    "Its imports fell 2 percent."
)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def imported(db_path: Path, tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "jiading.txt").write_text(REPORT)
    (tmp_path / "docs" / "other.txt").write_text("Other\n\nHefei GDP grew 5.8 percent in 2023.")
    assert run("--db", str(db_path), "import", str(tmp_path / "docs")).exit_code == 0
    return db_path


def test_facts_json_csv_and_export_carry_the_sentence(imported: Path) -> None:
    db = str(imported)
    sentence = "Jiading's exports rose 6.5 percent to 120.3 billion yuan in 2022."
    [hit, *_] = json.loads(run("--db", db, "facts", "jiading 120", "--json").stdout)
    assert hit["sentence"] == sentence and hit["document_title"] == "Jiading trade report"
    rows = list(csv.DictReader(io.StringIO(run("--db", db, "facts", "jiading", "--csv").stdout)))
    assert sentence in {r["sentence"] for r in rows}
    exported = [json.loads(line) for line in run("--db", db, "export").stdout.splitlines()]
    assert sentence in {r["sentence"] for r in exported}
    assert all(r["document_source"].endswith(".txt") for r in exported)
    assert set(hit) - {"score"} == set(exported[0])  # one record shape
    table = run("--db", db, "export", "--format", "md").stdout.splitlines()
    assert table[0].startswith("| id | doc_id |") and len(table) == len(exported) + 2


def test_facts_off_a_terminal_is_tab_separated(imported: Path) -> None:
    lines = run("--db", str(imported), "facts", "jiading").stdout.splitlines()
    assert lines[0].split("\t") == ["region", "metric", "period", "figure", "change", "document"]
    cells = {tuple(line.split("\t")[2:5]) for line in lines[1:]}
    assert ("2022", "120.3 billion yuan", "+6.5%") in cells


def test_empty_results_say_so(imported: Path) -> None:
    result = run("--db", str(imported), "search", "zanzibar")
    assert result.exit_code == 0 and result.stdout == ""
    assert "no documents match 'zanzibar'" in result.stderr
    assert "no facts match 'zanzibar'" in run("--db", str(imported), "facts", "zanzibar").stderr


def test_remove_by_source_and_id_in_one_go(imported: Path, tmp_path: Path) -> None:
    db = str(imported)
    docs = json.loads(run("--db", db, "search", "Hefei", "--json").stdout)
    result = run("--db", db, "remove", str(tmp_path / "docs" / "jiading.txt"), docs[0]["id"])
    assert result.exit_code == 0, result.stderr
    assert "removed 2 documents" in result.stderr
    stats = json.loads(run("--db", db, "stats", "--json").stdout)
    assert (stats["documents"], stats["facts"]) == (0, 0)
    assert json.loads(run("--db", db, "export", "--format", "json").stdout) == []


def test_remove_names_what_matched_nothing_and_keeps_going(imported: Path) -> None:
    result = run("--db", str(imported), "remove", "no-such-doc")
    assert result.exit_code == 1
    assert "no-such-doc: no such document" in result.stderr
    assert json.loads(run("--db", str(imported), "stats", "--json").stdout)["documents"] == 2


def test_remove_all_starts_clean_and_needs_saying(imported: Path) -> None:
    assert run("--db", str(imported), "remove").exit_code == 2
    result = run("--db", str(imported), "remove", "--all")
    assert result.exit_code == 0 and "removed 2 documents" in result.stderr
    stats = json.loads(run("--db", str(imported), "stats", "--json").stdout)
    assert (stats["documents"], stats["facts"], stats["regions"]) == (0, 0, 0)
    assert stats["gazetteer_regions"] > 3000
    with stdlib_sqlite3.connect(imported) as conn:  # the typo vocabulary is emptied too
        assert conn.execute("SELECT count(*) FROM fact_terms").fetchone()[0] == 0


def test_stats_counts_regions_with_facts(imported: Path) -> None:
    stats = json.loads(run("--db", str(imported), "stats", "--json").stdout)
    exported = [
        json.loads(line) for line in run("--db", str(imported), "export").stdout.splitlines()
    ]
    with_facts = {r["region_id"] for r in exported if r["region_id"]}
    assert stats["regions"] == len(with_facts) >= 1  # not the gazetteer's thousands
    # For people, the names say so: no bare "regions" beside "gazetteer_regions".
    shown = dict(
        line.strip().split("  ", 1)
        for line in run("--db", str(imported), "stats").stdout.splitlines()
    )
    assert shown["regions with facts"].strip() == str(stats["regions"])
    assert shown["engine"].strip() == f"SQLite {stats['sqlite_version']}"
    assert "gazetteer_regions" not in shown and "sqlite_version" not in shown


def test_extract_of_a_folder_says_so(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path))
    assert result.exit_code == 1
    assert "not a regular file (a directory)" in result.stderr


def test_command_summaries_fit_80_columns() -> None:
    result = CliRunner().invoke(main, ["--help"], terminal_width=80)
    commands = result.stdout.split("Commands:")[1]
    assert "..." not in commands
    assert "[%Y-%m-%d]" not in run("import", "--help").stdout


def test_a_long_fact_query_is_cut_with_a_notice(imported: Path) -> None:
    query = " ".join(["jiading"] + [f"w{i}" for i in range(40)])
    result = run("--db", str(imported), "facts", query)
    assert result.exit_code == 0
    assert "Query too long: only its first 16 terms" in result.stderr


def test_compare_of_the_readme_says_only_what_its_table_shows(db_path: Path) -> None:
    """The README's example: every note names a row the table prints, as it prints it; no
    internal metric id and no blank period reach the user."""
    from factscope.db.compare_labels import METRIC_LABELS
    from tests.conftest import SAMPLES

    db = str(db_path)
    assert run("--db", db, "import", "-r", str(SAMPLES)).exit_code == 0
    result = run("--db", db, "compare", "Songjiang", "Sichuan")
    assert result.exit_code == 0
    header, *lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert header == ["metric", "period", "Songjiang District", "Sichuan Province"]
    assert all(len(cells) == 4 and all(cells) for cells in lines), "no blank cell"
    shown = {
        f"{m} {p}" if p != "—" else f"{m}, no period": dict(zip(header[2:], cells, strict=True))
        for m, p, *cells in lines
    }
    assert len(shown) == len(lines), "rows that look alike"
    notes = result.stderr.splitlines()
    assert notes and all(n.startswith("note: ") for n in notes)
    for note in notes:
        if " has no figure for " not in note:  # a cell's own note: about a figure shown
            region, rest = note.removeprefix("note: ").split(" · ", 1)
            [title] = [t for t in shown if rest.startswith(f"{t}: ")]
            assert shown[title][region] != "—", note
            continue
        region, rest = note.removeprefix("note: ").split(" has no figure for ")
        named = rest.split("; nearest: ")
        assert shown[named[0]][region] == "—", note
        if len(named) == 2:
            assert shown[named[1].removesuffix(", also in this table")][region] != "—", note
    for text in (result.stdout, result.stderr):
        assert not [t for t in METRIC_LABELS if "_" in t and t in text]


def test_compare_children_names_the_district_of_each_figure(db_path: Path) -> None:
    """Shanghai states nothing itself in the samples: with --children every figure under it
    is a district's, and the cell names which (the JSON's region_name, in words)."""
    from tests.conftest import SAMPLES

    db = str(db_path)
    assert run("--db", db, "import", "-r", str(SAMPLES)).exit_code == 0
    result = run("--db", db, "compare", "Shanghai", "Sichuan", "--children")
    assert result.exit_code == 0
    shanghai = [line.split("\t")[2] for line in result.stdout.splitlines()[1:]]
    figures = [cell for cell in shanghai if cell != "—"]
    assert figures and all(cell.endswith(")") for cell in figures), figures
    assert "339.8 bn CNY (Songjiang District)" in figures


def test_facts_keep_the_qualifier_the_quote_leaves_out(db_path: Path) -> None:
    """A quote is the number and its unit: "about 40 percent", "首次突破9000亿元" (topped)
    and a headline's "passes 800 billion yuan" must not read as exact figures."""
    from tests.conftest import SAMPLES

    db = str(db_path)
    assert run("--db", db, "import", "-r", str(SAMPLES)).exit_code == 0

    def figures(query: str) -> list[str]:
        lines = run("--db", db, "facts", query).stdout.splitlines()[1:]
        return [line.split("\t")[3] for line in lines]

    assert figures("songjiang exports kind:share") == ["~40 percent"]
    thresholds = figures("sichuan kind:threshold")
    assert ">9000亿元" in thresholds and "≥800 billion yuan" in thresholds
    assert all(f[0] in "><≥≤~" for f in thresholds), thresholds


def test_compare_prints_why_a_cell_is_not_compared(db_path: Path) -> None:
    """A cell's own note (no period stated, units that differ, the rate of a conversion)
    was only in --json and --csv: the table's reader gets it on stderr, naming the cell."""
    from tests.conftest import SAMPLES

    db = str(db_path)
    assert run("--db", db, "import", "-r", str(SAMPLES)).exit_code == 0
    result = run("--db", db, "compare", "Songjiang", "Suzhou Industrial Park")
    assert result.exit_code == 0
    assert "Count: companies\t—\t1.35 k\t156" in result.stdout.splitlines()
    assert (
        "note: Suzhou Industrial Park · Count: companies, no period: no period (or year)"
        " stated for these figures: not compared"
    ) in result.stderr.splitlines()
