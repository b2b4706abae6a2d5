"""A table of cases per sentence pass: what the pass decides, and that without it the fact
would be different (so each row shows the pass doing its work). Sentences in our own words."""

from __future__ import annotations

import datetime as dt

import pytest

from factscope.db.models import Fact
from factscope.importers.extract import extract_facts, kinds, passes
from factscope.importers.extract.rates import SHARE_MOVE_NOTE

PUBLISHED = dt.date(2021, 3, 1)

# (pass, text, quote of the figure, field, value the pass gives it)
CASES: list[tuple[str, str, str, str, object]] = [
    ("context", "Hubei's exports reached 120 billion yuan in 2020, up 8.2 percent year on year.",
     "120 billion yuan", "change_percent", 8.2),
    ("region", "Hubei's exports reached 120 billion yuan in 2020.",
     "120 billion yuan", "region", "Hubei Province"),
    ("per", "Firms with annual revenue of at least 20 million yuan numbered 300.",
     "20 million yuan", "per", "year"),
    ("per", "Firms with YEARLY revenue of at least 20 million yuan numbered 300.",
     "20 million yuan", "per", "year"),
    ("subject", "Haier's revenue reached 300 billion yuan in 2020.",
     "300 billion yuan", "subject", "Haier"),
    ("period", "Hubei's exports reached 120 billion yuan in 2020.",
     "120 billion yuan", "period", "2020"),
    ("change", "Hubei's exports reached 120 billion yuan in 2020, up 8.2 percent year on year.",
     "120 billion yuan", "change_basis", "yoy"),
    ("kind_metric", "Hubei's exports reached 120 billion yuan in 2020.",
     "120 billion yuan", "metric_type", "exports"),
    ("rank_metric", "In 2020 Hubei's GDP reached 4.3 trillion yuan, ranking 7th in China; the "
     "province ranked 7th for the third year.", "7th", "metric_type", "gdp"),
    ("carried_metric", "Hubei's exports reached 120 billion yuan in 2020 and 130 billion yuan "
     "in 2021.",
     "130 billion yuan", "metric_type", "exports"),
    ("list_metric", "Hubei's exports and imports grew 8.1% and 2.4% respectively in 2020.",
     "2.4%", "metric_type", "imports"),
    ("count_metric", "In 2020 the number of visitors rose to 6.5 million.",
     "6.5 million", "metric", "number of visitors"),
    ("share_link", "Hubei's exports totaled 120 billion yuan in 2020, accounting for 60 percent "
     "of its foreign trade.", "60 percent", "metric_type", "exports"),
    ("metric_fields", "Hubei's exports reached 120 billion yuan in 2020.",
     "120 billion yuan", "metric_type", "exports"),
    ("named_rate", "In 2020, the GDP growth rate of Hubei, Hunan and Henan was 5.2%, 4.1% and "
     "3.0%.", "4.1%", "kind", "change"),
    ("national_rate", "Hubei's exports grew 9 percent in 2020, above the national average of "
     "6 percent.", "6 percent", "region", "China"),
    ("national_rate", "Hubei's exports grew 9 percent in 2020, above the NATIONAL average of "
     "6 percent.", "6 percent", "region", "China"),
    ("national_rate", "湖北出口增长9%，高于全国平均水平6%。", "6%", "region", "China"),
    ("moved_share", "Exports accounted for 60 percent of Hubei's trade in 2020, an increase "
     "of 2 percent.",
     "2 percent", "notes", SHARE_MOVE_NOTE),
    ("rate_gap", "Hubei's export growth in 2020 was 4.1% higher than the national average.",
     "4.1%", "change_percent", None),
    ("carry", "In the first half of 2020, Hubei's trade rose. Exports reached 50 billion yuan.",
     "50 billion yuan", "period", "2020-01/2020-06"),
    ("remember_metric", "Hubei's exports reached 120 billion yuan in 2020 and 130 billion yuan "
     "in 2021.", "130 billion yuan", "metric_type", "exports"),
    ("links", "Hubei's exports reached 120 billion yuan (18 billion U.S. dollars) in 2020.",
     "18 billion U.S. dollars", "equivalent_of", "120 billion yuan"),
]  # fmt: skip


def _fact(text: str, quote: str) -> Fact | None:
    """The last fact quoting ``quote`` (a rank restated later in the sentence, say)."""
    found = [f for f in extract_facts(text, PUBLISHED) if f.quote == quote]
    return found[-1] if found else None


def test_every_pass_has_a_case() -> None:
    assert {name for name, _ in passes.PASSES} == {case[0] for case in CASES}


@pytest.mark.parametrize(("name", "text", "quote", "attribute", "value"), CASES)
def test_the_pass_decides_the_field(
    name: str,
    text: str,
    quote: str,
    attribute: str,
    value: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fact = _fact(text, quote)
    assert fact is not None, f"no fact {quote!r}"
    assert getattr(fact, attribute) == value
    without = tuple((n, run) for n, run in passes.PASSES if n != name)
    monkeypatch.setattr(passes, "PASSES", without)
    fact = _fact(text, quote)
    assert fact is None or getattr(fact, attribute) != value


@pytest.mark.parametrize(
    "after",
    [
        " every day",
        " EVERY DAY",
        " each Year",
        " per month,",
        " per\xa0week",
        " reached 5",
        " per  year",
        " a day",
        " every",
        " each of them",
        " per capita a year",
        " every dAy",
        " each \u212aweek",
        " that each day",
        " per year and every day",
        "",
        " Every day",
        " per-year",
        " each\nmonth",
        " perday",
        " everyday",
    ],
)
def test_the_detached_per_gate_reads_what_the_word_gate_read(after: str) -> None:
    """``_may_be_detached`` before the pattern finds what the gate it replaced (one of
    ``_PER_WORDS`` as written) found before it: its period words are a necessary condition."""
    before = any(word in after for word in passes._PER_WORDS)
    found = passes._DETACHED_PER_RE.match(after) is not None
    assert (before and found) == (passes._may_be_detached(after) and found)
    assert passes._may_be_detached(after) <= before


_LINK_PIECES = (
    "accounting", "ACCOUNTED", "accounts", "making up", "Made Up", "representing",
    "repreſented", "for", " ", "  ", "about", "more than", "，", ",", "占", "全省", ";", "the",
    "total", "MAKING", "maKing", "of", "exports", "\n", "\xa0", "ac", "count", "K",
)  # fmt: skip


@pytest.mark.parametrize("seed", range(4))
def test_share_link_gate_passes_every_match_of_the_pattern(seed: int) -> None:
    """The cheap gate before ``_SHARE_LINK_RE`` is a necessary condition: it never refuses a
    text the pattern matches (random texts of the pattern's own words, cases and spaces)."""
    import random

    rng = random.Random(seed)
    matched = 0
    for _ in range(5000):
        text = "".join(rng.choice(_LINK_PIECES) for _ in range(rng.randint(0, 8)))
        if kinds._SHARE_LINK_RE.match(text):
            matched += 1
            assert kinds.links_share(text), text
        else:
            assert not kinds.links_share(text), text
    assert matched > 50  # the texts reach the pattern often enough to test the gate
