"""What every pane shares: a name, a HELP text, a status line, exporting, worker errors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import work
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from factscope.tui.screens.export import ExportFormat, export_dialog, write_export
from factscope.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from factscope.db.store import Store

PaletteCommand = tuple[str, str, Callable[[], object]]
"""(title, help, callback): an extra command-palette entry a pane offers."""
Records = Callable[[], list[dict[str, Any]]]
"""Builds the records to export; called in a worker, so it may read the store."""


class PaneScreen(Screen[None]):
    """Base of the Documents, Facts and Compare panes (and the reader)."""

    PANE: ClassVar[str] = ""
    """Name shown in the status line and the help title."""
    HELP: ClassVar[str | None] = None

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        """The open database; only workers of this screen call it."""

    @property
    def status_line(self) -> StatusLine:
        """This pane's status line."""
        return self.query_one(StatusLine)

    def palette_commands(self) -> Iterator[PaletteCommand]:
        """Commands beyond the key bindings that the command palette should offer."""
        yield from ()

    def export(self, what: str, stem: str, records: Records, noun: str = "figures") -> None:
        """Ask for a format and a path (the dialog offers ``stem.csv``), then write
        ``records()`` there in a worker and say where: 'Exported 12 figures to /a/b.csv'."""

        def chosen(target: tuple[str, Path] | None) -> None:
            if target is not None:
                fmt, path = target
                self._export(records, cast(ExportFormat, fmt), path, noun)

        self.app.push_screen(export_dialog(what, stem), chosen)

    @work(thread=True, exit_on_error=False, group="export", description="Export")
    def _export(self, records: Records, fmt: ExportFormat, path: Path, noun: str) -> None:
        rows = records()
        written = write_export(rows, fmt, path)
        self.app.call_from_thread(
            self.notify, f"Exported {len(rows):,} {noun} to {written}", title="Export"
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Say, in one line, when a worker failed; never show a traceback."""
        if event.state is WorkerState.ERROR:
            error = event.worker.error
            reason = getattr(error, "reason", None) or str(error)
            self.notify(f"{event.worker.description or 'Work'} failed: {reason}", severity="error")
