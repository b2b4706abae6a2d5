"""A trend for people and scripts: the chart (plotext), the table rows and the export records.

Shared by ``factscope trend`` and the TUI's Trend view, so both draw and export one series
the same way. The chart is plotext's, not hand-drawn: one line per region over its periods
in time order (whole years when the series has any, else every period), gaps left open, and
every value of a disputed period drawn as an ``x``. No textual here.
"""

from __future__ import annotations

from typing import Any

from factscope.db.trend import Trend, TrendPoint, TrendSeries, TrendValue, period_key
from factscope.tui.formatting import change_text, counted, format_amount
from factscope.tui.records import clean_number
from factscope.tui.render import safe

TREND_COLUMNS = ("region", "period", "value", "change", "conflict", "document", "published")
"""Columns of the trend table (the chart's numbers, each with its source)."""


SERIES_COLORS = ("cyan", "magenta", "green", "yellow", "blue", "red")
"""One of the 16 terminal colours per region, in order (the chart also works without colour:
each line is labelled, and a disputed value is an ``x``)."""


def charted_points(series: TrendSeries) -> list[TrendPoint]:
    """The points a chart draws: whole years (and their gaps) when there are any."""
    years = [p for p in series.points if len(p.period) == 4]
    return years or series.points


def _scale(trend: Trend) -> tuple[float, str]:
    values = [
        abs(v.fact.normalized)
        for s in trend.series
        for p in charted_points(s)
        for v in p.values
        if v.fact.normalized is not None
    ]
    top = max(values, default=0.0)
    for scale, label in ((1e12, "tn"), (1e9, "bn"), (1e6, "mn"), (1e3, "k")):
        if top >= scale:
            return scale, label
    return 1.0, ""


def _first(point: TrendPoint, unit: str | None) -> float | None:
    for value in point.values:
        if value.fact.unit == unit and value.fact.normalized is not None:
            return value.fact.normalized
    return None


def trend_chart(trend: Trend, width: int, height: int) -> str:
    """The chart as text (ANSI colours included) for ``width`` x ``height`` cells."""
    import plotext as plt

    plt.clear_figure()
    plt.plotsize(max(width, 30), max(height, 8))
    plt.theme("clear")
    draw_trend(plt, trend, width)
    chart: str = plt.build()
    plt.clear_figure()
    return chart


def draw_trend(plt: Any, trend: Trend, width: int) -> None:
    """Draw the trend on a plotext figure: ``plotext`` itself, or a Textual PlotextPlot's.

    One line per region over its periods in time order, broken at gaps; every value of a
    disputed period drawn as an ``x``; period labels thinned to fit ``width``.
    """
    scale, label = _scale(trend)
    units = sorted({s.unit for s in trend.series if s.unit})
    charted = {p.period for s in trend.series for p in charted_points(s)}
    periods = [p for p in sorted_points(trend) if p in charted]
    index = {period: i + 1 for i, period in enumerate(periods)}
    for number, series in enumerate(trend.series):
        color = SERIES_COLORS[number % len(SERIES_COLORS)]
        points = charted_points(series)
        _draw_runs(
            plt,
            points,
            [_first(p, series.unit) for p in points],
            index,
            scale,
            color,
            safe(series.region.name),  # a zone's name can come from a document
        )
        disputed = [
            (index[p.period], v.fact.normalized / scale)
            for p in points
            if p.conflict
            for v in p.values
            if v.fact.normalized is not None
        ]
        if disputed:
            plt.scatter([x for x, _ in disputed], [y for _, y in disputed], marker="x", color=color)
    room = max(width // 8, 2)
    shown = periods if len(periods) <= room else periods[:: len(periods) // room + 1]
    if shown:
        plt.xticks([index[p] for p in shown], shown)
    # The label may be a document's metric phrase: plotext's output is read as ANSI, so no
    # control character of it may reach the chart.
    plt.title(safe(f"{trend.label} ({' '.join(p for p in (label, '/'.join(units)) if p)})"))


def _draw_runs(
    plt: Any,
    points: list[TrendPoint],
    ys: list[float | None],
    index: dict[str, int],
    scale: float,
    color: str,
    name: str,
) -> None:
    """One segment per run of stated periods: a gap is drawn as a gap, not bridged."""
    run: list[tuple[int, float]] = []
    legend: str | None = name
    for point, y in [*zip(points, ys, strict=True), (None, None)]:
        if point is not None and y is not None:
            run.append((index[point.period], y / scale))
            continue
        if run:
            xs, values = [x for x, _ in run], [v for _, v in run]
            if len(run) > 1:
                plt.plot(xs, values, marker="braille", color=color, label=legend)
            else:
                plt.scatter(xs, values, marker="dot", color=color, label=legend)
            legend, run = None, []


def sorted_points(trend: Trend) -> list[str]:
    """Every period of the trend, in time order (for a shared x axis)."""
    return sorted({p.period for s in trend.series for p in s.points}, key=period_key)


def value_cell(value: TrendValue) -> str:
    """ "305.6 bn CNY"."""
    fact = value.fact
    return format_amount(fact.normalized if fact.normalized is not None else fact.value, fact.unit)


def trend_rows(trend: Trend) -> list[list[str]]:
    """Table rows: one per value (a gap is one row with no value), in time order."""
    rows: list[list[str]] = []
    for series in trend.series:
        for point in series.points:
            flag = "conflict" if point.conflict else ""
            if point.gap:
                rows.append([series.region.name, point.period, "— no figure", "", "", "", ""])
            for value in point.values:
                published = value.document_published.isoformat() if value.document_published else ""
                rows.append(
                    [
                        series.region.name,
                        point.period,
                        value_cell(value),
                        change_text(value.fact),
                        flag,
                        value.document_title,
                        published,
                    ]
                )
    return rows


def trend_records(trend: Trend) -> list[dict[str, Any]]:
    """One export record per value, in time order: the point, the figure, its document."""
    records: list[dict[str, Any]] = []
    for series in trend.series:
        for point in series.points:
            shown: list[TrendValue | None] = [*point.values] or [None]  # a gap: one record
            for value in shown:
                fact = value.fact if value else None
                records.append(
                    {
                        "region_id": series.region.id,
                        "region": series.region.name,
                        "metric": trend.metric,
                        "period": point.period,
                        "value": clean_number(fact.normalized) if fact else None,
                        "unit": fact.unit if fact else None,
                        "figure": fact.quote if fact else None,
                        "change_percent": fact.change_percent if fact else None,
                        "change_basis": fact.change_basis if fact else None,
                        "conflict": point.conflict,
                        "gap": point.gap,
                        "fact_id": fact.id if fact else None,
                        "document_title": value.document_title if value else None,
                        "document_source": value.document_source if value else None,
                        "document_published": (
                            value.document_published.isoformat()
                            if value and value.document_published
                            else None
                        ),
                    }
                )
    return records


def summary_line(trend: Trend) -> str:
    """ "Exports of Chengdu: 4 periods, 1 in conflict"."""
    parts = []
    for series in trend.series:
        stated = [p for p in series.points if not p.gap]
        conflicts = sum(p.conflict for p in series.points)
        text = f"{series.region.name}: {counted(len(stated), 'period')}"
        if conflicts:
            text += f", {conflicts} where sources disagree"
        parts.append(text)
    return f"{trend.label} — " + "; ".join(parts) if parts else f"{trend.label}: no figures"


def trend_between(trend: Trend, start: str | None, end: str | None) -> Trend:
    """The trend with only the periods from ``start`` to ``end`` (years, inclusive); a note
    names what each series leaves out, so an empty window says where the figures are."""
    if not start and not end:
        return trend
    low = period_key(start)[0] if start else 0
    high = period_key(end)[0] if end else 9999
    window = f"outside {start}–{end}" if start and end else f"before {start}" if start else ""
    window = window or f"after {end}"
    series: list[TrendSeries] = []
    notes = list(trend.notes)
    for s in trend.series:
        kept = [p for p in s.points if low <= period_key(p.period)[0] <= high]
        outside = [p.period for p in s.points if p not in kept and not p.gap]
        if outside:
            notes.append(
                f"{s.region.name}: {counted(len(outside), 'period')} {window} left out"
                f" ({', '.join(outside)})"
            )
        series.append(s.model_copy(update={"points": kept}))
    return trend.model_copy(update={"series": series, "notes": notes})
