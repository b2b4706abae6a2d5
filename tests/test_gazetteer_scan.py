"""The gazetteer's scan (:mod:`importers.gazetteer._scan`): the capitalized words it tries as
the start of a name are the Latin matches of ``START_RE``, its look-behind-led reference."""

from __future__ import annotations

import random
from pathlib import Path

from factscope.importers.extract._fold import fold_case
from factscope.importers.gazetteer import Gazetteer, _scan
from tests.conftest import SEEDS, requires_shared

_EDGES = (
    "xABC iPhone McDonald ÀShanghai 9Beijing Beijing_Shanghai (Sichuan) ŸUnnan ĀHubei "
    "×Hunan ÷Gansu ɏTibet São Paulo, Zürich. Wuhan's 成都Chengdu"
)


def _reference(text: str, prefixes: set[str]) -> list[tuple[int, int]]:
    """The capitalized words of ``START_RE`` (the form with a leading look-behind)."""
    return [
        m.span() for m in _scan.START_RE.finditer(text) if m.group()[0].isascii()
        and m.group() in prefixes
    ]  # fmt: skip


def _texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.is_file()]


@requires_shared
def test_first_words_are_the_latin_starts_of_the_reference_pattern() -> None:
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    texts = [_EDGES, *_texts(samples), *_texts(SEEDS)]
    words = {w for t in texts for w in _scan._LATIN_START_RE.findall(t)}
    prefixes = words | {"Unnan", "Hubei", "Hunan", "Gansu", "Tibet"}  # every word may start one
    found = 0
    for text in texts:
        expected = _reference(text, prefixes)
        assert _scan._first_words(text, prefixes) == expected, text[:60]
        found += len(expected)
    edge = [_EDGES[a:b] for a, b in _scan._first_words(_EDGES, prefixes)]
    # inside a word: ABC, Phone, Donald, Shanghai after À, Beijing after 9, Unnan, Hubei, Tibet;
    # "×" and "÷" lie in the range U+00C0-U+024F that counts as letters: Hunan, Gansu too
    assert not {"ABC", "Phone", "Donald", "Unnan", "Hubei", "Tibet", "Hunan", "Gansu"} & set(edge)
    assert edge.count("Shanghai") == 1 and edge.count("Beijing") == 1  # after "_" and " "
    assert {"McDonald", "Sichuan", "São", "Chengdu", "Wuhan"} <= set(edge)  # 成都: no letter
    assert found > 500


_CJK_EDGES = (
    "成都 at the start and the end 四川",
    "only punctuation of the ideographs' blocks: 。、「」 ㄅ \u4dc0 \ua000 \u33ff",
    "the bounds \u3400 and \u4dbf, \u4e00 and \u9fff, a lone surrogate \ud800 and 😀 beside 成都市",
    "| 中文版 |\n\nPress Release of the Shanghai Municipal Government, 2023 — “Pudong”",
    "no ideograph at all — “curly” ‘quotes’ and an é",
    "上海市2023年外贸进出口总值4.21万亿元，同比增长0.7%。其中，出口1.74万亿元",
)


@requires_shared
def test_ideograph_runs_are_the_runs_of_the_reference_pattern() -> None:
    # the lead-byte bounds skip the text before the first and after the last ideograph only
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    texts = [*_CJK_EDGES, *_texts(samples), *_texts(SEEDS)]
    runs = 0
    for text in texts:
        expected = [m.span() for m in _scan._CJK_RUN_RE.finditer(text)]
        assert list(_scan._cjk_runs(text)) == expected, text[:60]
        runs += len(expected)
    assert _scan._ideograph_bounds(_CJK_EDGES[3]) == (2, 5)  # 中文版: no scan of the rest
    assert _scan._ideograph_bounds(_CJK_EDGES[4]) == (0, 0)
    assert _scan._ideograph_bounds(_CJK_EDGES[0]) == (0, len(_CJK_EDGES[0]))
    assert runs > 20


def test_the_ideographs_lead_bytes_are_derived_from_their_ranges() -> None:
    leads = _scan._lead_bytes("\u3400-\u4dbf\u4e00-\u9fff")
    assert leads == tuple(bytes([b]) for b in range(0xE3, 0xEA))
    every = {chr(c).encode()[:1] for c in [*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000)]}
    assert every == set(leads)


_ZONE_EDGES = (
    "The Suining Economic and Technological Development Zone and the SUINING HIGH-TECH ZONE.",
    "Chengdu Hi-tech Industrial Development Zone's output; Shanghai's Pudong New Area; ETDZ",
    "Lingang's induſtrial park in Yibin Lingang Industrial Park and the Wuhan FTZ grew.",
)


@requires_shared
def test_zones_read_off_a_folded_text_given_by_the_caller() -> None:
    # the extractor passes its fold_case(text): the same zones as lowering the text here
    index = Gazetteer.default()._index
    samples = Path(__file__).resolve().parents[1] / "importers" / "samples"
    texts = [*_ZONE_EDGES, *_texts(samples), *_texts(SEEDS)]
    zones = 0
    for text in texts:
        expected = _scan._scan_zones(text, index)
        assert _scan._scan_zones(text, index, fold_case(text)) == expected, text[:60]
        zones += len(expected)
    assert zones >= 8
    # "İ" lowers to two characters: the fold keeps the offsets, so the zone is still found
    text = "İzmir and the Yibin Lingang Economic and Technological Development Zone grew."
    found = _scan._scan_zones(text, index, fold_case(text))
    assert [text[z.start : z.end] for z in found] == [text[14:-6]]
    assert _scan._scan_zones(text, index) == found  # the default path folds the same way


def _select_reference(spans: list[_scan.Span]) -> list[_scan.Span]:
    """``select`` as it was before runs of overlapping spans were chosen apart."""
    chosen: dict[int, _scan.Span] = {}
    for sp in sorted(spans, key=lambda x: (x.start - x.end, not x.static, x.start)):
        if all(sp.end <= c.start or c.end <= sp.start for c in chosen.values()):
            chosen[sp.start] = sp
    return [chosen[s] for s in sorted(chosen)]


def test_select_chooses_as_over_all_spans_at_once() -> None:
    rng = random.Random(19)
    cases = [
        [],
        [_scan.Span(0, 5, ("a",))],
        [_scan.Span(0, 5, ("a",)), _scan.Span(5, 9, ("b",))],  # touching: both kept
        [_scan.Span(0, 9, ("z",), static=False), _scan.Span(0, 9, ("a",))],  # static wins
        [_scan.Span(0, 4, ("a",)), _scan.Span(3, 8, ("b",)), _scan.Span(7, 11, ("c",))],
        [_scan.Span(2, 6, ("a",)), _scan.Span(0, 3, ("b",)), _scan.Span(5, 8, ("c",))],
    ]
    for _ in range(3000):
        spans = []
        for _ in range(rng.randint(1, 9)):
            start = rng.randint(0, 40)
            spans.append(_scan.Span(start, start + rng.randint(1, 8), (str(start),),
                                    static=rng.random() < 0.7))  # fmt: skip
        cases.append(spans)
    overlapping = 0
    for spans in cases:
        assert _scan.select(spans) == _select_reference(spans), spans
        overlapping += len(_scan.select(spans)) < len(spans)
    assert overlapping > 1000


@requires_shared
def test_select_on_the_seeds_spans() -> None:
    gz = Gazetteer.default()
    for text in _texts(SEEDS):
        spans = _scan.scan(text, gz._index, gz._weak)
        assert _scan.select(spans) == _select_reference(spans)


def test_a_joiner_as_written_is_its_own_normal_form() -> None:
    # _longest_after keeps a separator found in JOINERS without _joiner's normalizing
    from factscope.importers.gazetteer._index import JOINERS

    for sep in JOINERS:
        assert _scan._joiner(sep) == sep


def test_spans_are_built_with_every_field() -> None:
    # scan builds Span tuples with tuple.__new__ (no defaults filled in)
    gz = Gazetteer.default()
    text = "Chengdu and Guide met in Qinghai; Zhang Song and Sichuan Province grew."
    spans = _scan.scan(text, gz._index, gz._weak)
    assert len(spans) >= 4 and any(sp.needs_context for sp in spans)
    for sp in spans:
        assert type(sp) is _scan.Span and len(sp) == len(_scan.Span._fields)
        assert sp == _scan.Span(*sp)
        if sp.zone_kind is None:  # a name's span: static, as the keyword-built one
            kept = _scan.Span(sp.start, sp.end, sp.ids, needs_context=sp.needs_context)
            assert sp == kept and sp.static is True
    by_name = {text[sp.start : sp.end]: sp for sp in spans}
    assert by_name["Guide"].needs_context is True  # an English word: needs a parent
    assert by_name["Chengdu"].needs_context is False
    mentions = gz.find_mentions(text)
    assert mentions and all(len(m) == 5 and type(m).__name__ == "Mention" for m in mentions)
