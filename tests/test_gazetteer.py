"""Region gazetteer: name resolution, mentions in text, dynamic zones, search, seed coverage."""

from __future__ import annotations

import json

import pytest

from factscope.importers.gazetteer import Gazetteer, Mention, _scan
from tests.conftest import GOLD, SEEDS


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


# name -> (id, level, parent id). Adcodes follow GB/T 2260 (province xx0000, prefecture xxxx00).
PROVINCE_LEVEL = [
    ("Beijing", "110000", "municipality"),
    ("Tianjin", "120000", "municipality"),
    ("Hebei", "130000", "province"),  # not Tianjin's 河北区: a province beats a district
    ("Shanxi", "140000", "province"),
    ("Inner Mongolia", "150000", "province"),
    ("Liaoning", "210000", "province"),
    ("Jilin", "220000", "province"),  # the province beats Jilin city
    ("Heilongjiang", "230000", "province"),
    ("Shanghai", "310000", "municipality"),
    ("Jiangsu Province", "320000", "province"),
    ("Zhejiang", "330000", "province"),
    ("Anhui Province", "340000", "province"),
    ("Fujian", "350000", "province"),
    ("Jiangxi", "360000", "province"),
    ("Shandong", "370000", "province"),
    ("Henan", "410000", "province"),
    ("Hubei", "420000", "province"),
    ("Hunan", "430000", "province"),
    ("Guangdong", "440000", "province"),
    ("Guangxi Zhuang Autonomous Region", "450000", "province"),
    ("Hainan", "460000", "province"),
    ("Chongqing", "500000", "municipality"),
    ("Sichuan", "510000", "province"),
    ("Guizhou", "520000", "province"),
    ("Yunnan", "530000", "province"),
    ("Tibet", "540000", "province"),
    ("Shaanxi", "610000", "province"),  # double a: not Shanxi
    ("Gansu", "620000", "province"),
    ("Qinghai", "630000", "province"),
    ("Ningxia", "640000", "province"),
    ("Xinjiang", "650000", "province"),  # not 新绛县 Xinjiang County (Shanxi)
    # Taiwan: a province-level unit under CN, as in the GB/T 2260 adcode table and ISO 3166-2:CN
    # (CN-TW) that the corpus's Chinese official statistics follow; one entity, no separate "TW"
    # country, so a figure is never split across two ids. The same holds for Hong Kong and Macao.
    ("Taiwan", "710000", "province"),
    ("Hong Kong", "810000", "province"),
    ("Macao", "820000", "province"),
]

CITIES_AND_DISTRICTS = [
    ("Songjiang", "310117", "district", "310000"),
    ("Songjiang District", "310117", "district", "310000"),
    ("Changning District", "310105", "district", "310000"),
    # Polyphones pinyin reads wrong by default (行 háng, 洞 tóng; 单/浚 one-character stems;
    # 蔚县 is Yu County too, ambiguous with 盂县).
    ("Minhang", "310112", "district", "310000"),
    ("Hongtong County", "141024", "county", "141000"),
    ("Shan County", "371722", "county", "371700"),
    ("Xun County", "410621", "county", "410600"),
    ("Pudong New Area", "310115", "district", "310000"),
    ("Haidian District", "110108", "district", "110000"),
    ("Wanzhou District", "500101", "district", "500000"),
    ("Fengdu", "500230", "county", "500000"),  # 都 read du, not dou
    ("Chengdu", "510100", "city", "510000"),
    ("Longquanyi District", "510112", "district", "510100"),
    ("Xinjin District", "510118", "district", "510100"),
    ("Xinjin County", "510118", "district", "510100"),  # pre-2020 name
    ("Mianyang", "510700", "city", "510000"),
    ("Mianyang City", "510700", "city", "510000"),
    ("Panzhihua", "510400", "city", "510000"),
    ("Yibin", "511500", "city", "510000"),
    ("Dazhou", "511700", "city", "510000"),
    ("Ganzi", "513300", "city", "510000"),
    ("Garze Tibetan Autonomous Prefecture", "513300", "city", "510000"),
    ("Suining", "510900", "city", "510000"),  # the prefecture beats two counties
    ("Jiaxing", "330400", "city", "330000"),
    ("Hangzhou", "330100", "city", "330000"),
    ("Jinhua", "330700", "city", "330000"),
    ("Huzhou", "330500", "city", "330000"),
    ("Xuancheng", "341800", "city", "340000"),
    ("Wuhu", "340200", "city", "340000"),
    ("Hefei", "340100", "city", "340000"),
    ("Qingdao", "370200", "city", "370000"),
    ("Xi'an", "610100", "city", "610000"),
    ("Xi’an", "610100", "city", "610000"),
    ("Xian", "610100", "city", "610000"),
    ("Lu'an", "341500", "city", "340000"),
    ("Xiamen", "350200", "city", "350000"),
    ("Harbin", "230100", "city", "230000"),
    ("Urumqi", "650100", "city", "650000"),
    ("Hohhot", "150100", "city", "150000"),
    ("Lhasa", "540100", "city", "540000"),
    ("Kashgar", "653100", "city", "650000"),
    ("Khorgos", "654004", "city", "654000"),
    ("Golmud", "632801", "city", "632800"),
    ("Changzhi", "140400", "city", "140000"),  # 长 read chang, not zhang
    ("Guangzhou", "440100", "city", "440000"),
    ("Canton", "440100", "city", "440000"),
    ("Shenzhen", "440300", "city", "440000"),
    ("Kunming", "530100", "city", "530000"),
    ("Shenyang", "210100", "city", "210000"),
    ("Xiangfan", "420600", "city", "420000"),  # renamed Xiangyang in 2010
    ("Dujiangyan", "510181", "city", "510100"),  # county-level city
    ("Kunshan", "320583", "city", "320500"),
    ("Sanya", "460200", "city", "460000"),
    ("Karamay", "650200", "city", "650000"),
    ("Suzhou Industrial Park", "320576", "zone", "320500"),
    ("Liangjiang New Area", "500157", "zone", "500000"),
    ("Xiong'an New Area", "133100", "zone", "130000"),
]

CURATED = [
    ("Hongqiao", "zone:hongqiao-cbd", "zone", "310000"),
    ("Hongqiao CBD", "zone:hongqiao-cbd", "zone", "310000"),
    ("Hongqiao International Central Business District", "zone:hongqiao-cbd", "zone", "310000"),
    ("Lingang", "zone:lingang", "zone", "zone:shanghai-ftz"),
    ("Shanghai Pilot Free Trade Zone", "zone:shanghai-ftz", "zone", "310000"),
    ("Tianfu New Area", "zone:tianfu-new-area", "zone", "510000"),
    ("G60 Science and Technology Innovation Corridor", "zone:g60", "zone", "macro:yrd"),
    ("Yangtze River Delta", "macro:yrd", "macro", "CN"),
    ("Greater Bay Area", "macro:gba", "macro", "CN"),
    ("Beijing-Tianjin-Hebei", "macro:jjj", "macro", "CN"),
    ("Chengdu-Chongqing Economic Circle", "macro:chengdu-chongqing", "macro", "CN"),
    ("Hamburg", "DE-HH", "province", "DE"),  # a city-state: the ISO 3166-2 state
    ("Munich", "city:de:munich", "city", "DE-BY"),
    ("Bavaria", "DE-BY", "province", "DE"),
]

COUNTRIES = [
    ("China", "CN"), ("Germany", "DE"), ("Japan", "JP"), ("Pakistan", "PK"), ("Russia", "RU"),
    ("UK", "GB"), ("Britain", "GB"), ("US", "US"), ("United States", "US"), ("UAE", "AE"),
    ("Turkey", "TR"), ("South Korea", "KR"), ("North Korea", "KP"), ("Vietnam", "VN"),
    ("Iran", "IR"), ("Kazakhstan", "KZ"), ("Ivory Coast", "CI"), ("Brazil", "BR"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "rid", "level"), PROVINCE_LEVEL)
def test_province_level_units(gaz: Gazetteer, name: str, rid: str, level: str) -> None:
    res = gaz.resolve(name)
    assert res.region is not None, res.candidates
    assert (res.region.id, res.region.level, res.region.parent_id) == (rid, level, "CN")


def test_all_province_level_units_are_listed(gaz: Gazetteer) -> None:
    ids = {r.id for r in gaz.regions() if r.parent_id == "CN" and r.level != "macro"}
    assert ids == {rid for _, rid, _ in PROVINCE_LEVEL}


@pytest.mark.parametrize(("name", "rid", "level", "parent"), CITIES_AND_DISTRICTS + CURATED)
def test_places(gaz: Gazetteer, name: str, rid: str, level: str, parent: str) -> None:
    res = gaz.resolve(name)
    assert res.region is not None, [c.id for c in res.candidates]
    assert (res.region.id, res.region.level, res.region.parent_id) == (rid, level, parent)
    assert not res.ambiguous


@pytest.mark.parametrize(("name", "rid"), COUNTRIES)
def test_countries(gaz: Gazetteer, name: str, rid: str) -> None:
    res = gaz.resolve(name)
    assert res.region is not None
    assert (res.region.id, res.region.level, res.region.parent_id) == (rid, "country", None)


@pytest.mark.parametrize("name", ["guide", "mile", "boxing", "yuan", "Belt and Road", "Delta", ""])
def test_names_that_must_not_match(gaz: Gazetteer, name: str) -> None:
    assert gaz.resolve(name).region is None


def test_canonical_names_follow_gold_conventions(gaz: Gazetteer) -> None:
    names = {rid: gaz.get(rid).name for rid in ("310117", "510000", "610100", "510700", "310000")}  # type: ignore[union-attr]
    assert names == {"310117": "Songjiang District", "510000": "Sichuan Province",
                     "610100": "Xi'an", "510700": "Mianyang", "310000": "Shanghai"}  # fmt: skip
    assert gaz.get("CN").name == "China"  # type: ignore[union-attr]
    assert {"Songjiang", "松江区"} <= {*gaz.get("310117").aliases, gaz.get("310117").name_zh}  # type: ignore[union-attr]


def test_chain_songjiang(gaz: Gazetteer) -> None:
    assert [r.id for r in gaz.chain("310117")] == ["310117", "310000", "CN"]
    assert [r.id for r in gaz.resolve("Songjiang").chain] == ["310117", "310000", "CN"]
    assert gaz.chain("no-such-id") == []


def test_lineage_and_ancestors_are_the_chain(gaz: Gazetteer) -> None:
    assert gaz.lineage("310117") == tuple(gaz.chain("310117"))
    assert gaz.ancestors("310117") == {"310117", "310000", "CN"}
    assert "310000" in gaz.ancestors("310117") and "310117" not in gaz.ancestors("310000")
    assert gaz.lineage("no-such-id") == () and gaz.ancestors("no-such-id") == frozenset()


def test_runs_of_ideographs_are_found_whole() -> None:
    text = "Sichuan’s “中文版” 2021年四川省进出口 and 成都, then Latin only — ok"
    assert list(_scan._cjk_runs(text)) == [m.span() for m in _scan._CJK_RUN_RE.finditer(text)]
    assert [text[a:b] for a, b in _scan._cjk_runs(text)] == ["中文版", "年四川省进出口", "成都"]


@pytest.mark.parametrize(
    ("name", "candidates"),
    [("Suzhou", {"320500", "341300"}), ("Taizhou", {"321200", "331000"}),
     ("Fuzhou", {"350100", "361000"}), ("Changning", {"310105", "511524"})],
)  # fmt: skip
def test_ambiguous_without_context(gaz: Gazetteer, name: str, candidates: set[str]) -> None:
    res = gaz.resolve(name)
    assert res.region is None and res.ambiguous
    assert candidates <= {c.id for c in res.candidates}


@pytest.mark.parametrize(
    ("name", "context", "rid"),
    [("Suzhou", ["Jiangsu"], "320500"), ("Suzhou", ["Anhui Province"], "341300"),
     ("Taizhou", ["Zhejiang"], "331000"), ("Fuzhou", ["Fujian"], "350100"),
     ("Fuzhou", ["Jiangxi"], "361000"), ("Changning", ["Songjiang District"], "310105"),
     ("Hebei", ["Tianjin"], "120105"), ("Hongqiao", ["Tianjin"], "120106"),
     ("Hongqiao", ["Shanghai"], "zone:hongqiao-cbd")],
)  # fmt: skip
def test_ambiguity_resolved_by_context(gaz: Gazetteer, name: str, context: list[str],
                                       rid: str) -> None:  # fmt: skip
    res = gaz.resolve(name, context)
    assert res.region is not None and res.region.id == rid


def _found(mentions: list[Mention]) -> list[tuple[str, str | None]]:
    return [(m.text, m.region_id) for m in mentions]


def test_find_mentions_news_sentence(gaz: Gazetteer) -> None:
    text = (
        "Exports from Songjiang District rose 9 percent, while Sichuan’s imports from Germany "
        "fell. Officials in Xi'an and Suzhou, Jiangsu Province, expect Hong Kong demand to grow."
    )
    assert _found(gaz.find_mentions(text)) == [
        ("Songjiang District", "310117"), ("Sichuan", "510000"), ("Germany", "DE"),
        ("Xi'an", "610100"), ("Suzhou", "320500"), ("Jiangsu Province", "320000"),
        ("Hong Kong", "810000"),
    ]  # fmt: skip
    for m in gaz.find_mentions(text):
        assert text[m.start : m.end] == m.text


def test_find_mentions_possessives_and_offsets(gaz: Gazetteer) -> None:
    text = "Songjiang’s exports and Sichuan's output; the city of 成都 and 上海市松江区."
    found = _found(gaz.find_mentions(text))
    assert found == [("Songjiang", "310117"), ("Sichuan", "510000"), ("成都", "510100"),
                     ("上海市", "310000"), ("松江区", "310117")]  # fmt: skip


def test_english_words_are_not_places(gaz: Gazetteer) -> None:
    text = (
        "The guide said one mile of road was closed. Boxing matches paid 200 yuan. "
        "Guide dogs are trained here. Firms along the Belt and Road signed deals."
    )
    assert gaz.find_mentions(text) == []


def test_english_word_place_needs_capital_and_context(gaz: Gazetteer) -> None:
    text = "Herders in Guide, a county of Qinghai, and farmers near Mile in Yunnan sold more."
    assert _found(gaz.find_mentions(text)) == [
        ("Guide", "632523"), ("Qinghai", "630000"), ("Mile", "532504"), ("Yunnan", "530000"),
    ]  # fmt: skip


def test_the_news_agency_is_not_a_place(gaz: Gazetteer) -> None:
    text = "HEFEI, March 2 (Xinhua) -- Anhui and Hunan, where Xinhua County lies, said so."
    assert _found(gaz.find_mentions(text)) == [
        ("Anhui", "340000"), ("Hunan", "430000"), ("Xinhua County", "431322"),
    ]  # fmt: skip
    assert _found(gaz.find_mentions("Xinhua District of Shijiazhuang")) == [
        ("Xinhua District", "130105"), ("Shijiazhuang", "130100"),
    ]  # fmt: skip


def test_person_names_are_not_places(gaz: Gazetteer) -> None:
    text = "Deputy director Ye Jian met Xi Jinping in Beijing."
    assert _found(gaz.find_mentions(text)) == [("Beijing", "110000")]


def test_ambiguity_by_document_context(gaz: Gazetteer) -> None:
    text = "Trade grew in Suzhou. The Anhui provincial government said Suzhou would expand."
    assert [m.region_id for m in gaz.find_mentions(text)] == ["341300", "340000", "341300"]
    alone = gaz.find_mentions("Trade grew in Suzhou and Taizhou.")
    # Jiangsu's Suzhou by prominence; that guess does not decide between the two Taizhous.
    assert [(m.region_id, len(m.candidates) > 1) for m in alone] == [
        ("320500", True),
        (None, True),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Suzhou's GDP passed 2 trillion yuan.", "320500"),  # not Anhui's 宿州
        ("Exports from Fuzhou rose.", "350100"),  # Fujian's capital, not Jiangxi's 抚州
        ("Yulin reported growth.", None),  # two peers: no guess
        ("Suzhou, a city in north Anhui Province, grew.", "341300"),  # context beats prominence
    ],
)
def test_a_prominent_city_wins_a_bare_name_in_text(
    gaz: Gazetteer, text: str, expected: str | None
) -> None:
    assert gaz.find_mentions(text)[0].region_id == expected


def test_a_typed_name_is_never_guessed_by_prominence(gaz: Gazetteer) -> None:
    resolution = gaz.resolve("Suzhou")
    assert resolution.region is None and resolution.ambiguous


def test_hongqiao_is_the_shanghai_zone(gaz: Gazetteer) -> None:
    text = "Shanghai's Hongqiao CBD and the wider Hongqiao hub attract traders."
    assert [m.region_id for m in gaz.find_mentions(text)] == [
        "310000", "zone:hongqiao-cbd", "zone:hongqiao-cbd"]  # fmt: skip


def test_dynamic_zones(gaz: Gazetteer) -> None:
    text = (
        "The Suining Economic and Technological Development Zone and Yibin Lingang Economic "
        "and Technological Development Zone in Sichuan, plus the Songjiang Comprehensive "
        "Bonded Zone and Chongqing Liangjiang New Area."
    )
    found = _found(gaz.find_mentions(text))
    assert found == [
        ("Suining Economic and Technological Development Zone", "zone:510900:etdz"),
        ("Yibin Lingang Economic and Technological Development Zone", "zone:511500:lingang-etdz"),
        ("Sichuan", "510000"),
        ("Songjiang Comprehensive Bonded Zone", "zone:310117:cbz"),
        ("Chongqing Liangjiang New Area", "500157"),
    ]
    zone = gaz.get("zone:511500:lingang-etdz")
    assert zone is not None and zone.level == "zone"
    assert zone.name == "Yibin Lingang Economic and Technological Development Zone"
    assert [r.id for r in gaz.chain(zone.id)] == [zone.id, "511500", "510000", "CN"]
    assert zone.id in {r.id for r in gaz.regions()}
    res = gaz.resolve("Suining Economic and Technological Development Zone")
    assert res.region is not None and res.region.id == "zone:510900:etdz"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Economic and Technological Development Zone", "etdz"), ("ETDZ", "etdz"),
        ("Economic Development Zone", "edz"), ("Hi-tech Zone", "htz"),
        ("High Technology Industrial Development Zone", "htz"), ("Hi-Tech Industrial Zone", "htz"),
        ("Comprehensive Bonded Zone", "cbz"), ("Bonded Zone", "bz"),
        ("Pilot Free Trade Zone", "ftz"), ("FTZ", "ftz"), ("New Area", "new-area"),
        ("Industrial Park", "industrial-park"),
    ],
)  # fmt: skip
def test_every_zone_type_after_a_place(gaz: Gazetteer, name: str, kind: str) -> None:
    # the scan skips a zone word with none of the words that can stand before it: none missed
    found = _found(gaz.find_mentions(f"Exports from the Wuhu {name} rose in the area."))
    assert found == [(f"Wuhu {name}", f"zone:340200:{kind}")]


def test_search_ranking(gaz: Gazetteer) -> None:
    assert gaz.search("hongqiao")[0].id == "zone:hongqiao-cbd"
    assert "120106" in [r.id for r in gaz.search("hongqiao")]
    assert gaz.search("songjiang")[0].id == "310117"
    assert gaz.search("Sichuan")[0].id == "510000"
    assert gaz.search("shang")[0].id == "310000"  # prefix: the municipality before zones
    assert gaz.search("Germny")[0].id == "DE"  # fuzzy
    assert len(gaz.search("an", limit=5)) == 5


def test_a_long_place_dense_text_is_scanned_whole(gaz: Gazetteer) -> None:
    """Every repetition's places are found (speed is ``bench/gazetteer_speed.py``'s figure)."""
    unit = (
        "Songjiang’s exports to Germany rose as Suzhou, Jiangsu Province, and the Hongqiao "
        "CBD in Shanghai added 12 billion yuan of orders from Hamburg and Kazakhstan. "
    )
    once = gaz.find_mentions(unit)
    assert once
    assert len(gaz.find_mentions(unit * 60)) == 60 * len(once)


def _gold_regions() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        fact = json.loads(line)
        if fact["region"]:
            out.setdefault(fact["doc"], set()).add(fact["region"])
    return out


@pytest.mark.skipif(not SEEDS.is_dir() or not GOLD.is_file(),
                    reason="shared corpus not available")  # fmt: skip
def test_seed_gold_regions_are_found(gaz: Gazetteer) -> None:
    gold = _gold_regions()
    assert gold, "no gold regions"
    for doc, regions in gold.items():
        text = (SEEDS / doc).read_text(encoding="utf-8")
        found = {gaz.get(m.region_id).name for m in gaz.find_mentions(text) if m.region_id}  # type: ignore[union-attr]
        for region in regions:
            assert region in found, (doc, region)


@pytest.mark.parametrize(
    ("text", "name", "parent"),
    [
        ("成都高新区实现进出口总额5000亿元。", "成都高新区", "510100"),
        ("郑州经开区引进项目30个。", "郑州经开区", "410100"),
        ("武汉综合保税区进出口额增长12%。", "武汉综合保税区", "420100"),
    ],
)
def test_chinese_zone_after_a_place(gaz: Gazetteer, text: str, name: str, parent: str) -> None:
    [mention] = gaz.find_mentions(text)
    region = gaz.get(mention.region_id or "")
    assert region is not None
    assert (mention.text, region.name, region.level, region.parent_id) == (
        name,
        name,
        "zone",
        parent,
    )


def test_a_known_chinese_new_area_stays_the_district(gaz: Gazetteer) -> None:
    [mention] = gaz.find_mentions("浦东新区地区生产总值1.6万亿元。")
    assert mention.region_id == "310115"
