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

from db.models import Fact, Region
from importers.gazetteer import Gazetteer

from . import cjk, metrics
from ._fold import fold_case
from .attach import CURRENCIES, Changes, assign_ranks, choose_periods
from .changes import resolve_from_year
from .doc_context import (
    PeriodContext,
    as_of_now,
    headline_end,
    reference_in,
    reference_year_from_comparison,
    standing_share,
    turns_to_stock,
    year_reference_in,
)
from .figures import Figure, Spans, figures_in
from .kinds import kind_and_metric
from .links import company, equivalent, restatement
from .metric_lists import level_lists, list_item
from .numbers import find_numbers
from .periods import Period, find_dates, find_periods, stated_years
from .regions import RegionTracker
from .regions_zh import whole_region
from .sentences import split_paragraphs, split_sentences
from .thresholds import crossed

_ORDINAL_QUICK_RE = re.compile(  # on folded text
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b|第|首位"
)
_DIGIT_ORDINAL_RE = re.compile(r"\d(?:st|nd|rd|th)\b")  # "ranked 19th": no numeral in "19th"
_SEMICOLON_RE = re.compile("[;；]")
_FLOWS = CURRENCIES | {"ton", "kilowatt hour", "TEU", "barrel", "cubic meter", "count"}
# "annual revenue", not "average annual growth" nor "annual growth"
_ANNUAL_RE = re.compile(
    r"(?<!average\s)\b(?:annual|yearly)\s+(?!(?:average|growth|increase|rate)\b)", re.IGNORECASE
)
_RELATIVE_YEAR_RE = re.compile(
    r"\b(?:last|this|next)\s+year|今年|去年|明年|上年|本年|前年", re.IGNORECASE
)
# a sentence about a stock or a span of its own: a period stated before does not carry into it
# ("a year", but not "a year-on-year increase")
_STOCK_RE = re.compile(
    r"\b(?:so\s+far|at\s+present|currently|to\s+date|as\s+of|by\s+the\s+end|in\s+total|"
    r"cumulative(?:ly)?|over\s+the\s+(?:past|last)|in\s+the\s+(?:past|last)|since|"
    r"each\s+year|every\s+year|annually|per\s+year|a\s+year(?![-\s]+on[-\s])|target|aims?|plans?|expects?|"
    r"average\s+annual)\b|目前|截至|累计|以来|过去|年均",
    re.IGNORECASE,
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
_DAY_RE = re.compile(r"[\s\xa0]+[0-3]?\d(?:st|nd|rd|th)?\b(?![.,]\d|%|[\s\xa0]*percent)")
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
    dates: Spans | None = None
    """Calendar dates of the text: their years and months are no period a text states."""
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
    """Every figure stated in ``text`` as a :class:`Fact` (``id``/``doc_id`` left None)."""
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
    doc = _Document(text, tracker, guessed, semicolons, published=published, dates=dates)
    topic = tracker.doc_topic
    facts: list[Fact] = []
    current_para = -1
    for s_start, s_end in sentences:
        para = bisect_left(para_starts, s_start + 1) - 1
        if para != current_para:
            current_para, topic, doc.sentence = para, tracker.doc_topic, -1
        doc.paragraph, doc.sentence = para, doc.sentence + 1
        lo, hi = bisect_left(num_starts, s_start), bisect_left(num_starts, s_end)
        periods = find_periods(text, s_start, s_end, ref_year, dated, folded)
        if turns_to_stock(text, s_start, s_end):
            doc.periods.end()
        if (
            lo == hi
            and not _ORDINAL_QUICK_RE.search(folded, s_start, s_end)
            and not _DIGIT_ORDINAL_RE.search(folded, s_start, s_end)
        ):
            _state_period(doc, periods)  # a headline or a sentence with no figure
            topic = tracker.update_topic(topic, s_start, s_end)
            continue
        figs = figures_in(text, nums[lo:hi], s_start, s_end, dates, periods, folded)
        if figs:
            found = _sentence_facts(doc, figs, periods, s_start, s_end, topic)
            facts.extend(found)
            used = {f.period_text for f in found if f.period}
            _state_period(doc, [p for p in periods if p.text in used])
        else:
            _state_period(doc, periods)  # "in the first half": an ordinal but no figure
        topic = tracker.update_topic(topic, s_start, s_end)
    _date_headline(text, facts, headline_end(text, paragraphs))
    return facts


def _date_headline(text: str, facts: list[Fact], end: int) -> None:
    """Figures of a headline that states no period take the first period the article states
    below it ("... passes 800 billion yuan" over "... 808.15 billion yuan in 2020"); an amount
    the headline says was crossed is a threshold (the article states the amount itself)."""
    undated = [f for f in facts if f.start < end and f.period is None and f.unit != "count"]
    if not undated:
        return
    stated = next((f for f in facts if f.start >= end and f.period and f.period_text), None)
    for fact in undated:
        if fact.kind == "level" and fact.unit in CURRENCIES and crossed(text[: fact.start]):
            fact.kind = "threshold"
        if stated is not None:
            fact.period = stated.period
            _add_note_to(fact, f"headline: period of the article ('{stated.period_text}')")


def _add_note_to(fact: Fact, note: str) -> None:
    fact.notes = f"{fact.notes}; {note}" if fact.notes else note


def _state_period(doc: _Document, periods: list[Period]) -> None:
    """The last period with a value among ``periods`` (stated in the current sentence)
    becomes the document's period context; a month with a day after it ("yesterday
    (October 11)") is the date of an event, not a period later figures continue."""
    for period in reversed(periods):
        if (
            period.value
            and not _DAY_RE.match(doc.text, period.end)
            and not (doc.dates is not None and doc.dates.covers(period.start))
        ):
            doc.periods.state(period, doc.paragraph, doc.sentence)
            return


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
    told = doc.periods
    carry: bool | None = None if told.value else False  # read once, when first needed
    same = reference_in(text, s_start, s_end) if told.value else None
    year_ref = None
    if same is None and told.value and told.value[:4].isdigit():
        year_ref = year_reference_in(text, s_start, s_end)
    fig_starts = [f.start for f in figs] if year_ref is not None else []
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
        if no_period and fig.per is None and fig.unit in _FLOWS and _ANNUAL_RE.search(before):
            fact["per"] = "year"  # "companies with annual revenue of at least 20 million yuan"
        elif fig.per is None and fig.unit in _FLOWS and any(w in after for w in _PER_WORDS):
            detached = _DETACHED_PER_RE.match(after)
            if detached is not None:  # "2,000 trucks cross the border at Suifenhe every day"
                fact["per"] = detached.group("per").lower()
        if fig.unit not in ("rank", "percent", "percentage point"):
            fact["subject"] = company(text, context_lo, fig.start, doc.tracker)
        if period is None and year_ref is not None and _next_to(fig_starts, fig, year_ref):
            # "added 95 new ones during the year": the year of the period stated before
            year = str(told.value)[:4]
            fact["period"], fact["period_text"] = year, year_ref.group(0)
            _add_note(fact, f"'{year_ref.group(0)}' is the year stated before ({year})")
        if period is None and same is not None and told.value and not fact.get("period"):
            # "During the same period, imports ...": the period stated before
            fact["period"], fact["period_text"] = told.value, same.group(0)
            _add_note(fact, f"'{same.group(0)}' is the period stated before ('{told.text}')")
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
        if kind == "diff" and fig.unit == "percent" and i in changes.standalone:
            # "4.1% higher than the national average": a gap between rates, no growth
            fact.update(dict.fromkeys(_CHANGE_FIELDS))
        if period is not None and period.value is None:
            # "over the past six months": the period stated before when it is that long; a
            # change over the span may also count back from the publication date
            counted = doc.published if kind in ("change", "diff") else None
            fact["period"] = told.resolve_span_back(period.text, counted)
        stock_share = bool(out) and (out[-1].unit == "count" or out[-1].per is not None)
        stock_share = stock_share or (kind == "share" and standing_share(text, s_start, s_end))
        wants_carry = (
            period is None and fact.get("period") is None and _flow_like(fig, kind, stock_share)
        )
        if wants_carry and carry is None:
            carry = not _STOCK_RE.search(text, s_start, s_end)
        if wants_carry and carry:
            # "In the first half, trade rose ... Exports grew 9.8 percent to ...": a flow with
            # no period of its own in a paragraph that stated one continues it
            fact["period"] = told.value
            _add_note(fact, told.note(doc.paragraph, doc.sentence))
        elif (
            period is None
            and fact.get("period") is None
            and told.value
            and kind in ("level", "share")
            and as_of_now(text, s_start, s_end)
        ):
            fact["period"] = told.value  # "1,200 companies now operate": as of the article
            _add_note(fact, f"a stock stated as of now; {told.note(doc.paragraph, doc.sentence)}")
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


def _next_to(starts: list[int], fig: Figure, phrase: re.Match[str]) -> bool:
    """Whether no other figure (``starts``: of the sentence's figures) stands between
    ``fig`` and ``phrase``."""
    if fig.end <= phrase.start():
        lo, hi = fig.end, phrase.start()
    else:
        lo, hi = phrase.end(), fig.start
    return bisect_left(starts, hi) == bisect_left(starts, lo)


def _add_note(fact: dict[str, object], note: str) -> None:
    fact["notes"] = f"{fact['notes']}; {note}" if fact.get("notes") else note


def _names_a_subject(clause: str) -> bool:
    """Whether a clause after a semicolon names what its figure measures ("城镇调查失业率控制在")
    rather than leaving it to the clause before ("二季度增长", "0.4 percent in the second")."""
    rest = _ELLIPSIS_WORDS_RE.sub("", clause)
    return len(cjk.IDEOGRAPH_RE.findall(rest)) >= 2 or _CONTENT_WORD_RE.search(rest) is not None


def _flow_like(fig: Figure, kind: str, stock_share: bool = False) -> bool:
    """Whether a figure with no period of its own may continue its paragraph's: an amount
    of a flow (not a count, a rate per month or a stock), a change, or a share that is not
    one of a count just stated ("9,000 firms, 3 percent of the national total") nor one
    stated in the present simple ("the zone contributes 90%"): those are stocks."""
    if fig.per is not None:
        return False
    if kind == "share":
        return not stock_share
    return (kind == "level" and fig.unit in _FLOWS and fig.unit != "count") or kind in (
        "change",
        "diff",
        "rank",  # "... in 2023. It ranked 11th among ...": the ranking of that year
    )


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
