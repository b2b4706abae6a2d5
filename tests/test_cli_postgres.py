"""The command line on a PostgreSQL URL: the same answers as on a file, the password never
shown, and importers running at once into one server database."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner, Result

from factscope.tui.cli import main
from tests.conftest import SEEDS, requires_shared
from tests.processes import FACTSCOPE, write_corpus

SECRET = "s3cret-pw"


def _cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _with_password(url: str) -> str:
    """The URL with a password (the test server trusts local users, so any password works)."""
    parts = urlsplit(url)
    return parts._replace(netloc=parts.netloc.replace("postgres@", f"postgres:{SECRET}@")).geturl()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, pg_server: str) -> Iterator[list[str]]:
    """The seeds imported by the CLI into a file and into a server database (read after)."""
    if not SEEDS.is_dir():
        pytest.skip("shared corpus not available (../shared/corpus/seeds)")
    from tests.pgserver import drop_database, new_database

    url = new_database(pg_server)
    targets = [str(tmp_path_factory.mktemp("cli") / "facts.db"), url]
    for target in targets:
        assert _cli("--db", target, "import", "-q", str(SEEDS)).exit_code == 0
    yield targets
    drop_database(pg_server, url)


@requires_shared
@pytest.mark.parametrize(
    "command",
    [
        ["facts", "songjiang trade 2020", "--json"],
        ["facts", "region:sichuan >1e9", "--json"],
        ["search", "foreign trade", "--json"],
        ["compare", "Songjiang", "Sichuan", "--json"],
        ["trend", "Sichuan", "exports", "--json"],
        ["regions", "sichuan", "--json"],
        ["export", "--format", "csv"],
        ["export", "--what", "documents", "--format", "jsonl"],
    ],
)
def test_commands_answer_the_same_on_both_backends(seeded: list[str], command: list[str]) -> None:
    outputs = []
    for target in seeded:
        result = _cli("--db", target, *command)
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout)
    answers: list[object] = list(outputs)
    if command[0] == "search":  # the same documents; each engine ranks them its own way
        answers = [sorted(hit["id"] for hit in json.loads(a)) for a in outputs]
    elif command[:3] == ["export", "--what", "documents"]:  # import times are each its own
        answers = [
            [{**json.loads(line), "imported_at": 0} for line in a.splitlines()] for a in outputs
        ]
    assert answers[0] == answers[1]
    assert answers[0]


@requires_shared
def test_the_password_never_appears(seeded: list[str]) -> None:
    url = _with_password(seeded[1])
    imported = _cli("--db", url, "import", str(SEEDS))
    assert imported.exit_code == 0
    stats = _cli("--db", url, "stats", "--json")
    assert stats.exit_code == 0
    assert json.loads(stats.stdout)["documents"] == 5
    assert "postgresql://postgres@/" in json.loads(stats.stdout)["path"]
    checked = _cli("--db", url, "check")
    for result in (imported, stats, checked):
        assert SECRET not in result.output
    down = url.replace(urlsplit(url).query, "host=/nonexistent")
    failed = _cli("--db", down, "facts", "trade")
    assert failed.exit_code == 1
    assert SECRET not in failed.output
    assert failed.output.startswith("factscope: postgresql://postgres@/")
    assert len(failed.output.strip().splitlines()) == 1


@requires_shared
def test_three_importers_at_once_end_as_one_sequential_import(tmp_path: Path, pg_url: str) -> None:
    """Each imports the seeds (all race for the same documents) and a folder of its own
    (distinct documents naming the same places and words)."""
    folders = [write_corpus(tmp_path / tag, 4, tag=tag) for tag in ("a", "b", "c")]
    sequential = str(tmp_path / "one.db")
    for folder in folders:
        assert _cli("--db", sequential, "import", "-q", str(SEEDS), str(folder)).exit_code == 0
    expected = json.loads(_cli("--db", sequential, "stats", "--json").stdout)
    runs = [
        subprocess.Popen(
            [*FACTSCOPE, "--db", pg_url, "import", "-q", str(SEEDS), str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for folder in folders
    ]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err.decode()
    found = json.loads(_cli("--db", pg_url, "stats", "--json").stdout)
    for key in ("documents", "facts", "regions"):
        assert found[key] == expected[key]
    assert found["documents"] == 5 + 3 * 4
    assert _cli("--db", pg_url, "check").exit_code == 0
    query = ["facts", "hefei exports 2021", "--json", "--limit", "200"]
    # The same facts: ids (and so the order of equal scores) follow who wrote first.
    answers = [json.loads(_cli("--db", db, *query).stdout) for db in (pg_url, sequential)]
    assert answers[0]
    without_ids = [sorted(json.dumps({**r, "id": 0}, sort_keys=True) for r in a) for a in answers]
    assert without_ids[0] == without_ids[1]


@requires_shared
def test_copy_pushes_a_file_to_the_server(tmp_path: Path, pg_url: str) -> None:
    local = str(tmp_path / "mine.db")
    assert _cli("--db", local, "import", "-q", str(SEEDS)).exit_code == 0
    url = _with_password(pg_url)
    copied = _cli("copy", local, url)
    assert copied.exit_code == 0, copied.output
    assert "copied 5 documents" in copied.output
    assert SECRET not in copied.output
    assert json.loads(_cli("--db", pg_url, "stats", "--json").stdout)["documents"] == 5
    missing = _cli("copy", str(tmp_path / "none.db"), url)
    assert missing.exit_code == 1
    assert missing.output.strip() == f"factscope: {tmp_path / 'none.db'}: no such database"


def test_without_the_driver_a_url_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the extra were not installed
    url = f"postgresql://bob:{SECRET}@db.example/team"
    result = _cli("--db", url, "facts", "trade")
    assert result.exit_code == 1
    assert result.output == (
        "factscope: postgresql://bob@db.example/team: PostgreSQL needs the driver:"
        " pip install 'factscope[postgres]'\n"
    )


def test_stats_and_check_note_a_missing_trigram_index(pg_url: str) -> None:
    """A role that may not create pg_trgm gets a database without the trigram index, and
    ``stats`` and ``check`` say so in a note (not an error: exit 0)."""
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("DROP ROLE IF EXISTS factscope_cli_plain")
        admin.execute("CREATE ROLE factscope_cli_plain LOGIN")
        admin.execute("GRANT CREATE ON SCHEMA public TO factscope_cli_plain")
    plain = pg_url.replace("postgres@", "factscope_cli_plain@")
    try:
        stats = _cli("--db", plain, "stats")
        assert stats.exit_code == 0
        assert "note  Chinese terms of three or more characters" in stats.output
        assert "pg_trgm" in json.loads(_cli("--db", plain, "stats", "--json").output)["notes"][0]
        check = _cli("--db", plain, "check")
        assert check.exit_code == 0
        assert "note: Chinese terms" in check.output and "sound" in check.output
        assert "note" not in _cli("--db", pg_url, "stats").output  # the owner made the index
    finally:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute("DROP OWNED BY factscope_cli_plain")
            admin.execute("DROP ROLE factscope_cli_plain")
