"""The three sentences at the top of Overview, tested as text."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from insights import schema, serving
from insights.corpus import Filters, answers, figures
from insights.corpus.frames import ARTICLES, THEME
from insights.corpus.timeline import Change

import fixtures
from samples import CT


def test_answers_of_the_samples(corpus):
    assert answers.answers(corpus, corpus.select(Filters())) == [
        "The commonest theme is Child trafficking, in 3 of 6 articles; next come County lines"
        " (2) and Online abuse (1).",
        "By their dates, 2 articles fall in the six months to 20 Sep 2018 and 2 articles in"
        " the six months before; 1 more could fall either way, so the dates cannot say what"
        " changed.",
        "Figures quoted: “up to 1,000 children” (Children exploited by county lines gangs).",
    ]


def test_answers_of_one_theme(corpus):
    about, _, quoted = answers.answers(corpus, corpus.select(Filters(themes=(CT,))))
    assert about == (
        "Most of these 3 articles are about Child trafficking (3); next comes County lines (1)."
    )
    assert (
        quoted
        == "Figures quoted: “up to 1,000 children” (Children exploited by county lines gangs)."
    )


@pytest.mark.parametrize(
    ("current", "previous", "undecided", "text"),
    [
        (5, 1, 2, "By their dates, 5 articles fall in the six months to 30 Sep 2018 and 1 article"
         " in the six months before: more articles than before; 2 more could fall either way."),
        (1, 4, 0, "By their dates, 1 article falls in the six months to 30 Sep 2018 and 4"
         " articles in the six months before: fewer articles than before."),
        (2, 2, 0, "By their dates, 2 articles fall in the six months to 30 Sep 2018 and 2"
         " articles in the six months before: the same number."),
        (0, 0, 23, "What changed cannot be told from these dates: none of the 23 articles in"
         " the last twelve months can be placed before or after 1 Apr 2018."),
    ],
)  # fmt: skip
def test_what_changed_sentence(current, previous, undecided, text):
    change = Change(
        "",
        current,
        previous,
        0,
        6,
        date(2018, 4, 1),
        date(2018, 9, 30),
        date(2017, 10, 1),
        date(2018, 3, 31),
        date(2017, 1, 1),
        undecided,
    )
    assert answers.changed(change) == text


def test_what_changed_without_dates():
    assert answers.changed(None) == (
        "None of these articles has a date, so nothing can be said about change."
    )


def test_about_without_themes():
    empty = pd.DataFrame({THEME: [], ARTICLES: []})
    assert answers.about(empty, 4) == "None of these 4 articles matched a theme."


def test_most_quoted_figures_come_first_then_the_most_quotable(tmp_path):
    def figure(value, kind, phrase, counted):
        return fixtures.statistic(value, kind, phrase, phrase, counted=counted)

    rows = [
        fixtures.article(
            f"Article {i} with a title long enough to be cut somewhere in the middle",
            published=date(2018, 9, 10 - i),
            statistics=stats,
        )
        for i, stats in enumerate(
            [
                [figure(32, "duration", "32 years", "years")],
                [figure(120, "count", "120 people", "people")],
                [figure(66, "percent", "66% of children", "children")],
                [figure(120, "count", "120 people", "people")],
            ]
        )
    ]
    corpus = serving.load(fixtures.write(tmp_path / "a.parquet", rows), search=False)
    table = figures.statistics_table(corpus, corpus.select(Filters()))
    assert answers.quoted(table) == (
        "Figures quoted: “120 people” (Article 1 with a title long enough to be cut somewhere"
        " in…); “66% of children” (Article 2 with a title long enough to be cut somewhere in…);"
        " “32 years” (Article 0 with a title long enough to be cut somewhere in…)."
    )
    assert answers.quoted(table.iloc[:0]) == "These articles quote no figures."
    assert schema.STAT_KIND in table
