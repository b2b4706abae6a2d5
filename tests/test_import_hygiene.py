"""The library and the CLI load without Textual: layering, and a fast `factscope search`."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_db_importers_and_cli_do_not_import_textual() -> None:
    code = (
        "import sys, factscope.db, factscope.importers, factscope.importers.pipeline,"
        " factscope.tui.cli\n"
        "bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_db_does_not_import_rich_or_importers() -> None:
    code = (
        "import sys, factscope.db\n"
        "print(','.join(m for m in sys.modules if m.split('.')[0] == 'rich'"
        " or m.startswith(('factscope.importers', 'factscope.tui'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
