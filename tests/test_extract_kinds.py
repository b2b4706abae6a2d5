"""Kind, metric and share denominator of single figures (:mod:`importers.extract.kinds`),
through the whole extractor, on sentences of our own."""

from __future__ import annotations

import pytest

from factscope.importers.extract import extract_facts


@pytest.mark.parametrize(
    ("text", "quote", "kind", "metric_type", "share_of"),
    [
        ("Exports reached 40 billion yuan.", "40 billion yuan", "level", "exports", None),
        ("Exports rose 7.5 percent.", "7.5 percent", "change", "exports", None),
        ("The share rose 1.2 percentage points.", "1.2 percentage points", "diff", None, None),
        ("Private firms accounted for 61 percent of the city's exports.", "61 percent",
         "share", "exports", "the city's exports"),
        ("The park covers 120,000 square meters.", "120,000 square meters", "level", "area",
         None),
        ("The project took 18 months.", "18 months", "duration", "duration", None),
        ("Firms with annual revenue of at least 20 million yuan qualify.", "20 million yuan",
         "threshold", "revenue", None),
        ("The county has 320 logistics companies.", "320 logistics companies", "level",
         "count", None),
        ("常住人口2100万人。", "2100万人", "level", "count", None),
    ],
)  # fmt: skip
def test_kind_and_metric(
    text: str, quote: str, kind: str, metric_type: str | None, share_of: str | None
) -> None:
    [fact] = [f for f in extract_facts(text) if f.quote == quote]
    assert (fact.kind, fact.metric_type, fact.share_of) == (kind, metric_type, share_of)


def test_a_share_denominator_stops_before_a_period() -> None:
    text = "Services accounted for 44 percent of the province's output last year."
    [fact] = extract_facts(text)
    assert fact.share_of == "the province's output"


def test_a_pronoun_is_no_count_noun() -> None:
    # own sentence: "new ones" names nothing; the metric stays empty rather than junk
    facts = {f.quote: f for f in extract_facts("It had 120 parks and added 30 new ones in 2023.")}
    assert facts["30 new ones"].metric is None
    assert facts["120 parks"].metric == "parks"
