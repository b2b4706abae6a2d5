"""The Compare pane: up to four regions side by side, aligned by metric and period.

The picker (:mod:`tui.panes.compare.region_picker`) searches every place the gazetteer knows, plus
the zones the documents named, and says how many facts each has here; the table
(:mod:`tui.panes.compare.compare_table`) shows ``Store.compare`` -- the same
:class:`db.compare.Comparison` that ``factscope compare`` prints -- and the panel below it
shows the evidence of the selected cell with the figure highlighted, the cell's note (a
conversion's rate and its source, why it is not comparable) and the row's gaps.

Every store and gazetteer call runs in a thread worker; the search and comparison workers
are exclusive and their results come back through :class:`tui.results.Latest`, so a late
result for an older query or selection is dropped. Enter posts
:class:`tui.messages.OpenEvidence`, which the app turns into the reader.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Input

from factscope.db.compare import CompareRow, Comparison, row_phrase
from factscope.db.compare_filter import filter_rows
from factscope.db.models import Document, Region
from factscope.tui.messages import GoBack, OpenEvidence
from factscope.tui.output import comparison_rows
from factscope.tui.panes.compare.candidates import CandidateFinder
from factscope.tui.panes.compare.compare_table import CompareTable
from factscope.tui.panes.compare.evidence import EvidencePanel
from factscope.tui.panes.compare.region_picker import MAX_REGIONS, Candidate, RegionPicker
from factscope.tui.panes.compare.render import compared_first, row_citation, rows_context
from factscope.tui.render import safe
from factscope.tui.results import Latest
from factscope.tui.screens.base import PaneScreen
from factscope.tui.widgets.search_box import SearchBox, route_printable
from factscope.tui.widgets.status_line import StatusLine


class CompareScreen(PaneScreen):
    """Pick regions; read their figures side by side; open any figure's evidence."""

    PANE = "Compare"
    HELP = """
The **Compare** pane puts up to four regions side by side. Rows are metrics aligned by metric
type and period (rows where all regions have a figure come first); each region's column shows
the value with its unit and change, a bar scaled within the row (amounts only) and the ratio
to the **base** region, the first one picked. A value in another currency is converted only
at a rate the documents themselves state (marked ≈); anything else that differs is marked ≠
and never compared, as are figures with no stated period (they may be from different years);
a district's figure shown under its city is marked ↳ and never summed.

Below the table: the sentence the selected figure comes from, the figure highlighted, the
cell's note and the row's gaps ("Sichuan Province has no figure for Total trade 2021;
nearest: Total trade 2020"). Typing anywhere searches for a region to add (**Enter** adds
it); **Delete** removes the selected column's region, **ctrl+d** includes districts,
**ctrl+t** shows the row's figures over time (one series per region), **Enter** at the
table opens the reader at the figure, **ctrl+y** copies the row as a citation, **ctrl+s** exports
the table, **ctrl+f** filters the rows by metric, type or period ("trade 2020"; copy and
export then take the rows shown). **Escape** goes back to where you came from.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "delete",
            "remove",
            "Remove",
            tooltip="Take the selected column's region out.",
            id="compare.remove",
        ),
        Binding(
            "ctrl+d",
            "toggle_children",
            "Districts",
            tooltip="Include each region's districts (shown under it, never summed).",
            id="compare.districts",
            priority=True,  # the query box would take ctrl+d as delete-right
            show=False,  # the picker's line shows it, "(ctrl+d)"; the footer is full at 80
        ),
        Binding(
            "ctrl+y",
            "copy",
            "Copy row",
            tooltip="Copy the selected row as a citation.",
            id="compare.copy",
        ),
        Binding(
            "ctrl+s",
            "export",
            "Export",
            tooltip="Save the table as CSV, JSON or Markdown.",
            id="compare.export",
        ),
        Binding(
            "ctrl+t",
            "trend",
            "Trend",
            tooltip="The selected row's figures over time, one series per region.",
            id="compare.trend",
        ),
        Binding(
            "ctrl+f",
            "filter",
            "Filter rows",
            show=False,  # the footer is full at 80 columns; the help screen lists it
            tooltip="Show only rows whose metric, type or period hold these words.",
            id="compare.filter",
        ),
        Binding("escape", "back", "Back", show=False, tooltip="Back to where you came from."),
    ]
    """Pane keys: no letters, since letters typed anywhere here search for a region; table
    keys are on :class:`CompareTable`, search keys on the picker's box."""

    def __init__(self, store: Any) -> None:
        super().__init__(store)
        self.picked: list[Candidate] = []
        """The compared regions, in column order; the first is the base."""
        self.include_children = False
        """Whether each region's districts are shown under it."""
        self.comparison: Comparison | None = None
        """What the table shows: the last comparison, its rows filtered by :attr:`row_filter`."""
        self.unfiltered: Comparison | None = None
        self.row_filter = ""
        self.searches = Latest(self, self._show_candidates)
        """Each region search is a request; candidates of older ones are dropped."""
        self.comparisons = Latest(self, self._show_comparison)
        """Each selection is a request; a comparison of an older one is dropped."""
        self.candidates = CandidateFinder(store)
        self.counts: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield RegionPicker()
        yield SearchBox(placeholder="Filter rows: metric, type or period", id="row-filter")
        yield CompareTable()
        yield EvidencePanel()
        yield StatusLine(self.PANE)
        yield Footer()

    @property
    def picker(self) -> RegionPicker:
        """The region picker."""
        return self.query_one(RegionPicker)

    @property
    def table(self) -> CompareTable:
        """The comparison table."""
        return self.query_one(CompareTable)

    @property
    def evidence(self) -> EvidencePanel:
        """The evidence panel under the table."""
        return self.query_one(EvidencePanel)

    def on_mount(self) -> None:
        self._sync_layout()
        self.set_focus(self.picker.search_box)
        self.search_regions("")

    # -- picking ----------------------------------------------------------------------------

    def search_regions(self, query: str) -> None:
        """Look for regions named ``query`` ('' : suggestions); older searches are dropped."""
        self._search(self.searches.begin(), query)

    @work(thread=True, exclusive=True, exit_on_error=False, group="regions", description="Search")
    def _search(self, generation: int, query: str) -> None:
        self.searches.deliver(generation, query, self.find_candidates(query))

    def find_candidates(self, query: str) -> list[Candidate]:
        """Regions for ``query``, those with facts first (see :class:`CandidateFinder`)."""
        return self.candidates.find(query)

    def _show_candidates(self, query: str, candidates: list[Candidate]) -> None:
        self.picker.show_candidates(query, candidates)

    def on_region_picker_search_changed(self, message: RegionPicker.SearchChanged) -> None:
        self.search_regions(message.query)

    def on_region_picker_add(self, message: RegionPicker.Add) -> None:
        self.add_region(message.candidate)

    def on_region_picker_leave(self) -> None:
        if self.picked:
            self.set_focus(self.table)
        else:
            self.action_back()

    def on_key(self, event: events.Key) -> None:
        """Every printable key typed outside a box searches for a region."""
        route_printable(event, self.picker.search_box)

    def add_region(self, candidate: Candidate) -> None:
        """Add a region as the last column (up to :data:`MAX_REGIONS`)."""
        name = candidate.region.name
        if any(c.region.id == candidate.region.id for c in self.picked):
            self.notify(f"{safe(name)} is already compared.", timeout=3)
            return
        if len(self.picked) >= MAX_REGIONS:
            self.notify(
                f"Up to {MAX_REGIONS} regions: remove one first (Delete).", severity="warning"
            )
            return
        self.picked.append(candidate)
        box = self.picker.search_box
        box.value = ""
        self._selection_changed()
        if len(self.picked) >= 2:
            self.set_focus(self.table)  # two regions make a comparison: read it

    def remove_region(self, region_id: str) -> None:
        """Take a region out; the next one becomes the base when the base goes."""
        before = len(self.picked)
        self.picked = [c for c in self.picked if c.region.id != region_id]
        if len(self.picked) != before:
            self._selection_changed()
            if not self.picked:
                self.set_focus(self.picker.search_box)

    def _selection_changed(self) -> None:
        self.picker.set_picked(self.picked, self.include_children)
        self.refresh_bindings()
        self._sync_layout()
        self.reload()

    def _sync_layout(self) -> None:
        self.set_class(not self.picked, "-nothing-picked")
        if not self.picked:
            self.status_line.set_context("pick regions to compare")

    # -- comparing --------------------------------------------------------------------------

    def reload(self) -> None:
        """Compare the picked regions again (a newer request makes older results stale)."""
        generation = self.comparisons.begin()
        if not self.picked:
            self.comparison = self.unfiltered = None
            self.table.show(None, [], {})
            self._show_evidence()
            return
        self._compare(generation, [c.region for c in self.picked], self.include_children)

    @work(thread=True, exclusive=True, exit_on_error=False, group="compare", description="Compare")
    def _compare(self, generation: int, regions: list[Region], include_children: bool) -> None:
        # ``regions`` is a snapshot: the picker may change while this runs.
        ids = [r.id for r in regions]
        stored = [i for i in ids if self.store.region(i) is not None]
        comparison = Comparison(regions=[], rows=[])
        if stored:
            comparison = self.store.compare(stored, include_children=include_children)
        for region in regions:
            if region.id not in stored:
                comparison.notes.append(f"{region.name} has no facts in the database")
        counts = self.store.fact_counts(ids)
        self.comparisons.deliver(generation, comparison, counts)

    def _show_comparison(self, comparison: Comparison, counts: dict[str, int]) -> None:
        self.unfiltered = comparison
        self.counts = counts
        self._show_rows()

    def _show_rows(self) -> None:
        """Show the last comparison's rows that pass the row filter."""
        if self.unfiltered is None:
            return
        shown = filter_rows(self.unfiltered, self.row_filter)
        self.comparison = shown
        self.refresh_bindings()
        regions = compared_first([c.region for c in self.picked], shown)
        self.table.show(shown, regions, self.counts)
        context = rows_context(len(regions), shown.rows, len(self.unfiltered.rows), self.row_filter)
        self.status_line.set_context(context)
        if not shown.rows:
            self._show_evidence()

    # -- row filter -------------------------------------------------------------------------

    def action_filter(self) -> None:
        """Show the row filter and type into it."""
        self.add_class("-filtering")
        self.set_focus(self.query_one("#row-filter", SearchBox))

    @on(Input.Changed, "#row-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.row_filter = event.value
        self._show_rows()

    @on(SearchBox.Done, "#row-filter")
    @on(SearchBox.Closed, "#row-filter")
    def _filter_done(self) -> None:
        if not self.row_filter:
            self.remove_class("-filtering")
        self.set_focus(self.table)

    # -- evidence ---------------------------------------------------------------------------

    def on_compare_table_cell_focused(self, message: CompareTable.CellFocused) -> None:
        doc_id = self.evidence.select(message)
        self._show_evidence()
        if doc_id is not None:
            self._load_document(doc_id)

    def on_compare_table_cell_chosen(self, message: CompareTable.CellChosen) -> None:
        cell = message.cell
        if cell is None:
            self.notify(f"{safe(message.region.name)} has no figure in this row.", timeout=3)
            return
        if cell.fact.doc_id:
            self.post_message(OpenEvidence(cell.fact.doc_id, cell.fact.id))

    @work(
        thread=True, exclusive=True, exit_on_error=False, group="evidence", description="Evidence"
    )
    def _load_document(self, doc_id: str) -> None:
        self.call_later(self._document_loaded, self.store.document(doc_id))

    def _document_loaded(self, document: Document) -> None:
        self.evidence.add_document(document)
        self._show_evidence()

    def _show_evidence(self) -> None:
        self.evidence.show(self.comparison, bool(self.picked))

    # -- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Row actions need a row; removing needs a region."""
        if action in ("copy", "export"):
            if not self.picked:
                return False
            return bool(self.comparison and self.comparison.rows) or None
        if action == "remove":
            return bool(self.picked)
        return True

    def action_back(self) -> None:
        """Back to the pane the user came from."""
        self.post_message(GoBack())

    def action_remove(self) -> None:
        """Remove the region of the selected column (the last one when none is selected)."""
        if not self.picked:
            return
        selected = self.table.selected
        region_id = selected[1].id if selected else self.picked[-1].region.id
        self.remove_region(region_id)

    def action_toggle_children(self) -> None:
        """Include (or stop including) each region's districts."""
        self.include_children = not self.include_children
        self.picker.set_picked(self.picked, self.include_children)
        state = (
            "included, shown under their region (never summed)" if self.include_children else "off"
        )
        self.notify(f"Districts {state}.", timeout=3)
        self.reload()

    def action_trend(self) -> None:
        """The Trend of the selected row's own figures ("Exports (share)": the share)."""
        if (selected := self.table.selected) is None or self.comparison is None:
            return
        from factscope.tui.panes.trend.screen import TrendScreen

        row, regions = selected[0], [region.id for region in self.comparison.regions]
        trend = TrendScreen(
            self.store, regions, row.metric_type, measure=row.measure, phrase=row_phrase(row)
        )
        self.app.push_screen(trend)

    def action_copy(self) -> None:
        """Copy the selected row, every region's figure with its sentence and source."""
        selected = self.table.selected
        if selected is None or self.comparison is None:
            return
        self._copy(self.comparison, selected[0])

    @work(thread=True, exit_on_error=False, group="copy", description="Copy")
    def _copy(self, comparison: Comparison, row: CompareRow) -> None:
        docs: dict[str, Document] = {}
        for cell in row.cells.values():
            if cell is not None and cell.fact.doc_id and cell.fact.doc_id not in docs:
                doc_id = cell.fact.doc_id
                docs[doc_id] = self.evidence.documents.get(doc_id) or self.store.document(doc_id)
        text = row_citation(comparison, row, docs)
        self.app.call_from_thread(self.app.copy_to_clipboard, text)
        self.app.call_from_thread(
            self.notify,
            f"Copied {safe(row.metric)} {row.period or ''} with each figure's sentence and source "
            "(via the terminal clipboard, OSC 52).",
            title="Citation copied",
        )

    def action_export(self) -> None:
        """Ask for a format and a path, then write the table there (a line per row and region)."""
        comparison = self.comparison
        if comparison is not None:
            rows = comparison_rows(comparison)
            names = " vs ".join(r.name for r in comparison.regions)
            self.export(f"the comparison of {names}", "factscope-comparison", lambda: rows)
