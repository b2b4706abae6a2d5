"""Growth rates: whether a percent figure states a change, its sign and its basis.

"up 13.1 percent year on year" -> +13.1, ``yoy``; "fell by 9.5 percent" -> -9.5, ``unstated``;
"average annual growth of 12.4 percent" -> +12.4, ``avg_annual``; "an increase of 53.4% over
February" -> ``mom``; "compared with the same period of 2019" -> ``vs_2019_same_period``.
Attaching a change to the figure it qualifies is done in :mod:`importers.extract.facts`.

Non-goals: multiplicative changes ("doubled", "2.5 times"), changes stated as absolute amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UP = (
    r"up|rose|rise|rises|rising|risen|increased?|increases|increasing|grew|grow|grows|growing|"
    r"grown|gained?|gains|jumped|jumps|surged?|surges|soared|climbed|climbs|expanded|expands|"
    r"rebounded|higher|edged\s+up|picked\s+up|accelerated"
)
_DOWN = (
    r"down|fell|fall|falls|falling|fallen|dropped|drops|drop|declined?|declines|declining|"
    r"decreased?|decreases|decreasing|dipped|dips|slid|slumped|shrank|shrunk|shrinks|"
    r"contracted|contracts|plunged|plunges|lower|edged\s+down|slipped|slowed"
)
_NOUN_UP = r"increase|growth|rise|gain|growth\s+rate|expansion|jump|surge|rebound"
_NOUN_DOWN = r"decrease|decline|drop|fall|contraction|reduction|slump|dip"
_QUAL = r"(?:(?:about|around|nearly|approximately|more\s+than|over|almost|some)\s+)?"
_BASIS_WORDS = (
    r"(?:(?:year-on-year|year\s+on\s+year|yoy|y-o-y|annual|average\s+annual|"
    r"annual\s+average|month-on-month|month\s+on\s+month|average|compound\s+annual)\s+)*"
)

TRIGGER_BEFORE_RE = re.compile(
    rf"""(?:
        \b(?P<verb_up>{_UP})(?:\s+(?:by|of|at))?
      | \b(?P<verb_down>{_DOWN})(?:\s+(?:by|of|at))?
      | \b(?:an?\s+|the\s+)?{_BASIS_WORDS}(?:(?P<noun_up>{_NOUN_UP})|(?P<noun_down>{_NOUN_DOWN}))
        (?:\s+rate)?\s+(?:of|by|at|was|is|stood\s+at|reached|hit|registered)
      | \b(?:saw|posted|registered|recorded|achieved|maintained|logged)\s+(?:an?\s+)?
        {_BASIS_WORDS}(?:(?P<noun_up2>{_NOUN_UP})|(?P<noun_down2>{_NOUN_DOWN}))\s+of
    )\s+(?:(?:year-on-year|year\s+on\s+year)\s+)?{_QUAL}(?:a\s+)?(?:-\s*)?$""",
    re.IGNORECASE | re.VERBOSE,
)
TRIGGER_AFTER_RE = re.compile(
    rf"^\s*(?:{_BASIS_WORDS})(?:(?P<noun_up>{_NOUN_UP})|(?P<noun_down>{_NOUN_DOWN}))\b",
    re.IGNORECASE,
)
_MONTH = r"January|February|March|April|May|June|July|August|September|October|November|December"
BASIS_AFTER_RE = re.compile(
    rf"""^[\s,]*(?:
        (?P<yoy>year[-\s]on[-\s]year|yoy|y-o-y|from\s+a\s+year\s+(?:earlier|ago|before)
          |(?:over|from|compared\s+(?:with|to)|than)\s+(?:the\s+)?(?:same\s+period\s+(?:of\s+|in\s+)?
           last\s+year|last\s+year|a\s+year\s+(?:earlier|ago)|the\s+previous\s+year|previous\s+year))
      | (?P<mom>month[-\s]on[-\s]month|mom|(?:over|from|compared\s+(?:with|to)|than)\s+(?:the\s+)?
           (?:previous\s+month|last\s+month|a\s+month\s+(?:earlier|ago)|(?:{_MONTH})\b))
      | (?:over|from|compared\s+(?:with|to)|than)\s+(?:the\s+)?(?:same|corresponding)\s+period
           \s+(?:of|in)\s+(?P<vs>(?:19|20)\d\d)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
BASIS_BEFORE_RE = re.compile(
    r"(?P<avg>average\s+annual|annual\s+average|compound\s+annual|annually\s+on\s+average|"
    r"on\s+average\s+annually|average\s+growth\s+rate)|(?P<yoy>year-on-year|year\s+on\s+year)"
    r"|(?P<mom>month-on-month|month\s+on\s+month)",
    re.IGNORECASE,
)
TO_TARGET_RE = re.compile(
    r"[\s,]*(?:(?:year[-\s]on[-\s]year|yoy)[\s,]*)?to(?:\s+(?:reach|hit|a\s+total\s+of))?\s+",
    re.IGNORECASE,
)
ANNUALLY_AFTER_RE = re.compile(
    r"^[\s,]*(?:annually|a\s+year|per\s+year|each\s+year)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Change:
    """A change statement around a percent figure."""

    percent: float
    """Signed value: negative for falls."""
    basis: str
    trigger_start: int
    """Where the wording of the change begins (the verb or noun), for attachment."""
    end: int
    """End of the change wording including its basis ("... year on year")."""
    targets_next: bool
    """True for "grew 5% to 800 billion yuan": the change qualifies the following figure."""


def read_change(
    text: str, q_start: int, q_end: int, value: float, floor: int, limit: int
) -> Change | None:
    """The change stated by the percent quote ``text[q_start:q_end]``, if it is one.

    ``floor``/``limit`` bound the context (the clause or sentence) that may be read.
    """
    lo = max(floor, q_start - 90)
    before = text[lo:q_start]
    after = text[q_end : min(limit, q_end + 80)]
    m = TRIGGER_BEFORE_RE.search(before)
    negative: bool
    trigger_start: int
    if m:
        negative = bool(m.group("verb_down") or m.group("noun_down") or m.group("noun_down2"))
        trigger_start = lo + m.start()
        phrase = m.group(0)
    else:
        ma = TRIGGER_AFTER_RE.match(after)
        if not ma:
            return None
        negative = bool(ma.group("noun_down"))
        trigger_start = q_start
        phrase = ma.group(0)
    basis, basis_end = _basis(text, q_end, limit, phrase, lo, q_start)
    targets_next = bool(TO_TARGET_RE.match(text, basis_end, limit))
    return Change(-value if negative else value, basis, trigger_start, basis_end, targets_next)


def _basis(
    text: str, q_end: int, limit: int, phrase: str, lo: int, q_start: int
) -> tuple[str, int]:
    after = text[q_end : min(limit, q_end + 80)]
    mb = BASIS_AFTER_RE.match(after)
    if mb:
        end = q_end + mb.end()
        if mb.group("yoy"):
            return "yoy", end
        if mb.group("mom"):
            return "mom", end
        return f"vs_{mb.group('vs')}_same_period", end
    mp = BASIS_BEFORE_RE.search(phrase)
    if mp is None:
        # "average annual growth of": the qualifier may sit before the trigger phrase.
        mp = BASIS_BEFORE_RE.search(text, max(lo, q_start - 60), q_start)
    if mp is not None:
        if mp.group("avg"):
            return "avg_annual", q_end
        return ("yoy" if mp.group("yoy") else "mom"), q_end
    ma = ANNUALLY_AFTER_RE.match(after)
    if ma:
        return "avg_annual", q_end + ma.end()
    return "unstated", q_end
