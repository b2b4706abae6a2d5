"""Region attribution through the gazetteer: anaphors, names, enumerations, topic carry-over."""

from __future__ import annotations

import pytest

from factscope.importers.extract import extract_facts
from factscope.importers.extract.regions import RegionTracker
from factscope.importers.extract.sentences import split_sentences
from factscope.importers.gazetteer import Gazetteer


def _regions(text: str) -> dict[str, str | None]:
    return {f.quote: f.region for f in extract_facts(text)}


def test_anaphor_carries_district_across_sentences() -> None:
    text = (
        "Exports from Pudong grew quickly last year. The district's total trade reached "
        "2.1 trillion yuan in 2021, up 8 percent year on year."
    )
    assert _regions(text)["2.1 trillion yuan"] == "Pudong New Area"


def test_topic_carries_to_sentences_without_places() -> None:
    text = "Chengdu is building new logistics hubs. The hubs employ 12,000 workers."
    assert _regions(text)["12,000 workers"] == "Chengdu"


def test_place_inside_company_name_is_not_the_region() -> None:
    text = (
        "Hefei is courting investors.\n\nThe firm Guangzhou Lingyun Auto Co signed "
        "orders worth 50 million yuan."
    )
    assert _regions(text)["50 million yuan"] == "Hefei"


def test_rank_scope_is_not_the_region() -> None:
    text = "In 2021, Wuxi's exports hit 400 billion yuan, ranking second in Jiangsu Province."
    got = {f.quote: (f.region, f.rank, f.rank_scope) for f in extract_facts(text)}
    assert got["400 billion yuan"][0] == "Wuxi"
    assert got["second"] == ("Wuxi", 2, "Jiangsu Province")


def test_cross_provincial_enumeration_has_no_region() -> None:
    text = (
        "Xiamen is a port city.\n\nThe alliance links six cities – Nanjing, Hangzhou, "
        "Hefei, Wuhan, Changsha and Nanchang."
    )
    assert _regions(text)["six cities"] is None


def test_enumeration_within_one_province_uses_the_province() -> None:
    text = "The 12 parks sit in 4 cities including Guangzhou, Shenzhen, Foshan and Dongguan."
    assert _regions(text)["4 cities"] == "Guangdong Province"


def test_region_level_and_id_are_set() -> None:
    facts = extract_facts("Hainan Province attracted 3.5 billion US dollars of foreign capital.")
    assert facts[0].region_level == "province" and facts[0].region_id


def test_city_followed_by_its_district_is_a_place_not_a_name() -> None:
    text = "Shenzhen Futian District attracted 156 foreign-invested enterprises."
    assert _regions(text)["156 foreign-invested enterprises"] == "Futian District"


@pytest.mark.parametrize(
    ("text", "quote", "region"),
    [
        # An ancestor named after a place only locates it: the figure is about the place.
        (
            "Minhang District in southwest Shanghai reported exports of 98.4 billion yuan.",
            "98.4 billion yuan",
            "Minhang District",
        ),
        (
            "The output of Mianyang, a city in Sichuan Province, reached 350 billion yuan.",
            "350 billion yuan",
            "Mianyang",
        ),
        (
            "The GDP of Wuhan, capital of Hubei Province, rose to 1.77 trillion yuan.",
            "1.77 trillion yuan",
            "Wuhan",
        ),
        # A possessive names the figure's own place, even after a more specific one.
        (
            "Unlike Wuhan, Hubei Province's exports totaled 423 billion yuan.",
            "423 billion yuan",
            "Hubei Province",
        ),
    ],
)
def test_most_specific_place_wins_over_a_locating_ancestor(
    text: str, quote: str, region: str
) -> None:
    assert _regions(text)[quote] == region


def test_the_province_is_the_story_province_not_the_last_one_named() -> None:
    text = (
        "Hunan harvested more rice in 2022, second only to Heilongjiang. The province's "
        "early rice output stood at 6.5 million tonnes."
    )
    assert _regions(text)["6.5 million tonnes"] == "Hunan Province"


def test_the_country_as_a_scope_does_not_become_the_topic() -> None:
    text = (
        "Jiangsu has led the country's rankings of innovation for years. Its research "
        "spending reached 380 billion yuan in 2022."
    )
    assert _regions(text)["380 billion yuan"] == "Jiangsu Province"


def test_an_appositive_anaphor_locates_the_place_before_it() -> None:
    text = (
        "Exports of Hubei rose in 2021. Yichang, the province's chemical base, saw its "
        "output value reach 410 billion yuan."
    )
    assert _regions(text)["410 billion yuan"] == "Yichang"


def test_a_chinese_dateline_place_is_not_the_region() -> None:
    text = "新华社南宁3月8日电 记者从南宁海关获悉，2022年，广西壮族自治区外贸进出口6600亿元。"
    assert _regions(text)["6600亿元"] == "Guangxi Zhuang Autonomous Region"


def test_an_ancestor_after_a_chinese_clause_break_does_not_locate() -> None:
    text = "昆明市今年积极扩大开放，2022年，云南省进出口总额3300亿元。"
    assert _regions(text)["3300亿元"] == "Yunnan Province"


def test_follow_reads_the_unread_sentences_in_order() -> None:
    text = "Trade fairs opened. Chengdu hosted one. The city drew crowds. Wuhan hosted two."
    sentences = split_sentences(text)
    tracker = RegionTracker(text, Gazetteer.default(), sentences)
    unread = list(sentences[:3])
    topic = tracker.follow(None, unread)
    assert topic is not None and topic.name == "Chengdu" and unread == []
    stepwise = None
    for start, end in sentences:
        stepwise = tracker.update_topic(stepwise, start, end)
    assert stepwise is not None and stepwise.name == "Wuhan"
    assert tracker.follow(topic, [sentences[3]]) == stepwise
    assert tracker.follow(topic, []) is topic


def test_the_topic_follows_sentences_without_figures_within_a_paragraph_only() -> None:
    text = (
        "Hefei's exports rose 5 percent. Officials in Wuhu visited the fair. Output reached "
        "3 billion yuan.\n\nOutput reached 4 billion yuan."
    )
    got = _regions(text)
    assert got == {"5 percent": "Hefei", "3 billion yuan": "Wuhu", "4 billion yuan": "Hefei"}
