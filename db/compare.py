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

A region a row has no figure for gets a note naming the row as it is shown, with the nearest
row of the same label where it has one. A threshold ("trade passed 800 billion yuan") that the
region's own amount for that metric and period bears out is not shown as a second row.
Labels and their words are :mod:`db.compare_labels`.

Pure functions over facts; :func:`db.fact_loads.load_comparison` fetches them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from factscope.db.compare_labels import METRIC_LABELS as METRIC_LABELS
from factscope.db.compare_labels import common_phrase, gap_note, row_label, row_title
from factscope.db.compare_labels import phrase_of as phrase_of
from factscope.db.models import Fact, Region
from factscope.db.units import CURRENCY_CODES, kind_of, same_dimension

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
    outlook: bool = False
    """The figures were stated before their period began: a forecast, a plan, a target."""
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


HETEROGENEOUS = ("count", "area", "duration", "subsidy", "revenue", "investment", "industry_scale")
"""Metric types whose facts measure different things ("28 bases" vs "3,800 companies"): their
facts align only when their phrases are alike, not merely by type."""
PER_GROUP = 6
"""Facts fetched per region, heterogeneous metric type, period and measure."""
PHRASE_SIMILARITY = 70
"""rapidfuzz token_set_ratio at which two metric phrases count as the same metric."""


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
    outlook: frozenset[int] = frozenset(),
) -> Comparison:
    """Align facts of ``regions`` (first region is the base for ratios and differences).

    :param facts_by_region: each region's facts, children's included when rolling up.
    :param outlook: ids of facts stated before their period (a forecast, a target): their
        rows are apart from those of stated results, and say so.
    """
    grouped: Grouped = defaultdict(lambda: defaultdict(list))
    for region in regions:
        for fact in facts_by_region.get(region.id, []):
            if not fact.metric_type:
                continue
            measure = measure_of(fact) + (OUTLOOK_KEY if fact.id in outlook else "")
            grouped[(fact.metric_type, fact.period, measure)][region.id].append(fact)
    _fold_thresholds(grouped)
    rows: list[CompareRow] = []
    for (metric_type, period, measure), per_region in grouped.items():
        if not any(per_region.values()):
            continue
        parts = _clusters(per_region) if metric_type in HETEROGENEOUS else [per_region]
        for part in parts:
            row = _row(regions, metric_type, period, measure, part)
            _relate(row, regions, rates)
            rows.append(row)
    _explain_gaps(rows, regions)
    # Rows where regions meet come first: they are the comparison; one-sided rows follow.
    rows.sort(key=lambda r: (_sort_period(r.period), r.metric_type, r.measure, r.metric))
    rows.sort(key=lambda r: sum(cell is None for cell in r.cells.values()))
    comparison = Comparison(regions=regions, rows=rows)
    for region in regions:
        if not facts_by_region.get(region.id):
            comparison.notes.append(f"{region.name} has no facts in the database")
    return comparison


Grouped = dict[tuple[str, str | None, str], dict[str, list[Fact]]]
"""Facts by (metric type, period, measure), then by region id."""
OUTLOOK_KEY = ":outlook"
"""Marks the measure of an outlook's group ("amount:outlook"): never with stated results."""
_BELOW = ("<", "<=")


def _fold_thresholds(grouped: Grouped) -> None:
    """Drop the thresholds a region's own amount of the same metric and period bears out.

    "Trade passes 800 billion yuan" beside "808.15 billion yuan" in the same report is one
    figure said twice, less precisely: as a row of its own it would look like a second,
    different total. A threshold stays when the region has no such amount, or when its
    amount contradicts it (the table then shows both).
    """
    for (metric_type, period, measure), per_region in grouped.items():
        if measure != "threshold":
            continue
        amounts = grouped.get((metric_type, period, "amount"), {})
        for region_id, facts in per_region.items():
            kept = [f for f in facts if not _borne_out(f, amounts.get(region_id, []))]
            per_region[region_id] = kept


def _borne_out(threshold: Fact, amounts: list[Fact]) -> bool:
    mark = threshold.normalized
    for amount in amounts:
        if mark is None or amount.normalized is None or amount.unit != threshold.unit:
            continue
        below = threshold.qualifier in _BELOW
        if (amount.normalized <= mark) if below else (amount.normalized >= mark):
            return True
    return False


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
    base, outlook = measure.removesuffix(OUTLOOK_KEY), measure.endswith(OUTLOOK_KEY)
    row = CompareRow(metric_type=metric_type, metric="", period=period, measure=base, cells=cells)
    row.outlook = outlook
    row.metric = row_label(metric_type, base, row_phrase(row), outlook=outlook)
    return row


def row_phrase(row: CompareRow) -> str:
    """What a row of a broad type (a count, an area) counts, in words true of each of its
    figures ("cities"); "" for other types, whose label says what they are."""
    if row.metric_type not in HETEROGENEOUS:
        return ""
    return common_phrase([phrase_of(c.fact) for c in row.cells.values() if c is not None])


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
                if not same_dimension(cell.unit, base.unit):  # a speed is never a length
                    kinds = f"{kind_of(cell.unit) or cell.unit} vs "
                    kinds += kind_of(base.unit) or str(base.unit)
                    cell.note = f"different dimensions ({kinds}): not compared"
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
        things = (phrase_of(cell.fact), phrase_of(base.fact))
        if row.metric_type in HETEROGENEOUS and things[0] != things[1]:
            # Alike enough to share a row ("companies", "foreign-invested companies"), not
            # to say one is 3.17 times the other.
            cell.comparable = False
            cell.note = f"different things ({things[0]} vs {things[1]}): not compared"
            continue
        cell.difference_to_base = value - base.value
        if row.measure not in ("share", "change", "diff"):
            cell.ratio_to_base = value / base.value if base.value else None


def _explain_gaps(rows: list[CompareRow], regions: list[Region]) -> None:
    """A note for each region a row has no figure for, naming the row as it is shown.

    The nearest figure offered instead is one the table shows: a row with the same label
    (metric, counted thing and measure alike) where the region has a figure, the closest
    in time. A region's count of cities is never offered for its missing count of
    companies, nor an amount for a missing share.
    """
    for row in rows:
        title = row_title(row.metric, row.period)
        for region in regions:
            if row.cells.get(region.id) is not None:
                continue
            others = [
                other
                for other in rows
                if other is not row
                and other.metric == row.metric
                and other.metric_type == row.metric_type
                and other.cells.get(region.id) is not None
            ]
            nearest = None
            if others:
                near = min(
                    others,
                    key=lambda o: (_period_distance(o.period, row.period), _sort_period(o.period)),
                )
                nearest = row_title(near.metric, near.period)
            row.notes.append(gap_note(region.name, title, nearest))
