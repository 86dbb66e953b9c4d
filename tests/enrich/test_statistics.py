"""Quoted statistics: text in, figures out."""

from __future__ import annotations

import pytest

from insights import schema
from insights.enrich import statistics
from insights.enrich.statistics import find_statistics

from enrich_frames import frame

# (text, [(value, kind, qualifier, counted, phrase), …])
CASES = [
    (
        "Young victims joined 120,535 people demanding specialist support",
        [(120535, "count", "exact", "people", "120,535 people")],
    ),
    (
        "delivering a 120,535 strong petition to the UK Government",
        [(120535, "count", "exact", "petition signatures", "120,535 strong petition")],
    ),
    (
        "features ECPAT UK and more than 50 other experts from across the Commonwealth.",
        [(50, "count", "more_than", "other experts", "more than 50 other experts")],
    ),
    (
        "the NCA showed a huge 66% rise in the number of children identified during 2017.",
        [(66, "percent", "exact", "children", "66% rise in the number of children")],
    ),
    (
        "Up to 1,000 children may have been abused in Telford, with victims as young as "
        "11 years old suffering sexual exploitation.",
        [
            (1000, "count", "up_to", "children", "Up to 1,000 children"),
            (11, "age", "as_young_as", None, "as young as 11 years old"),
        ],
    ),
    (
        "Matthew Falder, was jailed today for 32 years after admitting 137 charges of abuse.",
        [
            (32, "duration", "exact", "years", "32 years"),
            (137, "count", "exact", "charges", "137 charges"),
        ],
    ),
    (
        "found that more than half of frontline workers believe the NRM needs to be revised.",
        [
            (
                0.5,
                "proportion",
                "more_than",
                "frontline workers",
                "more than half of frontline workers",
            )
        ],
    ),
    (
        "according to two UN Committees.",
        [(2, "count", "exact", "UN Committees", "two UN Committees")],
    ),
    ("Funding of £2.5 million was cut.", [(2_500_000, "money", "exact", None, "£2.5 million")]),
    ("One in five children", [(0.2, "ratio", "exact", "children", "One in five children")]),
    (
        "about 40 per cent of victims",
        [(40, "percent", "about", "victims", "about 40 per cent of victims")],
    ),
    ("fifty-five girls", [(55, "count", "exact", "girls", "fifty-five girls")]),
    (
        "at least twenty-one girls were found",
        [(21, "count", "at_least", "girls", "at least twenty-one girls")],
    ),
    ("a 15-year-old boy", [(15, "age", "exact", None, "15-year-old")]),
    ("Police found 2000 victims", [(2000, "count", "exact", "victims", "2000 victims")]),
    ("As many as 30 may have been moved", [(30, "count", "up_to", None, "As many as 30")]),
    (
        "almost a third of local authorities",
        [
            (
                1 / 3,
                "proportion",
                "about",
                "local authorities",
                "almost a third of local authorities",
            )
        ],
    ),
]
NOT_FIGURES = [
    "marked Anti-Slavery Day 2018 by delivering a petition",
    "On Wednesday, 17th October 2018, ECPAT UK will join partners",
    "today’s Anti-Slavery Day (18th October 2017)",
    "Our latest research, Child trafficking in the UK 2018: A snapshot",
    "Thousands of children put at risk of trafficking",
    "thousands of children are being trafficked by gangs",
    "One size doesn’t fit all",
    "the two of them",
    "identified as potential victims during 2017.",
    "Article 3 of the Convention and Year 9 pupils",
    "on 18 October and October 18",
    "in the 1990s",
    "the 2018 report and in 2017 victims were found",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_figures_are_found_with_kind_qualifier_and_what_they_count(text, expected):
    found = [(s.value, s.kind, s.qualifier, s.counted, s.phrase) for s in find_statistics(text)]
    assert found == [(pytest.approx(v), k, q, c, p) for v, k, q, c, p in expected]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_years_dates_titles_and_vague_amounts_are_not_figures(text):
    assert find_statistics(text) == []


def test_each_figure_keeps_its_sentence():
    text = "First sentence here. Up to 1,000 children may have been abused. Last one."
    (stat,) = find_statistics(text)
    assert stat.sentence == "Up to 1,000 children may have been abused."


def test_a_figure_repeated_in_title_and_summary_is_kept_once():
    text = "66% rise in victims\nThe statistics show a 66% rise in victims."
    assert len(find_statistics(text)) == 1


def test_enrich_returns_records_in_schema_names(context):
    articles = frame([("Up to 1,000 children", "No figures here.")])
    out = statistics.enrich(articles, context)
    assert list(out.columns) == [schema.STATISTICS]
    (record,) = out[schema.STATISTICS].iloc[0]
    assert record[schema.STAT_KIND] in schema.STAT_KINDS
    assert record[schema.STAT_QUALIFIER] == "up_to"
    assert record[schema.STAT_SENTENCE] == "Up to 1,000 children"


# (text, [(value, low, high, unit, per, direction, kind, qualifier), …]) by category of language
FIGURES = [
    # ranges: one figure, the scale and the unit shared by both ends
    ("$10 to $15 billion", [(12.5e9, 10e9, 15e9, "USD", None, "", "money", "exact")]),
    ("between 10% and 15%", [(12.5, 10, 15, "percent", None, "", "percent", "exact")]),
    ("12 to 18 miles per hour", [(15, 12, 18, "mph", None, "", "measure", "exact")]),
    ("between $40 and $45 a share", [(42.5, 40, 45, "USD", "share", "", "money", "exact")]),
    ("from 200 to 250 miles away", [(225, 200, 250, "mile", None, "", "measure", "exact")]),
    ("warming of 2-2.5 degrees", [(2.25, 2, 2.5, "degree", None, "", "measure", "exact")]),
    (
        "cut by 0.5 to 1.5 million barrels",
        [(1e6, 0.5e6, 1.5e6, "barrel", None, "down", "measure", "exact")],
    ),
    ("lows of -10 to -20 degrees", [(-15, -10, -20, "degree", None, "", "measure", "exact")]),
    # numbers glued to units: a decimal is never cut before the unit
    ("a 128GB phone", [(128, None, None, "GB", None, "", "measure", "exact")]),
    ("a 7.5kWh battery", [(7.5, None, None, "kWh", None, "", "measure", "exact")]),
    ("2.5mm of rain", [(2.5, None, None, "millimetre", None, "", "measure", "exact")]),
    ("gusts of 50mph", [(50, None, None, "mph", None, "", "measure", "exact")]),
    ("inflation of 2.4pc", [(2.4, None, None, "percent", None, "", "percent", "exact")]),
    ("warming of 1.5C", [(1.5, None, None, "celsius", None, "", "measure", "exact")]),
    ("a magnitude 5.8 earthquake", [(5.8, None, None, "magnitude", None, "", "measure", "exact")]),
    # currencies beyond £/$/€, and scales
    ("raised US$5m", [(5e6, None, None, "USD", None, "", "money", "exact")]),
    ("a HK$1.2bn deal", [(1.2e9, None, None, "HKD", None, "", "money", "exact")]),
    ("worth A$30", [(30, None, None, "AUD", None, "", "money", "exact")]),
    ("AUD 1.5m", [(1.5e6, None, None, "AUD", None, "", "money", "exact")]),
    ("a fine of RM50", [(50, None, None, "MYR", None, "", "money", "exact")]),
    ("¥300 billion", [(3e11, None, None, "JPY", None, "", "money", "exact")]),
    ("₹500 crore", [(5e9, None, None, "INR", None, "", "money", "exact")]),
    ("989.26 billion rupees", [(989.26e9, None, None, "INR", None, "", "money", "exact")]),
    ("£1.5tn of debt", [(1.5e12, None, None, "GBP", None, "", "money", "exact")]),
    ("a £50k grant", [(5e4, None, None, "GBP", None, "", "money", "exact")]),
    ("3 hundred million people", [(3e8, None, None, "people", None, "", "count", "exact")]),
    ("shares fell 125p", [(125, None, None, "pence", None, "down", "money", "exact")]),
    # direction: the size of a change is up or down; a level reached has none
    ("prices rose 0.4%", [(0.4, None, None, "percent", None, "up", "percent", "exact")]),
    ("staff fell by 2,500", [(2500, None, None, None, None, "down", "count", "exact")]),
    ("sales were down 9%", [(9, None, None, "percent", None, "down", "percent", "exact")]),
    ("a 9% fall in sales", [(9, None, None, "percent", None, "down", "percent", "exact")]),
    ("an increase of 80,000", [(8e4, None, None, None, None, "up", "count", "exact")]),
    ("inflation rose to 4.5%", [(4.5, None, None, "percent", None, "", "percent", "exact")]),
    ("the charity raised £15m", [(15e6, None, None, "GBP", None, "", "money", "exact")]),
    ("GDP of -2.1%", [(-2.1, None, None, "percent", None, "", "percent", "exact")]),
    ("minus 5 degrees", [(-5, None, None, "degree", None, "", "measure", "exact")]),
    (
        "down 125p (6.6%) to 1,785p",
        [
            (125, None, None, "pence", None, "down", "money", "exact"),
            (6.6, None, None, "percent", None, "down", "percent", "exact"),
            (1785, None, None, "pence", None, "", "money", "exact"),
        ],
    ),
    # fractions, ratios and vague amounts
    ("one in three adults", [(1 / 3, None, None, None, None, "", "ratio", "exact")]),
    ("1/8 of a mile", [(0.125, None, None, None, None, "", "proportion", "exact")]),
    ("a third of councils", [(1 / 3, None, None, None, None, "", "proportion", "exact")]),
    ("dozens of people", [(12, None, None, "people", None, "", "count", "at_least")]),
    ("tens of millions of pounds", [(1e7, None, None, "pounds", None, "", "count", "at_least")]),
    # rates, and units that end what is counted
    ("$70 a barrel", [(70, None, None, "USD", "barrel", "", "money", "exact")]),
    ("200,000 barrels per day", [(2e5, None, None, "barrel", "day", "", "measure", "exact")]),
    ("71 cents per share", [(71, None, None, "cent", "share", "", "money", "exact")]),
    ("£85 a month", [(85, None, None, "GBP", "month", "", "money", "exact")]),
    ("the 30 yard line", [(30, None, None, "yard", None, "", "measure", "exact")]),
    # repeated values in one sentence are kept
    (
        "3 months and then 3 months more",
        [
            (3, None, None, "month", None, "", "duration", "exact"),
            (3, None, None, "month", None, "", "duration", "exact"),
        ],
    ),
]
NOT_AMOUNTS = [
    "The meeting starts at 11 a.m. on Monday",
    "Police were called at 9:35 PM",
    "The summit opened on Nov. 12 in Vienna",
    "Microsoft will end support for Windows 11 Home",
    "The FTSE 100 closed higher",
    "Britain triggered Article 50 last year",
    "They met at 10 Downing Street",
    "Shots were heard in the 2300 block of North Street",
    "Everton won 2-1 at Goodison Park",
    "Call the helpline on 0808 800 5000",
    "the 95th percentile, the 2021/22 season and the 1990s",
    "as cited in the report [12]",
]


@pytest.mark.parametrize(("text", "expected"), FIGURES)
def test_figures_by_category(text, expected):
    found = [
        (s.value, s.low, s.high, s.unit, s.per, s.direction, s.kind, s.qualifier)
        for s in find_statistics(text)
    ]
    assert found == [
        (pytest.approx(v), lo, hi, u, per, d, k, q) for v, lo, hi, u, per, d, k, q in expected
    ]


@pytest.mark.parametrize("text", NOT_AMOUNTS)
def test_times_dates_names_addresses_and_scores_are_not_figures(text):
    assert find_statistics(text) == []


def test_records_carry_the_range_unit_rate_and_direction(context):
    articles = frame([("Oil traded between $10 and $15 a barrel", "")])
    (record,) = statistics.enrich(articles, context)[schema.STATISTICS].iloc[0]
    assert record[schema.STAT_LOW] == 10 and record[schema.STAT_HIGH] == 15
    assert record[schema.STAT_VALUE] == 12.5
    assert record[schema.STAT_UNIT] == "USD"
    assert record[schema.STAT_PER] == "barrel"
    assert record[schema.STAT_DIRECTION] in schema.STAT_DIRECTIONS
