"""Places abroad in the generated gazetteer: naming rules of ``build_abroad`` and the rows the
committed table holds (read through the runtime loader, as the extractor sees them)."""

from __future__ import annotations

import pytest

from factscope.importers.gazetteer import Gazetteer
from factscope.importers.gazetteer.build import Row


@pytest.mark.parametrize(
    ("iso", "names", "type_word"),
    [
        ("Chungcheongbuk-do", ["North Chungcheong"], "Province"),
        ("Gyeongsangnam-do", ["South Gyeongsang"], "Province"),
        ("Gyeonggi-do", ["Gyeonggi"], "Province"),
        ("Busan-gwangyeoksi", ["Busan"], "Metropolitan City"),
        ("Seoul-teukbyeolsi", ["Seoul"], "Special City"),
    ],
)
def test_korean_iso_names_become_english(iso: str, names: list[str], type_word: str) -> None:
    from factscope.importers.gazetteer.build_abroad import korean_names

    assert korean_names(iso) == (names, type_word)


@pytest.mark.parametrize(
    ("raw", "folded"),
    [("Karnātaka", "Karnataka"), ("Bình Dương", "Binh Duong"), ("Đắk Lắk", "Dak Lak"),
     ("Baden-Württemberg", "Baden-Wurttemberg")],
)  # fmt: skip
def test_fold_drops_diacritics(raw: str, folded: str) -> None:
    from factscope.importers.gazetteer.build_abroad import fold

    assert fold(raw) == folded


def test_iso_decorations_are_dropped() -> None:
    from factscope.importers.gazetteer.build_abroad import clean_iso

    assert clean_iso("Catalunya [Cataluña]") == "Catalunya"
    assert clean_iso("Murcia, Región de") == "Murcia"


def test_a_name_of_a_chinese_unit_or_country_is_never_reused() -> None:
    from factscope.importers.gazetteer.build_abroad import subdivision_row

    row = subdivision_row("US-GA", "Georgia", "Georgia", taken={"Georgia"})
    assert isinstance(row, Row)
    assert row.name == "Georgia State" and "Georgia" not in row.aliases
    short = subdivision_row("TH-55", "Nan", "Nan", taken=set())
    assert short is not None and short.name == "Nan Province" and "Nan" not in short.aliases


@pytest.mark.parametrize(
    ("name", "rid", "chain"),
    [
        ("Bavaria", "DE-BY", ["DE-BY", "DE"]),
        ("Bayern", "DE-BY", ["DE-BY", "DE"]),
        ("Munich", "city:de:munich", ["city:de:munich", "DE-BY", "DE"]),
        ("Mumbai", "city:in:mumbai", ["city:in:mumbai", "IN-MH", "IN"]),
        ("Karnataka", "IN-KA", ["IN-KA", "IN"]),
        ("Binh Duong Province", "VN-57", ["VN-57", "VN"]),
        ("Ho Chi Minh City", "VN-SG", ["VN-SG", "VN"]),
        ("North Chungcheong", "KR-43", ["KR-43", "KR"]),
        ("West Java", "ID-JB", ["ID-JB", "ID"]),
        ("Aichi", "JP-23", ["JP-23", "JP"]),
        ("巴伐利亚", "DE-BY", ["DE-BY", "DE"]),
        ("Mexico", "MX", ["MX"]),  # the country, not the State of Mexico
    ],
)
def test_table_resolves_places_abroad(name: str, rid: str, chain: list[str]) -> None:
    gz = Gazetteer.default()
    res = gz.resolve(name)
    assert res.region is not None and res.region.id == rid
    assert [r.id for r in res.chain] == chain


def test_every_city_abroad_hangs_under_a_generated_place() -> None:
    from factscope.importers.gazetteer import abroad

    gz = Gazetteer.default()
    for parent, name, _ in abroad.MAIN_CITIES:
        assert gz.get(parent) is not None, (name, parent)


@pytest.mark.parametrize(
    "text", ["Ships crossed Victoria Harbour.", "Washington said tariffs rise."]
)
def test_everyday_names_of_other_things_are_no_place_abroad(text: str) -> None:
    ids = [m.region_id for m in Gazetteer.default().find_mentions(text)]
    assert not any(i and i.startswith(("AU-", "US-")) for i in ids)
