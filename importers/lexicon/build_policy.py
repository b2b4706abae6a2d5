"""What :mod:`.build` keeps of the registries: the policy, as data.

pint defines some 1,000 units and CLDR some 300 currencies; news write about a fraction of
them, and some of their names are ordinary English words after a number ("3 points", "a 2 in
10 chance"). Editing these tables and running the build is how the extractor learns or
forgets a unit.
"""

from __future__ import annotations

# pint dimensionality -> the quantity kind stored for it (README: unit values)
DIMENSION_KINDS: dict[str, str] = {
    "[length]": "length",
    "[mass]": "mass",
    "[length] ** 2": "area",
    "[length] ** 3": "volume",
    "[time]": "time",
    "[temperature]": "temperature",
    "[length] / [time]": "speed",
    "[mass] * [length] ** 2 / [time] ** 2": "energy",
    "[mass] * [length] ** 2 / [time] ** 3": "power",
    "[mass] / [length] / [time] ** 2": "pressure",
    "[length] * [mass] / [time] ** 2": "force",
    "1 / [time]": "frequency",
}
# dimensionless in pint, but quantities of their own in news
NAMED_DIMENSIONLESS: dict[str, str] = {
    "decibel": "sound level",
    "byte": "information",
    "bit": "information",
    "degree": "angle",
}
# Parts of pint names that are physical constants, historical or specialist variants: never
# in news ("electron_mass", "US_dry_pint", "tex_point").
DENIED_NAMES: tuple[str, ...] = (
    "planck", "atomic", "electron", "proton", "neutron", "bohr", "constant", "hartree", "rydberg",
    "x_unit", "_star", "gamma", "tex_", "imperial_fluid", "apothecary", "css_", "survey", "US_",
    "UK_", "dry_", "boiler", "refrigeration", "cooling", "conventional", "delta_",
    "international_", "thermochemical", "fifteen", "circular", "statmho", "statfarad",
    "speed_of_light", "sidereal", "tropical", "synodic", "gregorian", "julian", "common_year",
    "leap_year", "lambda", "stere", "fermi", "scaled", "didot", "cicero", "pica", "minim",
    "scruple", "slinch", "slug", "thou", "circular_mil", "angstrom", "micron", "darcy", "barn",
    "LMH", "rutherford", "absorbance", "refractive", "ton_TNT", "tonne_of_oil", "atmosphere_liter",
    "point", "baud", "counts_per", "standard_liter", "volt_ampere", "decibelm", "decibelw",
    "shake", "svedberg", "eon", "degree_R", "kelvin", "electrical_horsepower", "hogshead",
    "board_foot", "force_", "_force", "pond", "cables_length", "league", "fathom", "furlong",
    "link", "rod", "chain", "hand", "gill", "fifth", "shot", "bag", "quarter", "stone", "grain",
    "dram", "pennyweight", "erg",
)  # fmt: skip
# denied by a part of the name above, but written in news ("32 psi")
ALLOWED_NAMES: frozenset[str] = frozenset({"pound_force_per_square_inch", "electron_volt"})
# Symbols of one letter are mostly something else after a number ("5 m" is read as million
# only glued: "5m"); these are units often enough, spaced from the number ("2.5 m", "300 g").
SINGLE_LETTER_SYMBOLS: frozenset[str] = frozenset({"m", "g", "W"})
# Surfaces that are words or abbreviations of something else after a number: "3 in 10",
# "2 at a time", "10 am", "5 pm", "7 bars", "the 10 cups"; "min" stays (minutes), "ha" too.
DENIED_SURFACES: frozenset[str] = frozenset({
    "in", "at", "am", "pm", "are", "ares", "bar", "bars", "cup", "cups", "point", "points", "pint",
    "pints", "turn", "turns", "revolution", "revolutions", "cycle", "cycles", "circle",
    "circles", "count", "counts", "pole", "poles", "perch", "section", "sections", "grade",
    "grades", "octave", "octaves", "decade", "decades", "percent", "ppm", "mas", "oct",
    "mark", "marks", "real", "reals", "won", "dong", "rand", "rands", "som", "kip", "lek",
    "leu", "lei", "pula", "tala", "vatu", "dram", "lari", "loti", "kina", "para", "rial",
    "pound", "pounds", "dollar", "dollars", "cable", "block", "blocks", "unit", "units",
    "pa", "bit", "bits", "cc", "ct", "pc", "au", "AU", "Da", "Np", "Ry", "Ci", "pk", "bu",
    "cp", "gi", "dr", "rd", "li", "ly", "fps", "mps", "cps", "kps", "rps", "RIU", "dpi",
    "tsp", "tbsp", "teaspoon", "teaspoons", "tablespoon", "tablespoons", "week", "weeks",
    "month", "months", "day", "days", "fortnights", "yr", "hr", "Ms", "mG", "nm", "dm", "dam",
    "soles", "drams", "lats", "lati", "inti", "intis", "xad", "kips", "lotis", "laris", "pulas",
    "gold", "vatus", "soms", "talonases", "guarani", "guaranis", "afghanis", "rights", "value",
    # prefixed symbols that are abbreviations or elements more often than units
    "Pt", "Tt", "Pl", "Tl", "Gl", "Ml", "Gs", "Ps", "Ts", "ks", "cs", "ns", "Gm", "Tm", "Pm",
    "Mm", "Pg", "Tg", "Gg", "Mg", "cg", "mt", "nt", "cB", "mB", "nB", "mW", "nW", "cW", "cJ",
    "nJ", "cPa", "nPa", "cHz", "nHz", "cal th", "btu iso", "SPL", "avdp",
})  # fmt: skip
# Time units the duration reader already reads (with "consecutive", "-old" ...): not repeated
DURATION_WORDS: frozenset[str] = frozenset(
    {"minute", "hour", "day", "week", "year", "month", "century", "decade", "quarter"}
)
# pint names (and aliases) that take SI prefixes in news, and the prefixes in use
PREFIXABLE: frozenset[str] = frozenset(
    {"meter", "gram", "metric_ton", "liter", "watt", "watt_hour", "joule", "hertz", "byte",
     "bit", "volt", "pascal", "newton", "second", "calorie", "electron_volt", "bar"}
)  # fmt: skip
PREFIXES: tuple[tuple[str, str], ...] = (
    ("nano", "n"), ("micro", "µ"), ("milli", "m"), ("centi", "c"), ("hecto", "h"), ("kilo", "k"),
    ("mega", "M"), ("giga", "G"), ("tera", "T"), ("peta", "P"),
)  # fmt: skip
IRREGULAR_PLURALS: dict[str, str] = {"foot": "feet"}
# the stored unit value where pint's name is not what the store already uses
RENAMES: dict[str, str] = {"metric_ton": "ton", "ton": "ton", "degree_Celsius": "degree Celsius"}
# lengths with square and cubic forms, and the names written for them
SQUARABLE: dict[str, tuple[str, ...]] = {
    "meter": ("meter", "meters", "metre", "metres"),
    "kilometer": ("kilometer", "kilometers", "kilometre", "kilometres"),
    "centimeter": ("centimeter", "centimeters", "centimetre", "centimetres"),
    "mile": ("mile", "miles"),
    "foot": ("foot", "feet"),
    "yard": ("yard", "yards"),
    "inch": ("inch", "inches"),
}
# speeds: lengths per times ("km/h"), beyond the rates pint names (mph, kph, knot)
RATE_LENGTHS: dict[str, tuple[str, ...]] = {
    "kilometer": ("kilometer", "kilometers", "kilometre", "kilometres", "km"),
    "meter": ("meter", "meters", "metre", "metres"),
    "mile": ("mile", "miles"),
    "foot": ("foot", "feet"),
}
RATE_TIMES: dict[str, tuple[str, ...]] = {"hour": ("h", "hr"), "second": ("s", "sec")}
# units that are not pint's: (surface, unit, kind)
EXTRA_UNITS: tuple[tuple[str, str, str], ...] = (
    ("basis point", "basis point", "ratio difference"),
    ("basis points", "basis point", "ratio difference"),
    ("bp", "basis point", "ratio difference"),
    ("bps", "basis point", "ratio difference"),
    ("kmh", "kilometer per hour", "speed"),
    ("degrees celsius", "degree Celsius", "temperature"),
    ("degrees centigrade", "degree Celsius", "temperature"),
    ("degrees fahrenheit", "degree Fahrenheit", "temperature"),
    ("℃", "degree Celsius", "temperature"),
    ("℉", "degree Fahrenheit", "temperature"),
    ("°", "degree", "angle"),
    ("lbs", "pound", "mass"),
    ("kgs", "kilogram", "mass"),
    ("sqm", "square meter", "area"),
    ("km2", "square kilometer", "area"),
    ("TEU", "TEU", "container volume"),
    ("TEUs", "TEU", "container volume"),
    ("secs", "second", "time"),
    ("mins", "minute", "time"),
)
# A currency noun several currencies share goes to the one news mean without an adjective.
AMBIGUOUS_NOUNS: dict[str, str] = {
    "franc": "CHF", "francs": "CHF", "rupee": "INR", "rupees": "INR", "peso": "MXN",
    "pesos": "MXN", "krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK",
    "dinar": "KWD", "dinars": "KWD", "riyal": "SAR", "riyals": "SAR", "shilling": "KES",
    "shillings": "KES", "lira": "TRY", "liras": "TRY", "lire": "ITL", "yuan": "CNY",
    "yen": "JPY", "euro": "EUR", "euros": "EUR", "ruble": "RUB", "rubles": "RUB",
    "rouble": "RUB", "roubles": "RUB", "shekel": "ILS", "shekels": "ILS", "dirham": "AED",
    "dirhams": "AED", "rupiah": "IDR", "ringgit": "MYR", "ringgits": "MYR", "baht": "THB",
    "peseta": "ESP", "pesetas": "ESP", "guilder": "NLG", "guilders": "NLG",
}  # fmt: skip
# Minor units: the words, and the currency (empty: the document's dollar or euro, see
# importers/extract/money_context.py); the multiplier is CLDR's digits of that currency,
# unless given here (a jiao is a tenth of a yuan).
MINOR_UNITS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("cent", "cents"), ""),
    (("us cent", "us cents", "u.s. cents"), "USD"),
    (("euro cent", "euro cents", "eurocents"), "EUR"),
    (("jiao",), "CNY"),
    (("penny", "pence", "pennies"), "GBP"),
    (("fen",), "CNY"),
    (("paise", "paisa"), "INR"),
    (("kopeck", "kopecks", "kopeks"), "RUB"),
    (("agorot", "agorah"), "ILS"),
    (("satang",), "THB"),
    (("centime", "centimes"), "CHF"),
    (("pfennig", "pfennigs"), "DEM"),
)
# ISO 4217's funds and units of account are no money news quote prices in
DENIED_CURRENCY_WORDS: frozenset[str] = frozenset({
    "Fund", "Funds", "Unit", "Code", "Rights", "Currency", "Account", "RINET", "WIR", "Mvdol",
    "Bond",
})  # fmt: skip
# Of the X codes (metals, test codes, SDRs), the currencies of countries: the CFA and CFP
# francs, the East Caribbean dollar, the Caribbean guilder
KEPT_X_CODES: frozenset[str] = frozenset({"XAF", "XOF", "XPF", "XCD", "XCG"})
# A sign several currencies share is read as the one news mean by it; the document's context
# may say otherwise (importers/extract/money_context.py).
MINOR_MULTIPLIERS: dict[str, float] = {"jiao": 0.1}
SYMBOL_DEFAULTS: dict[str, str] = {
    "$": "USD", "¥": "CNY", "£": "GBP", "C$": "CAD", "Rs.": "INR", "￥": "CNY",
}  # fmt: skip
# Units the extractor stores that are not pint's: (unit, kind, dimension, code)
STORE_UNITS: tuple[tuple[str, str, str, str], ...] = (
    ("percent", "ratio", "[ratio]", "%"),
    ("percentage point", "ratio difference", "[ratio]", "pp"),
    ("basis point", "ratio difference", "[ratio]", "bp"),
    ("fraction", "ratio", "[ratio]", ""),
    ("times", "multiple", "[ratio]", "×"),
    ("count", "count", "[count]", ""),
    ("rank", "rank", "[rank]", ""),
    ("mu", "area", "[length] ** 2", "mu"),
    ("TEU", "container volume", "[container]", "TEU"),
)
# Surfaces that are units only glued to the digits ("5ft 11in", "up 4p"): spaced, they are
# words ("3 in 10", "plan p").
GLUED_ONLY_UNITS: dict[str, str] = {"in": "inch", "C": "degree Celsius"}  # "5ft 11in", "30C"
GLUED_ONLY_MONEY: dict[str, tuple[str, str]] = {"p": ("GBP", "0.01")}
# Currency nouns that are words too, read only after a scale word ("3.1 billion rand", "2
# million reais", but "a rand", "real change")
AFTER_SCALE_MONEY: dict[str, str] = {"rand": "ZAR", "reais": "BRL", "real": "BRL"}
