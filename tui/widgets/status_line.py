"""The status line: the pane, its state, the database and its counts, the other panes' keys.

The pane keys are drawn at the right and always fit. The pane's state comes next: to keep it
whole the counts lose the database path, and then are left out; only a state too long even
then ends in an ellipsis.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from factscope.tui.render import safe

PANE_KEYS = (("F2", "Documents"), ("F3", "Facts"), ("F4", "Compare"))
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

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        width = self.content_size.width or 80
        keys = Text(no_wrap=True)
        for key, name in PANE_KEYS:
            if not self.pane.startswith(name):
                keys.append(f" {key}", style="bold")
                keys.append(f" {name}", style="dim")
        left = Text(no_wrap=True, overflow="ellipsis")
        left.append(f" {self.pane} ", style="bold reverse")
        if self.context:
            left.append(" ")
            left.append_text(self.context)
        counts = safe(self.counts)
        # 'path · N docs · M facts': the path is the first thing to go.
        choices = [counts, counts.partition(" · ")[2], ""]
        for choice in choices:
            right = Text(" │ ", style="dim") + Text(choice) + Text(" │", style="dim") + keys
            if not choice:
                right = Text(" │", style="dim") + keys
            if left.cell_len + right.cell_len <= width:
                break
        left.truncate(max(width - right.cell_len, 0), overflow="ellipsis", pad=True)
        self.update(left + right)
