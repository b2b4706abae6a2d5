"""The Compare pane (placeholder): regions side by side come with the Compare pane issue.

The screen already exists as a mode so the key, the palette entry and the help slot in; the
Compare pane posts :class:`tui.messages.OpenEvidence` to open the reader at a figure.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.widgets import Footer, Static

from tui.screens.base import PaneScreen
from tui.widgets.status_line import StatusLine


class CompareScreen(PaneScreen):
    """Placeholder for the region comparison pane (issue 7)."""

    PANE = "Compare"
    HELP = """
The **Compare** pane will put two or more regions side by side, aligned by metric and period,
with differences, ratios and the evidence of every number. It is coming in the Compare pane
issue; use **d** for the Documents pane meanwhile.
"""

    def compose(self) -> ComposeResult:
        with Middle(classes="placeholder"), Center():
            yield Static(
                Text("Compare pane: coming in the Compare pane issue (press d for Documents)."),
                classes="placeholder-text",
            )
        yield StatusLine(self.PANE)
        yield Footer()
