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
