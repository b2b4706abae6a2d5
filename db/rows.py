"""Row ↔ model mapping: the one place that knows how a model sits in a table row.

Every query that reads facts, regions or document summaries selects the columns named here
and turns its rows back into models with the functions here; every write takes its values
from here. The fact columns are the :class:`Fact` model's fields, so a field added to the
model is a column everywhere at once (its table needs a migration: a test compares the
model with the table SQLite reports).

Backend-neutral: column lists and tuples only, no placeholders and no connection, so a second
backend (PostgreSQL) maps rows the same way.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from factscope.db.models import DocumentSummary, Fact, RawDocument, Region

FACT_COLUMNS: tuple[str, ...] = tuple(name for name in Fact.model_fields if name != "id")
"""Stored fact columns besides ``id`` (the rowid), in the model's field order."""
FACT_WIDTH = len(FACT_COLUMNS) + 1
"""Columns :func:`fact_select` yields: ``id``, then :data:`FACT_COLUMNS`."""

REGION_COLUMNS: tuple[str, ...] = ("id", "name", "level", "parent_id", "name_zh", "aliases")
"""Stored region columns; ``aliases`` is a JSON list."""

SUMMARY_COLUMNS: tuple[str, ...] = (
    "id",
    "source",
    "title",
    "published",
    "language",
    "imported_at",
    "fact_count",
)
"""Document columns of a :class:`DocumentSummary` (everything but the text)."""


def select_list(columns: Sequence[str], alias: str = "") -> str:
    """``columns`` as a select list, each quoted (``end`` is an SQL keyword) and qualified
    by ``alias`` when given: ``f."id", f."doc_id"``."""
    prefix = f"{alias}." if alias else ""
    return ", ".join(f'{prefix}"{c}"' for c in columns)


def fact_select(alias: str = "") -> str:
    """The select list of a whole fact: ``id``, then :data:`FACT_COLUMNS`."""
    return select_list(("id", *FACT_COLUMNS), alias)


def fact_from_row(row: Sequence[Any]) -> Fact:
    """A Fact from a row that starts with :func:`fact_select`'s columns (extra ones ignored).

    ``model_validate`` on a dict is pydantic's compiled path; ``model_construct`` measured
    slower here (it loops over the fields in Python).
    """
    values: dict[str, object] = dict(zip(FACT_COLUMNS, row[1:FACT_WIDTH], strict=True))
    values["id"] = row[0]
    return Fact.model_validate(values)


def fact_values(fact: Fact, doc_id: str) -> tuple[Any, ...]:
    """The values of :data:`FACT_COLUMNS` to store ``fact`` as a fact of ``doc_id``."""
    return tuple(doc_id if c == "doc_id" else getattr(fact, c) for c in FACT_COLUMNS)


def region_select(alias: str = "") -> str:
    """The select list of a whole region (:data:`REGION_COLUMNS`)."""
    return select_list(REGION_COLUMNS, alias)


def region_from_row(row: Sequence[Any]) -> Region:
    """A Region from a row that starts with :func:`region_select`'s columns."""
    return Region(
        id=row[0],
        name=row[1],
        level=row[2],
        parent_id=row[3],
        name_zh=row[4],
        aliases=json.loads(row[5] or "[]"),
    )


def region_values(region: Region) -> tuple[Any, ...]:
    """The values of :data:`REGION_COLUMNS` to store ``region``."""
    return (
        region.id,
        region.name,
        region.level,
        region.parent_id,
        region.name_zh,
        json.dumps(region.aliases),
    )


def summary_select(alias: str = "d") -> str:
    """The select list of a document summary (:data:`SUMMARY_COLUMNS`)."""
    return select_list(SUMMARY_COLUMNS, alias)


def summary_from_row(row: Sequence[Any]) -> DocumentSummary:
    """A DocumentSummary from a row that starts with :func:`summary_select`'s columns."""
    return DocumentSummary.model_validate(dict(zip(SUMMARY_COLUMNS, row[:7], strict=True)))


DOCUMENT_COLUMNS: tuple[str, ...] = (*SUMMARY_COLUMNS[:5], "text", *SUMMARY_COLUMNS[5:])
"""Stored document columns, the text included."""


def document_values(raw: RawDocument, doc_id: str, fact_count: int) -> tuple[Any, ...]:
    """The values of :data:`DOCUMENT_COLUMNS` to store ``raw`` now, as ``doc_id``."""
    return (
        doc_id,
        raw.source,
        raw.title,
        raw.published.isoformat() if raw.published else None,
        raw.language,
        raw.text,
        dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        fact_count,
    )


EVIDENCE_FROM = "facts f JOIN documents d ON d.id = f.doc_id JOIN facts_fts s ON s.rowid = f.id"
"""The tables :func:`evidence_select` reads, aliased as it expects."""


def evidence_select() -> str:
    """The select list of a fact with its evidence: the fact, then its sentence and its
    document's title, source and date (from :data:`EVIDENCE_FROM`)."""
    return f"{fact_select('f')}, s.sentence, d.title, d.source, d.published"


def evidence_fields(row: Sequence[Any]) -> dict[str, Any]:
    """The fields of a :class:`FactEvidence` (or a hit) from an :func:`evidence_select` row."""
    fact = fact_from_row(row)
    sentence, title, source, published = row[FACT_WIDTH : FACT_WIDTH + 4]
    return {
        "fact": fact,
        "sentence": sentence or fact.quote,
        "document_title": title,
        "document_source": source,
        "document_published": published,
    }
