"""The named passes that attribute one figure of a sentence, in the order they run.

Each pass reads the :class:`.sentence.SentenceWork` of the sentence and the
:class:`.sentence.FigureWork` of the figure, and fills fields of its draft or of the work (the
metric is decided over several passes, then stored by ``metric_fields``). :data:`PASSES` is the
one table :func:`sentence_facts` runs; a new rule is a new function in it, at the
place where what it reads has been decided.
"""

from __future__ import annotations

import re

from factscope.db.models import Fact, Region

from . import metrics
from ._fold import fold_case
from .changes import resolve_from_year
from .draft import draft_of
from .figure import Figure
from .kinds import kind_and_metric, links_share
from .links import company, equivalent, restatement
from .metric_lists import list_item
from .metric_rules import TYPE_PHRASES
from .pass_plan import _NO_SUBJECT_UNITS, NEEDS, plan_of
from .period_carry import FLOWS
from .periods import Period
from .rates import NATIONAL_RATE_RE, SHARE_MOVE_NOTE, rate_kind, share_move
from .regions_zh import whole_region
from .sentence import (
    Document,
    FigureWork,
    Pass,
    SentenceWork,
    clause_start,
    context_start,
    names_a_subject,
    sentence_work,
)

# "annual revenue", not "average annual growth" nor "annual growth"
_ANNUAL_RE = re.compile(
    r"(?<!average\s)\b(?:annual|yearly)\s+(?!(?:average|growth|increase|rate)\b)", re.IGNORECASE
)
_PER_WORDS = ("very", "ach", "per")  # in every _DETACHED_PER_RE match: a cheap gate
_PER_PERIODS = ("day", "week", "month", "year")  # so is one of these, in the lowered text
_DETACHED_PER_RE = re.compile(
    r"^(?:(?!\b(?:that|which|who|whose|to|and)\b)[^,.;:()]){0,40}?\b(?:every|each|per)\s+"
    r"(?P<per>day|week|month|year)\b",
    re.IGNORECASE,
)
_RELATIVE_YEAR_RE = re.compile(
    r"\b(?:last|this|next)\s+year|今年|去年|明年|上年|本年|前年", re.IGNORECASE
)
_NUMBER_OF_RE = re.compile(
    r"\bnumber\s+of\s+(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)\s+(?:\w+\s+){0,2}?"
    r"(?:to|at|of|was|reached|hit|totaled|topped|exceeded)\s+$",
    re.IGNORECASE,
)
# "46 industrial parks, 12 of which ...", "6.1 million visitors, below the 2019 level of 7.4"
_COUNT_BEFORE_RE = re.compile(
    r",\s*(?:of\s+which\s+|among\s+them\s+)?$|\b(?:level|figure)s?\s+(?:of|at)\s+$"
)
_THAT_OF_RE = re.compile(r"\b(?:that|those)\s+of\b", re.IGNORECASE)
_NO_FACTS: list[Fact] = []  # read only: no list made per figure with no earlier count


def context(work: SentenceWork, item: FigureWork) -> None:
    """The words before the figure (from the figure before it, or the last semicolon) and
    after it; the period and change chosen for it. A clause after a semicolon that names its
    own subject continues no metric ("；城镇调查失业率控制在5%以内")."""
    fig, text = item.fig, work.doc.text
    context_lo = context_start(work, item.i)
    cut = clause_start(work, fig, context_lo)
    if cut != context_lo and names_a_subject(text[cut : fig.start]):
        work.prev_metric = work.prev_named = (None, None)
    item.context_lo = cut
    item.before = text[cut : fig.start]
    # conditional expressions, not min()/max(): those builtins parse their arguments (about
    # 600 instructions a call, several calls a figure)
    end = fig.end + 80
    item.after = text[fig.end : end if end < work.s_end else work.s_end]
    item.period = work.periods[item.i]
    item.change = work.changes.attached.get(item.i) or work.changes.standalone.get(item.i)


def region(work: SentenceWork, item: FigureWork) -> None:
    """The most specific place the sentence attributes the figure to."""
    tracker, fig = work.doc.tracker, item.fig
    place = tracker.region_at(fig.start, work.s_start, work.s_end, work.topic)
    if not fig.is_rank and not item.before.isascii():
        place = whole_region(work.doc.text, work.s_start, fig.start, place, tracker)
    item.draft.set_region(place)


def per(work: SentenceWork, item: FigureWork) -> None:
    """A flow stated per year or per day by words apart from its unit: "companies with annual
    revenue of at least 20 million yuan", "2,000 trucks cross the border every day"."""
    fig, period = item.fig, item.period
    if fig.per is not None or fig.unit not in FLOWS:
        return
    if (period is None or period.value is None) and _annual(item.before):
        item.draft.per = "year"
    elif _may_be_detached(item.after):
        detached = _DETACHED_PER_RE.match(item.after)
        if detached is not None:
            item.draft.per = detached.group("per").lower()


def _may_be_detached(after: str) -> bool:
    """Whether ``_DETACHED_PER_RE`` may match ``after``: one of :data:`_PER_WORDS` as written
    (so "reached" passes) and, in the lowered text, one of its period words (most of the text
    after a figure names none, and the pattern's lazy walk is the costly part)."""
    if "very" not in after and "ach" not in after and "per" not in after:
        return False
    lowered = after.lower()  # what IGNORECASE matches of these letters (K, the Kelvin sign)
    return any(word in lowered for word in _PER_PERIODS)


def _annual(before: str) -> bool:
    """``_ANNUAL_RE.search(before)``, tried only when one of its words is there: the pattern
    opens with a look-behind, so ``re`` would try it at every position of the context."""
    lowered = before.lower()
    return ("annual" in lowered or "yearly" in lowered) and bool(_ANNUAL_RE.search(before))


def subject(work: SentenceWork, item: FigureWork) -> None:
    """The company whose figure it is ("Haier's revenue"), for amounts and counts (left unset,
    None, when there is none: one field less to validate)."""
    if item.fig.unit not in _NO_SUBJECT_UNITS:
        tracker = work.doc.tracker
        found = company(work.doc.text, item.context_lo, item.fig.start, tracker)
        if found is not None:
            item.draft.subject = found


def period(work: SentenceWork, item: FigureWork) -> None:
    """The figure's own period, or the one "during the same period" refers to; a relative
    year ("this year") of an undated text gets a note that its year is a guess."""
    draft, chosen = item.draft, item.period
    work.carried.reference(draft, item.fig, chosen)
    if chosen is not None:
        draft.period, draft.period_text = chosen.value, chosen.text
        if work.doc.guessed_year and _RELATIVE_YEAR_RE.search(chosen.text):
            draft.notes = "year of a relative period guessed from the latest stated year"


def change(work: SentenceWork, item: FigureWork) -> None:
    """The growth rate attached to the figure (or that the percent itself states), its basis
    resolved against the figure's period, and the quote that states it."""
    found, draft, fig, changes = item.change, item.draft, item.fig, work.changes
    if found is None:
        return
    standalone = item.i in changes.standalone
    basis = resolve_from_year(found.basis, draft.period or None)
    draft.change_percent, draft.change_basis = found.percent, basis
    source = fig if standalone else changes.quote_of(found)
    if source is not None and source.unit == "percentage point":
        # "rose 2.1 percentage points": a move in points is no percent change; the direction
        # stays in the quote and a note
        moved = "fell" if found.percent < 0 else "rose"
        draft.change_percent = None
        draft.add_note(f"{moved} {abs(found.percent):g} percentage points")
    chosen = item.period
    if (
        basis == "avg_annual"
        and standalone
        and chosen is not None
        and chosen.start >= fig.end
        and chosen.value is not None
        and "/" not in chosen.value
    ):
        # "年均增长6.6%，2022年达到...": one year after an average annual rate is the period of
        # the next figure, not the span the average is over
        draft.period = draft.period_text = None
    if item.i not in changes.attached:
        draft.change_quote, draft.change_start, draft.change_end = draft.quote, fig.start, fig.end
        return
    pct = changes.quote_of(found)
    span = (pct.start, pct.end) if pct is not None else changes.verbs.get(item.i)
    if span is not None:
        draft.change_quote = work.doc.text[span[0] : span[1]]
        draft.change_start, draft.change_end = span


def kind_metric(work: SentenceWork, item: FigureWork) -> None:
    """The kind (level, change, share ...) and the metric the words around the figure name,
    place names masked out of the metric phrase."""
    tracker, lo, end = work.doc.tracker, item.context_lo, item.fig.start

    def cuts() -> list[tuple[int, int]]:  # asked only by the readings of a metric phrase
        return [(a - lo, b - lo) for a, b in tracker.name_spans(lo, end)]

    standalone = item.change is not None and item.i in work.changes.standalone
    item.kind, item.metric, item.metric_type, item.share = kind_and_metric(
        work.doc.text, item.fig, item.before, item.after, work.s_end, standalone, cuts
    )


def rank_metric(work: SentenceWork, item: FigureWork) -> None:
    """A rank takes the metric (and, lacking its own, the period) of the figure it ranks: "...
    4.71 trillion yuan in 2023. It ranked 11th"."""
    fig = item.fig
    if not fig.is_rank or fig.rank is None:
        return
    ranked = work.ranked_by.get(fig.rank)
    if ranked is None:
        return
    if ranked.metric_type is not None:
        item.metric, item.metric_type = ranked.metric, ranked.metric_type
    if item.draft.period is None and ranked.period:
        item.draft.period, item.draft.period_text = ranked.period, ranked.period_text


def carried_metric(work: SentenceWork, item: FigureWork) -> None:
    """No metric named: the sentence's last one; "while that of rural residents rose ...":
    the metric named before, not whose it was."""
    continues = item.metric_type is None and not item.metric and item.fig.unit != "count"
    if continues and work.prev_metric[1]:
        item.metric, item.metric_type = work.prev_metric
        return
    named, named_type = work.prev_named
    if not item.metric and named and _THAT_OF_RE.search(item.before):
        item.metric, item.metric_type = str(named).split(" of ")[0], named_type


def list_metric(work: SentenceWork, item: FigureWork) -> None:
    """ "exports and imports grew 8.1% and 2.4% respectively": one metric per rate."""
    listed = work.changes.listed.get(item.i) or work.lists.get(item.i)
    if listed is None:
        return
    if listed[1] == 0:
        work.list_contexts[listed[0]] = item.before
    phrase = work.list_contexts.get(listed[0])
    found = list_item(phrase, listed[1], listed[2]) if phrase else None
    if found is not None:
        item.metric, item.metric_type = found


def count_metric(work: SentenceWork, item: FigureWork) -> None:
    """A bare count's metric: "the number of shoppers rising to 6.76 million", or the count
    before it ("46 industrial parks, 12 of which ...", "below the 2019 level of 7.4")."""
    fig, before, previous = item.fig, item.before, work.previous
    if not fig.bare or fig.unit != "count" or item.metric:
        return
    number_of = _NUMBER_OF_RE.search(before)
    if number_of is not None:
        item.metric = f"number of {number_of.group('noun')}"
    elif previous is not None and previous.unit == "count" and _COUNT_BEFORE_RE.search(before):
        item.metric = previous.metric


def share_link(work: SentenceWork, item: FigureWork) -> None:
    """ "totaled 173.6 billion yuan, ... accounting for 68.4 percent of the province's foreign
    trade": the share is of the figure before it, not of its denominator."""
    previous, metric = work.previous, item.metric
    if item.kind != "share" or previous is None or not previous.metric:
        return
    if metric and not (item.share is not None and metric == metrics.tidy(item.share)):
        return
    if links_share(item.before):
        item.metric, item.metric_type = previous.metric, previous.metric_type


def metric_fields(work: SentenceWork, item: FigureWork) -> None:
    """Store the kind and metric decided so far; a type with no phrase gets its name. The
    draft's metric fields are unset (None) until here: a None is left so, one field less for
    ``Fact`` validation."""
    if not item.metric and item.metric_type is not None:
        item.metric = TYPE_PHRASES.get(item.metric_type)
    draft = item.draft
    if item.kind != "level":  # the default: one field less to validate
        draft.kind = item.kind
    if item.metric is not None:
        draft.metric = item.metric
    if item.metric_type is not None:
        draft.metric_type = item.metric_type
    if item.share is not None:
        draft.share_of = item.share


def named_rate(work: SentenceWork, item: FigureWork) -> None:
    """A percent read as a share for want of a verb may be a growth rate named so, a gap or
    a threshold (:func:`.rates.rate_kind`)."""
    fig = item.fig
    if item.kind == "share" and not item.share and fig.unit == "percent" and item.change is None:
        lo = fig.start - 200
        clause = work.doc.text[lo if lo > work.s_start else work.s_start : fig.start]
        item.kind = rate_kind(item.draft, fig, item.before, item.after, work.previous, clause)


def national_rate(work: SentenceWork, item: FigureWork) -> None:
    """ "the national growth rate": the change is the nation's."""
    rate = item.kind == "change" and item.fig.unit == "percent"
    tail = item.before[-120:]
    named = rate and any(word in fold_case(tail) for word in ("nation", "country", "全国"))
    if named and NATIONAL_RATE_RE.search(tail):  # the words first: the pattern opens with \b
        item.draft.set_region(work.doc.tracker.gz.get("CN"))


def moved_share(work: SentenceWork, item: FigureWork) -> None:
    """A change in percent right after a share means points (README rule 12): no growth."""
    alone = item.i in work.changes.standalone or item.change is None  # attached to no amount
    moved = alone and item.fig.unit == "percent" and item.kind == "change"
    if moved and share_move(item.before, work.previous):
        item.draft.change_percent = None
        item.draft.add_note(SHARE_MOVE_NOTE)


def rate_gap(work: SentenceWork, item: FigureWork) -> None:
    """ "4.1% higher than the national average": a gap between rates, no growth."""
    gap = item.kind == "diff" and item.fig.unit == "percent"
    if gap and item.i in work.changes.standalone:
        item.draft.clear_change()


def carry(work: SentenceWork, item: FigureWork) -> None:
    """A figure with no period continues the one stated before (:mod:`.period_carry`); a
    duration ("连续10年") has none, its anchor kept in ``period_text``."""
    work.carried.carry(item.draft, item.fig, item.period, item.kind, work.previous)
    if item.kind == "duration":
        item.draft.period = None


def remember_metric(work: SentenceWork, item: FigureWork) -> None:
    """What the next figures of the sentence may continue. A count's metric is its noun, a
    duration's "duration", an area's "area": none carries over."""
    unit, metric, metric_type = item.fig.unit, item.metric, item.metric_type
    if unit not in ("count", "times") and metric_type not in (None, "duration", "area"):
        work.prev_metric = (metric, metric_type)
    if unit not in ("count", "times") and metric and metric_type != "duration":
        work.prev_named = (metric, metric_type)


def links(work: SentenceWork, item: FigureWork) -> None:
    """A bracketed conversion restates the figure before it; "the nine cities" an earlier
    count: both inherit that figure's attribution."""
    text, fig = work.doc.text, item.fig
    equivalent(text, work.figs, item.i, item.draft, work.by_index)
    restatement(text, fig, item.draft, work.doc.counts.get(fig.value) or _NO_FACTS)


PASSES: tuple[tuple[str, Pass], ...] = (
    ("context", context),
    ("region", region),
    ("per", per),
    ("subject", subject),
    ("period", period),
    ("change", change),
    ("kind_metric", kind_metric),
    ("rank_metric", rank_metric),
    ("carried_metric", carried_metric),
    ("list_metric", list_metric),
    ("count_metric", count_metric),
    ("share_link", share_link),
    ("metric_fields", metric_fields),
    ("named_rate", named_rate),
    ("national_rate", national_rate),
    ("moved_share", moved_share),
    ("rate_gap", rate_gap),
    ("carry", carry),
    ("remember_metric", remember_metric),
    ("links", links),
)
"""Every pass, in the order it runs on each figure."""


def sentence_facts(
    doc: Document,
    figs: list[Figure],
    periods: list[Period],
    span: tuple[int, int],
    topic: Region | None,
) -> list[Fact]:
    """The facts of the figures ``figs`` of the sentence ``span``, every pass run in order."""
    work = sentence_work(doc, figs, periods, span, topic)
    for i, fig in enumerate(figs):
        if i in work.changes.consumed:
            continue  # a percent read as the change of another figure
        item = FigureWork(i, fig, draft_of(doc.text, fig, work.s_start, work.s_end))
        for run in plan_of(fig, PASSES, NEEDS):
            run(work, item)
        finish(work, item)
    return work.out


def finish(work: SentenceWork, item: FigureWork) -> None:
    """Make the figure's fact and record it for the figures after it."""
    fact = item.draft.fact()
    work.out.append(fact)
    work.by_index[item.i] = item.draft
    if fact.rank is not None and fact.unit != "rank":
        work.ranked_by[fact.rank] = fact
    if fact.unit == "count":
        work.doc.counts.setdefault(fact.value, []).append(fact)
