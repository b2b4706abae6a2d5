"""Hand-curated named zones and macro-regions that no package provides.

The runtime loads :data:`CURATED` next to the generated ``data/regions.tsv``. Zones with an
adcode (Xiong'an 133100, Liangjiang 500157, Suzhou Industrial Park 320576, Pudong 310115) live in
the generated table and are not repeated here. Non-goals: the ~600 national development zones,
high-tech zones and bonded zones (they are recognized by pattern, see ``_scan.py``), initiatives
that are not places ("Belt and Road", China-Europe Railway Express), and country groups with no
fixed membership ("Belt and Road countries").
"""

from __future__ import annotations

from typing import NamedTuple


class Curated(NamedTuple):
    """One curated place; ``aliases`` include Chinese forms."""

    id: str
    name: str
    level: str  # "zone" or "macro"
    parent_id: str | None
    aliases: tuple[str, ...]
    name_zh: str | None = None


CURATED: tuple[Curated, ...] = (
    # Spans Minhang, Changning, Qingpu and Jiading; "Hongqiao" alone must mean this zone rather
    # than Tianjin's 红桥区 unless the text is about Tianjin (resolution prefers zones).
    Curated("zone:hongqiao-cbd", "Hongqiao International Central Business District", "zone",
            "310000", ("Hongqiao CBD", "Hongqiao business district", "Hongqiao Business District",
                       "Hongqiao Central Business District", "Hongqiao International CBD",
                       "Hongqiao International Hub", "Hongqiao", "虹桥商务区", "虹桥"),
            "虹桥国际中央商务区"),
    Curated("zone:shanghai-ftz", "China (Shanghai) Pilot Free Trade Zone", "zone", "310000",
            ("Shanghai Pilot Free Trade Zone", "Shanghai FTZ", "Shanghai Free Trade Zone",
             "China (Shanghai) Free Trade Zone", "China (Shanghai) Pilot Free Trade Pilot Zone",
             "上海自贸区", "上海自由贸易试验区"), "中国（上海）自由贸易试验区"),
    Curated("zone:lingang", "Lingang Special Area", "zone", "zone:shanghai-ftz",
            ("Lingang", "Lin-gang", "Lin-gang Special Area", "Lingang New Area",
             "Lin-gang New Area", "Lingang Special Area of Shanghai Pilot Free Trade Zone",
             "临港", "临港新片区"), "中国（上海）自由贸易试验区临港新片区"),
    Curated("zone:zhangjiang", "Zhangjiang Science City", "zone", "310115",
            ("Zhangjiang", "Zhangjiang Hi-Tech Park", "Zhangjiang High-tech Park", "张江"),
            "张江科学城"),
    Curated("zone:tianfu-new-area", "Tianfu New Area", "zone", "510000",
            ("Sichuan Tianfu New Area", "Tianfu New District", "Tianfu", "天府新区"),
            "四川天府新区"),
    Curated("zone:qianhai", "Qianhai Shenzhen-Hong Kong Modern Service Industry Cooperation Zone",
            "zone", "440300", ("Qianhai", "Qianhai Cooperation Zone", "前海"),
            "前海深港现代服务业合作区"),
    Curated("zone:hengqin", "Guangdong-Macao In-Depth Cooperation Zone in Hengqin", "zone",
            "440400", ("Hengqin", "Hengqin New Area", "Hengqin Cooperation Zone", "横琴"),
            "横琴粤澳深度合作区"),
    Curated("zone:hainan-ftp", "Hainan Free Trade Port", "zone", "460000",
            ("Hainan FTP", "Hainan free trade port", "海南自由贸易港"), "海南自由贸易港"),
    Curated("zone:zhongguancun", "Zhongguancun", "zone", "110108",
            ("Zhongguancun Science Park", "中关村"), "中关村"),
    Curated("zone:g60", "G60 Science and Technology Innovation Corridor", "zone", "macro:yrd",
            ("G60", "G60 Corridor", "G60 corridor", "G60 Sci-Tech Innovation Corridor",
             "G60 S&T Innovation Corridor", "G60 Science and Technology Innovation Valley",
             "Yangtze River Delta G60 Science and Technology Innovation Corridor",
             "G60科创走廊"), "G60科创走廊"),
    # Macro-regions: facts are attributed to the macro-region itself, never split over members.
    Curated("macro:yrd", "Yangtze River Delta", "macro", "CN",
            ("YRD", "Yangtze Delta", "Yangtze River Delta region", "长三角", "长江三角洲"),
            "长江三角洲"),
    Curated("macro:gba", "Guangdong-Hong Kong-Macao Greater Bay Area", "macro", "CN",
            ("Greater Bay Area", "GBA", "Guangdong-Hong Kong-Macau Greater Bay Area", "大湾区"),
            "粤港澳大湾区"),
    Curated("macro:jjj", "Beijing-Tianjin-Hebei", "macro", "CN",
            ("Beijing-Tianjin-Hebei region", "Jing-Jin-Ji", "Jingjinji", "京津冀"), "京津冀"),
    Curated("macro:chengdu-chongqing", "Chengdu-Chongqing Economic Circle", "macro", "CN",
            ("Chengdu-Chongqing Twin-City Economic Circle", "Chengdu-Chongqing region",
             "Chengdu-Chongqing economic circle", "成渝经济圈"), "成渝地区双城经济圈"),
    Curated("macro:prd", "Pearl River Delta", "macro", "CN", ("PRD", "珠三角", "珠江三角洲"),
            "珠江三角洲"),
    Curated("macro:yreb", "Yangtze River Economic Belt", "macro", "CN", ("长江经济带",),
            "长江经济带"),
    Curated("macro:northeast-china", "Northeast China", "macro", "CN", ("Northeastern China",
            "东北地区"), "东北"),
    Curated("macro:west-china", "Western China", "macro", "CN", ("West China", "西部地区"), "西部"),
    Curated("macro:central-china", "Central China", "macro", "CN", ("中部地区",), "中部"),
    Curated("macro:east-china", "East China", "macro", "CN", ("Eastern China", "东部地区"), "东部"),
    Curated("macro:eu", "European Union", "macro", None, ("EU", "欧盟"), "欧盟"),
    Curated("macro:asean", "ASEAN", "macro", None,
            ("Association of Southeast Asian Nations", "东盟"), "东盟"),
    Curated("macro:europe", "Europe", "macro", None, ("欧洲",), "欧洲"),
    Curated("macro:africa", "Africa", "macro", None, ("非洲",), "非洲"),
    Curated("macro:asia", "Asia", "macro", None, ("亚洲",), "亚洲"),
    Curated("macro:asia-pacific", "Asia-Pacific", "macro", None, ("Asia Pacific", "亚太"), "亚太"),
    Curated("macro:southeast-asia", "Southeast Asia", "macro", None, ("South-East Asia", "东南亚"),
            "东南亚"),
    Curated("macro:central-asia", "Central Asia", "macro", None, ("中亚",), "中亚"),
    Curated("macro:middle-east", "Middle East", "macro", None, ("中东",), "中东"),
    Curated("macro:latin-america", "Latin America", "macro", None, ("拉美", "拉丁美洲"),
            "拉丁美洲"),
    Curated("macro:south-america", "South America", "macro", None, ("南美洲",), "南美洲"),
    Curated("macro:north-america", "North America", "macro", None, ("北美洲",), "北美洲"),
)  # fmt: skip


def slug(text: str) -> str:
    """Lower-case ASCII slug: "Lingang Special Area" -> "lingang-special-area"."""
    out = "".join(ch.lower() if ch.isascii() and ch.isalnum() else "-" for ch in text)
    return "-".join(part for part in out.split("-") if part)


def curated() -> list[Curated]:
    """All curated entries (cities abroad are generated: ``build_abroad.py``)."""
    return list(CURATED)
