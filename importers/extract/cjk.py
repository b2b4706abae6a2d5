"""Chinese wording: numerals written with characters, measure-word counts and growth rates.

"三家" is a count of 3, "十五%" is 15 percent, "两亿元" is 2 (scale 1e8) yuan, and "同比增长
15%" is a year-on-year rise. Digits with 万/亿 ("1.2万") are read by :mod:`.numbers` itself.

Bases: 同比 / 比去年同期 / 较上年 -> ``yoy``, 环比 / 比上月 -> ``mom``, 年均 / 两年平均 ->
``avg_annual``, 比2019年同期 -> ``vs_2019_same_period``; a year compared without 同期 ("比2020年
增长") is ``unstated``, as "over 2020" is in English.

Non-goals: classical or financial numerals (壹, 贰), fractions (三分之一), ranges (三四家),
counted nouns beyond the measure word. Chinese periods are in :mod:`.periods_zh`, metric
phrases in :mod:`.metrics`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from factscope.importers.lexicon import zh
from factscope.importers.lexicon.common import (
    IDEOGRAPH,
    alternation,
    has_ideograph,
    is_ideograph,
)

DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
    "八": 8, "九": 9,
}  # fmt: skip
POWERS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
SCALES: dict[str, float] = {w: zh.SCALE_WORDS[w] for w in zh.NUMERAL_SCALES}
# "突破万亿元", "破亿元": a scale passed with no numeral is one of it (one trillion yuan)
BARE_SCALE_RE = re.compile(r"(?<=[破过超])(?P<s>万亿|亿)(?=元|美元|人民币)")
# not after 第 ("第三" is an ordinal); a trailing 万/亿 is the scale. The look-behind comes
# after the first character, so the pattern opens with a class and the engine skips ahead in C
# (a leading look-behind made it try every position: 18 against 3.5 ms/MB on the seeds).
NUMERAL_CHARS = "零〇一二两三四五六七八九十百千"
NUMERAL_SCALE_WORDS = alternation(zh.NUMERAL_SCALES)
NUMERAL_RE = re.compile(
    rf"(?P<n>[{NUMERAL_CHARS}](?<!第[{NUMERAL_CHARS}])[{NUMERAL_CHARS}]*)"
    rf"(?P<s>{NUMERAL_SCALE_WORDS})?"
)
# measure words that count things: 家 (companies), 个, 项 (projects), 座, 所, 台, 辆, 艘, 名, 人,
# 户; "两个月" (two months) and "三个小时" are durations
COUNT_RE = re.compile(
    rf"[\s\xa0]*+(?P<word>[{''.join(zh.COUNT_MEASURE_WORDS)}]|个(?!多?(?:月|小时|季度|星期|工作日)|百分点))"
)
# "前5大贸易伙伴", "前六大主要外贸省市", "前十大外贸城市": the set's noun after 前N大, up to the
# head noun that ends it (shortest: "前十大外贸城市首位" ends at 城市)
TOP_SET_RE = re.compile(
    rf"大(?P<noun>{IDEOGRAPH}{{0,6}}?(?:伙伴|省市|城市|省份|市场|国家|地区|经济体|企业|口岸|港口|"
    r"来源地|目的地))"
)
# A span of time counted after 连续 / 持续 / 历时 ...: "连续7年", "连续6个月", "历时3天"
DURATION_BEFORE_RE = re.compile(rf"(?:{alternation(zh.DURATION_LEADS)})[\s\xa0]*$")
DURATION_RE = re.compile(rf"[\s\xa0]*+(?P<unit>{alternation(zh.DURATION_UNITS)})")
DURATION_UNITS = zh.DURATION_UNITS
# A growth phrase right before a percent: basis, filler adverbs, then the verb ("同比增长",
# "比去年同期下降", "较2019年同期增长", "两年平均增长", "同比名义增长了").
_VS = r"(?:比|较|与|同)"
# qualifiers that may stand between a growth verb and its percent (a subset of
# _QUALIFIER_BEFORE_RE's: the ones news puts there)
_BETWEEN_QUALIFIERS = alternation(zh.QUALIFIERS_IN_GROWTH)
FROM_YEAR = "from_year:"
"""Prefix of a provisional basis, "比2020年增长" / "up 5 percent from 2020": which basis it
is depends on the figure's own period (:func:`.changes.resolve_from_year`)."""
# traditional forms too (增長, 環比, 減少): Hong Kong and Taiwan editions of the same releases
CHANGE_BEFORE_RE = re.compile(
    rf"(?:(?P<yoy>同比|{_VS}(?:去年|上年|上年度|上一年)(?:同期)?(?:相比)?)"
    rf"|(?P<mom>[环環]比|{_VS}上(?:[个個])?月(?:相比)?)"
    r"|(?P<avg>年均|年平均|平均每年|(?:[两二三四五2-5]年)平均)"
    rf"|{_VS}(?P<vs>(?:19|20)\d\d)年同期(?:相比)?"
    rf"|{_VS}(?P<year>(?:19|20)\d\d)年(?:相比)?)?"  # 比2020年: read against the figure's year
    r"(?:分[别別]|名[义義]|[实實][际際]|累[计計]|均|共)?"
    rf"(?:(?P<up>{alternation(zh.GROWTH_VERBS_UP)}|(?:增幅|增速|[涨漲]幅)(?:为|达到|达)?)|"
    rf"(?P<down>{alternation(zh.GROWTH_VERBS_DOWN)}|降幅(?:为|达到|达)?))了?[\s\xa0]*"
    rf"(?:{_BETWEEN_QUALIFIERS})?[\s\xa0]*$"  # "增长逾10%": a qualifier between
)
# Qualifiers written in Chinese: "约为66.5%", "超过5000亿元", "近2100万人", "逾3000家", "至少",
# "不到"; after the figure "以上" (more than), "左右" (about), "以内"/"以下" (at most).
_QUALIFIER_SYMBOLS = {"about": "~", "over": ">", "least": ">=", "under": "<", "most": "<="}
_QUALIFIER_GROUPS = {symbol: name for name, symbol in _QUALIFIER_SYMBOLS.items()}


def _qualifier_groups(words: dict[str, str]) -> str:
    """One named group per operator, its words in the lexicon's order; a one-character word
    that ends another word (节约, 最近) gets a look-behind from ``zh.QUALIFIER_NOT_AFTER``."""
    by_symbol: dict[str, list[str]] = {}
    for word, symbol in words.items():
        guard = zh.QUALIFIER_NOT_AFTER.get(word)
        by_symbol.setdefault(symbol, []).append(f"(?<![{guard}]){word}" if guard else word)
    return "|".join(
        f"(?P<{_QUALIFIER_GROUPS[symbol]}>{'|'.join(group)})" for symbol, group in by_symbol.items()
    )


_QUALIFIER_BEFORE_RE = re.compile(rf"(?:{_qualifier_groups(zh.QUALIFIERS_BEFORE)})[\s\xa0]*$")
_QUALIFIER_AFTER_RE = re.compile(rf"^[\s\xa0]*(?:{_qualifier_groups(zh.QUALIFIERS_AFTER)})")


def qualifier(before: str, after: str) -> str | None:
    """Qualifier of a figure from the Chinese words right before or after it, or None."""
    m = _QUALIFIER_BEFORE_RE.search(before) or _QUALIFIER_AFTER_RE.match(after)
    return None if m is None else _QUALIFIER_SYMBOLS[str(m.lastgroup)]


IDEOGRAPH_RE = re.compile(IDEOGRAPH)
"""A CJK ideograph (Extension A and the unified block): the test every Chinese rule gates on."""

has_cjk = has_ideograph


def quantity_follows(text: str, end: int) -> bool:
    """Whether the character at ``end`` is an ideograph other than 年: after "2000" it makes
    a quantity (2000余户, 2000吨), since a Chinese year is written with 年."""
    after = text[end : end + 1]
    return after != "年" and after != "" and is_ideograph(after)


def numeral_value(chars: str) -> int | None:
    """三 -> 3, 十五 -> 15, 一百零五 -> 105, 三千五百 -> 3500; None for runs like 一二."""
    total = 0
    digit: int | None = None
    for c in chars:
        if c in "零〇":
            digit = None
        elif c in DIGITS:
            if digit is not None:
                return None
            digit = DIGITS[c]
        else:
            total += (1 if digit is None else digit) * POWERS[c]
            digit = None
    return total + (digit or 0)


# "四分之一" (one quarter), "三分之二", "一半" (half): fractions, read before plain numerals
FRACTION_RE = re.compile(
    r"(?P<den>[二三四五六七八九十百]+|\d{1,3})分之(?P<num>[一二三四五六七八九十]+|\d{1,2})|(?P<half>一半)"
)


class Numeral(NamedTuple):
    """What ``NUMERAL_RE`` matched: its span, the numeral's characters and its scale word."""

    start: int
    end: int
    n: str
    s: str | None


def find_numerals(
    text: str, numerals: list[Numeral] | None = None
) -> list[tuple[int, int, float, float, bool]]:
    """Numerals written with Chinese characters: start, end, value, scale and whether it is a
    fraction (四分之一 is 0.25, 一半 is 0.5). ``numerals`` are ``NUMERAL_RE``'s matches in
    ``text`` if the caller has them (:mod:`.numbers` finds them in its own scan)."""
    found: list[tuple[int, int, float, float, bool]] = []
    maybe = "分之" in text or "一半" in text
    for f in FRACTION_RE.finditer(text) if maybe else ():
        if f.group("half"):
            found.append((f.start(), f.end(), 0.5, 1.0, True))
            continue
        den, num = (numeral_value(g) if not g.isdigit() else int(g) for g in f.group("den", "num"))
        if den and num is not None and 0 < num < den:
            found.append((f.start(), f.end(), num / den, 1.0, True))
    for b in BARE_SCALE_RE.finditer(text) if "破" in text or "过" in text or "超" in text else ():
        found.append((b.start(), b.end(), 1.0, SCALES[b.group("s")], False))
    found.sort()
    taken = [(a, b) for a, b, *_ in found]  # sorted, not overlapping
    k = 0
    if numerals is None:
        numerals = [
            Numeral(m.start(), m.end(), m.group("n"), m.group("s"))
            for m in NUMERAL_RE.finditer(text)
        ]
    for start, end, n, s in numerals:
        while k < len(taken) and taken[k][1] <= start:
            k += 1
        if k < len(taken) and taken[k][0] < end:
            continue
        value = numeral_value(n)
        if value is not None:
            scale = SCALES[s] if s else 1.0
            found.append((start, end, float(value), scale, False))
    return sorted(found)


def read_change(before: str) -> tuple[bool, str | None, int] | None:
    """A Chinese growth phrase ending ``before`` (the text just before a percent): whether it
    is a fall, its basis (None if not stated) and where it starts in ``before``."""
    m = CHANGE_BEFORE_RE.search(before)
    if m is None:
        return None
    basis: str | None = None
    if m.group("vs"):
        basis = f"vs_{m.group('vs')}_same_period"
    elif m.group("yoy"):
        basis = "yoy"
    elif m.group("mom"):
        basis = "mom"
    elif m.group("avg"):
        basis = "avg_annual"
    elif m.group("year"):
        basis = f"{FROM_YEAR}{m.group('year')}"
    return bool(m.group("down")), basis, m.start()
