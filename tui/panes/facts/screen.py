"""The Facts pane: fuzzy search over every figure as you type, with its evidence sentence.

Every keystroke starts an exclusive thread worker (group ``fact-search``) that cancels the
previous one; its result comes back through :class:`tui.results.Latest`, which drops the
result of any search older than the newest, so a slow search that finishes late never
overwrites a newer one. Workers queue on a gate and a cancelled one gives up before it
reaches the store, so a burst of keys runs one search, not ten. The UI thread never calls
the store.

The query box keeps the focus (:class:`tui.widgets.search_box.QueryBox`): every printable key
is part of the query, the arrows move the highlighted result, and commands are ctrl keys or
the palette. Enter opens the highlighted result of the current query: pressed before that
query's results arrived, it opens their first result when they do.

Below the results the evidence sentence is drawn with the figure marked; document texts are
loaded in a worker and kept in a small LRU cache. Facets (matches by region and unit) are
counted at once from the results when they are every match; otherwise a Textual timer starts
a worker when the query has stayed unchanged for :data:`FACET_DELAY` (a new keystroke stops
the timer), bounded by the store, so facets are never counted while typing.
Enter asks the app to open the reader at the figure (:class:`tui.messages.OpenEvidence`).
"""

from __future__ import annotations

import threading
from functools import partial
from typing import Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.timer import Timer
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from factscope.db.errors import StoreError
from factscope.db.models import FactFacets, FactHit, FactResults
from factscope.tui.messages import OpenEvidence
from factscope.tui.panes.facts.evidence import EvidenceView
from factscope.tui.panes.facts.facets import FacetBar
from factscope.tui.panes.facts.fact_table import FactTable, fact_header, value_cell
from factscope.tui.panes.facts.view import (
    count_facets,
    describe,
    export_rows,
    export_what,
    facet_refusal,
    no_results,
    toggle_tokens,
)
from factscope.tui.render import cite, safe
from factscope.tui.results import Latest
from factscope.tui.screens.base import PaneScreen
from factscope.tui.widgets.search_box import QueryBox, route_printable
from factscope.tui.widgets.status_line import StatusLine

RESULT_LIMIT = 1000
"""Results fetched per query (the status says how many more matched)."""
TEXT_CACHE = 64
"""Document texts kept for evidence sentences and citations."""
FACET_DELAY = 0.3
"""Seconds the query must stay unchanged before its facets are counted."""


class FactsScreen(PaneScreen):
    """Search every figure as you type; read its sentence; open, copy or export it."""

    PANE = "Facts"
    HELP = """
The **Facts** pane searches every extracted figure as you type, best match first, with the
sentence it was read from under the table. Everything you type is the query; **Up**/**Down**
move the highlighted result and **Enter** opens the reader at it; **ctrl+y** copies a
citation; **ctrl+s** exports the results; **ctrl+t** shows the highlighted figure's region
and metric over time (the Trend view); **Tab** picks a region or unit facet to filter by.

Query syntax (fzf-like; every word must match, as a prefix):

- `songj trade 2020` — words match the start of words: Songjiang, trade, 2020
- `region:sichuan` `metric:export` `period:2020` `unit:CNY` `kind:share` `type:trade_total`
  `doc:bulletin` — narrow by a field
- `>1e9` `<50` `>=2bn` — compare the normalized value (k, m/mn, b/bn, t/tn suffixes)
- `'word` — whole word only; `!word` — leave out facts containing it
- `a | b` — either word; `^word` — the region's name starts so; `word$` — a word ending so
- metric words in English or Chinese find each other: `外贸` finds trade, `exports` finds 出口

An empty query shows the newest facts. The status line says how many are shown of how many
matched ("10,000+" when there are more than are counted); a query over 16 terms or 256
characters is cut, and the status line says so.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+y",
            "copy",
            "Copy",
            tooltip="Copy the highlighted figure as a citation.",
            id="facts.copy",
        ),
        Binding(
            "ctrl+s",
            "export",
            "Export",
            tooltip="Save these results as CSV, JSON or Markdown.",
            id="facts.export",
        ),
        Binding(
            "ctrl+r",
            "focus_facets",
            "Facets",
            tooltip="Filter by a region or unit (also Tab).",
            id="facts.facets",
        ),
        Binding(
            "ctrl+t",
            "trend",
            "Trend",
            tooltip="The highlighted figure's region and metric over time.",
            id="facts.trend",
        ),
    ]
    """Pane keys: ctrl keys only, since every printable key is part of the query; the
    query box holds the result keys (:class:`QueryBox`), the facet bar its own."""

    def __init__(self, store: Any) -> None:
        super().__init__(store)
        self.searches = Latest(self, self._show_results)
        """Each search is a request; results of older ones are dropped."""
        self.facet_counts = Latest(self, self._show_facets)
        """Facet counts of the results shown; a new search makes those in flight stale."""
        self.query_text = ""
        """The query of the results on screen (or being fetched)."""
        self.results = FactResults(hits=[], total=0)
        self._open_when_shown = 0
        """A search whose first result Enter asked to open before it arrived."""
        self._texts: LRUCache[str, str] = LRUCache(TEXT_CACHE)
        """Document texts by id, for evidence sentences and citations (thread-safe)."""
        self._facet_timer: Timer | None = None
        self._gate = threading.Lock()

    def compose(self) -> ComposeResult:
        yield QueryBox(
            placeholder="Search facts: songj trade 2020  region:sichuan  >1e9",
            id="fact-search",
        )
        yield FacetBar(id="facets")
        yield Static(id="fact-header")
        yield FactTable(id="fact-table")
        yield EvidenceView(id="fact-evidence")
        yield StatusLine(self.PANE)
        yield Footer()

    @property
    def table(self) -> FactTable:
        """The results table."""
        return self.query_one(FactTable)

    @property
    def search_box(self) -> QueryBox:
        """The query input."""
        return self.query_one(QueryBox)

    def on_mount(self) -> None:
        self.search_box.results = self.table
        self.set_focus(self.search_box)
        self.search("")

    def on_key(self, event: events.Key) -> None:
        """Every printable key is part of the query, whatever has the focus."""
        route_printable(event, self.search_box)

    def on_resize(self) -> None:
        self._draw_header()

    def _draw_header(self) -> None:
        width = self.table.scrollable_content_region.width or self.size.width - 1
        self.query_one("#fact-header", Static).update(fact_header(width, self.table.period_width))

    # -- searching --------------------------------------------------------------------------

    def search(self, query: str) -> None:
        """Start a search for ``query``; any search still running is cancelled."""
        self.query_text = query.strip()
        self._stop_facets()
        self._search(self.searches.begin(), self.query_text)

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="fact-search",
        description="Searching facts",
    )
    def _search(self, generation: int, query: str) -> None:
        worker = get_current_worker()
        with self._gate:
            if worker.is_cancelled:
                return
            try:
                results = self.store.search_facts(query, limit=RESULT_LIMIT)
            except StoreError as error:
                self.searches.deliver(generation, query, None, error.reason)
                return
        if not worker.is_cancelled:
            self.searches.deliver(generation, query, results)

    def _show_results(self, query: str, results: FactResults | None, error: str = "") -> None:
        """Show the newest search's results (None: it failed, for ``error``)."""
        if results is None:
            self.results = FactResults(hits=[], total=0)
            self.table.reset([], message=f"The search failed: {safe(error)}")
            self.status_line.set_context(f"search failed for {safe(query)!r}")
            return
        self.results = results
        self.table.reset(results.hits, terms=results.terms, message=no_results(query))
        self.refresh_bindings()  # Copy and Export are drawn enabled once there are results
        self._draw_header()
        self.status_line.set_context(describe(safe(query), results))
        self._count_facets(query, results)
        if self._open_when_shown == self.searches.generation:
            self._open_when_shown = 0
            self.table.action_open()

    # -- facets -----------------------------------------------------------------------------

    def _stop_facets(self) -> None:
        """The query changed: no facet count for the old one may start or land."""
        if self._facet_timer is not None:
            self._facet_timer.stop()
            self._facet_timer = None
        self.facet_counts.begin()
        self.workers.cancel_group(self, "fact-facets")
        self.query_one(FacetBar).mark_stale()

    def _count_facets(self, query: str, results: FactResults) -> None:
        """Count the facets of ``results``: at once when they are every match, else from the
        store once the query has stayed unchanged for :data:`FACET_DELAY` seconds."""
        if not results.capped and results.total <= len(results.hits):
            self.query_one(FacetBar).show(count_facets(results.hits))
            return
        generation = self.facet_counts.generation

        def start() -> None:
            self._facet_timer = None
            self._facets(generation, query, results)

        self._facet_timer = self.set_timer(FACET_DELAY, start, name="facets")

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="fact-facets",
        description="Counting facets",
    )
    def _facets(self, generation: int, query: str, results: FactResults) -> None:
        worker = get_current_worker()
        with self._gate:
            if worker.is_cancelled or not self.facet_counts.is_current(generation):
                return
            try:
                facets = self.store.fact_facets(query, cap=10_000, top=8)
            except StoreError:
                facets = FactFacets(regions=[], units=[], counted=0, capped=False)
        if not facets.counted and results.hits:
            # The store's facet count found none of the matches shown (a typo the ranking
            # forgave): count the results in hand rather than say there are none.
            facets = count_facets(results.hits)
        self.facet_counts.deliver(generation, facets)

    def _show_facets(self, facets: FactFacets) -> None:
        self.query_one(FacetBar).show(facets)

    @on(Input.Changed, "#fact-search")
    def _query_changed(self, event: Input.Changed) -> None:
        self.search(event.value)

    @on(QueryBox.Chosen, "#fact-search")
    def _enter(self) -> None:
        """Open the highlighted result, or the first of the current query's when they come."""
        if self.searches.shown:
            self.table.action_open()
        else:
            self._open_when_shown = self.searches.generation

    # -- evidence ---------------------------------------------------------------------------

    @on(FactTable.Highlighted)
    def _highlighted(self, message: FactTable.Highlighted) -> None:
        hit = message.hit
        text = self._texts.get(hit.fact.doc_id or "") if hit else None
        self.query_one(EvidenceView).show(hit, text, self.table.pattern)
        if hit is not None and text is None and hit.fact.doc_id:
            self._load_text(hit.fact.doc_id)

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="fact-evidence",
        description="Loading the sentence",
    )
    def _load_text(self, doc_id: str) -> None:
        if not get_current_worker().is_cancelled:
            self.call_later(self._text_loaded, doc_id, self.store.document(doc_id).text)

    def _text_loaded(self, doc_id: str, text: str) -> None:
        """A document's text arrived: keep it, and show the sentence if its row is highlighted."""
        self._texts.set(doc_id, text)
        hit = self.table.highlighted_hit
        if hit is not None and hit.fact.doc_id == doc_id:
            self.query_one(EvidenceView).show(hit, text, self.table.pattern)

    @on(FactTable.Chosen)
    def _chosen(self, message: FactTable.Chosen) -> None:
        fact = message.hit.fact
        if fact.doc_id:
            self.post_message(OpenEvidence(fact.doc_id, fact.id))

    @on(FacetBar.Selected)
    def _facet_selected(self, message: FacetBar.Selected) -> None:
        refusal = facet_refusal(message.field, message.value)
        if refusal:
            self.notify(refusal, timeout=3)
            return
        box = self.search_box
        box.value = toggle_tokens(box.value, message.field, message.value)
        box.cursor_position = len(box.value)
        self.set_focus(box)

    @on(FacetBar.Left)
    def _facets_left(self) -> None:
        self.set_focus(self.search_box)

    # -- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Copy and export need results."""
        if action in ("copy", "export"):
            return bool(self.table.hits) or None
        return True

    def action_focus_facets(self) -> None:
        """Move to the region and unit facets."""
        self.set_focus(self.query_one(FacetBar))

    def action_trend(self) -> None:
        """Open the Trend of the highlighted figure: its region, metric and measure."""
        hit = self.table.highlighted_hit
        if hit is None:
            return
        fact = hit.fact
        metric = fact.metric_type or fact.metric
        if not fact.region_id or not metric:
            self.notify("This figure has no region or metric to follow over time.", timeout=3)
            return
        from factscope.tui.panes.trend.screen import TrendScreen

        self.app.push_screen(TrendScreen.of_fact(self.store, fact))

    def action_copy(self) -> None:
        """Copy the highlighted figure as a citation (OSC 52: works over SSH)."""
        hit = self.table.highlighted_hit
        if hit is None:
            return
        text = self._texts.get(hit.fact.doc_id or "")
        if text is None:
            self._copy_when_loaded(hit)
        else:
            self._copy(hit, text)

    def _copy(self, hit: FactHit, text: str) -> None:
        cited = cite(
            hit.fact,
            text,
            title=hit.document_title,
            source=hit.document_source,
            published=hit.document_published,
        )
        self.app.copy_to_clipboard(cited)
        self.notify(
            f"Copied {value_cell(hit.fact)} with its sentence and source "
            "(via the terminal clipboard, OSC 52).",
            title="Citation copied",
        )

    @work(thread=True, exit_on_error=False, group="fact-copy", description="Copy")
    def _copy_when_loaded(self, hit: FactHit) -> None:
        text = self.store.document(hit.fact.doc_id or "").text
        self.call_later(self._text_loaded, hit.fact.doc_id or "", text)
        self.call_later(self._copy, hit, text)

    def action_export(self) -> None:
        """Ask for a format and a path, then write the results on screen to that file."""
        hits = list(self.table.hits)
        what = export_what(len(hits), self.results, self.query_text)
        self.export(what, "factscope-facts", partial(export_rows, hits, self._text_of))

    def _text_of(self, doc_id: str) -> str:
        """A document's text, from the cache or else the store (in a worker)."""
        return self._texts.get(doc_id) or self.store.document(doc_id).text
