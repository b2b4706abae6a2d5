"""The evidence under the results: the sentence that states the highlighted figure.

The figure is drawn in reverse video (readable without colour) and the query's words are
marked as in the table. When the sentence is longer than the box, the lines around the figure
are shown. The document text comes from the screen (which loads it in a worker); until it
arrives the figure's own quote stands in. No store access here.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.widget import Widget

from factscope.db.models import FactHit
from factscope.tui.panes.facts.fact_table import mark_matches
from factscope.tui.render import SELECTED_STYLE, display_text, safe, wrap_offsets

CONTEXT = 240
"""Characters shown either side of a figure whose sentence is unknown."""


def sentence_span(hit: FactHit, text: str) -> tuple[int, int]:
    """(start, end) of the figure's sentence in ``text``, or a window around the figure."""
    fact = hit.fact
    if fact.sentence_start is not None and fact.sentence_end is not None:
        return fact.sentence_start, min(fact.sentence_end, len(text))
    return max(fact.start - CONTEXT, 0), min(fact.end + CONTEXT, len(text))


class EvidenceView(Widget):
    """The highlighted figure's sentence, its figure marked; the document named above it."""

    HELP = """
### Evidence
The sentence the highlighted figure was read from, with the figure in reverse video.
"""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.hit: FactHit | None = None
        self.text: str | None = None
        self.pattern: re.Pattern[str] | None = None
        self.border_title = "Evidence"

    def show(
        self, hit: FactHit | None, text: str | None, pattern: re.Pattern[str] | None = None
    ) -> None:
        """Show ``hit``'s sentence from its document ``text`` (None while it is loading)."""
        self.hit, self.text, self.pattern = hit, text, pattern
        if hit is None:
            self.border_title = "Evidence"
        else:
            doc = safe(hit.document_title)
            self.border_title = Text(f"Evidence · {doc}" if doc else "Evidence")
        self.refresh()

    def render(self) -> Text:
        """The sentence wrapped to the box, scrolled so the figure is visible."""
        width, height = self.content_size.width, self.content_size.height
        hit = self.hit
        if hit is None:
            return Text("No figure selected.", style="dim italic")
        fact = hit.fact
        if self.text is None:
            quote = Text(safe(fact.quote), style=SELECTED_STYLE)
            return Text.assemble(quote, Text("  (loading the sentence…)", style="dim italic"))
        start, end = sentence_span(hit, self.text)
        sentence = display_text(self.text[start:end]).replace("\n", " ")
        lines = wrap_offsets(sentence, max(width, 10))
        figure_start, figure_end = fact.start - start, fact.end - start
        first = next((i for i, (s, e) in enumerate(lines) if e > figure_start), 0)
        top = max(0, min(first - (height - 1) // 2, len(lines) - height))
        shown = lines[top : top + max(height, 1)]
        if not shown:
            return Text()
        body = Text(sentence[shown[0][0] : shown[-1][1]])
        offset = shown[0][0]
        mark_matches(body, self.pattern)
        body.stylize(SELECTED_STYLE, max(figure_start - offset, 0), max(figure_end - offset, 0))
        rows = [body[s - offset : e - offset] for s, e in shown]
        for row in rows:
            row.rstrip()
        return Text("\n", no_wrap=True, overflow="crop").join(rows)
