"""The Facts pane (placeholder): fuzzy search over every figure comes with the Facts pane issue.

The screen already exists as a mode so the key, the palette entry and the help slot in; the
Facts pane posts :class:`tui.messages.OpenEvidence` to open the reader at a figure.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.widgets import Footer, Static

from tui.screens.base import PaneScreen
from tui.widgets.status_line import StatusLine


class FactsScreen(PaneScreen):
    """Placeholder for the fuzzy fact search pane (issue 6)."""

    PANE = "Facts"
    HELP = """
The **Facts** pane will search every extracted figure as you type (fuzzy, with `region:`,
`period:` and `unit:` filters) and open the reader at the evidence. It is coming in the Facts
pane issue; use **d** for the Documents pane meanwhile.
"""

    def compose(self) -> ComposeResult:
        with Middle(classes="placeholder"), Center():
            yield Static(
                Text("Facts pane: coming in the Facts pane issue (press d for Documents)."),
                classes="placeholder-text",
            )
        yield StatusLine(self.PANE)
        yield Footer()
