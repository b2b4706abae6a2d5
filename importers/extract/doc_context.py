"""The period of a whole article: what figures that state no period of their own refer to.

A news story or release states its period once — in the headline, the dateline paragraph or
the first sentence with figures ("in the first nine months of this year") — and the figures
of the following sentences and paragraphs continue it until another period is stated.
:class:`PeriodContext` follows that thread through a document: every sentence that states a
period (with figures or without: a headline often has none) sets it, and a sentence that
turns to the present stock ("so far", "to date", "at present") ends it, since what follows
such a sentence is no longer a flow of the stated period.

Reference phrases ("during the period", "in the same period", "for the said period", 同期)
name the context outright; "over the past six months" and "in the past three years" count
back from it, or from the publication date when the article stated no period.

Every period taken from the context carries a note saying where it came from, so a reader of
the Facts pane can tell a stated period from an inferred one.

Non-goals: periods of tables; a story that interleaves two periods sentence by sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass

from factscope.importers.lexicon import en
from factscope.importers.lexicon.common import IDEOGRAPH_RE, alternation

from ._fold import folded_pattern
from .periods import COUNT_WORDS, Period
from .text_index import year_offsets

# a headline: one short line with no full stop at its end
_HEADLINE_MAX = 160
_SENTENCE_END = (".", "。", "!", "?", "！", "？", ":", "：")
# "over the past six months", "in the last three years", "over the past decade"
_SPAN_BACK_RE = re.compile(
    r"(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?:(?P<n>\d{1,2}|\w+)\s+)?"
    r"(?P<unit>months?|years?|decades?)\b",
    re.IGNORECASE,
)
# A turn to the present stock: figures after it are no flows of the stated period.
_STOCK_TURN_RE = folded_pattern(  # used on folded text: a case-sensitive scan is faster
    re.compile(
        r"(?<![a-z])(?:so\s+far|to\s+date|at\s+present|as\s+of\s+now|up\s+to\s+now)\b"
        r"|截至目前|迄今",
        re.IGNORECASE,
    )
)
# "so far" is found from its "far" (_so_far): "so" begins or ends too many words
_STOCK_LEADS = ("to date", "at present", "as of now", "up to now", "截至目前", "迄今")
_STOCK_LEADS_EN = tuple(lead for lead in _STOCK_LEADS if lead.isascii())
# A share stated in the present simple ("the zone contributes 90% of the city's trade",
# "services account for half"): a standing fact of the place, not a flow of the stated period.
_STANDING_SHARE_RE = re.compile(
    r"\b(?:accounts|contributes|makes\s+up|represents|constitutes|takes\s+up)\b", re.IGNORECASE
)
# The year a figure is compared with ("from 2014", "compared with the same period in 2020",
# "较2022年同期"): with no publication date, the figures are of the year after it.
_COMPARED_BEFORE_RE = re.compile(
    r"(?:\b(?:(?:same|corresponding)\s+(?:period|months?|quarter|time)\s+(?:of|in)|"
    r"(?:from|over|compared\s+(?:with|to)|than)(?:\s+(?:that|those)\s+(?:of|in)|\s+in)?)\s+"
    r"|[较比同])$",
    re.IGNORECASE,
)
_COMPARED_WORDS = ("from", "over", "than", "same", "corresponding", "compared", "From", "Over")
_ZH_COMPARED = ("较", "比", "同")
_SPAN_AFTER_RE = re.compile(r"\s*(?:to|through|and|-|–)\s*(?:19|20)?\d\d", re.IGNORECASE)
_LAST_YEAR_RE = re.compile(r"\blast\s+year\b|去年|上年", re.IGNORECASE)
# "1,200 companies now operate in the district", "now links nine cities": a stock as of the
# article, dated like its flows (the real-dev convention: "exports now account for 3.3%")
_NOW_RE = re.compile(r"\bnow\b(?!\s+(?:that|than))", re.IGNORECASE)
# Words that can state a period in a sentence with no number (folded text): a headline's "in
# first half of this year", "In October, ..."; "may" and "march" the verbs are left out, and
# Chinese periods are looked for in any sentence with Chinese
_NOUN_MONTHS = tuple(m.lower() for m in en.MONTH_NAMES if m.lower() not in en.VERB_MONTHS)
_WORD_PERIOD_RE = re.compile(
    r"(?<![a-z])(?:(?:first|second|third|fourth)\s+(?:half|quarter|\w+\s+(?:months|"
    rf"quarters))|h[12]\b|(?:{alternation(_NOUN_MONTHS)}|this\s+year|last\s+year|the\s+year)\b)"
)
# Tried only where a lead occurs (``_led_by``), so its leading look-behind costs nothing: a
# class-led form scanned by ``re`` itself ("f(?<![a-z].)(?:irst|ourth)...") measured 19
# against 11 ms/MB for the str.find of the leads on the seeds.
_WORD_PERIOD_LEADS = (
    "first", "second", "third", "fourth", "h1", "h2", *_NOUN_MONTHS, "this year", "last year",
    "the year",
)  # fmt: skip
# Leads that share an end are found through it ("september" ... "december" by "ber"). Not
# "year" ("this year", ...): its many hits ("year on year") cost more than the scans spared.
_SHARED_ENDS = ("ber", "uary")
_IDEOGRAPH_RE = IDEOGRAPH_RE
_SPAN_RE = re.compile(r"(\d{4})-(\d\d)/(\d{4})-(\d\d)")
_YEARS_RE = re.compile(r"(\d{4})/(\d{4})")


@dataclass
class PeriodContext:
    """The period stated last in a document, with its wording and where it was stated."""

    value: str | None = None
    text: str | None = None
    paragraph: int = -1
    """Index of the paragraph that stated it (-1: none yet)."""
    sentence: int = -1
    main: tuple[str | None, str | None, int, int] | None = None
    """While an aside holds ("In August alone, ..."), the period it interrupted."""

    def state(self, period: Period, paragraph: int, sentence: int, aside: bool = False) -> None:
        """A sentence stated ``period``: it is the context from now on. An ``aside`` ("In
        August alone") holds for the rest of its paragraph only; then the period it
        interrupted ("the first eight months") is the context again."""
        if not period.value:
            return
        if aside and self.main is None:
            self.main = (self.value, self.text, self.paragraph, self.sentence)
        elif not aside:
            self.main = None
        self.value, self.text = period.value, period.text
        self.paragraph, self.sentence = paragraph, sentence

    def new_paragraph(self, paragraph: int) -> None:
        """A new paragraph starts: an aside of an earlier one ends."""
        if self.main is not None and paragraph != self.paragraph:
            self.value, self.text, self.paragraph, self.sentence = self.main
            self.main = None

    def end(self) -> None:
        """The text turned to the present stock: no period carries past this point."""
        self.value = self.text = self.main = None
        self.paragraph = self.sentence = -1

    def note(self, paragraph: int, sentence: int) -> str:
        """Where a carried period came from, for the fact's ``notes``."""
        where = "an earlier sentence"
        if self.paragraph == 0 and self.sentence == 0:
            where = "the headline" if paragraph > 0 else "the first sentence"
        elif self.paragraph < paragraph:
            where = "the first paragraph" if self.paragraph == 0 else "an earlier paragraph"
        return f"period carried from {where} ('{self.text}')"

    def resolve_span_back(self, wording: str, published: dt.date | None) -> str | None:
        """The period of "over the past six months" / "in the last three years": the stated
        period when it has that length, else the months or years before ``published``."""
        m = _SPAN_BACK_RE.search(wording)
        if m is None:
            return None
        raw, unit = (m.group("n") or "").lower(), m.group("unit").lower()
        if not raw and unit.endswith("s"):
            return None  # "over the past years": how many is not said
        n = int(raw) if raw.isdigit() else COUNT_WORDS.get(raw, 1 if not raw else 0)
        if unit.startswith("decade"):
            n, unit = 10 * n, "year"
        if not 1 <= n <= 50:
            return None
        if unit.startswith("month"):
            own = _SPAN_RE.fullmatch(self.value or "")
            same_year = own is not None and own.group(1) == own.group(3)
            if own and same_year and int(own.group(4)) - int(own.group(2)) + 1 == n:
                return self.value
            if published is None or n > 12:
                return None
            last = published.month - 1 or 12
            year = published.year if published.month > 1 else published.year - 1
            first = last - n + 1
            if first < 1:
                return None  # a span across a new year: no single-year period
            if first == last:
                return f"{year}-{last:02d}"  # "in the past month": one month
            return f"{year}-{first:02d}/{year}-{last:02d}"
        bounds = _year_bounds(self.value)
        if bounds is not None and bounds[1] - bounds[0] + 1 == n:
            return self.value  # "from 2013 to November 2017" ... "in the past five years"
        if published is None:
            return None
        return f"{published.year - n}/{published.year - 1}"


def _year_bounds(value: str | None) -> tuple[int, int] | None:
    """First and last year of a span of years ("2013/2017", "2013-01/2017-11")."""
    years = _YEARS_RE.fullmatch(value or "")
    if years:
        return int(years.group(1)), int(years.group(2))
    months = _SPAN_RE.fullmatch(value or "")
    if months and months.group(1) != months.group(3):
        return int(months.group(1)), int(months.group(3))
    return None


def headline_end(text: str, paragraphs: list[tuple[int, int]]) -> int:
    """End of the headline (0 if none): a first paragraph that is one short line without a
    full stop at its end, followed by more text ("Sichuan's foreign trade passes 800 billion
    yuan"). Its figures are of the period the article states below it."""
    if len(paragraphs) < 2:
        return 0
    start, end = paragraphs[0]
    if end - start > _HEADLINE_MAX:
        return 0
    line = text[start:end].rstrip()
    if len(line) > _HEADLINE_MAX or "\n" in line or line.endswith(_SENTENCE_END):
        return 0
    return end


def _led_by(folded: str, leads: tuple[str, ...], pattern: re.Pattern[str]) -> list[int]:
    """Sorted offsets where ``pattern`` matches in ``folded``, tried only where one of the
    literal ``leads`` occurs (str.find skips ahead far faster than a regex scan)."""
    found: list[int] = []
    for lead in leads:
        pos = folded.find(lead)
        while pos >= 0:
            if pattern.match(folded, pos):
                found.append(pos)
            pos = folded.find(lead, pos + 1)
    return sorted(found)


_Groups = tuple[tuple[str, tuple[str, ...]], ...]  # a literal to find, the leads it finds


def _by_ends(leads: tuple[str, ...], ends: tuple[str, ...]) -> _Groups:
    """``leads`` grouped by the first of ``ends`` each ends with (a lead with none of them is
    a group of its own): the literal to find, and the leads read back from each of its hits."""
    groups: dict[str, list[str]] = {}
    for lead in leads:
        groups.setdefault(next((e for e in ends if lead.endswith(e)), lead), []).append(lead)
    return tuple((anchor, tuple(group)) for anchor, group in groups.items())


def _led_by_ends(folded: str, groups: _Groups, pattern: re.Pattern[str]) -> list[int]:
    """What :func:`_led_by` finds for the leads of ``groups`` (:func:`_by_ends`), the leads
    that share an end found by one scan for it: a scan costs some 3 instructions a character."""
    found: list[int] = []
    match = pattern.match
    for anchor, leads in groups:
        alone = leads == (anchor,)  # a lead found by itself: its hits are its own
        at = folded.find(anchor)
        while at >= 0:
            if alone:
                if match(folded, at):
                    found.append(at)
            else:
                stop = at + len(anchor)
                for lead in leads:
                    pos = stop - len(lead)
                    if pos >= 0 and folded.startswith(lead, pos) and match(folded, pos):
                        found.append(pos)
            at = folded.find(anchor, at + 1)
    return sorted(found)


def stock_turns(folded: str, cjk: bool = True) -> list[int]:
    """Offsets of the words that turn a text to the present stock ("so far", 目前), found
    once per document in its folded text (see :func:`turns_to_stock`); ``cjk`` False says
    the text holds no ideograph, so the Chinese words are not looked for."""
    leads = _STOCK_LEADS if cjk else _STOCK_LEADS_EN
    return sorted(_led_by(folded, leads, _STOCK_TURN_RE) + _so_far(folded))


def _so_far(folded: str) -> list[int]:
    """Offsets of the "so" of each "so\\s+far" where ``_STOCK_TURN_RE`` matches: the "so"
    before the whitespace run that ends at a "far" ("so" itself is in "also", "some" ...)."""
    found: list[int] = []
    at = folded.find("far")
    while at >= 0:
        lo = at
        while lo > 0 and folded[lo - 1].isspace():  # str.isspace is re's \s
            lo -= 1
        if (
            2 <= lo < at
            and folded.startswith("so", lo - 2)
            and _STOCK_TURN_RE.match(folded, lo - 2)
        ):
            found.append(lo - 2)
        at = folded.find("far", at + 1)
    return found


def turns_to_stock(turns: list[int], start: int, end: int) -> bool:
    """Whether the sentence ``[start, end)`` speaks of the present stock ("so far"), given
    the document's :func:`stock_turns`."""
    i = bisect_left(turns, start)
    return i < len(turns) and turns[i] < end


def standing_share(text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` states a share in the present simple."""
    return _STANDING_SHARE_RE.search(text, start, end) is not None


def reference_year_from_comparison(text: str, years: list[int] | None = None) -> int | None:
    """For an undated text, the year "this year" denotes, read from the latest year its figures
    are compared with: "up 3% from 2014" states figures of 2015, and "last year" just before
    the comparison ("... last year, down 2.1% from 2014") makes 2015 the year before.
    ``years`` is the text's :func:`.text_index.year_offsets` if the caller has them."""
    best: tuple[int, int] | None = None
    for at in year_offsets(text) if years is None else years:
        if text[at - 1 : at].isdigit() or text[at + 4 : at + 5].isdigit():
            continue  # part of a longer number
        lo = max(0, at - 40)
        near = text[lo:at]
        if not (near.endswith(_ZH_COMPARED) or any(w in near for w in _COMPARED_WORDS)):
            continue  # a cheap look first: most years are no comparison
        if not _COMPARED_BEFORE_RE.search(text, lo, at):
            continue
        chinese = text[at - 1] in "较比同"
        if (chinese and not text.startswith("年", at + 4)) or (
            not chinese and _SPAN_AFTER_RE.match(text, at + 4)
        ):
            continue  # "比2020" with no 年, or "from 2016 to 2020": a span, no comparison
        year = int(text[at : at + 4])
        last = _LAST_YEAR_RE.search(text, max(0, at - 100), at) is not None
        if best is None or year > best[0]:
            best = (year, year + 2 if last else year + 1)
    return best[1] if best else None


def as_of_now(text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` states a stock as of now ("now operate")."""
    return text.find("now", start, end) >= 0 and _NOW_RE.search(text, start, end) is not None


def word_periods(folded: str, cjk: bool = True, ideographs: list[int] | None = None) -> list[int]:
    """Offsets in the folded text where a sentence without numbers may state a period (one
    scan per document; bisect them per sentence). A text with Chinese is searched wholly;
    ``cjk`` False says the text holds no ideograph, ``ideographs`` are their offsets if the
    caller has them (:func:`.text_index.ideograph_offsets`)."""
    found = _led_by_ends(folded, _WORD_PERIOD_GROUPS, _WORD_PERIOD_RE)
    if cjk and not folded.isascii():  # Chinese periods have no English lead: any ideograph
        if ideographs is None:
            ideographs = [m.start() for m in _IDEOGRAPH_RE.finditer(folded)]
        found = sorted(found + ideographs)
    return found


def stated_years(text: str, years: list[int] | None = None) -> list[int]:
    """Years stated as periods in the text ("in 2020", "2020's"), for guessing a reference;
    ``years`` is the text's :func:`.text_index.year_offsets` if the caller has them (a year
    after whitespace is never inside an earlier match, so those are all the candidates)."""
    leads = year_offsets(text) if years is None else years
    return [
        int(text[at : at + 4])
        for at in leads
        if _YEAR_WORD_RE.match(text, at) and _after_in_of_for(text, at)
    ]


_YEAR_WORD_RE = re.compile(r"(?:19[5-9]|20\d)\d\b")


def _after_in_of_for(text: str, pos: int) -> bool:
    """Whether ``text[:pos]`` ends with "in", "In", "of" or "for" and then whitespace."""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == pos:
        return False
    for word in ("in", "In", "of", "for"):
        start = end - len(word)
        if start >= 0 and text.startswith(word, start):
            before = text[start - 1] if start > 0 else " "
            return not (before.isalnum() or before == "_")
    return False


_WORD_PERIOD_GROUPS = _by_ends(_WORD_PERIOD_LEADS, _SHARED_ENDS)
