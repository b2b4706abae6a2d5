"""The reader's side table: every figure of the document, one line each, in text order.

Columns: the figure as written (styled by kind, as in the text), its kind, and where/when
(period, then region). Cells are cut to the side area's width in terminal cells, so CJK
lines up. The highlighted row follows the reader's selection (:meth:`FigureList.show_selected`
moves it without echoing a message); moving the highlight by hand posts
:class:`FigureList.FigureHighlighted` and Enter posts :class:`FigureList.FigureChosen`. It
never touches the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.strip import Strip
from textual.widgets import OptionList, Static

from factscope.db.models import Fact
from factscope.tui.render import KIND_LABELS, KIND_STYLES, fit, safe

SHORT_KINDS: dict[str, str] = {"duration": "time", "threshold": "thresh", "diff": "diff"}
"""Kind words that do not fit the narrow kind column."""
WIDE_KIND = 10
"""Kind column width when the side area is wide enough for the full words."""
HIGHLIGHT = Style(reverse=True)
"""The selected figure's row: reverse video, as the figure itself in the text."""


@dataclass(frozen=True)
class FigureColumns:
    """Cell widths of the figure list's columns at one width."""

    figure: int
    kind: int
    where: int


def figure_columns(width: int, kind_width: int = WIDE_KIND) -> FigureColumns:
    """Split ``width`` cells into figure, kind and where/when (one space between each).

    ``kind_width`` is the widest kind word to show; narrow lists cap it at 6 cells.
    """
    kind = max(min(kind_width, WIDE_KIND if width >= 40 else 6), 4)
    rest = max(width - kind - 2, 8)
    figure = rest * 3 // 5
    return FigureColumns(figure=figure, kind=kind, where=rest - figure)


def kind_label(kind: str, width: int) -> str:
    """The kind as a word that fits ``width`` cells."""
    label = KIND_LABELS.get(kind, kind)
    return label if len(label) <= width else SHORT_KINDS.get(kind, label)


def where_when(fact: Fact) -> str:
    """'2020 Songjiang District': the period first (short), then the region."""
    parts = (safe(fact.period or fact.period_text), safe(fact.region))
    return " ".join(part for part in parts if part)


def kind_width(facts: list[Fact]) -> int:
    """Cells the longest kind word of ``facts`` needs."""
    return max((len(KIND_LABELS.get(f.kind, f.kind)) for f in facts), default=4)


def figure_row(fact: Fact, width: int, kinds: int = WIDE_KIND) -> Text:
    """One row of the list, exactly ``width`` cells wide (``kinds``: see figure_columns)."""
    cols = figure_columns(width, kinds)
    line = fit(Text.styled(safe(fact.quote), KIND_STYLES.get(fact.kind, "bold")), cols.figure)
    line.append(" ")
    line.append_text(fit(kind_label(fact.kind, cols.kind), cols.kind))
    line.append(" ")
    line.append_text(fit(Text.styled(where_when(fact), "dim"), cols.where))
    return fit(line, width)


def figure_header(width: int, kinds: int = WIDE_KIND) -> Text:
    """The column names, aligned with :func:`figure_row`."""
    cols = figure_columns(width, kinds)
    line = fit("figure", cols.figure)
    line.append(" ")
    line.append_text(fit("kind", cols.kind))
    line.append(" ")
    line.append_text(fit("when, where", cols.where))
    return fit(line, width)


class FigureList(OptionList):
    """The document's figures; the highlight is the reader's selected figure."""

    HELP = """
### Figures list
One line per figure: the figure, its kind, its period and region. Moving the highlight
selects that figure in the text; **Enter** goes back to the text at it (at 80x24 the figure
panel comes back too). **t** hides the list.
"""
    BINDING_GROUP_TITLE = "Figures list"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", show=False, tooltip="Select the next figure."),
        Binding("k,up", "cursor_up", "Up", show=False, tooltip="Select the previous figure."),
        Binding("n", "cursor_down", "Next figure", tooltip="Select the next figure."),
        Binding("N", "cursor_up", "Prev figure", show=False, tooltip="Select the previous one."),
        Binding("g,home", "first", "First", show=False, tooltip="Select the first figure."),
        Binding("G,end", "last", "Last", show=False, tooltip="Select the last figure."),
        Binding("enter", "select", "Show", show=False, tooltip="Back to the text at this figure."),
    ]
    """List keys: moving selects the figure in the text; Enter returns to the text."""

    @dataclass
    class FigureHighlighted(Message):
        """The user moved the highlight to figure ``index``."""

        figure_list: FigureList
        index: int

        @property
        def control(self) -> FigureList:
            """The list that sent this."""
            return self.figure_list

    @dataclass
    class FigureChosen(Message):
        """The user chose figure ``index`` (Enter or a click)."""

        figure_list: FigureList
        index: int

        @property
        def control(self) -> FigureList:
            """The list that sent this."""
            return self.figure_list

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, markup=False)
        self._facts: list[Fact] = []
        self._width = -1
        self._selected = -1

    def set_figures(self, facts: list[Fact], selected: int = -1) -> None:
        """Show ``facts`` (in text order), with figure ``selected`` highlighted."""
        self._facts = list(facts)
        self._selected = selected
        self._width = -1
        self._rebuild()

    def _rebuild(self) -> None:
        """Draw the rows for the current width (nothing to do while hidden or unchanged)."""
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._width:
            return
        self._width = width
        with self.prevent(OptionList.OptionHighlighted):
            kinds = kind_width(self._facts)
            self.set_options(figure_row(fact, width, kinds) for fact in self._facts)
        self.show_selected(self._selected)

    def on_resize(self, event: events.Resize) -> None:
        self._rebuild()

    def render_line(self, y: int) -> Strip:
        """Draw line ``y``; the highlighted row in reverse video.

        Textual's component styles cannot carry ``reverse``, and a background colour alone
        would vanish in monochrome. Rows never wrap (they are cut to the width), so screen
        line and option index coincide.
        """
        strip = super().render_line(y)
        if self.highlighted is not None and self.scroll_offset.y + y == self.highlighted:
            strip = strip.apply_style(HIGHLIGHT)
        return strip

    def show_selected(self, index: int) -> None:
        """Highlight figure ``index`` (-1: none) without announcing it."""
        self._selected = index
        with self.prevent(OptionList.OptionHighlighted):
            self.highlighted = index if 0 <= index < self.option_count else None
        if self.highlighted is not None:
            self.scroll_to_highlight()

    def header(self) -> Text:
        """The column names for the width the rows are drawn at."""
        width = self._width if self._width > 0 else self.scrollable_content_region.width
        return figure_header(width, kind_width(self._facts))

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._selected = event.option_index
        self.post_message(self.FigureHighlighted(self, event.option_index))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.FigureChosen(self, event.option_index))


class FigurePane(Vertical):
    """The figures list under a header line, in a titled border."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.border_title = "Figures"

    def compose(self) -> ComposeResult:
        yield Static(id="figures-header")
        yield FigureList(id="figure-list")

    @property
    def figure_list(self) -> FigureList:
        """The list itself."""
        return self.query_one(FigureList)

    def set_figures(self, facts: list[Fact], selected: int = -1) -> None:
        """Show ``facts``; see :meth:`FigureList.set_figures`."""
        self.figure_list.set_figures(facts, selected)
        self.border_title = f"Figures ({len(facts)})"
        self._draw_header()

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._draw_header)

    def _draw_header(self) -> None:
        self.query_one("#figures-header", Static).update(self.figure_list.header())
