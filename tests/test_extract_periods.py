"""Periods: years, months, quarters, halves, cumulative months, multi-year spans, relative years."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from factscope.importers.extract import extract_facts, guess_published, periods
from factscope.importers.extract._fold import fold_case
from factscope.importers.extract.periods import find_periods


def _periods(
    text: str, ref_year: int | None = None, published: dt.date | None = None
) -> list[str | None]:
    return [p.value for p in find_periods(text, 0, len(text), ref_year, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hunan's GDP in 2022 reached", ["2022"]),
        ("in late March 2021 the plant", ["2021-03"]),
        ("exports in July rose", ["XXXX-07"]),
        ("in the first quarter, output", ["XXXX-01/XXXX-03"]),
        ("in the third quarter of 2019", ["2019-07/2019-09"]),
        ("in the first half of 2023", ["2023-01/2023-06"]),
        ("in the first seven months", ["XXXX-01/XXXX-07"]),
        ("In the first 8 months of 2022", ["2022-01/2022-08"]),
        ("from January to April", ["XXXX-01/XXXX-04"]),
        ("between 2013 and 2018, revenue", ["2013/2018"]),
        ("during the 13th Five-Year Plan period (2016-2020)", ["2016/2020"]),
        ("Q3 2020 sales", ["2020-07/2020-09"]),
        ("so far, 300 firms", [None]),
        ("over the past five years", [None]),
        ("compared with the same period of 2019", []),
        ("you may see growth", []),
        # the dateline of a news story is when it was filed, not a period of its figures
        ("NANNING, Sept. 14 (Xinhua) -- In 2021, output", ["2021"]),
        ("XIAMEN, May 2 -- Tourism revenue", []),
        ("on March 2 the port", ["XXXX-03"]),
        # the base of a comparison, not the period of the figure
        ("1,500 hotels, double the number in 2012", []),
        ("output, three times the amount of 2015", []),
    ],
)
def test_period_table(text: str, expected: list[str | None]) -> None:
    assert _periods(text) == expected


def test_relative_years_use_reference_year() -> None:
    assert _periods("Last year, trade rose", 2022) == ["2021"]
    assert _periods("this year the city", 2022) == ["2022"]
    assert _periods("Last year, trade rose") == ["XXXX"]


def test_month_year_from_publication_date() -> None:
    assert _periods("exports in April", None, dt.date(2021, 6, 3)) == ["2021-04"]
    assert _periods("exports in November", None, dt.date(2021, 6, 3)) == ["2020-11"]


def test_sentence_year_fills_months() -> None:
    assert _periods("In 2018, exports in May rose") == ["2018", "2018-05"]


def test_guess_published_prefers_a_date_line() -> None:
    text = "Briefing on March 3, 2022\n\n2022.03.04\n\nBody text."
    assert guess_published(text) == dt.date(2022, 3, 4)
    assert guess_published("No date here.") is None


# The base of a comparison is no period of the figure: "compared with the same month of 2021",
# "the same period last year", "than (in) 2019", "1.5 times the figure in 2018".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fell 2 percent in June compared with the same month of 2021", ["XXXX-06"]),
        ("rose 4 percent compared with the same period last year", []),
        ("rose 4 percent from the same quarter of 2020", []),
        ("grew 9 percent over the corresponding period in 2019", []),
        ("were 12 percent higher than in 2018", []),
        ("were 3 percent lower than 2020", []),
        ("reached 1.5 times the figure in 2018", []),
        ("recovered to 90 percent of the level of 2019", []),
        ("stood above the 2019 level", []),
        ("compared with those of 2017", []),
        # the figure's own period stays: another figure's year, "the figure for 2021"
        ("reached 8 billion yuan in 2022, compared with 6 billion yuan in 2021",
         ["2022", "2021"]),
        ("while the figure for 2021 was", ["2021"]),
        ("exceeding the 2019 level of 45 million tons", ["2019"]),
        ("the total value in 2021 reached", ["2021"]),
    ],
)  # fmt: skip
def test_compared_periods_are_skipped(text: str, expected: list[str | None]) -> None:
    assert _periods(text) == expected


@pytest.mark.parametrize(
    ("text", "quote", "period", "basis"),
    [
        # undated: the comparison with 2021 dates the figure to 2022 (real-dev README, issue 13)
        ("Industrial output in Foshan rose 6.2 percent in August compared with the same month "
         "of 2021.", "6.2 percent", "2022-08", "yoy"),
        ("Wuhu's foreign trade fell 8.3 percent compared with the same period last year, to 41.5 "
         "billion yuan.", "41.5 billion yuan", None, "yoy"),
        ("Guilin welcomed 3.1 million tourists during the May Day holiday, about 1.2 times the "
         "figure in 2019.", "3.1 million tourists", None, None),
        ("Hotel bookings in Lhasa were 40 percent higher than in 2019.", "40 percent", None,
         "unstated"),
    ],
)  # fmt: skip
def test_compared_period_is_not_the_figures(
    text: str, quote: str, period: str | None, basis: str | None
) -> None:
    [fact] = [f for f in extract_facts(text) if f.quote == quote]
    assert (fact.period, fact.change_basis) == (period, basis)


@pytest.mark.parametrize(
    ("text", "quote", "period", "period_text"),
    [
        # "during the same period" restates the last period of the paragraph
        (
            "Lianyungang's port handled 2.1 million TEUs in 2016. During the same period, "
            "exports reached 52 billion yuan.",
            "52 billion yuan",
            "2016",
            "During the same period",
        ),
        (
            "In the first half of 2015, Rizhao's exports hit 18 billion yuan. Imports rose "
            "4.2% in the same period.",
            "4.2%",
            "2015-01/2015-06",
            "in the same period",
        ),
        # the base of a comparison is no period of the figure: the flow continues the
        # paragraph's period (no period text of its own), never 2013
        (
            "Exports were 30 billion yuan in 2014. Imports were 11 billion yuan, down 3% "
            "from the same period of 2013.",
            "11 billion yuan",
            "2014",
            None,
        ),
        # the period of an article reaches its later paragraphs (issue 13)
        (
            "Exports were 30 billion yuan in 2014.\n\nIn the same period, imports were "
            "11 billion yuan.",
            "11 billion yuan",
            "2014",
            "In the same period",
        ),
    ],
)
def test_same_period_inherits_the_previous_period(
    text: str, quote: str, period: str | None, period_text: str | None
) -> None:
    got = {f.quote: (f.period, f.period_text) for f in extract_facts(text)}
    assert got[quote] == (period, period_text)


_PERIOD_OPENINGS = [
    "between 2020", "from 2020", "(2019", "2019", "jan", "feb", "mar", "apr", "may", "jun",
    "jul", "aug", "sep", "oct", "nov", "dec", "the first", "the second", "the third",
    "the fourth", "the 1st", "the 2nd", "the 3rd", "the 4th", "the previous", "the current",
    "the 8 months ended", "the eleven months ended", "first ", "second ", "third ", "fourth ",
    "1st ", "2nd ", "3rd ", "4th ", "q3", "h2", "early-", "mid ", "late ", "since", "so far",
    "up to now", "at present", "currently", "over the past", "in the last", "during the past",
    "this year", "last year", "next year", "this month", "last month", "the past month",
]  # fmt: skip


@pytest.mark.parametrize("opening", _PERIOD_OPENINGS)
def test_period_gate_sees_every_opening(opening: str) -> None:
    # the gate tests the first character before the branches: each branch must begin with one
    def starts(text: str) -> list[int]:
        return [m.start() + 1 for m in periods._PERIOD_GATE_RE.finditer(text)]

    assert 2 in starts(f", {opening} x")
    assert 1 not in starts(f"x{opening} x")  # glued to a word: no period starts there


# The gate as one flat alternation, before its branches were grouped by first character.
_FLAT_PERIOD_GATE_RE = re.compile(
    r"[^a-z0-9](?=[(1234abcdefhijlmnoqstu])(?="
    r"between\s|from\s|\(?(?:19|20)\d\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"the\s+(?:first|second|third|fourth|1st|2nd|3rd|4th|previous|current|\d{1,2}\s+months\s+end|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months\s+end)|"
    r"(?:first|second|third|fourth|1st|2nd|3rd|4th)\s|q[1-4]|h[12]|(?:early|mid|late)[-\s]|"
    r"since|so\s+far|up\s+to\s+now|at\s+present|currently|"
    r"(?:over|in|during)\s+the\s+(?:past|last)|(?:this|last|next)\s+year|(?:this|last)\s+month|"
    r"the\s+past\s+month)"
)


def test_grouped_period_gate_finds_what_the_flat_alternation_found() -> None:
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    texts = [", ".join(_PERIOD_OPENINGS + [o.upper() for o in _PERIOD_OPENINGS])]
    texts += [p.read_text(encoding="utf-8") for p in sorted(samples.iterdir())]
    hits = 0
    for text in map(fold_case, texts):
        flat = [m.start() for m in _FLAT_PERIOD_GATE_RE.finditer(text)]
        assert [m.start() for m in periods._PERIOD_GATE_RE.finditer(text)] == flat
        for lo in range(0, len(text), 97):  # windows too: the look-ahead stops at their end
            window = [m.start() for m in _FLAT_PERIOD_GATE_RE.finditer(text, lo, lo + 30)]
            assert [
                m.start() for m in periods._PERIOD_GATE_RE.finditer(text, lo, lo + 30)
            ] == window
        hits += len(flat)
    assert hits > 150  # every opening twice, and the samples' periods


def test_folded_twin_matches_what_period_re_matches_in_the_text() -> None:
    # the periods are matched in the folded text, case-sensitively: every group's span must be
    # the one PERIOD_RE (IGNORECASE) finds in the text itself, at any start
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.iterdir())]
    phrases = ", ".join(_PERIOD_OPENINGS) + ", January to MAY 2020, ſince 2019, Q3 2021"
    texts += [phrases, phrases.upper(), phrases.title(), "H1 of THIS YEAR, the \u212aelvin"]
    twin, matched = periods._PERIOD_FOLDED_RE, 0
    for text in texts:
        folded = fold_case(text)
        for start in range(len(text)):
            for end in (len(text), min(len(text), start + 12)):
                a, b = periods.PERIOD_RE.match(text, start, end), twin.match(folded, start, end)
                assert (a is None) == (b is None), (text[start:end], start)
                if a is not None and b is not None:
                    assert a.lastgroup == b.lastgroup
                    assert [a.span(g) for g in a.groupdict()] == [b.span(g) for g in a.groupdict()]
                    matched += 1
    assert matched > 250


def test_branch_guards_keep_what_the_plain_pattern_matches() -> None:
    # each branch of PERIOD_RE is entered only at one of its first characters
    # (_BRANCH_FIRSTS): at every start, the pattern without those looks matches the same
    # branch with the same groups
    plain = re.compile(periods._PERIOD_SOURCE, re.IGNORECASE | re.VERBOSE)
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.iterdir())]
    phrases = (
        ", ".join(_PERIOD_OPENINGS) + ", between 2019 and March 2021, from 2016 through 2020, "
        "(2016-20), 2016–2021, from January to May, the 12 months ended June 30 2021, eleven "
        "months ending in May, the ٣ months ended May, first nine months of last year, the third "
        "quarter, 4th quarter, Q3 2021, the first two quarters, second half of the year, H2 2020, "
        "early-March, mid June, late May, since last March, so far, up to now, at present, "
        "currently, over the past 11 months of 2019, in the last decade, during the past years, "
        "this year, the previous year, next year, last month, the past month, 1999, 2023"
    )
    texts += [phrases, phrases.upper(), phrases.title(), "ſince 2019, \u212a, İn the past year"]
    matched = 0
    for text in texts:
        for start in range(len(text)):
            a, b = periods.PERIOD_RE.match(text, start), plain.match(text, start)
            assert (a is None) == (b is None), (text[start : start + 30], start)
            if a is not None and b is not None:
                assert a.lastgroup == b.lastgroup
                assert [a.span(g) for g in a.groupdict()] == [b.span(g) for g in a.groupdict()]
                matched += 1
    assert matched > 300
