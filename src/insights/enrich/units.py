"""The vocabulary of amounts, as data: currencies, scales, number words, fractions, units
and the denominators of rates. The words around a figure (qualifiers, words of change,
names and dates) are in figure_words.py.

Keys are lower case (the grammar in statistics.py matches the lower-cased sentence); values
are the normalised spellings stored in the dataset ("GBP", "kilometre", "percent").
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A set written as one string of words, so long vocabularies stay readable."""
    return frozenset(text.split())


# -- currencies ------------------------------------------------------------------------------

# Written before the amount: "£2m", "US$1", "HK$5", "$US162 billion", "€199,344".
CURRENCY_SYMBOLS = {
    "£": "GBP",
    "$": "USD",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "₦": "NGN",
    "₱": "PHP",
    "₺": "TRY",
    "₪": "ILS",
    "฿": "THB",
    "us$": "USD",
    "u.s.$": "USD",
    "$us": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "$a": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "hk$": "HKD",
    "nz$": "NZD",
    "s$": "SGD",
    "r$": "BRL",
    "n$": "NAD",
}
# Codes written before the amount, with or without a space: "HKD 129.0 million", "RM50".
CURRENCY_CODES = {
    code.lower(): code
    for code in [
        "USD",
        "GBP",
        "EUR",
        "AUD",
        "CAD",
        "HKD",
        "JPY",
        "CNY",
        "INR",
        "MYR",
        "SGD",
        "NZD",
        "CHF",
        "ZAR",
        "AED",
        "SAR",
        "NGN",
        "KES",
        "BRL",
        "MXN",
        "SEK",
        "NOK",
        "DKK",
        "PLN",
        "KRW",
        "PHP",
        "THB",
        "IDR",
        "EGP",
        "PKR",
        "BDT",
        "RUB",
        "TRY",
        "ILS",
        "NAD",
    ]
} | {"rm": "MYR", "rs": "INR", "rs.": "INR", "rmb": "CNY"}
# Written after the amount: "989.26 billion rupees", "8.6 billion US dollars", "125p".
CURRENCY_WORDS = {
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
    "hong kong dollars": "HKD",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    "sterling": "GBP",
    "euros": "EUR",
    "euro": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupees": "INR",
    "rupee": "INR",
    "ringgits": "MYR",
    "ringgit": "MYR",
    "rubles": "RUB",
    "roubles": "RUB",
    "rand": "ZAR",
    "naira": "NGN",
    "dirhams": "AED",
    "riyals": "SAR",
    "shillings": "KES",
    "lira": "TRY",
    "pence": "pence",
    "cents": "cent",
    "cent": "cent",
    "sen": "sen",
    "paise": "paise",
}
# Currency subunits glued to the amount: "125p", "45c" (case as written).
CURRENCY_GLUED = {"p": "pence", "c": "cent"}

# -- scales ------------------------------------------------------------------------------------

SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "crore": 1e7,
    "lakh": 1e5,
    # glued to digits only: "£50k", "£2m", "$4b"
    "k": 1e3,
    "m": 1e6,
    "b": 1e9,
}
SPELLED_SCALES = ("hundred", "thousand", "million", "billion", "trillion", "crore", "lakh")
GLUED_SCALES = ("bn", "mn", "tn", "k", "m", "b")

# -- number words -------------------------------------------------------------------------------

ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
NUMBER_WORDS: dict[str, float] = {
    **{w: i for i, w in enumerate(ONES, start=1)},
    **{w: i for i, w in enumerate(TEENS, start=10)},
    **{w: i for w, i in zip(TENS, range(20, 100, 10), strict=True)},
    "a": 1,
    "an": 1,
    "dozen": 12,
    "hundred": 100,
    "thousand": 1000,
    "million": 1e6,
    "billion": 1e9,
}
# Fractions, spelled: "a third of", "two-thirds", "three quarters", "half".
FRACTION_WORDS = {
    "half": 1 / 2,
    "halves": 1 / 2,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 1 / 4,
    "quarters": 1 / 4,
    "fifth": 1 / 5,
    "fifths": 1 / 5,
    "sixth": 1 / 6,
    "sixths": 1 / 6,
    "eighth": 1 / 8,
    "eighths": 1 / 8,
    "tenth": 1 / 10,
    "tenths": 1 / 10,
}
# Denominators of a fraction written with a slash ("1/8 of a"); "24/7" and "9/11" are not.
SLASH_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10})

# -- units ---------------------------------------------------------------------------------------

PERCENT, DURATION, MEASURE = "percent", "duration", "measure"  # schema.STAT_KINDS
# Written after the amount, glued or after one space: "128GB", "50 mph", "6.3-magnitude".
# surface -> (normalised unit, kind)
UNITS: dict[str, tuple[str, str]] = {
    "%": ("percent", PERCENT),
    "per cent": ("percent", PERCENT),
    "percent": ("percent", PERCENT),
    "pc": ("percent", PERCENT),
    "pct": ("percent", PERCENT),
    "percentage points": ("percentage point", MEASURE),
    "percentage point": ("percentage point", MEASURE),
    "basis points": ("basis point", MEASURE),
    "bps": ("basis point", MEASURE),
    "points": ("point", MEASURE),
    "point": ("point", MEASURE),
    "pts": ("point", MEASURE),
    "times": ("times", MEASURE),
    "fold": ("times", MEASURE),
    "magnitude": ("magnitude", MEASURE),
    # time
    **dict.fromkeys(("years", "year", "yrs", "yr"), ("year", DURATION)),
    **dict.fromkeys(("months", "month"), ("month", DURATION)),
    **dict.fromkeys(("weeks", "week"), ("week", DURATION)),
    **dict.fromkeys(("days", "day"), ("day", DURATION)),
    **dict.fromkeys(("hours", "hour", "hrs", "hr"), ("hour", DURATION)),
    **dict.fromkeys(("minutes", "minute", "mins", "min"), ("minute", DURATION)),
    **dict.fromkeys(("seconds", "second", "secs", "sec"), ("second", DURATION)),
    **dict.fromkeys(("decades", "decade"), ("decade", DURATION)),
    **dict.fromkeys(("centuries", "century"), ("century", DURATION)),
    **dict.fromkeys(("weekends", "weekend"), ("weekend", DURATION)),
    **dict.fromkeys(("fortnights", "fortnight"), ("fortnight", DURATION)),
    # length and area
    **dict.fromkeys(
        ("km", "kms", "kilometres", "kilometre", "kilometers", "kilometer"),
        ("kilometre", MEASURE),
    ),
    **dict.fromkeys(("miles", "mile", "mi"), ("mile", MEASURE)),
    **dict.fromkeys(("metres", "metre", "meters", "meter", "m"), ("metre", MEASURE)),
    **dict.fromkeys(
        ("cm", "centimetres", "centimetre", "centimeters", "centimeter"), ("centimetre", MEASURE)
    ),
    **dict.fromkeys(
        ("mm", "millimetres", "millimetre", "millimeters", "millimeter"), ("millimetre", MEASURE)
    ),
    **dict.fromkeys(("feet", "foot", "ft"), ("foot", MEASURE)),
    **dict.fromkeys(("inches", "inch", "″", "in."), ("inch", MEASURE)),
    **dict.fromkeys(("yards", "yard", "yds", "yd"), ("yard", MEASURE)),
    **dict.fromkeys(("nautical miles", "nautical mile"), ("nautical mile", MEASURE)),
    **dict.fromkeys(
        ("square feet", "square foot", "sq ft", "sq. ft.", "sq ft."), ("square foot", MEASURE)
    ),
    **dict.fromkeys(("square miles", "square mile", "sq miles"), ("square mile", MEASURE)),
    **dict.fromkeys(
        ("square kilometres", "square kilometers", "sq km", "km2", "km²"),
        ("square kilometre", MEASURE),
    ),
    **dict.fromkeys(
        ("square metres", "square meters", "sq m", "m2", "m²"), ("square metre", MEASURE)
    ),
    **dict.fromkeys(("hectares", "hectare", "ha"), ("hectare", MEASURE)),
    **dict.fromkeys(("acres", "acre"), ("acre", MEASURE)),
    # speed
    **dict.fromkeys(("mph", "miles per hour", "miles an hour"), ("mph", MEASURE)),
    **dict.fromkeys(
        ("km/h", "kmh", "kph", "kilometres per hour", "kilometers per hour", "km per hour"),
        ("kilometre per hour", MEASURE),
    ),
    **dict.fromkeys(
        ("m/s", "metres per second", "meters per second"), ("metre per second", MEASURE)
    ),
    **dict.fromkeys(("knots", "knot"), ("knot", MEASURE)),
    # mass and volume
    **dict.fromkeys(("kg", "kgs", "kilograms", "kilogram", "kilos", "kilo"), ("kilogram", MEASURE)),
    **dict.fromkeys(("grams", "gram", "g"), ("gram", MEASURE)),
    **dict.fromkeys(("mg", "milligrams", "milligram"), ("milligram", MEASURE)),
    **dict.fromkeys(("tonnes", "tonne"), ("tonne", MEASURE)),
    **dict.fromkeys(("tons", "ton"), ("ton", MEASURE)),
    **dict.fromkeys(("lbs", "lb"), ("pound", MEASURE)),
    **dict.fromkeys(("ounces", "ounce", "oz"), ("ounce", MEASURE)),
    **dict.fromkeys(("litres", "litre", "liters", "liter"), ("litre", MEASURE)),
    **dict.fromkeys(("ml", "millilitres", "millilitre"), ("millilitre", MEASURE)),
    **dict.fromkeys(("gallons", "gallon"), ("gallon", MEASURE)),
    **dict.fromkeys(("barrels", "barrel", "bpd", "b/d"), ("barrel", MEASURE)),
    **dict.fromkeys(("cubic metres", "cubic meters"), ("cubic metre", MEASURE)),
    # energy, power, electricity
    **{u.lower(): (u, MEASURE) for u in ("kWh", "MWh", "GWh", "TWh", "Wh", "mAh", "Ah")},
    **{u.lower(): (u, MEASURE) for u in ("kW", "MW", "GW", "Wh/kg")},
    **dict.fromkeys(("kilowatt hours", "kilowatt-hours", "kilowatt hour"), ("kWh", MEASURE)),
    **dict.fromkeys(("kilowatts", "kilowatt"), ("kW", MEASURE)),
    **dict.fromkeys(("megawatts", "megawatt"), ("MW", MEASURE)),
    **dict.fromkeys(("gigawatts", "gigawatt"), ("GW", MEASURE)),
    **dict.fromkeys(("watts", "watt"), ("watt", MEASURE)),
    **dict.fromkeys(("volts", "volt", "v"), ("volt", MEASURE)),
    **dict.fromkeys(("amps", "amp", "amperes", "ampere"), ("ampere", MEASURE)),
    **dict.fromkeys(("horsepower", "hp", "bhp"), ("horsepower", MEASURE)),
    **dict.fromkeys(("calories", "calorie", "kcal"), ("calorie", MEASURE)),
    # data and electronics
    **dict.fromkeys(("gb", "gbyte", "gigabytes", "gigabyte", "gigs"), ("GB", MEASURE)),
    **dict.fromkeys(("mb", "mbyte", "megabytes", "megabyte"), ("MB", MEASURE)),
    **dict.fromkeys(("tb", "terabytes", "terabyte"), ("TB", MEASURE)),
    **{u.lower(): (u, MEASURE) for u in ("Mbps", "Gbps", "GHz", "MHz")},
    **dict.fromkeys(("megapixels", "megapixel", "mp"), ("megapixel", MEASURE)),
    # temperature
    **dict.fromkeys(
        ("°c", "degrees celsius", "degree celsius", "degrees c", "celsius", "c"),
        ("celsius", MEASURE),
    ),
    **dict.fromkeys(
        ("°f", "degrees fahrenheit", "degree fahrenheit", "degrees f", "fahrenheit", "f"),
        ("fahrenheit", MEASURE),
    ),
    **dict.fromkeys(("°", "degrees", "degree"), ("degree", MEASURE)),
}
# One-letter units read only when glued to the digits with this case: "1.5C", "80F", "203g";
# "4G" is a network, "100m" a distance only when no noun follows (else "5m people").
GLUED_ONLY = {"c": "C", "f": "F", "g": "g", "v": "V"}
# The denominator of a rate: "per barrel", "a day", "each month", "/kg".
PER_WORDS = {
    **{
        w: UNITS[w][0]
        for w in ["year", "month", "week", "day", "hour", "minute", "second", "decade"]
    },
    "quarter": "quarter",
    "night": "night",
    "barrel": "barrel",
    "gallon": "gallon",
    "litre": "litre",
    "liter": "litre",
    "share": "share",
    "ordinary share": "share",
    "head": "head",
    "person": "person",
    "capita": "person",
    "kwh": "kWh",
    "kg": "kilogram",
    "kilo": "kilogram",
    "tonne": "tonne",
    "ton": "ton",
    "mile": "mile",
    "km": "kilometre",
    "100km": "100 kilometres",
    "100 km": "100 kilometres",
    "100 miles": "100 miles",
    "lap": "lap",
    "game": "game",
    "match": "match",
    "over": "over",
    "charge": "charge",
    "unit": "unit",
    "piece": "piece",
    "passenger": "passenger",
    "household": "household",
    "pupil": "pupil",
    "child": "child",
}
PER_GLUED = {"daily": "day", "annually": "year", "a year": "year", "per annum": "year"}
PER_GLUED |= {"yr-1": "year", "yr−1": "year", "/yr": "year", "/day": "day", "/month": "month"}
