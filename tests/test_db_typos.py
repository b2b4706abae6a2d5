"""The persisted typo vocabulary (``fact_terms``): kept equal to the FTS index's own words
through inserts, replacements and deletes, read by a new store, used for completion."""

from __future__ import annotations

from pathlib import Path

from factscope.db import Fact, RawDocument, Store
from factscope.db.typos import Vocabulary, index_words

TEXTS = [
    "Hải Phòng's exports reached 12.5 billion yuan in 2020, up 3.1 percent.",
    "Zürich-based firms invested 7 billion US dollars in Songjiang_District.",
    "2021年四川省货物贸易进出口总值9513.6亿元，比2020年增长17.6%。",
]


def _document(text: str, source: str, unit: str, metric_type: str) -> tuple[RawDocument, Fact]:
    quote = next(
        q for q in ("12.5 billion yuan", "7 billion US dollars", "9513.6亿元") if q in text
    )
    start = text.index(quote)
    fact = Fact(
        start=start,
        end=start + len(quote),
        quote=quote,
        number_quote=quote.split(" ")[0],
        value=1.0,
        unit=unit,
        metric="exports" if "exports" in text else None,
        metric_type=metric_type,
        region="Hải Phòng" if "Hải" in text else None,
        sentence_start=0,
        sentence_end=len(text),
    )
    return RawDocument(text=text, title="T", source=source), fact


def _persisted(conn: object) -> dict[tuple[str, str], int]:
    rows = conn.execute("SELECT field, term, facts FROM fact_terms")  # type: ignore[attr-defined]
    return {(field, term): n for field, term, n in rows}


def _from_index(conn: object) -> dict[tuple[str, str], int]:
    """What fact_terms should hold: the FTS index's own words, and values counted by SQL."""
    rows = conn.execute("SELECT term, doc FROM facts_vocab")  # type: ignore[attr-defined]
    expected = {("", t): n for t, n in rows if len(t) >= 3 and t.isalpha()}
    for name in ("unit", "kind", "metric_type"):
        grouped = conn.execute(  # type: ignore[attr-defined]
            f"SELECT {name}, count(*) FROM facts WHERE {name} IS NOT NULL GROUP BY {name}"
        )
        expected.update({(name, v): n for v, n in grouped})
    return expected


def test_fact_terms_follow_the_index_through_inserts_replaces_and_deletes(store: Store) -> None:
    conn = store._conn
    kinds = [("CNY", "exports"), ("USD", "fdi"), ("CNY", "trade_total")]
    for index, (text, (unit, metric_type)) in enumerate(zip(TEXTS, kinds, strict=True)):
        raw, fact = _document(text, f"{index}.txt", unit, metric_type)
        store.add_document(raw, [fact])
    assert _persisted(conn) == _from_index(conn)
    assert ("", "hai") in _persisted(conn)  # diacritics folded as unicode61 folds them
    assert _persisted(conn)[("unit", "CNY")] == 2
    # Replace the first document (same source, new text), delete the second.
    raw, fact = _document(TEXTS[0].replace("Hải Phòng", "Hue"), "0.txt", "USD", "exports")
    store.add_document(raw, [fact])
    store.delete_document(_doc_id(store, "1.txt"))
    assert _persisted(conn) == _from_index(conn)
    assert ("", "zürich") not in _persisted(conn) and ("", "zurich") not in _persisted(conn)
    assert ("", "phong") not in _persisted(conn)
    for source in ("0.txt", "2.txt"):
        store.delete_document(_doc_id(store, source))
    assert _persisted(conn) == {}


def _doc_id(store: Store, source: str) -> str:
    return str(
        store._conn.execute("SELECT id FROM documents WHERE source = ?", (source,)).fetchone()[0]
    )


def test_a_new_store_corrects_from_the_persisted_table(db_path: Path) -> None:
    with Store.open(db_path) as store:
        raw, fact = _document(TEXTS[0], "0.txt", "CNY", "exports")
        store.add_document(raw, [fact])
        # Without the fts5vocab table the only vocabulary left is fact_terms.
        store._conn.execute("DROP TABLE facts_vocab")
    with Store.open(db_path) as reopened:
        assert [h.fact.quote for h in reopened.search_facts("hai phongg").hits] == [
            "12.5 billion yuan"
        ]


def test_completion_and_word_endings(any_store: Store) -> None:
    for index, (unit, metric_type) in enumerate([("USD", "fdi"), ("usd_per_ton", "exports")]):
        raw, fact = _document(TEXTS[index], f"{index}.txt", unit, metric_type)
        any_store.add_document(raw, [fact])
    vocabulary, conn = Vocabulary(), any_store._conn
    assert vocabulary.complete(conn, "unit", "usd") == ["USD"]  # the exact value only
    assert vocabulary.complete(conn, "unit", "us") == ["USD", "usd_per_ton"]
    assert vocabulary.complete(conn, "unit", "usd_") == ["usd_per_ton"]  # "_" is literal
    assert vocabulary.complete(conn, "unit", "%") == []
    assert vocabulary.complete(conn, "metric_type", "f") == ["fdi"]
    assert vocabulary.ending_with(conn, "ong") == ["phong"]
    assert vocabulary.ending_with(conn, "xyz") == []


def test_index_words_match_the_tokenizer() -> None:
    assert index_words("Songjiang_District's GDP, 2020: Hải 成都市 ab") == {
        "songjiang",
        "district",
        "gdp",
        "hai",
        "成都市",
    }
