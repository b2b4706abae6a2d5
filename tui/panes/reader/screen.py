"""The reader: one document with every figure highlighted, the selected figure's fields beside.

Pushed on the Documents pane's stack. Escape closes the find bar when it is open, and
otherwise goes back to where the reader was opened from: the document list, or the Facts or
Compare pane whose figure it shows (:meth:`tui.app.FactscopeApp.action_back`). It loads the
document and its facts in a worker; :meth:`ReaderScreen.open` re-targets it, which is how
:class:`tui.messages.OpenEvidence` lands on a given figure.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from factscope.db.models import Document, Fact
from factscope.tui.messages import GoBack
from factscope.tui.panes.reader.document_reader import MATCH_LIMIT, DocumentReader, find_matches
from factscope.tui.panes.reader.fact_panel import FactPanel
from factscope.tui.panes.reader.figure_list import FigureList, FigurePane
from factscope.tui.render import (
    KIND_LABELS,
    KIND_STYLES,
    citation,
    published,
    safe,
    sentence_of,
    source_name,
    title_line,
    value_text,
)
from factscope.tui.results import Latest
from factscope.tui.screens.base import PaneScreen
from factscope.tui.widgets.search_box import SearchBox
from factscope.tui.widgets.status_line import StatusLine


def fact_row(fact: Fact, doc: Document) -> dict[str, Any]:
    """One exported figure: the fields people cite, then the evidence."""
    return {
        "figure": safe(fact.quote),
        "value": fact.value,
        "unit": fact.unit,
        "normalized": fact.normalized,
        "kind": fact.kind,
        "region": safe(fact.region),
        "period": fact.period,
        "change_percent": fact.change_percent,
        "metric": safe(fact.metric),
        "sentence": sentence_of(fact, doc.text),
        "document": safe(doc.title),
        "source": safe(doc.source),
        "fact_id": fact.id,
    }


class ReaderScreen(PaneScreen):
    """Read one document; step through its figures; find text; copy and export figures."""

    PANE = "Documents › Reader"
    HELP = """
The **reader** shows the document with every extracted figure underlined and coloured by
its kind (amount, change, share, rank ...); the selected figure is in reverse video and its
fields are in the panel on the right. **t** shows the list of the document's figures beside
the text (at 80x24 it takes the panel's place; **t** again brings the panel back).
**/** finds text in the document (**Enter** or **Down** next match, **Up** previous; then
**n**/**N** outside the box, as in less and vim; without a find **n**/**N** step through the
figures). **y** copies the selected figure as a citation; **e** exports every figure of the
document. **Escape** closes the find bar, else goes back to where you came from.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,backspace",
            "back",
            "Back",
            tooltip="Close the find bar, else back to where you came from.",
            id="reader.back",
        ),
        Binding(
            "slash,ctrl+f", "find", "Find", tooltip="Search inside this document.", priority=True
        ),
        Binding(
            "n",
            "next(1)",
            "Next",
            tooltip="The next match of the find, else the next figure.",
            id="reader.next",
        ),
        Binding(
            "N",
            "next(-1)",
            "Previous",
            show=False,
            tooltip="The previous match of the find, else the previous figure.",
            id="reader.previous",
        ),
        Binding(
            "t",
            "toggle_figures",
            "Figures",
            tooltip="Show or hide the list of this document's figures.",
        ),
        Binding("y", "copy", "Copy", tooltip="Copy the selected figure as a citation."),
        Binding("e", "export", "Export", tooltip="Save this document's figures to a file."),
    ]
    """Reader pane keys; figure and scroll keys are on :class:`DocumentReader`."""

    ROOMY_HEIGHT: ClassVar[int] = 30
    """Terminal rows from which the figures list and the figure panel are shown together."""
    WIDE_WIDTH: ClassVar[int] = 110
    """Terminal columns from which the side area widens for the figures list."""

    figures_shown: reactive[bool] = reactive(False, init=False)
    """Whether the figures list is shown in the side area."""

    def __init__(
        self, store: Any, doc_id: str, fact_id: int | None = None, *, origin: str = "documents"
    ) -> None:
        super().__init__(store)
        self.origin = origin
        """The pane (mode) the reader was opened from: Escape goes back there."""
        self.doc_id = doc_id
        self.fact_id = fact_id
        self.document: Document | None = None
        self.loads = Latest(self, self._show)
        """Each :meth:`open` is a request: a document opened before it never replaces it."""
        self.finds = Latest(self, self._found)
        """Each keystroke in the find bar is a request: only the newest one's matches show."""

    def compose(self) -> ComposeResult:
        yield Static(id="reader-title")
        with Horizontal(id="reader-body"):
            yield DocumentReader(id="reader")
            with Vertical(id="reader-side"):
                yield FigurePane(id="figures")
                yield FactPanel(id="fact-panel")
        with Horizontal(id="find-bar"):
            yield SearchBox(placeholder="Find in document", id="find")
            yield Static(id="find-status")
        yield StatusLine(self.PANE)
        yield Footer()

    @property
    def reader(self) -> DocumentReader:
        """The text widget."""
        return self.query_one(DocumentReader)

    @property
    def figure_list(self) -> FigureList:
        """The figures list in the side area."""
        return self.query_one(FigureList)

    def on_mount(self) -> None:
        self.set_focus(self.reader)
        self._layout_side()
        self.open(self.doc_id, self.fact_id)

    def open(self, doc_id: str, fact_id: int | None = None) -> None:
        """Show ``doc_id``; select and scroll to ``fact_id`` when given."""
        self.doc_id, self.fact_id = doc_id, fact_id
        self._load(self.loads.begin(), doc_id, fact_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="reader", description="Open")
    def _load(self, generation: int, doc_id: str, fact_id: int | None) -> None:
        document = self.store.document(doc_id)
        facts = self.store.facts_for_document(doc_id)
        self.loads.deliver(generation, document, facts, fact_id)

    def _show(self, document: Document, facts: list[Fact], fact_id: int | None) -> None:
        """Show the newest opened document, and select ``fact_id`` when given."""
        self.document = document
        self._draw_title()
        self.reader.set_document(document.text, facts)
        self.query_one(FactPanel).show(None, total=len(self.reader.facts))
        self.query_one(FigurePane).set_figures(self.reader.facts)
        if not self.reader.facts:
            self.figures_shown = False
        self._layout_side()
        self.status_line.set_context(self._legend())
        self.refresh_bindings()
        if fact_id is not None:
            self.call_after_refresh(self._select_fact, fact_id)

    def _draw_title(self) -> None:
        """Title, date, figure count and file name; the title gives way to the rest."""
        doc = self.document
        if doc is None:
            return
        figures = f"{doc.fact_count} figure" + "s" * (doc.fact_count != 1)
        meta = f"{published(doc)} · {figures} · {source_name(doc.source)}"
        bar = self.query_one("#reader-title", Static)
        bar.update(title_line(doc.title, meta, bar.content_region.width or self.size.width - 2))

    def _select_fact(self, fact_id: int) -> None:
        if not self.reader.select_fact_id(fact_id):
            self.notify(f"Figure {fact_id} is not in this document.", severity="warning")

    def _legend(self) -> Text:
        legend = Text()
        for kind in sorted({f.kind for f in self.reader.facts}):
            legend.append(KIND_LABELS.get(kind, kind), KIND_STYLES.get(kind, "bold underline"))
            legend.append(" ")
        return legend

    def on_document_reader_fact_selected(self, message: DocumentReader.FactSelected) -> None:
        self.query_one(FactPanel).show(message.fact, message.index, len(self.reader.facts))
        self.figure_list.show_selected(message.index)
        self.refresh_bindings()  # Copy is enabled once a figure is selected

    # -- figures list -----------------------------------------------------------------------

    @property
    def compact(self) -> bool:
        """True when the side area has room for the figures list or the panel, not both."""
        return self.size.height < self.ROOMY_HEIGHT

    def _layout_side(self) -> None:
        shown = self.figures_shown
        side = self.query_one("#reader-side")
        side.set_class(shown, "-with-list")
        side.set_class(self.size.width >= self.WIDE_WIDTH, "-wide")
        pane = self.query_one(FigurePane)
        pane.display = shown
        self.query_one(FactPanel).display = not (shown and self.compact)
        if self.compact:
            pane.styles.height = "1fr"
        else:
            # As tall as its rows (plus border and header), leaving the panel at least 40%.
            body = max(self.size.height - 3, 10)
            pane.styles.height = min(len(self.reader.facts) + 3, body * 3 // 5)

    def on_resize(self) -> None:
        self._layout_side()
        self._draw_title()

    def watch_figures_shown(self, shown: bool) -> None:
        self._layout_side()
        if shown:
            self.figure_list.show_selected(self.reader.selected)
            self.set_focus(self.figure_list)
        elif self.focused is None or self.focused is self.figure_list:
            self.set_focus(self.reader)

    def action_toggle_figures(self) -> None:
        """Show or hide the figures list (at 80x24 it swaps places with the panel)."""
        self.figures_shown = not self.figures_shown

    def on_figure_list_figure_highlighted(self, message: FigureList.FigureHighlighted) -> None:
        if message.index != self.reader.selected:
            self.reader.select(message.index)

    def on_figure_list_figure_chosen(self, message: FigureList.FigureChosen) -> None:
        if message.index != self.reader.selected:
            self.reader.select(message.index)
        if self.compact:
            self.figures_shown = False
        self.set_focus(self.reader)

    # -- find -------------------------------------------------------------------------------

    def action_find(self) -> None:
        """Open the find bar."""
        self.query_one("#find-bar").display = True
        self.set_focus(self.query_one("#find", SearchBox))

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        self._find_in_background(self.finds.begin(), event.value, self.reader.plain_text)

    @work(thread=True, exclusive=True, group="find", exit_on_error=False, description="Find")
    def _find_in_background(self, generation: int, query: str, plain: str) -> None:
        # Off the UI thread: each keystroke scans the whole document.
        matches = find_matches(plain, query)
        if not get_current_worker().is_cancelled:
            self.finds.deliver(generation, query, matches)

    def _found(self, query: str, matches: list[tuple[int, int]]) -> None:
        """The newest find's matches (a later keystroke's find makes older ones stale)."""
        self._show_find_status(0, self.reader.show_matches(query, matches))

    def _show_find_status(self, current: int, count: int) -> None:
        value = self.query_one("#find", SearchBox).value
        if not value:
            status = ""
        elif count == 0:
            status = "no matches"
        else:
            shown = f"{count:,}+" if count >= MATCH_LIMIT else f"{count:,}"
            status = f"{current:,} of {shown}" if current else f"{shown} match" + "es" * (count > 1)
        self.query_one("#find-status", Static).update(Text(status))

    @on(SearchBox.Done, "#find")
    def _find_done(self) -> None:
        """Enter or Down: the next match (the box keeps the focus); an empty box closes."""
        box = self.query_one("#find", SearchBox)
        if not box.value:
            self.close_find()
            return
        if self.reader.matched_query != box.value:  # Enter came before the worker's answer
            self.reader.find(box.value)
        self._show_find_status(*self.reader.next_match(1))
        self.refresh_bindings()

    @on(SearchBox.Previous, "#find")
    def _find_previous(self) -> None:
        self._show_find_status(*self.reader.next_match(-1))

    @on(SearchBox.Closed, "#find")
    def close_find(self) -> None:
        """Close the find bar and take its highlights away."""
        box = self.query_one("#find", SearchBox)
        box.value = ""
        self.reader.show_matches("", [])
        self._show_find_status(0, 0)
        self.query_one("#find-bar").display = False
        self.set_focus(self.reader)
        self.refresh_bindings()

    def action_next(self, step: int) -> None:
        """Next (1) or previous (-1) match of the find; without one, figure."""
        if self.reader.match_position[1]:
            self._show_find_status(*self.reader.next_match(step))
        elif step > 0:
            self.reader.action_next_fact()
        else:
            self.reader.action_previous_fact()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Next needs matches or figures; copy only when a figure is selected.

        Find is a priority binding (so fast typing after / lands in the box); inside the box
        it is off, so / can be searched for.
        """
        if action == "find" and isinstance(self.focused, Input):
            return False
        if action == "next":
            return bool(self.reader.match_position[1] or self.reader.facts) or None
        if action == "copy":
            return self.reader.selected_fact is not None or None
        if action == "toggle_figures":
            return bool(self.reader.facts) or self.figures_shown or None
        return True

    # -- actions ----------------------------------------------------------------------------

    def action_back(self) -> None:
        """Close the find bar when it is open; else back to where the reader came from."""
        if self.query_one("#find-bar").display:
            self.close_find()
        else:
            self.post_message(GoBack())

    def action_copy(self) -> None:
        """Copy the selected figure as a citation (OSC 52: works over SSH)."""
        fact, doc = self.reader.selected_fact, self.document
        if fact is None or doc is None:
            self.notify("Select a figure first (n).", severity="warning")
            return
        self.app.copy_to_clipboard(citation(fact, doc, doc.text))
        self.notify(
            f"Copied {value_text(fact)} with its sentence and source "
            "(via the terminal clipboard, OSC 52).",
            title="Citation copied",
        )

    def action_export(self) -> None:
        """Ask for a format and a path, then write this document's figures to a file."""
        doc = self.document
        if doc is not None:
            rows = [fact_row(f, doc) for f in self.reader.facts]
            self.export(f"{len(rows)} figures of this document", "factscope-figures", lambda: rows)
