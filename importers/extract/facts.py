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
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from factscope.db.models import Fact, Region
from factscope.importers.gazetteer import Gazetteer

from . import cjk, metrics
from ._fold import fold_case
from .anaphora import attach_back
from .attach import Changes, assign_ranks
from .changes import resolve_from_year
from .doc_context import (
    PeriodContext,
    headline_end,
    reference_year_from_comparison,
    stock_turns,
    turns_to_stock,
    word_periods,
)
from .figure import Figure
from .figures import Spans, figures_in
from .kinds import kind_and_metric
from .links import company, equivalent, restatement
from .metric_lists import level_lists, list_item
from .numbers import find_numbers
from .period_carry import FLOWS, SentencePeriods, add_note, date_headline, state_period
from .period_choice import choose_periods
from .periods import Period, find_dates, find_periods, stated_years
from .rates import NATIONAL_RATE_RE, SHARE_MOVE_NOTE, rate_kind, share_move
from .regions import RegionTracker
from .regions_zh import whole_region
from .sentences import split_paragraphs, split_sentences
from .traditional import requote, simplify
from .units import yen_signs

_ORDINAL_QUICK_RE = re.compile(  # on folded text
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b|第|首位"
)
_DIGIT_ORDINAL_RE = re.compile(r"\d(?:st|nd|rd|th)\b")  # "ranked 19th": no numeral in "19th"
_SEMICOLON_RE = re.compile("[;；]")
# "annual revenue", not "average annual growth" nor "annual growth"
_ANNUAL_RE = re.compile(
    r"(?<!average\s)\b(?:annual|yearly)\s+(?!(?:average|growth|increase|rate)\b)", re.IGNORECASE
)
_RELATIVE_YEAR_RE = re.compile(
    r"\b(?:last|this|next)\s+year|今年|去年|明年|上年|本年|前年", re.IGNORECASE
)
_SHARE_LINK_RE = re.compile(
    r"^[^;]{0,80}?(?:\b(?:accounting|accounted|accounts|making\s+up|made\s+up|representing|"
    r"represented)(?:\s+for)?\s+(?:(?:about|nearly|over|more\s+than|some)\s+)?|[，,]\s*占[^，。；]*)$",
    re.IGNORECASE,
)
_NUMBER_OF_RE = re.compile(
    r"\bnumber\s+of\s+(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)\s+(?:\w+\s+){0,2}?"
    r"(?:to|at|of|was|reached|hit|totaled|topped|exceeded)\s+$",
    re.IGNORECASE,
)
_PART_BEFORE_RE = re.compile(r",\s*(?:of\s+which\s+|among\s+them\s+)?$")
_PER_WORDS = ("very", "ach", "per")  # in every _DETACHED_PER_RE match: a cheap gate
_DETACHED_PER_RE = re.compile(
    r"^(?:(?!\b(?:that|which|who|whose|to|and)\b)[^,.;:()]){0,40}?\b(?:every|each|per)\s+"
    r"(?P<per>day|week|month|year)\b",
    re.IGNORECASE,
)
_DEFINITE_BEFORE_RE = re.compile(r"\b(?:the|its|their|these|those)[\s\xa0]+$", re.IGNORECASE)
# period words, growth verbs and function words: what an elliptical clause is made of
_ELLIPSIS_WORDS_RE = re.compile(
    r"[一二三四1-4]季度|[上下]半年|全年|前\d{1,2}个月|\d{1,2}月|增长|下降|增加|减少|提高|为|达到|"
    r"\b(?:the|a|an|and|but|while|in|of|to|by|at|on|up|down|rose|grew|fell|rise|rises|grow|"
    r"grows|fall|falls|increased|decreased|declined|was|were|is|saw|first|second|third|fourth|"
    r"quarter|quarters|half|year|month|percent|from|over|for|with|it|its|their)\b",
    re.IGNORECASE,
)
_CONTENT_WORD_RE = re.compile(r"[A-Za-z]{3,}")
_CONTEXT_WALK = 8  # figures looked back over for the start of a figure's context
_CHANGE_FIELDS = ("change_percent", "change_basis", "change_quote", "change_start", "change_end")
_LEVEL_OF_BEFORE_RE = re.compile(r"\b(?:level|figure)s?\s+(?:of|at)\s+$")
_THAT_OF_RE = re.compile(r"\b(?:that|those)\s+of\b", re.IGNORECASE)


@dataclass
class _Document:
    """What attributing the figures of one sentence needs to know about the whole text."""

    text: str
    tracker: RegionTracker
    guessed_year: bool
    semicolons: list[int]
    counts: dict[float, list[Fact]] = field(default_factory=dict)
    """Count facts so far by value, oldest first: what "the nine cities" can restate."""
    published: dt.date | None = None
    periods: PeriodContext = field(default_factory=PeriodContext)
    """The period stated last: what figures without one continue and what "during the same
    period" restates."""
    paragraph: int = 0
    sentence: int = 0
    """Indexes of the current paragraph and of the sentence within it (for the notes)."""


def _reference_year(text: str, published: dt.date | None) -> tuple[int | None, bool]:
    """Year that "this year" denotes; guessed as the year after the latest stated year."""
    if published is not None:
        return published.year, False
    years = [y for y in stated_years(text) if 1990 <= y <= 2100]
    return (max(years) + 1, True) if years else (None, False)


def extract_facts(
    text: str, published: dt.date | None = None, gazetteer: Gazetteer | None = None
) -> list[Fact]:
    """Every figure stated in ``text`` as a :class:`Fact` (``id``/``doc_id`` left None).
    Traditional characters are read as simplified ones; quotes are the text as written."""
    work = simplify(text)
    facts = _extract(work, published, gazetteer)
    return facts if work is text else [requote(f, text, work) for f in facts]


def _extract(text: str, published: dt.date | None, gazetteer: Gazetteer | None) -> list[Fact]:
    gz = gazetteer if gazetteer is not None else Gazetteer.default()
    sentences = split_sentences(text)
    paragraphs = split_paragraphs(text)
    para_starts = [p[0] for p in paragraphs]
    folded = fold_case(text)
    nums = find_numbers(text, folded)
    num_starts = [n.start for n in nums]
    dates = Spans([(a, b) for a, b, _ in find_dates(text)])
    ref_year, guessed = _reference_year(text, published)
    dated = published
    compared = reference_year_from_comparison(text) if published is None else None
    if compared is not None:
        # undated, but "up 2.1 percent from 2014": the figures are of 2015
        ref_year, guessed, dated = compared, False, dt.date(compared, 12, 31)
    tracker = RegionTracker(text, gz, sentences)
    semicolons = [m.start() for m in _SEMICOLON_RE.finditer(text)]
    doc = _Document(text, tracker, guessed, semicolons, published=published)
    topic = tracker.doc_topic
    turns = stock_turns(folded)
    may_state = word_periods(folded)
    facts: list[Fact] = []
    current_para = -1
    for s_start, s_end in sentences:
        para = bisect_left(para_starts, s_start + 1) - 1
        if para != current_para:
            current_para, topic, doc.sentence = para, tracker.doc_topic, -1
            doc.periods.new_paragraph(para)
        doc.paragraph, doc.sentence = para, doc.sentence + 1
        lo, hi = bisect_left(num_starts, s_start), bisect_left(num_starts, s_end)
        if turns_to_stock(turns, s_start, s_end):
            doc.periods.end()
        if (
            lo == hi
            and not _ORDINAL_QUICK_RE.search(folded, s_start, s_end)
            and not _DIGIT_ORDINAL_RE.search(folded, s_start, s_end)
        ):
            # a headline or a sentence with no figure may state the article's period
            k = bisect_left(may_state, s_start)
            if k < len(may_state) and may_state[k] < s_end:
                periods = find_periods(text, s_start, s_end, ref_year, dated, folded)
                state_period(doc.periods, text, dates, periods, (para, doc.sentence))
            topic = tracker.update_topic(topic, s_start, s_end)
            continue
        periods = find_periods(text, s_start, s_end, ref_year, dated, folded)
        figs = figures_in(text, nums[lo:hi], s_start, s_end, dates, periods, folded)
        if figs:
            found = _sentence_facts(doc, figs, periods, s_start, s_end, topic)
            facts.extend(attach_back(text, s_start, found, facts))  # "The figure marks ..."
            used = {f.period_text for f in found if f.period}
            periods = [p for p in periods if p.text in used]
        if periods:  # with no figure too: "in the first half" (an ordinal)
            state_period(doc.periods, text, dates, periods, (para, doc.sentence))
        topic = tracker.update_topic(topic, s_start, s_end)
    date_headline(text, facts, headline_end(text, paragraphs))
    return yen_signs(facts, text, tracker.home_abroad == "JP")


def _region_fields(region: Region | None) -> dict[str, str | None]:
    if region is None:
        return {"region": None, "region_level": None, "region_id": None}
    return {"region": region.name, "region_level": region.level, "region_id": region.id}


def _sentence_facts(
    doc: _Document,
    figs: list[Figure],
    periods: list[Period],
    s_start: int,
    s_end: int,
    topic: Region | None,
) -> list[Fact]:
    text = doc.text
    changes = Changes(text, figs, s_start, s_end)
    consumed = changes.consumed
    assign_ranks(text, figs, s_start, s_end)
    chosen_periods = choose_periods(figs, periods, doc.semicolons)
    out: list[Fact] = []
    by_index: dict[int, dict[str, object]] = {}
    ranked_by: dict[int, Fact] = {}
    prev_metric: tuple[str | None, str | None] = (None, None)
    prev_named: tuple[str | None, str | None] = (None, None)  # typed or not
    list_contexts: dict[int, str] = {}
    lists = level_lists(text, figs, s_start, s_end)
    where = (doc.paragraph, doc.sentence)
    carried = SentencePeriods(doc.periods, text, (s_start, s_end), figs, where, doc.published)
    for i, fig in enumerate(figs):
        if i in consumed:
            continue
        context_lo = s_start
        # a bounded walk back: a sentence of thousands of figures stays linear
        last_j = max(-1, i - 1 - _CONTEXT_WALK)
        for j in range(i - 1, last_j, -1):
            if (
                j in consumed
                or _in_noun_phrase(text, figs[j], s_start)
                or (fig.is_rank and figs[j].duration)  # "总额连续7年居全国第1位"
            ):
                continue  # "trade with the five Central Asian countries amounted to ..."
            context_lo = max(s_start, figs[j].end)
            break
        else:
            if last_j >= 0:
                context_lo = max(s_start, figs[last_j].end)
        # a clause after a semicolon starts afresh ("收入增长5%；二季度增长0.4%": the phrase
        # is cut there; the metric before may still carry over)
        k = bisect_left(doc.semicolons, fig.start) - 1
        if k >= 0 and doc.semicolons[k] >= context_lo:
            context_lo = doc.semicolons[k] + 1
            if _names_a_subject(text[context_lo : fig.start]):
                prev_metric = prev_named = (None, None)  # "；城镇调查失业率控制在5%以内"
        before = text[context_lo : fig.start]
        after = text[fig.end : min(s_end, fig.end + 80)]
        fact = _base_fact(text, fig, s_start, s_end)
        region = doc.tracker.region_at(fig.start, s_start, s_end, topic)
        if not fig.is_rank and not before.isascii():
            region = whole_region(text, s_start, fig.start, region, doc.tracker)
        fact.update(_region_fields(region))
        period = chosen_periods[i]
        no_period = period is None or period.value is None
        if no_period and fig.per is None and fig.unit in FLOWS and _ANNUAL_RE.search(before):
            fact["per"] = "year"  # "companies with annual revenue of at least 20 million yuan"
        elif fig.per is None and fig.unit in FLOWS and any(w in after for w in _PER_WORDS):
            detached = _DETACHED_PER_RE.match(after)
            if detached is not None:  # "2,000 trucks cross the border at Suifenhe every day"
                fact["per"] = detached.group("per").lower()
        if fig.unit not in ("rank", "percent", "percentage point"):
            fact["subject"] = company(text, context_lo, fig.start, doc.tracker)
        carried.reference(fact, fig, period)  # "during the same period", "during the year"
        if period is not None:
            fact["period"], fact["period_text"] = period.value, period.text
            if doc.guessed_year and _RELATIVE_YEAR_RE.search(period.text):
                fact["notes"] = "year of a relative period guessed from the latest stated year"
        change = changes.attached.get(i) or changes.standalone.get(i)
        if change is not None:
            basis = resolve_from_year(change.basis, str(fact.get("period") or "") or None)
            fact.update(change_percent=change.percent, change_basis=basis)
            source = fig if i in changes.standalone else changes.quote_of(change)
            if source is not None and source.unit == "percentage point":
                # "rose 2.1 percentage points": a move in points is no percent change; the
                # direction stays in the quote and a note
                moved = "fell" if change.percent < 0 else "rose"
                note = f"{moved} {abs(change.percent):g} percentage points"
                fact["change_percent"] = None
                fact["notes"] = f"{fact['notes']}; {note}" if fact.get("notes") else note
            if (
                basis == "avg_annual"
                and i in changes.standalone
                and period is not None
                and period.start >= fig.end
                and period.value is not None
                and "/" not in period.value
            ):
                # "年均增长6.6%，2022年达到...": one year after an average annual rate is the
                # period of the next figure, not the span the average is over
                fact["period"] = fact["period_text"] = None
            if i in changes.attached:
                pct = changes.quote_of(change)
                span = (pct.start, pct.end) if pct is not None else changes.verbs.get(i)
                if span is not None:
                    fact.update(
                        change_quote=text[span[0] : span[1]],
                        change_start=span[0],
                        change_end=span[1],
                    )
            else:
                fact.update(change_quote=fact["quote"], change_start=fig.start, change_end=fig.end)
        cuts = [
            (a - context_lo, b - context_lo)
            for a, b in doc.tracker.name_spans(context_lo, fig.start)
        ]
        kind, metric, metric_type, share = kind_and_metric(
            text, fig, before, after, s_end, change is not None and i in changes.standalone, cuts
        )
        if fig.is_rank and fig.rank is not None:
            ranked = ranked_by.get(fig.rank)
            if ranked is not None and ranked.metric_type is not None:
                metric, metric_type = ranked.metric, ranked.metric_type
            if ranked is not None and fact.get("period") is None and ranked.period:
                # "... 4.71 trillion yuan in 2023. It ranked 11th": the ranked figure's period
                fact["period"], fact["period_text"] = ranked.period, ranked.period_text
        if metric_type is None and not metric and fig.unit != "count" and prev_metric[1]:
            metric, metric_type = prev_metric  # no metric named: the sentence's last one
        elif not metric and prev_named[0] and _THAT_OF_RE.search(before):
            # "while that of rural residents rose ...": the metric, not whose it was
            metric, metric_type = str(prev_named[0]).split(" of ")[0], prev_named[1]
        listed = changes.listed.get(i) or lists.get(i)
        if listed is not None:
            # "exports and imports grew 8.1% and 2.4% respectively": one metric per rate
            if listed[1] == 0:
                list_contexts[listed[0]] = before
            context = list_contexts.get(listed[0])
            item = list_item(context, listed[1], listed[2]) if context else None
            if item is not None:
                metric, metric_type = item
        if fig.bare and fig.unit == "count" and not metric:
            number_of = _NUMBER_OF_RE.search(before)
            if number_of is not None:  # "with the number of shoppers rising to 6.76 million"
                metric = f"number of {number_of.group('noun')}"
            elif out and out[-1].unit == "count" and _PART_BEFORE_RE.search(before):
                metric = out[-1].metric  # "46 industrial parks, 12 of which ..."
            elif out and out[-1].unit == "count" and _LEVEL_OF_BEFORE_RE.search(before):
                metric = out[-1].metric  # "6.1 million visitors, below the 2019 level of 7.4"
        if (
            kind == "share"
            and out
            and out[-1].metric
            and (not metric or (share is not None and metric == metrics.tidy(share)))
            and _SHARE_LINK_RE.match(before)
        ):
            # "totaled 173.6 billion yuan, ... accounting for 68.4 percent of the province's
            # foreign trade": the share is of the figure before it, not of its denominator
            metric, metric_type = out[-1].metric, out[-1].metric_type
        if not metric and metric_type is not None:
            metric = metrics.TYPE_PHRASES.get(metric_type)
        fact.update(kind=kind, metric=metric, metric_type=metric_type, share_of=share)
        if kind == "share" and not share and fig.unit == "percent" and change is None:
            clause = text[max(s_start, fig.start - 200) : fig.start]
            kind = rate_kind(fact, fig, before, after, out[-1] if out else None, clause)
        if kind == "change" and fig.unit == "percent" and NATIONAL_RATE_RE.search(before[-120:]):
            fact.update(_region_fields(doc.tracker.gz.get("CN")))  # the nation's rate
        alone = i in changes.standalone or change is None  # not attached to an amount
        share_moved = alone and fig.unit == "percent" and kind == "change"
        if share_moved and share_move(before, out[-1] if out else None):  # README rule 12
            fact.update(change_percent=None)
            add_note(fact, SHARE_MOVE_NOTE)
        if kind == "diff" and fig.unit == "percent" and i in changes.standalone:
            # "4.1% higher than the national average": a gap between rates, no growth
            fact.update(dict.fromkeys(_CHANGE_FIELDS))
        carried.carry(fact, fig, period, kind, out[-1] if out else None)
        if kind == "duration":
            fact["period"] = None  # "连续10年": period_text keeps the anchor
        # a count's metric is its noun, a duration's "duration", an area's "area": none carries over
        if fig.unit not in ("count", "times") and metric_type not in (None, "duration", "area"):
            prev_metric = (metric, metric_type)
        if fig.unit not in ("count", "times") and metric and metric_type != "duration":
            prev_named = (metric, metric_type)
        equivalent(text, figs, i, fact, by_index)
        restatement(text, fig, fact, doc.counts.get(fig.value, []))
        out.append(Fact.model_validate(fact))
        by_index[i] = fact
        if out[-1].rank is not None and out[-1].unit != "rank":
            ranked_by[out[-1].rank] = out[-1]
        if out[-1].unit == "count":
            doc.counts.setdefault(out[-1].value, []).append(out[-1])
    return out


def _names_a_subject(clause: str) -> bool:
    """Whether a clause after a semicolon names what its figure measures ("城镇调查失业率控制在")
    rather than leaving it to the clause before ("二季度增长", "0.4 percent in the second")."""
    rest = _ELLIPSIS_WORDS_RE.sub("", clause)
    return len(cjk.IDEOGRAPH_RE.findall(rest)) >= 2 or _CONTENT_WORD_RE.search(rest) is not None


def _in_noun_phrase(text: str, fig: Figure, s_start: int) -> bool:
    """Whether ``fig`` is a count inside a definite noun phrase ("the 10 ASEAN members"),
    which the metric phrase of a later figure reads through."""
    if fig.unit != "count":
        return False
    return bool(_DEFINITE_BEFORE_RE.search(text, max(s_start, fig.start - 8), fig.start))


def _base_fact(text: str, fig: Figure, s_start: int, s_end: int) -> dict[str, object]:
    number_quote = text[fig.num_start : fig.num_end]
    if fig.unit in ("percent", "percentage point"):
        number_quote = text[fig.start : fig.end]
    if fig.value_max is not None and fig.unit not in ("percent", "percentage point"):
        number_quote = text[fig.start : fig.num_end]
        if fig.start != fig.num_start:
            number_quote = text[fig.num_start : fig.num_end]
    normalized = fig.value * fig.scale
    return {
        "start": fig.start, "end": fig.end, "quote": text[fig.start : fig.end],
        "number_quote": number_quote, "value": fig.value, "value_max": fig.value_max,
        "unit": fig.unit, "per": fig.per, "scale": fig.scale, "normalized": normalized,
        "normalized_max": fig.value_max * fig.scale if fig.value_max is not None else None,
        "qualifier": fig.qualifier, "rank": fig.rank, "rank_scope": fig.rank_scope,
        "sentence_start": s_start, "sentence_end": s_end,
        "notes": "; ".join(fig.notes) or None,
    }  # fmt: skip
