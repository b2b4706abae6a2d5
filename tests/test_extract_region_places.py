"""PlaceIndex: which mentions of a document are places a figure can be about, and what each is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factscope.importers.extract import region_places
from factscope.importers.extract._fold import fold_case
from factscope.importers.extract.region_cues import (
    DESTINATION_GATE_RE,
    DESTINATION_RE,
    RANK_SCOPE_FOLDED_RE,
    RANK_SCOPE_GATE_RE,
    is_title_case,
    name_possible,
)
from factscope.importers.extract.region_places import PlaceIndex
from factscope.importers.extract.sentences import split_sentences
from factscope.importers.gazetteer import Gazetteer
from tests.conftest import SEEDS, requires_shared


def _index(text: str) -> PlaceIndex:
    return PlaceIndex(text, Gazetteer.default(), split_sentences(text))


def test_places_abroad_below_the_country_are_usable_countries_are_not() -> None:
    index = _index("Bavaria, Munich, Germany and Sichuan traded more.")
    usable = {p.region.name: index._usable(p.region) for p in index.places_in(0, 60)}
    assert usable == {"Bavaria": True, "Munich": True, "Germany": False, "Sichuan Province": True}


def test_places_listed_after_a_destination_are_destinations() -> None:
    text = "Hunan sold tea to Bavaria, Texas and Osaka last year."
    index = _index(text)
    dest = {p.region.name: index._destination(p, 0) for p in index.places_in(0, len(text))}
    assert dest == {
        "Hunan Province": False, "Bavaria": True, "Texas": True, "Osaka Prefecture": True,
    }  # fmt: skip


def test_the_state_stands_for_a_state_abroad_only() -> None:
    abroad = _index("Gujarat grew fast. The state's ports handled more cargo.")
    at_home = _index("Sichuan grew fast. The state's support helped.")
    assert [p.region.name for p in abroad.places_in(0, 80) if p.anaphor] == ["Gujarat"]
    assert [p for p in at_home.places_in(0, 80) if p.anaphor] == []


def test_name_spans_are_the_usable_and_the_ambiguous_names_in_a_range() -> None:
    text = "Taizhou and Sichuan traded with Germany. Chengdu grew."
    index = _index(text)
    names = [text[a:b] for a, b in index.name_spans(0, len(text))]
    assert names == ["Taizhou", "Sichuan", "Chengdu"]  # Taizhou: two cities, still a name
    assert [text[a:b] for a, b in index.name_spans(1, 40)] == ["Sichuan"]
    index.set_home_abroad("DE")  # a story on a place in Germany: Germany is one of its names
    assert "Germany" in [text[a:b] for a, b in index.name_spans(0, len(text))]


def test_anaphors_with_no_place_of_their_level_stay_linear() -> None:
    # "the state" stands for no place in a Chinese story: each one walks back over every
    # place before it unless the walks share what they learnt (a megabyte: minutes, not ms)
    text = "Chengdu grew. The state's support helped. " * 25_000
    index = _index(text)
    places = index.places_in(0, len(text))
    assert len(places) == 25_000 and not any(p.anaphor for p in places)
    after = _index("Chengdu grew. The city's support helped. " * 3)
    assert [p.region.name for p in after.places_in(0, 200) if p.anaphor] == ["Chengdu"] * 3


@requires_shared
def test_place_windows_read_off_the_text_fold_as_their_own_fold() -> None:
    # The gates before a place read a slice of the document's folded text instead of folding
    # the slice: the same verdicts, also where the two strings differ (a whole text with "İ"
    # folds by table and keeps "É"; a slice alone lowers it; a final sigma is contextual).
    edges = [
        "İzmir ranked ÉTAGE first among ΣΑΣ cities in Sichuan; exports ΣΑΣ TO Bavaria grew.",
        "The ÉCOLE ranks third in Hunan Province. Sales to Texas rose.",
    ]
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    texts = edges + [p.read_text(encoding="utf-8") for p in sorted(samples.iterdir())]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    windows = differing = 0
    for text in texts:
        index = _index(text)
        for place in index.places_in(0, len(text)):
            for lo in (max(0, place.start - 40), max(0, place.start - 36)):
                own, read = fold_case(text[lo : place.start]), index.folded[lo : place.start]
                differing += own != read
                windows += 1
                for gate in (RANK_SCOPE_GATE_RE, RANK_SCOPE_FOLDED_RE, DESTINATION_GATE_RE):
                    assert bool(gate.search(own)) == bool(gate.search(read)), (text, lo)
                found = DESTINATION_GATE_RE.search(index.folded, lo, place.start)
                assert bool(found) == bool(DESTINATION_GATE_RE.search(own))
    assert differing >= 2 and windows > 200


_GATE_EDGES = [
    "It ranked 12th in Sichuan, 3rd among the cities of Hunan and No. 2 in Hubei Province.",
    "Exports to northwest China's Qinghai Province and shipments (to) the Southern Bavaria's "
    "ports rose; trade with Vietnam, arrivals in Texas and sales toward Osaka grew.",
    "Chengdu was second only to Shenzhen, the only other city in Guangdong; TOP OF Gujarat.",
    "The ſecond-largeſt ports among İndia's ſtates led Kerala's ranking, 1st in Tamil Nadu.",
]


def _windows(text: str, index: PlaceIndex) -> list[tuple[int, int]]:
    """Every window that ends at a place or after a space, with every start up to 45 back."""
    ends = {p.start for p in index.places_in(0, len(text))}
    ends |= {i + 1 for i, c in enumerate(text) if c.isspace()}
    return [(lo, hi) for hi in sorted(ends) for lo in range(max(0, hi - 45), hi)]


def _gate_texts() -> list[str]:
    return _GATE_EDGES + [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))[:2]]


@requires_shared
def test_the_rank_scope_look_up_answers_as_the_gate_pattern_did() -> None:
    # the window's words looked up with ``in`` and the ordinals by bisect, then the pattern:
    # the same as RANK_SCOPE_GATE_RE and the pattern on the slice, also where a gate word is
    # cut by the window's start ("2th" of "12th" is still a digit ordinal, "th" is not)
    passed = scoped = 0
    for text in _gate_texts():
        index = _index(text)
        for lo, hi in _windows(text, index):
            window = index.folded[lo:hi]
            gate = RANK_SCOPE_GATE_RE.search(window) is not None
            expected = gate and RANK_SCOPE_FOLDED_RE.search(window) is not None
            assert index._rank_scope(lo, hi) == expected, (text[lo:hi], expected)
            passed += gate
            scoped += expected
    assert passed > 1000 and scoped > 50


@requires_shared
def test_a_destination_window_ends_with_its_last_word() -> None:
    # the cheap test before DESTINATION_RE is a necessary condition of its matches, and it
    # spares the pattern most windows whose gate word is further back
    matched = spared = 0
    for text in _gate_texts():
        index = _index(text)
        for lo, hi in _windows(text, index):
            found = DESTINATION_RE.search(text[lo:hi]) is not None
            last = index._destination_words_last(lo, hi)
            assert last or not found, text[lo:hi]
            matched += found
            spared += not last and DESTINATION_GATE_RE.search(index.folded, lo, hi) is not None
    assert matched > 100 and spared > matched


_NAME_EDGES = [
    "Shanghai Huitian New Material Co said; Bank of Shanghai (Shanghai) Co grew. Xi Jinping "
    "met Zhengzhou Customs and Hangzhou's port; the Sichuan-Tibet line; SHANGHAI, May 3 -- "
    "1,000 Shanghai firms; said Beijing residents; In Shanghai, the (Chengdu) Ltd office.",
    "长沙10月20日电 成都海关 and the iPhone Shenzhen plant, McKinsey Shanghai, e-Chongqing",
    "A Headline About Shenzhen Futian District Growth\nShenzhen Futian District grew.",
]


@requires_shared
def test_the_name_gate_answers_as_the_checks_it_skips(monkeypatch: pytest.MonkeyPatch) -> None:
    # _collect asks _in_name only where name_possible says a True answer can come: the
    # answers are the same as with every check run, over every mention of the edges and texts
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    texts = _NAME_EDGES + [p.read_text(encoding="utf-8") for p in sorted(samples.iterdir())]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    gz = Gazetteer.default()
    indexes = [_index(text) for text in texts]
    cases = [(i, m) for i in indexes for m in gz.find_mentions(i.text) if m.region_id]
    possible = [name_possible(i.text, m.start, i.text[m.end : m.end + 30]) for i, m in cases]
    every = [i._in_name(m, i.text[m.end : m.end + 30]) for i, m in cases]
    assert [p and e for p, e in zip(possible, every, strict=True)] == every
    assert sum(every) >= 8 and possible.count(False) > len(cases) / 2
    # and _collect keeps the places as it does with the gate forced open
    kept = [[p.start for p in i._collect(i._mentions)] for i in indexes]
    monkeypatch.setattr(region_places, "name_possible", lambda *_: True)
    assert [[p.start for p in i._collect(i._mentions)] for i in indexes] == kept


# the rank-scope pattern before its \b was put in front of the words (region_cues)
_RANK_SCOPE_BEFORE = re.compile(
    r"(?:\brank(?:s|ed|ing)?|\btop(?:s|ped|ping)?|\bfirst|\bsecond|\bthird|\bfourth|\bfifth|"
    r"\bsixth|\bseventh|\beighth|\bninth|\btenth|\b\d{1,3}(?:st|nd|rd|th)|No\.\s*\d+|"
    r"\blead(?:s|ing)?|\bamong|\bother\s+\w+|\bonly)\s+(?:\w+\s+){0,3}(?:in|among|across|of)\s+"
    r"(?:the\s+)?(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)


@requires_shared
def test_the_rank_scope_pattern_finds_what_the_one_it_replaced_found() -> None:
    # "casino. 5 ... in": "No." needs no boundary before it, the words do ("stop", "bleading")
    edges = [
        "At the casino. 5 of them in ",
        "Its stop among cities in ",
        "bleading in the ",
        "x12th in ",
    ]
    found = 0
    for text in edges + _gate_texts():
        index = _index(text)
        for lo, hi in _windows(text, index):
            window = index.folded[lo:hi]
            expected = _RANK_SCOPE_BEFORE.search(text[lo:hi]) is not None
            assert (RANK_SCOPE_FOLDED_RE.search(window) is not None) == expected, window
            found += expected
    assert found > 50


def _ends_walking_forward(index: PlaceIndex) -> dict[int, str | None]:
    """The mentions' region ids by their end plus the spaces after (the earlier ``_edges``)."""
    text, ends = index.text, {}
    for m in index._mentions:
        end = m.end
        while end < len(text) and text[end] in " \xa0":
            end += 1
        ends[end] = m.region_id
    return ends


@requires_shared
def test_the_mention_before_a_name_is_found_as_by_the_forward_walk() -> None:
    # _in_name asks which mention ends right before a name, spaces apart: one walk back from
    # the name over a dict by end, instead of walking forward past every mention's spaces
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    texts = _NAME_EDGES + [p.read_text(encoding="utf-8") for p in sorted(samples.iterdir())]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += ["Shenzhen \xa0 Futian District", "Chengdu  Sichuan", " Sichuan", "Sichuan\xa0"]
    found = 0
    for text in texts:
        index = _index(text)
        forward = _ends_walking_forward(index)
        _, ends = index._edges()
        for m in index._mentions:
            expected = forward.get(m.start)
            assert ends.get(index._ending_before(m.start)) == expected, (text[:40], m)
            found += expected is not None
        for pos in range(len(text) + 1):  # every offset, not only the mentions' starts
            if pos < len(text) and text[pos] not in " \xa0":
                assert ends.get(index._ending_before(pos)) == forward.get(pos), (text[:40], pos)
    assert found >= 3  # the texts hold names right after another


def test_places_are_built_with_every_field() -> None:
    # _collect builds Place tuples with tuple.__new__ (no defaults filled in): each has every
    # field, equal to the NamedTuple built from the same values
    text = "The province's output rose. Sichuan's exports and Chengdu grew; the city's GDP rose."
    index = _index(text)
    assert any(p.anaphor for p in index._places) and any(not p.anaphor for p in index._places)
    for p in index._places:
        assert type(p) is region_places.Place and len(p) == len(region_places.Place._fields)
        assert p == region_places.Place(*p)
        if p.anaphor:  # built without comparand and org: the defaults, in their places
            assert p.comparand == "" and p.org is False and p.noun
        else:
            assert p.noun == "" and isinstance(p.comparand, str) and isinstance(p.org, bool)
    nouns = {p.noun for p in index._places if p.anaphor}
    assert "city" in nouns  # "the province" before any place resolves to none


def test_windows_at_the_text_start_read_as_when_clamped() -> None:
    # the windows before a place are clamped by conditionals (not max()), and patterns get a
    # negative pos where a place is near the text's start: re reads it as 0
    from factscope.importers.extract import region_cues
    from factscope.importers.gazetteer._scan import SUFFIX_RE

    cases = [
        (region_cues.COMPARAND_RE, "faster than "), (region_cues.FROM_BEFORE_RE, "from the "),
        (region_cues.IN_BEFORE_RE, "in "), (region_cues.LOCATIVE_BEFORE_RE, "at "),
        (SUFFIX_RE, "Lingang Free Trade Zone"), (region_cues.COMPARAND_RE, "led "),
    ]  # fmt: skip
    for pattern, text in cases:
        at_zero = pattern.search(text, 0)
        assert at_zero is not None, text
        for pos in range(-70, 1):
            got = pattern.search(text, pos, len(text))
            assert got is not None and got.span() == at_zero.span(), pos
    assert [p.comparand for p in _index("than Sichuan grew.")._places] == ["own"]
    assert [p.comparand for p in _index("trailed Sichuan.")._places] == ["other"]
    assert [p.comparand for p in _index("Sichuan led.")._places] == [""]


def test_a_name_line_starts_where_the_list_of_line_starts_says() -> None:
    # _title_line finds the line's start by rfind, not a bisect in a list of every line start
    from bisect import bisect_right

    text = "\nA Headline About Chengdu\n\nChengdu grew.\nShenzhen Futian District\n\n"
    index = _index(text)
    line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
    for start in range(len(text)):
        line_start = line_starts[bisect_right(line_starts, start) - 1]
        line_end = text.find("\n", start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        fresh = _index(text)  # no line cached yet: each offset finds its own start
        assert fresh._title_line(start, start) == is_title_case(line), start
    assert index._title_line(1, 5) and not index._title_line(28, 35)
