"""Hand-reviewed tables for the places abroad of the generated gazetteer (``build_abroad.py``).

Build-time data only: the runtime never imports this module. pycountry's ISO 3166-2 gives the
first-level subdivisions of each trading partner below, with codes and parents, but in local
spelling ("Bayern", "Jawa Barat", "Chungcheongbuk-do", "Hồ Chí Minh"); English news writes the
exonyms listed here (Korean names are derived by rule in the builder). Main cities are not in
ISO 3166-2 at all: :data:`MAIN_CITIES` lists the ones trade and economy news names, each under
its subdivision (Munich under Bavaria), so a story about one is attributed there.
Non-goals: every country (partners outside :data:`PARTNERS` keep the country level), second-
level units (districts, counties, French departments), and towns below the main cities.
"""

from __future__ import annotations

# Country -> the ISO 3166-2 subdivision types kept (the first level as news uses it; outlying
# areas that ISO also lists as countries, Puerto Rico or Aruba, are left to the country table).
PARTNERS: dict[str, tuple[str, ...]] = {
    "US": ("State", "District"),
    "JP": ("Prefecture",),
    "KR": ("Metropolitan city", "Province", "Special city", "Special self-governing province",
           "Special self-governing city"),
    "DE": ("Land",),
    "VN": ("Municipality", "Province"),
    "IN": ("State", "Union territory"),
    "ID": ("Province", "Special region", "Capital district", "Special district",
           "Capital special region"),
    "TH": ("Metropolitan administration", "Province", "Special administrative city"),
    "MY": ("State", "Federal territory"),
    "AU": ("State", "Territory"),
    "CA": ("Province", "Territory"),
    "MX": ("State", "Federal entity"),
    "BR": ("State", "Federal district"),
    "GB": ("Country", "Province"),
    "FR": ("Metropolitan region", "Metropolitan collectivity with special status"),
    "IT": ("Region", "Autonomous region"),
    "ES": ("Autonomous community",),
    "NL": ("Province",),
}  # fmt: skip

# The English type word a country's subdivisions take in news ("Aichi Prefecture", "Binh Duong
# province", "the state of Gujarat"). For the countries of CANONICAL_TYPED it is part of the
# canonical name, as Chinese provinces are "Sichuan Province"; elsewhere it only makes aliases.
TYPE_WORDS: dict[str, str] = {
    "US": "State", "JP": "Prefecture", "KR": "Province", "DE": "State", "VN": "Province",
    "IN": "State", "ID": "Province", "TH": "Province", "MY": "State", "AU": "State",
    "CA": "Province", "MX": "State", "BR": "State", "FR": "Region", "IT": "Region",
    "ES": "Region", "NL": "Province",
}  # fmt: skip
CANONICAL_TYPED = frozenset({"JP", "KR", "VN", "TH"})

# ISO 3166-2 code -> English names, preferred first (the canonical name and its aliases; the
# ISO spelling stays an alias too). A unit listed here takes no type word in its canonical name.
NAMES: dict[str, list[str]] = {
    "DE-BY": ["Bavaria", "Bayern"],
    "DE-HE": ["Hesse", "Hessen"],
    "DE-NI": ["Lower Saxony"],
    "DE-NW": ["North Rhine-Westphalia", "North Rhine Westphalia", "NRW"],
    "DE-RP": ["Rhineland-Palatinate"],
    "DE-SN": ["Saxony"],
    "DE-ST": ["Saxony-Anhalt"],
    "DE-TH": ["Thuringia"],
    "DE-MV": ["Mecklenburg-Western Pomerania", "Mecklenburg-West Pomerania"],
    "DE-BW": ["Baden-Württemberg", "Baden-Wuerttemberg"],
    "IT-21": ["Piedmont"], "IT-23": ["Aosta Valley"], "IT-25": ["Lombardy"],
    "IT-36": ["Friuli-Venezia Giulia"], "IT-52": ["Tuscany"], "IT-75": ["Apulia"],
    "IT-82": ["Sicily"], "IT-88": ["Sardinia"],
    "ES-AN": ["Andalusia"], "ES-AR": ["Aragon"], "ES-AS": ["Asturias"],
    "ES-CL": ["Castile and León", "Castile and Leon"], "ES-CN": ["Canary Islands"],
    "ES-CT": ["Catalonia"], "ES-GA": ["Galicia"], "ES-IB": ["Balearic Islands"],
    "ES-MC": ["Murcia"], "ES-MD": ["Community of Madrid"], "ES-NC": ["Navarre"],
    "ES-PV": ["Basque Country"], "ES-VC": ["Valencian Community"],
    "FR-20R": ["Corsica"], "FR-BRE": ["Brittany"], "FR-NOR": ["Normandy"],
    "FR-NAQ": ["Nouvelle-Aquitaine"], "FR-OCC": ["Occitanie", "Occitania"],
    "FR-GES": ["Grand Est"], "FR-PAC": ["Provence-Alpes-Côte d'Azur"],
    "FR-PDL": ["Pays de la Loire"],
    "GB-WLS": ["Wales"],
    "NL-NB": ["North Brabant"], "NL-NH": ["North Holland"], "NL-ZH": ["South Holland"],
    "NL-FR": ["Friesland"],
    "ID-JB": ["West Java"], "ID-JT": ["Central Java"], "ID-JI": ["East Java"],
    "ID-JK": ["Jakarta"], "ID-YO": ["Yogyakarta"],
    "ID-KB": ["West Kalimantan"], "ID-KI": ["East Kalimantan"], "ID-KS": ["South Kalimantan"],
    "ID-KT": ["Central Kalimantan"], "ID-KU": ["North Kalimantan"], "ID-SU": ["North Sumatra"],
    "ID-SB": ["West Sumatra"], "ID-SS": ["South Sumatra"], "ID-SA": ["North Sulawesi"],
    "ID-SN": ["South Sulawesi"], "ID-ST": ["Central Sulawesi"], "ID-SG": ["Southeast Sulawesi"],
    "ID-SR": ["West Sulawesi"], "ID-NB": ["West Nusa Tenggara"], "ID-NT": ["East Nusa Tenggara"],
    "ID-BB": ["Bangka Belitung Islands"], "ID-KR": ["Riau Islands"], "ID-MU": ["North Maluku"],
    "ID-PB": ["West Papua"], "ID-PD": ["Southwest Papua"], "ID-PE": ["Highland Papua"],
    "ID-PS": ["South Papua"], "ID-PT": ["Central Papua"],
    "MY-07": ["Penang"], "MY-04": ["Malacca", "Melaka"], "MY-14": ["Kuala Lumpur"],
    "MY-15": ["Labuan"], "MY-16": ["Putrajaya"],
    "TH-10": ["Bangkok"], "TH-S": ["Pattaya"],
    "VN-HN": ["Hanoi", "Ha Noi"], "VN-SG": ["Ho Chi Minh City", "Saigon", "HCMC"],
    "VN-DN": ["Da Nang", "Danang"], "VN-HP": ["Hai Phong", "Haiphong"], "VN-CT": ["Can Tho"],
    "VN-26": ["Thua Thien Hue Province", "Thua Thien-Hue", "Hue"],
    "VN-43": ["Ba Ria-Vung Tau Province", "Ba Ria-Vung Tau", "Ba Ria - Vung Tau"],
    "KR-50": ["Sejong City", "Sejong"],
    "JP-13": ["Tokyo", "Tokyo Metropolis"], "JP-01": ["Hokkaido"],
    "MX-CMX": ["Mexico City", "Ciudad de México"],
    "MX-MEX": ["State of Mexico", "Mexico State", "Estado de México"],
    "MX-COA": ["Coahuila"], "MX-MIC": ["Michoacán"], "MX-VER": ["Veracruz"],
    "BR-DF": ["Federal District", "Distrito Federal"],
    "US-WA": ["Washington State", "Washington state"],
    "US-DC": ["District of Columbia"],
}  # fmt: skip
# Adjectives that news uses for the place itself ("Bavarian exports fell"); only those that are
# not also a language, people or style in everyday use (not "Catalan", "Victorian").
DEMONYMS: dict[str, list[str]] = {
    "DE-BY": ["Bavarian"], "US-CA": ["Californian"], "US-TX": ["Texan"],
    "AU-TAS": ["Tasmanian"], "IT-82": ["Sicilian"], "ES-AN": ["Andalusian"],
}  # fmt: skip
# ISO names that must not become aliases: another place's everyday name ("Washington" is the
# US government in news; "México" the country; "Victoria" Hong Kong's harbour and a queen).
NOT_ALIASES: frozenset[str] = frozenset({"Washington", "México", "Mexico", "Victoria"})
# Short names (three letters or fewer) are common words or syllables ("Tak", "Nan", "Mie"):
# they are kept only with their type word, except these.
SHORT_NAMES_KEPT: frozenset[str] = frozenset({"Goa"})

# Main cities abroad, each under its ISO 3166-2 subdivision (or its country where the country
# is not in PARTNERS): the China-Europe rail termini, partner capitals and ports, and the
# largest cities of each partner's main economic regions. Cities that are a subdivision of
# their own (Hamburg, Berlin, Tokyo, Seoul, Hanoi, Bangkok) are the subdivision.
MAIN_CITIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("DE-BY", "Munich", ("München", "慕尼黑")), ("DE-BY", "Nuremberg", ("Nürnberg", "纽伦堡")),
    ("DE-HE", "Frankfurt", ("Frankfurt am Main", "法兰克福")),
    ("DE-NW", "Duisburg", ("杜伊斯堡",)), ("DE-NW", "Cologne", ("Köln", "科隆")),
    ("DE-NW", "Düsseldorf", ("Dusseldorf", "杜塞尔多夫")),
    ("DE-BW", "Stuttgart", ("斯图加特",)), ("DE-SN", "Leipzig", ("莱比锡",)),
    ("DE-SN", "Dresden", ("德累斯顿",)), ("DE-NI", "Hanover", ("Hannover", "汉诺威")),
    ("US-CA", "Los Angeles", ("洛杉矶",)), ("US-CA", "San Francisco", ("旧金山",)),
    ("US-CA", "San Diego", ()), ("US-CA", "San Jose", ()), ("US-TX", "Houston", ("休斯敦",)),
    ("US-TX", "Dallas", ("达拉斯",)), ("US-IL", "Chicago", ("芝加哥",)),
    ("US-WA", "Seattle", ("西雅图",)), ("US-NY", "New York City", ("NYC", "纽约")),
    ("US-MA", "Boston", ("波士顿",)), ("US-GA", "Atlanta", ()), ("US-FL", "Miami", ()),
    ("US-MI", "Detroit", ()), ("US-PA", "Philadelphia", ()),
    ("IN-MH", "Mumbai", ("Bombay", "孟买")), ("IN-MH", "Pune", ()),
    ("IN-KA", "Bengaluru", ("Bangalore", "班加罗尔")), ("IN-TN", "Chennai", ("Madras", "金奈")),
    ("IN-WB", "Kolkata", ("Calcutta", "加尔各答")), ("IN-TS", "Hyderabad", ()),
    ("IN-GJ", "Ahmedabad", ()), ("IN-DL", "New Delhi", ("新德里",)),
    ("IN-GJ", "Surat", ()), ("IN-UP", "Lucknow", ()), ("IN-UP", "Noida", ()),
    ("IN-RJ", "Jaipur", ()), ("IN-MP", "Bhopal", ()), ("IN-MP", "Indore", ()),
    ("IN-BR", "Patna", ()), ("IN-OD", "Bhubaneswar", ()),
    ("IN-KL", "Thiruvananthapuram", ()), ("IN-AP", "Visakhapatnam", ()),
    ("IN-HR", "Gurugram", ("Gurgaon",)), ("IN-TN", "Coimbatore", ()),
    ("VN-SG", "Thu Duc", ()), ("VN-56", "Tu Son", ()), ("JP-40", "Kitakyushu", ()),
    ("JP-14", "Yokohama", ("横滨",)), ("JP-23", "Nagoya", ("名古屋",)),
    ("JP-28", "Kobe", ("神户",)),
    ("JP-01", "Sapporo", ("札幌",)), ("KR-48", "Changwon", ()), ("KR-41", "Suwon", ()),
    ("AU-NSW", "Sydney", ("悉尼",)), ("AU-VIC", "Melbourne", ("墨尔本",)),
    ("AU-QLD", "Brisbane", ()), ("AU-WA", "Perth", ("珀斯",)), ("AU-SA", "Adelaide", ()),
    ("CA-ON", "Toronto", ("多伦多",)), ("CA-BC", "Vancouver", ("温哥华",)),
    ("CA-QC", "Montreal", ("Montréal", "蒙特利尔")),
    ("FR-IDF", "Paris", ("巴黎",)), ("FR-ARA", "Lyon", ()), ("FR-PAC", "Marseille", ()),
    ("IT-25", "Milan", ("Milano", "米兰")), ("IT-62", "Rome", ("Roma", "罗马")),
    ("IT-21", "Turin", ("Torino",)), ("IT-72", "Naples", ("Napoli",)),
    ("ES-MD", "Madrid", ("马德里",)), ("ES-CT", "Barcelona", ("巴塞罗那",)),
    ("ES-PV", "Bilbao", ()),
    ("GB-ENG", "London", ("伦敦",)), ("GB-ENG", "Manchester", ("曼彻斯特",)),
    ("GB-SCT", "Edinburgh", ()), ("GB-SCT", "Glasgow", ()),
    ("NL-ZH", "Rotterdam", ("鹿特丹",)), ("NL-NH", "Amsterdam", ("阿姆斯特丹",)),
    ("MY-01", "Johor Bahru", ("新山",)), ("ID-JI", "Surabaya", ("泗水",)),
    ("ID-JB", "Bandung", ("万隆",)), ("ID-SU", "Medan", ("棉兰",)),
    ("MX-NLE", "Monterrey", ("蒙特雷",)), ("MX-JAL", "Guadalajara", ()),
    ("VN-13", "Ha Long", ("Halong",)), ("TH-20", "Laem Chabang", ("林查班",)),
    ("PL", "Lodz", ("Łódź", "罗兹")), ("PL", "Warsaw", ("华沙",)),
    ("HU", "Budapest", ("布达佩斯",)), ("BY", "Minsk", ("明斯克",)),
    ("RU", "Moscow", ("莫斯科",)), ("KZ", "Almaty", ("阿拉木图",)),
    ("UZ", "Tashkent", ("塔什干",)), ("AE", "Dubai", ("迪拜",)), ("PK", "Gwadar", ("瓜达尔",)),
    ("GR", "Piraeus", ("比雷埃夫斯",)),
)  # fmt: skip
