"""Region comparison: facts of two or more regions aligned by metric type and period.

Rows are keyed by (metric_type, period, measure), where the measure separates what must never
be compared: amounts, shares, growth rates, ranks and durations. Within a row each region gets
its best fact (a primary figure beats a bracketed restatement of it). Values are compared only
when units agree; when two currencies differ, a rate the documents themselves state (a figure
and its bracketed equivalent, "305.57 billion yuan (US$47.27 billion)") converts one into the
other, and the cell says so and names the fact the rate came from. Anything else is marked
incomparable, never silently mixed. A district's figures are never summed into its city: with
``include_children`` the children's facts are shown under the parent, labelled with their own
region.

Pure functions over facts; :func:`db.fact_loads.load_comparison` fetches them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from factscope.db.models import Fact, Region
from factscope.db.units import CURRENCY_CODES

CURRENCIES = CURRENCY_CODES


class ExchangeRate(BaseModel):
    """A rate stated by a document: 1 ``from_unit`` = ``rate`` ``to_unit``."""

    from_unit: str
    to_unit: str
    rate: float
    period: str | None
    fact_id: int | None
    """The fact whose bracketed equivalent gave the rate."""


class CompareCell(BaseModel):
    """One region's figure in a row."""

    fact: Fact
    region_name: str
    """The region the fact is about (a child's name when rolled up)."""
    value: float | None
    unit: str | None
    converted_value: float | None = None
    """``value`` in the base region's unit, using ``rate``."""
    rate: ExchangeRate | None = None
    ratio_to_base: float | None = None
    difference_to_base: float | None = None
    comparable: bool = True
    note: str | None = None


class CompareRow(BaseModel):
    """One metric and period across the regions."""

    metric_type: str
    metric: str
    """A representative metric phrase from the facts in the row."""
    period: str | None
    measure: str
    cells: dict[str, CompareCell | None]
    """By region id, in the order of :attr:`Comparison.regions`; None where a region has none."""
    notes: list[str] = Field(default_factory=list)


class Comparison(BaseModel):
    """The aligned table."""

    regions: list[Region]
    rows: list[CompareRow]
    notes: list[str] = Field(default_factory=list)


def measure_of(fact: Fact) -> str:
    """What kind of quantity a fact is, for alignment: never compare across measures.

    Keep in step with :data:`db.fact_loads.MEASURE_SQL`.
    """
    if fact.kind in SEPARATE_KINDS:
        return fact.kind
    if fact.unit in ("percent", "percentage point"):
        return "share"
    return "amount"


SEPARATE_KINDS = ("share", "change", "rank", "duration", "diff", "threshold")


def exchange_rates(facts: Iterable[Fact], restated: dict[int, Fact]) -> list[ExchangeRate]:
    """Rates from bracketed equivalents: ``restated`` maps a fact id to the fact it restates."""
    rates: list[ExchangeRate] = []
    for fact in facts:
        original = restated.get(fact.id or -1)
        if original is None or not fact.normalized or not original.normalized:
            continue
        if fact.unit in CURRENCIES and original.unit in CURRENCIES and fact.unit != original.unit:
            rate = fact.normalized / original.normalized
            rates.append(
                ExchangeRate(
                    from_unit=str(original.unit),
                    to_unit=str(fact.unit),
                    rate=rate,
                    period=original.period,
                    fact_id=original.id,
                )
            )
    return rates


def _find_rate(
    rates: list[ExchangeRate], src: str, dst: str, period: str | None
) -> ExchangeRate | None:
    options: list[tuple[int, ExchangeRate]] = []
    for rate in rates:
        if (rate.from_unit, rate.to_unit) == (src, dst):
            candidate = rate
        elif (rate.from_unit, rate.to_unit) == (dst, src):
            candidate = rate.model_copy(
                update={"from_unit": src, "to_unit": dst, "rate": 1 / rate.rate}
            )
        else:
            continue
        distance = _period_distance(candidate.period, period)
        options.append((distance, candidate))
    return min(options, key=lambda o: o[0])[1] if options else None


def _year(period: str | None) -> int | None:
    if period and period[:4].isdigit():
        return int(period[:4])
    return None


def _period_distance(a: str | None, b: str | None) -> int:
    ya, yb = _year(a), _year(b)
    if ya is None or yb is None:
        return 50
    return abs(ya - yb)


METRIC_LABELS = {
    "trade_total": "Total trade",
    "exports": "Exports",
    "imports": "Imports",
    "trade_balance": "Trade balance",
    "trade_with_partner": "Trade with a partner",
    "gdp": "GDP",
    "gdp_per_capita": "GDP per capita",
    "fdi": "Foreign direct investment",
    "investment": "Investment",
    "industry_scale": "Industry scale",
    "revenue": "Revenue",
    "fiscal_revenue": "Fiscal revenue",
    "subsidy": "Subsidy",
    "trade_dependence": "Trade dependence",
    "count": "Count",
    "area": "Area",
    "duration": "Duration",
}
"""Row labels by metric type."""

HETEROGENEOUS = ("count", "area", "duration", "subsidy", "revenue", "investment", "industry_scale")
"""Metric types whose facts measure different things ("28 bases" vs "3,800 companies"): their
facts align only when their phrases are alike, not merely by type."""
PER_GROUP = 6
"""Facts fetched per region, heterogeneous metric type, period and measure."""
PHRASE_SIMILARITY = 70
"""rapidfuzz token_set_ratio at which two metric phrases count as the same metric."""

# What a quote holds besides its noun: digits, number and scale words (English and Chinese),
# and words that stand for a noun named elsewhere ("30 new ones")
_NUMBER = re.compile(
    r"[\d.,%]+|\b(?:billion|million|thousand|trillion|hundred|yuan|percent|more|than|over|"
    r"about|nearly|some|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozens?|ones?|new|of|them)\b|[零〇一二两三四五六七八九十百千万亿萬億余多近逾约]",
    re.I,
)
_WORD = re.compile(r"\w+")


def phrase_of(fact: Fact) -> str:
    """What a fact counts or measures, as words: its metric phrase, and the counted noun of
    its quote when the metric does not name it already ("cities", not "cities nine cities";
    "常住人口", not "常住人口 万人"; nothing is added for "30 new ones")."""
    noun = " ".join(_NUMBER.sub(" ", fact.quote).lower().split()).strip(" -")
    metric = " ".join((fact.metric or "").lower().split())
    if not noun or noun in metric:
        return metric
    if metric and (set(_WORD.findall(noun)) <= set(_WORD.findall(metric)) or len(noun) == 1):
        return metric  # the noun repeats the metric, or is a Chinese measure word (人, 家)
    return f"{metric} {noun}".strip()


def _primary(facts: list[Fact]) -> Fact:
    # A primary figure beats its bracketed restatement; a region's own figure beats one about
    # an entity in it (a subject); then the largest, since parts ("the bases' trade")
    # are smaller than the whole. Keep in step with the ORDER BY in db.fact_loads.load_comparison.
    return min(
        facts,
        key=lambda f: (f.equivalent_of is not None, f.subject is not None, -(f.normalized or 0)),
    )


def _clusters(per_region: dict[str, list[Fact]]) -> list[dict[str, list[Fact]]]:
    """Split one group's facts into clusters of alike metric phrases (greedy, by rapidfuzz)."""
    clusters: list[tuple[str, dict[str, list[Fact]]]] = []
    for region_id, facts in per_region.items():
        for fact in facts:
            phrase = phrase_of(fact)
            for representative, members in clusters:
                same = phrase == representative
                if same or fuzz.token_set_ratio(phrase, representative) >= PHRASE_SIMILARITY:
                    members.setdefault(region_id, []).append(fact)
                    break
            else:
                clusters.append((phrase, {region_id: [fact]}))
    return [members for _, members in clusters]


def compare_facts(
    regions: list[Region],
    facts_by_region: dict[str, list[Fact]],
    rates: list[ExchangeRate],
) -> Comparison:
    """Align facts of ``regions`` (first region is the base for ratios and differences).

    :param facts_by_region: each region's facts, children's included when rolling up.
    """
    grouped: dict[tuple[str, str | None, str], dict[str, list[Fact]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for region in regions:
        for fact in facts_by_region.get(region.id, []):
            if not fact.metric_type:
                continue
            grouped[(fact.metric_type, fact.period, measure_of(fact))][region.id].append(fact)
    rows: list[CompareRow] = []
    for (metric_type, period, measure), per_region in grouped.items():
        parts = _clusters(per_region) if metric_type in HETEROGENEOUS else [per_region]
        for part in parts:
            row = _row(regions, metric_type, period, measure, part)
            _relate(row, regions, rates)
            _explain_gaps(row, regions, grouped)
            rows.append(row)
    # Rows where regions meet come first: they are the comparison; one-sided rows follow.
    rows.sort(key=lambda r: (_sort_period(r.period), r.metric_type, r.measure, r.metric))
    rows.sort(key=lambda r: sum(cell is None for cell in r.cells.values()))
    comparison = Comparison(regions=regions, rows=rows)
    for region in regions:
        if not facts_by_region.get(region.id):
            comparison.notes.append(f"{region.name} has no facts in the database")
    return comparison


def _row(
    regions: list[Region],
    metric_type: str,
    period: str | None,
    measure: str,
    per_region: dict[str, list[Fact]],
) -> CompareRow:
    cells: dict[str, CompareCell | None] = {}
    for region in regions:
        found = per_region.get(region.id)
        if not found:
            cells[region.id] = None
            continue
        fact = _primary(found)
        cells[region.id] = CompareCell(
            fact=fact,
            region_name=fact.region or region.name,
            value=fact.normalized if fact.normalized is not None else fact.value,
            unit=fact.unit,
        )
    label = METRIC_LABELS.get(metric_type, metric_type.replace("_", " ").capitalize())
    if metric_type in HETEROGENEOUS:
        phrase = next(phrase_of(c.fact) for c in cells.values() if c is not None)
        label = f"{label}: {phrase}" if phrase else label
    return CompareRow(
        metric_type=metric_type, metric=label, period=period, measure=measure, cells=cells
    )


def _sort_period(period: str | None) -> tuple[int, str]:
    # Latest period first; facts without a period last.
    if not period:
        return (1, "")
    return (0, "".join(chr(0x10FFFF - ord(c)) for c in period))


def _relate(row: CompareRow, regions: list[Region], rates: list[ExchangeRate]) -> None:
    """Fill ratio and difference against the base region where they mean something: ranks
    and durations get neither, percentages only a difference (in percentage points)."""
    base = row.cells.get(regions[0].id)
    if base is None or base.value is None or row.measure in ("rank", "duration"):
        return
    if not row.period or "XXXX" in row.period:
        # Figures with no stated period (or year) may be from different years: side by side
        # they are shown, but a ratio would claim they describe the same time.
        for region in regions[1:]:
            cell = row.cells.get(region.id)
            if cell is not None and cell.value is not None:
                cell.comparable = False
                cell.note = "no period (or year) stated for these figures: not compared"
        return
    for region in regions[1:]:
        cell = row.cells.get(region.id)
        if cell is None or cell.value is None:
            continue
        value = cell.value
        if cell.unit != base.unit:
            rate = None
            if cell.unit in CURRENCIES and base.unit in CURRENCIES:
                rate = _find_rate(rates, str(cell.unit), str(base.unit), row.period)
            if rate is None:
                cell.comparable = False
                cell.note = f"units differ ({cell.unit} vs {base.unit}): not compared"
                continue
            value = cell.value * rate.rate
            cell.converted_value = value
            cell.rate = rate
            cell.note = (
                f"converted at 1 {rate.from_unit} = {rate.rate:.4g} {rate.to_unit}, a rate stated"
                f" in the documents (fact {rate.fact_id})"
            )
        if cell.fact.per != base.fact.per:
            cell.comparable = False
            cell.note = "different denominators: not compared"
            continue
        cell.difference_to_base = value - base.value
        if row.measure not in ("share", "change", "diff"):
            cell.ratio_to_base = value / base.value if base.value else None


def _explain_gaps(
    row: CompareRow,
    regions: list[Region],
    grouped: dict[tuple[str, str | None, str], dict[str, list[Fact]]],
) -> None:
    for region in regions:
        if row.cells.get(region.id) is not None:
            continue
        periods = sorted(
            {
                p
                for (mt, p, ms), per in grouped.items()
                if mt == row.metric_type and ms == row.measure and per.get(region.id)
            },
            key=lambda p: _period_distance(p, row.period),
        )
        what = f"{row.metric_type} for {row.period}" if row.period else row.metric_type
        if periods:
            row.notes.append(f"{region.name} has no {what}; nearest: {periods[0] or 'undated'}")
        else:
            row.notes.append(f"{region.name} has no {row.metric_type}")
