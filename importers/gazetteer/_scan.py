"""Find candidate place-name spans in text: the lexical half of ``Gazetteer.find_mentions``.

One pass over word tokens with dictionary look-ups (no per-alias loop), a CJK longest-match
scan, and one regular expression for "<Place> Economic and Technological Development Zone"-style
names. It decides only what *could* be a place; choosing among candidates with the rest of the
document is ``Gazetteer``'s job. Non-goals: lower-case place names ("shanghai"), dotted
abbreviations ("U.S."), sub-word matches, and place names inside other words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from operator import itemgetter
from typing import NamedTuple

from factscope.importers.lexicon.common import IDEOGRAPH, IDEOGRAPH_RANGES, fold_case

from ._index import JOINERS, AliasIndex, normalize
from .zones import slug

# Place names that are also English words: a match needs a parent place named in the same text
# and must not open a sentence ("Guide dogs ...", "Boxing Day").
ENGLISH_WORDS = frozenset({
    "Guide", "Mile", "Boxing", "Yuan", "Saga", "Guiding", "Bali", "Jingle", "Hailing", "Bama",
    "Ali", "Aba", "Dean", "Lean", "Mulan", "Bole", "Mang", "Seda", "Huma", "Changan",
})  # fmt: skip
# Short names that, standing alone in English, are a news organization: "BEIJING, May 3
# (Xinhua) --" opens a great many Chinese news stories. The places keep their full names
# ("Xinhua District", "Xinhua County"), which are matched before the short one is tried.
NOT_ALONE = frozenset({"Xinhua"})
# Common surnames in pinyin: "Zhang Song" or "Wu Jianying" is a person, not a county.
SURNAMES = frozenset({
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
    "Ma", "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang",
    "Han", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai",
    "Jiang", "Yu", "Du", "Ye", "Cheng", "Wei", "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Jin",
    "Fu", "Tan", "Zou", "Xiong", "Meng", "Qin", "Bai", "Qiu", "Hou", "Shi", "Cui", "Kong", "Dai",
    "Chu", "Fan", "Fang", "Yi", "Wan", "Qian", "Mao", "Duan", "Lei", "Long", "Tao", "Jia", "Xia",
    "Zhong", "Lyu", "Wen", "Niu", "Yan", "Qi", "Xi", "Gu", "Lai", "Hua", "Mo", "Ou", "Ai", "Bao",
    "Ge", "Hao", "Jiao", "Kang", "Lan", "Miao", "Qu", "Rao", "Shao", "Tong", "Yin", "Zhan",
})  # fmt: skip
ZONE_KINDS: tuple[tuple[str, str], ...] = (
    (r"economic(?: and |-| & )technolog(?:ical|y) development zone|etdz", "etdz"),
    (r"economic development zone", "edz"),
    (r"hi(?:gh)?[- ]?tech(?:nology)?(?: industrial)?(?: development)? zone", "htz"),
    (r"comprehensive bonded zone", "cbz"),
    (r"bonded zone", "bz"),
    (r"(?:pilot )?free trade zone|ftz", "ftz"),
    (r"new area", "new-area"),
    (r"industrial park", "industrial-park"),
)
_KIND_RES = [(re.compile(p, re.IGNORECASE), kind) for p, kind in ZONE_KINDS]
# a zone type ending exactly where the search stops (the caller found its last word)
SUFFIX_RE = re.compile(
    r"\b(?:National[ \u00a0]+)?(" + "|".join(p for p, _ in ZONE_KINDS) + r")$", re.IGNORECASE
)
_LAST_WORDS = ("zone", "area", "park", "etdz", "ftz")  # ending a zone type, lower-cased
# the word (and space) before a last word in every zone type of ZONE_KINDS that has one: where
# ASCII text holds none of them, SUFFIX_RE cannot match (two zone words in three)
_WORDS_BEFORE = {
    "zone": ("development ", "tech ", "technology ", "industrial ", "bonded ", "trade "),
    "area": ("new ",),
    "park": ("industrial ",),
}
# the capitalized words right before a zone type ("The Yibin Lingang ")
HEAD_RE = re.compile(r"(?:[A-Z][A-Za-z\u00C0-\u024F'’-]*[ \u00a0]+){1,6}$")
# where a name can start: a capitalized word (not inside another word) or a run of ideographs
START_RE = re.compile(rf"(?<![A-Za-z\u00C0-\u024F0-9])[A-Z][A-Za-z\u00C0-\u024F0-9]*|{IDEOGRAPH}+")
# START_RE split in two, each led by a character class so that the engine skips ahead in C;
# the Latin half's look-behind comes after its first letter (checked in C, not per word in
# Python: 9.1 against 11 ms/MB for the capitalized words of the seeds)
_LATIN_START_RE = re.compile(r"[A-Z](?<![A-Za-z\u00C0-\u024F0-9].)[A-Za-z\u00C0-\u024F0-9]*")
_CJK_RUN_RE = re.compile(f"{IDEOGRAPH}+")
# one ideograph: the engine skips to it in C several times faster than to a run (``+``)
_CJK_CHAR_RE = re.compile(IDEOGRAPH)


def _lead_bytes(ranges: str) -> tuple[bytes, ...]:
    """The first bytes of the UTF-8 forms of the characters of a class body such as
    ``IDEOGRAPH_RANGES`` (ranges of three-byte characters: U+0800 to U+FFFF)."""
    leads: set[int] = set()
    for lo, hi in re.findall(r"(.)-(.)", ranges, re.DOTALL):
        assert 0x800 <= ord(lo) <= ord(hi) <= 0xFFFF, "three-byte characters only"
        leads.update(range(0xE0 | ord(lo) >> 12, (0xE0 | ord(hi) >> 12) + 1))
    return tuple(bytes([b]) for b in sorted(leads))


# A byte in 0xE0-0xEF only ever opens a three-byte character, so the UTF-8 form of a text
# holds one of these bytes wherever it holds an ideograph (and at some other characters of
# the same 4096-character blocks, such as 。): ``bytes.find`` answers where the first and the
# last can be at memory-scan speed, and the ideograph pattern tests only what lies between
_IDEOGRAPH_LEADS = _lead_bytes(IDEOGRAPH_RANGES)
# the next word of a multi-word name and the separator before it
NEXT_RE = re.compile(r"([\s'’&()–-]{1,4})([A-Za-z\u00C0-\u024F0-9]+)")
_SPACES_RE = re.compile(r"\s+")
_POSSESSIVE_RE = re.compile(r"'s? ")
_START_END = itemgetter(0, 1)  # a Span's start and end: sorts without a Python call
_SENTENCE_END = frozenset('.!?\n"“”:;|')


class Span(NamedTuple):  # not a dataclass: several times faster to create
    """A candidate mention: ``ids`` are the region ids the matched name can denote."""

    start: int
    end: int
    ids: tuple[str, ...]
    static: bool = True  # False for pattern-built zones: an equal static alias wins
    needs_context: bool = False  # English-word names: keep only with a parent in the text
    zone_kind: str | None = None  # pattern zone: slug of qualifier + kind ("lingang-etdz")


def _joiner(sep: str) -> str | None:
    if sep == " ":
        return sep
    if "\n\n" in sep:
        return None
    sep = _SPACES_RE.sub(" ", sep).replace("’", "'")
    return sep if sep in JOINERS else None


def longest_from(text: str, start: int, end: int, index: AliasIndex,
                 limit: int | None = None) -> tuple[int, str] | None:  # fmt: skip
    """Longest exact alias starting with the word text[start:end] (ending by ``limit``)."""
    key = text[start:end]
    if key not in index.prefixes:
        return None
    return _longest_after(text, end, key, index, limit)


def _longest_after(
    text: str, end: int, key: str, index: AliasIndex, limit: int | None
) -> tuple[int, str] | None:
    """:func:`longest_from` once its first word ``key``, ending at ``end``, is a prefix."""
    best = (end, key) if key in index.exact else None
    while (m := NEXT_RE.match(text, end)) is not None:
        if limit is not None and m.end() > limit:
            break
        sep = m.group(1)
        # most names join with one space; a joiner as written needs no normalizing
        if sep != " " and sep not in JOINERS and (sep := _joiner(sep)) is None:
            break
        key = key + sep + m.group(2)
        if key not in index.prefixes:
            break
        end = m.end()
        if key in index.exact:
            best = (end, key)
    return best


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _after_surname(text: str, start: int) -> bool:
    if start < 2 or text[start - 1] != " ":
        return False
    i = start - 2
    while i >= 0 and text[i].isalpha() and text[i].isascii():
        i -= 1
    return text[i + 1 : start - 1] in SURNAMES


def scan(text: str, index: AliasIndex, weak: set[str], lowered: str | None = None) -> list[Span]:
    """All candidate spans, overlapping; ``weak``: one-word names of sub-province units;
    ``lowered``: ``text`` lower-cased with the same offsets, if the caller has it."""
    spans: list[Span] = []
    for s, e in _first_words(text, index.prefixes):
        hit = _longest_after(text, e, text[s:e], index, None)
        if hit is None:
            continue
        end, key = hit
        if key in NOT_ALONE:
            continue
        needs_context = False
        if key in ENGLISH_WORDS:
            if _sentence_initial(text, s):
                continue
            needs_context = True
        if key in weak and _after_surname(text, s):
            continue
        # tuple.__new__ builds the same tuple as Span(...) without the Python frame of a
        # NamedTuple's generated __new__ (150 against 450 ns); every field is given
        spans.append(
            tuple.__new__(Span, (s, end, tuple(index.exact[key]), True, needs_context, None))
        )
    if not text.isascii():
        for start, end in _cjk_runs(text):
            spans.extend(_scan_cjk(text, start, end, index))
    spans.extend(_scan_zones(text, index, lowered))
    return spans


def _first_words(text: str, prefixes: set[str]) -> list[tuple[int, int]]:
    """Spans of the capitalized words (``START_RE``'s Latin half) that can begin a name."""
    # m[0], not m.group(): a subscript spares a method call per capitalized word
    return [m.span() for m in _LATIN_START_RE.finditer(text) if m[0] in prefixes]


def _ideograph_bounds(text: str) -> tuple[int, int]:
    """Offsets in ``text`` between which all its ideographs lie (``(0, 0)`` when it has none
    for certain): from the first to just past the last character opened by a lead byte."""
    data = text.encode("utf-8", "surrogatepass")
    firsts = [i for lead in _IDEOGRAPH_LEADS if (i := data.find(lead)) >= 0]
    if not firsts:
        return 0, 0
    last = max(data.rfind(lead) for lead in _IDEOGRAPH_LEADS)
    start = len(data[: min(firsts)].decode("utf-8", "surrogatepass"))
    return start, start + len(data[min(firsts) : last].decode("utf-8", "surrogatepass")) + 1


def _cjk_runs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the runs of ideographs (``_CJK_RUN_RE.finditer``, found faster)."""
    pos, end = _ideograph_bounds(text)
    while (first := _CJK_CHAR_RE.search(text, pos, end)) is not None:
        run = _CJK_RUN_RE.match(text, first.start())
        pos = run.end() if run is not None else first.end()
        yield first.start(), pos


# Chinese zone types after a place name ("成都高新区", "郑州经开区"), with their kind slugs
_CJK_ZONE_RE = re.compile(
    r"(?P<htz>高新技术产业开发区|高新区)|(?P<etdz>经济技术开发区|经开区)|(?P<edz>经济开发区)"
    r"|(?P<cbz>综合保税区)|(?P<bz>保税区)|(?P<ftz>自由贸易试验区|自贸试验区|自贸区)"
    r"|(?P<new>新区)|(?P<park>工业园区)"
)
_CJK_ZONE_KINDS = {
    "htz": "htz", "etdz": "etdz", "edz": "edz", "cbz": "cbz", "bz": "bz", "ftz": "ftz",
    "new": "new-area", "park": "industrial-park",
}  # fmt: skip


def _scan_cjk(text: str, start: int, end: int, index: AliasIndex) -> list[Span]:
    out = []
    i = start
    while i < end:
        if text[i] in index.cjk_first:
            for n in range(min(index.cjk_max, end - i), 1, -1):
                ids = index.cjk.get(text[i : i + n])
                if ids:
                    out.append(Span(i, i + n, tuple(ids)))
                    zone = _CJK_ZONE_RE.match(text, i + n, end)
                    if zone is not None and zone.lastgroup:  # "成都高新区": a zone of 成都
                        kind = _CJK_ZONE_KINDS[zone.lastgroup]
                        out.append(Span(i, zone.end(), tuple(ids), static=False, zone_kind=kind))
                    i += n
                    break
            else:
                i += 1
        else:
            i += 1
    return out


def _zone_type_ends(lowered: str) -> list[tuple[int, int]]:
    """Spans of the words of ``_LAST_WORDS`` that end a word and can end a zone type, found
    with ``str.find``."""
    found = []
    for word in _LAST_WORDS:
        before = _WORDS_BEFORE.get(word)
        s = lowered.find(word)
        while s >= 0:
            e = s + len(word)
            if (e == len(lowered) or not (lowered[e].isalnum() or lowered[e] == "_")) and (
                before is None
                or lowered.endswith(before, 0, s)
                or not lowered[max(0, s - 12) : s].isascii()  # "ſ" matches "s" in SUFFIX_RE
            ):
                found.append((s, e))
            s = lowered.find(word, e)
    found.sort()
    return found


def _scan_zones(text: str, index: AliasIndex, lowered: str | None = None) -> list[Span]:
    """Pattern zones: the first place name in the capitalized words before the zone type."""
    out = []
    # the caller's folded text if it has one: folding a text that is not ASCII costs about as
    # much as the rest of the zone scan. Folded, not lowered: "İ".lower() is two characters,
    # which would shift every offset after it.
    for last_start, last_end in _zone_type_ends(fold_case(text) if lowered is None else lowered):
        m = SUFFIX_RE.search(text, last_start - 60, last_end)  # re reads pos < 0 as 0
        if m is None:
            continue
        window = max(0, m.start() - 120)
        head = HEAD_RE.search(text, window, m.start())
        if head is None:
            continue
        for word in START_RE.finditer(text, head.start(), m.start()):
            hit = longest_from(text, word.start(), word.end(), index, limit=m.start())
            if hit is None:
                continue
            place_end, key = hit
            tail = normalize(text[place_end : m.end()])
            if tail in index.exact:  # "Chongqing Liangjiang New Area": a known zone
                out.append(Span(word.start(), m.end(), tuple(index.exact[tail])))
                break
            owned = _POSSESSIVE_RE.match(tail)
            if owned is not None and tail[owned.end() :] in index.exact:
                break  # "Shanghai's Pudong New Area": the known area, matched on its own
            qualifier = slug(text[place_end : m.start()][owned.end() if owned else 0 :])
            kind = next(kind for r, kind in _KIND_RES if r.fullmatch(m.group(1)))
            zone_kind = f"{qualifier}-{kind}" if qualifier else kind
            ids = tuple(index.exact[key])
            out.append(Span(word.start(), m.end(), ids, static=False, zone_kind=zone_kind))
            break
    return out


def select(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, longest first (a static alias beats an equal pattern zone).

    A span's choice depends only on the spans it overlaps, so each run of overlapping spans
    is chosen apart and a span that overlaps none is kept without sorting it by length (most
    spans: the choosing sort asks a Python key of each span)."""
    ordered = sorted(spans, key=_START_END)
    out: list[Span] = []
    i, n = 0, len(ordered)
    while i < n:
        j, reach = i + 1, ordered[i].end
        while j < n and ordered[j].start < reach:
            end = ordered[j].end
            if end > reach:  # a conditional, not max(): no call parsing arguments
                reach = end
            j += 1
        if j == i + 1:
            out.append(ordered[i])
        else:
            out.extend(_longest_first(ordered[i:j]))
        i = j
    return out


def _longest_first(spans: list[Span]) -> list[Span]:
    """:func:`select` of spans that overlap: the longest first, then the rest that fit."""
    starts: list[int] = []  # chosen spans, kept sorted by start; they never overlap
    ends: list[int] = []
    chosen: dict[int, Span] = {}
    for sp in sorted(spans, key=lambda x: (x.start - x.end, not x.static, x.start)):
        k = bisect.bisect_right(starts, sp.start)
        if (k > 0 and ends[k - 1] > sp.start) or (k < len(starts) and starts[k] < sp.end):
            continue
        starts.insert(k, sp.start)
        ends.insert(k, sp.end)
        chosen[sp.start] = sp
    return [chosen[s] for s in starts]
