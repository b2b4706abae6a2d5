"""Fact extraction: figures of a document attributed to a region, period, change and metric.

``extract_facts(text, published)`` splits the text into sentences, reads the figures of each
(:mod:`.figures`), attaches growth rates, periods and ranks to them (:mod:`.attach`), links
bracketed conversions (``equivalent_of``) and restatements ("the nine cities"), and attributes
every figure to the most specific place (:mod:`.regions`), a metric (:mod:`.metrics`) and, for
"Haier's revenue", a company (``subject``). Time is linear in the text's length.

Non-goals: storage, tables and lists in non-prose layouts, figures split across sentences.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left

from factscope.db.models import Fact
from factscope.importers.gazetteer import Gazetteer

from ._fold import fold_case
from .anaphora import attach_back
from .attach import RESPECTIVELY, RESPECTIVELY_ZH
from .calendar_dates import find_dates
from .changes import MULTIPLIERS
from .doc_context import (
    headline_end,
    reference_year_from_comparison,
    stated_years,
    stock_turns,
    turns_to_stock,
    word_periods,
)
from .figure import Spans
from .figures import figures_in
from .money_context import dollar_signs
from .numbers import scan_numbers
from .passes import sentence_facts
from .period_carry import date_headline, state_period
from .periods import find_periods
from .ranks import OrdinalHits
from .regions import RegionTracker
from .sentence import Document
from .sentences import split_text
from .text_index import ideograph_offsets, year_offsets
from .traditional import requote, simplify_wide
from .units import yen_signs


def _reference_year(
    text: str, published: dt.date | None, offsets: list[int]
) -> tuple[int | None, bool]:
    """Year that "this year" denotes; guessed as the year after the latest stated year
    (``offsets``: the text's year offsets)."""
    if published is not None:
        return published.year, False
    years = [y for y in stated_years(text, offsets) if 1990 <= y <= 2100]
    return (max(years) + 1, True) if years else (None, False)


def extract_facts(
    text: str, published: dt.date | None = None, gazetteer: Gazetteer | None = None
) -> list[Fact]:
    """Every figure stated in ``text`` as a :class:`Fact` (``id``/``doc_id`` left None).
    Traditional characters are read as simplified ones; quotes are the text as written."""
    work, wide = simplify_wide(text)  # and its wide characters: no second look for ideographs
    ideographs = ideograph_offsets(work, wide)  # bisected per sentence (None once converted)
    facts = _extract(work, published, gazetteer, ideographs)
    return facts if work is text else [requote(f, text, work) for f in facts]


# The last four letters of each multiplying verb ("doubled", "trebled": "bled"): three scans of
# a text that states none instead of one per verb; the verbs are looked for where one occurs.
_MULTIPLIER_ENDS = tuple(sorted({verb[-4:] for verb in MULTIPLIERS}))


def _flag_rare_words(doc: Document, text: str, folded: str, cjk: bool) -> None:
    """Whether the text holds a few rare words at all: each look spares a look per figure
    or per sentence. ``cjk`` False says it holds no ideograph, so no 分别 either."""
    ends = _MULTIPLIER_ENDS  # "doubled": its "bled" first
    doc.multiplied = any(e in folded for e in ends) and any(v in folded for v in MULTIPLIERS)
    doc.topped = "top" in folded  # "topping"
    doc.listed = RESPECTIVELY in text or (cjk and RESPECTIVELY_ZH in text)  # a list's


def _extract(
    text: str, published: dt.date | None, gazetteer: Gazetteer | None, ideographs: list[int]
) -> list[Fact]:
    gz = gazetteer if gazetteer is not None else Gazetteer.default()
    sentences, paragraphs = split_text(text)
    para_starts = [p[0] for p in paragraphs]
    folded = fold_case(text)
    nums, digit_ordinals = scan_numbers(text, folded)  # one scan for both
    ordinals = OrdinalHits(folded, digit_ordinals)
    num_starts = [n.start for n in nums]
    years = year_offsets(text)  # one scan for the dates, the stated and the compared years
    dates = Spans([(a, b) for a, b, _ in find_dates(text, years=years)])
    ref_year, guessed = _reference_year(text, published, years)
    dated = published
    compared = reference_year_from_comparison(text, years) if published is None else None
    if compared is not None:
        # undated, but "up 2.1 percent from 2014": the figures are of 2015
        ref_year, guessed, dated = compared, False, dt.date(compared, 12, 31)
    tracker = RegionTracker(text, gz, sentences, folded, ordinals)
    doc = Document(text, tracker, guessed, Document.semicolons_of(text), published=published)
    cjk = bool(ideographs)  # a text without any spares every look for a Chinese word
    _flag_rare_words(doc, text, folded, cjk)
    topic = tracker.doc_topic
    turns = stock_turns(folded, cjk)
    may_state = word_periods(folded, cjk, ideographs)
    facts: list[Fact] = []
    current_para = -1
    unread: list[tuple[int, int]] = []  # sentences the topic has not followed yet
    for s_start, s_end in sentences:
        para = bisect_left(para_starts, s_start + 1) - 1
        if para != current_para:
            current_para, topic, doc.sentence = para, tracker.doc_topic, -1
            doc.periods.new_paragraph(para)
            unread.clear()
        doc.paragraph, doc.sentence = para, doc.sentence + 1
        lo, hi = bisect_left(num_starts, s_start), bisect_left(num_starts, s_end)
        zh = cjk and bisect_left(ideographs, s_start) < bisect_left(ideographs, s_end)
        if turns and turns_to_stock(turns, s_start, s_end):  # most texts have none
            doc.periods.end()
        if lo == hi and not ordinals.bounded_in(s_start, s_end):  # "ranked 19th": no numeral
            # a headline or a sentence with no figure may state the article's period
            k = bisect_left(may_state, s_start)
            if k < len(may_state) and may_state[k] < s_end:
                periods = find_periods(text, s_start, s_end, ref_year, dated, folded, zh)
                state_period(doc.periods, text, dates, periods, (para, doc.sentence))
            unread.append((s_start, s_end))
            continue
        periods = find_periods(text, s_start, s_end, ref_year, dated, folded, zh)
        figs = figures_in(text, nums[lo:hi], s_start, s_end, dates, periods, folded, ordinals)
        if figs:
            topic = tracker.follow(topic, unread)  # only a figure needs the topic
            found = sentence_facts(doc, figs, periods, (s_start, s_end), topic)
            facts.extend(attach_back(text, s_start, found, facts))  # "The figure marks ..."
            used = {f.period_text for f in found if f.period}
            periods = [p for p in periods if p.text in used]
        if periods:  # with no figure too: "in the first half" (an ordinal)
            state_period(doc.periods, text, dates, periods, (para, doc.sentence))
        unread.append((s_start, s_end))
    date_headline(text, facts, headline_end(text, paragraphs))
    facts = yen_signs(facts, text, tracker.home_abroad == "JP")
    return dollar_signs(facts, text, tracker.home_abroad)  # whose "$": the story's place
