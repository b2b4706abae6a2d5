"""The typed draft of a fact: what a figure states by itself, notes, and the finished Fact."""

from __future__ import annotations

import dataclasses

import pytest
from pydantic import ValidationError

from factscope.db.models import Fact, Region
from factscope.importers.extract.draft import CHANGE_FIELDS, Draft, draft_of
from factscope.importers.extract.figure import Figure

TEXT = "Exports reached 305.57 billion yuan, up 13.1 percent."


def _figure() -> Figure:
    start = TEXT.index("305.57")
    return Figure(start, start + 19, start, start + 14, 305.57, 1e9, "CNY", notes=["a note"])


def test_a_draft_has_every_field_of_a_fact_but_the_store_ids() -> None:
    draft_fields = {f.name for f in dataclasses.fields(Draft)}
    assert draft_fields == set(Fact.model_fields) - {"id", "doc_id"}
    assert set(CHANGE_FIELDS) <= draft_fields


def test_the_draft_defaults_are_the_facts() -> None:
    # draft_of sets only what a figure states: the other fields read these class defaults,
    # and the Fact made from the draft takes its own defaults for them
    for f in dataclasses.fields(Draft):
        if f.default is not dataclasses.MISSING:
            assert Fact.model_fields[f.name].default == f.default, f.name


def test_draft_of_a_figure_states_value_quote_and_scale() -> None:
    draft = draft_of(TEXT, _figure(), 0, len(TEXT))
    assert (draft.quote, draft.number_quote) == ("305.57 billion yuan", "305.57 billion")
    assert draft.normalized == pytest.approx(305.57e9)
    assert draft.notes == "a note"
    fact = draft.fact()
    assert (fact.unit, fact.kind, fact.sentence_end) == ("CNY", "level", len(TEXT))


def test_notes_regions_and_changes() -> None:
    draft = draft_of(TEXT, _figure(), 0, len(TEXT))
    draft.add_note("second")
    assert draft.notes == "a note; second"
    draft.set_region(Region(id="310117", name="Songjiang District", level="district"))
    assert (draft.region, draft.region_id) == ("Songjiang District", "310117")
    draft.set_region(None)
    assert draft.region is None and draft.region_level is None
    draft.change_percent, draft.change_quote, draft.change_start = 13.1, "13.1 percent", 40
    draft.clear_change()
    assert all(getattr(draft, name) is None for name in CHANGE_FIELDS)


def test_a_wrong_type_fails_when_the_fact_is_made() -> None:
    draft = draft_of(TEXT, _figure(), 0, len(TEXT))
    draft.value = "many"  # type: ignore[assignment]
    with pytest.raises(ValidationError):
        draft.fact()


def test_a_none_leaves_a_field_unset_and_the_fact_reads_none() -> None:
    # fields a figure does not state are not written (one less to validate), yet read None
    draft = draft_of(TEXT, dataclasses.replace(_figure(), notes=[]), 0, len(TEXT))
    draft.set_region(None)
    unset = {"value_max", "normalized_max", "per", "rank", "rank_scope", "notes", "region"}
    assert not unset & set(vars(draft))
    fact = draft.fact()
    assert all(getattr(fact, name) is None for name in unset)
    # a region set, then taken back, is None again
    draft.set_region(Region(id="310117", name="Songjiang District", level="district"))
    draft.set_region(None)
    assert (draft.region, draft.region_level, draft.region_id) == (None, None, None)
    assert draft.fact().region_id is None


def test_a_range_states_its_maximum() -> None:
    start = TEXT.index("305.57")
    fig = Figure(start, start + 19, start, start + 14, 300.0, 1e9, "CNY", value_max=305.57)
    fact = draft_of(TEXT, fig, 0, len(TEXT)).fact()
    assert fact.value_max == 305.57
    assert fact.normalized_max == pytest.approx(305.57e9)
