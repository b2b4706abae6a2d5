"""The size habits of CONTRIBUTING.md hold: functions under ~60 lines, modules under ~400.

A function's length is ``end_lineno - lineno`` of its AST node (signature, docstring and
body, nested functions included); a module's is its line count. Both are checked on the
library, the readers and the app (``db/``, ``importers/``, ``tui/``), where every change walks
through; a new exception goes in an allow-list below with the reason it is one, so an
overrun is a decision someone wrote down, never an accident.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

FOLDERS = ("db", "importers", "tui")
FUNCTION_LINES = 60
MODULE_LINES = 400

LONG_FUNCTIONS: dict[str, str] = {
    # "folder/module.py:function": "why it stays whole",
}
"""Functions allowed over FUNCTION_LINES, by ``path:name``, each with its reason."""

LONG_MODULES: dict[str, int] = {
    # "folder/module.py": most lines it may have,  # why it stays whole
    # The extractor's two busiest modules, left after issue 19's speed passes: each is one
    # family of wordings whose patterns and readers are kept together; no larger.
    "importers/extract/attach.py": 434,
    "importers/extract/figures.py": 433,
}
"""Modules allowed over MODULE_LINES, by path, with the most lines each may have."""


def _modules(root: Path = REPO) -> list[Path]:
    return [path for folder in FOLDERS for path in sorted((root / folder).rglob("*.py"))]


def _functions(path: Path, root: Path = REPO) -> Iterator[tuple[str, int]]:
    """(``path:name``, lines) of every function and method of a module, nested ones too."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            end = node.end_lineno or node.lineno
            yield f"{path.relative_to(root).as_posix()}:{node.name}", end - node.lineno


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def long_functions(root: Path = REPO) -> dict[str, int]:
    """The functions over the limit that are not allowed to be."""
    return {
        name: lines for name, lines in _all_functions(root).items() if name not in LONG_FUNCTIONS
    }


def long_modules(root: Path = REPO) -> dict[str, int]:
    """The modules over their limit (the allow-list's number, else MODULE_LINES)."""
    found = {}
    for path in _modules(root):
        name = path.relative_to(root).as_posix()
        if _lines(path) > LONG_MODULES.get(name, MODULE_LINES):
            found[name] = _lines(path)
    return found


def test_no_function_is_over_the_limit() -> None:
    assert long_functions() == {}


def test_no_module_is_over_the_limit() -> None:
    assert long_modules() == {}


def stale_allowances(root: Path = REPO) -> list[str]:
    """Allow-list entries whose code is now within the limit (or gone): they should go."""
    stale = [name for name in LONG_FUNCTIONS if name not in _all_functions(root)]
    stale += [
        name
        for name in LONG_MODULES
        if not (root / name).is_file() or _lines(root / name) <= MODULE_LINES
    ]
    return stale


def _all_functions(root: Path) -> dict[str, int]:
    """Every function over the limit, allowed or not."""
    return {
        name: lines
        for path in _modules(root)
        for name, lines in _functions(path, root)
        if lines > FUNCTION_LINES
    }


def test_every_allowance_is_still_needed() -> None:
    """An allowance outlives its reason when the code shrinks: then it goes."""
    assert stale_allowances() == []


def test_the_measure_finds_an_overrun(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks read real files: a long function and a long module are reported, an
    allowed one is not, and an allowance for code within the limit is stale."""
    for allowances in (LONG_FUNCTIONS, LONG_MODULES):  # the real ones name the repository's code
        for name in list(allowances):
            monkeypatch.delitem(allowances, name)
    (tmp_path / "db").mkdir()
    (tmp_path / "tui" / "panes").mkdir(parents=True)
    (tmp_path / "importers" / "extract").mkdir(parents=True)

    def function(name: str, lines: int) -> str:
        return f"def {name}():\n" + "\n".join(f"    x{n} = {n}" for n in range(lines)) + "\n"

    (tmp_path / "db" / "long.py").write_text(function("long", FUNCTION_LINES + 1), "utf-8")
    (tmp_path / "db" / "edge.py").write_text(function("edge", FUNCTION_LINES), "utf-8")
    padding = "\n".join(f"X{n} = {n}" for n in range(MODULE_LINES + 1))
    (tmp_path / "tui" / "panes" / "big.py").write_text(padding, encoding="utf-8")
    (tmp_path / "importers" / "extract" / "big.py").write_text(padding, encoding="utf-8")
    assert long_functions(tmp_path) == {"db/long.py:long": FUNCTION_LINES + 1}
    assert long_modules(tmp_path) == {
        "importers/extract/big.py": MODULE_LINES + 1,
        "tui/panes/big.py": MODULE_LINES + 1,
    }
    monkeypatch.setitem(LONG_FUNCTIONS, "db/long.py:long", "a test's allowance")
    monkeypatch.setitem(LONG_FUNCTIONS, "db/edge.py:edge", "within the limit: stale")
    monkeypatch.setitem(LONG_MODULES, "tui/gone.py", 500)
    assert long_functions(tmp_path) == {}
    assert stale_allowances(tmp_path) == ["db/edge.py:edge", "tui/gone.py"]
