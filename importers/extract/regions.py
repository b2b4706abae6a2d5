"""Region attribution: the most specific place a figure is about, in China or a subdivision
or city abroad ("Bavaria", "Binh Duong Province").

Uses the gazetteer's mentions (found once per document) plus anaphors ("the district's",
"the province", "my country") and keeps a topic region that carries across sentences. Place
names inside organisation or person names ("Shanghai Huitian New Material Co", "Xi Jinping"),
rank scopes ("ranking No. 2 in Shanghai"), share denominators ("90% of the city's") and foreign
or cross-regional places (countries, macro-regions) never become a figure's region.

Non-goals: coreference beyond the anaphors listed here; foreign countries as a figure's region.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from typing import NamedTuple

from db.models import Region
from importers.gazetteer import Gazetteer, Mention

from ._fold import fold_case
from .region_cues import (
    ANAPHOR_FOLDED_RE,
    APPOSITIVE_GAP_RE,
    CAPITALIZED_BEFORE_RE,
    CJK_DATELINE_AFTER_RE,
    CJK_ORG_AFTER_RE,
    CLAUSE_BREAK_RE,
    COMPANY_AFTER_RE,
    COMPARAND_LAST_WORDS,
    COMPARAND_RE,
    COUNTRY_PART_AFTER_RE,
    DATELINE_RE,
    DESTINATION_RE,
    DOLLAR_AFTER_RE,
    EN_OFFICE_AFTER_RE,
    EXAMPLE_RE,
    FOREIGN_NOUNS,
    FROM_BEFORE_RE,
    IN_BEFORE_RE,
    LEAD_ADVERBIAL_RE,
    LIST_GAP_RE,
    LOCATING_GAP_RE,
    LOCATING_REACH,
    LOCATIVE_BEFORE_RE,
    NAME_AFTER_RE,
    NAME_FUNCTION_WORDS,
    NEWLINE_RE,
    NOUN_LEVELS,
    POSSESSIVE_GAP_RE,
    POSSESSIVE_RE,
    RANK_SCOPE_FOLDED_RE,
    RANK_SCOPE_GATE_RE,
    SHARE_OF_RE,
    SUPERLATIVE_AFTER_RE,
    is_title_case,
)

_BEFORE_OF_TO = frozenset({"that", "those", "ahead", "only"})


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


class RegionTracker:
    """Attributes figures of one document to regions; build once per document."""

    def __init__(self, text: str, gazetteer: Gazetteer, sentences: list[tuple[int, int]]) -> None:
        self.text = text
        self.gz = gazetteer
        self.sentences = sentences
        self._china = gazetteer.get("CN")
        self._title_lines: dict[int, bool] = {}
        self._usable_ids: dict[str, bool] = {}
        self._candidates: dict[int, bool] = {}  # by id() of a Place
        self._destinations: dict[int, bool] = {}
        self._enumerations: dict[tuple[int, int], list[Place]] = {}
        self._common: dict[tuple[int, int], Region | None] = {}
        self._topic_levels: dict[tuple[str, str], Region | None] = {}
        self._attributables: dict[tuple[int, int], tuple[list[Place], list[int]]] = {}
        self._anaphor_targets: dict[str, tuple[list[int], list[Region]]] = {}
        self._line_starts = [0, *(m.end() for m in NEWLINE_RE.finditer(text))]
        mentions = gazetteer.find_mentions(text)
        self._mention_starts = {m.start: m.region_id for m in mentions}
        self._mention_ends: dict[int, str | None] = {}
        for m in mentions:
            end = m.end
            while end < len(text) and text[end] in " \xa0":
                end += 1
            self._mention_ends[end] = m.region_id
        self._places = self._collect(mentions)
        # names of places the gazetteer cannot tell apart ("Yiwu"): no region, still a name
        self._ambiguous = [(m.start, m.end) for m in mentions if not m.region_id and m.candidates]
        self._starts = [p.start for p in self._places]
        self._place_starts_set = set(self._starts)
        self.doc_topic = self._doc_topic()

    # -- building -------------------------------------------------------------------------
    def _sentence_of(self, pos: int) -> tuple[int, int]:
        idx = bisect_left(self.sentences, (pos + 1, -1)) - 1
        return self.sentences[idx] if idx >= 0 else (0, len(self.text))

    def _in_name(self, m: Mention) -> bool:
        text = self.text
        s_start, _ = self._sentence_of(m.start)
        line_start = self._line_starts[bisect_right(self._line_starts, m.start) - 1]
        title = self._title_lines.get(line_start)
        if title is None:
            line_end = text.find("\n", m.end)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            title = self._title_lines[line_start] = len(line) < 200 and is_title_case(line)
        if title:
            return False
        after = text[m.end : m.end + 30]
        if CJK_DATELINE_AFTER_RE.match(after):
            return True  # 长沙10月20日电: a dateline
        gap = len(after) - len(after.lstrip(" \xa0"))
        # "Shenzhen Futian District": a place followed by one of its sub-places is no name.
        if self._nested(m.region_id, self._mention_starts.get(m.end + gap)) or self._nested(
            self._mention_ends.get(m.start), m.region_id
        ):
            return False
        if NAME_AFTER_RE.match(after):
            return not POSSESSIVE_RE.match(after)
        if text[m.start - 1 : m.start] == "(" and COMPANY_AFTER_RE.match(after):
            return True
        before = text[max(s_start, m.start - 25) : m.start]
        prev = CAPITALIZED_BEFORE_RE.search(before) if before[-1:].isspace() else None
        return bool(
            prev
            and prev.group(1) not in NAME_FUNCTION_WORDS
            and not prev.group(1).endswith(("'s", "’s"))
        )

    def _nested(self, outer: str | None, inner: str | None) -> bool:
        if outer is None or inner is None or outer == inner:
            return False
        return any(r.id == outer for r in self.gz.chain(inner))

    def name_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of Chinese place names and anaphors starting in ``text[start:end]``, sorted,
        including names the gazetteer could not resolve: what a metric phrase must not keep."""
        spans = [(p.start, p.end) for p in self.places_in(start, end) if self._usable(p.region)]
        spans += [(a, b) for a, b in self._ambiguous if start <= a < end]
        return sorted(spans)

    def _usable(self, region: Region) -> bool:
        usable = self._usable_ids.get(region.id)
        if usable is None:
            chain = self.gz.chain(region.id)
            # China and the places in it; abroad, a state or city ("Bavaria's exports"), never
            # a foreign country: that is a partner or a comparand in these stories
            usable = bool(chain) and chain[-1].level == "country"
            usable = usable and (chain[-1].id == "CN" or region.level != "country")
            usable = usable and all(r.level != "macro" for r in chain)
            self._usable_ids[region.id] = usable
        return usable

    def _collect(self, mentions: list[Mention]) -> list[Place]:
        places: list[Place] = []
        for m in mentions:
            if not m.region_id:
                continue
            region = self.gz.get(m.region_id)
            if region is None:
                continue
            office = self.text[m.end + 1 : m.end + 2].isupper() and (
                EN_OFFICE_AFTER_RE.match(self.text, m.end, m.end + 60) is not None
            )
            if not office and self._in_name(m):
                continue
            if DOLLAR_AFTER_RE.match(self.text, m.end, m.end + 10):
                continue  # "US$", "US dollars"
            poss = bool(POSSESSIVE_RE.match(self.text, m.end, m.end + 3))
            org = office or (
                not self.text[m.end : m.end + 1].isascii()
                and CJK_ORG_AFTER_RE.match(self.text, m.end, m.end + 30) is not None
            )
            compared = self._compared(m.start)
            places.append(Place(m.start, m.end, region, poss, False, "", compared, org))
        mentioned = list(places)
        for a in ANAPHOR_FOLDED_RE.finditer(fold_case(self.text)):
            resolved = self._resolve_anaphor(a.group("noun").lower(), a.start(), mentioned)
            if resolved is not None:
                noun = a.group("noun").lower()
                places.append(
                    Place(a.start(), a.end(), resolved, bool(a.group("poss")), True, noun)
                )
        places.sort(key=lambda p: p.start)
        return places

    def _resolve_anaphor(self, noun: str, pos: int, mentioned: list[Place]) -> Region | None:
        """Region of "the <noun>" at ``pos``: from the last place mentioned before it that is
        or lies in a region of that level (``mentioned`` is sorted)."""
        if noun in ("country", "nation"):
            return self._china
        targets = self._anaphor_targets.get(noun)
        if targets is None:
            starts: list[int] = []
            regions: list[Region] = []
            for place in mentioned:
                # "the second city after Shanghai. The city's GDP ...": not the compared city
                region = None if place.comparand else self._of_level(place, noun)
                if region is not None:
                    starts.append(place.start)
                    regions.append(region)
            targets = self._anaphor_targets[noun] = (starts, regions)
        i = bisect_left(targets[0], pos) - 1
        return targets[1][i] if i >= 0 else None

    def _of_level(self, place: Place, noun: str) -> Region | None:
        levels = NOUN_LEVELS[noun]
        for region in self.gz.chain(place.region.id):
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
        chain = self.gz.chain(region.id)
        return bool(chain) and chain[-1].id == "CN"

    def _doc_topic(self) -> Region | None:
        counts: Counter[str] = Counter()
        first: dict[str, Region] = {}
        previous: Place | None = None
        for p in self._places:
            # a place that only locates the one before it ("Pudong New Area in Shanghai") or
            # scopes a rank ("the only district in Shanghai") is not what the story is about
            locating = (
                previous is not None
                and LOCATING_GAP_RE.fullmatch(self.text, previous.end, p.start) is not None
                and self._nested(p.region.id, previous.region.id)
            )
            previous = p
            if locating or not self._candidate(p):
                continue
            if self._destination(p, self._sentence_of(p.start)[0]) and not FROM_BEFORE_RE.search(
                self.text, max(0, p.start - 8), p.start
            ):
                continue  # "shipments to China": where goods go ("exports from Bavaria" stay)
            if self._usable(p.region) and not p.comparand:
                counts[p.region.id] += 1
                first.setdefault(p.region.id, p.region)
        if not counts:
            return self._dateline()
        best = max(counts.values())
        for rid, region in first.items():
            if counts[rid] == best:
                return region
        return None

    def _dateline(self) -> Region | None:
        """The place of a wire dateline ("MUNICH --", "CHENNAI:", "HAIKOU, Jan. 21"): the
        story's place when the text names no other."""
        m = DATELINE_RE.match(self.text)
        if m is None:
            return None
        region = self.gz.resolve(m.group("place").title()).region
        return region if region is not None and self._usable(region) else None

    # -- attribution ----------------------------------------------------------------------
    def places_in(self, start: int, end: int) -> list[Place]:
        """Accepted places within ``text[start:end]``."""
        starts = self._starts
        i = bisect_left(starts, start)
        return self._places[i : bisect_left(starts, end, i)]

    def _candidate(self, place: Place) -> bool:
        ok = self._candidates.get(id(place))
        if ok is None:
            before = self.text[max(0, place.start - 40) : place.start]
            folded = fold_case(before)
            ok = self._usable(place.region) and not (
                (RANK_SCOPE_GATE_RE.search(folded) and RANK_SCOPE_FOLDED_RE.search(folded))
                or (("%" in before or "cent" in before) and SHARE_OF_RE.search(before))
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
            before = self.text[max(s_start, place.start - 36) : place.start]
            hit = bool(DESTINATION_RE.search(before))
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

    def _compared(self, start: int) -> str:
        """What :attr:`Place.comparand` says of a place name starting at ``start``."""
        words = self.text[max(0, start - 24) : start].lower().split()
        if words and words[-1] == "the":
            words.pop()
        if not words or words[-1] not in COMPARAND_LAST_WORDS:
            return ""
        # "of" and "to" end many phrases: only "than that of", "ahead of", "second only to"
        if words[-1] in ("of", "to") and (len(words) < 2 or words[-2] not in _BEFORE_OF_TO):
            return ""
        found = COMPARAND_RE.search(self.text, max(0, start - 60), start)
        return "" if found is None else ("own" if found.group("own") else "other")

    def enumeration(self, start: int, end: int) -> list[Place]:
        """Places listed in a sentence naming three or more distinct regions, else []."""
        cached = self._enumerations.get((start, end))
        if cached is not None:
            return cached
        places = [p for p in self.places_in(start, end) if not p.anaphor and self._usable(p.region)]
        ids = {p.region.id for p in places}
        if len(ids) >= 3:
            # "Wuhan, capital of central China's Hubei Province": places that contain another
            # one of the sentence locate it; only the innermost ones can make a list.
            outer = {r.id for rid in ids for r in self.gz.chain(rid)[1:]}
            ids -= outer
        if len(ids) < 3:
            places = []
        self._enumerations[start, end] = places
        return places

    def lowest_common(self, places: list[Place]) -> Region | None:
        """Deepest region containing all ``places``, unless that is only the country."""
        chains = [[r.id for r in self.gz.chain(rid)] for rid in {p.region.id for p in places}]
        common = set(chains[0]).intersection(*chains[1:]) if chains else set()
        for rid in chains[0] if chains else []:
            if rid in common:
                region = self.gz.get(rid)
                if region is None or region.level in ("country", "macro"):
                    return None
                return region
        return None

    def update_topic(self, topic: Region | None, start: int, end: int) -> Region | None:
        """Topic after reading sentence ``text[start:end]``."""
        if not self.places_in(start, end):
            return topic
        sentence = self.text[start:end]
        if EXAMPLE_RE.match(sentence) or self.enumeration(start, end):
            return topic
        lead = LEAD_ADVERBIAL_RE.match(sentence)
        head_end = start + (lead.end() if lead else 0) + 40
        located = -1  # start of a place named right after "China's": the story's place
        for place in self.places_in(start, end):
            if place.start == located and self._usable(place.region):
                # "Harbin, capital of northeast China's Heilongjiang Province": the province
                # locates the city the sentence is about, which stays the topic
                if topic is None or not self._nested(place.region.id, topic.id):
                    topic = place.region
                continue
            if not self._candidate(place) or self._destination(place, start) or place.comparand:
                continue
            if place.possessive and place.region.level == "country" and not place.anaphor:
                gap = POSSESSIVE_GAP_RE.match(self.text, place.end, end)
                if gap is not None and gap.end() in self._place_starts_set:
                    located = gap.end()  # "northwest China's Qinghai Province"
                    continue
            if place.anaphor:
                if place.noun in ("country", "nation") and self._within(topic):
                    continue  # "topped the country's rankings": a scope, not a new topic
                topic = self._anaphor_region(place, topic)
            elif place.possessive or place.start < head_end or self._in_new_place(place, topic):
                topic = place.region
        return topic

    def _in_new_place(self, place: Place, topic: Region | None) -> bool:
        """Whether "in <place>" moves the story there: not when the place contains the topic
        ("the only district in Shanghai" in a story about Pudong)."""
        if not IN_BEFORE_RE.search(self.text, max(0, place.start - 20), place.start):
            return False
        return topic is None or not self._nested(place.region.id, topic.id)

    def _within(self, topic: Region | None) -> bool:
        """Whether ``topic`` is a place inside the country (not the country itself)."""
        return topic is not None and topic.level != "country" and self._usable(topic)

    def _anaphor_region(self, place: Place, topic: Region | None) -> Region:
        """What "the province" means here: the topic's own province when the story is about
        one ("Henan ... second only to Heilongjiang. The province's wheat ..."), else the
        last province named before it."""
        noun = place.noun
        if topic is None or noun not in NOUN_LEVELS:
            return place.region
        key = (noun, topic.id)
        if key not in self._topic_levels:
            self._topic_levels[key] = next(
                (
                    r
                    for r in self.gz.chain(topic.id)
                    if r.level in NOUN_LEVELS[noun] and self._usable(r)
                ),
                None,
            )
        return self._topic_levels[key] or place.region

    def region_at(self, pos: int, start: int, end: int, topic: Region | None) -> Region | None:
        """Region of a figure at ``pos`` in the sentence ``text[start:end]``."""
        places, starts = self._attributable(start, end)
        i = bisect_left(starts, pos) - 1
        if i >= 0:
            chosen = places[i]
            # "Songjiang District in southwest Shanghai reported ...", "Chengdu, capital of
            # Sichuan Province, reached ...": a plain mention of an ancestor locates the
            # place named before it; the figure is about the more specific one. A possessive
            # ("Sichuan Province's exports") still names its own figure.
            if not chosen.possessive and not chosen.anaphor and not chosen.comparand:
                # A locating ancestor follows its place closely; looking back a bounded
                # distance keeps a sentence of thousands of places linear.
                for j in range(i - 1, -1, -1):
                    earlier = places[j]
                    if chosen.start - earlier.end > LOCATING_REACH or CLAUSE_BREAK_RE.search(
                        self.text, earlier.end, chosen.start
                    ):
                        break
                    if self._nested(chosen.region.id, earlier.region.id):
                        chosen = earlier
                        break
            if not chosen.anaphor:
                return chosen.region
            region = self._anaphor_region(chosen, topic)
            # "Shenzhen, the province's tech hub, saw ...": an appositive locates the place.
            if i > 0 and APPOSITIVE_GAP_RE.fullmatch(self.text, places[i - 1].end, chosen.start):
                earlier = places[i - 1]
                if self._nested(region.id, earlier.region.id):
                    return earlier.region
            return region
        listed = self.enumeration(start, end)
        if listed:
            # Every figure of a listing sentence asks the same: answer once per sentence.
            if (start, end) not in self._common:
                self._common[start, end] = self.lowest_common(listed)
            return self._common[start, end]
        return self._located_after(pos, places, starts, topic) or topic

    def _located_after(
        self, pos: int, places: list[Place], starts: list[int], topic: Region | None
    ) -> Region | None:
        """With no place before the figure: a place inside the topic named after it in the
        sentence behind "in" or "at" ("500 companies are registered in Kunming")."""
        first = bisect_left(starts, pos)
        for place in places[first : first + 8]:  # the next few places: a clause, not a book
            if place.anaphor or place.region.level == "country":
                continue
            if not LOCATIVE_BEFORE_RE.search(self.text, max(0, place.start - 4), place.start):
                continue
            if topic is None or self._nested(topic.id, place.region.id):
                return place.region
        return None

    def _attributable(self, start: int, end: int) -> tuple[list[Place], list[int]]:
        """Places of the sentence that a figure after them can be about, and their starts."""
        found = self._attributables.get((start, end))
        if found is None:
            listed = {id(p) for p in self.enumeration(start, end)}
            places = [
                p
                for p in self.places_in(start, end)
                if id(p) not in listed
                and not p.org
                and self._candidate(p)
                and not self._destination(p, start)
                # "faster than Sichuan's 5 percent" is Sichuan's figure; "after Shanghai" is not
                and (p.possessive or p.comparand != "other")
            ]
            found = self._attributables[start, end] = (places, [p.start for p in places])
        return found
