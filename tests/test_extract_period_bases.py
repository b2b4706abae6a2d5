"""The base of a comparison before a period (:mod:`importers.extract.period_bases`): the word
checks that come before its two searches agree with the searches alone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factscope.importers.extract import period_bases
from factscope.importers.extract.period_bases import compared_or_begun

# Windows before a period that each branch of the two patterns matches, and (below) their
# near misses: a word dropped, glued to the word before, a space more or less.
_BRANCH_WINDOWS = [
    "the same period of ", "the corresponding months last year ", "same quarter last ",
    "the same time\n", "compared with ", "compared to ", "compared to those of ", "than in the ",
    "over that in ", "from the ", "times the figure of ", "twice the levels in ",
    "exceeded the number for ", "surpassing the amounts of ", "5 percent the figure in ",
    "% the level of ", "比", "较 ", "与\n", "同", "launched in ", "set up back in ", "began in ",
    "2.3 times those of ", "double that in ", "approved in ", "inaugurated in ",
]  # fmt: skip


def _near_misses(window: str) -> list[str]:
    words = window.split(" ")
    out = [window, "x" + window, window.rstrip(), window + "x ", window.replace(" ", "  ")]
    out += [" ".join(words[:i] + words[i + 1 :]) for i in range(len(words))]
    return out


def test_compared_or_begun_agrees_with_the_patterns_on_each_branch_and_near_miss() -> None:
    decided = set()
    for window in _BRANCH_WINDOWS:
        assert compared_or_begun(window + "2020", 0, len(window)), window
        for miss in _near_misses(window):
            for lo in range(min(3, len(miss) + 1)):
                folded = miss + "2020"
                got = compared_or_begun(folded, lo, len(miss))
                assert got == _compared_by_the_patterns(folded, lo, len(miss)), (miss, lo)
                decided.add(got)
    assert decided == {True, False}


_WINDOW_WORDS = [
    "same", "corresponding", "period", "months", "quarter", "time", "of", "in", "last", "year",
    "compared", "with", "to", "than", "over", "from", "that", "those", "the", "times", "twice",
    "figure", "levels", "number", "amount", "for", "launched", "set", "up", "back", "founded",
    "exceeded", "percent", "%", "比", "较", "与", "同", "x", "nathan", "sameness", "2019",
]  # fmt: skip
_GAPS = [" ", "  ", "\n", "\xa0", "", ", "]


def _compared_by_the_patterns(folded: str, lo: int, hi: int) -> bool:
    # what _compared_or_begun decided before its word checks: the two searches alone
    if period_bases._SAME_PERIOD_FOLDED_RE.search(folded, lo, hi):
        return True
    return folded.endswith(("in ", "of "), lo, hi) and bool(
        period_bases._NOT_THE_PERIOD_RE.search(folded, lo, hi)
    )


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_WINDOW_WORDS), st.sampled_from(_GAPS)), max_size=8),
    st.integers(0, 6),
)
def test_compared_or_begun_word_checks_agree_with_the_patterns(
    words: list[tuple[str, str]], lo: int
) -> None:
    folded = "".join(w + gap for w, gap in words) + "2020"
    hi = len(folded) - 4
    lo = min(lo, hi)
    assert compared_or_begun(folded, lo, hi) == _compared_by_the_patterns(folded, lo, hi)
