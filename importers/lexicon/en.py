"""English words of the extractor: months, scale words, qualifiers, growth verbs and nouns.

Every list is in the order its pattern tries the words. The patterns that read these lists
live beside the code that uses them (``importers/extract``); add a word here, then a case to
the table test of that module (CONTRIBUTING.md, "How to add a wording").
"""

from __future__ import annotations

MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
"""The months, capitalised as written, in calendar order."""

MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
"""Abbreviated months ("Sept. 3"), lower case; May has none."""

MONTHS: dict[str, int] = {
    name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)
} | MONTH_ABBREVIATIONS
"""Every lower-case month word (full and abbreviated) → its number."""

VERB_MONTHS = frozenset({"may", "march"})
"""Month names that are also common verbs: never a period cue on their own."""

SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tln": 1e12,
    "trn": 1e12, "tn": 1e12, "quadrillion": 1e15, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7,
    "crores": 1e7,
}  # fmt: skip
"""Scale words and abbreviations after a numeral → the factor ("3.2 bn", "5 lakh")."""

SPACED_SCALES: tuple[str, ...] = (
    "thousand", "million", "billion", "trillion", "quadrillion", "mln", "mn", "bln", "bn",
    "tln", "trn", "lakhs", "lakh", "crores", "crore",
)  # fmt: skip
"""The scale words read after a space ("3.2 billion", "5 lakh"): one letter is too little."""

GLUED_SCALES: tuple[str, ...] = ("bn", "mln", "bln", "tn", "trn", "m", "k", "b")
"""The scale abbreviations read glued to the digits ("3.2bn", "500k", "$31tn")."""

QUALIFIERS_BEFORE: dict[str, str] = {
    "about": "~", "around": "~", "approximately": "~", "approx.": "~", "nearly": "~",
    "almost": "~", "roughly": "~", "some": "~", "close to": "~", "an estimated": "~",
    "estimated": "~", "more than": ">", "over": ">", "above": ">", "exceeded": ">",
    "exceeding": ">", "exceeds": ">", "exceed": ">", "in excess of": ">", "upwards of": ">",
    "surpassed": ">", "surpassing": ">", "topped": ">", "at least": ">=", "no less than": ">=",
    "not less than": ">=", "fewer than": "<", "less than": "<", "under": "<", "below": "<",
    "up to": "<=", "at most": "<=", "no more than": "<=", "not more than": "<=",
}  # fmt: skip
"""Words right before a figure → the qualifier it states ("more than 300" is ``>``)."""

QUALIFIERS_AFTER: dict[str, str] = {
    "approximately": "~", "or so": "~", "or more": ">=", "or above": ">=", "and above": ">=",
    "or less": "<=", "and more": ">", "plus": ">",
}  # fmt: skip
"""Words right after a figure → the qualifier it states ("300 or more" is ``>=``)."""

GROWTH_VERBS_UP: tuple[str, ...] = (
    "up", "rose", "rise", "rises", "rising", "risen", "increased", "increase", "increases",
    "increasing", "grew", "grow", "grows", "growing", "grown", "gained", "gain", "gains",
    "gaining", "jumped", "jumps", "jump", "jumping", "surged", "surge", "surges", "surging",
    "soared", "soars", "soar", "soaring", "climbed", "climbs", "climb", "climbing", "expanded",
    "expands", "expand", "expanding", "rebounded", "rebounding", "skyrocketed",
    "skyrocketing", "higher", "edged up", "picked up", "accelerated", "widened", "widening",
)  # fmt: skip
"""Verbs (and adverbs) before a percent that state a rise: "grew 5 percent", "up 3%"."""

GROWTH_VERBS_DOWN: tuple[str, ...] = (
    "down", "fell", "fall", "falls", "falling", "fallen", "dropped", "drops", "drop",
    "dropping", "declined", "decline", "declines", "declining", "decreased", "decrease",
    "decreases", "decreasing", "dipped", "dips", "dip", "dipping", "slid", "slides", "slide",
    "sliding", "slumped", "slumps", "slump", "slumping", "shrank", "shrunk", "shrinks",
    "shrink", "shrinking", "contracted", "contracts", "contract", "contracting", "plunged",
    "plunges", "plunge", "plunging", "tumbled", "tumbles", "tumble", "tumbling", "sank",
    "sinks", "sink", "sinking", "lower", "edged down", "slipped", "slipping", "slowed",
    "narrowed", "narrowing",
)  # fmt: skip
"""Verbs (and adverbs) before a percent that state a fall: "fell 2.1 percent"."""

GROWTH_NOUNS_UP: tuple[str, ...] = (
    "increase", "growth", "rise", "gain", "growth rate", "expansion", "jump", "surge", "rebound",
)  # fmt: skip
"""Nouns that name a rise: "an increase of 5 percent", "a 5% year-on-year increase"."""

GROWTH_NOUNS_DOWN: tuple[str, ...] = (
    "decrease", "decline", "drop", "fall", "contraction", "reduction", "slump", "dip",
)  # fmt: skip
"""Nouns that name a fall: "a decline of 3 percent"."""

PERIOD_COUNT_WORDS: dict[str, int] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11,
}  # fmt: skip
"""Spelled counts of months or quarters in a period ("the first eleven months")."""

PERIOD_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip
"""Ordinals of a quarter or a half ("the second quarter", "Q3" aside)."""

CODE_WORDS: frozenset[str] = frozenset({
    "ALL", "BAM", "BOB", "CUP", "GEL", "MAD", "MOP", "PEN", "SOS", "TOP", "TRY",
})  # fmt: skip
"""ISO 4217 codes that are English words: before a number in capitals they are the word
("TOP 10 EXPORTERS", "ALL 31 PROVINCES"), not the paʻanga or the lek."""
