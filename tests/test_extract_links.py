"""Company subjects, bracketed conversions and restated counts (:mod:`importers.extract.links`)
through the whole extractor, on sentences of our own."""

from __future__ import annotations

import pytest

from factscope.db.models import Fact
from factscope.importers.extract import extract_facts, links
from factscope.importers.extract.attach import BRACKET_GAP_RE


def _by_quote(text: str) -> dict[str, Fact]:
    return {f.quote: f for f in extract_facts(text)}


@pytest.mark.parametrize(
    ("text", "quote", "subject"),
    [
        ("Midea's revenue reached 343 billion yuan in 2021.", "343 billion yuan", "Midea"),
        ("BYD Co., Ltd.'s sales rose to 216 billion yuan.", "216 billion yuan", "BYD Co., Ltd."),
        ("Guangdong's exports reached 5 trillion yuan.", "5 trillion yuan", None),  # a place
        ("In May's data, exports reached 3 billion yuan.", "3 billion yuan", None),  # a month
    ],
)  # fmt: skip
def test_company(text: str, quote: str, subject: str | None) -> None:
    assert _by_quote(text)[quote].subject == subject


def test_a_bracketed_conversion_restates_the_figure_before_it() -> None:
    facts = _by_quote("Hubei's exports hit 600 billion yuan (93 billion U.S. dollars) in 2021.")
    converted = facts["93 billion U.S. dollars"]
    assert converted.equivalent_of == "600 billion yuan"
    assert (converted.region, converted.period, converted.metric_type) == (
        "Hubei Province",
        "2021",
        "exports",
    )


def test_an_unbracketed_amount_is_no_conversion() -> None:
    facts = _by_quote("Exports hit 600 billion yuan, while imports were 93 billion U.S. dollars.")
    assert facts["93 billion U.S. dollars"].equivalent_of is None


def test_a_restated_count_inherits_its_place() -> None:
    text = (
        "Jiangsu has 13 cities with a port. Trade grew in all the 13 cities, the provincial "
        "commerce department said."
    )
    facts = extract_facts(text)
    restated = [f for f in facts if f.notes and "restatement" in f.notes]
    assert [f.quote for f in restated] == ["13 cities"]
    assert restated[0].region == "Jiangsu Province"


def test_a_conversion_set_off_by_a_comma() -> None:
    facts = _by_quote("Per capita GDP stood at 73,675 yuan, or about 10,950 U.S. dollars, in 2021.")
    converted = facts["10,950 U.S. dollars"]
    assert (converted.equivalent_of, converted.qualifier, converted.period) == (
        "73,675 yuan",
        "~",
        "2021",
    )
    # a share after "or" is no conversion
    shares = _by_quote("Exports reached 1.2 trillion yuan, or 15 percent of the total.")
    assert shares["15 percent"].equivalent_of is None


@pytest.mark.parametrize(
    "gap",
    [
        " (", "（", " ( about ", " (or ", ", or about ", ",or ", " ,\xa0or\xa0some ", "(",
        " or about ", " about ", "", " and ", " \uff08approximately ", "\xa0(close to ",
    ],
)  # fmt: skip
def test_the_gap_gate_passes_every_gap_a_pattern_reads(gap: str) -> None:
    """``equivalent`` returns before its patterns when the gap holds none of "(", "（", ",":
    each pattern needs one of them."""
    read = bool(BRACKET_GAP_RE.match(gap) or links._OR_ABOUT_GAP_RE.match(gap))
    assert not read or any(mark in gap for mark in "(（,")
