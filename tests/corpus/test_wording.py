"""Every label and sentence the dashboard writes about the data, tested as text."""

from __future__ import annotations

from datetime import date

import pytest

from insights.corpus import (
    Filters,
    timeline,
    wording,
)

import fixtures
from samples import (
    CL,
    CT,
    OL,
)


@pytest.mark.parametrize(
    ("value", "kind", "qualifier", "phrase", "label"),
    [
        (1000, "count", "up_to", "up to 1,000", "up to 1,000"),
        (66, "percent", "exact", "66%", "66%"),
        (0.5, "proportion", "more_than", "more than half", "more than half"),
        (2.5, "money", "about", "about £2.5", "about £2.5"),
        (2_000_000, "money", "exact", "£2m", "£2m"),
        (1_250_000_000, "money", "more_than", "more than $1.25bn", "more than $1.25bn"),
        (0.2, "ratio", "exact", "one in five", "1 in 5"),
        (0.3, "ratio", "exact", "3 in 10", "3 in 10"),
        (2 / 3, "proportion", "about", "about two thirds", "about two thirds"),
        (0.42, "proportion", "exact", "0.42", "42%"),
        (11, "duration", "exact", "11 years", "11 years"),
        (13, "age", "as_young_as", "as young as 13", "as young as 13"),
    ],
)
def test_statistic_labels(value, kind, qualifier, phrase, label):
    figure = fixtures.statistic(value, kind, phrase, phrase, qualifier=qualifier)
    assert wording.figure_label(figure) == label


@pytest.mark.parametrize(
    ("value", "kind", "qualifier", "phrase", "counted", "heading"),
    [
        (1000, "count", "up_to", "Up to 1,000 children", "children", "up to 1,000 children"),
        (32, "duration", "exact", "32 years", "years", "32 years"),
        (66, "percent", "exact", "66% rise in the number of children", "children", "66%"),
        (0.5, "proportion", "more_than", "more than half", "frontline workers",
         "more than half of frontline workers"),
        (11, "age", "as_young_as", "as young as 11 years old", None, "as young as 11"),
        (137, "count", "exact", "137 charges", "charges", "137 charges"),
    ],
)  # fmt: skip
def test_statistic_headings(value, kind, qualifier, phrase, counted, heading):
    figure = fixtures.statistic(value, kind, phrase, phrase, qualifier=qualifier, counted=counted)
    assert wording.figure_heading(figure, wording.figure_label(figure)) == heading


@pytest.mark.parametrize(
    ("filters", "months", "today", "sentence"),
    [
        (
            Filters(themes=(CT,)),
            12,
            None,
            "Child trafficking: 3 articles in the last twelve months; the data starts on"
            " 18 October 2017, so there is nothing to compare with. 1 of the 3 dates counted"
            " is an estimate.",
        ),
        (
            Filters(themes=(CL,)),
            3,
            date(2018, 4, 30),
            "County lines: 0 articles in the last three months, down from 1.",
        ),
        (
            Filters(themes=(OL,)),
            1,
            date(2018, 6, 30),
            "Online abuse: 1 article in the last month, up from 0.",
        ),
    ],
)
def test_period_change_sentences(corpus, filters, months, today, sentence):
    changes = timeline.period_changes(corpus, corpus.select(filters), months=months, today=today)
    assert wording.change_sentence(changes[0]) == sentence
