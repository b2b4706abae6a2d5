"""The document reader: the text, wrapped to the window, with every figure highlighted.

A Line-API widget. The text is wrapped by :func:`tui.render.wrap_offsets`, which keeps the
offset of every screen line, so a fact's ``start`` maps straight to the line to scroll to.
Figures are styled by kind (bold/underline as well as colour); the selected figure is in
reverse video; matches of an in-document search are highlighted too. The widget posts
:class:`DocumentReader.FactSelected`; it never touches the store.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import islice
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from factscope.db.models import Fact
from factscope.tui.render import (
    CURRENT_MATCH_STYLE,
    KIND_STYLES,
    MATCH_STYLE,
    SELECTED_STYLE,
    display_text,
    line_of,
    wrap_offsets,
)

MARGIN = 1
"""Blank cells left of the text."""
LINE_CACHE = 512
"""Drawn lines kept: several screens of a long report, for scrolling back and forth."""
MATCH_LIMIT = 10_000
"""Find stops counting here ("10,000+ matches"): a one-letter find in a long report would
otherwise build millions of spans."""


def find_matches(plain: str, query: str, limit: int = MATCH_LIMIT) -> list[tuple[int, int]]:
    """Spans of the case-insensitive occurrences of ``query`` in ``plain``, at most ``limit``."""
    if not query:
        return []
    return [m.span() for m in islice(re.finditer(re.escape(query), plain, re.IGNORECASE), limit)]


class DocumentReader(ScrollView, can_focus=True):
    """Scrollable document text with figure highlights, figure selection and find."""

    HELP = """
### Reader
Figures are underlined and coloured by kind; the selected one is in reverse video.
**n**/**N** (or **]**/**[**) select the next/previous figure, **j**/**k** scroll,
**g**/**G** top/bottom.
"""
    BINDING_GROUP_TITLE = "Reader"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "right_square_bracket",
            "next_fact",
            "Next figure",
            show=False,
            tooltip="Select the next figure.",
        ),
        Binding(
            "left_square_bracket",
            "previous_fact",
            "Prev figure",
            show=False,
            tooltip="Select the previous figure.",
        ),
        Binding("j,down", "scroll_down", "Scroll down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", show=False),
        Binding("g,home", "scroll_home", "Top", show=False),
        Binding("G,end", "scroll_end", "Bottom", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("b,pageup", "page_up", "Page up", show=False),
    ]
    """Figure and scroll keys; n and N (the reader screen's) also move between figures
    when there is no find."""

    @dataclass
    class FactSelected(Message):
        """The selected figure changed (None: nothing selected)."""

        fact: Fact | None
        index: int
        """Position of the fact in the document's figure list, -1 for none."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self._plain = ""
        self.matched_query = ""
        """The query whose matches are highlighted."""
        self._facts: list[Fact] = []
        self._starts: list[int] = []
        self._lines: list[tuple[int, int]] = [(0, 0)]
        self._wrapped_at = -1
        self._matches: list[tuple[int, int]] = []
        self._match_index = -1
        self._cache: LRUCache[int, Strip] = LRUCache(LINE_CACHE)
        """Drawn lines by index, cleared whenever the text, its styles or the width change."""
        self.selected = -1
        """Index into :attr:`facts` of the selected figure, -1 for none."""

    # -- content ----------------------------------------------------------------------------

    @property
    def facts(self) -> list[Fact]:
        """The document's figures in text order."""
        return self._facts

    @property
    def selected_fact(self) -> Fact | None:
        """The selected figure, if any."""
        return self._facts[self.selected] if 0 <= self.selected < len(self._facts) else None

    def set_document(self, text: str, facts: list[Fact]) -> None:
        """Show ``text`` (stored text; controls are masked here) with its ``facts``."""
        self._plain = display_text(text)
        self._facts = sorted(
            (f for f in facts if 0 <= f.start < f.end <= len(text)), key=lambda f: f.start
        )
        self._starts = [f.start for f in self._facts]
        self._matches, self._match_index = [], -1
        self.selected = -1
        self._wrapped_at = -1
        self._rewrap()
        self.scroll_to(y=0, animate=False)

    def _rewrap(self) -> None:
        width = max(self.scrollable_content_region.width - MARGIN - 1, 10)
        if width != self._wrapped_at:
            self._lines = wrap_offsets(self._plain, width)
            self._wrapped_at = width
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._lines))
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()
        self._scroll_to_offset(self._focus_offset(), animate=False)

    def _focus_offset(self) -> int | None:
        if self._match_index >= 0:
            return self._matches[self._match_index][0]
        fact = self.selected_fact
        return fact.start if fact else None

    # -- drawing ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """Draw screen line ``y`` of the wrapped text."""
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if max(width - MARGIN - 1, 10) != self._wrapped_at:
            self._rewrap()
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        strip = self._cache.get(index)
        if strip is None:
            strip = self._render_text_line(index, width)
            self._cache.set(index, strip)
        return strip

    def _render_text_line(self, index: int, width: int) -> Strip:
        start, end = self._lines[index]
        line = Text(self._plain[start:end].rstrip("\n"))
        for number, fact in self._facts_between(start, end):
            style = (
                SELECTED_STYLE
                if number == self.selected
                else KIND_STYLES.get(fact.kind, "bold underline")
            )
            line.stylize(style, max(fact.start, start) - start, min(fact.end, end) - start)
        for number, (m_start, m_end) in enumerate(self._matches):
            if m_end > start and m_start < end:
                style = CURRENT_MATCH_STYLE if number == self._match_index else MATCH_STYLE
                line.stylize(style, max(m_start, start) - start, min(m_end, end) - start)
        text = Text(" " * MARGIN)
        text.append_text(line)
        segments = [s for s in text.render(self.app.console) if s.text != "\n"]
        return (
            Strip(segments or [Segment("")])
            .crop_extend(0, width, self.rich_style)
            .apply_style(self.rich_style)
        )

    def _facts_between(self, start: int, end: int) -> list[tuple[int, Fact]]:
        found = []
        last = bisect.bisect_left(self._starts, end)
        for number in range(last - 1, -1, -1):
            fact = self._facts[number]
            if fact.end > start:
                found.append((number, fact))
            elif fact.start < start - 2000:
                break
        return found

    # -- figures ----------------------------------------------------------------------------

    def select(self, index: int, *, scroll: bool = True) -> None:
        """Select figure ``index`` (clamped), scroll to it and announce it."""
        if not self._facts:
            self.post_message(self.FactSelected(None, -1))
            return
        self.selected = max(0, min(index, len(self._facts) - 1))
        self._cache.clear()
        self.refresh()
        fact = self._facts[self.selected]
        if scroll:
            self._scroll_to_offset(fact.start)
        self.post_message(self.FactSelected(fact, self.selected))

    def select_fact_id(self, fact_id: int) -> bool:
        """Select the figure with this id; False when the document has no such figure."""
        for index, fact in enumerate(self._facts):
            if fact.id == fact_id:
                self.select(index)
                return True
        return False

    def action_next_fact(self) -> None:
        """Select the next figure (the first figure when none is selected)."""
        if self.selected < 0:
            top = self._lines[min(int(self.scroll_offset.y), len(self._lines) - 1)][0]
            self.select(bisect.bisect_left(self._starts, top))
        else:
            self.select(self.selected + 1)

    def action_previous_fact(self) -> None:
        """Select the previous figure."""
        self.select(self.selected - 1 if self.selected > 0 else 0)

    def _scroll_to_offset(self, offset: int | None, *, animate: bool = False) -> None:
        if offset is None:
            return
        line = line_of(self._lines, offset)
        self.scroll_to_region(
            Region(0, line, 1, 1), animate=animate, center=True, force=True, x_axis=False
        )

    # -- find -------------------------------------------------------------------------------

    def find(self, query: str) -> int:
        """Highlight every case-insensitive occurrence of ``query`` (up to
        :data:`MATCH_LIMIT`); returns how many. Screens run :func:`find_matches` in a worker
        and call :meth:`show_matches`: a 50 MB document takes a while to scan."""
        return self.show_matches(query, find_matches(self._plain, query))

    @property
    def plain_text(self) -> str:
        """The text as displayed (control characters masked): what find searches."""
        return self._plain

    def show_matches(self, query: str, matches: list[tuple[int, int]]) -> int:
        """Highlight ``matches`` (offsets into :attr:`plain_text`) found for ``query``."""
        self.matched_query = query
        self._matches = matches
        self._match_index = -1
        self._cache.clear()
        self.refresh()
        return len(self._matches)

    @property
    def match_position(self) -> tuple[int, int]:
        """(current match number counted from 1, number of matches)."""
        return self._match_index + 1, len(self._matches)

    def next_match(self, step: int = 1) -> tuple[int, int]:
        """Go to the next (``step`` 1) or previous (-1) match, wrapping around."""
        if self._matches:
            if self._match_index < 0:
                top = self._lines[min(int(self.scroll_offset.y), len(self._lines) - 1)][0]
                first = bisect.bisect_left(self._matches, (top, 0))
                self._match_index = (first if step > 0 else first - 1) % len(self._matches)
            else:
                self._match_index = (self._match_index + step) % len(self._matches)
            self._cache.clear()
            self.refresh()
            self._scroll_to_offset(self._matches[self._match_index][0])
        return self.match_position
