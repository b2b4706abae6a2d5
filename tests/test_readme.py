"""Every command the README shows in a ``sh`` block runs as written and exits 0.

The README's examples import files a user has (``report.txt``, ``~/papers`` ...): the test
makes them in a scratch folder that also holds the repository's ``importers/samples``, puts
the venv's ``factscope`` on PATH as the README says to, and runs each line through bash.
The set-up commands themselves (venv, ``.ci/run``, ``source``) are what runs this test.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

SETUP = ("python3 -m venv", "bash .ci/run", "source ")
BLOCK = re.compile(r"^```sh\n(.*?)^```", re.M | re.S)


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    lines = [line for block in BLOCK.findall(text) for line in block.splitlines()]
    commands = [line.split("  #")[0].strip() for line in lines if not line.startswith("#")]
    return [c for c in commands if c and not c.startswith(SETUP)]


def test_the_readme_shows_commands() -> None:
    commands = readme_commands()
    assert any(c.startswith("factscope ") for c in commands)
    assert all("factscope" in c for c in commands), commands


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    home = tmp_path_factory.mktemp("home")
    work = home / "work"
    (work / "importers").mkdir(parents=True)
    (work / "importers" / "samples").symlink_to(REPO / "importers" / "samples")
    (work / "report.txt").write_text("Report\n\nHefei exports rose 7.5 percent in 2021.\n")
    (work / "notes.md").write_text("# Notes\n\nWuxi GDP reached 1.5 trillion yuan in 2023.\n")
    (work / "article.txt").write_text("Article\n\nNingbo trade grew 3 percent in 2022.\n")
    (home / "papers" / "2023").mkdir(parents=True)
    (home / "papers" / "2023" / "a.txt").write_text("A\n\nXiamen exports fell 2 percent.\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTSCOPE")}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        COLUMNS="80",
    )
    return work, env


@pytest.mark.parametrize("command", readme_commands())
def test_readme_command_runs_as_written(command: str, sandbox: tuple[Path, dict[str, str]]) -> None:
    work, env = sandbox
    result = subprocess.run(
        ["bash", "-c", command],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
