"""Pydantic models at the library boundary: what importers produce and what the store returns.

Field names of :class:`Fact` are those of ``shared/corpus/gold/README.md`` so that the JSON
output of ``factscope extract`` / ``facts --json`` compares with the gold file directly. The
models carry data only; behaviour lives in plain functions in ``db`` and ``importers``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

RegionLevel = Literal[
    "country", "province", "municipality", "city", "district", "county", "zone", "macro"
]
"""Administrative (or named-area) level of a :class:`Region`."""

FactKind = Literal["level", "change", "share", "rank", "duration", "threshold", "diff"]
"""What a figure states: an amount, a standalone growth rate, a share, a rank ..."""


class RawDocument(BaseModel):
    """A document as read from a file, before extraction and storage."""

    model_config = ConfigDict(frozen=True)

    text: str
    """Text exactly as read, after decoding and newline normalization; fact offsets index it."""
    title: str
    source: str
    """Path or URL as the user gave it ('-' for stdin)."""
    published: dt.date | None = None
    language: str = "en"


class Document(BaseModel):
    """A stored document."""

    id: str
    """Stable id: a hash of the normalized text."""
    source: str
    title: str
    published: dt.date | None = None
    language: str = "en"
    text: str
    imported_at: dt.datetime
    fact_count: int = 0


class DocumentSummary(BaseModel):
    """A document row for lists: everything but the text."""

    id: str
    source: str
    title: str
    published: dt.date | None = None
    language: str = "en"
    imported_at: dt.datetime
    fact_count: int = 0


class Fact(BaseModel):
    """One figure stated in a document, with its evidence span and attribution."""

    model_config = ConfigDict(extra="ignore")

    id: int | None = None
    """Row id once stored; None for freshly extracted facts."""
    doc_id: str | None = None
    start: int
    """Code-point offset of the quote in the document text (end-exclusive ``end``)."""
    end: int
    quote: str
    number_quote: str
    value: float
    value_max: float | None = None
    unit: str | None = None
    per: str | None = None
    scale: float = 1
    normalized: float | None = None
    normalized_max: float | None = None
    qualifier: str = "="
    kind: str = "level"
    region: str | None = None
    region_level: str | None = None
    region_id: str | None = None
    subject: str | None = None
    metric: str | None = None
    metric_type: str | None = None
    share_of: str | None = None
    period: str | None = None
    period_text: str | None = None
    change_percent: float | None = None
    change_basis: str | None = None
    change_quote: str | None = None
    change_start: int | None = None
    change_end: int | None = None
    rank: int | None = None
    rank_scope: str | None = None
    equivalent_of: str | None = None
    notes: str | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None


class Region(BaseModel):
    """A place: a Chinese administrative unit, a country, a named zone or a macro-region."""

    id: str
    """Stable id: the adcode for Chinese units, ISO 3166 alpha-2 for countries, a slug for zones."""
    name: str
    """Canonical English name ("Songjiang District", "Sichuan Province", "Xi'an")."""
    level: RegionLevel
    parent_id: str | None = None
    name_zh: str | None = None
    aliases: list[str] = Field(default_factory=list)


class SearchHit(BaseModel):
    """A full-text search result over documents."""

    document: DocumentSummary
    snippet: str
    """A plain-text excerpt around the matches ("…" where it is cut)."""
    highlights: list[tuple[int, int]] = Field(default_factory=list)
    """(start, end) code-point spans of the matched terms inside ``snippet``."""
    rank: float
    """bm25 rank: lower is better."""


class StoreStats(BaseModel):
    """Counts for the status line and ``factscope stats``."""

    path: str
    documents: int
    facts: int
    regions: int
    """Regions that facts are attributed to."""
    gazetteer_regions: int
    """Places the database knows (the gazetteer and zones found in documents)."""
    schema_version: int
    sqlite_version: str
    size_bytes: int
    notes: list[str] = []
    """What works, but slower than it could here (PostgreSQL without pg_trgm)."""


class FactEvidence(BaseModel):
    """A fact with its evidence: the sentence that states it and the document it is in.

    The one record shape of a fact that leaves the store for people or scripts (search
    results, ``factscope facts --json``/``--csv``, ``factscope export``)."""

    fact: Fact
    sentence: str = ""
    """The sentence stating the figure, verbatim (the quote where no sentence was found)."""
    document_title: str
    document_source: str
    document_published: dt.date | None = None


class FactHit(FactEvidence):
    """A ranked fact search result."""

    score: float
    """100 when every query word is a whole word of the fact's attribution, 90 when every
    word is a prefix, else rapidfuzz similarity (below 90)."""


class FactResults(BaseModel):
    """One page of fact search results and an honest count of all matches."""

    hits: list[FactHit]
    total: int
    """Matches found, counting at most ``count_cap``."""
    capped: bool = False
    """True when ``total`` stopped at the cap ("10,000+")."""
    notice: str | None = None
    """A line for the user about the query itself (it was cut to its first terms)."""
    terms: list[str] = Field(default_factory=list)
    """The terms the search looked for, corrections included ("songjaing" searched as
    "songjiang"): what a front end highlights in the hits."""


class FactFacets(BaseModel):
    """How a fact query's matches spread over regions and units (bounded counts)."""

    regions: list[tuple[str, int]]
    """(region name, matches), most first."""
    units: list[tuple[str, int]]
    counted: int
    """Matches the counts cover: at most the cap."""
    capped: bool
    """True when there were more matches than were counted."""
