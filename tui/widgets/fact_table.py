"""A virtual table of fact search results: only the rows on screen are ever drawn.

A Line-API widget (Toolong-style, like :class:`tui.widgets.document_list.DocumentList`): it
holds the ranked hits it was handed (a thousand at most) and draws line ``y`` on demand, so a
new result set appears at once and scrolling costs the same at any size. The stock
``DataTable`` would build every row's cells up front.

Columns: region, metric, period, value with unit, change, document. Words of the query are
highlighted where a word of a cell starts with them (case-insensitive, as the search matches
prefixes). The widget posts messages; it never touches the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from db.factsearch import parse_fact_query
from db.models import Fact, FactHit
from tui.formatting import change_text, fact_value, format_number
from tui.render import KIND_LABELS, MATCH_STYLE, fit, safe
from tui.widgets.row_cursor import RowCursor

_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\U00020000-\U0003fffd]")
_TEXT_FIELDS = ("region", "metric", "subject", "period", "unit", "kind", "metric_type", "doc")


def match_pattern(query: str) -> re.Pattern[str] | None:
    """A regex for the query's words (and field token values) at the start of a word.

    Chinese, Japanese and Korean words match anywhere, since their text has no spaces.
    None when the query has no words to highlight.
    """
    parsed = parse_fact_query(query)
    words = [*parsed.words, *parsed.exact]
    for name in _TEXT_FIELDS:
        words.extend(parsed.fields.get(name, []))
    pieces: set[str] = set()
    for word in words:
        for piece in re.findall(r"\w+", word):
            pieces.add(piece if _CJK.search(piece) else rf"(?<!\w){re.escape(piece)}")
    if not pieces:
        return None
    return re.compile("|".join(sorted(pieces, key=len, reverse=True)), re.IGNORECASE)


def mark_matches(text: Text, pattern: re.Pattern[str] | None, style: str = MATCH_STYLE) -> Text:
    """``text`` with every match of ``pattern`` styled (in place); returns it."""
    if pattern is not None:
        for match in pattern.finditer(text.plain):
            if match.end() > match.start():
                text.stylize(style, match.start(), match.end())
    return text


@dataclass(frozen=True)
class FactColumns:
    """Cell widths of the table's columns at one width (after the 2-cell cursor gutter)."""

    region: int
    metric: int
    period: int
    value: int
    change: int
    document: int


def fact_columns(width: int) -> FactColumns:
    """Split ``width`` cells into the six columns; the text columns share what is left.

    From 110 columns the period fits a range ("2021-01/2021-05") and the value a long unit.
    """
    usable = max(width - 2 - 5, 40)
    wide = width >= 110
    period, value, change = (15 if wide else 7), (18 if wide else 14), 11
    rest = usable - period - value - change
    region = max(rest * 7 // 20, 6)
    document = max(rest // 4, 6)
    metric = max(rest - region - document, 6)
    return FactColumns(region, metric, period, value, change, document)


def fact_header(width: int) -> Text:
    """The header line above the table, aligned with :func:`fact_cells`."""
    cols = fact_columns(width)
    cells = [
        fit("region", cols.region),
        fit("metric", cols.metric),
        fit("period", cols.period),
        fit("value".rjust(cols.value), cols.value),
        fit("change", cols.change),
        fit("document", cols.document),
    ]
    return Text("  ") + Text(" ").join(cells)


def value_cell(fact: Fact) -> str:
    """The value with its unit, as :func:`tui.formatting.fact_value` but to six digits.

    "305.57 bn CNY", not "305.6 bn CNY": a researcher checks the figure against the text.
    """
    text = fact_value(fact)
    value = fact.normalized if fact.normalized is not None else fact.value
    return text.replace(format_number(value), format_number(value, digits=6), 1)


def fact_cells(hit: FactHit, width: int, pattern: re.Pattern[str] | None) -> Text:
    """One row (without the cursor gutter): the fact's six cells, query words highlighted."""
    cols = fact_columns(width)
    fact = hit.fact
    if fact.metric:
        metric = Text(safe(fact.metric))
    elif fact.subject:
        metric = Text(safe(fact.subject), style="italic")
    else:
        metric = Text(KIND_LABELS.get(fact.kind, fact.kind), style="dim italic")
    region = Text(safe(fact.region)) if fact.region else Text("–", style="dim")
    value = safe(value_cell(fact))
    cells = [
        fit(mark_matches(region, pattern), cols.region),
        fit(mark_matches(metric, pattern), cols.metric),
        fit(mark_matches(Text(safe(fact.period or fact.period_text)), pattern), cols.period),
        fit(mark_matches(Text(value.rjust(cols.value), style="bold"), pattern), cols.value),
        fit(Text(change_text(fact)), cols.change),
        fit(mark_matches(Text(safe(hit.document_title), style="dim"), pattern), cols.document),
    ]
    return Text(" ").join(cells)


class FactTable(RowCursor, ScrollView, can_focus=True):
    """The ranked results, one fact per line, with a cursor. Posts messages only."""

    HELP = """
### Results
Move with **j**/**k** (or the arrows), **PgUp**/**PgDn**, **g**/**G** for the first and last
result. **Enter** opens the reader at the highlighted figure.
"""
    BINDING_GROUP_TITLE = "Results"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", show=False, tooltip="Next result."),
        Binding("k,up", "cursor_up", "Up", show=False, tooltip="Previous result."),
        Binding("g,home", "first", "Top", show=False, tooltip="First result."),
        Binding("G,end", "last", "Bottom", show=False, tooltip="Last result."),
        Binding("pagedown,ctrl+d", "page_down", "Page down", show=False, tooltip="One page on."),
        Binding("pageup,ctrl+u", "page_up", "Page up", show=False, tooltip="One page back."),
        Binding("enter,o", "open", "Open", tooltip="Open the reader at this figure."),
    ]
    """Result navigation; Enter and o both open (o for terminals that remap Enter)."""
    COMPONENT_CLASSES: ClassVar[set[str]] = {"fact-table--cursor", "fact-table--message"}

    cursor: reactive[int] = reactive(0, init=False)
    """Index of the highlighted result."""

    @dataclass
    class Highlighted(Message):
        """The cursor is on a new result (or on none: ``hit`` None)."""

        fact_table: FactTable
        hit: FactHit | None

        @property
        def control(self) -> FactTable:
            """The table that sent this."""
            return self.fact_table

    @dataclass
    class Chosen(Message):
        """The user opened a result (Enter, o or a double click)."""

        fact_table: FactTable
        hit: FactHit

        @property
        def control(self) -> FactTable:
            """The table that sent this."""
            return self.fact_table

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.hits: list[FactHit] = []
        """The results, best first."""
        self.message = "Searching…"
        """Shown when there are no results (loading, or nothing matched)."""
        self.pattern: re.Pattern[str] | None = None
        self._lines: dict[int, Text] = {}
        self._width = 0

    @property
    def row_count(self) -> int:
        """Results shown."""
        return len(self.hits)

    # -- feeding ----------------------------------------------------------------------------

    def reset(self, hits: list[FactHit], *, query: str = "", message: str = "") -> None:
        """Show new results, highlighting the words of ``query``; ``message`` when empty."""
        self.hits = hits
        self.pattern = match_pattern(query)
        self.message = message
        self._lines.clear()
        self._update_size()
        self.scroll_to(y=0, animate=False)
        self.set_reactive(FactTable.cursor, 0)
        self.refresh()
        self.post_message(self.Highlighted(self, self.highlighted_hit))

    @property
    def highlighted_hit(self) -> FactHit | None:
        """The result under the cursor."""
        return self.hits[self.cursor] if 0 <= self.cursor < len(self.hits) else None

    # -- drawing ----------------------------------------------------------------------------

    def _update_size(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.hits))

    def on_resize(self, event: events.Resize) -> None:
        self._lines.clear()
        self._update_size()

    def render_line(self, y: int) -> Strip:
        """Draw screen line ``y``: a result, or the message when there are none."""
        width = self.scrollable_content_region.width
        if width != self._width:
            self._width = width
            self._lines.clear()
        if not self.hits:
            if y == 1:
                style = self.get_component_rich_style("fact-table--message")
                return self._strip(fit(Text("  " + self.message, style=style), width), width)
            return Strip.blank(width, self.rich_style)
        index = self.scroll_offset.y + y
        if index >= len(self.hits):
            return Strip.blank(width, self.rich_style)
        cells = self._lines.get(index)
        if cells is None:
            cells = self._lines[index] = fact_cells(self.hits[index], width, self.pattern)
        if index == self.cursor:
            text = Text("▶ ") + cells
            text.stylize(self.get_component_rich_style("fact-table--cursor"))
        else:
            text = Text("  ") + cells
        return self._strip(text, width)

    def _strip(self, text: Text, width: int) -> Strip:
        segments = [s for s in text.render(self.app.console) if s.text != "\n"] or [Segment("")]
        return Strip(segments).crop_extend(0, width, self.rich_style).apply_style(self.rich_style)

    def watch_cursor(self, old: int, new: int) -> None:
        before = self.scroll_offset.y
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True, x_axis=False)
        if self.scroll_offset.y == before:
            # Only the two rows whose cursor mark changed need drawing again.
            self.refresh_line(old)
            self.refresh_line(new)
        else:
            self.refresh()
        self.post_message(self.Highlighted(self, self.highlighted_hit))

    # -- actions ----------------------------------------------------------------------------

    def action_open(self) -> None:
        """Open the highlighted result."""
        hit = self.highlighted_hit
        if hit is not None:
            self.post_message(self.Chosen(self, hit))
