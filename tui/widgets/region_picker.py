"""The region picker: a search box over every place, a list of candidates, the picked regions.

Typing asks the screen (:class:`RegionPicker.SearchChanged`) to search the gazetteer; the
screen hands back :class:`Candidate` rows with their level, parent chain and number of facts
in this database (:meth:`RegionPicker.show_candidates`). With an empty box the list shows the
picked regions and suggestions: the regions with the most facts. The picker never calls the
store; it posts :class:`RegionPicker.Add` and :class:`RegionPicker.Remove` and the screen
decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from db.models import Region
from tui.render import fit, safe
from tui.widgets.search_box import type_to_search

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


class PickerInput(Input):
    """The picker's search box: Enter adds the highlighted candidate, Down goes to the list."""

    BINDING_GROUP_TITLE = "Region search"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "add", "Add", tooltip="Add the highlighted region to the comparison."),
        Binding("down", "to_list", "To list", tooltip="Move to the list of regions."),
        Binding("escape", "clear_or_leave", "Clear", tooltip="Clear the box, then leave it."),
    ]
    """Keys that act on the list while typing."""

    def action_add(self) -> None:
        """Add the highlighted candidate."""
        self.parent_picker.add_highlighted()

    def action_to_list(self) -> None:
        """Focus the candidate list."""
        self.screen.set_focus(self.parent_picker.options)

    def action_clear_or_leave(self) -> None:
        """Clear the text; when it is already empty, leave the picker."""
        if self.value:
            self.value = ""
        else:
            self.post_message(RegionPicker.Leave(self.parent_picker))

    @property
    def parent_picker(self) -> RegionPicker:
        """The picker this box belongs to."""
        return self.query_ancestor(RegionPicker)


class CandidateList(OptionList):
    """Regions to add (and the picked ones, marked with their column number)."""

    BINDING_GROUP_TITLE = "Regions"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "select", "Add", tooltip="Add the highlighted region to the comparison."),
        Binding("x,delete", "remove", "Remove", tooltip="Take the highlighted region out."),
        Binding("j", "cursor_down", "Down", show=False, tooltip="Next region."),
        Binding("k", "cursor_up", "Up", show=False, tooltip="Previous region."),
        Binding("escape", "leave", "Done", tooltip="Back to the comparison."),
    ]
    """List keys: a/Enter add, x/Delete remove."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Remove shows only once something is picked."""
        if action == "remove":
            return bool(self.query_ancestor(RegionPicker).picked)
        return True

    def action_remove(self) -> None:
        """Remove the highlighted region when it is picked."""
        option = self.highlighted_option
        if option is not None and option.id:
            self.post_message(RegionPicker.Remove(self.query_ancestor(RegionPicker), option.id))

    def action_leave(self) -> None:
        """Back to the table."""
        self.post_message(RegionPicker.Leave(self.query_ancestor(RegionPicker)))

    def action_cursor_up(self) -> None:
        """Up from the first region returns to the search box."""
        first = next((i for i, o in enumerate(self.options) if not o.disabled), 0)
        if self.highlighted is None or self.highlighted <= first:
            self.screen.set_focus(self.query_ancestor(RegionPicker).search_box)
        else:
            super().action_cursor_up()


class RegionPicker(Vertical):
    """Search box, candidate list and the line of picked regions."""

    HELP = """
### Region picker
Type a place name (English or Chinese, any level: country, province, city, district, zone);
the list shows each match with its level, its parents and how many facts this database has
about it, regions with facts first. **Enter** adds the highlighted region (**Up**/**Down**
pick another), **Down** moves into the list where **a**/**Enter** add and **x**/**Delete**
remove; up to four regions. **Escape** goes back to the table.
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
    class Remove(Message):
        """Take this region out of the comparison."""

        picker: RegionPicker
        region_id: str

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

    def compose(self) -> ComposeResult:
        yield PickerInput(placeholder="Add a region: type a name  (a)", id="picker-input")
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
        self._draw_chips()

    def on_key(self, event: events.Key) -> None:
        """Type to search: a region name typed at the list lands in the box."""
        type_to_search(event, self.search_box, self.options)

    def on_descendant_focus(self) -> None:
        """Show the list while picking."""
        self.add_class("-picking")

    def on_descendant_blur(self) -> None:
        """Fold the list away when the focus leaves the picker."""
        self.call_after_refresh(self._fold)

    def _fold(self) -> None:
        focused = self.screen.focused
        if focused is None or self not in focused.ancestors:
            self.remove_class("-picking")

    def on_resize(self) -> None:
        self._draw_options()
        self._draw_chips()

    @on(Input.Changed, "#picker-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.search_text = event.value.strip()
        self.post_message(self.SearchChanged(self, self.search_text))

    @on(Input.Submitted, "#picker-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()

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
        self._draw_options(reset=True)

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
        if not self.search_text and self.picked:
            shown.append(_heading("Compared (x removes)"))
            for candidate in self.picked:
                mark = f"{numbers[candidate.region.id]}✓"
                shown.append(Option(candidate_line(candidate, width, mark), id=candidate.region.id))
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
        tail.append(" (i)", style="dim")
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
