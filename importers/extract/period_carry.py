"""The figures of one sentence that state no period take one from the article's context.

:class:`SentencePeriods` applies :class:`~.doc_context.PeriodContext` to the facts of a
sentence as :mod:`.facts` builds them: reference phrases ("during the period", "during the
year"), spans counted back ("over the past six months"), flows, changes and shares that
continue the period stated before, and stocks stated "now". Every such period gets a note
saying where it came from. :func:`state_period` keeps the context up to date and
:func:`date_headline` dates a headline by the article below it.

Non-goals: choosing among the periods a sentence states (see :mod:`.attach`).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable

from factscope.db.models import Fact

from ._fold import fold_case, folded_pattern
from .attach import CURRENCIES
from .doc_context import PeriodContext, as_of_now, standing_share
from .draft import Draft
from .figure import Figure, Spans
from .periods import Period
from .thresholds import crossed

FLOWS = CURRENCIES | {"ton", "kilowatt hour", "TEU", "barrel", "cubic meter", "count"}
# a sentence about a stock or a span of its own: a period stated before does not carry into it
# ("a year", but not "a year-on-year increase")
_STOCK_RE = re.compile(
    r"\b(?:so\s+far|at\s+present|currently|to\s+date|as\s+of|by\s+the\s+end|in\s+total|"
    r"over\s+the\s+(?:past|last)|in\s+the\s+(?:past|last)|since|"
    r"each\s+year|every\s+year|annually|per\s+year|a\s+year(?![-\s]+on[-\s])|target|aims?|"
    r"plans?|expects?|average\s+annual)\b|目前|截至|累计|以来|过去|年均",
    re.IGNORECASE,
)
# What follows the base of a comparison, not a reference ("the same period last year")
_NO_REFERENCE_AFTER = r"\s+(?:of|last|a\s+year|in\s+\d|from|the\s+(?:previous|prior|year))"
# "during the period", "in the same period", "for the said period", "over this period",
# "同期" at the head of a clause; never the base of a comparison ("the same period of 2019",
# "the same period last year", "同比", "上年同期").
REFERENCE_RE = re.compile(
    r"\b(?:during|in|for|over|within)\s+(?:the\s+(?:same\s+|said\s+|above\s+|reporting\s+)?|"
    r"this\s+|that\s+|the\s+same\s+)(?:period|time\s+frame|timeframe)\b"
    rf"(?!{_NO_REFERENCE_AFTER})"
    r"|(?:^|(?<=[，。；,\s]))同期(?![相比])",
    re.IGNORECASE,
)
# "added 95 new ones during the year", "over the year": the year of the stated period
_NO_YEAR_REFERENCE_AFTER = r"\s+(?:of|before|earlier|ago|to|on|-)"
_YEAR_REFERENCE_RE = re.compile(
    r"\b(?:during|over|in|for|throughout)\s+the\s+(?:whole\s+|full\s+)?year\b"
    rf"(?!{_NO_YEAR_REFERENCE_AFTER})",
    re.IGNORECASE,
)
# The words of REFERENCE_RE's English branch before its "period"
_REFERENCE_HEADS = ("during", "in", "for", "over", "within")
_DETERMINERS = ("the", "this", "that")
_PERIOD_QUALIFIERS = ("same", "said", "above", "reporting")
# Both patterns are searched at every character (a leading \b gives re no first character
# to skip ahead to: about 40 µs a sentence) and their gate words are common; most sentences
# with one have it in a comparison's base ("the same period last year", "year on year"),
# which a look at the words around each in the folded sentence refuses first.
_REFERENCE_GATE = ("period", "time", "同期")
_ZH_CLAUSE_MARKS = "，。；,"  # before a 同期 that heads a clause, with whitespace
_NOT_REFERENCE_RE = folded_pattern(re.compile(_NO_REFERENCE_AFTER, re.IGNORECASE))
_YEAR_AFTER = ("the", "whole", "full")  # the word before the "year" of every match
_NOT_YEAR_REFERENCE_RE = folded_pattern(re.compile(_NO_YEAR_REFERENCE_AFTER, re.IGNORECASE))


def reference_in(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first reference phrase ("during the period", 同期) in ``text[start:end]``."""
    if all(text.find(g, start, end) < 0 for g in _REFERENCE_GATE):
        return None
    if not _clause_head(text, start, end):
        folded = fold_case(text[start:end])  # IGNORECASE's letters as ASCII ones
        if not (
            _unrefused(folded, "period", _NOT_REFERENCE_RE, _reference_words)
            or _unrefused(folded, "frame", _NOT_REFERENCE_RE, None)
        ):
            return None  # every "period" is a comparison's base or no reference's end
    return REFERENCE_RE.search(text, start, end)


def _clause_head(text: str, start: int, end: int) -> bool:
    """Whether a 同期 in ``text[start:end]`` may match ``REFERENCE_RE``'s Chinese branch: at
    the text's start or after a clause mark or whitespace, and before neither 相 nor 比."""
    at = text.find("同期", start, end)
    while at >= 0:
        if (at == 0 or text[at - 1] in _ZH_CLAUSE_MARKS or text[at - 1].isspace()) and not (
            at + 2 < end and text[at + 2] in "相比"
        ):
            return True
        at = text.find("同期", at + 1, end)
    return False


def year_reference_in(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first "during the year" / "over the year" in ``text[start:end]``."""
    if text.find("year", start, end) < 0:
        return None
    if not _unrefused(fold_case(text[start:end]), "year", _NOT_YEAR_REFERENCE_RE, _year_words):
        return None  # "last year", "year on year": no "the year" a match needs
    return _YEAR_REFERENCE_RE.search(text, start, end)


def _unrefused(
    folded: str, word: str, refused: re.Pattern[str], fits: Callable[[list[str]], bool] | None
) -> bool:
    """Whether ``word`` occurs in ``folded`` with no ``refused`` right after it and, given
    ``fits``, the words before it (split at whitespace, which is re's \\s) fitting: a
    necessary condition of a match that ends with ``word`` and a look-ahead of ``refused``."""
    at = folded.find(word)
    while at >= 0:
        if not refused.match(folded, at + len(word)) and (
            fits is None or fits(folded[:at].split()[-3:])
        ):
            return True
        at = folded.find(word, at + 1)
    return False


def _reference_words(words: list[str]) -> bool:
    """Whether the last words before a "period" may be "during the", "in the same" ..."""
    if len(words) >= 2 and words[-1] in _DETERMINERS and words[-2].endswith(_REFERENCE_HEADS):
        return True
    return (
        len(words) == 3
        and words[-1] in _PERIOD_QUALIFIERS
        and words[-2] == "the"
        and words[-3].endswith(_REFERENCE_HEADS)
    )


def _year_words(words: list[str]) -> bool:
    """Whether the last words before a "year" may be "during the", "over the whole" ..."""
    return bool(words) and words[-1].endswith(_YEAR_AFTER)


# a day after a month ("yesterday (October 11)"): the date of an event, no period to continue
# "In August alone, ...", "12月单月": a part of the article's period, an aside
_ALONE_RE = re.compile(r"[\s\xa0]*(?:alone\b|单月|單月)", re.IGNORECASE)
_DAY_RE = re.compile(r"[\s\xa0]+[0-3]?\d(?:st|nd|rd|th)?\b(?![.,]\d|%|[\s\xa0]*percent)")


class SentencePeriods:
    """The period context as it applies to the figures of one sentence."""

    def __init__(
        self,
        told: PeriodContext,
        text: str,
        span: tuple[int, int],
        figs: list[Figure],
        where: tuple[int, int],
        published: dt.date | None,
    ) -> None:
        self.told, self.text, self.published = told, text, published
        self.s_start, self.s_end = span
        self.where = where
        """(paragraph, sentence) indexes of this sentence, for the notes."""
        self._carry: bool | None = None if told.value else False  # read once, when needed
        self.same = reference_in(text, *span) if told.value else None
        self.year_ref = None
        if self.same is None and told.value and told.value[:4].isdigit():
            self.year_ref = year_reference_in(text, *span)
        self._starts = [f.start for f in figs] if self.year_ref is not None else []

    def reference(self, fact: Draft, fig: Figure, period: Period | None) -> None:
        """A figure with no period of its own next to "during the year", or in a sentence
        with "during the same period", takes the period stated before."""
        told = self.told
        if period is not None or not told.value:
            return
        if self.year_ref is not None and self._next_to(fig, self.year_ref):
            # "added 95 new ones during the year": the year of the period stated before
            year, words = told.value[:4], self.year_ref.group(0)
            fact.period, fact.period_text = year, words
            fact.add_note(f"'{words}' is the year stated before ({year})")
        elif self.same is not None:
            # "During the same period, imports ...": the period stated before
            words = self.same.group(0)
            fact.period, fact.period_text = told.value, words
            fact.add_note(f"'{words}' is the period stated before ('{told.text}')")

    def carry(
        self,
        fact: Draft,
        fig: Figure,
        period: Period | None,
        kind: str,
        previous: Fact | None,
    ) -> None:
        """Once its kind is known: "over the past six months" counted back, and a flow,
        change or share (or a stock stated "now") with no period continues the context.
        ``previous`` is the fact before it in the sentence."""
        told = self.told
        if period is not None and period.value is None:
            # "over the past six months": the period stated before when it is that long; a
            # change over the span may also count back from the publication date
            counted = self.published if kind in ("change", "diff") else None
            fact.period = told.resolve_span_back(period.text, counted)
        if period is not None or fact.period is not None or not told.value:
            return
        stock_share = previous is not None and (previous.unit == "count" or previous.per)
        stock_share = bool(stock_share) or (
            kind == "share" and standing_share(self.text, self.s_start, self.s_end)
        )
        if flow_like(fig, kind, stock_share) and self._carries():
            # "In the first half, trade rose ... Exports grew 9.8 percent to ...": a flow with
            # no period of its own continues the period stated before it
            fact.period = told.value
            fact.add_note(told.note(*self.where))
        elif kind in ("level", "share") and as_of_now(self.text, self.s_start, self.s_end):
            fact.period = told.value  # "1,200 companies now operate": as of the article
            fact.add_note(f"a stock stated as of now; {told.note(*self.where)}")

    def _carries(self) -> bool:
        if self._carry is None:
            self._carry = not _STOCK_RE.search(self.text, self.s_start, self.s_end)
        return self._carry

    def _next_to(self, fig: Figure, phrase: re.Match[str]) -> bool:
        """Whether no other figure of the sentence stands between ``fig`` and ``phrase``."""
        if fig.end <= phrase.start():
            lo, hi = fig.end, phrase.start()
        else:
            lo, hi = phrase.end(), fig.start
        return bisect_left(self._starts, hi) == bisect_left(self._starts, lo)


def flow_like(fig: Figure, kind: str, stock_share: bool = False) -> bool:
    """Whether a figure with no period of its own may continue the article's: an amount
    of a flow (not a count, a rate per month or a stock), a change, or a share that is not
    one of a count just stated ("9,000 firms, 3 percent of the national total") nor one
    stated in the present simple ("the zone contributes 90%"): those are stocks."""
    if fig.per is not None:
        return False
    if kind == "share":
        return not stock_share
    return (kind == "level" and fig.unit in FLOWS and fig.unit != "count") or kind in (
        "change",
        "diff",
        "rank",  # "... in 2023. It ranked 11th among ...": the ranking of that year
        "threshold",  # "exceeding 700 billion yuan for the first time": in that period
    )


def state_period(
    told: PeriodContext, text: str, dates: Spans, periods: list[Period], where: tuple[int, int]
) -> None:
    """The last period with a value among ``periods`` (stated in the sentence at ``where``)
    becomes the article's period context; a month with a day after it ("yesterday (October
    11)") or a date's year is the date of an event, not a period later figures continue."""
    for period in reversed(periods):
        if period.value and not _DAY_RE.match(text, period.end) and not dates.covers(period.start):
            aside = _ALONE_RE.match(text, period.end) is not None
            told.state(period, *where, aside=aside)
            return


def date_headline(text: str, facts: list[Fact], end: int) -> None:
    """Figures of a headline (``text[:end]``) that state no period take the first period the
    article states below it ("... passes 800 billion yuan" over "... 808.15 billion yuan in
    2020"); an amount the headline says was crossed is a threshold (the article states the
    amount itself)."""
    undated = [f for f in facts if f.start < end and f.period is None and f.unit != "count"]
    if not undated:
        return
    stated = next((f for f in facts if f.start >= end and f.period and f.period_text), None)
    for fact in undated:
        if fact.kind == "level" and fact.unit in CURRENCIES and crossed(text[: fact.start]):
            fact.kind = "threshold"
        if stated is not None:
            fact.period = stated.period
            note = f"headline: period of the article ('{stated.period_text}')"
            fact.notes = f"{fact.notes}; {note}" if fact.notes else note
