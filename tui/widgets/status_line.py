"""The status line: the pane, the other panes' keys, the database and its counts; no clock."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.render import safe

PANE_KEYS = (("d", "Documents"), ("f", "Facts"), ("c", "Compare"))
"""Pane switch keys, shown here rather than in the crowded footer."""


class StatusLine(Static):
    """One line at the bottom of each pane. Screens set the context; the app sets counts."""

    def __init__(self, pane: str) -> None:
        super().__init__()
        self.pane = pane
        self.counts = ""
        self.context: Text = Text()

    def on_mount(self) -> None:
        self.watch(self.app, "status_counts", self._counts_changed)

    def _counts_changed(self, counts: str) -> None:
        self.counts = counts
        self._draw()

    def set_context(self, context: str | Text) -> None:
        """The pane's own state ('3 matches for ...', 'sorted by date', a legend)."""
        self.context = Text(safe(context)) if isinstance(context, str) else context
        self._draw()

    def _draw(self) -> None:
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(f" {self.pane} ", style="bold reverse")
        if self.context:
            line.append(" ")
            line.append_text(self.context)
        line.append(" │ ", style="dim")
        line.append(safe(self.counts))
        line.append(" │", style="dim")
        for key, name in PANE_KEYS:
            if not self.pane.startswith(name):
                line.append(f" {key}", style="bold")
                line.append(f" {name}", style="dim")
        self.update(line)
