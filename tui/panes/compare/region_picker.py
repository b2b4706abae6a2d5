"""The region picker: a search box over every place, a list of candidates, the picked regions.

Typing asks the screen (:class:`RegionPicker.SearchChanged`) to search the gazetteer; the
screen hands back :class:`Candidate` rows with their level, parent chain and number of facts
in this database (:meth:`RegionPicker.show_candidates`). With nothing picked, an empty box
lists suggestions: the regions with the most facts. The list shows only while there is
something to pick from, so at 80x24 the table keeps the room.

The box keeps the focus while picking (a :class:`tui.widgets.search_box.QueryBox`): Up/Down
move the highlighted candidate and Enter adds it. Enter always adds a candidate of the query
in the box: pressed before that query's candidates arrived ("Hefei⏎" typed in one burst), it
adds the best of them when they do. The picker never calls the store; it posts
:class:`RegionPicker.Add` and the screen decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from factscope.db.models import Region
from factscope.tui.render import fit, safe
from factscope.tui.widgets.search_box import QueryBox

MAX_REGIONS = 4
"""How many regions a comparison holds."""


@dataclass(frozen=True)
class Candidate:
    """A region offered by the picker."""

    region: Region
    parents: tuple[str, ...]
    """Names of its parents, nearest first ('Shanghai', 'China')."""
    facts: int
    """Facts attributed to it in this database."""


def candidate_line(candidate: Candidate, width: int, mark: str) -> Text:
    """One list line: mark, name, level and parents, and the number of facts at the right."""
    region = candidate.region
    count = f"{candidate.facts:,} fact{'s' if candidate.facts != 1 else ''}"
    if not candidate.facts:
        count = "no facts"
    line = Text(f"{mark:<3}", style="bold")
    place = Text(safe(region.name), style="bold")
    place.append(f"  {region.level}", style="italic")
    if candidate.parents:
        place.append(f" · {' › '.join(safe(p) for p in candidate.parents)}", style="dim")
    line.append_text(fit(place, max(width - 3 - len(count) - 1, 8)))
    line.append(" ")
    line.append(count, style="bold" if candidate.facts else "dim")
    return line


def _heading(title: str) -> Option:
    """A line in the list that cannot be picked."""
    return Option(Text(title, style="bold underline"), disabled=True)


class PickerInput(QueryBox):
    """The picker's search box: the arrows move in the candidates, Enter adds one."""

    HELP = """
### Region search
Type a place name; **Up**/**Down** move in the list, **Enter** adds the highlighted region,
**Escape** clears the box and then goes back to the table.
"""
    BINDING_GROUP_TITLE = "Region search"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "enter", "Add", tooltip="Add the highlighted region."),
        Binding("escape", "clear_or_back", "Clear/table", tooltip="Clear, then to the table."),
    ]
    """Enter adds (the arrows move in the list, as in any query box)."""

    def action_clear_or_back(self) -> None:
        """Clear the name; when it is already empty, leave the picker (for the table)."""
        if self.value:
            self.value = ""
        else:
            self.post_message(RegionPicker.Leave(self.query_ancestor(RegionPicker)))


class CandidateList(OptionList, can_focus=False):
    """Regions to add (and the picked ones, marked with their column number).

    It never takes the focus: the search box moves its highlight (Up/Down) and adds (Enter).
    """

    def action_cursor_up(self) -> None:
        """Up never lands on a heading above the first region."""
        first = next((i for i, o in enumerate(self.options) if not o.disabled), 0)
        if self.highlighted is not None and self.highlighted > first:
            super().action_cursor_up()


class RegionPicker(Vertical):
    """Search box, candidate list and the line of picked regions."""

    HELP = """
### Region picker
Type a place name (English or Chinese, any level: country, province, city, district, zone);
the list shows each match with its level, its parents and how many facts this database has
about it, names that match best first, then those with most facts. **Up**/**Down** move in
the list, **Enter** adds the highlighted region (up to four); **Delete** at the table removes
one. **Escape** clears the box, then goes back to the table.
"""

    @dataclass
    class SearchChanged(Message):
        """The search text changed: the screen should look for regions."""

        picker: RegionPicker
        query: str

        @property
        def control(self) -> RegionPicker:
            """The picker that sent this."""
            return self.picker

    @dataclass
    class Add(Message):
        """Add this region to the comparison."""

        picker: RegionPicker
        candidate: Candidate

        @property
        def control(self) -> RegionPicker:
            """The picker that sent this."""
            return self.picker

    @dataclass
    class Leave(Message):
        """The user is done picking."""

        picker: RegionPicker

        @property
        def control(self) -> RegionPicker:
            """The picker that sent this."""
            return self.picker

    def __init__(self) -> None:
        super().__init__()
        self.picked: list[Candidate] = []
        """The regions in the comparison, in column order (set by the screen)."""
        self.include_children = False
        """Whether districts are rolled up (set by the screen, shown on the picked line)."""
        self.candidates: list[Candidate] = []
        """Search results, or suggestions when the box is empty."""
        self.search_text = ""
        self.shown_query: str | None = None
        """The query whose candidates the list shows (None: none arrived yet)."""
        self._add_when_shown: str | None = None
        """A query whose best candidate Enter asked to add before its candidates came."""

    def compose(self) -> ComposeResult:
        yield PickerInput(placeholder="Add a region: type a name", id="picker-input")
        yield CandidateList(id="picker-options")
        yield Static(id="picker-chips")

    @property
    def search_box(self) -> PickerInput:
        """The search box."""
        return self.query_one(PickerInput)

    @property
    def options(self) -> CandidateList:
        """The candidate list."""
        return self.query_one(CandidateList)

    def on_mount(self) -> None:
        self.search_box.results = self.options
        self._draw_chips()

    def on_descendant_focus(self) -> None:
        self._fold()

    def on_descendant_blur(self) -> None:
        self.call_after_refresh(self._fold)

    def _fold(self) -> None:
        """Show the list while there is a name typed in the focused box, else fold it."""
        focused = self.screen.focused
        picking = focused is self.search_box and bool(self.search_text)
        self.set_class(picking, "-picking")

    def on_resize(self) -> None:
        self._draw_options()
        self._draw_chips()

    @on(Input.Changed, "#picker-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.search_text = event.value.strip()
        self._fold()
        self.post_message(self.SearchChanged(self, self.search_text))

    @on(QueryBox.Chosen, "#picker-input")
    def _enter(self, event: QueryBox.Chosen) -> None:
        event.stop()
        if self.shown_query == self.search_text:
            self.add_highlighted()
        else:
            self._add_when_shown = self.search_text

    @on(OptionList.OptionSelected, "#picker-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._add(event.option.id)

    def add_highlighted(self) -> None:
        """Add the candidate highlighted in the list (the best match unless moved)."""
        option = self.options.highlighted_option
        self._add(option.id if option is not None else None)

    def _add(self, region_id: str | None) -> None:
        known = {c.region.id: c for c in [*self.candidates, *self.picked]}
        if region_id in known:
            self.post_message(self.Add(self, known[region_id]))

    def show_candidates(self, query: str, candidates: list[Candidate]) -> None:
        """Results for ``query`` (suggestions for ''); stale ones are ignored."""
        if query != self.search_text:
            return
        self.candidates = candidates
        self.shown_query = query
        self._draw_options(reset=True)
        if self._add_when_shown == query:
            self._add_when_shown = None
            self.add_highlighted()

    def set_picked(self, picked: list[Candidate], include_children: bool) -> None:
        """The regions now compared, and whether districts are included."""
        self.picked, self.include_children = picked, include_children
        self._draw_options()
        self._draw_chips()

    def _draw_options(self, reset: bool = False) -> None:
        options = self.options
        width = options.scrollable_content_region.width or self.size.width or 80
        highlighted = None if reset else options.highlighted
        numbers = {c.region.id: index for index, c in enumerate(self.picked, start=1)}
        shown: list[Option | None] = []
        others = [c for c in self.candidates if self.search_text or c.region.id not in numbers]
        if not self.search_text and others:
            shown.append(_heading("Most facts in this database"))
        for candidate in others:
            number = numbers.get(candidate.region.id)
            mark = f"{number}✓" if number else "+"
            shown.append(Option(candidate_line(candidate, width, mark), id=candidate.region.id))
        if self.search_text and not others:
            shown.append(_heading(f"No place matches {self.search_text!r}"))
        options.clear_options()
        options.add_options(shown)
        enabled = [i for i, o in enumerate(options.options) if not o.disabled]
        if enabled:
            keep = highlighted if highlighted is not None and highlighted in enabled else None
            first_new = next(
                (i for i in enabled if options.options[i].id not in numbers), enabled[0]
            )
            options.highlighted = keep if keep is not None else first_new

    def _draw_chips(self) -> None:
        width = self.size.width or 80
        tail = Text("  │ districts ", style="dim")
        tail.append("included" if self.include_children else "off", style="bold")
        tail.append(" (ctrl+d)", style="dim")
        line = Text("Comparing ", style="bold")
        if not self.picked:
            line.append("nothing yet: add two regions or more", style="italic")
        count = len(self.picked)
        room = width - line.cell_len - tail.cell_len - 5 - count - 3 * max(count - 1, 0)
        for index, candidate in enumerate(self.picked, start=1):
            if index > 1:
                line.append(" · ", style="dim")
            line.append(f"{index}", style="bold reverse")
            name = safe(candidate.region.name)
            line.append_text(fit(f" {name}", min(len(name) + 1, max(room // count, 6))))
            if index == 1:
                line.append(" base", style="italic")
        line.append_text(tail)
        self.query_one("#picker-chips", Static).update(fit(line, width))
