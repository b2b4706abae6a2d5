"""Text builders for the Compare pane: the evidence panel, the row citation, export rows.

Pure functions over a :class:`db.compare.Comparison` and the documents its facts come from;
no widgets and no store access. Document text goes through :mod:`tui.render` (controls
masked, never parsed as markup). Export rows have the columns of ``factscope compare --csv``
(:func:`tui.output.write_comparison_csv`), so the pane and the CLI export the same table.
"""

from __future__ import annotations

from rich.text import Text

from factscope.db.compare import CompareCell, CompareRow, Comparison
from factscope.db.compare_labels import NO_PERIOD, gap_note, row_title
from factscope.db.models import Document, Region
from factscope.tui.formatting import cell_amount
from factscope.tui.panes.compare.compare_table import (
    CONVERTED,
    NOT_COMPARABLE,
    ROLLED_UP,
    amount_text,
)
from factscope.tui.render import SELECTED_STYLE, citation, highlighted, published, safe


def figure_summary(row: CompareRow, cell: CompareCell, base: Region | None) -> str:
    """'800 bn CNY (+13.1%), ×2.62 of Songjiang District' -- a cell in words."""
    text = cell_amount(cell, digits=5)
    if cell.fact.change_percent is not None:
        text += f" ({cell.fact.change_percent:+g}%)"
    if cell.converted_value is not None and base is not None:
        base_unit = row.cells.get(base.id)
        unit = base_unit.unit if base_unit is not None else None
        text += f" {CONVERTED} {amount_text(cell.converted_value, unit)}"
    if cell.ratio_to_base is not None and base is not None:
        text += f", ×{cell.ratio_to_base:.3g} of {safe(base.name)}"
    return text


def sentence_text(cell: CompareCell, doc: Document) -> Text:
    """The sentence stating the figure, the figure in reverse video."""
    fact = cell.fact
    start = fact.sentence_start if fact.sentence_start is not None else fact.start
    end = fact.sentence_end if fact.sentence_end is not None else fact.end
    sentence = doc.text[start:end]
    span = (fact.start - start, fact.end - start)
    text = highlighted(sentence, [span], SELECTED_STYLE)
    leading = len(text.plain) - len(text.plain.lstrip())
    text = text[leading:]
    text.rstrip()
    return text


def evidence_text(
    comparison: Comparison,
    row: CompareRow,
    region: Region,
    cell: CompareCell | None,
    doc: Document | None,
) -> Text:
    """The evidence panel: what the cell says, its sentence and source, its notes, gaps."""
    base = comparison.regions[0] if comparison.regions else None
    where = row_title(safe(row.metric), safe(row.period))
    text = Text(safe(region.name), style="bold")
    text.append(f" · {where}: ")
    if cell is None:
        text.append("no figure", style="italic")
    else:
        text.append(figure_summary(row, cell, base), style="bold")
        if cell.region_name != region.name:
            text.append(
                f"\n{ROLLED_UP} a figure of {safe(cell.region_name)}, shown under"
                f" {safe(region.name)} and not summed into it",
                style="italic",
            )
        if doc is None:
            text.append(f'\n"{safe(cell.fact.quote)}" …', style="dim")
        else:
            text.append('\n"')
            text.append_text(sentence_text(cell, doc))
            text.append('"\n')
            text.append(f"— {safe(doc.title)}, {published(doc)}, {safe(doc.source)}", style="dim")
        if cell.note:
            marker = CONVERTED if cell.comparable else NOT_COMPARABLE
            text.append(f"\n{marker} {safe(cell.note)}", style="italic")
    own = gap_note(region.name, row_title(row.metric, row.period))
    for note in [*row.notes, *comparison.notes]:
        if cell is None and note.startswith(own):  # the first line says it: only what it adds
            note = note.removeprefix(own).removeprefix("; ")
        if note:
            text.append(f"\n• {safe(note)}")
    return text


def row_citation(comparison: Comparison, row: CompareRow, docs: dict[str, Document]) -> str:
    """The row as plain text: each region's figure, then each figure's sentence and source."""
    base = comparison.regions[0] if comparison.regions else None
    head = f"{safe(row.metric)}, {safe(row.period) or NO_PERIOD}"
    parts: list[str] = []
    blocks: list[str] = []
    for region in comparison.regions:
        cell = row.cells.get(region.id)
        if cell is None:
            parts.append(f"{safe(region.name)}: no figure")
            continue
        parts.append(f"{safe(region.name)}: {figure_summary(row, cell, base)}")
        doc = docs.get(str(cell.fact.doc_id))
        if doc is not None:
            blocks.append(citation(cell.fact, doc, doc.text))
        if cell.note:
            blocks.append(f"({safe(region.name)}: {safe(cell.note)})")
    lines = [f"{head} — " + "; ".join(parts), *blocks, *(safe(n) for n in row.notes)]
    return "\n\n".join(lines)


def rows_context(regions: int, rows: list[CompareRow], total: int, row_filter: str) -> str:
    """The status line's '2 regions · 12 rows, 5 where all meet' (or '3 of 12 rows match')."""
    count = f"{len(rows)} rows"
    if row_filter.strip():
        count = f"{len(rows)} of {total} rows match {row_filter!r}"
    context = f"{regions} region{'s' if regions > 1 else ''} · {count}"
    if regions < 2:
        return context + " · type a name to add another region"
    meet = sum(all(cell is not None for cell in r.cells.values()) for r in rows)
    return context + f", {meet} where all meet"


def compared_first(picked: list[Region], comparison: Comparison) -> list[Region]:
    """The picked regions in the table's order: those compared first, in the order picked.

    The base is the comparison's first region: a picked region with no facts in the
    database cannot be one, so it moves behind those that are compared.
    """
    compared = {region.id for region in comparison.regions}
    return [r for r in picked if r.id in compared] + [r for r in picked if r.id not in compared]
