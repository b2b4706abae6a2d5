"""Trends: one region's figure for one metric across periods, from every document stating it.

A trend answers "how did Chengdu's exports move, and do the sources agree?". Its facts are the
region's amounts of one metric (given as a metric type such as ``exports``, or as a phrase
matched against the facts' metric phrases), grouped by period and ordered in time: years, then
the quarters, months and cumulative spans within them (``2021-01/2021-08`` stays apart from
``2021``). Every value of a period is kept with its document; when two documents state values
more than :data:`CONFLICT_TOLERANCE` apart the point is a ``conflict``. Restatements are never
conflicts: a bracketed conversion (``equivalent_of``) is left out, and one document stating the
same figure twice counts once. Missing years between the first and the last appear as gaps.

Pure functions over facts; :func:`db.fact_loads.load_trend` fetches them with one indexed
query.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from factscope.db.compare import HETEROGENEOUS, METRIC_LABELS, PHRASE_SIMILARITY
from factscope.db.compare_labels import MEASURE_WORDS, phrase_of, row_label
from factscope.db.models import Fact, Region

CONFLICT_TOLERANCE = 0.005
"""Two values of one period disagree when they are more than 0.5 % apart."""

_SPAN = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:/(\d{4})(?:-(\d{2}))?)?$")


class TrendValue(BaseModel):
    """One document's figure for a point."""

    fact: Fact
    document_title: str
    document_source: str
    document_published: dt.date | None = None


class TrendPoint(BaseModel):
    """One period of a series: every distinct value stated for it, or none (a gap)."""

    period: str
    values: list[TrendValue] = Field(default_factory=list)
    conflict: bool = False
    """True when documents state values more than 0.5 % apart (in one unit)."""

    @property
    def gap(self) -> bool:
        """No document states this period (a missing year between stated ones)."""
        return not self.values


class TrendSeries(BaseModel):
    """One region's points, in time order."""

    region: Region
    points: list[TrendPoint]
    unit: str | None
    """The unit most of the series' values are in (values in others are kept, not charted)."""


class Trend(BaseModel):
    """The answer to "how did REGION's METRIC move": one series per region."""

    metric: str
    """What was asked for: a metric type or a phrase."""
    label: str
    """The metric as people read it ("Exports", or the phrase)."""
    series: list[TrendSeries]
    notes: list[str] = Field(default_factory=list)
    other_measures: list[str] = Field(default_factory=list)
    """Measures of the metric the trend leaves out ("share"), each a trend of its own."""


def period_key(period: str) -> tuple[int, int, int, int, int]:
    """Time order: by year; a whole year before its parts; then by start and end month.

    Multi-year spans (``2016/2020``) sort at their last year, after its parts.
    """
    match = _SPAN.match(period)
    if match is None:
        return (9999, 9, 0, 0, 0)
    year, month, end_year, end_month = match.groups()
    if end_year and end_year != year:
        return (int(end_year), 2, 0, int(year), 0)
    if month is None:
        return (int(year), 0, 0, 0, 0)
    end = int(end_month or month)
    return (int(year), 1, int(month), end, 0)


def _is_year(period: str) -> bool:
    return len(period) == 4 and period.isdigit()


def matches_metric(fact: Fact, metric: str) -> bool:
    """A metric type matches exactly; a phrase matches the fact's metric phrase loosely."""
    if metric in METRIC_LABELS:
        return fact.metric_type == metric
    phrase = (fact.metric or "").casefold()
    return bool(phrase) and fuzz.token_set_ratio(metric.casefold(), phrase) >= PHRASE_SIMILARITY


def _disagree(a: float, b: float) -> bool:
    scale = max(abs(a), abs(b))
    return scale > 0 and abs(a - b) / scale > CONFLICT_TOLERANCE


def build_point(period: str, values: list[TrendValue]) -> TrendPoint:
    """A point from its values: one per document and figure, flagged when sources disagree."""
    kept: list[TrendValue] = []
    seen: set[tuple[str | None, str | None, float | None]] = set()
    for value in sorted(values, key=lambda v: (v.document_published or dt.date.min, v.fact.id)):
        key = (value.fact.doc_id, value.fact.unit, value.fact.normalized)
        if key not in seen:
            seen.add(key)
            kept.append(value)
    conflict = any(
        a.fact.doc_id != b.fact.doc_id
        and a.fact.unit == b.fact.unit
        and a.fact.normalized is not None
        and b.fact.normalized is not None
        and _disagree(a.fact.normalized, b.fact.normalized)
        for i, a in enumerate(kept)
        for b in kept[i + 1 :]
    )
    return TrendPoint(period=period, values=kept, conflict=conflict)


def build_series(region: Region, values: list[TrendValue]) -> TrendSeries:
    """Points in time order, with gaps for the years missing between stated ones."""
    by_period: dict[str, list[TrendValue]] = defaultdict(list)
    for value in values:
        if value.fact.period:
            by_period[value.fact.period].append(value)
    years = sorted(int(p) for p in by_period if _is_year(p))
    for year in range(years[0], years[-1]) if years else ():
        by_period.setdefault(str(year), [])
    points = [build_point(p, by_period[p]) for p in sorted(by_period, key=period_key)]
    units = Counter(v.fact.unit for v in values)
    return TrendSeries(
        region=region, points=points, unit=units.most_common(1)[0][0] if units else None
    )


def build_trend(
    metric: str,
    regions: list[Region],
    values_by_region: dict[str, list[TrendValue]],
    *,
    measure: str = "amount",
    phrase: str = "",
    left_out: dict[str, Counter[str]] | None = None,
) -> Trend:
    """The trend from fetched values: one series per region that has any, with notes.

    :param measure: what the values are (amounts unless a share's or a rank's trend).
    :param phrase: what the values count, when the trend is of one thing of a broad type.
    :param left_out: by region id, how many figures of the metric were of another measure
        (a share of exports in a trend of exports): each region's note says so.
    """
    label = trend_label(metric, measure, phrase)
    series: list[TrendSeries] = []
    notes: list[str] = []
    for region in regions:
        values = [v for v in values_by_region.get(region.id, []) if matches_metric(v.fact, metric)]
        undated = [v for v in values if not v.fact.period or v.fact.period.startswith("X")]
        if undated:
            notes.append(f"{region.name}: {_figures(len(undated), 'with no year')} left out")
        ahead = [v for v in values if v not in undated and is_outlook(v)]
        if ahead:
            periods = ", ".join(sorted({str(v.fact.period) for v in ahead}))
            notes.append(
                f"{region.name}: {_figures(len(ahead), 'stated in advance')} left out"
                f" ({periods}): an outlook, not a result"
            )
        dated = [v for v in values if v not in undated and v not in ahead]
        if dated:
            series.append(build_series(region, dated))
        else:
            what = "amount" if measure == "amount" else "figure"  # others: "Exports (share)"
            notes.append(f"{region.name} has no {label} {what} with a period")
        notes.extend(_other_measures(region, label, measure, (left_out or {}).get(region.id)))
        if not phrase:
            notes.extend(_mixed_things(region, label, metric, dated))
    others = sorted({m for counts in (left_out or {}).values() for m, n in counts.items() if n})
    return Trend(metric=metric, label=label, series=series, notes=notes, other_measures=others)


def is_outlook(value: TrendValue) -> bool:
    """A figure whose period begins after its document was published: a forecast or a
    target ("to exceed 500 by 2025" in a report of 2022), not a result to chart."""
    period, published = value.fact.period or "", value.document_published
    return published is not None and period[:4].isdigit() and int(period[:4]) > published.year


def trend_label(metric: str, measure: str = "amount", phrase: str = "") -> str:
    """A trend's title as a comparison row would say it: "Exports", "Exports (share)",
    "Count: cities"; a phrase as asked, with the measure when not amounts."""
    if metric in METRIC_LABELS:
        return row_label(metric, measure, phrase)
    word = MEASURE_WORDS.get(measure)
    return f"{metric} ({word})" if word else metric


def _figures(count: int, what: str) -> str:
    return f"1 figure {what} is" if count == 1 else f"{count} figures {what} are"


def _other_measures(
    region: Region, label: str, measure: str, counts: Counter[str] | None
) -> list[str]:
    """Say what the trend leaves out of the metric: a trend of exports charts amounts, so a
    region's share of exports is named, not silently dropped."""
    shows = MEASURE_WORDS.get(measure, "amount")
    return [
        f"{region.name}: {_figures(n, f'({MEASURE_WORDS.get(m, m)}) of {label}')} not"
        f" charted: this trend shows {shows}s"
        for m, n in sorted((counts or Counter()).items())
    ]


def _mixed_things(region: Region, label: str, metric: str, values: list[TrendValue]) -> list[str]:
    """A broad type ("count") whose figures count different things is not one series: say
    which things, so the reader asks for one of them by name."""
    if metric not in HETEROGENEOUS:
        return []
    things = sorted({phrase_of(v.fact) or "unnamed" for v in values})
    if len(things) < 2:
        return []
    return [
        f"{region.name}: these {label} figures count different things"
        f" ({', '.join(things)}); name one for a trend of its own"
    ]
