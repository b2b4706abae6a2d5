"""Row mapping: the model's fields are the table's columns, and a fact survives the trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlite_utils import Database

from factscope.db import Fact, RawDocument, Region, Store
from factscope.db.rows import (
    DOCUMENT_COLUMNS,
    FACT_COLUMNS,
    REGION_COLUMNS,
    SUMMARY_COLUMNS,
    fact_select,
    fact_values,
    region_from_row,
    region_values,
    select_list,
)

TEXT = "Songjiang exported 178.2 billion yuan in 2020, up 3.5 percent."


def test_every_model_field_is_a_column_of_its_table(store: Store, db_path: Path) -> None:
    # A field added to a model without a migration fails here, not in a user's import.
    tables = Database(db_path)
    # Any order: a column a migration adds comes last in the table, wherever the field is.
    assert set(tables["facts"].columns_dict) == {"id", *FACT_COLUMNS}
    assert set(FACT_COLUMNS) == set(Fact.model_fields) - {"id"}
    assert list(tables["regions"].columns_dict) == list(REGION_COLUMNS)
    assert set(tables["documents"].columns_dict) == set(DOCUMENT_COLUMNS)
    assert set(SUMMARY_COLUMNS) == set(DOCUMENT_COLUMNS) - {"text"}


def test_select_lists_quote_keywords_and_qualify() -> None:
    assert select_list(("id", "end"), "f") == 'f."id", f."end"'
    assert fact_select().startswith('"id", "doc_id", "start", "end"')


def test_a_fact_reads_back_as_it_was_stored(store: Store) -> None:
    quote = "178.2 billion yuan"
    start = TEXT.index(quote)
    fact = Fact(
        start=start,
        end=start + len(quote),
        quote=quote,
        number_quote="178.2",
        value=178.2,
        scale=1e9,
        normalized=178.2e9,
        unit="CNY",
        period="2020",
        change_percent=3.5,
        rank=None,
        notes="as stated",
    )
    _, doc_id = store.add_document(RawDocument(text=TEXT, title="T", source="a.txt"), [fact])
    [stored] = store.facts_for_document(doc_id)
    assert stored.model_dump(exclude={"id", "doc_id"}) == fact.model_dump(exclude={"id", "doc_id"})
    assert stored.doc_id == doc_id and stored.id is not None
    assert store.fact(stored.id) == stored
    values = fact_values(fact, doc_id)
    assert values[FACT_COLUMNS.index("doc_id")] == doc_id
    assert values[FACT_COLUMNS.index("end")] == fact.end


def test_a_region_reads_back_as_it_was_stored(store: Store) -> None:
    region = Region(id="310117", name="Songjiang District", level="district", aliases=["松江"])
    assert region_from_row(region_values(region)) == region
    store.add_regions([region])
    assert store.region("310117") == region


def test_a_document_reads_back_with_its_date(store: Store) -> None:
    raw = RawDocument(text=TEXT, title="T", source="a.txt", published=dt.date(2021, 1, 2))
    _, doc_id = store.add_document(raw, [])
    document = store.document(doc_id)
    assert (document.text, document.published, document.source) == (TEXT, raw.published, "a.txt")
    assert [d.id for d in store.iter_documents()] == [doc_id]
