"""The vocabulary of quoted figures, as data: currencies, units, scales, number words, the
words that qualify a figure or say which way it moved, and the words that make a number a
name, a date or a time instead of an amount.

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
    for code in (
        "USD GBP EUR AUD CAD HKD JPY CNY INR MYR SGD NZD CHF ZAR AED SAR NGN KES BRL MXN "
        "SEK NOK DKK PLN KRW PHP THB IDR EGP PKR BDT RUB TRY ILS NAD"
    ).split()
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
TEENS = (
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
)
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
    **dict.fromkeys(("square metres", "square meters", "sq m", "m2", "m²"), ("square metre", MEASURE)),
    **dict.fromkeys(("hectares", "hectare", "ha"), ("hectare", MEASURE)),
    **dict.fromkeys(("acres", "acre"), ("acre", MEASURE)),
    # speed
    **dict.fromkeys(("mph", "miles per hour", "miles an hour"), ("mph", MEASURE)),
    **dict.fromkeys(
        ("km/h", "kmh", "kph", "kilometres per hour", "kilometers per hour", "km per hour"),
        ("kilometre per hour", MEASURE),
    ),
    **dict.fromkeys(("m/s", "metres per second", "meters per second"), ("metre per second", MEASURE)),
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
AGE_UNITS = {"year": "year", "years": "year", "month": "month", "months": "month"}
AGE_UNITS |= {"week": "week", "weeks": "week"}
# The denominator of a rate: "per barrel", "a day", "each month", "/kg".
PER_WORDS = {
    **{w: UNITS[w][0] for w in "year month week day hour minute second decade".split()},
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

# -- qualifiers -----------------------------------------------------------------------------------

# Before the figure: "more than 50", "up to £10 million"; -> schema.STAT_QUALIFIERS
QUALIFIERS = {
    "more than": "more_than",
    "over": "more_than",
    "just over": "more_than",
    "well over": "more_than",
    "above": "more_than",
    "in excess of": "more_than",
    "upwards of": "more_than",
    "upward of": "more_than",
    "greater than": "more_than",
    "exceeding": "more_than",
    "less than": "less_than",
    "fewer than": "less_than",
    "under": "less_than",
    "just under": "less_than",
    "below": "less_than",
    "well below": "less_than",
    "up to": "up_to",
    "as many as": "up_to",
    "as much as": "up_to",
    "no more than": "up_to",
    "at most": "up_to",
    "a maximum of": "up_to",
    "maximum": "up_to",
    "at least": "at_least",
    "a minimum of": "at_least",
    "no fewer than": "at_least",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "approx.": "about",
    "roughly": "about",
    "nearly": "about",
    "almost": "about",
    "close to": "about",
    "just shy of": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "in the neighborhood of": "about",
    "in the neighbourhood of": "about",
    "either side of": "about",
    "as young as": "as_young_as",
    "aged": "exact",
    "a total of": "exact",
    "an average of": "exact",
    "a record": "exact",
    "only": "exact",
    "just": "exact",
}
# After the figure: "$33bn or less", "$1,000+".
QUALIFIERS_AFTER = {
    "or less": "up_to",
    "or fewer": "up_to",
    "or under": "up_to",
    "or below": "up_to",
    "or more": "at_least",
    "or over": "at_least",
    "or above": "at_least",
    "+": "more_than",
    "plus": "more_than",
}
# Qualifiers that are prepositions: after a verb of change they mark a level reached, not the
# size of the change ("had fallen below 6%").
LEVEL_QUALIFIERS = words("over above below under past beyond")

# -- direction ------------------------------------------------------------------------------------

UP, DOWN = "up", "down"
DIRECTION_WORDS = {
    **dict.fromkeys(
        words(
            """rose rise rises rising risen up increase increased increases increasing grew grow
            grows growing grown growth gained gain gains gaining jumped jump jumps jumping climbed
            climb climbs climbing surged surge surges surging soared soar soars soaring added
            adding lifted lift lifting raised raise raises raising upped boosted boost boosting
            higher hike hikes hiked advanced rallied spiked expanded widened edged"""
        ),
        UP,
    ),
    **dict.fromkeys(
        words(
            """fell fall falls falling fallen down drop dropped drops dropping decline declined
            declines declining decrease decreased decreases decreasing cut cuts cutting reduce
            reduced reduces reducing reduction reductions lost lose loses losing loss losses shed
            sheds shedding slumped slump slumps slid slide slides sliding plunged plunge plunges
            plummeted plummet tumbled tumble dipped dip dips crashed slashed slash slashing curb
            curbed curbing lower lowered lowering off eased slipped slip shrank shrink shrunk
            contracted sank sink retreated knocking knocked wiped trimmed trim shaved downturn
            lowers"""
        ),
        DOWN,
    ),
}
# After the figure, a noun of change: "a 1.8% rise", "a 1 million barrel cut", "70% lower".
DIRECTION_AFTER = words(
    """rise rises increase increases jump jumps growth gain gains hike hikes surge uplift fall
    falls drop drops decline declines decrease decreases cut cuts reduction slide slump plunge
    loss losses lower higher"""
)
# Verbs of change that are also verbs of collecting: "raised £15 million" is a total, not a rise.
COLLECTING = words("raised raise raises raising")
# Between a verb of change and the figure, these make the figure a level: "rose to 4.5%";
# prepositions make it a period or a circumstance: "rose 7.1% in the two weeks".
LEVEL_WORDS = words(
    """to from at than reaching reached reach hit hitting hits topped passed exceeded stood
    stands standing stand in for during within since after before on with into per"""
)
# Words before a fraction that make it a part of a year or a match: "the second quarter".
ORDINAL_WORDS = words("first second third fourth final last next each every same previous opening")
# Particles of change count only right before the figure, and not after a phrasal verb:
# "shares were up 9%", not "signed up a record 106,000" or "keep up Brentford's 100%".
PARTICLES = words("up down off higher lower")
PHRASAL = words(
    """signed sign signs set sets made make picked pick took take taken put puts keep keeps
    kept broke broken break shut backed sum summed turned turn showed show stepped step scaled
    wound brought bring rounded round ended"""
)
# Nouns that name the number itself, not what it counts: "the 100-105 range", "a 2% target".
NUMBER_NOUNS = words(
    """range rate level mark figure figures total average record high low peak target limit
    threshold number estimate minimum maximum barrier"""
)
# After a glued "m", these make it metres ("the 100m race", "100m in 17 seconds"); else millions.
METRE_CUES = words(
    """race races sprint hurdles freestyle butterfly breaststroke backstroke relay final per
    long tall high deep wide away above below swim dash in of"""
)
# Before a number, these make it an age: "before they turn 18".
AGE_WORDS = words("aged turn turns turned turning")
# Words of a score, not a range: "won 2-1", "a 3-2 victory", "from 2-0 down".
SCORE_WORDS = words(
    """won win wins beat beating beaten lost lose losing drew draw draws victory defeat
    scoreline score led lead leading trailing comeback thrashed thrashing series aggregate
    sets"""
)

# -- numbers that are not amounts --------------------------------------------------------------------

MONTHS = words(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec"""
)
# A word before a number that makes it a name or a label: "Article 50", "rule 36.2".
NAMED = words(
    """article section clause chapter part level stage year day page figure fig table no nos
    number rule version note route flight room platform gate zone channel episode season
    tier grade phase bus line interstate highway junction exit apollo boeing airbus covid
    windows ftse iphone galaxy pixel playstation xbox formula division league top vol issue
    paragraph schedule item series model mark type class category band unit ward district
    calling call texting text dial ring tel"""
)
# After a number, these make it an address: "2300 block of", "10 Downing Street".
STREET_WORDS = words(
    """street st road rd avenue ave lane ln boulevard blvd drive dr way place square sq close
    court terrace crescent parkway"""
)
# After a number, clock words: "11 a.m.", "9:35 PM", "13:21 GMT".
CLOCK_WORDS = ("am", "pm", "a.m.", "p.m.", "a.m", "p.m", "gmt", "bst", "utc", "o'clock")
# Nouns that follow a year rather than a count: "above 2000 levels", "in 2019 prices".
YEAR_NOUNS = words(
    """levels level prices figures terms rates values census election elections season budget
    report survey games olympics cup world series"""
)
# Before a year: "in 2017", "since 2008".
YEAR_WORDS = words("in since from by until of during to and between before after early late")
