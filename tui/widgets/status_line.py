"""The status line: the pane, its state, the database and its counts, the other panes' keys.

The pane keys are drawn at the right and always fit: the pane's state gives way first
(ellipsis), then the counts are left out when even they do not fit (80 columns and a long
path).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.render import safe

PANE_KEYS = (("F2", "Documents"), ("F3", "Facts"), ("F4", "Compare"))
"""Pane switch keys, shown here rather than in the crowded footer."""
MIN_CONTEXT = 24
"""Cells the pane's state keeps before the counts are left out."""


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

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        width = self.content_size.width or 80
        keys = Text(no_wrap=True)
        for key, name in PANE_KEYS:
            if not self.pane.startswith(name):
                keys.append(f" {key}", style="bold")
                keys.append(f" {name}", style="dim")
        counts = Text(" │ ", style="dim")
        counts.append(safe(self.counts))
        counts.append(" │", style="dim")
        left = Text(no_wrap=True, overflow="ellipsis")
        left.append(f" {self.pane} ", style="bold reverse")
        if self.context:
            left.append(" ")
            left.append_text(self.context)
        right = counts + keys
        if width - right.cell_len < MIN_CONTEXT:
            right = Text(" │", style="dim") + keys
        room = max(width - right.cell_len, 0)
        left.truncate(room, overflow="ellipsis", pad=True)
        self.update(left + right)
