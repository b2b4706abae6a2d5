"""What a figure measures: a short metric phrase from the text and its ``metric_type``.

The phrase is looked for after the figure ("2 trillion yuan in sales revenue"), then before it
in the same clause ("The district's annual total foreign trade volume ... amounted to"), and
classified by keyword rules from the most to the least specific ("dependence on foreign trade"
before "foreign trade"). Also recognizes share and threshold wording.

Chinese text is matched against bulletin terms (``ZH_METRIC_RULES``: 地区生产总值, 进出口总额,
社会消费品零售总额, 规模以上工业增加值 ...) mapped to the same ``metric_type`` vocabulary.

Non-goals: a full taxonomy of economic indicators; parsing the sentence; word segmentation
(a Chinese phrase is the term with its usual modifiers, not the whole noun phrase).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator

from factscope.importers.lexicon import en
from factscope.importers.lexicon.common import alternation

from . import metric_rules
from ._fold import fold_case, folded_pattern, word_alternation
from .cjk import has_cjk
from .metric_rules import METRIC_RULES, RULE_KEYWORDS, RULE_STARTS, UNTYPED, ZH_METRIC_RULES
from .text_index import offsets_of

# Matched case-sensitively against folded text (the rules hold no upper-case escapes), which
# is several times faster than IGNORECASE. A _CASED rule (it tells names by their capital)
# then runs on the original text, only where its folded twin (which matches more) found one.
_CASED = frozenset({"trade_with_partner"})
_COMPILED = tuple(
    (
        name,
        re.compile(p.lower()),
        RULE_KEYWORDS[name],
        re.compile(p, re.IGNORECASE) if name in _CASED else None,
    )
    for name, p in METRIC_RULES
)


# each keyword with the rules (their indexes, in order) it lets through: a text holding one or
# two keywords looks up their rules instead of testing every rule's keywords
_RULES_OF_KEYWORD: dict[str, frozenset[int]] = {
    k: frozenset(i for i, (_, _, keys, _) in enumerate(_COMPILED) if k in keys)
    for keywords in RULE_KEYWORDS.values()
    for k in keywords
}
_KEYWORDS = tuple(_RULES_OF_KEYWORD)
_RULES = tuple((name, p, cased, RULE_STARTS[name]) for name, p, _, cased in _COMPILED)
_Rule = tuple[str, re.Pattern[str], re.Pattern[str] | None, tuple[str, ...]]
_ZH_RE = re.compile(
    "|".join(f"(?P<t{i}>{pattern})" for i, (_, pattern) in enumerate(ZH_METRIC_RULES)),
    re.IGNORECASE,  # "GDP" / "gdp"; the contexts it scans are short
)
_ZH_TYPES = {f"t{i}": name for i, (name, _) in enumerate(ZH_METRIC_RULES)}


def _chinese(text: str) -> bool:
    """Whether ``text`` holds a CJK ideograph (isascii() first: it is much cheaper)."""
    return not text.isascii() and has_cjk(text)


def metric_zh(context: str) -> tuple[str, str | None] | None:
    """The Chinese metric phrase nearest the end of ``context`` (the clause before a figure)
    and its ``metric_type`` (None for an :data:`UNTYPED` one), or None; English text never
    matches."""
    if not _chinese(context):
        return None
    found = None
    for found in _ZH_RE.finditer(context):  # noqa: B007 - keep the last match
        pass
    if found is None or found.lastgroup is None:
        return None
    name = _ZH_TYPES[found.lastgroup]
    return found.group(0), None if name in UNTYPED else name


def _finditer(
    pattern: re.Pattern[str], haystack: str, starts: list[int]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(haystack)`` for a pattern whose matches open only at ``starts``:
    the pattern is tried at those offsets (left to right, past the last match), not at every
    position, which ``re`` does for a pattern that opens with an alternation or ``\\b``."""
    end = 0
    for at in starts:
        if at >= end:
            match = pattern.match(haystack, at)
            if match is not None:
                end = match.end()
                yield match


def _rules(folded: str) -> list[_Rule]:
    """The rules, in order, that can match the folded text."""
    # (a comprehension: filter(folded.__contains__, ...) measured 26,000 instructions a call
    # against 19,500, its method-wrapper calls costing more than the bytecode they spare)
    found = [_RULES_OF_KEYWORD[k] for k in _KEYWORDS if k in folded]
    if not found:
        return []
    return [_RULES[i] for i in sorted(found[0].union(*found[1:]))]


_AND_STOP = r"and(?!\s+(?:exports?|imports?)\b)"
# "in sales revenue", "351 billion yuan of GDP" (not "of the total": a part of something)
_IN_METRIC_RE = re.compile(  # used with match(text, pos, endpos): no "^"
    r"[\s\xa0]+(?:in|of(?![\s\xa0]+(?:the|its|their|this|that|which)\b))[\s\xa0]+(?P<phrase>[A-Za-z][A-Za-z\s-]{2,40}?)(?=[,.;]|$|\s*\(|\s+(?:"
    rf"{_AND_STOP}|in|of|for|from|with|during|accounting|last|this)\b)"
)
_SHARE_RE = re.compile(
    r"(?:accounting\s+for|accounted\s+for|accounts\s+for|account\s+for|made\s+up|makes\s+up|"
    r"share\s+of|proportion\s+of|contribut\w+|represent\w*|ratio|rate\s+of|increased\s+to|"
    r"rose\s+to|reached|stood\s+at|was|is)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_SHARE_OF_AFTER_RE = re.compile(
    r"^[\s\xa0]+of[\s\xa0]+(?P<of>(?:the\s+|its\s+|their\s+)?[\w'’\s-]{2,60}?)(?=[,.;]|$|\s+(?:"
    rf"{_AND_STOP}|in|during|for|with|last|this|from|since|over|compared|are|is|was|were|went|"
    r"came|come|goes|will|would|can|could|may|might|has|have|had)\b)",
)
_THRESHOLD_RE = re.compile(
    r"\bwith\s+(?:an?\s+)?(?:annual\s+|yearly\s+|total\s+)?[\w\s-]{0,40}?\b(?:of|above|over|"
    r"exceeding)\s+(?:at\s+least|more\s+than|over|above|no\s+less\s+than|not\s+less\s+than)?"
    r"[\s\xa0]*$|\b(?:above\s+designated\s+size|threshold\s+of|minimum\s+of)\s+$"
    # "112 projects, each worth more than 1 billion yuan": a size class of the things counted
    r"|\beach\s+(?:worth|valued\s+at|involv\w*|with\s+(?:an?\s+)?\w+(?:\s+\w+)?\s+of|"
    r"(?:has|had|have)\s+(?:an?\s+)?\w+(?:\s+\w+)?\s+of)\s+(?:at\s+least|more\s+than|over|"
    r"above|no\s+less\s+than|not\s+less\s+than)[\s\xa0]*$",
    re.IGNORECASE,
)
# The verb that introduces the figure ends the phrase; also "with infrastructure investment
# soaring 10.3 percent", "saw its exports grow 5%".
_TAIL_VERBS = (
    "amounted|reached|hit|totaled|totalled|stood|was|were|is|are|exceeded|surged|rose|grew|"
    "increased|fell|saw|achieved|secured|registered|recorded|has|have|had|topped|climbed|"
    "dropped|declined|passed|passes|surpassed|surpasses|exceeds|tops|crossed|crosses|accounted|"
    "accounts|accounting|made|makes|contributed|reaches|hits|totals|stands|amounts|came|comes|"
    "jumped|soared|expanded|reported|posted|rise|grow|expand|fall|drop|rising|growing|"
    "increasing|soaring|surging|jumping|climbing|expanding|falling|dropping|declining|"
    "decreasing|plunging|sliding|shrinking|tumbling|slumping|dipping|slid|plunged|tumbled|"
    "sank|dipped|slumped|shrank|contracted|decreased|rebounded|skyrocketed|slipped|gained|"
    "edged|inched|ticked|crept|edging|inching|ticking|creeping|went|moved|will|would|could|"
    "ranked|ranks|ranking|placed|exceed|surpass|top|reach"
)
_VERB_TAIL_RE = re.compile(
    rf"\s+(?:in\s+\d{{4}}\s+)?{word_alternation(_TAIL_VERBS)}\b.*$", re.IGNORECASE
)
_VERB_TAIL_FOLDED_RE = folded_pattern(_VERB_TAIL_RE)  # on folded text: several times faster

# A place (masked) and the words that lead to it: "of", "from eastern", "in central".
_PLACE_WORD = r"(?:the|central|[a-z]*(?:east|west|north|south)(?:ern)?)"
_PLACE_WORD_RE = re.compile(_PLACE_WORD)
_PLACE_LEAD_RE = re.compile(rf"(?:\s+(?:of|in|from|by|at|for))?(?:\s+{_PLACE_WORD})*\s*\x00+")
_TAIL_CUT_RE = re.compile(r"[,;:(]|\s+(?:in|of|for|to|from|during|by|with|were|was)\s+\d")


@functools.lru_cache(maxsize=4096)
def classify(phrase: str) -> str | None:
    """``metric_type`` of a phrase by keyword, or None."""
    name = _rule_of(phrase)
    return None if name in UNTYPED else name


@functools.lru_cache(maxsize=4096)  # phrases repeat ("exports", "foreign trade"), rules are many
def _rule_of(phrase: str) -> str | None:
    """The first rule a phrase matches (including the :data:`UNTYPED` ones)."""
    if _chinese(phrase):
        found = _ZH_RE.search(phrase)
        if found is not None and found.lastgroup is not None:
            return _ZH_TYPES[found.lastgroup]
    folded = fold_case(phrase)
    for name, pattern, cased, literals in _rules(folded):
        starts = offsets_of(folded, literals)
        if any(_finditer(pattern, folded, starts)) and (
            cased is None or any(_finditer(cased, phrase, starts))
        ):
            return name
    return None


# The partner rule (the one _CASED rule) matches "bilateral trade" or ends in one of these
# words or a capitalized name: a trade clause with none of them ("trade volume ... amounted
# to") is ruled out before its lazy walks are tried at each keyword.
_PARTNER_WORDS = ("bilateral", "countries", "economies", "partners", "nations", "members")


def _may_name_partner(context: str, folded: str, start: int) -> bool:
    """A necessary condition of the partner rule matching ``context`` from ``start`` on: one
    of :data:`_PARTNER_WORDS` in the folded text, or an upper-case letter (a name)."""
    tail = context[start:]
    if tail != tail.lower():
        return True
    rest = folded[start:]
    return any(word in rest for word in _PARTNER_WORDS)


def metric_after(text: str, end: int, limit: int) -> str | None:
    """A metric phrase introduced by "in" or "of" right after a figure ("in sales revenue",
    "of foreign direct investment")."""
    m = _IN_METRIC_RE.match(text, end, limit)
    if m and _rule_of(m.group("phrase")):
        return m.group("phrase").strip()
    return None


def metric_before(
    context: str,
    places: Iterable[tuple[int, int]] | Callable[[], Iterable[tuple[int, int]]] = (),
) -> str | None:
    """A short metric phrase from the clause before a figure, if it has a known keyword.

    ``places`` are spans (offsets into ``context``) of place names and place anaphors ("the
    district's"), or a function that gives them, called only once a rule has matched (a
    context with no metric never asks): they never become part of the phrase, nor do
    datelines, possessive owners and the verb that introduces the figure. A phrase with
    nothing left but a verb form ("exported goods worth") becomes the plain phrase of its type
    ("exports"). Chinese: the bulletin term as written (:func:`metric_zh`).
    """
    chinese = metric_zh(context)
    if chinese is not None:
        return chinese[0]
    folded = fold_case(context)
    for name, pattern, cased, literals in _rules(folded):
        found = None
        starts = offsets_of(folded, literals)
        if cased is not None:
            if (
                not starts
                or not _may_name_partner(context, folded, starts[0])
                or not any(_finditer(pattern, folded, starts))
            ):
                continue
            pattern, haystack = cased, context
        else:
            haystack = folded
        for match in _finditer(pattern, haystack, starts):
            # "gross domestic product (GDP) of": the bracketed abbreviation restates the term
            if found is None or not (
                haystack[match.start() - 1 : match.start()] == "("
                and haystack[match.end() : match.end() + 1] == ")"
            ):
                found = match
        if found is None:
            continue
        masked = _mask(context, places() if callable(places) else places)
        words = _head_words(masked[: found.start()])
        tail = _without_verb(_tail_before_place(masked, found.start(), found.end()))
        tail = _TAIL_CUT_RE.split(tail, 1)[0]
        phrase = tidy(" ".join([*words, tail.strip()]))
        if not phrase or _VERB_LED_RE.match(tail.strip()) or not _rule_of(phrase):
            return metric_rules.TYPE_PHRASES.get(name)
        return phrase[:80]
    return None


_MASK = "\x00"
# words that end the modifiers taken before a metric keyword: function words and the verbs
# that introduce a figure ("Shanghai reported a total foreign trade volume of")
_HEAD_STOPS = frozenset({
    "the", "its", "their", "our", "his", "her", "of", "which", "that", "and", "whose", "to",
    "a", "an", "in", "on", "at", "for", "from", "by", "with", "while", "whereas", "but", "as",
    "when", "where", "than", "this", "these", "those", "said", "says", "reported", "reports",
    "recorded", "records", "registered", "posted", "saw", "sees", "achieved", "realized",
    "realised", "had", "has", "have", "was", "were", "is", "are", "be", "been", "also",
    "noted", "showed", "shows", "meanwhile", "however", "since", "offers", "offered",
    "provides", "provided", "gives", "gave", "attracted", "generated", "earned", "got",
    "will", "would", "can", "could", "shall", "should", "must", "offer", "offering", "provide",
    "providing", "give", "giving", "grant", "grants", "granted", "receive", "receives",
    "received", "receiving", "get", "gets",  # "will offer subsidies of up to ..."
    # "..., generating tourism revenue of": the participle introduces the figure
    "generating", "bringing", "earning", "creating", "yielding", "recording", "registering",
    "posting", "achieving", "realizing", "attracting", "handling", "producing", "reporting",
})  # fmt: skip
_HEAD_CUT_RE = re.compile(r"^.*(?:[,;:()\[\]—–\x00]|\s-\s|[’']s\b)", re.DOTALL)
# a character every _HEAD_CUT_RE match holds: one scan of the class spares the pattern's "^.*"
# walking back over the whole head when the head holds none (most heads: "annual total")
_HEAD_CUT_GATE_RE = re.compile(r"[,;:()\[\]—–\x00'’-]")
_TAIL_STOPS = frozenset({
    "of", "worth", "with", "at", "to", "for", "by", "from", "in", "on", "the", "a", "an", "and",
    "or", "its", "their", "valued", "totaling", "totalling", "amounting", "standing",
    "reaching", "hitting", "was", "were", "is", "are", "has", "have", "had", "least", "than",
    "more", "over", "about", "around", "nearly", "approximately", "roughly", "almost", "some",
    "up", "close", "exceeding", "above", "below", "under", "ranging", "between", "into",
})  # fmt: skip
_PARTICIPLE_TAIL_RE = re.compile(
    r"\s+[a-z]+ed\s+(?:in|by|at|from|on|for|through|via|across|within)\b.*$", re.DOTALL
)
_MONTH_TAIL_RE = re.compile(
    rf"\s+(?:in|during)\s+(?:{alternation(en.MONTH_NAMES)})\b.*$",
    re.DOTALL,
)
_VERB_LED_RE = re.compile(r"(?:exported|imported|traded|invested|earned|sold)\b", re.IGNORECASE)
_LEADING_WORDS_RE = re.compile(
    r"^(?:(?:the|its|their|our|his|her|this|these|those|a|an)\s+)+", re.IGNORECASE
)
_MONTHS = frozenset(m.lower() for m in en.MONTH_NAMES)


def _without_verb(tail: str) -> str:
    """``_VERB_TAIL_RE.sub("", tail)``: the tail cut at the verb that introduces the figure,
    found by the pattern's case-sensitive twin in the folded tail (same offsets). The match
    runs to the end, so there is never a second one to remove."""
    found = _VERB_TAIL_FOLDED_RE.search(fold_case(tail))
    return tail if found is None else tail[: found.start()] + tail[found.end() :]


def _tail_before_place(masked: str, start: int, end: int) -> str:
    """``masked[start:]`` up to the first place, without the words of the place before it
    ("exports from eastern [Zhejiang]" -> "exports from "); a place inside the rule's match
    ``masked[start:end]`` leaves with its lead ("exports of [Qingdao] to RCEP members")."""
    tail = masked[start:]
    if _MASK in masked[start:end]:
        tail = _PLACE_LEAD_RE.sub("", masked[start:end]) + masked[end:]
    tail, cut, _ = tail.partition(_MASK)
    words = tail.split() if cut else []
    if not words or not _PLACE_WORD_RE.fullmatch(words[-1]):
        return tail  # most tails: as they were
    while words and _PLACE_WORD_RE.fullmatch(words[-1]):
        words.pop()
    return " ".join(words) + " "


def _mask(context: str, places: Iterable[tuple[int, int]]) -> str:
    """``context`` with each place span (and a possessive "'s" after it) blanked out."""
    masked = context
    for start, end in places:
        if start < 0 or end > len(context) or start >= end:
            continue
        if context[end : end + 2] in ("'s", "’s"):
            end += 2
        # the same length in place of the span: offsets stay, no list of characters made
        masked = masked[:start] + _MASK * (end - start) + masked[end:]
    return masked


def _head_words(head: str) -> list[str]:
    """Up to four modifiers right before a metric keyword ("annual total" foreign trade),
    stopping at punctuation, a dash, a place, a possessive owner or a function word."""
    if _HEAD_CUT_GATE_RE.search(head) is not None:
        head = _HEAD_CUT_RE.sub("", head)
    words: list[str] = []
    for word in reversed(head.split()):
        if len(words) == 4 or word.lower() in _HEAD_STOPS or not word.replace("-", "").isalpha():
            break
        words.append(word)
    words.reverse()
    return words


def tidy(phrase: str) -> str:
    """A metric phrase without a possessive owner, a leading article or trailing function
    words, lower-cased at the start unless it opens with a name or an acronym."""
    # split() and re's \s are the same white space: single spaces without a pattern's scan
    phrase = " ".join(phrase.replace(_MASK, " ").split()).strip(" \t\n\xa0,;:-—–")
    phrase = phrase.replace("between and ", "with ")  # the place masked out of "between X and Y"
    if "'s " in phrase or "’s " in phrase:  # a possessive: the owner goes
        phrase = _HEAD_CUT_RE.sub("", phrase).strip()
    # white space is single spaces by now: a find in C says whether these tails can be there
    if "ed " in phrase:
        phrase = _PARTICIPLE_TAIL_RE.sub("", phrase)
    if " in " in phrase or " during " in phrase:
        phrase = _MONTH_TAIL_RE.sub("", phrase)  # "turnover in May": the month is the period
    phrase = _LEADING_WORDS_RE.sub("", phrase)
    words = phrase.split()
    while words and words[-1].lower() in _TAIL_STOPS:
        words.pop()
    if not words:
        return ""
    first = words[0]
    # the other words and the month read only for a capitalised first word (most are not)
    if (
        first[:1].isupper()
        and first[1:].islower()
        and first.lower().rstrip(".") not in _MONTHS
        and not any(w[:1].isupper() and not w.isupper() for w in words[1:])
    ):
        words[0] = first.lower()
    return " ".join(words)


def is_share(before: str, after: str) -> bool:
    """Whether a percent is a share: "accounting for 70 percent", "90% of the city's ..."."""
    return bool(_SHARE_RE.search(before[-60:]) or _SHARE_OF_AFTER_RE.match(after))


def share_of(after: str) -> str | None:
    """The denominator written after a share ("of its total annual foreign trade volume")."""
    m = _SHARE_OF_AFTER_RE.match(after[:80])
    if m is None or m.group("of").strip().lower() in ("which", "them", "these", "those", "it"):
        return None  # "30 percent of which came from tourism": no denominator named
    return m.group("of").strip()


def is_threshold(before: str) -> bool:
    """Whether an amount is a criterion ("companies with annual revenue of at least ...")."""
    return bool(_THRESHOLD_RE.search(before[-80:]))
