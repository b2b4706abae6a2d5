"""Safe text builders for the TUI: the one door untrusted text goes through.

Titles, sources, snippets and document text come from files the user imported, so they are
never parsed as markup: they become :class:`rich.text.Text` after terminal control sequences
are masked (length-preserving, so fact offsets stay aligned with the stored text). Widths are
measured in terminal cells (``cell_len``), never with ``len()``, so CJK lines up.

Also here: the styles figures get by kind, word wrapping that keeps text offsets, the
citation format and the field rows of a fact. No widgets and no store access.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePath

from rich.cells import cell_len
from rich.text import Text

from factscope.db.models import Document, DocumentSummary, Fact
from factscope.importers.sanitize import mask_control, strip_control
from factscope.tui.formatting import change_text

KIND_STYLES: dict[str, str] = {
    "level": "bold underline cyan",
    "change": "bold underline green",
    "share": "bold underline magenta",
    "rank": "bold underline yellow",
    "duration": "bold underline blue",
    "threshold": "italic underline",
    "diff": "italic underline green",
}
"""How a figure of each kind is drawn: always bold/italic + underline, so never colour alone."""
KIND_LABELS: dict[str, str] = {
    "level": "amount",
    "change": "change",
    "share": "share",
    "rank": "rank",
    "duration": "duration",
    "threshold": "threshold",
    "diff": "difference",
}
"""Words for the kinds, as the legend and the fact panel show them."""
SELECTED_STYLE = "bold reverse"
"""The selected figure: reverse video, readable in 16 colours and in monochrome."""
MATCH_STYLE = "black on yellow"
CURRENT_MATCH_STYLE = "bold black on bright_white underline"
SNIPPET_HIGHLIGHT = "bold underline"

_CJK_CHAR = (
    r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    r"\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
    r"\U00020000-\U0003fffd]"
)
_TOKEN = re.compile(
    rf"(?:{_CJK_CHAR}|[^\s\u1100-\u115f\u2e80-\u9fff\uac00-\ud7a3\uf900-\uffe6]+)\s*|\s+"
)


def safe(text: str | None) -> str:
    """Untrusted one-line text made printable: controls removed, newlines folded to spaces."""
    return " ".join(strip_control(text or "").split())


def display_text(text: str) -> str:
    """Document text for the reader: same length as stored, controls and tabs shown as spaces."""
    return mask_control(text).replace("\t", " ")


def highlighted(text: str, spans: list[tuple[int, int]], style: str = SNIPPET_HIGHLIGHT) -> Text:
    """Untrusted text with ``spans`` styled; controls are masked first so spans stay aligned."""
    result = Text(mask_control(text).replace("\n", " ").replace("\t", " "))
    for start, end in spans:
        result.stylize(style, start, end)
    return result


def fit(text: Text | str, width: int) -> Text:
    """``text`` cut (with an ellipsis) or padded to exactly ``width`` cells."""
    result = text.copy() if isinstance(text, Text) else Text(text)
    result.truncate(max(width, 0), overflow="ellipsis", pad=True)
    return result


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Break ``text`` into screen lines of at most ``width`` cells: (start, end) offsets.

    Words wrap at spaces; a run of Chinese/Japanese/Korean may break between any two
    characters; a word wider than the line is folded. Offsets index ``text`` itself, so a
    fact's ``start`` finds its line with :func:`line_of`.
    """
    width = max(width, 2)
    lines: list[tuple[int, int]] = []
    position = 0
    for paragraph in text.split("\n"):
        end_of_paragraph = position + len(paragraph)
        line_start, line_cells = position, 0
        for token in _TOKEN.finditer(paragraph):
            start = position + token.start()
            word = token.group(0)
            visible = cell_len(word.rstrip())
            if line_cells + visible <= width or (line_cells == 0 and visible == 0):
                line_cells += cell_len(word)
                continue
            if line_cells > 0 and start > line_start:
                lines.append((line_start, start))
                line_start, line_cells = start, 0
            if visible <= width:
                line_cells = cell_len(word)
                continue
            for index, char in enumerate(word):
                cells = cell_len(char)
                if line_cells + cells > width and not char.isspace():
                    lines.append((line_start, start + index))
                    line_start, line_cells = start + index, 0
                line_cells += cells
        lines.append((line_start, end_of_paragraph))
        position = end_of_paragraph + 1
    return lines


def line_of(lines: list[tuple[int, int]], offset: int) -> int:
    """Index of the screen line that shows the character at ``offset``."""
    low, high = 0, len(lines) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if lines[middle][0] <= offset:
            low = middle
        else:
            high = middle - 1
    return low


def published(doc: Document | DocumentSummary) -> str:
    """The publication date as ISO text, or 'undated'."""
    return doc.published.isoformat() if doc.published else "undated"


def source_name(source: str) -> str:
    """The last part of a path or URL, for narrow columns."""
    cleaned = safe(source).rstrip("/")
    return PurePath(cleaned).name or cleaned


@dataclass(frozen=True)
class Columns:
    """Cell widths of the document list's columns at one terminal width."""

    title: int
    date: int
    facts: int
    source: int


def list_columns(width: int) -> Columns:
    """Split ``width`` cells (after the 2-cell cursor gutter) into the list's columns."""
    usable = max(width - 2, 20)
    date, facts = 10, 6
    source = max(8, min(24, (usable - date - facts) // 4))
    title = max(usable - date - facts - source - 3, 6)
    return Columns(title=title, date=date, facts=facts, source=source)


def list_header(width: int, sorted_by: str = "", descending: bool = False) -> Text:
    """The header line above the document list, aligned with :func:`document_row`.

    The column named ``sorted_by`` (title, date or facts) carries the sort arrow.
    """
    cols = list_columns(width)

    def name(column: str) -> str:
        return column + ("▼" if descending else "▲") * (column == sorted_by)

    line = Text("  ")
    line.append_text(fit(name("title"), cols.title))
    line.append(" ")
    line.append_text(fit(name("date"), cols.date))
    line.append(" ")
    line.append_text(fit(name("facts").rjust(cols.facts), cols.facts))
    line.append(" ")
    line.append_text(fit("source", cols.source))
    return line


def document_row(doc: DocumentSummary, width: int) -> Text:
    """One row of the document list (without the cursor gutter): title, date, facts, source."""
    cols = list_columns(width)
    line = fit(Text.styled(safe(doc.title), "bold"), cols.title)
    line.append(" ")
    line.append_text(fit(Text(published(doc)), cols.date))
    line.append(" ")
    line.append_text(fit(Text(f"{doc.fact_count:,}".rjust(cols.facts)), cols.facts))
    line.append(" ")
    line.append_text(fit(Text(source_name(doc.source), style="dim"), cols.source))
    return line


def title_line(title: str, meta: str, width: int) -> Text:
    """A bold ``title``, then dim ``meta``; the title is cut (with an ellipsis) so the meta
    stays visible, but keeps at least half the width."""
    title = safe(title)
    room = max(width - cell_len(meta) - 2, min(cell_len(title), width // 2))
    line = fit(Text.styled(title, "bold"), min(cell_len(title), room))
    line.append("  ")
    line.append(meta, "dim")
    line.truncate(max(width, 0), overflow="ellipsis")
    return line


def number(value: float | None) -> str:
    """A number as people write it: 305.57, 1,200, 3.2e+11 never."""
    if value is None:
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def value_text(fact: Fact) -> str:
    """The figure with its unit: '305.57 billion CNY', '13.1 percent', '~8 month'."""
    qualifier = "" if fact.qualifier == "=" else f"{fact.qualifier} "
    amount = safe(fact.number_quote) or number(fact.value)
    if fact.value_max is not None and fact.value_max != fact.value:
        amount = f"{amount}–{number(fact.value_max)}"
    unit = f" {fact.unit}" if fact.unit else ""
    per = f" per {fact.per}" if fact.per else ""
    return f"{qualifier}{amount}{unit}{per}"


def sentence_of(fact: Fact, text: str) -> str:
    """The sentence that states the figure (its quote when the sentence is unknown)."""
    if fact.sentence_start is not None and fact.sentence_end is not None:
        return safe(text[fact.sentence_start : fact.sentence_end])
    return safe(fact.quote)


def fact_fields(fact: Fact) -> list[tuple[str, str]]:
    """(label, value) rows for the fact panel; empty fields are left out."""
    rows = [
        ("figure", safe(fact.quote)),
        ("value", value_text(fact)),
        ("normalized", number(fact.normalized)),
        ("kind", KIND_LABELS.get(fact.kind, fact.kind)),
        ("region", safe(fact.region)),
        ("period", safe(fact.period or fact.period_text)),
        ("change", change_text(fact)),
        ("metric", safe(fact.metric)),
        ("subject", safe(fact.subject)),
        ("rank", f"No. {fact.rank} in {safe(fact.rank_scope)}" if fact.rank else ""),
        ("restates", safe(fact.equivalent_of)),
    ]
    return [(label, value) for label, value in rows if value]


def citation(fact: Fact, doc: Document | DocumentSummary, text: str) -> str:
    """A plain-text citation of one figure: value, unit, period, region, title, source, sentence.

    >>> # 305.57 billion CNY, 2020, Songjiang District (+13.1% yoy).
    >>> # "The district's annual total ... 305.57 billion yuan ..."
    >>> # — Songjiang trade up, 2021-01-20, /data/songjiang.txt
    """
    return cite(fact, text, title=doc.title, source=doc.source, published=doc.published)


def cite(fact: Fact, text: str, *, title: str, source: str, published: dt.date | None) -> str:
    """:func:`citation` from the document's fields: every pane cites a figure the same way."""
    context = [p for p in (safe(fact.period), safe(fact.region)) if p]
    head = ", ".join([value_text(fact), *context])
    if fact.change_percent is not None:
        head += f" ({change_text(fact)})"
    if fact.metric:
        head += f": {safe(fact.metric)}"
    date = published.isoformat() if published else "undated"
    source = f"— {safe(title)}, {date}, {safe(source)}"
    return f'{head}.\n"{sentence_of(fact, text)}"\n{source}'
