"""Pure helpers of the Facts pane: the status wording, export rows and facet tokens.

Kept apart from :mod:`tui.panes.facts.screen` so they can be tested without an app; no widgets,
no store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from factscope.db.models import FactFacets, FactHit, FactResults
from factscope.tui.formatting import change_text
from factscope.tui.panes.facts.evidence import sentence_span
from factscope.tui.panes.facts.facets import FacetField
from factscope.tui.panes.facts.fact_table import value_cell
from factscope.tui.render import safe


def describe(query: str, results: FactResults) -> str:
    """The status line's 'N of M' for a result set, honest about caps (and a cut query)."""
    if results.notice:
        return f"{results.notice} {describe(query, results.model_copy(update={'notice': None}))}"
    if not results.total and not results.hits:
        return f"no facts match {query!r}" if query else "no facts yet"
    total = max(results.total, len(results.hits))
    shown = f"{len(results.hits):,} of {total:,}{'+' if results.capped else ''}"
    noun = "fact" if total == 1 and not results.capped else "facts"
    return f"{shown} {noun} for {query!r}" if query else f"{shown} {noun}, newest first"


def count_facets(hits: Sequence[FactHit], top: int = 8) -> FactFacets:
    """Facets counted over ``hits`` themselves: exact when they are every match.

    Region and unit names as the store's facets give them; facts with none count as
    ``(none)``, and the order is the same: most first, then by name.
    """
    regions = Counter(hit.fact.region or "(none)" for hit in hits)
    units = Counter(hit.fact.unit or "(none)" for hit in hits)

    def most(counter: Counter[str]) -> list[tuple[str, int]]:
        return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:top]

    return FactFacets(
        regions=most(regions),
        units=most(units),
        counted=len(hits),
        capped=False,
    )


def no_results(query: str) -> str:
    """What the empty table says: the query matched nothing, or there is nothing yet."""
    if query:
        return f"No facts match {safe(query)!r}. Escape clears the query."
    return "No facts yet. Import some with: factscope import PATH"


def export_row(hit: FactHit, sentence: str) -> dict[str, Any]:
    """One exported result: the cells people cite, the raw numbers, then the evidence."""
    fact = hit.fact
    return {
        "region": safe(fact.region),
        "metric": safe(fact.metric),
        "period": fact.period,
        "value": value_cell(fact),
        "number": fact.value,
        "unit": fact.unit,
        "normalized": fact.normalized,
        "change": change_text(fact),
        "kind": fact.kind,
        "figure": safe(fact.quote),
        "sentence": sentence,
        "document": safe(hit.document_title),
        "source": safe(hit.document_source),
        "fact_id": fact.id,
        "doc_id": fact.doc_id,
    }


def export_rows(hits: Sequence[FactHit], text_of: Callable[[str], str]) -> list[dict[str, Any]]:
    """The exported results with their sentences; ``text_of`` gives a document's text (it
    is asked once per document)."""
    by_doc: dict[str, list[int]] = {}
    for index, hit in enumerate(hits):
        by_doc.setdefault(hit.fact.doc_id or "", []).append(index)
    sentences: dict[int, str] = {}
    for doc_id, indexes in by_doc.items():
        text = text_of(doc_id)
        for index in indexes:
            start, end = sentence_span(hits[index], text)
            sentences[index] = safe(text[start:end])
    return [export_row(hit, sentences[i]) for i, hit in enumerate(hits)]


def export_what(shown: int, results: FactResults, query: str) -> str:
    """The export dialog's '12 figures (of 40 matches) for 'trade''."""
    total = f"{max(results.total, shown):,}{'+' if results.capped else ''}"
    what = f"{shown:,} figures (of {total} matches)"
    return what + f" for {query!r}" if query else what


def facet_refusal(field: FacetField, value: str) -> str:
    """Why a facet cannot become a query token ('' when it can)."""
    if value == "(none)":
        return f"Facts without a {field} cannot be filtered for."
    if field == "unit" and len(value.split()) > 1:
        return f"Units of several words ({safe(value)!r}) cannot be a token."
    return ""


def facet_token(field: FacetField, value: str) -> str:
    """The query token for a facet: ``region:Sichuan-Province`` (words joined by hyphens,
    which the query language splits again inside one field token)."""
    return f"{field}:{'-'.join(value.split())}"


def toggle_tokens(query: str, field: FacetField, value: str) -> str:
    """``query`` with the facet's token added, or taken out when it is already there."""
    token = facet_token(field, value)
    words = query.split()
    if token.casefold() in {w.casefold() for w in words}:
        return " ".join(w for w in words if w.casefold() != token.casefold())
    return " ".join([*words, token])
