"""The Documents pane: a virtual list of documents, full-text search as you type, sorting.

Every store call runs in a thread worker. The listing worker is exclusive (a new keystroke
cancels the previous search) and its result comes back through :class:`tui.results.Latest`,
so a slow, stale search that finishes late is dropped. The search box keeps the focus
(:class:`tui.widgets.search_box.QueryBox`): every printable key is part of the query and
commands are ctrl keys or the palette. Pages beyond the first are fetched on demand when the
list asks for them. Enter pushes the reader (:mod:`tui.panes.reader.screen`) on this pane's stack.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Input, Static

from factscope.db.store import DocumentOrder
from factscope.tui.panes.documents.document_list import PAGE_SIZE, DocumentList, ListRow
from factscope.tui.render import list_header, published, safe
from factscope.tui.results import Latest
from factscope.tui.screens.base import PaletteCommand, PaneScreen
from factscope.tui.widgets.search_box import QueryBox, route_printable
from factscope.tui.widgets.status_line import StatusLine

SEARCH_CAP = 10_000
"""Search results are counted (and exported) up to this many; more shows as '10,000+'."""
SORTS: list[tuple[DocumentOrder, bool, str]] = [
    ("published", True, "date"),
    ("title", False, "title"),
    ("facts", True, "facts"),
]
"""The orders `s` cycles through: (store order, descending, the column it sorts)."""


def export_row(row: ListRow) -> dict[str, Any]:
    """One exported document row."""
    doc = row.document
    data: dict[str, Any] = {
        "title": safe(doc.title),
        "published": published(doc),
        "facts": doc.fact_count,
        "source": safe(doc.source),
        "id": doc.id,
    }
    if row.snippet is not None:
        data["snippet"] = safe(row.snippet)
    return data


class DocumentsScreen(PaneScreen):
    """Browse and search documents; open one in the reader."""

    PANE = "Documents"
    HELP = """
The **Documents** pane lists every imported document with its date, number of extracted
figures and source file. Everything you type is a full-text search (results update as you
type, with the matching words highlighted); **Up**/**Down** move the highlighted document,
**Enter** reads it with every figure marked; **ctrl+o** changes the order when not searching;
**ctrl+s** exports the list.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+o",
            "cycle_sort",
            "Sort",
            tooltip="Order by date, title or number of figures.",
            id="documents.sort",
        ),
        Binding(
            "ctrl+s",
            "export",
            "Export",
            tooltip="Save this list as CSV, JSON or Markdown.",
            id="documents.export",
        ),
    ]
    """Pane keys: ctrl keys only, since every printable key is part of the query; the
    search box holds the list keys (:class:`QueryBox`)."""

    def __init__(self, store: Any) -> None:
        super().__init__(store)
        self.listings = Latest(self, self._show_listing)
        """Each listing (a query, a sort) is a request; results of older ones are dropped."""
        self.sort_index = 0
        self.query_text = ""
        self.total = 0
        self._open_when_shown = 0
        """A generation whose first document Enter asked to open before it arrived."""

    def compose(self) -> ComposeResult:
        yield QueryBox(placeholder="Search documents", id="doc-search")
        yield Static(id="list-header")
        yield DocumentList(id="doc-list")
        yield StatusLine(self.PANE)
        yield Footer()

    @property
    def document_list(self) -> DocumentList:
        """The list widget."""
        return self.query_one(DocumentList)

    @property
    def search_box(self) -> QueryBox:
        """The query input."""
        return self.query_one(QueryBox)

    def on_mount(self) -> None:
        self.search_box.results = self.document_list
        self.set_focus(self.search_box)
        self.reload()

    def on_key(self, event: events.Key) -> None:
        """Every printable key is part of the query, whatever has the focus."""
        route_printable(event, self.search_box)

    def on_resize(self) -> None:
        self._draw_header()

    def _draw_header(self) -> None:
        width = self.document_list.scrollable_content_region.width or self.size.width
        _, descending, column = SORTS[self.sort_index]
        header = self.query_one("#list-header", Static)
        header.update(list_header(width, "" if self.query_text else column, descending))

    # -- listing ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Fetch the listing for the current query and sort (stale ones are dropped)."""
        self.query_text = self.search_box.value.strip()
        order, descending, _ = SORTS[self.sort_index]
        self._list(self.listings.begin(), self.query_text, order, descending)

    @work(thread=True, exclusive=True, exit_on_error=False, group="doc-list", description="Search")
    def _list(self, generation: int, query: str, order: DocumentOrder, descending: bool) -> None:
        if query:
            total = self.store.search_count(query, cap=SEARCH_CAP, prefix=True)
            hits = self.store.search(query, limit=PAGE_SIZE, prefix=True)
            rows = [ListRow(h.document, h.snippet, list(h.highlights)) for h in hits]
        else:
            total = self.store.document_count()
            docs = self.store.documents(limit=PAGE_SIZE, order=order, descending=descending)
            rows = [ListRow(d) for d in docs]
        self.listings.deliver(generation, query, total, rows)

    @work(thread=True, exit_on_error=False, group="doc-pages", description="Loading documents")
    def _page(self, generation: int, query: str, offset: int) -> None:
        # Not stale-checked here: the list drops pages of a listing it no longer shows.
        rows = self._fetch(query, offset)
        self.call_later(self.document_list.add_page, generation, offset, rows)

    def _fetch(self, query: str, offset: int, limit: int = PAGE_SIZE) -> list[ListRow]:
        if query:
            hits = self.store.search(query, limit=limit, offset=offset, prefix=True)
            return [ListRow(h.document, h.snippet, list(h.highlights)) for h in hits]
        order, descending, _ = SORTS[self.sort_index]
        docs = self.store.documents(offset=offset, limit=limit, order=order, descending=descending)
        return [ListRow(d) for d in docs]

    def _show_listing(self, query: str, total: int, rows: list[ListRow]) -> None:
        """Show the newest listing (the list keeps its number to match later pages)."""
        generation = self.listings.generation
        self.total = total
        if query:
            empty = f"No documents match {safe(query)!r}. Escape clears the search."
        else:
            empty = "No documents yet. Import some with: factscope import PATH"
        self.document_list.reset(generation, total, rows, snippets=bool(query), message=empty)
        self._draw_header()
        self.status_line.set_context(self._describe())
        if self._open_when_shown == generation:
            self._open_when_shown = 0
            self.document_list.action_open()

    def _describe(self) -> str:
        if not self.query_text:
            return f"sorted by {SORTS[self.sort_index][2]}"
        shown = f"{self.total:,}+" if self.total >= SEARCH_CAP else f"{self.total:,}"
        noun = "match" if self.total == 1 else "matches"
        return f"{shown} {noun} for {self.query_text!r}"

    def on_document_list_page_needed(self, message: DocumentList.PageNeeded) -> None:
        if self.listings.is_current(message.generation):
            self._page(message.generation, self.query_text, message.offset)

    @on(Input.Changed, "#doc-search")
    def _search_changed(self) -> None:
        self.reload()

    @on(QueryBox.Chosen, "#doc-search")
    def _enter(self) -> None:
        """Read the highlighted document, or the current query's first when it arrives."""
        if self.listings.shown:
            self.document_list.action_open()
        else:
            self._open_when_shown = self.listings.generation

    def on_document_list_opened(self, message: DocumentList.Opened) -> None:
        self.open_document(message.document.id)

    def open_document(
        self, doc_id: str, fact_id: int | None = None, *, origin: str = "documents"
    ) -> None:
        """Push the reader for ``doc_id``, selecting ``fact_id`` when given; Escape there
        goes back to the pane ``origin``."""
        from factscope.tui.panes.reader.screen import ReaderScreen

        self.app.push_screen(ReaderScreen(self.store, doc_id, fact_id, origin=origin))

    # -- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Sorting applies to the full list only."""
        if action == "cycle_sort" and self.query_text:
            return None
        return True

    def action_cycle_sort(self, index: int | None = None) -> None:
        """Next order: date, then title, then number of figures."""
        self.sort_index = (self.sort_index + 1) % len(SORTS) if index is None else index
        self.reload()
        self.notify(f"Sorted by {SORTS[self.sort_index][2]}", timeout=2)

    def palette_commands(self) -> Iterator[PaletteCommand]:
        """'Sort documents by date/title/facts', one command each."""
        for index, (_, _, name) in enumerate(SORTS):
            yield (
                f"Sort documents by {name}",
                f"Order the document list by {name}.",
                partial(self.action_cycle_sort, index),
            )

    def action_export(self) -> None:
        """Ask for a format and a path, then write the whole list to that file."""
        query, total = self.query_text, self.total
        what = f"{total:,} documents" + (f" matching {query!r}" if query else "")
        rows = partial(self._export_rows, query, total)
        self.export(what, "factscope-documents", rows, noun="documents")

    def _export_rows(self, query: str, total: int) -> list[dict[str, Any]]:
        """Every row of the listing (a search's up to SEARCH_CAP), a thousand per query."""
        rows: list[ListRow] = []
        while len(rows) < min(total, SEARCH_CAP if query else total):
            page = self._fetch(query, len(rows), limit=1000)
            if not page:
                break
            rows.extend(page)
        return [export_row(r) for r in rows]
