"""The unit of a numeral: currency (as ISO code), percent, measure, times, duration or count.

Given a numeral's span, reads the currency prefix before it ("US$", "RMB") and the unit after it
("yuan", "percent", "-square-meter", "consecutive months", "industrial companies"), and returns
the extent of the quote, the unit and an optional rate denominator ("per month").

Non-goals: unit conversion, compound units beyond "per X", inferring units from context.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from factscope.db.models import Fact
from factscope.db.units import UNITS, is_currency, same_dimension
from factscope.importers.lexicon.currencies import (
    ISO_CODES,
    SIGN_LAST_CHARS,
)

from . import cjk
from ._fold import fold_case
from .unit_registry import pounds_of_weight, registry_prefix, registry_unit

CURRENCY_SUFFIXES: tuple[tuple[str, str], ...] = (
    (r"yuan|renminbi|RMB|CNY|元|人民币", "CNY"),
    (r"(?:US|U\.S\.|American)[\s\xa0]*dollars?|US[\s\xa0]*\$|USD|美元", "USD"),
    (r"(?:HK|Hong[\s\xa0]+Kong)[\s\xa0]*dollars?|HKD|港元|港币", "HKD"),
    (r"euros?(?![\s\xa0]+cents?\b)|EUR|欧元", "EUR"),  # "85 euro cents": the registry's
    (r"(?:pounds?[\s\xa0]+sterling|pounds|GBP|英镑)", "GBP"),
    (r"yen|JPY|日元", "JPY"),
    (r"(?:Indian[\s\xa0]+)?rupees?|INR|卢比", "INR"),
    # "dong" and "won" are words too: only after a scale word or with the country's adjective
    (r"Vietnamese[\s\xa0]+dong|(?<=illion[\s\xa0])dong|VND|越南盾", "VND"),
    (r"(?:South[\s\xa0]+)?Korean[\s\xa0]+won|(?<=illion[\s\xa0])won|KRW|韩元", "KRW"),
    (r"baht|THB|泰铢", "THB"),
    (r"ringgit|MYR|林吉特", "MYR"),
    (r"rupiah|IDR|印尼盾", "IDR"),
    (r"(?:Australian|Aussie)[\s\xa0]+dollars?|AUD|澳元", "AUD"),
    (r"Canadian[\s\xa0]+dollars?|CAD|加元", "CAD"),
    (r"Singapore[\s\xa0]+dollars?|SGD|新加坡元", "SGD"),
    (r"(?:New[\s\xa0]+)?Taiwan(?:ese)?[\s\xa0]+dollars?|NT[\s\xa0]*dollars?|TWD|新台币", "TWD"),
    (r"(?:Russian[\s\xa0]+)?r(?:o)?ubles?|RUB|卢布", "RUB"),
    (r"Swiss[\s\xa0]+francs?|CHF|瑞士法郎", "CHF"),
    (r"dollars?", "USD"),
)
# Signs and codes written before the number ("US$", "RMB580", "Rs 5,57,271 crore", "₹1.2 lakh")
CURRENCY_PREFIXES: tuple[tuple[str, str], ...] = (
    (r"US[\s\xa0]?\$|U\.S\.[\s\xa0]?\$|USD[\s\xa0]?", "USD"),
    (r"HK\$|HKD[\s\xa0]?", "HKD"),
    (r"A\$|AU\$|AUD[\s\xa0]?", "AUD"),
    (r"C\$|CA\$|CAD[\s\xa0]?", "CAD"),
    (r"S\$|SGD[\s\xa0]?", "SGD"),
    (r"NT\$|TWD[\s\xa0]?", "TWD"),
    (r"RMB[\s\xa0]?|CNY[\s\xa0]?|¥|￥", "CNY"),
    (r"€[\s\xa0]?|EUR[\s\xa0]?", "EUR"),
    (r"£[\s\xa0]?|GBP[\s\xa0]?", "GBP"),
    (r"₹[\s\xa0]?|Rs\.?[\s\xa0]?|INR[\s\xa0]?", "INR"),
    (r"₫|VND[\s\xa0]?", "VND"),
    (r"₩[\s\xa0]?|KRW[\s\xa0]?", "KRW"),
    (r"JPY[\s\xa0]?", "JPY"),
    (r"THB[\s\xa0]?", "THB"),
    (r"RM[\s\xa0]?|MYR[\s\xa0]?", "MYR"),
    (r"Rp\.?[\s\xa0]?|IDR[\s\xa0]?", "IDR"),
    (r"\$[\s\xa0]?", "USD"),  # "$ 13.3 billion": some sites put a space after the sign
)
CURRENCY_CODES = frozenset(code for _, code in CURRENCY_SUFFIXES + CURRENCY_PREFIXES) | ISO_CODES
"""Every currency the extractor reads, as ISO codes (the hand-tuned forms above for Chinese
news, and every ISO 4217 currency of the registry tables)."""
# Codes glued to the digits ("RMB580 billion", "USD1.2bn"): the numeral scanner lets a number
# start right after one of these although a letter precedes it.
GLUED_CODES: tuple[str, ...] = (
    "RMB", "CNY", "USD", "EUR", "GBP", "HKD", "INR", "Rs", "Rs.", "VND", "KRW", "JPY", "MYR", "RM",
    "IDR", "Rp", "THB", "AUD", "CAD", "SGD", "$US",
)  # fmt: skip
# Measures the registry tables do not hold: Chinese measure words, the mu (a Chinese unit of
# area, 1/15 hectare). Every other physical unit comes from pint's definitions through
# importers/lexicon (.unit_registry).
MEASURES: tuple[tuple[str, str], ...] = (
    (r"平方公里", "square kilometer"),
    (r"平方米", "square meter"),
    (r"公顷", "hectare"),
    (r"立方米", "cubic meter"),
    (r"吨", "ton"),
    (r"公里", "kilometer"),
    (r"千瓦时", "kilowatt hour"),
    (r"标准箱|标箱", "TEU"),
    (r"mu|亩", "mu"),
)
# Kinds of units whose figures a bracketed figure may restate in another unit of the same
# dimension ("80 million mu (5.33 million hectares)", "US$1 billion (6.9 billion yuan)"); not
# shares, counts or durations, whose brackets say something else.
_CONVERTIBLE_KINDS = frozenset(
    {"currency", "length", "area", "volume", "mass", "speed", "temperature", "energy", "power"}
)
CONVERTIBLE = frozenset(u for u, info in UNITS.items() if info.kind in _CONVERTIBLE_KINDS)
DURATIONS: dict[str, str] = {
    "year": "year", "years": "year", "month": "month", "months": "month", "day": "day",
    "days": "day", "week": "week", "weeks": "week", "hour": "hour", "hours": "hour",
    "decade": "decade", "decades": "decade", "century": "century", "minute": "minute",
    "minutes": "minute", "quarter": "quarter", "quarters": "quarter",
}  # fmt: skip

_SP = r"[\s\xa0]*+"
_SUFFIX_RE = re.compile(
    _SP + r"(?:" + "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(CURRENCY_SUFFIXES)) + r")"
    r"(?![A-Za-z])"
)
_PREFIX_RE = re.compile(
    r"(?:" + "|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(CURRENCY_PREFIXES)) + r")$"
)
# last characters of the signs and codes not upper-case
_PREFIX_LAST = frozenset("$¥￥€£₹₩₫ps.") | SIGN_LAST_CHARS
_PERCENT_RE = re.compile(
    r"[\s\xa0-]*+(?:(?P<pp>percentage[\s\xa0-]+points?|pct[\s\xa0]+points?|ppts?\b|个百分点)"
    r"|(?P<pc>%|％|per[\s\xa0-]?cent\b|pct\b))",
    re.IGNORECASE,
)
_MEASURE_RE = re.compile(
    r"[\s\xa0-]*+(?:" + "|".join(f"(?P<m{i}>{p})" for i, (p, _) in enumerate(MEASURES)) + r")"
    r"(?![A-Za-z])",
)
_TIMES_RE = re.compile(r"[\s\xa0]++(?:times)\b|[\s\xa0]*+倍")
_DURATION_RE = re.compile(
    r"(?P<sep>[\s\xa0]++(?:(?:consecutive|straight|successive|full)[\s\xa0]++)?|-)"
    r"(?P<unit>years?|months?|quarters?|days?|weeks?|hours?|decades?|century|minutes?)\b"
    r"(?P<old>-old)?(?!-(?:on|over)-)",
    re.IGNORECASE,
)
_HALF_DURATION_RE = re.compile(r"\s+an?\s+(year|month|day|week|century|decade|hour)\b")
_PER_RE = re.compile(
    r"[\s\xa0]*+(?:per|an?|each|every|/)[\s\xa0]*+(?P<per>month|year|day|week|person|capita|"
    r"square[\s-]meter|ton|hour|night|share|ounce|barrel|litre|liter|gallon|kilogram|tonne)\b"
    r"(?![\s\xa0]+(?:ago|earlier|before|later|after)\b)",
    re.IGNORECASE,
)
# The cascade's patterns that read the same place one after another, each as one pattern:
# an alternation tries its branches in order at the place, so the first that matches wins as
# the first of the separate calls did (one call where there were two, and four).
_SUFFIX_OR_PERCENT_RE = re.compile(rf"{_SUFFIX_RE.pattern}|(?i:{_PERCENT_RE.pattern})")
_MEASURE_TO_COUNT_RE = re.compile(
    rf"{_MEASURE_RE.pattern}|(?P<times>{_TIMES_RE.pattern})|(?P<dur>(?i:{_DURATION_RE.pattern}))"
    rf"|(?P<count>{cjk.COUNT_RE.pattern})"
)
_PER_FIRST = frozenset("pPaAeE/")  # where _PER_RE's word starts, after spaces
_TOKEN_RE = re.compile(r"[\s\xa0]*+(?:(?P<word>[A-Za-z][A-Za-z'’-]*)|(?P<paren>\([^()\n]{1,40}\)))")

STOPWORDS = frozenset({
    "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "from", "by",
    "as", "than", "that", "which", "who", "whom", "whose", "where", "when", "while", "have",
    "has", "had", "is", "are", "was", "were", "be", "been", "being", "will", "would", "can",
    "could", "may", "might", "shall", "should", "must", "do", "does", "did", "such", "like",
    "including", "include", "includes", "included", "among", "under", "over", "between", "into",
    "through", "per", "each", "every", "across", "within", "without", "via", "this", "these",
    "those", "its", "their", "his", "her", "our", "so", "not", "also", "only", "all", "both",
    "worldwide", "nationwide", "respectively", "last", "year", "month", "yuan", "percent",
    "said", "says", "according", "since", "until", "during", "before", "after", "about",
    "around", "nearly", "if", "but", "yet", "then", "there", "here", "it", "they", "we", "he",
    "she", "you", "i", "up", "down", "out", "off", "more", "most", "less", "compared",
    "accounting", "account", "accounted", "totaling", "totalling", "year-on-year",
})  # fmt: skip
LEADING_MODIFIERS = frozenset({"more", "new", "additional", "other", "newly", "extra", "key"})
IRREGULAR_PLURALS = frozenset(
    {"people", "staff", "personnel", "children", "men", "women", "cattle", "sheep", "mu",
     "police", "talent", "equipment", "poultry", "livestock", "fish", "aircraft", "media"}
)  # fmt: skip
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous", "'s", "’s")


_MORE_THAN_ZH = ("多", "余")
# What follows a glued "m" that is metres, not millions: a dimension or a race
_GLUED_METRES_AFTER_RE = re.compile(
    r"(?:-|[\s\xa0]+)(?:tall|high|long|deep|wide|thick|away|above|below|sprint|race|"
    r"hurdles|freestyle|butterfly|backstroke|breaststroke|medley|dash|relay|final|heat)\b"
)
# what cannot start a unit: the end of a clause, a bracket, a quote; a fast gate
_NOT_A_UNIT_START = frozenset(".,;:!?)(]\"'”’\n")


class UnitMatch(NamedTuple):  # not a frozen dataclass: 7x faster to create
    """A unit read around a numeral; ``start``/``end`` bound the whole quote."""

    unit: str
    start: int
    end: int
    per: str | None = None
    duration: bool = False
    noun: str | None = None
    scale: float = 1.0  # a minor unit's multiplier: 0.01 for "85 pence"


# A document in yen: it says yen (or is about Japan) and never names the yuan.
_YEN_WORD_RE = re.compile(r"\b(?:yen|JPY|Japan(?:ese)?|Tokyo|Osaka)\b|日元|日本")
_YUAN_WORD_RE = re.compile(r"\b(?:yuan|RMB|CNY|renminbi)\b|元|人民币")


def yen_signs(facts: list[Fact], text: str, in_japan: bool = False) -> list[Fact]:
    """``facts`` with the sign ¥ read as the yen, not the yuan, in a document about Japan
    (``in_japan``: its story's place is there) that never names the yuan ("Aichi shipped ¥47
    trillion"); the sign is both currencies'."""
    if "¥" not in text and "￥" not in text:
        return facts
    if not in_japan and not _YEN_WORD_RE.search(text):
        return facts
    if _YUAN_WORD_RE.search(text):
        return facts
    return [
        f.model_copy(update={"unit": "JPY"})
        if f.unit == "CNY" and ("¥" in f.quote or "￥" in f.quote)
        else f
        for f in facts
    ]


def converts(unit: str, other: str) -> bool:
    """Whether a figure in ``other`` can restate one in ``unit`` (a bracketed conversion):
    another currency or the same one ("(about 1.2 billion yuan)"), else another unit of the
    same dimension (a bracketed area in the same unit is a part, not a conversion)."""
    if unit not in CONVERTIBLE or not same_dimension(unit, other):
        return False
    return is_currency(unit) or unit != other


def is_plural_noun(word: str) -> bool:
    """Whether ``word`` looks like a plural noun ("cities", "companies", "headquarters")."""
    return _is_plural_lower(word.lower())


def _is_plural_lower(lower: str) -> bool:
    if lower in IRREGULAR_PLURALS:
        return True
    if lower in STOPWORDS or len(lower) < 3 or not lower.endswith("s"):
        return False
    return not lower.endswith(_NOT_PLURAL_ENDINGS)


def currency_prefix(text: str, start: int) -> tuple[str, int] | None:
    """ISO code and start offset of a currency sign just before ``start`` ("US$", "RMB ")."""
    # every sign or code ends with one of these, maybe before one space: a cheap gate
    last = text[start - 1 : start]
    if last in (" ", "\xa0"):
        last = text[start - 2 : start - 1]
    if not last or not (last in _PREFIX_LAST or last.isupper()):
        return None
    if last == "$":  # "R$ 5", "NZ$3": a registry sign before the bare dollar's
        wider = registry_prefix(text, start)
        if wider is not None and text[wider[1] : wider[1] + 1] != "$":
            return wider
    m = _PREFIX_RE.search(text, start - 6 if start > 6 else 0, start)
    if not m or m.lastgroup is None:
        return registry_prefix(text, start)
    if m.start() > 0 and text[m.start() - 1].isalpha() and m.group(0)[0].isalpha():
        return None
    return CURRENCY_PREFIXES[int(m.lastgroup[1:])][1], m.start()


def _per(text: str, end: int, limit: int) -> tuple[str | None, int]:
    head = text[end : end + 8].lstrip()
    if head and head[0] not in _PER_FIRST:
        return None, end  # the pattern's first word cannot start there
    m = _PER_RE.match(text, end, limit)
    if not m:
        return None, end
    return m.group("per").lower().replace("-", " "), m.end()


def read_unit(text: str, start: int, end: int, limit: int, half: bool = False) -> UnitMatch | None:
    """Unit of the numeral ``text[start:end]``, looking no further than ``limit``."""
    if half:
        hm = _HALF_DURATION_RE.match(text, end, limit)
        if hm:
            return UnitMatch(DURATIONS[fold_case(hm.group(1))], start, hm.end(), duration=True)
        return None
    if text[end : end + 1] in _MORE_THAN_ZH and end + 1 < limit:
        # "1200多家", "300余万人", "5000多吨": 多/余 after a numeral mean "more than"
        return read_unit(text, start, end + 1, limit)
    prefix = currency_prefix(text, start)
    if prefix:
        code, q_start = prefix
        per, q_end = _per(text, end, limit)
        return UnitMatch(code, q_start, q_end, per)
    if (
        text[end - 1 : end] == "m"
        and text[end - 2 : end - 1].isdigit()
        and _GLUED_METRES_AFTER_RE.match(text, end, limit)
    ):
        # "1.8m tall", "the 100m final": metres, and the scanner's million undone
        return UnitMatch("meter", start, end, scale=1e-6)
    m = _SUFFIX_OR_PERCENT_RE.match(text, end, limit)
    if m and m.lastgroup in ("pp", "pc"):
        unit = "percentage point" if m.lastgroup == "pp" else "percent"
        return UnitMatch(unit, start, m.end())
    if m and m.lastgroup:
        per, q_end = _per(text, m.end(), limit)
        code = CURRENCY_SUFFIXES[int(m.lastgroup[1:])][1]
        if code == "GBP" and pounds_of_weight(text, start, m.end()):
            return UnitMatch("pound", start, m.end())
        return UnitMatch(code, start, q_end, per)
    if text[end : end + 1] not in _NOT_A_UNIT_START:
        reg = registry_unit(text, end, limit)
        if reg is not None:
            per, q_end = _per(text, reg.end, limit)
            return UnitMatch(reg.unit, start, q_end, per, reg.duration, scale=reg.scale)
    m = _MEASURE_TO_COUNT_RE.match(text, end, limit)
    if m and m.lastgroup:
        return _measure_to_count(m, start, limit)
    if text[end : end + 1] == "大" and text[start - 1 : start] == "前":
        m = cjk.TOP_SET_RE.match(text, end, limit)
        if m:  # "前5大贸易伙伴": the size of the set of the five largest partners
            return UnitMatch("count", start, m.end(), noun=m.group("noun"))
    if text[end : end + 1] in "年个天周小" and cjk.DURATION_BEFORE_RE.search(
        text, max(0, start - 3), start
    ):
        m = cjk.DURATION_RE.match(text, end, limit)
        if m:  # "连续7年居全国第1位": seven years in a row
            unit = cjk.DURATION_UNITS[m.group("unit")]
            return UnitMatch(unit, start, m.end(), duration=True)
    return counted_noun(text, start, end, limit)


def _measure_to_count(m: re.Match[str], start: int, limit: int) -> UnitMatch:
    """The unit of a ``_MEASURE_TO_COUNT_RE`` match: a measure (with its rate), times, a
    duration or a count by a Chinese measure word."""
    kind = m.lastgroup
    if kind == "times":
        return UnitMatch("times", start, m.end())
    if kind == "dur":
        return UnitMatch(DURATIONS[fold_case(m.group("unit"))], start, m.end(), duration=True)
    if kind == "count":
        return UnitMatch("count", start, m.end(), noun=m.group("word"))
    per, q_end = _per(m.string, m.end(), limit)
    return UnitMatch(MEASURES[int(str(kind)[1:])][1], start, q_end, per)


def counted_noun(text: str, start: int, end: int, limit: int) -> UnitMatch | None:
    """Count unit with the counted noun phrase ("1,600 industrial companies"), if any."""
    pos = end
    best: int | None = None
    words = 0
    while words < 7:
        m = _TOKEN_RE.match(text, pos, limit)
        if not m:
            break
        word, paren = m.group("word", "paren")
        if paren:
            if best is None or words == 0:
                pos = m.end()
                continue
            # A parenthesis is kept only inside the phrase, never at its end.
            nxt = _TOKEN_RE.match(text, m.end(), limit)
            if not nxt or not nxt.group("word") or nxt.group("word").lower() in STOPWORDS:
                break
            pos = m.end()
            continue
        lower = word.lower()
        if lower == "and" and best is not None:
            nxt = _TOKEN_RE.match(text, m.end(), limit)
            if nxt and nxt.group("word") and is_plural_noun(nxt.group("word")):
                pos = m.end()
                continue
            break
        if words == 0 and lower in LEADING_MODIFIERS:
            pos = m.end()
            words += 1
            continue
        if lower in STOPWORDS or (lower.endswith("ed") and "-" not in lower and best is not None):
            break
        # A capitalized word ends the phrase ("28 Last Year"), unless it is a hyphenated
        # proper modifier inside it ("3,720 China-Europe freight trains").
        if word[0].isupper() and not word.isupper() and "-" not in word:
            break
        words += 1
        pos = m.end()
        if _is_plural_lower(lower):
            best = pos
    if best is None:
        return None
    noun = text[end:best].strip(" \xa0")
    per, q_end = _per(text, best, limit)  # "500,000 passengers a day"
    return UnitMatch("count", start, q_end, per, noun=noun)
