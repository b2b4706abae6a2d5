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

from bisect import bisect_left

from factscope.db.models import Region
from factscope.importers.gazetteer import Gazetteer

from .ranks import OrdinalHits
from .region_cues import (
    APPOSITIVE_GAP_RE,
    CLAUSE_BREAK_RE,
    DATELINE_RE,
    EXAMPLE_RE,
    FROM_BEFORE_RE,
    IN_BEFORE_RE,
    LEAD_ADVERBIAL_RE,
    LOCATING_GAP_RE,
    LOCATING_REACH,
    LOCATIVE_BEFORE_RE,
    NOUN_LEVELS,
    PAREN_GAP_RE,
    POSSESSIVE_GAP_RE,
)
from .region_places import Place, PlaceIndex


class RegionTracker(PlaceIndex):
    """Attributes figures of one document to regions; build once per document."""

    def __init__(
        self,
        text: str,
        gazetteer: Gazetteer,
        sentences: list[tuple[int, int]],
        folded: str | None = None,
        ordinals: OrdinalHits | None = None,
    ) -> None:
        super().__init__(text, gazetteer, sentences, folded, ordinals)
        self.doc_topic = self._doc_topic()
        if self.doc_topic is not None:
            country = self.gz.lineage(self.doc_topic.id)[-1]
            if country.id != "CN":
                self.set_home_abroad(country.id)

    # -- the story's place ------------------------------------------------------------------
    def _doc_topic(self) -> Region | None:
        """The story's place: the region counted most often (its first counted mention breaks
        a tie), an office's place ("Zhengzhou Customs") only where no other place counts.

        A region counts at most its usable mentions that are no comparand, so the regions are
        tallied most-mentioned first and the rest skipped once none can reach the best count
        (the checks of a mention are the costly part; most stories dwell on one place)."""
        mentioned: dict[str, list[int]] = {}  # region id -> indexes of its countable places
        known = self._usable_ids  # what _usable has decided: most places repeat a region
        for i, p in enumerate(self._places):
            if p.comparand:
                continue
            region = p.region
            usable = known.get(region.id)
            if usable or (usable is None and self._usable(region)):
                mentioned.setdefault(region.id, []).append(i)
        best = 0  # the most mentions counted for one region, offices aside
        tallies: list[tuple[int, int, int, Region]] = []  # (counted, offices, first, region)
        for indexes in sorted(mentioned.values(), key=len, reverse=True):
            if len(indexes) < best:
                break  # no region from here on can reach ``best``
            tally = self._topic_tally(indexes)
            if tally[0] > best:  # a conditional, not max(): no call parsing arguments
                best = tally[0]
            tallies.append(tally)
        # (count, first, region); offices count only when no other place does
        scores = [(t[0] if best else t[1], t[2], t[3]) for t in tallies]
        top = max((n for n, _, _ in scores), default=0)
        if not top:
            return self._dateline()
        return min((s for s in scores if s[0] == top), key=lambda s: s[1])[2]

    def _topic_tally(self, indexes: list[int]) -> tuple[int, int, int, Region]:
        """For the places at ``indexes`` (one region's): how many count towards the story's
        place, how many of those name an office, the index of the first that counts (or
        ``len(places)``), and the region."""
        places, text = self._places, self.text
        counted = offices = 0
        first = len(places)
        for i in indexes:
            p = places[i]
            start = p.start
            # a place that only locates the one before it ("Pudong New Area in Shanghai") or
            # scopes a rank ("the only district in Shanghai") is not what the story is about
            if i > 0:
                previous = places[i - 1]
                if (
                    start - previous.end <= 12
                    and LOCATING_GAP_RE.fullmatch(text, previous.end, start) is not None
                    and self._nested(p.region.id, previous.region.id)
                ):
                    continue
            if not self._candidate(p):
                continue
            # re reads a negative pos as 0
            if self._destination(p, self._sentence_of(start)[0]) and not FROM_BEFORE_RE.search(
                text, start - 8, start
            ):
                continue  # "shipments to China": where goods go ("exports from Bavaria" stay)
            if p.org:
                offices += 1
            else:
                counted += 1
            if i < first:
                first = i
        return counted, offices, first, places[indexes[0]].region

    def _dateline(self) -> Region | None:
        """The place of a wire dateline ("MUNICH --", "CHENNAI:", "HAIKOU, Jan. 21"): the
        story's place when the text names no other."""
        m = DATELINE_RE.match(self.text)
        if m is None:
            return None
        region = self.gz.resolve(m.group("place").title()).region
        return region if region is not None and self._usable(region) else None

    # -- attribution ----------------------------------------------------------------------
    def enumeration(self, start: int, end: int) -> list[Place]:
        """Places listed in a sentence naming three or more distinct regions, else []."""
        cached = self._enumerations.get((start, end))
        if cached is not None:
            return cached
        places = self.places_in(start, end)
        if len(places) >= 3:  # most sentences name fewer: no place to weigh
            places = [p for p in places if not p.anaphor and self._usable(p.region)]
        if len(places) < 3:  # fewer than three places name fewer than three regions
            self._enumerations[start, end] = []
            return []
        ids = {p.region.id for p in places}
        if len(ids) >= 3:
            # "Wuhan, capital of central China's Hubei Province": places that contain another
            # one of the sentence locate it; only the innermost ones can make a list.
            outer = {r.id for rid in ids for r in self.gz.lineage(rid)[1:]}
            ids -= outer
        if len(ids) < 3:
            places = []
        self._enumerations[start, end] = places
        return places

    def lowest_common(self, places: list[Place]) -> Region | None:
        """Deepest region containing all ``places``, unless that is only the country."""
        chains = [[r.id for r in self.gz.lineage(rid)] for rid in {p.region.id for p in places}]
        common = set(chains[0]).intersection(*chains[1:]) if chains else set()
        for rid in chains[0] if chains else []:
            if rid in common:
                region = self.gz.get(rid)
                if region is None or region.level in ("country", "macro"):
                    return None
                return region
        return None

    def follow(self, topic: Region | None, unread: list[tuple[int, int]]) -> Region | None:
        """Topic after reading the sentences of ``unread`` (then emptied). The topic lasts to
        the end of its paragraph, so a sentence read only when a later figure asks for the
        topic costs nothing when none does (half the sentences with places in the seeds)."""
        for start, end in unread:
            topic = self.update_topic(topic, start, end)
        unread.clear()
        return topic

    def update_topic(self, topic: Region | None, start: int, end: int) -> Region | None:
        """Topic after reading sentence ``text[start:end]``."""
        places = self.places_in(start, end)
        if not places:
            return topic
        # match() at ``start`` reads the sentence as a slice would: neither pattern looks back
        if EXAMPLE_RE.match(self.text, start, end) or self.enumeration(start, end):
            return topic
        lead = LEAD_ADVERBIAL_RE.match(self.text, start, end)
        head_end = (lead.end() if lead else start) + 40
        located = -1  # start of a place named right after "China's": the story's place
        by_org = False  # the topic was set in this sentence by an office's name only
        for place in places:
            if place.start == located and self._usable(place.region):
                # "Harbin, capital of northeast China's Heilongjiang Province": the province
                # locates the city the sentence is about, which stays the topic; not a city
                # that only names the office ("Zhengzhou Customs said ... Henan's trade")
                if topic is None or by_org or not self._nested(place.region.id, topic.id):
                    topic, by_org = place.region, False
                continue
            if (
                place.possessive
                and place.region.level in ("country", "macro")
                and not place.anaphor
                and not self._destination(place, start)
            ):
                gap = POSSESSIVE_GAP_RE.match(self.text, place.end, end)
                if gap is not None and gap.end() in self._place_starts_set:
                    located = gap.end()  # "northwest China's Qinghai", "East China's Zhejiang"
                    continue
            if not self._candidate(place) or self._destination(place, start) or place.comparand:
                continue
            if place.anaphor:
                if place.noun in ("country", "nation") and self._within(topic):
                    continue  # "topped the country's rankings": a scope, not a new topic
                topic = self._anaphor_region(place, topic)
            elif place.possessive or place.start < head_end or self._in_new_place(place, topic):
                topic, by_org = place.region, place.org
        return topic

    def _in_new_place(self, place: Place, topic: Region | None) -> bool:
        """Whether "in <place>" moves the story there: not when the place contains the topic
        ("the only district in Shanghai" in a story about Pudong)."""
        if not IN_BEFORE_RE.search(self.text, place.start - 20, place.start):  # pos < 0: 0
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
                    for r in self.gz.lineage(topic.id)
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
            # "Texas ($289.0 billion); California ($174.1 billion)": each its place's figure
            k = bisect_left([p.start for p in listed], pos) - 1
            if k >= 0 and PAREN_GAP_RE.fullmatch(self.text, listed[k].end, pos):
                return listed[k].region
            if k == 0 and listed[0].possessive and len(listed) > 1:
                # "New Mexico's exports grew fastest (42.5%), followed by Arkansas ...": the
                # subject's figure comes before the rest of the list
                return listed[0].region
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
            if not LOCATIVE_BEFORE_RE.search(self.text, place.start - 4, place.start):
                continue
            if topic is None or self._nested(topic.id, place.region.id):
                return place.region
        return None

    def _attributable(self, start: int, end: int) -> tuple[list[Place], list[int]]:
        """Places of the sentence that a figure after them can be about, and their starts."""
        found = self._attributables.get((start, end))
        if found is None:
            places = self.places_in(start, end)
            enumerated = self.enumeration(start, end)
            if enumerated:  # most sentences list none
                listed = {id(p) for p in enumerated}
                places = [p for p in places if id(p) not in listed]
            places = [
                p
                for p in places
                if not p.org
                and self._candidate(p)
                and not self._destination(p, start)
                # "faster than Sichuan's 5 percent" is Sichuan's figure; "after Shanghai" is not
                and (p.possessive or p.comparand != "other")
            ]
            found = self._attributables[start, end] = (places, [p.start for p in places])
        return found
