"""Loading of the bundled region table and the alias indexes the resolver and scanner use.

Pure standard library plus pydantic (through :class:`db.models.Region`). Non-goals: building
the table (that is ``build.py``) and any matching policy (``_scan.py`` and ``__init__.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from factscope.db.models import Region, RegionLevel
from factscope.importers.lexicon.common import IDEOGRAPH, IDEOGRAPH_RE

from .zones import Curated, curated

DATA_FILE = Path(__file__).with_name("data") / "regions.tsv"

# One Latin word or one run of CJK ideographs; the scanner and the prefix index share it.
TOKEN = re.compile(rf"[A-Za-z\u00C0-\u024F0-9]+|{IDEOGRAPH}+")
CJK = IDEOGRAPH_RE
# Separators allowed inside a multi-word name, after whitespace collapsing and ’ -> '.
JOINERS = frozenset({" ", "-", "'", "&", " & ", " (", ") ", " - ", "–"})
TYPE_WORDS = (
    "District", "County", "City", "Province", "Prefecture", "Municipality", "Banner", "League",
    "Region", "Area", "Autonomous", "New", "Special", "Administrative", "Zone",
)  # fmt: skip
LEVEL_ORDER: dict[str, int] = {
    "country": 0, "macro": 1, "province": 2, "municipality": 3, "zone": 4, "city": 5,
    "district": 6, "county": 6,
}  # fmt: skip


def normalize(name: str) -> str:
    """Canonical lookup form: curly apostrophes straightened, whitespace collapsed."""
    return " ".join(name.replace("’", "'").replace("‘", "'").replace("`", "'").split())


# Prefecture-level cities that win a bare-name collision with a less known namesake when the
# text says nothing else (the gazetteer research: "a prominence prior and context are
# mandatory"): provincial capitals ("Fuzhou": Fujian's capital, not Jiangxi's 抚州), the five
# separately planned cities, and Suzhou, Jiangsu (GDP among China's top ten cities; Anhui's
# 宿州 is a tenth of it). Collisions between peers (Taizhou, Yichun, Yulin) stay unresolved.
PROMINENT = frozenset({
    "130100", "140100", "150100", "210100", "220100", "230100", "320100", "330100", "340100",
    "350100", "360100", "370100", "410100", "420100", "430100", "440100", "450100", "460100",
    "510100", "520100", "530100", "540100", "610100", "620100", "630100", "640100", "650100",
    "210200", "370200", "330200", "350200", "440300", "320500",
})  # fmt: skip


def tier(region: Region) -> int:
    """Prominence tier, lower is more prominent: country/macro 0, province-level 1,
    prefecture-level 2, county-level 3; zones 0 (resolution takes zones first anyway)."""
    if region.level in ("country", "macro", "zone"):
        return 0
    if region.level in ("province", "municipality"):
        return 1
    rid = region.id
    if rid.isdigit():
        return 2 if rid.endswith("00") else 3
    return 2  # foreign cities


def sort_key(region: Region) -> tuple[int, int, str]:
    """Search order among equally good matches: countries, macro-regions, province-level units,
    zones (so "Hongqiao" gives the Shanghai zone before Tianjin's district), cities, ..."""
    order = LEVEL_ORDER[region.level]
    if region.level == "city" and tier(region) == 3:
        order += 1  # county-level cities after prefecture-level ones
    return order, len(region.name), region.id


def read_table(path: Path = DATA_FILE) -> list[Region]:
    """Regions of the generated TSV (rows are trusted: built by ``build.py``)."""
    regions = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("id\t"):
                continue
            rid, parent, level, name, name_zh, aliases = line.rstrip("\n").split("\t")
            regions.append(
                Region.model_construct(
                    id=rid,
                    name=name,
                    level=_level(level),
                    parent_id=parent or None,
                    name_zh=name_zh or None,
                    aliases=aliases.split("|") if aliases else [],
                )
            )
    return regions


def curated_regions(entries: Iterable[Curated] | None = None) -> list[Region]:
    return [
        Region(
            id=c.id,
            name=c.name,
            level=_level(c.level),
            parent_id=c.parent_id,
            name_zh=c.name_zh,
            aliases=list(c.aliases),
        )
        for c in (curated() if entries is None else entries)
    ]


def _level(level: str) -> RegionLevel:
    if level not in LEVEL_ORDER:
        raise ValueError(f"unknown region level {level!r}")
    return level  # type: ignore[return-value]


def lower_type_variants(alias: str) -> list[str]:
    """ "Songjiang District" -> ["Songjiang district"]: news often writes the type lower-case."""
    words = alias.split(" ")
    if len(words) < 2:
        return []
    i = len(words)
    while i > 1 and words[i - 1] in TYPE_WORDS:
        i -= 1
    if i == len(words):
        return []
    return [" ".join(words[:i] + [w.lower() for w in words[i:]])]


class AliasIndex:
    """Name -> region ids, in three forms: exact case (for text), case-folded (for
    ``resolve``/``search``) and CJK (for Chinese text); plus token prefixes of exact keys."""

    def __init__(self) -> None:
        self.exact: dict[str, list[str]] = {}
        self.folded: dict[str, list[str]] = {}
        self.cjk: dict[str, list[str]] = {}
        self.prefixes: set[str] = set()
        self.cjk_first: set[str] = set()
        self.cjk_max = 0

    def add_region(self, region: Region) -> None:
        names = {region.name, *region.aliases}
        if region.name_zh:
            names.add(region.name_zh)
        for name in names:
            self.add(normalize(name), region)

    def add(self, key: str, region: Region) -> None:
        _append(self.folded, key.casefold(), region.id)
        if CJK.search(key):
            # county stems (和平, 新华, 长安 ...) are common words: full names only for them
            if tier(region) < 3 or key == region.name_zh or not region.id.isdigit():
                self._add_cjk(key, region.id)
            return
        for form in (key, *lower_type_variants(key)):
            if _append(self.exact, form, region.id):
                self._add_prefixes(form)

    def _add_cjk(self, key: str, rid: str) -> None:
        if _append(self.cjk, key, rid):
            self.cjk_first.add(key[0])
            self.cjk_max = max(self.cjk_max, len(key))

    def _add_prefixes(self, key: str) -> None:
        for m in TOKEN.finditer(key):
            self.prefixes.add(key[: m.end()])


def _append(index: dict[str, list[str]], key: str, rid: str) -> bool:
    """Add ``rid`` under ``key``; True when the key is new."""
    ids = index.get(key)
    if ids is None:
        index[key] = [rid]
        return True
    if rid not in ids:
        ids.append(rid)
    return False
