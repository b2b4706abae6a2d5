"""The side panel: the fields of the selected figure, as a two-column grid of safe Text."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from factscope.db.models import Fact
from factscope.tui.render import KIND_STYLES, fact_fields


class FactPanel(Static):
    """Shows the selected figure's value, unit, normalized value, region, period, change..."""

    HELP = """
### Figure panel
The fields extracted for the selected figure. **y** copies it as a citation.
"""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.border_title = "Figure"

    def show(self, fact: Fact | None, index: int = -1, total: int = 0) -> None:
        """Show ``fact`` (the ``index``-th of ``total``), or a hint when nothing is selected."""
        if fact is None:
            self.border_title = "Figure"
            plural = "s" * (total != 1)
            hint = (
                f"{total} figure{plural}. Press n for the next one, N for the previous."
                if total
                else "No figures found in this document."
            )
            self.update(Text(hint, style="italic"))
            return
        self.border_title = f"Figure {index + 1} of {total}"
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        for label, value in fact_fields(fact):
            style = KIND_STYLES.get(fact.kind, "bold") if label == "figure" else ""
            grid.add_row(Text(label), Text(value, style=style))
        self.update(grid)
