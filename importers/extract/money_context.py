"""Whose dollar: a bare "$", "dollars" or "cents" read from the document's context.

A "$" is the sign of a dozen dollars. Hong Kong, Canadian, Australian, New Zealand, Singapore
and Taiwanese stories write their own dollar as "$" and the American one as "US$": the sign
is read as the story's dollar when the text says where it is (its place named in the opening
lines, or named more than the United States and at least twice), else as the US dollar. Every
figure read this way says so in its notes. Cents follow the dollar, or the euro in a document
whose only money is euros.

Non-goals: exchange rates, a "$" whose story moves between two dollar countries.
"""

from __future__ import annotations

import re
from collections import Counter

from factscope.db.models import Fact

# The places whose own dollar is written "$", by the cues that name them (data: add a place
# with its cues and ISO 4217 code), and the gazetteer's country ids of the same places.
DOLLAR_PLACES: dict[str, tuple[str, str]] = {
    "HKD": ("Hong Kong", r"Hong\s+Kong|Kowloon|HKSAR"),
    "CAD": ("Canadian", r"Canad(?:a|ian)|Ottawa|Toronto|Montreal|Vancouver|Alberta|Ontario|Quebec"),
    "AUD": ("Australian", r"Australian?|Sydney|Melbourne|Canberra|Queensland|Brisbane"),
    "NZD": ("New Zealand", r"New\s+Zealand|Auckland|Wellington"),
    "SGD": ("Singapore", r"Singapore(?:an)?"),
    "TWD": ("Taiwan", r"Taiwan(?:ese)?|Taipei"),
}
HOME_COUNTRIES: dict[str, str] = {
    "HK": "HKD", "CA": "CAD", "AU": "AUD", "NZ": "NZD", "SG": "SGD", "TW": "TWD",
}  # fmt: skip
_US_RE = re.compile(r"\b(?:United\s+States|U\.S\.|US|America(?:n)?|Washington)\b")
# every place's cues in one pattern, a group per place: one scan of the text counts them all
_CUES_RE = re.compile(
    r"\b(?:"
    + "|".join(f"(?P<{code}>{cues})" for code, (_, cues) in DOLLAR_PLACES.items())
    + r")\b",
    re.IGNORECASE,
)
OPENING = 300
"""Characters of the opening lines (headline, dateline) where a place named sets the story."""
_BARE_WORD_RE = re.compile(r"(\S+)\s+(?:dollars?|cents?)$")
_CENTS_RE = re.compile(r"\bcents?$")
_NAMED_DOLLAR = frozenset({"US", "U.S.", "American", "USD", "euro", "Euro"})


def _bare_dollar(quote: str) -> bool:
    """Whether a quote read as USD names its currency only by a bare sign or word ("$5",
    "5 million dollars", "60 cents"), not the US dollar itself ("US$5", "$US5", "5 US
    dollars", "74 US cents")."""
    quote = quote.rstrip(" .,")
    if quote.startswith("$"):
        return not quote.startswith("$US")
    m = _BARE_WORD_RE.search(quote)
    return m is not None and m.group(1) not in _NAMED_DOLLAR


def story_dollar(text: str, home: str | None = None) -> str | None:
    """The ISO code of the dollar ``text`` is about (a Hong Kong story: HKD), or None when it
    names no dollar place enough to say so: one place in the opening lines, or one named at
    least twice and more than any other and than the United States. ``home`` is the
    gazetteer's country of a story abroad, when the region reader knows it."""
    if home in HOME_COUNTRIES:
        return HOME_COUNTRIES[home]
    counts: Counter[str] = Counter()
    opening: set[str] = set()
    for m in _CUES_RE.finditer(text):
        code = str(m.lastgroup)
        counts[code] += 1
        if m.start() < OPENING:
            opening.add(code)
    if len(opening) == 1:
        return opening.pop()
    ranked = [*counts.most_common(2), ("", 0), ("", 0)]
    (code, best), (_, second) = ranked[0], ranked[1]
    if best >= 2 and best > second and best > len(_US_RE.findall(text)):
        return code
    return None


def dollar_signs(facts: list[Fact], text: str, home: str | None = None) -> list[Fact]:
    """``facts`` with each bare "$", "dollars" and "cents" read as the story's dollar (see the
    module's docstring), with a note saying how it was read."""
    bare = [i for i, f in enumerate(facts) if f.unit == "USD" and _bare_dollar(f.quote)]
    if not bare:
        return facts
    code = story_dollar(text, home)
    units = {f.unit for f in facts}
    out = list(facts)
    for i in bare:
        fact = facts[i]
        if code is not None:
            unit, note = code, f"'$' read as {code}: a {DOLLAR_PLACES[code][0]} story"
        elif _CENTS_RE.search(fact.quote) and "EUR" in units and "$" not in text:
            unit, note = "EUR", "cents read as euro cents: the document's money is euros"
        else:
            unit, note = "USD", "'$' read as US dollars: the text names no other dollar"
        notes = f"{fact.notes}; {note}" if fact.notes else note
        out[i] = fact.model_copy(update={"unit": unit, "notes": notes})
    return out
