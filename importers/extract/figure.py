"""The record every reader of figures produces: a candidate fact before attribution."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Figure:
    """A candidate fact before attribution; offsets index the document text."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    scale: float
    unit: str | None
    per: str | None = None
    value_max: float | None = None
    qualifier: str = "="
    duration: bool = False
    noun: str | None = None
    rank: int | None = None
    rank_scope: str | None = None
    is_rank: bool = False
    rank_verb: int | None = None  # where a Chinese ranking clause starts ("居全国第3位")
    bare: bool = False
    notes: list[str] = field(default_factory=list)
