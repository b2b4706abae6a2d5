"""Fact extraction: figures of a document attributed to a region, period, change and metric.

``extract_facts(text, published)`` splits the text into sentences, reads the figures of each
(:mod:`.figures`), attaches growth rates to the figure they qualify (or keeps them as their own
``change`` record), links bracketed conversions (``equivalent_of``) and restatements ("the nine
cities"), and attributes every figure to the most specific place (:mod:`.regions`), the nearest
period of its sentence (:mod:`.periods`) and a metric (:mod:`.metrics`).

Non-goals: storage, tables and lists in non-prose layouts, figures split across sentences.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

from db.models import Fact, Region
from importers.gazetteer import Gazetteer

from . import metrics
from .changes import Change, read_change
from .figures import Figure, figures_in, topping_scope
from .numbers import find_numbers
from .periods import Period, find_dates, find_periods, stated_years
from .regions import RegionTracker
from .sentences import split_paragraphs, split_sentences

_BRACKET_GAP_RE = re.compile(
    r"^[\s\xa0]*[(（][\s\xa0]*(?:about|around|approximately|or)?[\s\xa0]*$"
)
_RANK_GAP_RE = re.compile(
    r"^[^;]*,[\s\xa0]*(?:which[\s\xa0]+|and[\s\xa0]+|that[\s\xa0]+)?$|"
    r"^[\s\xa0]*$"
)
_ORDINAL_QUICK_RE = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.IGNORECASE
)
_CURRENCIES = frozenset({"CNY", "USD", "EUR", "HKD", "GBP", "JPY"})
_DURATIONS = frozenset({"year", "month", "day", "week", "hour", "decade", "century", "minute"})


def _reference_year(text: str, published: dt.date | None) -> tuple[int | None, bool]:
    """Year that "this year" denotes; guessed as the year after the latest stated year."""
    if published is not None:
        return published.year, False
    years = [y for y in stated_years(text) if 1990 <= y <= 2100]
    return (max(years) + 1, True) if years else (None, False)


def _choose_period(
    fig: Figure, periods: list[Period], figs: list[Figure], text: str
) -> Period | None:
    best: tuple[int, int] | None = None
    chosen = None
    for p in periods:
        lo, hi = (p.end, fig.start) if p.end <= fig.start else (fig.end, p.start)
        between = text[lo:hi] if hi > lo else ""
        blocked = int(
            ";" in between
            or any(o is not fig and not o.is_rank and lo <= o.start < hi for o in figs)
        )
        key = (blocked, max(0, hi - lo))
        if best is None or key < best:
            best, chosen = key, p
    return chosen


def _attach_changes(
    text: str, figs: list[Figure], s_start: int, s_end: int
) -> tuple[dict[int, Change], set[int], dict[int, Change]]:
    """Changes keyed by figure index, indexes of percent figures consumed, standalone changes."""
    attached: dict[int, Change] = {}
    consumed: set[int] = set()
    standalone: dict[int, Change] = {}
    for i, fig in enumerate(figs):
        if fig.unit not in ("percent", "percentage point"):
            continue
        floor = s_start
        for j in range(i - 1, -1, -1):
            if not figs[j].is_rank:
                floor = figs[j].end
                break
        change = read_change(text, fig.start, fig.end, fig.value, floor, s_end)
        if change is None:
            continue
        if fig.unit == "percentage point":
            standalone[i] = change
            continue
        target = None
        if change.targets_next:
            target = next(
                (
                    j
                    for j in range(i + 1, len(figs))
                    if figs[j].unit in _CURRENCIES or figs[j].unit == "count"
                ),
                None,
            )
        if target is None:
            for j in range(i - 1, -1, -1):
                prev = figs[j]
                if prev.is_rank:
                    continue
                gap = text[prev.end : change.trigger_start]
                if (
                    prev.unit not in ("percent", "percentage point", "fraction")
                    and ";" not in gap
                    and j not in attached
                    # "..., while imports fell 3%" states the change of another quantity
                    and metrics.classify(gap.rsplit(",", 1)[-1]) is None
                ):
                    target = j
                break
        if target is not None and target in attached:
            target = None
        if target is None:
            standalone[i] = change
        else:
            attached[target] = change
            consumed.add(i)
            if target > 0 and _BRACKET_GAP_RE.match(
                text[figs[target - 1].end : figs[target].start]
            ):
                attached[target - 1] = change
    return attached, consumed, standalone


def extract_facts(
    text: str, published: dt.date | None = None, gazetteer: Gazetteer | None = None
) -> list[Fact]:
    """Every figure stated in ``text`` as a :class:`Fact` (``id``/``doc_id`` left None)."""
    gz = gazetteer if gazetteer is not None else Gazetteer.default()
    sentences = split_sentences(text)
    paragraphs = split_paragraphs(text)
    para_starts = [p[0] for p in paragraphs]
    nums = find_numbers(text)
    num_starts = [n.start for n in nums]
    date_spans = [(a, b) for a, b, _ in find_dates(text)]
    ref_year, guessed = _reference_year(text, published)
    tracker = RegionTracker(text, gz, sentences)
    topic = tracker.doc_topic
    facts: list[Fact] = []
    current_para = -1
    for s_start, s_end in sentences:
        para = bisect_left(para_starts, s_start + 1) - 1
        if para != current_para:
            current_para, topic = para, tracker.doc_topic
        lo, hi = bisect_left(num_starts, s_start), bisect_left(num_starts, s_end)
        if lo == hi and not _ORDINAL_QUICK_RE.search(text, s_start, s_end):
            topic = tracker.update_topic(topic, s_start, s_end)
            continue
        periods = find_periods(text, s_start, s_end, ref_year, published)
        figs = figures_in(text, nums[lo:hi], s_start, s_end, date_spans, periods)
        if figs:
            facts.extend(
                _sentence_facts(text, figs, periods, s_start, s_end, tracker, topic, facts, guessed)
            )
        topic = tracker.update_topic(topic, s_start, s_end)
    return facts


def _region_fields(region: Region | None) -> dict[str, str | None]:
    if region is None:
        return {"region": None, "region_level": None, "region_id": None}
    return {"region": region.name, "region_level": region.level, "region_id": region.id}


def _sentence_facts(
    text: str,
    figs: list[Figure],
    periods: list[Period],
    s_start: int,
    s_end: int,
    tracker: RegionTracker,
    topic: Region | None,
    earlier: list[Fact],
    guessed_year: bool,
) -> list[Fact]:
    attached, consumed, standalone = _attach_changes(text, figs, s_start, s_end)
    _assign_ranks(text, figs, s_start, s_end)
    out: list[Fact] = []
    by_index: dict[int, dict[str, object]] = {}
    prev_metric: tuple[str | None, str | None] = (None, None)
    for i, fig in enumerate(figs):
        if i in consumed:
            continue
        context_lo = s_start
        for j in range(i - 1, -1, -1):
            if j not in consumed:
                context_lo = max(s_start, figs[j].end)
                break
        before = text[context_lo : fig.start]
        after = text[fig.end : s_end]
        fact = _base_fact(text, fig, s_start, s_end)
        region = tracker.region_at(fig.start, s_start, s_end, topic)
        fact.update(_region_fields(region))
        period = _choose_period(fig, periods, figs, text)
        if period is not None:
            fact["period"], fact["period_text"] = period.value, period.text
            if guessed_year and re.search(r"\b(?:last|this|next)\s+year", period.text, re.I):
                fact["notes"] = "year of a relative period guessed from the latest stated year"
        change = attached.get(i) or standalone.get(i)
        if change is not None:
            fact.update(change_percent=change.percent, change_basis=change.basis)
            if i in attached:
                pct = _consumed_quote(figs, consumed, change)
                if pct is not None:
                    fact.update(
                        change_quote=text[pct.start : pct.end],
                        change_start=pct.start,
                        change_end=pct.end,
                    )
            else:
                fact.update(change_quote=fact["quote"], change_start=fig.start, change_end=fig.end)
        kind, metric, metric_type, share = _kind_and_metric(
            text, fig, before, after, s_end, change is not None and i in standalone
        )
        if fig.is_rank:
            ranked = next(
                (f for f in reversed(out) if f.rank == fig.rank and f.unit != "rank"), None
            )
            if ranked is not None and ranked.metric_type is not None:
                metric, metric_type = ranked.metric, ranked.metric_type
        if metric_type is None and prev_metric[1] is not None and fig.unit not in ("count",):
            metric, metric_type = prev_metric
        fact.update(kind=kind, metric=metric, metric_type=metric_type, share_of=share)
        if fig.unit not in ("count", "rank", "times") and metric_type is not None:
            prev_metric = (metric, metric_type)
        _equivalent(text, figs, i, fact, by_index)
        _restatement(text, fig, fact, earlier + out)
        out.append(Fact(**fact))
        by_index[i] = out[-1].model_dump()
    return out


def _consumed_quote(figs: list[Figure], consumed: set[int], change: Change) -> Figure | None:
    for k in sorted(consumed):
        if figs[k].start >= change.trigger_start and figs[k].end <= change.end:
            return figs[k]
    return None


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


def _kind_and_metric(
    text: str, fig: Figure, before: str, after: str, s_end: int, is_change: bool
) -> tuple[str, str | None, str | None, str | None]:
    unit = fig.unit
    if fig.is_rank:
        phrase = metrics.metric_before(before)
        return "rank", phrase, metrics.classify(phrase) if phrase else None, None
    if unit in _DURATIONS:
        return "duration", fig.noun, "duration", None
    if unit in ("square meter", "square kilometer", "hectare", "mu"):
        return "level", metrics.metric_before(before), "area", None
    if unit in ("count", "times"):
        return "level", fig.noun, "count", None
    phrase = metrics.metric_after(text, fig.end, s_end) if unit in _CURRENCIES else None
    phrase = phrase or metrics.metric_before(before)
    if unit in ("percent", "percentage point", "fraction"):
        share_of = metrics.share_of(after) if not is_change else None
        if phrase is None and share_of:
            phrase = share_of if metrics.classify(share_of) else None
        mtype = metrics.classify(phrase) if phrase else None
        if is_change:
            return ("diff" if unit == "percentage point" else "change"), phrase, mtype, None
        if unit == "percentage point":
            return "diff", phrase, mtype, None
        return "share", phrase, mtype, share_of
    mtype = metrics.classify(phrase) if phrase else None
    if (
        unit in _CURRENCIES
        and fig.qualifier in (">=", ">")
        and metrics.is_threshold(text[max(0, fig.start - 120) : fig.start])
    ):
        return "threshold", phrase, mtype, None
    return "level", phrase, mtype, None


def _assign_ranks(text: str, figs: list[Figure], s_start: int, s_end: int) -> None:
    """Copy a rank onto the figure it ranks ("X yuan, ranking No. 2 ..." / "topping ...")."""
    for i, fig in enumerate(figs):
        if not fig.is_rank:
            continue
        verb_start = text.rfind(" ", s_start, fig.start - 1) + 1
        _rank_previous(text, figs, i, max(s_start, verb_start), fig.rank, fig.rank_scope)
    top = topping_scope(text, s_start, s_end)
    if top is not None:
        idx = sum(1 for f in figs if f.start < top[0])
        _rank_previous(text, figs, idx, top[0], 1, top[1])


def _rank_previous(
    text: str, figs: list[Figure], idx: int, verb_start: int, rank: int | None, scope: str | None
) -> None:
    for j in range(idx - 1, -1, -1):
        prev = figs[j]
        if prev.is_rank or prev.unit in ("percent", "percentage point"):
            continue
        if not _RANK_GAP_RE.match(text[prev.end : verb_start]):
            return
        for k in range(j, -1, -1):
            other = figs[k]
            if other.is_rank or other.unit in ("percent", "percentage point"):
                continue
            if k == j or _BRACKET_GAP_RE.match(text[other.end : figs[k + 1].start]):
                other.rank, other.rank_scope = rank, scope
            else:
                break
        return


def _equivalent(
    text: str,
    figs: list[Figure],
    i: int,
    fact: dict[str, object],
    by_index: dict[int, dict[str, object]],
) -> None:
    """A bracketed conversion restates the figure before it and inherits its attribution."""
    if i == 0 or fact["unit"] not in _CURRENCIES:
        return
    prev = by_index.get(i - 1)
    if prev is None or prev["unit"] not in _CURRENCIES:
        return
    if not _BRACKET_GAP_RE.match(text[int(str(prev["end"])) : figs[i].start]):
        return
    fact["equivalent_of"] = prev["quote"]
    for key in (
        "region",
        "region_level",
        "region_id",
        "metric",
        "metric_type",
        "period",
        "period_text",
        "change_percent",
        "change_basis",
        "change_quote",
        "change_start",
        "change_end",
        "kind",
        "qualifier",
        "per",
        "rank",
        "rank_scope",
        "subject",
    ):
        fact[key] = prev.get(key)


def _restatement(text: str, fig: Figure, fact: dict[str, object], earlier: list[Fact]) -> None:
    """ "the nine cities" / "among the nine" repeat an earlier count and inherit its attribution."""
    if fig.unit != "count":
        return
    before = text[max(0, fig.start - 12) : fig.start]
    if not re.search(r"\b(?:the|these|those|all)[\s\xa0]+$", before, re.IGNORECASE):
        return
    head = (fig.noun or "").split()[-1:] if fig.noun else []
    for prior in reversed(earlier):
        if prior.unit != "count" or prior.value != fig.value:
            continue
        prior_head = prior.quote.split()[-1:] if prior.quote != prior.number_quote else []
        if head and prior_head and head != prior_head:
            continue
        fact.update(
            region=prior.region,
            region_level=prior.region_level,
            region_id=prior.region_id,
            subject=prior.subject,
        )
        if fig.bare:
            fact.update(metric=prior.metric, metric_type=prior.metric_type)
        fact["notes"] = "restatement"
        return
