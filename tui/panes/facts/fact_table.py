"""A virtual table of fact search results: only the rows on screen are ever drawn.

A Line-API widget (Toolong-style, like :class:`tui.panes.documents.document_list.DocumentList`): it
holds the ranked hits it was handed (a thousand at most) and draws line ``y`` on demand, so a
new result set appears at once and scrolling costs the same at any size. The stock
``DataTable`` would build every row's cells up front.

Columns: region, metric, period, value with unit, change, document. The terms the search
looked for (typo corrections included) are highlighted where a word of a cell starts with
them (case-insensitive, as the search matches prefixes). The widget posts messages; it
never touches the store.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.message import Message
from textual.strip import Strip

from factscope.db.models import Fact, FactHit
from factscope.tui.formatting import change_text, fact_value, format_number
from factscope.tui.render import KIND_LABELS, MATCH_STYLE, fit, safe
from factscope.tui.widgets.virtual_list import VirtualList

_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\U00020000-\U0003fffd]")


def match_pattern(terms: Sequence[str]) -> re.Pattern[str] | None:
    """A regex for the terms a search looked for (:attr:`FactResults.terms`) at the start
    of a word.

    Chinese, Japanese and Korean words match anywhere, since their text has no spaces.
    None when there are no words to highlight.
    """
    pieces: set[str] = set()
    for word in terms:
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


LINE_CACHE = 256
"""Rows whose cells are kept drawn: a few screens' worth, for scrolling back and forth."""
PERIOD_CELLS = (6, 15)
"""The period column's narrowest and widest: wide enough for '2021', and for a range
('2021-01/2021-05') when one is shown."""


def period_cells(hits: list[FactHit]) -> int:
    """The period column's width for ``hits``: their longest period, within PERIOD_CELLS."""
    longest = max((len(h.fact.period or h.fact.period_text or "") for h in hits), default=0)
    return max(PERIOD_CELLS[0], min(longest, PERIOD_CELLS[1]))


def fact_columns(width: int, period: int = PERIOD_CELLS[0]) -> FactColumns:
    """Split ``width`` cells into the six columns; the text columns share what is left.

    The period gets ``period`` cells (see :func:`period_cells`: sized by the results, so it
    is never cut); from 110 columns the value gets room for a long unit.
    """
    usable = max(width - 2 - 5, 40)
    value, change = (18 if width >= 110 else 14), 11
    rest = usable - period - value - change
    region = max(rest * 7 // 20, 6)
    document = max(rest // 4, 6)
    metric = max(rest - region - document, 6)
    return FactColumns(region, metric, period, value, change, document)


def fact_header(width: int, period: int = PERIOD_CELLS[0]) -> Text:
    """The header line above the table, aligned with :func:`fact_cells`."""
    cols = fact_columns(width, period)
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


def fact_cells(
    hit: FactHit, width: int, pattern: re.Pattern[str] | None, period: int = PERIOD_CELLS[0]
) -> Text:
    """One row (without the cursor gutter): the fact's six cells, query words highlighted."""
    cols = fact_columns(width, period)
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


class FactTable(VirtualList):
    """The ranked results, one fact per line, with a cursor. Posts messages only.

    It never takes the focus: the query box keeps it and moves the cursor from there
    (:class:`tui.widgets.search_box.QueryBox`), so typing is never taken for a table key.
    """

    HELP = """
### Results
**Up**/**Down**, **PgUp**/**PgDn** move the highlighted result while you type;
**Enter** opens the reader at it. A click highlights a result, a double click opens it.
"""
    COMPONENT_CLASSES: ClassVar[set[str]] = {"fact-table--cursor", "fact-table--message"}

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
        self.period_width = PERIOD_CELLS[0]
        """Cells of the period column: the longest period of the results."""
        self._lines: LRUCache[int, Text] = LRUCache(LINE_CACHE)
        """The cells of rows drawn at :attr:`_width` (the cursor mark is added per draw)."""
        self._width = 0

    @property
    def row_count(self) -> int:
        """Results shown."""
        return len(self.hits)

    # -- feeding ----------------------------------------------------------------------------

    def reset(self, hits: list[FactHit], *, terms: Sequence[str] = (), message: str = "") -> None:
        """Show new results, highlighting the ``terms`` searched for; ``message`` when empty."""
        self.hits = hits
        self.pattern = match_pattern(terms)
        self.period_width = period_cells(hits)
        self.message = message
        self._lines.clear()
        self.update_virtual_size()
        self.scroll_to(y=0, animate=False)
        self.set_reactive(FactTable.cursor, 0)
        self.refresh()
        self.post_message(self.Highlighted(self, self.highlighted_hit))

    @property
    def highlighted_hit(self) -> FactHit | None:
        """The result under the cursor."""
        return self.hits[self.cursor] if 0 <= self.cursor < len(self.hits) else None

    # -- drawing ----------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._lines.clear()
        self.update_virtual_size()

    def render_line(self, y: int) -> Strip:
        """Draw screen line ``y``: a result, or the message when there are none."""
        width = self.scrollable_content_region.width
        if width != self._width:
            self._width = width
            self._lines.clear()
        if not self.hits:
            if y == 1:
                style = self.get_component_rich_style("fact-table--message")
                return self.strip(fit(Text("  " + self.message, style=style), width), width)
            return Strip.blank(width, self.rich_style)
        index = self.scroll_offset.y + y
        if index >= len(self.hits):
            return Strip.blank(width, self.rich_style)
        cells = self._lines.get(index)
        if cells is None:
            cells = fact_cells(self.hits[index], width, self.pattern, self.period_width)
            self._lines.set(index, cells)
        if index == self.cursor:
            text = Text("▶ ") + cells
            text.stylize(self.get_component_rich_style("fact-table--cursor"))
        else:
            text = Text("  ") + cells
        return self.strip(text, width)

    def cursor_moved(self, index: int) -> None:
        """Say which result is highlighted now (the screen shows its sentence)."""
        self.post_message(self.Highlighted(self, self.highlighted_hit))

    # -- actions ----------------------------------------------------------------------------

    def action_open(self) -> None:
        """Open the highlighted result."""
        hit = self.highlighted_hit
        if hit is not None:
            self.post_message(self.Chosen(self, hit))
