"""Regions on real-text wording (issue 13, class 4): places abroad, destinations and partners,
possessive zone names and the article's own place. Sentences written for the project."""

from __future__ import annotations

import pytest

from factscope.importers.extract import extract_facts


def _regions(text: str) -> dict[str, str | None]:
    return {f.quote: f.region for f in extract_facts(text)}


@pytest.mark.parametrize(
    ("text", "quote", "region"),
    [
        # a state, prefecture or province abroad named as the figure's owner
        ("Bavaria's exports slipped to 212.4 billion euros in 2023.", "212.4 billion euros",
         "Bavaria"),
        ("In 2023 North Rhine-Westphalia sold goods worth 190 billion euros abroad.",
         "190 billion euros", "North Rhine-Westphalia"),
        ("Texas shipped 44 billion dollars of goods to Mexico in 2022.", "44 billion dollars",
         "Texas"),
        ("Exports of Aichi Prefecture totalled 21 trillion yen last year.", "21 trillion yen",
         "Aichi Prefecture"),
        ("Gujarat attracted 3.1 billion dollars of new investment in 2022.",
         "3.1 billion dollars", "Gujarat"),
        ("Bac Ninh province posted exports of 56 billion USD in 2022.", "56 billion USD",
         "Bac Ninh Province"),
        ("Gyeonggi-do exported 118 billion dollars of chips in 2021.", "118 billion dollars",
         "Gyeonggi Province"),
        # a main city abroad is a place of its state
        ("Munich's airport handled 37 million passengers in 2019.", "37 million passengers",
         "Munich"),
        # the state / the prefecture resolve to the foreign place the story is about
        ("California leads the nation in farm output. The state's farms earned 59 billion "
         "dollars in 2022.", "59 billion dollars", "California"),
        ("Osaka is hosting the fair.\n\nThe prefecture expects 28 million visitors in 2025.",
         "28 million visitors", "Osaka Prefecture"),
    ],
)  # fmt: skip
def test_places_abroad_own_their_figures(text: str, quote: str, region: str) -> None:
    assert _regions(text)[quote] == region


@pytest.mark.parametrize(
    ("text", "quote", "region"),
    [
        # destinations, partners and comparands are never the figure's region
        ("Sichuan's shipments to Bavaria and Munich came to 2.3 billion yuan in 2023.",
         "2.3 billion yuan", "Sichuan Province"),
        ("Fujian sold 1.4 billion yuan of tea to Japan, South Korea and California in 2022.",
         "1.4 billion yuan", "Fujian Province"),
        ("Exports from Bavaria to China fell 9 percent to 17 billion euros in 2023.",
         "17 billion euros", "Bavaria"),
        ("Guangdong's trade with Texas grew to 80 billion yuan in 2021.", "80 billion yuan",
         "Guangdong Province"),
    ],
)  # fmt: skip
def test_destinations_and_partners_are_not_the_region(text: str, quote: str, region: str) -> None:
    assert _regions(text)[quote] == region


@pytest.mark.parametrize(
    ("text", "quote", "region"),
    [
        # a known area after its parent's possessive keeps its gazetteer name
        ("Output of Shanghai's Pudong New Area rose to 1.6 trillion yuan in 2022.",
         "1.6 trillion yuan", "Pudong New Area"),
        ("Tianjin's Binhai New Area posted 780 billion yuan of output in 2020.",
         "780 billion yuan", "Binhai New Area"),
    ],
)  # fmt: skip
def test_possessive_parent_before_a_known_area(text: str, quote: str, region: str) -> None:
    assert _regions(text)[quote] == region


def test_unknown_zone_after_a_possessive_is_named_without_it() -> None:
    facts = extract_facts("Hefei's Binhu Industrial Park drew 4 billion yuan in 2022.")
    regions = {f.quote: f.region for f in facts}
    assert regions["4 billion yuan"] == "Hefei Binhu Industrial Park"


def test_the_state_in_a_chinese_story_is_the_government() -> None:
    text = (
        "Sichuan's exports rose to 500 billion yuan in 2022. The state will add "
        "3 billion yuan of subsidies for the sector."
    )
    assert _regions(text)["3 billion yuan"] == "Sichuan Province"


@pytest.mark.parametrize(
    ("text", "quote", "region"),
    [
        # a larger place that only locates the story's place does not become the story's place
        ("Retail sales of Minhang District in Shanghai reached 120 billion yuan in 2021.\n\n"
         "It is the only district in Shanghai where sales grew every month.\n\n"
         "Online sales made up 41 percent of the total.", "41 percent", "Minhang District"),
        # a country locating a province by its part is not the figure's owner
        ("Yunnan, bordering Laos in China's southwest, traded $3.2 billion with ASEAN in 2022.",
         "$3.2 billion", "Yunnan Province"),
        # "one of the country's ..." in apposition locates the place before it
        ("Trade of Zhejiang Province, one of the country's major export hubs, rose to "
         "4.9 trillion yuan in 2023.", "4.9 trillion yuan", "Zhejiang Province"),
        # a place after a digit ordinal is the scope of that rank
        ("Anhui's output grew 6 percent, ranking 2nd in central and western China and 9th in "
         "China, 1.1 percentage points above the national rate.", "1.1 percentage points",
         "Anhui Province"),
    ],
)  # fmt: skip
def test_locating_and_scoping_places_are_not_the_region(text: str, quote: str, region: str) -> None:
    assert _regions(text)[quote] == region


def test_a_zone_is_named_by_its_gazetteer_entry() -> None:
    text = "Lin-gang Special Area drew 20 billion yuan of projects in 2022."
    assert _regions(text)["20 billion yuan"] == "Lingang Special Area"


@pytest.mark.parametrize(
    ("text", "quote", "region"),
    [
        # a dateline is the story's place when the text names no other
        ("LUCKNOW: Exports grew 11 percent to Rs 1.7 lakh crore in 2023, officials said.",
         "Rs 1.7 lakh crore", "Lucknow"),
        ("HAIKOU, May 2 -- Foreign trade reached 60 billion yuan in 2023.", "60 billion yuan",
         "Haikou"),
        ("HO CHI MINH CITY (VNA) - Retail sales rose to 20 billion USD in 2022.",
         "20 billion USD", "Ho Chi Minh City"),
        # an adjective of the place names it
        ("Bavarian exports fell 3 percent to 205 billion euros in 2023.", "205 billion euros",
         "Bavaria"),
        # a destination named often is still not the story's place
        ("Shipments to Bavaria grew.\n\nExports to Bavaria rose to 900 million dollars in 2022.",
         "900 million dollars", None),
    ],
)  # fmt: skip
def test_datelines_adjectives_and_destinations(text: str, quote: str, region: str | None) -> None:
    assert _regions(text)[quote] == region


def test_a_county_level_city_wins_over_a_same_named_county_in_running_text() -> None:
    text = "Yiwu's small-commodity exports reached 420 billion yuan in 2023."
    assert _regions(text)["420 billion yuan"] == "Yiwu"


def test_the_country_of_a_story_abroad_owns_its_national_figures() -> None:
    text = (
        "Bac Ninh province's exports reached 56 billion USD in 2022. Vietnam's exports were "
        "371 billion USD, and the country's imports 360 billion USD."
    )
    got = _regions(text)
    assert got["56 billion USD"] == "Bac Ninh Province"
    assert got["371 billion USD"] == got["360 billion USD"] == "Vietnam"


def test_a_foreign_country_in_a_chinese_story_is_still_no_region() -> None:
    text = "Guangxi's trade reached 690 billion yuan in 2023. Vietnam bought 30 percent of it."
    assert _regions(text)["30 percent"] == "Guangxi Zhuang Autonomous Region"


@pytest.mark.parametrize(
    ("text", "quote", "region"),
    [
        # a news-site dateline ending in 消息 names where it was filed, not the story's place
        ("新华网西安3月2日消息，今年前两月陕西外贸进出口总值520亿元。", "520亿元",
         "Shaanxi Province"),
        # a place right before its metric owns it, as "Gansu's" would
        ("兰州海关发布数据：一季度甘肃外贸进出口总值150亿元。", "150亿元", "Gansu Province"),
        # 占<place>...的 N%: the place is the whole of the share
        ("一季度西安外贸进出口总值900亿元，占陕西进出口总值的80.2%。", "80.2%", "Xi'an"),
    ],
)  # fmt: skip
def test_chinese_datelines_owners_and_shares(text: str, quote: str, region: str) -> None:
    assert _regions(text)[quote] == region


@pytest.mark.parametrize(
    ("text", "quote", "region"),
    [
        # 我省 / 本市 / 本区: the story's own place at that level, across paragraphs
        ("无锡市统计局发布公报。\n\n2023年，本市进出口总额7000亿元。我省进出口总额5.2万亿元。",
         "5.2万亿元", "Jiangsu Province"),
        ("无锡市统计局发布公报。\n\n2023年，本市进出口总额7000亿元。我省进出口总额5.2万亿元。",
         "7000亿元", "Wuxi"),
        ("闵行区统计局发布。\n\n2023年，本区规上工业产值4000亿元。", "4000亿元",
         "Minhang District"),
    ],
)  # fmt: skip
def test_our_province_and_this_city(text: str, quote: str, region: str) -> None:
    assert _regions(text)[quote] == region


@pytest.mark.parametrize(
    ("text", "quote", "region"),
    [
        # "<place> (<figure>)" in a list: each figure is its place's
        ("Record exports in 2022 came from Ohio ($61 billion); Michigan ($59 billion); "
         "Georgia State ($47 billion).", "$59 billion", "Michigan"),
        ("Among the cities, Weihai (12.5 percent), Rizhao (10.1 percent) and Linyi (9.8 percent) "
         "grew fastest.", "10.1 percent", "Rizhao"),
        # the list's possessive subject owns the figure stated before the rest of the list
        ("Oregon's exports grew the fastest (21.5 percent), followed by Utah (19 percent) and "
         "Idaho (17 percent).", "21.5 percent", "Oregon"),
    ],
)  # fmt: skip
def test_listed_places_with_their_figures_in_brackets(text: str, quote: str, region: str) -> None:
    assert _regions(text)[quote] == region


def test_a_macro_region_locating_the_province_keeps_the_city_the_topic() -> None:
    text = (
        "Wenzhou in East China's Zhejiang Province saw exports rise 5 percent to 200 billion "
        "yuan in 2022.The imports reached 60 billion yuan."
    )
    assert _regions(text)["60 billion yuan"] == "Wenzhou"


def test_an_office_named_after_a_city_does_not_make_the_city_the_story() -> None:
    text = (
        "News from Lanzhou Customs on May 3 -- Exports of northwest China's Gansu Province rose "
        "9 percent to 20 billion yuan in 2022. In April alone, its exports grew 12 percent."
    )
    assert _regions(text)["12 percent"] == "Gansu Province"
