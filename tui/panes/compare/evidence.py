"""The Compare pane's evidence panel: the selected cell's sentence, its note, the row's gaps.

A widget that only draws: the screen tells it which cell is selected (:meth:`EvidencePanel.select`)
and hands it documents its workers loaded (:meth:`EvidencePanel.add_document`); it keeps
them in an LRU cache, which the screen's copy worker reads too (the cache is thread-safe).
The text is built by :func:`tui.panes.compare.render.evidence_text`.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.cache import LRUCache
from textual.containers import VerticalScroll
from textual.widgets import Static

from factscope.db.compare import Comparison
from factscope.db.models import Document
from factscope.tui.panes.compare.compare_table import LEGEND, CompareTable
from factscope.tui.panes.compare.render import evidence_text
from factscope.tui.render import safe

DOCUMENT_CACHE = 64
"""Documents kept for the evidence panel and row citations."""


def empty_text(picked: bool, comparison: Comparison | None) -> Text:
    """What the panel says with no cell to show: pick, wait, or why nothing compares."""
    if not picked:
        return Text("Pick regions to compare: type a name above.", style="italic")
    if comparison is None:
        return Text("Comparing…", style="italic")
    text = Text("No figures to compare for these regions.", style="italic")
    for note in comparison.notes:
        text.append(f"\n• {safe(note)}")
    return text


class EvidencePanel(VerticalScroll):
    """The selected figure in its sentence, under the comparison table."""

    def __init__(self) -> None:
        super().__init__(id="evidence")
        self.documents: LRUCache[str, Document] = LRUCache(DOCUMENT_CACHE)
        """Documents by id (thread-safe: the screen's copy worker reads it)."""
        self.selected: CompareTable.CellFocused | None = None
        """The table cell whose evidence is shown."""

    def compose(self) -> ComposeResult:
        yield Static(id="evidence-text")

    def on_mount(self) -> None:
        self.border_title = "Evidence"
        self.border_subtitle = LEGEND

    def select(self, cell: CompareTable.CellFocused | None) -> str | None:
        """Remember the selected cell; returns the id of a document to load, if one is needed."""
        self.selected = cell
        doc_id = cell.cell.fact.doc_id if cell is not None and cell.cell is not None else None
        return doc_id if doc_id and doc_id not in self.documents else None

    def add_document(self, document: Document) -> None:
        """Keep a loaded document (the caller redraws with :meth:`show`)."""
        self.documents.set(document.id, document)

    def show(self, comparison: Comparison | None, picked: bool) -> None:
        """Draw the selected cell's evidence in ``comparison`` (or why there is none)."""
        panel = self.query_one("#evidence-text", Static)
        selected = self.selected
        if comparison is None or not comparison.rows or selected is None:
            panel.update(empty_text(picked, comparison))
            return
        cell = selected.cell
        doc = self.documents.get(cell.fact.doc_id or "") if cell is not None else None
        panel.update(evidence_text(comparison, selected.row, selected.region, cell, doc))
