"""Percents that state a growth rate with no verb of change.

"the average annual growth rate of the area's output has been 21.2 percent", "GDP growth of
17.4% in 2010, 16.5% in 2011 and 13.8% in 2012", "up from 6.8 percent in the first quarter",
全国2.8%的增幅: each is a ``change`` whose change_percent is the figure itself. Growth rates
"7.4%, 3.2% and 40.7% higher than Zhejiang's averages" are gaps (``diff``), and "the growth
rate of six cities was higher than 25 percent" is a criterion (``threshold``). A share cue
("accounting for", 占) keeps a share.

Non-goals: the verbs of change ("rose 5%": see :mod:`.changes`).
"""

from __future__ import annotations

import re

from factscope.db.models import Fact

from .changes import gap_to_other
from .draft import Draft
from .figure import Figure

# A percent named a growth rate with no verb of change: "the average annual growth rate of the
# area's output has been 21.2 percent", "GDP growth of 17.4%", "增幅为3.9%", "全国2.8%的增幅"
_RATE_NAMED_BEFORE_RE = re.compile(
    r"\b(?:growth(?:\s+rates?)?|rates?\s+of\s+(?:growth|increase))\b[^;%]{0,150}$"
    r"|(?:增幅|增速|增长率|增長率)[^；。%]{0,10}$",
    re.IGNORECASE,
)
# The nation's rate a figure's growth is compared with: "well above the national overall level
# of 3.9%", "faster than the national growth of 2.1 percent", 高于全国2.8%的增幅: the rate of
# China, not of the figure's place
NATIONAL_RATE_RE = re.compile(
    r"\b(?:above|below|higher\s+than|lower\s+than|faster\s+than|slower\s+than|exceed\w*|"
    r"outpac\w*|compared\s+with|versus|vs\.?)\s+(?:the\s+)?(?:national|nationwide|country['’]s)"
    r"\b[^;%\d]{0,40}?\b(?:level|average|rate|growth|figure)s?\s+(?:of|at)\s+$"
    r"|(?:[高低快慢]于|超过)(?:同期)?全国[^，。；\d]{0,8}$",
    re.IGNORECASE,
)
_RATE_NAMED_AFTER_RE = re.compile(
    r"[^，。；,;\d]{0,14}?(?:增幅|增速|增长率|增長率)|的(?P<down>下降|降幅|减少|減少)|的(?:增长|增長)"
)
_SHARE_CUE_RE = re.compile(
    r"\b(?:account\w*|shares?|proportion|made\s+up|makes?\s+up|making\s+up|represent\w*|"
    r"contribut\w*)\b|占|比重",
    re.IGNORECASE,
)
_AVERAGE_RE = re.compile(r"\baverage\s+annual|\bannual\s+average|年均", re.IGNORECASE)
# after a growth rate: the next in a list of rates ("17.4% in 2010, 16.5% in 2011 and 13.8%")
# or its value before ("grew 6.9 percent, up from 6.8 percent in the first quarter")
_RATE_LIST_GAP_RE = re.compile(
    r"(?:[\s\xa0]+(?:in|for|during)[\s\xa0]+[\w\s-]{1,30}?)?[\s\xa0]*[,，、]?[\s\xa0]*"
    r"(?:and[\s\xa0]+|和|及)?$|[^.;\d]*?(?:up|down)[\s\xa0]+from[\s\xa0]+$"
    # "... higher than 25 percent, reaching 107 percent, 40.8 percent ..."; "the national growth
    # rate of 8.7 percent and the provincial average of 8.8 percent"
    r"|[\s\xa0]*,[\s\xa0]*reaching[\s\xa0]+$"
    r"|[\s\xa0]+and[\s\xa0]+the[\s\xa0]+(?:national|provincial|city's|municipal)[\s\xa0]+"
    r"(?:average|level|rate)[\s\xa0]+of[\s\xa0]+$",
    re.IGNORECASE,
)


def named_rate(before: str, after: str, previous_basis: str | None) -> str | None:
    """The basis of a percent that states a growth rate without a verb of change: named so
    before it in its clause ("GDP growth of", "the growth rate ... has been") or after it
    (2.8%的增幅), or next in a list of rates after one (``previous_basis``: the basis of the
    rate just before, None if that was no rate). None when it is no growth rate (a share)."""
    if _SHARE_CUE_RE.search(before[-80:]):
        return None
    if previous_basis is not None and _RATE_LIST_GAP_RE.fullmatch(before):
        return previous_basis
    if NATIONAL_RATE_RE.search(before[-120:]):
        return "unstated"  # "well above the national overall level of 3.9%"
    if _RATE_NAMED_BEFORE_RE.search(before[-200:]) or _RATE_NAMED_AFTER_RE.match(after):
        return "avg_annual" if _AVERAGE_RE.search(before[-200:]) else "unstated"
    return None


# the rest of a list of percents after one ("7.4%, 3.2%, and 40.7% higher than ...")
_PERCENT_LIST_RE = re.compile(r"(?:[\s,，、]*(?:and\s+|和)?[\d.]+[\s\xa0]*(?:%|percent))*")
_CRITERION_BEFORE_RE = re.compile(
    r"\b(?:(?:higher|more|greater)\s+than|above|over|exceed\w*)\s+$", re.IGNORECASE
)


# Only a verb between the figure before and this one: that figure sat inside the subject
# ("the growth rate of firms with income above 20 million yuan has been 37.8 percent")
_VERB_ONLY_RE = re.compile(
    r"\)?[\s\xa0]*(?:has|have|had)?[\s\xa0]*(?:been|was|were|is|are|stood\s+at|reached)[\s\xa0]+$",
    re.IGNORECASE,
)


def rate_kind(
    fact: Draft,
    fig: Figure,
    before: str,
    after: str,
    previous: Fact | None,
    clause: str = "",
) -> str:
    """The kind of a percent read as a share for want of a verb of change: a change when it
    is a growth rate named so ("GDP growth of 17.4% in 2010, 16.5% in 2011"), with its
    change fields set; a gap when it is "higher than" another's rate; a threshold when it is
    a criterion ("the growth rate of six cities was higher than 25 percent"). ``clause`` is
    the wider text before the figure, read when only a verb separates it from the figure
    before (which then sat inside the subject)."""
    rate_before = (
        previous is not None
        and previous.unit == "percent"
        and (previous.kind == "change" or (previous.kind == "threshold" and not previous.share_of))
    )
    prior = (previous.change_basis or "unstated") if rate_before and previous else None
    if clause and _VERB_ONLY_RE.fullmatch(before):
        before = clause
    basis = named_rate(before, after, prior)
    if basis is None:
        return "share"
    listed = _PERCENT_LIST_RE.match(after)
    rest = after[listed.end() :] if listed else after
    if gap_to_other(rest, 0, len(rest), ""):
        fact.kind = "diff"  # "growth rates ... were 7.4% higher than Zhejiang's averages"
        return "diff"
    if fig.qualifier in (">", ">=") or _CRITERION_BEFORE_RE.search(before[-30:]):
        fact.kind = "threshold"
        return "threshold"
    fall = _RATE_NAMED_AFTER_RE.match(after)  # "外企进出口有2.8%的下降": a fall
    sign = -1.0 if fall is not None and fall.group("down") else 1.0
    fact.kind, fact.change_percent, fact.change_basis = "change", sign * fig.value, basis
    fact.change_quote, fact.change_start, fact.change_end = fact.quote, fig.start, fig.end
    return "change"


# A change right after a share, written in percent where points are meant ("accounted for 10.6%
# of the total, with an increase of 0.6% year-on-year"): its percent is no growth rate
_SHARE_MOVE_RE = re.compile(
    r"[^.;]{0,80}?,[\s\xa0]*(?:with[\s\xa0]+)?(?:an?[\s\xa0]+)?(?:increase|decrease|rise|"
    r"drop|gain|decline)[\s\xa0]+of[\s\xa0]+$|[\s\xa0]*,[\s\xa0]*(?:up|down)[\s\xa0]+$",
    re.IGNORECASE,
)
SHARE_MOVE_NOTE = "a move of the share before it, written in percent: no growth rate"


def share_move(before: str, previous: Fact | None) -> bool:
    """Whether a change percent after ``previous`` moves that share (or continues a list of
    such moves) rather than stating a growth rate."""
    if previous is None:
        return False
    if previous.kind == "share":
        return _SHARE_MOVE_RE.fullmatch(before) is not None
    moved = previous.notes is not None and SHARE_MOVE_NOTE in previous.notes
    return moved and _RATE_LIST_GAP_RE.fullmatch(before) is not None
