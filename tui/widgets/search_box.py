"""The two kinds of text box: a pane's query box, and a search box inside a pane.

:class:`QueryBox` is the query of a pane with results (Documents, Facts, the Compare picker),
built on the fzf model: the box keeps the focus, every printable key edits the query, and the
non-printing keys act on the results from there -- Up/Down/PgUp/PgDn move the highlighted
row, Enter opens it, Escape clears the query and then asks to go back. No letter is ever a
command in such a pane, so a query typed at any speed is the query, and never an export.

:class:`SearchBox` is the find bar of the reader and the Compare row filter: Enter or Down
goes to the next match, Escape clears and then closes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input

from factscope.tui.messages import GoBack
from factscope.tui.widgets.virtual_list import cursor_bindings


class QueryBox(Input):
    """A pane's query: typing edits it; arrows, Enter and Escape act on :attr:`results`."""

    HELP = """
### Query
Everything you type is the query; results update as you type. **Up**/**Down**,
**PgUp**/**PgDn** and **ctrl+Home**/**ctrl+End** move the highlighted result, **Enter**
opens it, **Escape** clears the query and, when it is already empty, goes back to where you
came from.
"""
    BINDING_GROUP_TITLE = "Query"
    BINDINGS: ClassVar[list[BindingType]] = [
        *cursor_bindings("results('{}')"),
        Binding("enter", "enter", "Open", tooltip="Open the highlighted result."),
        Binding("escape", "clear_or_back", "Clear/back", tooltip="Clear the query, then go back."),
    ]
    """Keys that act on the results while the query keeps the focus: the cursor keys of
    :class:`tui.widgets.virtual_list.VirtualList`, run on :attr:`results`."""

    @dataclass
    class Chosen(Message):
        """Enter: the screen opens the highlighted result of the current query."""

        query_box: QueryBox

        @property
        def control(self) -> QueryBox:
            """The box that sent this."""
            return self.query_box

    def __init__(self, *, placeholder: str = "", id: str | None = None) -> None:  # noqa: A002
        # Selecting the text on focus would let the next key replace the query typed so far.
        super().__init__(placeholder=placeholder, id=id, select_on_focus=False)
        self.results: Widget | None = None
        """The widget whose ``action_<name>`` the arrow keys run (set by the screen)."""

    async def action_results(self, name: str) -> None:
        """Run ``name`` on the results (cursor moves)."""
        if self.results is not None:
            await self.app.run_action(name, self.results)

    def action_enter(self) -> None:
        """Open the highlighted result (the screen checks that it is the current query's)."""
        self.post_message(self.Chosen(self))

    def action_clear_or_back(self) -> None:
        """Clear the query; when it is already empty, go back (the app knows where)."""
        if self.value:
            self.value = ""
        else:
            self.post_message(GoBack())

    def append(self, text: str) -> None:
        """Add ``text`` at the end of the query and put the cursor after it."""
        self.value += text
        self.cursor_position = len(self.value)


class SearchBox(Input):
    """Find text inside a pane. Posts :class:`SearchBox.Done` when the user leaves it."""

    HELP = """
### Find
Type to find; matches update as you type. **Enter** or **Down** goes to the next match,
**Up** to the previous one, **Escape** clears the text and then closes the bar.
"""
    BINDING_GROUP_TITLE = "Find"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,enter", "done", "Next", tooltip="Next match."),
        Binding("escape", "clear_or_leave", "Clear", tooltip="Clear the text, then close."),
        Binding("up", "previous", "Previous", show=False, tooltip="Previous match, if any."),
    ]
    """Keys that end typing."""

    @dataclass
    class Done(Message):
        """Enter or Down: the next match (or leave, when the box is empty)."""

        search_box: SearchBox

        @property
        def control(self) -> SearchBox:
            """The search box that sent this."""
            return self.search_box

    @dataclass
    class Previous(Message):
        """The user asked for the previous match (Up)."""

        search_box: SearchBox

        @property
        def control(self) -> SearchBox:
            """The search box that sent this."""
            return self.search_box

    @dataclass
    class Closed(Message):
        """Escape in an empty box: close it."""

        search_box: SearchBox

        @property
        def control(self) -> SearchBox:
            """The search box that sent this."""
            return self.search_box

    def action_previous(self) -> None:
        """Ask for the previous match."""
        self.post_message(self.Previous(self))

    def action_done(self) -> None:
        """Ask for the next match."""
        self.post_message(self.Done(self))

    def action_clear_or_leave(self) -> None:
        """Clear the text; when it is already empty, close."""
        if self.value:
            self.value = ""
        else:
            self.post_message(self.Closed(self))


def route_printable(event: events.Key, box: Input) -> bool:
    """Type into ``box`` a printable key pressed anywhere else on its screen.

    Called from a pane's ``on_key``, which runs before any non-priority binding: whatever
    has the focus (a list clicked with the mouse, the facets, a table), the key joins the
    query and the box takes the focus. Keys queued before the focus moved (a burst) arrive
    here too and are appended in order. Returns True when the key was taken.
    """
    if not event.is_printable or not event.character:
        return False
    focused = box.screen.focused
    if isinstance(focused, Input) and focused is not box:
        return False  # another box (a find bar, a row filter) types for itself
    # When the box has the focus, this key was queued on another widget before it moved:
    # the box itself never lets a printable key bubble up.
    event.stop()
    event.prevent_default()
    box.value += event.character
    box.cursor_position = len(box.value)
    box.screen.set_focus(box)
    return True
