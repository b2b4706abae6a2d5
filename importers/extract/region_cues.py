"""Words around a place name that decide what the place is to a figure: an anaphor ("the
province's"), a scope ("ranking No. 2 in Shanghai", "90% of the city's"), a destination
("exported to"), a comparand ("after Shanghai"), a name it is part of ("Shanghai Huitian New
Material Co", 成都海关), a locating phrase. Used by :class:`.regions.RegionTracker`.
"""

from __future__ import annotations

import re

from ._fold import folded_pattern
from .ranks import ORDINAL_WORDS

# what follows "the", "this", "our" or "my" in an anaphor
_ANAPHOR_TAIL = (
    r"\s+(?:(?:suburban|whole|entire|coastal|inland|same|host|island|"
    r"border|landlocked|mountainous|southern|northern|eastern|western|central)\s+)?"
    r"(?P<noun>district|city|province|zone|CBD|municipality|county|country|nation|prefecture|state|"
    r"(?:autonomous\s+)?region|area)"
    r"(?P<poss>['’]s)?\b"
)
ANAPHOR_RE = re.compile(
    # "the|this|our|my" after a non-word character, written first letter, then the word
    # boundary as a look-behind: a pattern that opens with a plain letter lets the engine skip
    # ahead in C to the next t, o or m (a leading \b makes it try every position: 2x slower)
    r"(?:t(?<!\w.)h(?:e|is)|o(?<!\w.)ur|m(?<!\w.)y)" + _ANAPHOR_TAIL,
    re.IGNORECASE,
)
ANAPHOR_FOLDED_RE = folded_pattern(ANAPHOR_RE)  # on folded text: several times faster
# ANAPHOR_FOLDED_RE as one pattern per determiner: each opens with a literal ("th"), which
# the engine finds in C twice as fast as one of the letters t, o, m (see find_anaphors)
_ANAPHOR_FOLDED_PARTS = tuple(
    folded_pattern(re.compile(opening + _ANAPHOR_TAIL, re.IGNORECASE))
    for opening in (r"th(?<!\w..)(?:e|is)", r"our(?<!\w...)", r"my(?<!\w..)")
)
NOUN_LEVELS: dict[str, tuple[str, ...]] = {
    "district": ("district", "county"),
    "county": ("county", "district"),
    "city": ("city", "municipality"),
    "prefecture": ("city", "province"),  # a prefecture-level city; a Japanese prefecture
    "state": ("province",),  # a state abroad (FOREIGN_NOUNS)
    "municipality": ("municipality",),
    "province": ("province",),
    "zone": ("zone",),
    "cbd": ("zone",),
    "region": ("province",),  # an autonomous region (see _of_level)
    "area": ("zone", "district"),  # "the area's output" after a new area or a zone
    "autonomous region": ("province",),
}
# Anaphor nouns that name only places abroad: "the state" in a Chinese story is the government.
FOREIGN_NOUNS = frozenset({"state"})
NAME_FUNCTION_WORDS = frozenset({
    "In", "At", "On", "For", "From", "To", "And", "The", "Of", "By", "With", "As", "Since",
    "During", "Across", "Both", "While", "When", "Where", "Under", "Over", "After", "Before",
    "Through", "Into", "Including", "Like", "Between", "Among", "Than", "Or",
    # "Northwest China's Gansu Province": a direction locates, it names nothing
    "North", "South", "East", "West", "Northwest", "Northeast", "Southwest", "Southeast",
    "Central", "Northern", "Southern", "Eastern", "Western",
})  # fmt: skip
# One \b in front of the words, not one per word: at a position inside a word the search then
# fails at once, and at a word's start each branch opens with a literal the engine skips in C
# (a window of 40 characters: 1.3 against 9 µs when nothing matches)
_RANK_SCOPE_RE = re.compile(
    r"(?:\b(?:rank(?:s|ed|ing)?|top(?:s|ped|ping)?|first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th)|lead(?:s|ing)?|among|other\s+\w+|only)"
    r"|No\.\s*\d+)\s+(?:\w+\s+){0,3}(?:in|among|across|of)\s+"
    r"(?:the\s+)?(?:\w+\s+){0,3}$",  # "12th in China", "3rd in central and western China"
    re.IGNORECASE,
)
RANK_SCOPE_FOLDED_RE = folded_pattern(_RANK_SCOPE_RE)
# Every match of _RANK_SCOPE_RE (folded) holds one of these words, an ordinal word ("first" ...
# "tenth"), "no." or a digit ordinal ("12th"): the ordinals are looked up in the document's
# OrdinalHits (a bisect), these words with ``in`` in the place's window.
RANK_SCOPE_WORDS = ("rank", "top", "lead", "among", "other", "only")
# the same gate as one pattern: what the look-ups must answer alike (tests compare them)
RANK_SCOPE_GATE_RE = re.compile(
    "|".join((*RANK_SCOPE_WORDS, *ORDINAL_WORDS)) + r"|\d(?:st|nd|rd|th)|no\."
)
# "China's fifth-largest economy", "the country's biggest port": a scope of the superlative
SUPERLATIVE_AFTER_RE = re.compile(
    r"['’]s[\s\xa0]+(?:(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}"
    r"(?:st|nd|rd|th))[-\s\xa0]+)?(?:largest|biggest|leading|top)\b"
)
SHARE_OF_RE = re.compile(r"(?:%|percent|per\s+cent)\s+of\s+(?:the\s+)?(?:\w+\s+)?$")
DESTINATION_RE = re.compile(
    r"(?:\bto|\bfrom|\btoward|\btowards|\barriv\w*\s+in|\bshipped\s+to|\bexported\s+to"
    r"|\b(?:trade|trading|commerce|cooperation|ties|business)\s+with)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|northeast|northwest|southeast|southwest)(?:ern)?\s+)?"
    r"(?:[A-Z][a-z]+['’]s\s+)?$",  # "exports to northwest China's Qinghai Province"
    re.IGNORECASE,
)
# one of these is in every match of DESTINATION_RE (folded): a place whose folded text before
# holds none is no destination, without running the pattern (4 in 5 places)
DESTINATION_WORDS = ("to", "from", "with", "arriv")
DESTINATION_GATE_RE = re.compile("|".join(DESTINATION_WORDS))
# The word that ends the verb or preposition of every DESTINATION_RE match: after it come at
# most three words ("the", a direction, "Shaanxi's"), each followed by a space, so the window
# ends with a space and one of its last four words ends with one of these (folded).
DESTINATION_LAST_WORDS = ("to", "from", "toward", "towards", "in", "with")
# between two places of one list ("Japan, South Korea and Vietnam", "Bavaria and Munich")
LIST_GAP_RE = re.compile(r",?\s+(?:and|or|as\s+well\s+as)\s+|,\s*|、|和|及")
# "have led China's major cities", "the second city after Shanghai", "faster than Sichuan",
# "ahead of Beijing": a place the subject is measured against, not the subject.
# After "than" and "second only to" the place's own figure often follows ("faster than Sichuan
# at 8.2 percent"): such a place is never the topic but may still own the next figure.
COMPARAND_RE = re.compile(
    r"\b(?:(?P<own>than(?:\s+(?:that|those)\s+(?:of|in))?|second\s+only\s+to)|led|leads|"
    r"topped|tops|outpaced|outperformed|"
    r"surpassed|overtook|overtaking|trailed|trailing|behind|ahead\s+of|"
    # "the second city after Shanghai", not "after Shanghai reopened": a rank word before it
    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|only|"
    r"just|right)\b[^,.;]{0,30}?\safter)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# The last word of every COMPARAND_RE match (before an optional "the"), lower-cased: a set
# look-up decides most places without running the pattern.
COMPARAND_LAST_WORDS = frozenset({
    "than", "to", "led", "leads", "topped", "tops", "outpaced", "outperformed", "surpassed",
    "overtook", "overtaking", "trailed", "trailing", "behind", "after", "of",
})  # fmt: skip
POSSESSIVE_GAP_RE = re.compile(r"['’]s[\s\xa0]+")
# "the Pudong New Area Commerce Commission", "Hangzhou Municipal Bureau of Commerce": a
# government office named after its place, which is the story's place
EN_OFFICE_AFTER_RE = re.compile(
    r"(?:[\s\xa0]+(?:Municipal|Provincial|District|City|County|Regional|People['’]s)){0,2}"
    r"[\s\xa0]+(?:Commerce\s+Commission|Commission\s+of\s+Commerce|Bureau|Commission|"
    r"Department|Government|Committee|Administration|Customs|Statistics\s+Bureau|"
    r"Development\s+and\s+Reform\s+Commission)\b"
)
CJK_ORG_AFTER_RE = re.compile(
    r"(?:市|省|区|县)?(?:海关|政府|人民政府|日报|晚报|电视台|大学|银行|集团|公司|统计局|商务局|"
    r"发改委|税务局|海关总署|机场|车站|港务局)"
)
"""Chinese organization words that make a place name part of a name."""
NAME_AFTER_RE = re.compile(r"\)?[\s\xa0]*(?:[A-Z][a-z]|[A-Z]{2,}\b)|-[A-Z]")
POSSESSIVE_RE = re.compile(r"['’]s\b")
COMPANY_AFTER_RE = re.compile(r"\)\s*(?:Co|Ltd|[A-Z])")
CAPITALIZED_BEFORE_RE = re.compile(r"([A-Z][\w'’-]*)[\s\xa0]+$")
DOLLAR_AFTER_RE = re.compile(r"[\s\xa0]*(?:\$|dollars?\b)")
IN_BEFORE_RE = re.compile(r"\bin[\s\xa0]+$")
LOCATIVE_BEFORE_RE = re.compile(r"\b(?:in|at)[\s\xa0]+$")
# "Shenzhen, the province's tech hub", "Jiangsu Province, one of the country's trade hubs"
APPOSITIVE_GAP_RE = re.compile(r",[\s\xa0]*(?:one[\s\xa0]+of[\s\xa0]+)?")
# "bordering Vietnam in China's south,": the country locates the place; it owns no figure
COUNTRY_PART_AFTER_RE = re.compile(
    r"(?:['’]s)?[\s\xa0]+(?:far[\s\xa0]+)?(?:north|south|east|west)(?:east|west)?(?:ern)?"
    r"(?:[\s\xa0]+(?:part|region|coast|border|frontier|corner|flank))?[\s\xa0]*(?:[,.;)]|$)"
)
# between a listed place and its own figure in brackets: "Texas ($289.0 billion)",
# "Arkansas (35.9 percent)", "Nevada (about 27 percent)"
PAREN_GAP_RE = re.compile(
    r"[\s\xa0]*[(（][\s\xa0]*(?:(?:about|around|nearly|over|some|up|down|more\s+than)[\s\xa0]+)?"
)
FROM_BEFORE_RE = re.compile(r"\bfrom[\s\xa0]+(?:the[\s\xa0]+)?$", re.IGNORECASE)
# a wire dateline opening the text: "MUNICH --", "CHENNAI:", "HO CHI MINH CITY (VNA) -"
DATELINE_RE = re.compile(
    r"[\s\xa0]*(?P<place>[A-Z][A-Z'’.-]+(?:[\s\xa0][A-Z][A-Z'’.-]+){0,3})"
    r"(?=[\s\xa0]*(?:,|:|[-–—]{1,2}|\())"
)
# between a place and the larger place that locates it: "Pudong New Area in Shanghai",
# "Songjiang District, Shanghai", "Xinjin district of Chengdu"
LOCATING_GAP_RE = re.compile(r"[\s\xa0]*,?[\s\xa0]*(?:(?:in|of)[\s\xa0]+(?:the[\s\xa0]+)?)?")
LOCATING_REACH = 200
"""How far before an ancestor ("..., capital of Sichuan Province") its place may be."""
CLAUSE_BREAK_RE = re.compile("[，。；！？]")  # a Chinese clause ends: no locating apposition
CJK_DATELINE_AFTER_RE = re.compile(r"[\s\xa0]*\d{1,2}月\d{1,2}日(?:电|讯|消息)")
CJK_DATELINE_MARK = "月"  # in every CJK_DATELINE_AFTER_RE match: a cheap test first
CJK_SHARE_BEFORE = ("占", "占了", "占到", "相当于")  # the place after these is a share's whole
# "四川外贸", "成都的进出口": a Chinese place right before its metric owns it, as "Sichuan's"
CJK_OWNER_AFTER_RE = re.compile(
    r"(?:的|外贸|对外贸易|进出口|出口|进口|经济|地区生产总值|生产总值|GDP|工业|财政|社会消费品)"
)
# both used with match(), at a sentence's start: no "^", which would not match there
EXAMPLE_RE = re.compile(r"(?:For\s+(?:example|instance)|Take\b|Such\s+as)", re.IGNORECASE)
LEAD_ADVERBIAL_RE = re.compile(r"(?:(?:In|At|For|By|During|Since|So)\b[^,]{0,40},\s*)")

_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")


def find_anaphors(folded: str) -> list[re.Match[str]]:
    """``ANAPHOR_FOLDED_RE.finditer(folded)`` in order, found faster. Two anaphors never
    overlap (each opens a word with its determiner), so the parts' matches are the same."""
    found = [m for part in _ANAPHOR_FOLDED_PARTS for m in part.finditer(folded)]
    found.sort(key=lambda m: m.start())
    return found


def is_title_case(line: str) -> bool:
    """Whether at least 80 % of the line's words (three or more) are capitalized or small
    words: a headline. Stops at the first lower-case word too many (most lines are prose)."""
    words = _WORD_RE.findall(line)
    if len(words) < 3:
        return False
    floor = 0.8 * len(words)
    caps = len(words)
    for w in words:
        if not (w[0].isupper() or w.lower() in ("of", "in", "the", "and")):
            caps -= 1
            if caps < floor:
                return False
    return True


APOSTROPHE_S = ("'s", "’s")  # how every POSSESSIVE_RE match opens


def name_may_follow(after: str) -> bool:
    """What every NAME_AFTER_RE match at the start of ``after`` needs: "-" first, or a capital
    letter after an optional ")" and white space (most places are followed by neither)."""
    if after[:1] == "-":
        return True
    rest = after[1:] if after[:1] == ")" else after
    return "A" <= rest.lstrip()[:1] <= "Z"


def words_before(text: str, start: int) -> list[str]:
    """The words of the 25 characters before ``start``: what :func:`name_possible` and
    :func:`comparand_before` read of a place, split once for both."""
    return text[start - 25 if start > 25 else 0 : start].split()  # no max(): a call


def name_possible(text: str, start: int, after: str, words: list[str] | None = None) -> bool:
    """What every True answer of ``PlaceIndex._in_name`` (:mod:`.region_places`) for a place
    at ``start`` needs: a dateline mark or a capital after it, a bracket before it, or a word
    before it that is not all lower-case (CAPITALIZED_BEFORE_RE's word is in the last word of
    the 25 characters before). Most places have none, and skip the line, sub-place and
    pattern checks. ``words``: :func:`words_before`, if the caller has them."""
    if CJK_DATELINE_MARK in after or name_may_follow(after):
        return True
    prev = text[start - 1 : start]
    if prev == "(":
        return True
    if not prev.isspace():
        return False
    if words is None:
        words = words_before(text, start)
    return bool(words) and not words[-1].islower()


_BEFORE_OF_TO = frozenset({"that", "those", "ahead", "only"})


def comparand_before(text: str, start: int, words: list[str] | None = None) -> str:
    """What :attr:`.region_places.Place.comparand` says of a place name starting at ``start``:
    "own", "other" or "" (see COMPARAND_RE). It reads the last three words of the 24
    characters before; ``words``, :func:`words_before` (25 characters), serve when they are
    four or more: the first of them may be cut one character shorter, never the last three."""
    if words is None or len(words) < 4:
        words = text[start - 24 if start > 24 else 0 : start].split()
    # one word lower-cased at a time: lower() never makes or removes white space
    k = len(words) - 1
    last = words[k].lower() if k >= 0 else ""
    if last == "the":
        k -= 1
        last = words[k].lower() if k >= 0 else ""
    if last not in COMPARAND_LAST_WORDS:
        return ""
    # "of" and "to" end many phrases: only "than that of", "ahead of", "second only to"
    if last in ("of", "to") and (k < 1 or words[k - 1].lower() not in _BEFORE_OF_TO):
        return ""
    found = COMPARAND_RE.search(text, start - 60, start)  # re reads pos < 0 as 0
    return "" if found is None else ("own" if found.group("own") else "other")
