"""Facets: how the current matches spread over regions and units, with counts.

One line at narrow widths (regions left, units right), two lines from 100 columns. Focus it
(Tab, or ctrl+r in the Facts pane) and move with the arrows; Enter posts
:class:`FacetBar.Selected`, which the screen turns into a ``region:``/``unit:`` token. The
counts come from the screen's worker (:meth:`db.store.Store.fact_facets`, bounded); this
widget only draws them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget

from factscope.db.models import FactFacets
from factscope.tui.render import safe

FacetField = Literal["region", "unit"]
WIDE = 100
"""From this width the facets take two lines, one per field."""
ITEM_CELLS = 22
"""Longest facet name drawn, in cells (longer names end in an ellipsis)."""


@dataclass(frozen=True)
class FacetItem:
    """One drawn facet: its field, value and count, and its cells on its line."""

    field: FacetField
    value: str
    count: int
    line: int
    start: int
    end: int


class FacetBar(Widget, can_focus=True):
    """Region and unit counts of the current query's matches; Enter filters by one."""

    HELP = """
### Facets
How the matches spread over regions and units (counted over at most 10,000 matches).
**Left**/**Right** pick one, **Enter** adds it to the query as `region:`/`unit:` (or takes
it out again), **Escape** goes back to the query; letters typed here go to the query too.
"""
    BINDING_GROUP_TITLE = "Facets"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right", "move(1)", "Next facet", show=False, tooltip="Next region or unit."),
        Binding("left", "move(-1)", "Prev facet", show=False, tooltip="Previous one."),
        Binding("enter", "select", "Filter", tooltip="Add this region or unit to the query."),
        Binding("escape,tab", "leave", "Back", show=False, tooltip="Back to the query."),
    ]
    """Facet keys: no letters, since letters typed here go to the query."""
    COMPONENT_CLASSES: ClassVar[set[str]] = {"facet-bar--label", "facet-bar--cursor"}

    @dataclass
    class Selected(Message):
        """The user picked a facet: the screen adds (or removes) its query token."""

        facet_bar: FacetBar
        field: FacetField
        value: str

        @property
        def control(self) -> FacetBar:
            """The bar that sent this."""
            return self.facet_bar

    @dataclass
    class Left(Message):
        """The user wants to go back to the results."""

        facet_bar: FacetBar

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.facets: FactFacets | None = None
        self.stale = False
        """True while the facets shown are those of an earlier query (drawn dim)."""
        self.cursor = 0
        self.items: list[FacetItem] = []

    def show(self, facets: FactFacets | None) -> None:
        """Draw ``facets`` (None: counting)."""
        self.facets = facets
        self.stale = False
        self.cursor = 0
        self.refresh()

    def mark_stale(self) -> None:
        """The query changed: dim the counts until the new ones arrive."""
        if not self.stale:
            self.stale = True
            self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self.styles.height = 2 if event.size.width >= WIDE else 1

    def _line(self, label: str, field: FacetField, line: int, budget: int) -> Text:
        """One field's facets, as many as fit in ``budget`` cells; records their positions."""
        text = Text()
        text.append(label, style=self.get_component_rich_style("facet-bar--label"))
        facets = self.facets
        values = (facets.regions if field == "region" else facets.units) if facets else []
        for value, count in values:
            name = safe(value)
            if cell_len(name) > ITEM_CELLS:
                name = set_cell_size(name, ITEM_CELLS - 1).rstrip() + "…"
            piece = f"{name} {count:,}"
            separator = " · " if len(text) > len(label) else ""
            if text.cell_len + cell_len(separator + piece) > budget:
                break
            text.append(separator, style="dim")
            start = text.cell_len
            text.append(name)
            text.append(f" {count:,}", style="dim")
            self.items.append(FacetItem(field, value, count, line, start, text.cell_len))
        if facets is not None and not values:
            text.append("–", style="dim")
        return text

    def render(self) -> Text:
        """Region facets then unit facets, the cursor facet in reverse video when focused."""
        width = self.content_size.width
        self.items = []
        if self.facets is None:
            return Text(" counting…", style="dim italic")
        more = "+" if self.facets.capped else ""
        if width >= WIDE:
            regions = self._line(f" Regions{more}: ", "region", 0, width)
            units = self._line(f" Units{more}:   ", "unit", 1, width)
            lines = [regions, units]
        else:
            units = self._line("Unit: ", "unit", 0, min(width * 2 // 5, 34))
            shift = width - units.cell_len
            regions = self._line(" Region: ", "region", 0, shift - 3)
            regions.pad_right(max(shift - 3 - regions.cell_len, 0))
            self.items = [
                FacetItem(i.field, i.value, i.count, 0, i.start + shift, i.end + shift)
                if i.field == "unit"
                else i
                for i in self.items
            ]
            self.items.sort(key=lambda i: i.start)
            lines = [Text.assemble(regions, (" │ ", "dim"), units)]
        self.cursor = min(self.cursor, max(len(self.items) - 1, 0))
        if self.has_focus and self.items:
            item = self.items[self.cursor]
            style = self.get_component_rich_style("facet-bar--cursor")
            lines[item.line].stylize(style, item.start, item.end)
        result = Text("\n", no_wrap=True, overflow="ellipsis").join(lines)
        if self.stale:
            result.stylize("dim")
        return result

    @property
    def highlighted_item(self) -> FacetItem | None:
        """The facet under the cursor, if any is drawn."""
        return self.items[self.cursor] if 0 <= self.cursor < len(self.items) else None

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_move(self, step: int) -> None:
        """Next (1) or previous (-1) facet."""
        if self.items:
            self.cursor = (self.cursor + step) % len(self.items)
            self.refresh()

    def action_select(self) -> None:
        """Filter by the highlighted facet."""
        item = self.highlighted_item
        if item is not None:
            self.post_message(self.Selected(self, item.field, item.value))

    def action_leave(self) -> None:
        """Back to the results."""
        self.post_message(self.Left(self))

    def on_click(self, event: events.Click) -> None:
        """A click on a facet selects it."""
        for index, item in enumerate(self.items):
            if item.line == event.y and item.start <= event.x < item.end:
                self.cursor = index
                self.action_select()
                return
