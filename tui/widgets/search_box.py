"""A search input that hands focus back to its list with Enter, Down or Escape."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input


class SearchBox(Input):
    """Search as you type. Posts :class:`SearchBox.Done` when the user leaves for the list."""

    HELP = """
### Search box
Type to search; results update as you type. **Enter** or **Down** goes to the results,
**Escape** clears the search (a second Escape leaves the box).
"""
    BINDING_GROUP_TITLE = "Search"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,enter", "done", "To results", tooltip="Move to the results."),
        Binding("escape", "clear_or_leave", "Clear", tooltip="Clear the search, then leave."),
        Binding("up", "previous", "Previous", show=False, tooltip="Previous match, if any."),
    ]
    """Keys that end typing."""

    @dataclass
    class Done(Message):
        """The user wants to move to the results."""

        search_box: SearchBox

        @property
        def control(self) -> SearchBox:
            """The search box that sent this."""
            return self.search_box

    @dataclass
    class Previous(Message):
        """The user asked for the previous result (Up)."""

        search_box: SearchBox

        @property
        def control(self) -> SearchBox:
            """The search box that sent this."""
            return self.search_box

    def action_previous(self) -> None:
        """Ask for the previous result."""
        self.post_message(self.Previous(self))

    def action_done(self) -> None:
        """Move to the results."""
        self.post_message(self.Done(self))

    def action_clear_or_leave(self) -> None:
        """Clear the text; when it is already empty, go to the results."""
        if self.value:
            self.value = ""
        else:
            self.post_message(self.Done(self))


def type_to_search(event: events.Key, box: Input, results: Widget) -> None:
    """Type to search, as in fzf: a printable key that no binding claims, pressed on
    ``results``, starts the query in ``box`` (which takes the focus). Keys queued on
    ``results`` before the box took the focus (typed in a burst) still join the query."""
    if not event.is_printable or not event.character:
        return
    focused = box.screen.focused
    if focused is box:
        pass  # the box never saw this key: it was queued on the results
    elif focused is not results or event.key in box.app.active_bindings:
        return
    event.stop()
    event.prevent_default()
    box.value += event.character
    box.cursor_position = len(box.value)
    # Selecting the text on focus would let the next key replace what was typed so far.
    box.select_on_focus = False
    box.screen.set_focus(box)
