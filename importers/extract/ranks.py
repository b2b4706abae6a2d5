"""Rank records in English: "ranking No. 2 in Shanghai", "ranked second in China", ", No. 1
among ...", "China's fifth-largest economy", "topping the other districts" (rank 1); Chinese
ranks come from :mod:`.ranks_zh`. Copying a rank onto the figure it ranks is
:func:`.attach.assign_ranks`.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ._fold import fold_case, folded_pattern
from .figure import Figure
from .numbers import ORDINALS
from .ranks_zh import ranks_zh

_ORDINAL = (
    r"(?P<ord>No\.[\s\xa0]*(?P<nod>\d{1,3})|(?P<word>first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth|tenth)|(?P<nth>\d{1,3})(?:st|nd|rd|th))\b"
    r"(?:[\s\xa0]+(?:place|position))?"
    r"(?P<scope>[\s\xa0]+(?:in|among|across|of|nationwide|worldwide)\b[\s\xa0]*"
    r"(?P<scope_text>[^,.;:]{0,50}?)(?=[\s\xa0]+(?:for|under|in\s+terms|with|by|"
    r"and\b(?![\s\xa0]+(?:north|south|east|west|central)\w*\b))\b|[,.;:)]|$))?"
)  # "in central and western China" is one scope
_RANK_RE = re.compile(
    r"\b(?P<verb>rank(?:s|ed|ing)?|plac(?:e|es|ed|ing)|came|comes|come|was|is|remained|remains|"
    r"stood|stands|stays|stayed|become|became|becomes|finish(?:ed|es|ing)?[\s\xa0]+in)"
    r"[\s\xa0]+(?:the[\s\xa0]+)?" + _ORDINAL,
    re.IGNORECASE,
)
# the next ordinal of a list after a rank ("ranking 10th in China and 1st in Central China",
# "ranking third, second and fifth nationwide", "in the 9th and 10th place")
_NEXT_RANK_RE = re.compile(
    r"(?:,[\s\xa0]*(?:and[\s\xa0]+)?|[\s\xa0]+and[\s\xa0]+)(?:the[\s\xa0]+)?" + _ORDINAL,
    re.IGNORECASE,
)
_NEXT_RANK_FOLDED_RE = folded_pattern(_NEXT_RANK_RE)
_RANK_FOLDED_RE = folded_pattern(_RANK_RE)  # several times faster
# Every rank _RANK_RE reads contains one of these words or a digit ordinal (in folded text).
ORDINAL_WORDS = tuple(word for word in ORDINALS if word != "top")  # "first" ... "tenth"
_DIGIT_ORDINAL_RE = re.compile(r"\d(?:st|nd|rd|th)")  # a leading class: the engine skips ahead
_ASCII_DIGIT_ORDINAL_RE = re.compile(r"[0-9](?:st|nd|rd|th)")  # the same in ASCII text, 2x faster
_WORD, _NO, _DIGIT, _ZH = range(4)  # the kinds of ordinal hit
# The ordinal words ending in "th" in one scan that opens with that literal (the engine then
# skips ahead in C, faster than a str.find per word), each "th" asked which word it ends; the
# others by str.find.
_TH_WORDS = [word for word in ORDINAL_WORDS if word.endswith("th")]
_FOUND_WORDS = [word for word in ORDINAL_WORDS if not word.endswith("th")]
_TH_LENGTHS = {f"w{i}": len(word) for i, word in enumerate(_TH_WORDS)}
_TH_ORDINAL_RE = re.compile(
    rf"th(?<=[{''.join(sorted({word[-3] for word in _TH_WORDS}))}]th)(?:"
    + "|".join(f"(?<={word})(?P<w{i}>)" for i, word in enumerate(_TH_WORDS))
    + ")"
)


def _is_word_char(char: str) -> bool:
    """What ``\\w`` matches (str patterns): a letter, a digit or an underscore."""
    return char.isalnum() or char == "_"


class OrdinalHits:
    """Where the folded text of a document holds an ordinal word ("first" ... "tenth"),
    "no.", a digit ordinal ("19th") or 第/首位, found once per document.

    An alternation of words starting with common letters makes ``re`` try every position,
    and the sentence loop and :func:`ranks_in` asked it of every sentence (some 90 ms/MB on
    the seeds); ``str.find`` per word runs in C, and a sentence then asks a bisect. Every
    occurrence is listed, overlapping or not, so a window holds a hit exactly when a search
    of the window would match."""

    def __init__(self, folded: str, digit_ordinals: list[int] | None = None) -> None:
        """``digit_ordinals``: where the digit ordinals start, if the caller found them
        (:func:`.numbers.scan_numbers`); else this scans for them."""
        self.folded = folded
        hits: list[tuple[int, int, int]] = []
        words = [(w, _WORD) for w in _FOUND_WORDS] + [("no.", _NO)]
        digits = _ASCII_DIGIT_ORDINAL_RE
        if not folded.isascii():
            words += [("第", _ZH), ("首位", _ZH)]
            digits = _DIGIT_ORDINAL_RE
        for word, kind in words:
            pos = folded.find(word)
            while pos >= 0:
                hits.append((pos, pos + len(word), kind))
                pos = folded.find(word, pos + 1)
        for m in _TH_ORDINAL_RE.finditer(folded):  # "fourth" ... "tenth"
            hits.append((m.end() - _TH_LENGTHS[m.lastgroup or ""], m.end(), _WORD))
        if digit_ordinals is None:
            hits.extend((m.start(), m.end(), _DIGIT) for m in digits.finditer(folded))
        else:
            hits.extend((start, start + 3, _DIGIT) for start in digit_ordinals)
        hits.sort()
        self._hits = hits
        self._starts = [h[0] for h in hits]

    def _within(self, lo: int, hi: int) -> list[tuple[int, int, int]]:
        k = bisect_left(self._starts, lo)
        out = []
        while k < len(self._hits) and self._hits[k][0] < hi:
            if self._hits[k][1] <= hi:
                out.append(self._hits[k])
            k += 1
        return out

    def any_in(self, lo: int, hi: int) -> bool:
        """Whether ``folded[lo:hi]`` holds an ordinal word, "no." or a digit ordinal: a
        sentence with none states no English rank."""
        return self.first_in(lo, hi) >= 0

    def first_in(self, lo: int, hi: int) -> int:
        """Where the first ordinal word, "no." or digit ordinal of ``folded[lo:hi]`` starts;
        -1 if there is none."""
        hits = self._hits
        k = bisect_left(self._starts, lo)
        while k < len(hits) and hits[k][0] < hi:
            if hits[k][1] <= hi and hits[k][2] != _ZH:
                return hits[k][0]
            k += 1
        return -1

    def starts_in(self, lo: int, hi: int) -> list[int]:
        """Where the ordinals of ``folded[lo:hi]`` (not 第) may start as ``_RANK_RE`` reads
        them: a digit ordinal's hit is its last digit, so its first (of three at most)."""
        text = self.folded
        out = []
        for start, _, kind in self._within(lo, hi):
            if kind == _ZH:
                continue
            if kind == _DIGIT:  # "12th": \d{1,3} before the suffix, the hit on "2th"
                first = start
                while first > max(lo, start - 2) and text[first - 1].isdecimal():
                    first -= 1
                start = first
            out.append(start)
        return out

    def superlative_in(self, lo: int, hi: int) -> bool:
        """Whether an ordinal word or digit ordinal of ``folded[lo:hi]`` has a superlative
        after it ("fifth-largest", "12th biggest"), as every ``_LARGEST_RE`` match does: a
        look after a few hits instead of ``_SUPERLATIVE_GATE_RE`` over the sentence."""
        text = self.folded
        for _, end, kind in self._within(lo, hi):
            if kind in (_WORD, _DIGIT):
                at = end
                while at < hi and (text[at] == "-" or text[at].isspace()):
                    at += 1  # the pattern's [-\s\xa0]+
                if at > end and text.startswith(_SUPERLATIVES, at):
                    return True
        return False

    def bounded_in(self, lo: int, hi: int) -> bool:
        """Whether ``folded[lo:hi]`` holds a whole ordinal word, a digit ordinal that ends a
        word ("ranked 19th"), 第 or 首位: what a sentence with no numeral may still rank with.
        As ``re`` reads ``\\b`` in a window: the character before it counts, none after."""
        text = self.folded
        for start, end, kind in self._within(lo, hi):
            if kind == _ZH:
                return True
            if kind == _NO:
                continue
            after_ok = end == hi or not _is_word_char(text[end])
            before_ok = kind == _DIGIT or start == 0 or not _is_word_char(text[start - 1])
            if after_ok and before_ok:
                return True
        return False


# "..., up 23.4 percent, No. 1 among China's provincial-level regions": a verbless rank
_APPOSITIVE_RANK_RE = re.compile(
    r"[,;][\s\xa0]*(?:ranking[\s\xa0]+)?(?P<ord>No\.[\s\xa0]*(?P<nod>\d{1,3}))[\s\xa0]+"
    r"(?:among|in|across)[\s\xa0]+(?P<scope_text>[^,.;:]{1,50}?)(?=[\s\xa0]*(?:[,.;:]|$))"
)
# "China's fifth-largest economy", "the third biggest port in the world"
_SUPERLATIVES = ("largest", "biggest", "busiest", "highest", "richest")
_LARGEST_RE = re.compile(
    r"(?:(?P<owner>\b[A-Z][\w'’-]*(?:[\s\xa0]+[A-Z][\w'’-]*)?|\bworld|\bcountry|\bnation)"
    r"['’]s[\s\xa0]+)?"
    r"\b(?P<ord>(?P<word>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)|"
    r"(?P<nth>\d{1,3})(?:st|nd|rd|th))[-\s\xa0]+(?:" + "|".join(_SUPERLATIVES) + r")\b"
    r"(?:(?:[\s\xa0]+[\w-]+){0,3}?[\s\xa0]+(?:in|among|of)[\s\xa0]+(?:the[\s\xa0]+)?"
    r"(?P<scope_text>[A-Z][\w'’-]*(?:[\s\xa0]+[A-Z][\w'’-]*)?|world|country))?",
)
# in every _LARGEST_RE match; OrdinalHits.superlative_in asks the hits instead (the reference)
_SUPERLATIVE_GATE_RE = re.compile("larg|bigg|busi|highe|riche")
_TOPPING_RE = re.compile(
    r"\btop(?:s|ped|ping)[\s\xa0]+(?:the[\s\xa0]+)?(?P<scope>[^,.;]{3,50})", re.IGNORECASE
)


def ranks_in(
    text: str,
    s_start: int,
    s_end: int,
    folded: str | None = None,
    ordinals: OrdinalHits | None = None,
) -> list[Figure]:
    """Rank records: "ranking No. 2 in Shanghai", "ranked second in China", "ranks first".
    ``ordinals`` are the document's :class:`OrdinalHits` if the caller has them."""
    out: list[Figure] = []
    if not text.isascii():
        for r in ranks_zh(text, s_start, s_end):
            fig = Figure(r.start, r.end, r.start, r.end, float(r.value), 1.0, "rank", is_rank=True)
            fig.rank, fig.rank_scope, fig.rank_verb = r.value, r.scope, r.verb_start
            out.append(fig)
    if folded is None:
        folded = fold_case(text)
    if ordinals is None:
        ordinals = OrdinalHits(folded[:s_end])
    first = ordinals.first_in(s_start, s_end)
    if first < 0:
        return out
    lo = rank_scan_start(folded, s_start, first)
    verbed = any(verb_before(folded, lo, at) for at in ordinals.starts_in(lo, s_end))
    for m in _RANK_FOLDED_RE.finditer(folded, lo, s_end) if verbed else ():
        verb = m.group("verb").lower()
        if not verb.startswith(("rank", "plac", "finish")) and not m.group("scope"):
            continue
        out.extend(_rank_list(text, folded, m, s_end))
    taken = {f.start: f for f in out}
    if text.find("No.", s_start, s_end) >= 0:
        for m in _APPOSITIVE_RANK_RE.finditer(text, s_start, s_end):
            if m.start("ord") in taken:
                continue
            fig = _rank(m, m.group("scope_text").strip())
            out.append(fig)
            taken[fig.start] = fig
    if ordinals.superlative_in(s_start, s_end):
        for m in _LARGEST_RE.finditer(text, s_start, s_end):
            scope = m.group("scope_text") or m.group("owner")
            same = taken.get(m.start("ord"))
            if same is not None:  # "became the third largest port in Jiangsu": the scope
                same.rank_scope = same.rank_scope or scope
                continue
            out.append(_rank(m, scope))
    return out


# The verbs _RANK_RE reads before an ordinal, as str.endswith reads them ("finish ... in" by
# its "in"); a sentence whose ordinals have none of them before (and spaces, maybe "the") holds
# no match, so the scan of it is skipped (it ran over some 3,300 characters a round of the
# seeds, about 100 instructions each, for four matches).
_RANK_VERBS = (
    "rank", "ranks", "ranked", "ranking", "place", "places", "placed", "placing", "came",
    "comes", "come", "was", "is", "remained", "remains", "stood", "stands", "stays", "stayed",
    "become", "became", "becomes",
)  # fmt: skip
_FINISH_FORMS = ("finish", "finished", "finishes", "finishing")


def verb_before(folded: str, lo: int, at: int) -> bool:
    """Whether ``folded[lo:at]`` ends with a verb of ``_RANK_RE``, white space and maybe "the"
    and white space: a necessary condition for a match whose ordinal starts at ``at`` (the
    verb's ``\\b`` is not asked: a superset)."""
    head = folded[lo:at]
    spaced = head.rstrip()
    if len(spaced) == len(head):
        return False  # [\s\xa0]+ before the ordinal
    if spaced.endswith("the"):
        inner = spaced[:-3]
        if inner.rstrip() != inner and _verb_ends(inner.rstrip()):
            return True
    return _verb_ends(spaced)


def _verb_ends(text: str) -> bool:
    if text.endswith(_RANK_VERBS):
        return True
    if not text.endswith("in"):
        return False
    rest = text[:-2]
    return rest.rstrip() != rest and rest.rstrip().endswith(_FINISH_FORMS)


# What may stand between the start of a _RANK_RE match and its ordinal: the verb, "in", "the"
# (14 letters at most: "finishing in the") and spaces
_VERB_GAP_RE = re.compile(r"[a-z\s\xa0]*")
_VERB_GAP_LETTERS = 14


def rank_scan_start(folded: str, s_start: int, first: int) -> int:
    """Where a scan of the sentence for ``_RANK_FOLDED_RE`` may start, the sentence's first
    ordinal starting at ``first``: no match starts before it. Every match holds an ordinal
    hit (its ordinal starts at most two digits before it, "12th"), so a match starting
    before ``first - 40`` would span the 38 characters before: only letters and spaces, at
    most 14 letters. Otherwise the scan starts there instead of at every position before."""
    lo = first - 40
    if lo <= s_start:
        return s_start
    gap = folded[lo : first - 2]
    if _VERB_GAP_RE.fullmatch(gap) and len("".join(gap.split())) <= _VERB_GAP_LETTERS:
        return s_start
    return lo


def _scope_of(text: str, m: re.Match[str]) -> str | None:
    scope = text[m.start("scope_text") : m.end("scope_text")].strip() or None
    if m.group("scope") and not scope:
        scope = text[m.start("scope") : m.end("scope")].strip()  # "nationwide"
    return scope


def _rank_list(text: str, folded: str, m: re.Match[str], s_end: int) -> list[Figure]:
    """The rank of ``m`` and those listed after it; a list whose last rank alone states a
    scope shares it ("ranking third, second and fifth nationwide")."""
    matches = [m]
    while (n := _NEXT_RANK_FOLDED_RE.match(folded, matches[-1].end(), s_end)) is not None:
        matches.append(n)
    scopes = [_scope_of(text, x) for x in matches]
    if len(matches) > 1 and scopes[-1] and not any(scopes[:-1]):
        scopes = [scopes[-1]] * len(matches)
    return [_rank(x, scope) for x, scope in zip(matches, scopes, strict=True)]


def _rank(m: re.Match[str], scope: str | None) -> Figure:
    """The rank record of a match whose ``ord`` group is the ordinal ("No. 2", "third", "14th")
    and whose ``nod``, ``word`` or ``nth`` group holds its number."""
    groups = m.groupdict()  # the appositive pattern has only "nod"
    if groups.get("nod"):
        value = int(groups["nod"])
    elif groups.get("word"):
        value = ORDINALS[fold_case(groups["word"])]
    else:
        value = int(groups["nth"])
    start, end = m.span("ord")
    return Figure(
        start, end, start, end, float(value), 1.0, "rank",
        rank=value, rank_scope=scope, is_rank=True,
    )  # fmt: skip


def topping_scope(text: str, s_start: int, s_end: int) -> tuple[int, str] | None:
    """Position and scope of "topping the other districts in the city" (rank 1, no numeral)."""
    if "top" not in fold_case(text[s_start:s_end]):
        return None
    m = _TOPPING_RE.search(text, s_start, s_end)
    return (m.start(), m.group("scope").strip()) if m else None
