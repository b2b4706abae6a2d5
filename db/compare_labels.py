"""How a comparison names its rows, in the words every front end shows.

A row of :mod:`db.compare` is keyed by metric type, period and measure. Two rows that differ
only by measure ("Exports 2020" the amount, and "Exports 2020" a share of them) must not look
alike anywhere: the label carries the measure ("Exports (share)"), and the notes about a row
name it by the same label and period (:func:`row_title`), never by an internal id such as
``trade_total``. A row of a broad type (a count, an area) names what it counts from its
facts' phrases (:func:`phrase_of`), in words true of every figure in it
(:func:`common_phrase`). Words are data here; the code that builds rows reads them.
"""

from __future__ import annotations

import re

from factscope.db.models import Fact

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

MEASURE_WORDS = {
    "share": "share",
    "change": "change",
    "rank": "rank",
    "duration": "duration",
    "diff": "difference",
    "threshold": "threshold",
}
"""What a row's label adds for each measure other than an amount: "Exports (share)" is a
percentage of exports, "Total trade (threshold)" a mark the documents say was passed
("topped 900 billion yuan"). The words are those the Facts pane uses for the kinds."""

OUTLOOK = "outlook"
"""What a row of figures stated before their period says: "expect to exceed 500 by 2025",
a plan, a target (a document of 2022 about 2025); never aligned with stated results."""

NO_PERIOD = "no period"
"""How prose names a row without a period (tables show "—")."""


def metric_label(metric_type: str) -> str:
    """The name of a metric type: "Total trade" for ``trade_total``; an unknown type in
    words ("Retail sales" for ``retail_sales``), never as its id."""
    return METRIC_LABELS.get(metric_type, metric_type.replace("_", " ").capitalize())


def row_label(metric_type: str, measure: str, phrase: str = "", *, outlook: bool = False) -> str:
    """A row's label: the metric's name, the counted thing when the type is too broad to
    say it ("Count: cities"), the measure when it is not an amount ("Exports (share)"), and
    :data:`OUTLOOK` for figures stated before their period ("Count (outlook)").

    A measure the name already says is not repeated ("Duration", not "Duration (duration)").
    """
    label = metric_label(metric_type)
    if phrase:
        label = f"{label}: {phrase}"
    word = MEASURE_WORDS.get(measure)
    words = [w for w in (word, OUTLOOK if outlook else None) if w and w not in label.casefold()]
    return f"{label} ({', '.join(words)})" if words else label


def row_title(label: str, period: str | None) -> str:
    """A row as prose names it: "Exports 2021", "Count: cities, no period"."""
    return f"{label} {period}" if period else f"{label}, {NO_PERIOD}"


def gap_note(region: str, title: str, nearest: str | None = None) -> str:
    """The note of a region a row has no figure for, naming the row by its ``title``, and
    the ``nearest`` row (its title) where the region has one."""
    note = f"{region} has no figure for {title}"
    return f"{note}; nearest: {nearest}, also in this table" if nearest else note


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


def common_phrase(phrases: list[str]) -> str:
    """What a row of alike phrases counts, true of every cell: the words all of them share,
    in the first one's order ("companies" for "foreign-invested companies" and "companies",
    so 3,800 companies are never labelled foreign-invested); the shortest phrase when they
    share none."""
    if not phrases:
        return ""
    if len(set(phrases)) == 1:
        return phrases[0]
    shared = set.intersection(*(set(_WORD.findall(p)) for p in phrases))
    words = [w for w in _WORD.findall(phrases[0]) if w in shared]
    return " ".join(words) if words else min(phrases, key=len)
