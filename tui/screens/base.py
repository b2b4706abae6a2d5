"""What every pane shares: a name, a HELP text, a status line, and worker error reporting."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, ClassVar

from textual.screen import Screen
from textual.worker import Worker, WorkerState

from factscope.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from factscope.db.store import Store

PaletteCommand = tuple[str, str, Callable[[], object]]
"""(title, help, callback): an extra command-palette entry a pane offers."""


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

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Say, in one line, when a worker failed; never show a traceback."""
        if event.state is WorkerState.ERROR:
            error = event.worker.error
            reason = getattr(error, "reason", None) or str(error)
            self.notify(f"{event.worker.description or 'Work'} failed: {reason}", severity="error")
