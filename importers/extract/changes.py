"""Growth rates: whether a percent figure states a change, its sign and its basis.

"up 13.1 percent year on year" -> +13.1, ``yoy``; "fell by 9.5 percent" -> -9.5, ``unstated``;
"average annual growth of 12.4 percent" -> +12.4, ``avg_annual``; "an increase of 53.4% over
February" -> ``mom``; "compared with the same period of 2019" -> ``vs_2019_same_period``;
"4.8 percent higher than a year ago" -> +4.8, ``yoy``. Attaching a change to the figure it
qualifies is done in :mod:`importers.extract.attach`.

"doubled to 12.4 billion yuan" -> +100 on the figure after the verb (tripled +200, quadrupled
+300, halved -50).

Non-goals: "2.5 times" as a change (it is a figure of its own), changes stated as absolute
amounts.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from factscope.importers.lexicon import en
from factscope.importers.lexicon.common import alternation

from . import cjk
from ._fold import fold_case, folded_pattern

# "made up 40 percent of exports" is a share, not a rise: the look-behinds guard "up", the
# list's first word (an alternation's first branch is all they cover).
_UP = r"(?<!made\s)(?<!makes\s)(?<!make\s)(?<!making\s)" + alternation(en.GROWTH_VERBS_UP)
_DOWN = alternation(en.GROWTH_VERBS_DOWN)
_NOUN_UP = alternation(en.GROWTH_NOUNS_UP)
_NOUN_DOWN = alternation(en.GROWTH_NOUNS_DOWN)
_VERBS = (*en.GROWTH_VERBS_UP, *en.GROWTH_VERBS_DOWN)
_NOUNS = (*en.GROWTH_NOUNS_UP, *en.GROWTH_NOUNS_DOWN)
# The words between a trigger and its figure, as data: the pattern below is built from them
# and so is _may_end_a_trigger's gate (the last word of each), so the two cannot drift apart.
_QUAL_WORDS = (
    "about", "around", "nearly", "approximately", "more than", "over", "almost", "some",
    "at least", "between", "up to", "as much as", "roughly",
)  # fmt: skip
_SIZE_WORDS = (
    "slight", "modest", "mere", "marginal", "robust", "strong", "sharp", "solid", "healthy",
)  # fmt: skip
_NOUN_LINKS = ("of", "by", "at", "was", "is", "stood at", "reached", "hit", "registered")


_QUAL = rf"(?:(?:{alternation(_QUAL_WORDS)})\s+)?"
_BASIS_WORDS = (
    r"(?:(?:year-on-year|year\s+on\s+year|yoy|y-o-y|annual|average\s+annual|"
    r"annual\s+average|month-on-month|month\s+on\s+month|average|compound\s+annual)\s+)*"
)

# "grew at an average annual rate of 14.2 percent": the rate named between verb and figure
_AT_RATE = rf"(?:\s+(?:an?\s+|the\s+)?{_BASIS_WORDS}rate\s+of)?"
# what may stand between a verb and its figure: an adverb before "by" or "at" ("grew fastest
# at"), "by", "at an annual rate of", "by an average
# of" (a basis follows: "7.8 percent annually"), or the verb's object and "by" ("aims to grow
# its GDP by 7.5 to 8 percent", "increased their exports by 9 percent")
_VERB_GAP = (
    r"(?:\s+(?:year-on-year|year\s+on\s+year|yoy)(?=\s+by\b))?"  # "up year-on-year by 3%"
    r"(?:\s+(?:fastest|faster|slowest|slower|steadily|rapidly|strongly|quickly|sharply|"
    r"slightly|modestly|significantly|considerably)(?=\s+(?:by|at)\b))?"
    rf"(?:\s+(?:by|of|at{_AT_RATE})|\s+(?:by\s+)?an?\s+average\s+of"
    r"|\s+(?:its|their|our|the)\s+(?:[\w-]+\s+){1,3}?by)?"
)
TRIGGER_BEFORE_RE = re.compile(
    rf"""(?:
        \b(?P<verb_up>{_UP}){_VERB_GAP}
      | \b(?P<verb_down>{_DOWN}){_VERB_GAP}
      | \b(?:an?\s+|the\s+)?{_BASIS_WORDS}(?:(?P<noun_up>{_NOUN_UP})|(?P<noun_down>{_NOUN_DOWN}))
        (?:\s+(?:rate|target)(?:\s+(?:for|in|of)\s+(?:\d{{4}}|this\s+year|next\s+year))?)?
        \s+(?:{alternation(_NOUN_LINKS)})
      | \b(?:saw|posted|registered|recorded|achieved|maintained|logged)\s+(?:an?\s+)?
        {_BASIS_WORDS}(?:(?P<noun_up2>{_NOUN_UP})|(?P<noun_down2>{_NOUN_DOWN}))\s+of
      | \b(?:an?\s+)?(?:year-on-year|year\s+on\s+year)\s+  # "a year-on-year expansion 10.4%"
        (?:(?P<noun_up3>{_NOUN_UP})|(?P<noun_down3>{_NOUN_DOWN}))
    )\s+(?:(?:year-on-year|year\s+on\s+year)\s+)?{_QUAL}
    (?:a\s+(?:{alternation(_SIZE_WORDS)})\s+|a\s+)?
    (?:-\s*)?$""",
    re.IGNORECASE | re.VERBOSE,
)
_TRIGGER_BEFORE_FOLDED_RE = folded_pattern(TRIGGER_BEFORE_RE)  # several times faster
# Every match of TRIGGER_BEFORE_RE starts at a word that begins with one of these prefixes (in
# folded text): trying the pattern only there finds the same leftmost match as a search,
# several times faster. Grouped by first letter, the engine tries a few branches per word, not
# every verb form (tests/test_extract_changes.py checks each form of the lists above is gated).
_TRIGGER_GATE_RE = re.compile(
    r"\b(?:a(?:n?\s|nnual|verage|ccelerat|chieved)|c(?:limb|ontract|ompound)"
    r"|d(?:own|eclin|ecreas|ip|rop)|e(?:xpan|dged)|f(?:ell|all)|g(?:rew|row|ain)|higher"
    r"|increas|jump|l(?:ower|ogged)|m(?:onth|aintained)|narrow|p(?:icked|lung|osted)|widen"
    r"|r(?:ose|is|ebound|educ|egistered|ecorded)|s(?:oar|urg|kyrocket|lid|lump|lip|low|hr|ank"
    r"|ink|aw)|t(?:he\s|umbl)|up|y(?:ear|oy|-o-y))"
)
# After the percent: "a 5.5% year-on-year increase", or a comparison with a base period ("4.8
# percent higher than a year ago", "3 percent more than the previous year", "2% up from 2021").
TRIGGER_AFTER_RE = re.compile(
    rf"""^\s*(?:
        (?:{_BASIS_WORDS})(?:(?P<noun_up>{_NOUN_UP})|(?P<noun_down>{_NOUN_DOWN}))\b
      | (?:(?P<cmp_up>higher|more|greater|faster)|(?P<cmp_down>lower|less|fewer|slower))
        (?=\s+than\b)
      | (?:(?P<adv_up>up|higher)|(?P<adv_down>down|lower))
        (?=\s+(?:from|over|on|compared|year)\b|\s*[,.;]|\s*$)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_MONTH = alternation(en.MONTH_NAMES)
# "over", "compared with", "than (that in) the" ... before the base of a comparison
_VERSUS = (
    r"(?:over|from|on|compared\s+(?:with|to)|than)\s+(?:(?:that|those)\s+(?:of|in)\s+|in\s+)?"
    r"(?:the\s+)?"
)
_SAME = r"(?:same|corresponding)\s+(?:period|month|quarter|months|quarters|time)"
BASIS_AFTER_RE = re.compile(  # used with match(text, pos): no "^"
    rf"""[\s,]*(?:
        (?P<yoy>year[-\s]on[-\s]year|yoy|y-o-y|yearly|from\s+a\s+year\s+(?:earlier|ago|before)
          |{_VERSUS}(?:{_SAME}\s+(?:of\s+|in\s+)?
           last\s+year|last\s+year|a\s+year\s+(?:earlier|ago)|the\s+previous\s+year|previous\s+year))
      | (?P<mom>month[-\s]on[-\s]month|mom|{_VERSUS}
           (?:previous\s+month|last\s+month|a\s+month\s+(?:earlier|ago)|(?:{_MONTH})\b))
      | {_VERSUS}{_SAME}\s+(?:of|in)\s+(?P<vs>(?:19|20)\d\d)
      | (?:from|over|compared\s+(?:with|to)|than)\s+(?:(?:that|those)\s+(?:of|in)\s+|in\s+)?
        (?P<year>(?:19|20)\d\d)\b(?!\s*(?:level|figure|-|–))
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# "up 3.1 percent [in December] compared with the same month of 2020": the figure's own period
# may stand between the percent and its base.
_PERIOD_BEFORE_BASIS_RE = re.compile(
    r"[\s,]*(?:in|during)\s+[\w\s-]{2,30}?[\s,]+(?=year|month|from|over|compared|than)",
    re.IGNORECASE,
)
BASIS_BEFORE_RE = re.compile(
    r"(?P<avg>average\s+annual|annual\s+average|compound\s+annual|annually\s+on\s+average|"
    r"on\s+average\s+annually|average\s+growth\s+rate)|(?P<yoy>year-on-year|year\s+on\s+year"
    r"|on\s+a\s+(?:yearly|year-on-year)\s+basis)"
    r"|(?P<mom>month-on-month|month\s+on\s+month|on\s+a\s+(?:monthly|month-on-month)\s+basis)",
    re.IGNORECASE,
)
TO_TARGET_RE = re.compile(
    # "quarter on quarter" is no basis of the closed list (unstated), but may stand here too
    r"[\s,]*(?:(?:year[-\s]on[-\s]year|yoy|quarter[-\s]on[-\s]quarter|qoq)[\s,]*)?"
    r"to(?:\s+(?:reach|hit|a\s+total\s+of))?\s+",
    re.IGNORECASE,
)
# "grew by 14.4%, amounting to 1.05 trillion yuan", "a 5.3% growth year on year, reaching
# 322.97 billion yuan", "growth of 7.1 percent in the first half, totaling about 2.83 trillion
# yuan", "... and reached 2.24 trillion yuan": a growth stated before the amount it is of,
# linked to it by a verb of amounting (the amount follows the verb directly)
LINKED_TARGET_RE = re.compile(
    r"[\s,]*(?:(?:yearly|annually|year[-\s]on[-\s]year|yoy)[\s,]*)?"
    r"(?:(?:in|during|for|from)\s+(?:the\s+)?[\w\s-]{2,40}?[\s,]+)?"
    r"(?:and\s+|which\s+)?"
    r"(?:reaching|reached|amounting\s+to|amounted\s+to|totaling|totalling|totaled|totalled|"
    r"hitting|standing\s+at|exceeding|valued\s+at)\s+"
    r"(?:(?:about|around|nearly|approximately|roughly|some|more\s+than|over|almost)\s+)?"
    r"(?=(?:RMB|US\$|\$|CNY|USD)?[\s\xa0]?\d)",
    re.IGNORECASE,
)
_OBJECT_AFTER_RE = re.compile(
    r"[\s\xa0]+of[\s\xa0]+(?:the|its|their|our|this|that|these|those)\b", re.IGNORECASE
)
ANNUALLY_AFTER_RE = re.compile(
    r"^[\s,]*(?:annually|a\s+year|per\s+year|each\s+year)\b", re.IGNORECASE
)


# "higher than that of Guangzhou", "than the national average", "than Shanghai's": another
# subject, not an earlier time
_VERSUS_OTHER_RE = re.compile(
    r"[\s\xa0]+than[\s\xa0]+(?:(?:that|those)[\s\xa0]+(?:of|in)[\s\xa0]+|(?:the[\s\xa0]+)?"
    r"(?:national|provincial|country['’]s|world|average)|"
    rf"(?!(?:{_MONTH})\b)[A-Z][a-z]{{2,}})"
)
# A gap to another subject's rate: "4.1% higher than the national average", "2 percentage
# points above the provincial level", 高于全国2.8个百分点 (Chinese: the words before the figure).
_GAP_WORD_AFTER_RE = re.compile(
    r"[\s\xa0]*(?:higher|lower|more|less|faster|slower|greater|above|below|over|ahead\s+of)\b",
    re.IGNORECASE,
)
_GAP_OTHER_AFTER_RE = re.compile(
    r"[\s\xa0]+(?:the[\s\xa0]+)?(?:national|provincial|country['’]s|world|average)\b",
    re.IGNORECASE,
)
_ZH_GAP_BEFORE_RE = re.compile(
    r"(?:[高低快慢]于|超过|比)(?:同期)?(?:全国|全省|全市|全球|平均)[^，。；,;]{0,16}$"
)
MULTIPLIERS: dict[str, float] = {
    "doubled": 100.0, "tripled": 200.0, "trebled": 200.0, "quadrupled": 300.0, "halved": -50.0,
}  # fmt: skip
# "more than doubled year on year to [about] " right before a figure
MULTIPLIER_BEFORE_RE = re.compile(
    rf"\b(?P<verb>{'|'.join(MULTIPLIERS)})(?P<basis>[\s,]+(?:year[-\s]on[-\s]year|yoy))?"
    rf"[\s,]+to[\s\xa0]+{_QUAL}$",
    re.IGNORECASE,
)


class Change(NamedTuple):  # not a frozen dataclass: 7x faster to create
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
    versus_other: bool = False
    """True for "40 percent higher than that of Guangzhou": a gap to another subject, never
    the change of the figure before it."""
    links_next: bool = False
    """True for "grew 9.1%, amounting to 180 billion yuan": the following figure, unless an
    amount right before the change claims it ("700.55 billion yuan, up 7.8%, exceeding 700
    billion yuan for the first time")."""


def read_change(
    text: str, q_start: int, q_end: int, value: float, floor: int, limit: int
) -> Change | None:
    """The change stated by the percent quote ``text[q_start:q_end]``, if it is one.

    ``floor``/``limit`` bound the context (the clause or sentence) that may be read.
    """
    lo = q_start - 90 if q_start - 90 > floor else floor  # no max()/min(): see passes.context
    before = text[lo:q_start]
    after = text[q_end : q_end + 80 if q_end + 80 < limit else limit]
    m = _trigger_before(fold_case(before))
    negative: bool
    trigger_start: int
    compared = False  # "40 percent higher than ...": a comparison after the percent
    if m:
        if (m.group("verb_up") or m.group("verb_down")) and _OBJECT_AFTER_RE.match(after):
            return None  # "expand 30 percent of its farmland": a part, not a growth rate
        negative = bool(
            m.group("verb_down")
            or m.group("noun_down")
            or m.group("noun_down2")
            or m.group("noun_down3")
        )
        trigger_start = lo + m.start()
        phrase = m.group(0)
    else:
        ma = TRIGGER_AFTER_RE.match(after)
        if not ma:
            chinese = None if before.isascii() else cjk.read_change(before)
            if chinese is None:
                return None
            negative, stated, offset = chinese
            basis = stated or "unstated"
            targets_next = False
            return Change(-value if negative else value, basis, lo + offset, q_end, targets_next)
        negative = bool(ma.group("noun_down") or ma.group("cmp_down") or ma.group("adv_down"))
        compared = bool(ma.group("cmp_up") or ma.group("cmp_down"))
        trigger_start = q_start
        phrase = ma.group(0)
        # the base follows the wording: "4.8 percent higher | than a year ago"
        q_end += ma.end()
    basis, basis_end = _basis(text, q_end, limit, phrase, lo, q_start)
    targets_next = bool(TO_TARGET_RE.match(text, basis_end, limit))
    links_next = not targets_next and bool(LINKED_TARGET_RE.match(text, basis_end, limit))
    versus_other = (
        compared and basis == "unstated" and _VERSUS_OTHER_RE.match(text, q_end, limit) is not None
    )
    signed = -value if negative else value
    return Change(signed, basis, trigger_start, basis_end, targets_next, versus_other, links_next)


# The last word of every TRIGGER_BEFORE_RE match (white space or a dash follows it to the end):
# a growth verb or noun, a word linking one to its figure, a qualifier's or a size's, "a", and
# "year" (year on year); "by", "of" and "at" also end the verbs' gap.
_TRIGGER_END_WORDS = frozenset(
    [e.split()[-1] for e in (*_VERBS, *_NOUNS, *_QUAL_WORDS, *_SIZE_WORDS, *_NOUN_LINKS)]
    + ["a", "year"]
)


def _may_end_a_trigger(folded: str) -> bool:
    """A necessary condition of ``_TRIGGER_BEFORE_FOLDED_RE`` matching ``folded``: it ends in
    white space or a dash after a word of :data:`_TRIGGER_END_WORDS` (or of a non-``\\w``
    character, as "year-on-year"). A window before "accounting for" stops here."""
    if not folded or not (folded[-1].isspace() or folded[-1] == "-"):
        return False
    tail = folded.rstrip()
    tail = tail[:-1].rstrip() if tail.endswith("-") else tail
    word = tail.rsplit(None, 1)[-1] if tail else ""
    return word in _TRIGGER_END_WORDS or not word.isalnum()


def _trigger_before(folded: str) -> re.Match[str] | None:
    """``_TRIGGER_BEFORE_FOLDED_RE.search(folded)``, trying the pattern only at gate words,
    and not at all where the window cannot end a match (:func:`_may_end_a_trigger`)."""
    if not _may_end_a_trigger(folded):
        return None
    for gate in _TRIGGER_GATE_RE.finditer(folded):
        m = _TRIGGER_BEFORE_FOLDED_RE.match(folded, gate.start())
        if m:
            return m
    return None


def read_multiplier(text: str, floor: int, q_start: int) -> tuple[Change, int, int] | None:
    """The change stated by "doubled to" / "halved to" right before the quote starting at
    ``q_start`` (looking no further back than ``floor``), with the span of the verb."""
    lo = max(floor, q_start - 60)
    window = text[lo:q_start].lower()
    if not any(verb in window for verb in MULTIPLIERS):
        return None
    m = MULTIPLIER_BEFORE_RE.search(text, lo, q_start)
    if m is None:
        return None
    basis = "yoy" if m.group("basis") else "unstated"
    percent = MULTIPLIERS[fold_case(m.group("verb"))]
    change = Change(
        percent, basis, m.start("verb"), m.end("basis") if m.group("basis") else m.end("verb"), True
    )
    return change, m.start("verb"), m.end("verb")


def basis_after(text: str, q_end: int, limit: int) -> tuple[str, int] | None:
    """The base stated right after ``q_end`` ("year on year", "compared with the same period
    of 2019") and where its wording ends, or None."""
    return _stated_basis(text[q_end : q_end + 80 if q_end + 80 < limit else limit], q_end)


def _stated_basis(after: str, q_end: int) -> tuple[str, int] | None:
    """:func:`basis_after` on ``after``, the text from ``q_end`` on."""
    mb = BASIS_AFTER_RE.match(after)
    if mb is None and after.startswith((" in ", " during ")):
        mp = _PERIOD_BEFORE_BASIS_RE.match(after)
        mb = BASIS_AFTER_RE.match(after, mp.end()) if mp else None
    if mb is None:
        return None
    end = q_end + mb.end()
    if mb.group("yoy"):
        return "yoy", end
    if mb.group("mom"):
        return "mom", end
    if mb.group("year"):
        return f"{FROM_YEAR}{mb.group('year')}", end
    return f"vs_{mb.group('vs')}_same_period", end


FROM_YEAR = cjk.FROM_YEAR


_VS_SAME_RE = re.compile(r"vs_(\d{4})_same_period")


def resolve_from_year(basis: str, period: str | None) -> str:
    """The basis of "from <year>" given the figure's period: ``yoy`` when the period falls in
    the next year, ``vs_<year>_same_period`` when later, else ``unstated``. A comparison with
    the same period of a year ("compared with the same month of 2021", 较2021年同期) is
    ``yoy`` too when the figure's period falls in the next year."""
    same = _VS_SAME_RE.fullmatch(basis)
    if same is not None and period and period[:4] == str(int(same.group(1)) + 1):
        return "yoy"
    if not basis.startswith(FROM_YEAR):
        return basis
    year = int(basis[len(FROM_YEAR) :])
    own = period[:4] if period and period[:4].isdigit() else None
    if own is None or int(own) <= year:
        return "unstated"
    return "yoy" if int(own) == year + 1 else f"vs_{year}_same_period"


def _basis(
    text: str, q_end: int, limit: int, phrase: str, lo: int, q_start: int
) -> tuple[str, int]:
    after = text[q_end : q_end + 80 if q_end + 80 < limit else limit]
    stated = _stated_basis(after, q_end)
    if stated is not None:
        return stated
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


def gap_to_other(text: str, end: int, limit: int, before: str) -> bool:
    """Whether the rate ending at ``end`` is a gap to another subject's rate ("4.1% higher than
    the national average", 高于全国2.8个百分点) rather than a movement over time ("up 2
    percentage points from a year earlier", "8.9 points higher than in Q1")."""
    word = _GAP_WORD_AFTER_RE.match(text, end, limit)
    if word is not None:
        rest = word.end()
        for other in (_VERSUS_OTHER_RE, _GAP_OTHER_AFTER_RE):
            if other.match(text, rest, limit):
                return True
    return not before.isascii() and _ZH_GAP_BEFORE_RE.search(before) is not None
