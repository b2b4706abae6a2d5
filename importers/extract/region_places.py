"""Place references of one document: gazetteer mentions kept as places, anaphors resolved.

:class:`PlaceIndex` finds once per document which mentions are places a figure can be about
(not names of companies or people, not a dollar sign), resolves "the province", "the city's",
"the state" to the place they stand for, and answers what attribution asks of one place: is it
usable (in China, or a subdivision or city abroad), a rank or share scope, a destination, a
comparand. Choosing a figure's region from these is :mod:`.regions`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import itemgetter
from typing import NamedTuple

from factscope.db.models import Region
from factscope.importers.gazetteer import Gazetteer, Mention

from ._fold import fold_case
from .ranks import OrdinalHits
from .region_cues import (
    APOSTROPHE_S,
    CAPITALIZED_BEFORE_RE,
    CJK_DATELINE_AFTER_RE,
    CJK_DATELINE_MARK,
    CJK_ORG_AFTER_RE,
    CJK_OWNER_AFTER_RE,
    CJK_SHARE_BEFORE,
    COMPANY_AFTER_RE,
    COUNTRY_PART_AFTER_RE,
    DESTINATION_LAST_WORDS,
    DESTINATION_RE,
    DESTINATION_WORDS,
    DOLLAR_AFTER_RE,
    EN_OFFICE_AFTER_RE,
    FOREIGN_NOUNS,
    LIST_GAP_RE,
    NAME_AFTER_RE,
    NAME_FUNCTION_WORDS,
    NOUN_LEVELS,
    POSSESSIVE_RE,
    RANK_SCOPE_FOLDED_RE,
    RANK_SCOPE_WORDS,
    SHARE_OF_RE,
    SUPERLATIVE_AFTER_RE,
    comparand_before,
    find_anaphors,
    is_title_case,
    name_may_follow,
    name_possible,
    words_before,
)

_START = itemgetter(0)  # a Place's start: sorts without a Python call per place


class Place(NamedTuple):  # not a frozen dataclass: 7x faster to create
    """An accepted place reference (a gazetteer mention or a resolved anaphor)."""

    start: int
    end: int
    region: Region
    possessive: bool
    anaphor: bool
    noun: str = ""
    """For an anaphor, its noun ("province" in "the province's"), lower-case."""
    comparand: str = ""
    """"own" after "than" ("faster than Sichuan at 8.2 percent": its own figure may follow),
    "other" after "led", "after", "behind" ...: what the subject is compared with; else ""."""
    org: bool = False
    """Inside a Chinese organization's name (甘肃省统计局, 杭州海关): the story's place, so a
    topic, but not what a figure after it is about when the sentence names no other."""


class PlaceIndex:
    """The places of one document and what each is (see the module docstring)."""

    def __init__(
        self,
        text: str,
        gazetteer: Gazetteer,
        sentences: list[tuple[int, int]],
        folded: str | None = None,
        ordinals: OrdinalHits | None = None,
    ) -> None:
        self.text = text
        # the caller's fold_case(text) if it has one: folding again costs 2.5 ms/MB
        self.folded = fold_case(text) if folded is None else folded
        # the ordinal words of the text (the caller's, which it finds for its ranks)
        self._ordinals = OrdinalHits(self.folded) if ordinals is None else ordinals
        self.gz = gazetteer
        self.sentences = sentences
        self._china = gazetteer.get("CN")
        self.home_abroad: str | None = None
        """The country of a story about a place abroad, once known (see ``set_home_abroad``)."""
        self._title_lines: dict[int, bool] = {}
        self._usable_ids: dict[str, bool] = {}
        self._candidates: dict[int, bool] = {}  # by id() of a Place
        self._destinations: dict[int, bool] = {}
        self._enumerations: dict[tuple[int, int], list[Place]] = {}
        self._common: dict[tuple[int, int], Region | None] = {}
        self._topic_levels: dict[tuple[str, str], Region | None] = {}
        self._attributables: dict[tuple[int, int], tuple[list[Place], list[int]]] = {}
        self._levels: dict[tuple[str, str], Region | None] = {}  # (noun, region id): _of_level
        # per noun, by index of a mentioned place: what "the <noun>" right after it stands for
        self._nearest_levels: dict[str, dict[int, Region | None]] = {}
        self._names: list[tuple[int, int]] | None = None  # see name_spans
        self._name_starts: list[int] = []
        self._sentence_starts = [s for s, _ in sentences]
        self._mention_edges: tuple[dict[int, str | None], dict[int, str | None]] | None = None
        mentions = self._mentions = gazetteer.find_mentions(text, self.folded)
        self._places = self._collect(mentions)
        # names of places the gazetteer cannot tell apart ("Yiwu"): no region, still a name
        self._ambiguous = [(m.start, m.end) for m in mentions if not m.region_id and m.candidates]
        self._starts = [p.start for p in self._places]
        self._place_starts_set = set(self._starts)

    # -- building -------------------------------------------------------------------------
    def _sentence_of(self, pos: int) -> tuple[int, int]:
        idx = bisect_right(self._sentence_starts, pos) - 1
        return self.sentences[idx] if idx >= 0 else (0, len(self.text))

    def _title_line(self, start: int, end: int) -> bool:
        """Whether the line holding ``text[start:end]`` is a headline (kept per line)."""
        # the last newline before the name, found in C: no list of the text's line starts
        line_start = self.text.rfind("\n", 0, start) + 1
        title = self._title_lines.get(line_start)
        if title is None:
            line_end = self.text.find("\n", end)
            line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
            title = self._title_lines[line_start] = len(line) < 200 and is_title_case(line)
        return title

    def _edges(self) -> tuple[dict[int, str | None], dict[int, str | None]]:
        """The mentions' region ids by their start, and by their end (see ``_ending_before``)."""
        if self._mention_edges is None:
            mentions = self._mentions
            self._mention_edges = (
                {m.start: m.region_id for m in mentions},
                {m.end: m.region_id for m in mentions},
            )
        return self._mention_edges

    def _ending_before(self, start: int) -> int:
        """Where a mention ending right before ``start`` (spaces apart) ends: ``start`` less the
        spaces before it (a mention ends with a letter: one walk back per asked name)."""
        text = self.text
        while start > 0 and text[start - 1] in " \xa0":
            start -= 1
        return start

    def _in_name(self, m: Mention, after: str) -> bool:
        """Whether ``m`` (``after``: the 30 characters after it) is in a name ("Xi Jinping"),
        where ``name_possible`` let it through (the caller asks it first: most places fail it,
        and none of the answers below can be True for them)."""
        text = self.text
        if self._title_line(m.start, m.end):
            return False
        if CJK_DATELINE_MARK in after and CJK_DATELINE_AFTER_RE.match(after):
            return True  # 长沙10月20日电: a dateline
        gap = len(after) - len(after.lstrip(" \xa0"))
        starts, ends = self._edges()
        # "Shenzhen Futian District": a place followed by one of its sub-places is no name.
        if self._nested(m.region_id, starts.get(m.end + gap)) or self._nested(
            ends.get(self._ending_before(m.start)), m.region_id
        ):
            return False
        if name_may_follow(after) and NAME_AFTER_RE.match(after):
            return not POSSESSIVE_RE.match(after)
        if text[m.start - 1 : m.start] == "(" and COMPANY_AFTER_RE.match(after):
            return True
        if not text[m.start - 1 : m.start].isspace():
            return False  # no word before it in the sentence (nor at the text's start)
        s_start, _ = self._sentence_of(m.start)
        lo = m.start - 25  # clamps as conditionals: max() costs a call parsing its arguments
        before = text[lo if lo > s_start else s_start : m.start]
        prev = CAPITALIZED_BEFORE_RE.search(before) if before else None
        return bool(
            prev
            and prev.group(1) not in NAME_FUNCTION_WORDS
            and not prev.group(1).endswith(("'s", "’s"))
        )

    def _nested(self, outer: str | None, inner: str | None) -> bool:
        if outer is None or inner is None or outer == inner:
            return False
        return outer in self.gz.ancestors(inner)

    def name_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of Chinese place names and anaphors starting in ``text[start:end]``, sorted,
        including names the gazetteer could not resolve: what a metric phrase must not keep."""
        if self._names is None:  # asked per figure, after the places are settled: sort once
            self._names = sorted(
                [(p.start, p.end) for p in self._places if self._usable(p.region)] + self._ambiguous
            )
            self._name_starts = [a for a, _ in self._names]
        i = bisect_left(self._name_starts, start)
        return self._names[i : bisect_left(self._name_starts, end, i)]

    def _usable(self, region: Region) -> bool:
        usable = self._usable_ids.get(region.id)
        if usable is None:
            chain = self.gz.lineage(region.id)
            # China and the places in it; abroad, a state or city ("Bavaria's exports"), and a
            # foreign country only in a story about a place in it ("Vietnam's exports" in a
            # story on Binh Duong): elsewhere that is a partner or a comparand
            usable = bool(chain) and chain[-1].level == "country"
            usable = usable and (
                chain[-1].id == "CN" or region.level != "country" or region.id == self.home_abroad
            )
            usable = usable and all(r.level != "macro" for r in chain)
            self._usable_ids[region.id] = usable
        return usable

    def set_home_abroad(self, country_id: str) -> None:
        """Make ``country_id`` usable (the story is about a place in it); forget past answers."""
        self.home_abroad = country_id
        self._usable_ids.clear()
        self._candidates.clear()
        self._names = None
        home = self.gz.get(country_id)
        if home is not None:  # "the country's exports" in a story on Bavaria: Germany's
            self._places = [
                p._replace(region=home) if p.anaphor and p.noun in ("country", "nation") else p
                for p in self._places
            ]

    def _collect(self, mentions: list[Mention]) -> list[Place]:
        places: list[Place] = []
        text, get = self.text, self.gz.get
        for m in mentions:
            start, end, _, rid, _ = m  # unpacked: a NamedTuple's attribute is a descriptor call
            region = get(rid) if rid else None
            if region is None:
                continue
            wide = text[end : end + 30]  # what the name checks read after the place
            office = wide[1:2].isupper() and (
                EN_OFFICE_AFTER_RE.match(text, end, end + 60) is not None
            )
            words = words_before(text, start)  # name_possible first: most places fail it
            if not office and name_possible(text, start, wide, words) and self._in_name(m, wide):
                continue
            after = wide[:10]
            if ("$" in after or "dollar" in after) and DOLLAR_AFTER_RE.match(after):
                continue  # "US$", "US dollars"
            cjk_after = not after[:1].isascii()
            poss = (
                after.startswith(APOSTROPHE_S) and POSSESSIVE_RE.match(after, 0, 3) is not None
            ) or (cjk_after and CJK_OWNER_AFTER_RE.match(text, end, end + 6) is not None)
            org = office or (cjk_after and CJK_ORG_AFTER_RE.match(text, end, end + 30) is not None)
            compared = comparand_before(text, start, words)
            # as Place(...), without the Python frame of a NamedTuple's __new__ (all fields)
            places.append(
                tuple.__new__(Place, (start, end, region, poss, False, "", compared, org))
            )
        mentioned = list(places)
        starts = [p.start for p in mentioned]
        for a in find_anaphors(self.folded):
            noun, start = a["noun"].lower(), a.start()
            resolved = self._resolve_anaphor(noun, start, mentioned, starts)
            if resolved is not None:
                poss = bool(a["poss"])
                places.append(
                    tuple.__new__(Place, (start, a.end(), resolved, poss, True, noun, "", False))
                )
        places.sort(key=_START)
        return places

    def _resolve_anaphor(
        self, noun: str, pos: int, mentioned: list[Place], starts: list[int]
    ) -> Region | None:
        """Region of "the <noun>" at ``pos``: from the last place mentioned before it that is
        or lies in a region of that level (``mentioned`` is sorted, ``starts`` its starts)."""
        if noun in ("country", "nation"):
            return self._china
        # Walking back from the anaphor (the nearest such place is usually the one before it);
        # what a walk learns is kept per place index, so many anaphors stay linear in all.
        known = self._nearest_levels.setdefault(noun, {})
        walked: list[int] = []
        found: Region | None = None
        i = bisect_left(starts, pos) - 1
        while i >= 0:
            if i in known:
                found = known[i]
                break
            walked.append(i)
            place = mentioned[i]
            # "the second city after Shanghai. The city's GDP ...": not the compared city
            if not place.comparand:
                key = (noun, place.region.id)
                if key not in self._levels:
                    self._levels[key] = self._of_level(place.region, noun)
                found = self._levels[key]
                if found is not None:
                    break
            i -= 1
        for j in walked:
            known[j] = found
        return found

    def _of_level(self, place_region: Region, noun: str) -> Region | None:
        levels = NOUN_LEVELS[noun]
        for region in self.gz.lineage(place_region.id):
            if region.level in levels and self._usable(region):
                if noun == "cbd" and "Business District" not in region.name:
                    continue
                if noun.endswith("region") and "Autonomous Region" not in region.name:
                    continue
                if noun in FOREIGN_NOUNS and self._in_china(region):
                    continue  # "the state" in a Chinese story is the government
                return region
        return None

    def _in_china(self, region: Region) -> bool:
        chain = self.gz.lineage(region.id)
        return bool(chain) and chain[-1].id == "CN"

    def places_in(self, start: int, end: int) -> list[Place]:
        """Accepted places within ``text[start:end]``."""
        starts = self._starts
        i = bisect_left(starts, start)
        return self._places[i : bisect_left(starts, end, i)]

    def _candidate(self, place: Place) -> bool:
        ok = self._candidates.get(id(place))
        if ok is None and not self._usable(place.region):
            ok = self._candidates[id(place)] = False  # no window to read
        if ok is None:
            start = place.start
            lo = start - 40 if start > 40 else 0
            before = self.text[lo:start]
            ok = not (
                self._rank_scope(lo, start)
                or (("%" in before or "cent" in before) and SHARE_OF_RE.search(before))
                or before.endswith(CJK_SHARE_BEFORE)  # "占四川进出口总值的87.9%": the whole
                or (
                    place.possessive
                    and SUPERLATIVE_AFTER_RE.match(self.text, place.end, place.end + 30)
                )
                or (
                    place.possessive
                    and place.region.level == "country"
                    and COUNTRY_PART_AFTER_RE.match(self.text, place.end, place.end + 40)
                )
            )
            self._candidates[id(place)] = ok
        return ok

    def _destination(self, place: Place, s_start: int) -> bool:
        """Whether ``place`` (in the sentence starting at ``s_start``) is where goods go to."""
        hit = self._destinations.get(id(place))
        if hit is None:
            start = place.start
            lo = start - 36 if start - 36 > s_start else s_start
            hit = self._destination_words_last(lo, start) and (
                DESTINATION_RE.search(self.text[lo:start]) is not None
            )
            if not hit:
                # "exports to Bavaria and Munich", "to Japan, Korea and Vietnam": the places
                # listed after a destination are destinations too
                i = bisect_left(self._starts, place.start) - 1
                earlier = self._places[i] if i >= 0 else None
                hit = (
                    earlier is not None
                    and earlier.start >= s_start
                    and LIST_GAP_RE.fullmatch(self.text, earlier.end, place.start) is not None
                    and self._destination(earlier, s_start)
                )
            self._destinations[id(place)] = hit
        return hit

    def _rank_scope(self, lo: int, hi: int) -> bool:
        """Whether ``text[lo:hi]`` ends with a rank's scope ("ranked 12th in"). The pattern runs
        only where RANK_SCOPE_GATE_RE would find a word: ``in`` tests of the window's slice and a
        bisect in the ordinals (not the alternation at every position: 2.2 against 0.6 µs)."""
        folded = self.folded[lo:hi]
        for word in RANK_SCOPE_WORDS:  # a loop: any() of a generator costs twice as much
            if word in folded:
                break
        else:
            if not self._ordinals.any_in(lo, hi):
                return False
        return RANK_SCOPE_FOLDED_RE.search(folded) is not None

    def _destination_words_last(self, lo: int, hi: int) -> bool:
        """What every DESTINATION_RE match in ``text[lo:hi]`` needs: DESTINATION_GATE_RE's word
        (``in`` tests, not that pattern at every position), the window ending with a space, and
        a word of DESTINATION_LAST_WORDS ending one of its last four words."""
        folded = self.folded[lo:hi]
        for word in DESTINATION_WORDS:
            if word in folded:
                break
        else:
            return False
        if not folded[-1:].isspace():
            return False
        for word in folded.split()[-4:]:  # noqa: SIM110 - any() would add a generator frame
            if word.endswith(DESTINATION_LAST_WORDS):
                return True
        return False
