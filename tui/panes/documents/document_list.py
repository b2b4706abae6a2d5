"""A virtual list of documents: only the rows on screen are ever fetched or drawn.

A Line-API widget (Toolong-style): it knows the total and holds the pages it has been given.
When a row it must draw is missing it posts :class:`DocumentList.PageNeeded`; the screen
fetches that page from the store in a worker and hands it back with :meth:`add_page`. So
100,000 documents open as fast as 5. Each reset bumps a generation number, and pages for an
older generation (a stale search) are dropped.

Search results take two lines per row: the document, then its highlighted snippet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.message import Message
from textual.strip import Strip

from factscope.db.models import DocumentSummary
from factscope.tui.render import document_row, fit, highlighted
from factscope.tui.widgets.virtual_list import VirtualList

PAGE_SIZE = 100
"""Rows fetched per page request."""


@dataclass(frozen=True)
class ListRow:
    """One row: a document and, for search results, its snippet with highlight spans."""

    document: DocumentSummary
    snippet: str | None = None
    highlights: list[tuple[int, int]] = field(default_factory=list)


class DocumentList(VirtualList):
    """The paged, virtual document list. Posts messages; never touches the store.

    It never takes the focus: the search box keeps it and moves the cursor from there
    (:class:`tui.widgets.search_box.QueryBox`), so typing is never taken for a list key.
    """

    HELP = """
### Document list
**Up**/**Down**, **PgUp**/**PgDn** move the highlighted document while you type;
**Enter** reads it. A click highlights a document, a double click opens it.
"""
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "document-list--cursor",
        "document-list--message",
        "document-list--snippet",
    }

    @dataclass
    class PageNeeded(Message):
        """Rows from ``offset`` are needed for ``generation``: the screen should fetch them."""

        generation: int
        offset: int

    @dataclass
    class Opened(Message):
        """The user opened a document (Enter, o or a double click)."""

        document: DocumentSummary

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.total = 0
        """Number of rows in the current listing."""
        self.generation = -1
        """Which listing the rows belong to; -1 until the first one arrives."""
        self.row_height = 1
        self.message = "Loading…"
        """Shown when there are no rows (loading, or nothing matched)."""
        self._rows: dict[int, ListRow] = {}
        self._requested: set[int] = set()

    @property
    def row_count(self) -> int:
        """Rows in the current listing."""
        return self.total

    # -- feeding ----------------------------------------------------------------------------

    def reset(
        self, generation: int, total: int, rows: list[ListRow], *, snippets: bool, message: str
    ) -> None:
        """Show a new listing: its total, its first page, and what to say when it is empty."""
        self.generation = generation
        self.total = total
        self.row_height = 2 if snippets else 1
        self.message = message
        self._rows = dict(enumerate(rows))
        self._requested = {0}
        self.cursor = 0
        self.scroll_to(y=0, animate=False)
        self.update_virtual_size()
        self.refresh()

    def add_page(self, generation: int, offset: int, rows: list[ListRow]) -> None:
        """Store a fetched page; pages of an older generation are ignored."""
        if generation != self.generation:
            return
        for index, row in enumerate(rows, start=offset):
            self._rows[index] = row
        self.refresh()

    @property
    def highlighted_row(self) -> ListRow | None:
        """The row under the cursor, if it has been fetched."""
        return self._rows.get(self.cursor) if self.total else None

    @property
    def loaded_rows(self) -> list[ListRow]:
        """The rows fetched so far, in order (for tests and small exports)."""
        return [self._rows[i] for i in sorted(self._rows)]

    # -- drawing ----------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.update_virtual_size()

    def _request(self, index: int) -> None:
        page = index // PAGE_SIZE * PAGE_SIZE
        if page not in self._requested and self.generation >= 0:
            self._requested.add(page)
            self.post_message(self.PageNeeded(self.generation, page))

    def render_line(self, y: int) -> Strip:
        """Draw screen line ``y``: a document row, its snippet, or the empty-list message."""
        width = self.scrollable_content_region.width
        scroll_y = self.scroll_offset.y
        base = self.rich_style
        if self.total == 0:
            if y == 1:
                style = self.get_component_rich_style("document-list--message")
                text = fit(Text("  " + self.message, style=style), width)
                return self.strip(text, width)
            return Strip.blank(width, base)
        line = scroll_y + y
        index, part = divmod(line, self.row_height)
        if index >= self.total:
            return Strip.blank(width, base)
        row = self._rows.get(index)
        if row is None:
            self._request(index)
            return self.strip(fit(Text("  …", style="dim"), width), width)
        is_cursor = index == self.cursor
        if part == 0:
            text = Text("▶ " if is_cursor else "  ")
            text.append_text(document_row(row.document, width))
        else:
            snippet = highlighted(row.snippet or "", row.highlights)
            snippet.stylize(self.get_component_rich_style("document-list--snippet"))
            text = Text("    ")
            text.append_text(snippet)
            text = fit(text, width)
        if is_cursor:
            text.stylize(self.get_component_rich_style("document-list--cursor"))
        return self.strip(text, width)

    # -- actions ----------------------------------------------------------------------------

    def action_open(self) -> None:
        """Open the highlighted document."""
        row = self.highlighted_row
        if row is not None:
            self.post_message(self.Opened(row.document))
