"""The base of the virtual lists (documents, fact results): a cursor, its keys, its drawing.

Both lists are Line-API ``ScrollView`` widgets that draw only the rows on screen
(Toolong-style). :class:`VirtualList` owns what they share: the ``cursor`` reactive, the
moves (row, page, first, last), their key bindings, a click that highlights (a double click
opens), the virtual size, scrolling the cursor into view and turning a row's ``Text`` into
a strip. A list supplies :attr:`VirtualList.row_count`, ``row_height``, ``render_line`` and
:meth:`VirtualList.action_open`, and may react to :meth:`VirtualList.cursor_moved`.

The lists never take the focus in the panes: the query box keeps it and runs the same
actions on them (:class:`tui.widgets.search_box.QueryBox` builds its keys from
:data:`CURSOR_KEYS`), so typing is never taken for a list key.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

CURSOR_KEYS: list[tuple[str, str, str, str]] = [
    ("down", "cursor_down", "Down", "Next result."),
    ("up", "cursor_up", "Up", "Previous result."),
    ("pagedown", "page_down", "Page down", "A page on."),
    ("pageup", "page_up", "Page up", "A page back."),
    ("ctrl+home", "first", "First", "First result."),
    ("ctrl+end", "last", "Last", "Last result."),
]
"""(key, action, description, tooltip) of every cursor move: the lists' own bindings and
the query box's, which runs the action on its list."""


def cursor_bindings(action: str = "{}") -> list[Binding]:
    """Hidden bindings of :data:`CURSOR_KEYS`; ``action`` wraps the action's name
    (``"results('{}')"`` in the query box)."""
    return [
        Binding(key, action.format(name), description, show=False, tooltip=tooltip)
        for key, name, description, tooltip in CURSOR_KEYS
    ]


class VirtualList(ScrollView, can_focus=False):
    """Rows of ``row_height`` lines with a cursor; subclasses draw the rows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *cursor_bindings(),
        Binding("enter", "open", "Open", show=False, tooltip="Open the highlighted row."),
    ]
    """The cursor keys, for whenever the list itself has the focus."""

    cursor: reactive[int] = reactive(0, init=False)
    """Index of the highlighted row."""
    row_height: int = 1
    """Screen lines per row."""

    @property
    def row_count(self) -> int:
        """How many rows the list has."""
        raise NotImplementedError

    def action_open(self) -> None:
        """Open the highlighted row."""
        raise NotImplementedError

    def cursor_moved(self, index: int) -> None:
        """Called after the cursor moved to ``index`` and was scrolled into view."""

    # -- moving -----------------------------------------------------------------------------

    def _move(self, index: int) -> None:
        if self.row_count:
            self.cursor = max(0, min(index, self.row_count - 1))

    def _page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height // self.row_height - 1)

    def action_cursor_down(self) -> None:
        """Next row."""
        self._move(self.cursor + 1)

    def action_cursor_up(self) -> None:
        """Previous row."""
        self._move(self.cursor - 1)

    def action_first(self) -> None:
        """First row."""
        self._move(0)

    def action_last(self) -> None:
        """Last row."""
        self._move(self.row_count - 1)

    def action_page_down(self) -> None:
        """One screen on."""
        self._move(self.cursor + self._page_rows())

    def action_page_up(self) -> None:
        """One screen back."""
        self._move(self.cursor - self._page_rows())

    def on_click(self, event: events.Click) -> None:
        """A click highlights a row; a double click opens it."""
        index = (self.scroll_offset.y + event.y) // self.row_height
        if 0 <= index < self.row_count:
            self._move(index)
            if event.chain >= 2:
                self.action_open()

    def watch_cursor(self, old: int, new: int) -> None:
        height = self.row_height
        before = self.scroll_offset.y
        self.scroll_to_region(
            Region(0, new * height, 1, height), animate=False, force=True, x_axis=False
        )
        if self.scroll_offset.y == before:
            # Only the two rows whose cursor mark changed need drawing again.
            self.refresh_lines(old * height, height)
            self.refresh_lines(new * height, height)
        else:
            self.refresh()
        self.cursor_moved(new)

    # -- drawing ----------------------------------------------------------------------------

    def update_virtual_size(self) -> None:
        """Make the scrollable area as tall as the rows (after they or the width changed)."""
        height = self.row_count * self.row_height
        self.virtual_size = Size(self.scrollable_content_region.width, height)

    def strip(self, text: Text, width: int) -> Strip:
        """One screen line of ``text``, cut or padded to ``width`` cells, in the list's style."""
        segments = [s for s in text.render(self.app.console) if s.text != "\n"] or [Segment("")]
        return Strip(segments).crop_extend(0, width, self.rich_style).apply_style(self.rich_style)
