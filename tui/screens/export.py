"""Export the current list: a small modal to pick CSV, JSON or Markdown, and the writers.

Rows are plain dicts of strings and numbers (built by the pane), written to a new file in the
current directory; an existing file is never overwritten (``-2``, ``-3`` ... is appended).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar, Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.render import safe

ExportFormat = Literal["csv", "json", "md"]
FORMATS: dict[ExportFormat, str] = {"csv": "CSV", "json": "JSON", "md": "Markdown"}


def render_rows(rows: Sequence[dict[str, Any]], fmt: ExportFormat) -> str:
    """Rows as CSV, JSON (a list of objects) or a Markdown table."""
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n"
    columns = list(rows[0]) if rows else []
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()

    def cell(value: Any) -> str:
        return safe("" if value is None else str(value)).replace("|", "\\|")

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(row[c]) for c in columns) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def unused_path(directory: Path, stem: str, fmt: ExportFormat) -> Path:
    """``directory/stem.fmt``, or ``stem-2.fmt`` ... when that exists."""
    path = directory / f"{stem}.{fmt}"
    number = 2
    while path.exists():
        path = directory / f"{stem}-{number}.{fmt}"
        number += 1
    return path


def write_export(rows: Sequence[dict[str, Any]], fmt: ExportFormat, stem: str) -> Path:
    """Write ``rows`` to a new file in the current directory; returns its absolute path."""
    path = unused_path(Path.cwd(), stem, fmt)
    with path.open("x", encoding="utf-8", newline="") as handle:
        handle.write(render_rows(rows, fmt))
    return path.resolve()


class ExportScreen(ModalScreen[ExportFormat | None]):
    """Pick an export format: c, j or m, or the arrows and Enter; Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "Cancel", tooltip="Export nothing."),
        Binding("c", "pick('csv')", "CSV", tooltip="Comma-separated values."),
        Binding("j", "pick('json')", "JSON", tooltip="A JSON list of objects."),
        Binding("m", "pick('md')", "Markdown", tooltip="A Markdown table."),
    ]
    """Format keys; the first letter of each format."""

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Label(Text(f"Export {safe(self.what)} to the current directory as:"))
            yield OptionList(
                *(Option(Text(f"{label}  ({key})"), id=key) for key, label in FORMATS.items()),
                id="export-formats",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a format picks it."""
        self.dismiss(event.option.id)  # type: ignore[arg-type]

    def action_pick(self, fmt: ExportFormat) -> None:
        """Pick ``fmt``."""
        self.dismiss(fmt)

    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)
