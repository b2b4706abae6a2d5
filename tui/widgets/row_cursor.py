"""Cursor movement shared by the virtual lists (documents, fact results).

Both lists are ``ScrollView`` widgets that draw their own rows; this mixin gives them the same
keys and clicks: j/k, g/G, page up/down, and a click that highlights (a double click opens).
The widget supplies ``cursor`` (a reactive), :attr:`row_count`, ``row_height`` and
``action_open``; its ``watch_cursor`` scrolls and redraws.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

if TYPE_CHECKING:
    from textual.scroll_view import ScrollView

    _Base = ScrollView
else:
    _Base = object


class RowCursor(_Base):
    """Moves ``self.cursor`` over ``row_count`` rows of ``row_height`` lines each."""

    cursor: int
    row_height: int = 1

    @property
    def row_count(self) -> int:
        """How many rows the list has."""
        raise NotImplementedError

    def action_open(self) -> None:
        """Open the highlighted row."""
        raise NotImplementedError

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
