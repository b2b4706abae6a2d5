"""Milestones: a round amount a figure crossed, not the amount of its period.

"topped 800 billion yuan for the first time, reaching 832.43 billion yuan", "exceeding 2 trillion
yuan, reaching 2.08 trillion yuan", "the second time that trade has exceeded 90 billion yuan",
"exceeded 10 billion USD, 20 billion USD successively", "valued at 700.55 billion yuan, exceeding
700 billion yuan for the first time", 首次突破2.5万亿元 after the amount itself: the crossed amount
is a ``threshold`` fact, so Compare and Facts do not show it as the period's amount. An amount
after a crossing verb that is the only statement of the figure ("passed 2 trillion yuan",
"surpassing 200 billion yuan for the first time in 2022") stays a ``level`` with its
qualifier.

Non-goals: criteria met by a group ("growth of more than 10 percent every month").
"""

from __future__ import annotations

import re

from ._fold import fold_case

# a verb of crossing right before the amount (a qualifier and a currency sign may stand between)
_CROSSED_BEFORE_RE = re.compile(
    r"(?:\b(?:exceed(?:ed|s|ing)?|top(?:ped|s|ping)?|pass(?:ed|es|ing)?|surpass(?:ed|es|ing)?|"
    r"cross(?:ed|es|ing)?|br(?:oke|eaks?|eaking)\s+(?:through|the)|hit\s+the)"
    r"(?:\s+(?:the\s+)?(?:mark|level|threshold)\s+of)?"
    r"(?:\s+(?:more\s+than|over|about|around|nearly))?|突破|破|超过|跨过|迈上|站上)"
    r"[\s\xa0]*(?:RMB|US\$|\$|¥)?[\s\xa0]*$",
    re.IGNORECASE,
)
# what makes a crossed amount a milestone: it was crossed for the first (second ...) time, one
# after another, or the amount itself follows
_MILESTONE_CUE_RE = re.compile(
    r"\b(?:for\s+the\s+first\s+time|the\s+(?:first|second|third)\s+time|successively|"
    r"in\s+the\s+past\s+years|a\s+new\s+high|a\s+record)\b|首次|首度|再次|历史上|歷史上|首破",
    re.IGNORECASE,
)
_AMOUNT_AFTER_RE = re.compile(
    r"^[\s\xa0]*(?:for\s+the\s+first\s+time|in\s+(?:19|20)\d\d)?[\s,，]+"
    r"(?:reaching|to\s+reach|and\s+reached|standing\s+at|达到|达)[\s\xa0]*"
    r"(?:about|around|nearly|approximately)?[\s\xa0]*(?:RMB|US\$|\$)?[\s\xa0]*\d",
    re.IGNORECASE,
)
_CLAUSE_START_RE = re.compile(r"[.;。；!?]")


_UNIT_WORDS_RE = re.compile(r"[^\d.,\s\xa0]+(?:[\s\xa0]+[^\d.,\s\xa0]+)*$")
# a piece of every wording _CROSSED_BEFORE_RE reads (in folded text): a few finds in C rule out
# most amounts before the pattern, which ends in "$" and so is tried at every position
_CROSSING_PIECES = (
    "exceed",
    "top",
    "pass",
    "cross",
    "br",
    "hit",
    "破",
    "超过",
    "跨过",
    "迈上",
    "站上",
)


def _crossed_at_end(before: str) -> bool:
    """``_CROSSED_BEFORE_RE.search(before[-60:])``, the pattern tried only if it can match."""
    tail = before[-60:]
    folded = fold_case(tail)
    return any(p in folded for p in _CROSSING_PIECES) and bool(_CROSSED_BEFORE_RE.search(tail))


def is_milestone(before: str, quote: str, after: str) -> bool:
    """Whether the amount quoted ``quote`` is a milestone that was crossed rather than the
    amount of the figure. ``before`` is up to 300 characters before it (earlier sentences
    included: the amount itself may be stated there), ``after`` the rest of its sentence."""
    if not _crossed_at_end(before):  # the verb is right before the amount
        return False
    if _AMOUNT_AFTER_RE.match(after):
        return True  # "exceeding 2 trillion yuan, reaching 2.08 trillion yuan"
    clause_before = _CLAUSE_START_RE.split(before)[-1][-100:]
    clause_after = _CLAUSE_START_RE.split(after, maxsplit=1)[0][:60]
    cue = _MILESTONE_CUE_RE.search(clause_before) or _MILESTONE_CUE_RE.search(clause_after)
    if cue is None:
        return False
    if "successively" in cue.group(0).lower() or "past" in cue.group(0).lower():
        return True  # several milestones, one after another
    # crossed for the first time: a milestone when the amount itself was stated before it
    unit = _UNIT_WORDS_RE.search(quote)
    return unit is not None and unit.group(0) in before


def skips_milestone(after_target: str) -> bool:
    """Whether the amount a growth was linked to is a milestone followed by the amount itself
    ("rose 15.7%, exceeding 2 trillion yuan, reaching 2.08 trillion yuan"): ``after_target``
    is the text after that amount."""
    return _AMOUNT_AFTER_RE.match(after_target) is not None


def crossed(before: str) -> bool:
    """Whether ``before`` ends with a verb of crossing ("passes", "tops", 首次突破): in a
    headline, whose amount the article states below, that makes the amount a milestone."""
    return _crossed_at_end(before)
