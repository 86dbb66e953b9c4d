"""The words around a quoted figure, as data: what qualifies it ("more than"), which way it
moved ("rose", "a 9% fall"), and what makes a number a name, a date, a time, an address or a
score instead of an amount. Keys are lower case, as the grammar reads the sentence.
"""

from __future__ import annotations

from insights.enrich.units import words

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

# -- numbers that are not amounts ----------------------------------------------------------

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
