"""Hand-reviewed tables for the gazetteer generator (``build.py``): English forms pinyin gets wrong.

Build-time data only: the runtime never imports this module. Each entry was checked against
the conventional English form used by Chinese official English sites and major news agencies
(see ``shared/notes/gazetteer.md`` for the survey). Non-goals: a full exonym list for every
minority-language toponym; units not listed here get plain pinyin.
"""

from __future__ import annotations

# pypinyin's general-language readings that are wrong in toponyms (都 -> du in Chengdu, Fengdu;
# 长 -> chang in Changning, Changzhi; ...). Phrase entries still win over these, so 重庆
# Chongqing, 厦门 Xiamen, 蚌埠 Bengbu, 乐清 Yueqing keep their dictionary readings.
SINGLE_READINGS: dict[str, str] = {
    "都": "dū",
    "长": "cháng",
    "棱": "líng",
    "珲": "hún",
    "漯": "luò",
    "峙": "shì",
    "蚌": "bèng",
}
PHRASE_READINGS: dict[str, list[str]] = {
    "民乐": ["mín", "lè"],
    "南乐": ["nán", "lè"],
    "六合": ["lù", "hé"],
    "单县": ["shàn", "xiàn"],
    "长子": ["zhǎng", "zǐ"],
    "乌什": ["wū", "shí"],
    "漯河": ["luò", "hé"],
    "朝阳": ["cháo", "yáng"],
    "番禺": ["pān", "yú"],
    "六安": ["lù", "ān"],
    "乐亭": ["lào", "tíng"],
    "闵行": ["mǐn", "háng"],  # Shanghai's Minhang District, not "Minxing"
    "洪洞": ["hóng", "tóng"],
}

# Stripped Chinese name (or "adcode:" for one unit) -> English names, preferred first.
NAMES: dict[str, list[str]] = {
    # One-character stems take no phrase reading: these counties by adcode.
    "130726:蔚": ["Yu"],
    "371722:单": ["Shan"],
    "410621:浚": ["Xun"],
    "内蒙古": ["Inner Mongolia", "Nei Mongol", "Neimenggu"],
    "西藏": ["Tibet", "Xizang"],
    "香港": ["Hong Kong"],
    "澳门": ["Macao", "Macau"],
    "台湾": ["Taiwan"],
    "陕西": ["Shaanxi"],  # 山西 stays Shanxi: the double a is the official distinction
    "北京": ["Beijing", "Peking"],
    "广州": ["Guangzhou", "Canton"],
    "呼和浩特": ["Hohhot", "Huhehaote"],
    "乌鲁木齐": ["Urumqi", "Urumchi", "Wulumuqi"],
    "哈尔滨": ["Harbin", "Haerbin"],
    "喀什": ["Kashgar", "Kashi"],
    "拉萨": ["Lhasa"],
    "日喀则": ["Shigatse", "Xigaze", "Rikaze"],
    "鄂尔多斯": ["Ordos"],
    "锡林郭勒": ["Xilingol", "Xilin Gol"],
    "阿拉善": ["Alxa", "Alashan"],
    "二连浩特": ["Erenhot", "Erlianhaote"],
    "霍尔果斯": ["Khorgos", "Horgos", "Huoerguosi"],
    "克拉玛依": ["Karamay"],
    "格尔木": ["Golmud", "Ge'ermu"],
    "吐鲁番": ["Turpan", "Tulufan"],
    "哈密": ["Hami", "Kumul"],
    "和田": ["Hotan", "Hetian"],
    "阿克苏": ["Aksu"],
    "伊犁哈萨克": ["Ili", "Yili"],
    "甘孜": ["Garze", "Ganzi", "Garzê"],
    "阿坝": ["Ngawa", "Aba"],
    "果洛": ["Golog", "Guoluo"],
    "玉树": ["Yushu"],
    "兴安": ["Hinggan", "Xing'an"],
    "齐齐哈尔": ["Qiqihar"],
    "呼伦贝尔": ["Hulunbuir", "Hulunbeier"],
    "巴彦淖尔": ["Bayannur", "Bayan Nur"],
    "乌兰察布": ["Ulanqab", "Wulanchabu"],
    "海拉尔": ["Hailar"],
    "锡林浩特": ["Xilinhot"],
    "乌兰浩特": ["Ulanhot"],
    "满洲里": ["Manzhouli"],
    "库尔勒": ["Korla"],
    "阿图什": ["Artux"],
    "阿勒泰": ["Altay"],
    "博尔塔拉蒙古": ["Bortala"],
    "巴音郭楞蒙古": ["Bayingolin"],
    "克孜勒苏柯尔克孜": ["Kizilsu"],
    "阿拉山口": ["Alashankou"],
    "昌都": ["Qamdo", "Changdu"],
    "那曲": ["Nagqu", "Naqu"],
    "山南": ["Shannan", "Lhoka"],
    "林芝": ["Nyingchi", "Linzhi"],
    "阿里": ["Ngari", "Ali"],
    "香格里拉": ["Shangri-La", "Xianggelila"],
    "迪庆": ["Dêqên", "Diqing"],
    "马尔康": ["Barkam", "Ma'erkang"],
    "图木舒克": ["Tumxuk"],
    "鄂伦春": ["Oroqen"],
    "郫都": ["Pidu"],
    "筠连": ["Junlian"],
    "涡阳": ["Guoyang"],
    "吕梁": ["Lüliang", "Lvliang", "Luliang"],
    "普洱": ["Pu'er"],
    "西双版纳": ["Xishuangbanna"],
    "德宏": ["Dehong"],
    "怒江": ["Nujiang"],
    "大理": ["Dali"],
    "珠海": ["Zhuhai"],
    "厦门": ["Xiamen", "Amoy"],
}

# Extra aliases by adcode: old names still used in news archives, and common short forms.
EXTRA_ALIASES: dict[str, list[str]] = {
    "420600": ["Xiangfan"],  # Xiangyang, renamed 2010
    "530800": ["Simao"],  # Pu'er, renamed 2007
    "510118": ["Xinjin County"],  # 新津县 became a district in 2020
    "510117": ["Pi County", "Pixian"],  # 郫县 became 郫都区 in 2016
    "310115": ["Pudong"],
    "120116": ["Binhai"],
    "540000": ["Xizang Autonomous Region"],
    "810000": ["Hong Kong SAR", "Hong Kong Special Administrative Region", "HKSAR"],
    "820000": ["Macao SAR", "Macau SAR", "Macao Special Administrative Region", "MSAR"],
}

# Adcode -> level, for units whose adcode row is not an ordinary administrative unit.
LEVEL_OVERRIDES: dict[str, str] = {
    "133100": "zone",  # 雄安新区, a state-level new area under Hebei
    "500157": "zone",  # 两江新区, a state-level new area under Chongqing
    "320576": "zone",  # 苏州工业园区, an industrial park holding an adcode
}
CANONICAL_OVERRIDES: dict[str, str] = {
    "133100": "Xiong'an New Area",
    "500157": "Liangjiang New Area",
    "320576": "Suzhou Industrial Park",
    "810000": "Hong Kong",
    "820000": "Macao",
    "710000": "Taiwan",
    "150000": "Inner Mongolia Autonomous Region",
    "540000": "Tibet Autonomous Region",
}

# Ethnonyms in the official English long forms ("Garze Tibetan Autonomous Prefecture").
ETHNONYMS: dict[str, str] = {
    "汉族": "Han", "蒙古族": "Mongol", "回族": "Hui", "藏族": "Tibetan", "维吾尔族": "Uygur",
    "维吾尔": "Uygur", "苗族": "Miao", "彝族": "Yi", "壮族": "Zhuang", "布依族": "Bouyei",
    "朝鲜族": "Korean", "满族": "Manchu", "侗族": "Dong", "瑶族": "Yao", "白族": "Bai",
    "土家族": "Tujia", "哈尼族": "Hani", "哈萨克族": "Kazak", "傣族": "Dai", "黎族": "Li",
    "傈僳族": "Lisu", "佤族": "Va", "畲族": "She", "拉祜族": "Lahu", "水族": "Shui",
    "东乡族": "Dongxiang", "纳西族": "Naxi", "景颇族": "Jingpo", "柯尔克孜族": "Kirgiz",
    "土族": "Tu", "达斡尔族": "Daur", "仫佬族": "Mulao", "羌族": "Qiang", "布朗族": "Blang",
    "撒拉族": "Salar", "毛南族": "Maonan", "仡佬族": "Gelao", "锡伯族": "Xibe",
    "阿昌族": "Achang", "普米族": "Pumi", "塔吉克族": "Tajik", "怒族": "Nu",
    "乌孜别克族": "Uzbek", "俄罗斯族": "Russian", "鄂温克族": "Ewenki", "德昂族": "De'ang",
    "保安族": "Bonan", "裕固族": "Yugur", "京族": "Gin", "塔塔尔族": "Tatar",
    "独龙族": "Derung", "鄂伦春族": "Oroqen", "赫哲族": "Hezhen", "门巴族": "Monba",
    "珞巴族": "Lhoba", "基诺族": "Jino", "高山族": "Gaoshan",
}  # fmt: skip

# Countries: ISO names that differ from everyday English, and short forms used in news.
COUNTRY_NAMES: dict[str, str] = {
    "RU": "Russia", "KR": "South Korea", "KP": "North Korea", "IR": "Iran", "SY": "Syria",
    "VN": "Vietnam", "LA": "Laos", "BO": "Bolivia", "VE": "Venezuela", "TZ": "Tanzania",
    "MD": "Moldova", "US": "United States", "GB": "United Kingdom", "TR": "Türkiye",
    "CZ": "Czech Republic", "BN": "Brunei", "CD": "DR Congo", "FM": "Micronesia",
    "PS": "Palestine", "VA": "Vatican City", "CN": "China",
}  # fmt: skip
COUNTRY_ALIASES: dict[str, list[str]] = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "United States of America", "America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "TR": ["Turkey", "Turkiye"],
    "KR": ["ROK", "Republic of Korea", "Korea"],
    "KP": ["DPRK"],
    "RU": ["Russian Federation"],
    "CN": ["PRC", "People's Republic of China", "Chinese mainland", "mainland China",
           "Chinese Mainland", "Mainland China"],
    "CZ": ["Czechia"],
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "MK": ["Macedonia"],
    "NL": ["Holland"],
    "MM": ["Burma"],
    "CV": ["Cape Verde"],
    "SZ": ["Swaziland"],
    "CG": ["Congo-Brazzaville"],
    "CD": ["Democratic Republic of the Congo", "Congo-Kinshasa"],
}  # fmt: skip
# pycountry lists these as countries; here they are province-level units of China (adcodes).
COUNTRIES_AS_PROVINCES: dict[str, str] = {"HK": "810000", "MO": "820000", "TW": "710000"}
