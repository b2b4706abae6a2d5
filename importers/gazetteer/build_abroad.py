"""Rows of the generated gazetteer for places abroad: partner subdivisions and main cities.

Called by ``build.py``. First-level subdivisions come from pycountry's ISO 3166-2 (ids are the
ISO codes, "DE-BY"; parents the ISO country), named in English from pycountry's English
translation, the exonyms of :mod:`.abroad`, Korean romanization rules and ASCII folding
("Karnātaka" -> "Karnataka"); Chinese names from pycountry's zh_CN translation. Main cities are
:data:`.abroad.MAIN_CITIES`, ids "city:<cc>:<slug>". A name that already denotes a Chinese unit
or a country is never given to a place abroad: the corpus is mostly about China, and "Mexico"
is the country before it is a Mexican state.
Non-goals: places abroad below the first level other than the listed cities.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Iterable

from . import abroad
from .build import Row
from .zones import slug

_CJK = re.compile(r"[\u3400-\u9fff]")
# Korean ISO names: "Chungcheongbuk-do" is North Chungcheong Province, "Busan-gwangyeoksi"
# Busan Metropolitan City, "Seoul-teukbyeolsi" Seoul, "Jeju-teukbyeoljachido" Jeju.
_KOREAN = re.compile(r"^(?P<stem>[A-Za-z]+?)(?P<dir>buk|nam)?-(?P<kind>do|gwangyeoksi|"
                     r"teukbyeolsi|teukbyeoljachido|teukbyeoljachisi)$")  # fmt: skip
_KOREAN_TYPES = {"gwangyeoksi": "Metropolitan City", "teukbyeolsi": "Special City"}


def fold(name: str) -> str:
    """ASCII spelling of a Latin name: diacritics dropped, Vietnamese đ as d."""
    name = name.replace("đ", "d").replace("Đ", "D").replace("’", "'")
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def clean_iso(name: str) -> str:
    """ "Catalunya [Cataluña]" -> "Catalunya"; "Murcia, Región de" -> "Murcia"."""
    return re.sub(r"\s*\[.*?\]|,.*$|\s*\(.*?\)", "", name).strip()


def korean_names(iso: str) -> tuple[list[str], str]:
    """English names and type word of a Korean ISO name ("Gyeongsangnam-do")."""
    m = _KOREAN.match(iso)
    if m is None:
        return [iso], "Province"
    stem = m.group("stem")
    if m.group("dir"):
        direction = "North" if m.group("dir") == "buk" else "South"
        return [f"{direction} {stem}"], "Province"
    return [stem], _KOREAN_TYPES.get(m.group("kind"), "Province")


def subdivision_rows(taken: set[str]) -> list[Row]:
    """First-level subdivisions of :data:`.abroad.PARTNERS`; ``taken``: names of Chinese units
    and countries, which no row here may use."""
    import pycountry

    en = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"])
    zh = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"])
    rows = []
    for cc, types in abroad.PARTNERS.items():
        # pycountry's lookup is untyped; this is build-only code (the gazetteer extra).
        found = pycountry.subdivisions.get(country_code=cc)  # type: ignore[no-untyped-call]
        for sub in sorted(found, key=lambda s: s.code):
            if sub.type not in types:
                continue
            row = subdivision_row(sub.code, sub.name, en.gettext(sub.name), taken)
            if row is None:
                continue
            name_zh = zh.gettext(sub.name)
            if _CJK.search(name_zh) and name_zh not in taken:
                row.name_zh = name_zh
                row.aliases.add(name_zh)
            rows.append(row)
    return rows


def subdivision_row(code: str, iso: str, english: str, taken: set[str]) -> Row | None:
    """One subdivision: canonical name, aliases with and without the type word."""
    cc = code[:2]
    type_word = abroad.TYPE_WORDS.get(cc, "")
    if code in abroad.NAMES:
        names, typed = abroad.NAMES[code], False
    elif cc == "KR":
        names, type_word = korean_names(iso)
        typed = type_word == "Province"  # "Busan", not "Busan Metropolitan City"
    else:
        names, typed = [clean_iso(english)], cc in abroad.CANONICAL_TYPED
    iso_forms = {clean_iso(iso), clean_iso(english)}
    aliases: set[str] = set()
    for n in (*names, *iso_forms):
        for form in {n, fold(n)} - abroad.NOT_ALIASES:
            typed_form = form.casefold().endswith(type_word.casefold())
            if len(form) > 3 or form in abroad.SHORT_NAMES_KEPT or typed_form:
                aliases.add(form)
            if type_word and not typed_form and (n in names or n == names[0]) and "-" not in n[-6:]:
                aliases.add(f"{form} {type_word}")  # "Aichi Prefecture", not "Gyeonggi-do Province"
    aliases = {a for a in aliases if a not in taken}
    first = fold(names[0]) if cc in ("IN", "VN", "TH", "MY", "ID") else names[0]
    canonical = f"{first} {type_word}" if typed or len(first) <= 3 else first
    if canonical in taken or canonical in abroad.NOT_ALIASES or not aliases:
        canonical = f"{first} {type_word}".strip()
        if canonical in taken:
            return None
    aliases.add(canonical)
    aliases |= set(abroad.DEMONYMS.get(code, [])) - taken
    return Row(code, cc, "province", canonical, "", aliases)


def city_rows(subdivisions: Iterable[Row], taken: set[str]) -> list[Row]:
    """The main cities, each under its subdivision (or country)."""
    known = {r.id for r in subdivisions}
    rows = []
    for parent, name, aliases in abroad.MAIN_CITIES:
        cc = parent[:2]
        if "-" in parent and parent not in known:
            raise ValueError(f"city {name}: unknown subdivision {parent}")
        names = {name, fold(name), *aliases} - taken
        zh = next((a for a in aliases if _CJK.search(a)), "")
        rows.append(Row(f"city:{cc.lower()}:{slug(fold(name))}", parent, "city", name, zh, names))
    return rows


def build_abroad(chinese: Iterable[Row], countries: Iterable[Row]) -> list[Row]:
    """Subdivision and city rows, none named like a Chinese unit or a country."""
    taken = {a for r in (*chinese, *countries) for a in (r.name, r.name_zh, *r.aliases) if a}
    subs = subdivision_rows(taken)
    return subs + city_rows(subs, taken)
