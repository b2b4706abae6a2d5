"""The distribution installs one top-level name, ``factscope``, with every package and data file.

The user's folders ``db/``, ``importers/`` and ``tui/`` are mapped to ``factscope.db``,
``factscope.importers`` and ``factscope.tui`` (setuptools ``package-dir``): names such as
``db`` and ``tui`` belong to other distributions on PyPI, and a user's ``tui.py`` must not
shadow us.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

from tests.conftest import REPO

FOLDERS = ("db", "importers", "tui")


def listed_packages() -> list[str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["setuptools"]["packages"])


def test_every_package_folder_is_listed() -> None:
    found = sorted(
        "factscope." + ".".join(init.parent.relative_to(REPO).parts)
        for folder in FOLDERS
        for init in (REPO / folder).rglob("__init__.py")
    )
    assert sorted(listed_packages()) == found


def test_the_wheel_has_one_top_level_name_and_its_data(tmp_path: Path) -> None:
    source = tmp_path / "source"  # a copy: setuptools leaves build/ in the tree it builds
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / name, source / name)
    for folder in FOLDERS:
        shutil.copytree(
            REPO / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("factscope-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names} == {
        "factscope",
        wheel.name.split("-py")[0] + ".dist-info",
    }
    stylesheets = {
        "factscope/" + p.relative_to(REPO).as_posix() for p in REPO.glob("tui/**/*.tcss")
    }
    assert "factscope/tui/app.tcss" in stylesheets and stylesheets <= set(names)
    assert "factscope/tui/serve/index.html" in names, "the page of factscope serve"
    assert "factscope/importers/gazetteer/data/regions.tsv" in names
    assert any(n.startswith("factscope/importers/samples/") for n in names)
    assert "factscope/tui/cli/commands.py" in names and "factscope/db/store.py" in names


def test_a_script_named_tui_does_not_shadow_factscope(tmp_path: Path) -> None:
    (tmp_path / "tui.py").write_text("raise SystemExit('the user script was imported')\n")
    (tmp_path / "db.py").write_text("raise SystemExit('the user script was imported')\n")
    result = subprocess.run(
        [sys.executable, "-m", "factscope.tui", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "0.1.0" in result.stdout


LEGACY = re.compile(
    r"^\s*(?:from|import)\s+(?:db|importers|tui)\b"  # an import by the folder's own name
    r"|[\"'](?:db|importers|tui)\.[a-z_]+\.[A-Za-z_]+[\"']"  # a dotted target in a string
    r"|[\"']-m[\"'],\s*[\"'](?:db|importers|tui)\b"  # python -m by the folder's name
    r"|[\"'](?:import sys; )?(?:from|import) (?:db|importers|tui)\b",  # code run in a subprocess
    re.M,
)


def test_code_uses_the_installed_names() -> None:
    """The repository root is on sys.path in tests, so ``import importers`` would still work
    there, as a second copy of every module: a monkeypatch of it would patch nothing."""
    offenders = [
        f"{path.relative_to(REPO)}:{text[: m.start()].count(chr(10)) + 1}"
        for folder in (*FOLDERS, "tests", "bench")
        for path in (REPO / folder).rglob("*.py")
        for text in [path.read_text(encoding="utf-8")]
        for m in LEGACY.finditer(text)
    ]
    assert offenders == []
