"""The typed draft of a fact while the sentence passes attribute it, and its conversion.

:func:`draft_of` fills what the figure itself states (span, quotes, value, unit, scale,
qualifier, rank); the passes of :mod:`.sentence` fill the rest, in order; :meth:`Draft.fact`
makes the stored :class:`Fact`. A dataclass rather than a dict: a misspelt field is an error at
once (mypy, or ``AttributeError``), not a silent new key.
"""

from __future__ import annotations

from dataclasses import dataclass

from factscope.db.models import Fact, Region

from .figure import Figure

CHANGE_FIELDS = ("change_percent", "change_basis", "change_quote", "change_start", "change_end")
_PERCENTS = ("percent", "percentage point")


@dataclass
class Draft:
    """Every field of a :class:`Fact` but the store's ``id`` and ``doc_id``."""

    start: int
    end: int
    quote: str
    number_quote: str
    value: float
    unit: str | None
    scale: float
    normalized: float
    sentence_start: int
    sentence_end: int
    value_max: float | None = None
    normalized_max: float | None = None
    per: str | None = None
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

    def set_region(self, region: Region | None) -> None:
        """Attribute the draft to ``region`` (None: to no place; fields never set already read
        None, and a field left unset is one less for :meth:`fact` to validate)."""
        if region is None:
            if (self.region, self.region_level, self.region_id) != (None, None, None):
                self.region = self.region_level = self.region_id = None
        else:
            self.region, self.region_level, self.region_id = region.name, region.level, region.id

    def add_note(self, note: str) -> None:
        """Append ``note`` to the notes."""
        self.notes = f"{self.notes}; {note}" if self.notes else note

    def clear_change(self) -> None:
        """No change: a gap between rates, or a figure that only restates one."""
        for name in CHANGE_FIELDS:
            setattr(self, name, None)

    def fact(self) -> Fact:
        """The finished :class:`Fact` (validated: a wrong type fails here, not in the store).
        Fields never set read the Fact's defaults, which are the draft's. Validation is the
        cheap way too: 8 ms/MB on the seeds, ``Fact.model_construct`` (Python) 26."""
        fact: Fact = _VALIDATE(self.__dict__)  # typed Any by pydantic-core
        return fact


# Fact.model_validate without its Python frame (the same validator; one call less a fact)
_VALIDATE = Fact.__pydantic_validator__.validate_python


def draft_of(text: str, fig: Figure, s_start: int, s_end: int) -> Draft:
    """What the figure states by itself; the quote of a percent or a range is all of it."""
    number_quote = text[fig.num_start : fig.num_end]
    if fig.unit in _PERCENTS:
        number_quote = text[fig.start : fig.end]
    if fig.value_max is not None and fig.unit not in _PERCENTS:
        number_quote = text[fig.start : fig.num_end]
        if fig.start != fig.num_start:
            number_quote = text[fig.num_start : fig.num_end]
    # Filled as a dict, not through the generated __init__ (which sets all 34 fields, three
    # times slower), and only with what the figure states: the fields left out read the class
    # defaults, as the Fact's do, and each field left out is one less to validate in fact().
    fields = {
        "start": fig.start,
        "end": fig.end,
        "quote": text[fig.start : fig.end],
        "number_quote": number_quote,
        "value": fig.value,
        "unit": fig.unit,
        "scale": fig.scale,
        "normalized": fig.value * fig.scale,
        "sentence_start": s_start,
        "sentence_end": s_end,
    }
    if fig.value_max is not None:
        fields["value_max"] = fig.value_max
        fields["normalized_max"] = fig.value_max * fig.scale
    if fig.per is not None:
        fields["per"] = fig.per
    if fig.qualifier != "=":  # the default: one field less to validate
        fields["qualifier"] = fig.qualifier
    if fig.rank is not None or fig.rank_scope is not None:
        fields["rank"], fields["rank_scope"] = fig.rank, fig.rank_scope
    if fig.notes:
        fields["notes"] = "; ".join(fig.notes) or None
    draft = Draft.__new__(Draft)
    draft.__dict__ = fields  # the draft's own dict: no copy
    return draft
