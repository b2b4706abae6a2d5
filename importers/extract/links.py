"""Links between figures and to other entities: the company a figure belongs to ("Haier's
revenue": ``subject``), a bracketed conversion restating the figure before it
(``equivalent_of``), and a count restating an earlier one ("the nine cities").
"""

from __future__ import annotations

import re

from factscope.db.models import Fact
from factscope.importers.lexicon import en

from .attach import BRACKET_GAP_RE
from .draft import Draft
from .figure import Figure
from .figures import RESTATED_BEFORE_RE
from .regions import RegionTracker
from .units import CONVERTIBLE, converts

# "73,675 yuan, or about 10,950 U.S. dollars": a conversion set off by a comma
_OR_ABOUT_GAP_RE = re.compile(
    r"^[\s\xa0]*,[\s\xa0]*or[\s\xa0]+(?:about|around|roughly|approximately|nearly|some)?"
    r"[\s\xa0]*$",
    re.IGNORECASE,
)
_MORE_AFTER_RE = re.compile(r"[\s\xa0]+(?:more|less|higher|lower|fewer)\b")
# "Haier's", "Toppan Leefung Packaging (Shanghai) Co's", "BYD Co., Ltd.'s"
_POSSESSOR_RE = re.compile(
    r"(?P<name>[A-Z][\w&.-]*(?:[\s\xa0]+(?:\([A-Z][\w\s]*\)|[A-Z][\w&.-]*,?)){0,6})['’]s\b"
)
_NOT_COMPANIES = frozenset({
    "It", "This", "That", "The", "In", "At", "On", "For", "By", "As", "Last", "Next",
    "Today", "Yesterday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday",
}) | frozenset(en.MONTH_NAMES)  # fmt: skip


def company(text: str, lo: int, hi: int, tracker: RegionTracker) -> str | None:
    """The organisation whose figure this is: the last possessive name in ``text[lo:hi]``
    ("Haier's revenue ...") that is no place and not a function word."""
    if text.find("'s", lo, hi) < 0 and text.find("’s", lo, hi) < 0:
        return None  # every possessive has one: a find in C spares a scan of the names
    found = None
    for found in _POSSESSOR_RE.finditer(text, lo, hi):  # noqa: B007 - keep the last match
        pass
    if found is None:
        return None
    words = found.group("name").split()
    while words and words[0] in _NOT_COMPANIES:
        words.pop(0)
    if not words:
        return None
    start = found.end("name") - len(" ".join(words))
    if tracker.places_in(start, found.end("name")) or tracker.places_in(found.start(), found.end()):
        return None
    return " ".join(words)


def equivalent(
    text: str,
    figs: list[Figure],
    i: int,
    fact: Draft,
    by_index: dict[int, Draft],
) -> None:
    """A bracketed conversion restates the figure before it and inherits its attribution:
    amounts in currencies, areas, masses, lengths, powers (:func:`.units.converts`)."""
    if i == 0 or str(fact.unit) not in CONVERTIBLE:
        return
    prev = by_index.get(i - 1)
    if prev is None:
        return
    gap = text[prev.end : figs[i].start]
    if "(" not in gap and "（" not in gap and "," not in gap:
        return  # each gap pattern below holds one of these: most amounts stop here
    if not converts(str(prev.unit), str(fact.unit)):
        return
    if not BRACKET_GAP_RE.match(gap) and not (
        _OR_ABOUT_GAP_RE.match(gap)
        and prev.unit != fact.unit
        and not _MORE_AFTER_RE.match(text, figs[i].end)  # ", or 300 million yuan more than"
    ):
        return
    fact.equivalent_of = prev.quote
    # "(about 662 billion U.S. dollars)" keeps its own qualifier; a bare conversion repeats
    # the one of the figure it restates ("at least 20 million yuan (US$2.8 million)").
    own_qualifier = fact.qualifier if fact.qualifier != "=" else None
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
        setattr(fact, key, getattr(prev, key))
    if own_qualifier is not None:
        fact.qualifier = own_qualifier


def restatement(text: str, fig: Figure, fact: Draft, earlier: list[Fact]) -> None:
    """ "the nine cities" / "among the nine" repeat an earlier count and inherit its attribution."""
    if fig.unit != "count" or not earlier:
        return  # no earlier count of this value: nothing to restate, no wording to read
    before = text[fig.start - 12 if fig.start > 12 else 0 : fig.start]
    if not RESTATED_BEFORE_RE.search(before):
        return
    head = (fig.noun or "").split()[-1:] if fig.noun else []
    for prior in reversed(earlier):
        if prior.unit != "count" or prior.value != fig.value:
            continue
        prior_head = prior.quote.split()[-1:] if prior.quote != prior.number_quote else []
        if head and prior_head and head != prior_head:
            continue
        fact.region, fact.region_level = prior.region, prior.region_level
        fact.region_id, fact.subject = prior.region_id, prior.subject
        if fig.bare:
            fact.metric, fact.metric_type = prior.metric, prior.metric_type
        fact.notes = "restatement"
        return
