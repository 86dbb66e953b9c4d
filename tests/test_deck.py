"""The presenter deck's slides, read as data: titles, sentences, charts, figures in order."""

from __future__ import annotations

from datetime import date

import plotly.graph_objects as go
import pytest

from insights import deck, serving
from insights.corpus import Filters

import fixtures
from samples import CL, CT, GANGS


def _with_more_figures() -> list[dict]:
    rows = fixtures.sample_rows()
    # a percentage and a larger count on other articles: counts come first, largest first
    rows[2][fixtures.schema.STATISTICS] = [
        fixtures.statistic(66, "percent", "66%", "Trafficking rose by 66%.")
    ]
    # its estimate (15 Mar 2018) lies somewhere in seven months
    rows[2][fixtures.schema.PUBLISHED_EARLIEST] = date(2017, 12, 1)
    rows[2][fixtures.schema.PUBLISHED_LATEST] = date(2018, 6, 30)
    rows[3][fixtures.schema.STATISTICS] = [
        fixtures.statistic(
            5000, "count", "5,000 young people", "About 5,000 young people.", counted="young people"
        )
    ]
    return rows


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("deck") / "articles.parquet"
    return serving.load(fixtures.write(path, _with_more_figures()))


def test_one_idea_per_slide_in_order(corpus):
    slides = deck.slides(corpus, corpus.select(Filters()), Filters())
    kinds = [s.kind for s in slides]
    assert kinds == ["numbers", "over_time", "themes", "changes", "figure", "figure", "figure"]
    numbers, over_time, themes, changes, *_ = slides
    assert numbers.lines == ("6 articles", "Oct 2017 to Sep 2018", "3 themes", "3 quoted figures")
    assert numbers.sentence.startswith("Dates: 4 stated by the source, 1 inferred")
    assert isinstance(over_time.chart, go.Figure) and isinstance(themes.chart, go.Figure)
    assert over_time.sentence.startswith("The busiest month was")
    assert themes.sentence.startswith(f"{CT} is the commonest theme")
    assert changes.lines and all(": " in line for line in changes.lines)
    # every slide has a title and a sentence to say under it
    assert all(s.title and s.sentence.endswith(".") for s in slides)


def test_key_figures_one_per_slide_largest_first(corpus):
    figures = [s for s in deck.slides(corpus, corpus.select(Filters()), Filters())]
    figures = [s for s in figures if s.kind == deck.FIGURE]
    assert [s.title for s in figures] == ["5,000 young people", "up to 1,000 children", "66%"]
    first, second, third = figures
    assert first.lines == ("“About 5,000 young people.”",)
    assert first.sentence.startswith("Key figure 1 of 3, largest first: from “County lines")
    assert second.sentence.endswith(f"from “{GANGS}”, 20 Sep 2018.")
    # an estimate is the interval it lies in, never its month or day
    assert third.sentence.endswith("between Dec 2017 and Jun 2018 (estimated).")


def test_figures_past_the_limit_are_counted(corpus, monkeypatch):
    monkeypatch.setattr(deck, "MAX_FIGURES", 2)
    figures = [s for s in deck.slides(corpus, corpus.select(Filters()), Filters())]
    figures = [s for s in figures if s.kind == deck.FIGURE]
    assert len(figures) == 2
    assert "Key figure 2 of 2, largest first (3 quoted in all)" in figures[1].sentence


def test_filters_apply_to_every_slide(corpus):
    filters = Filters(themes=(CL,))
    slides = deck.slides(corpus, corpus.select(filters), filters)
    assert slides[0].lines[0] == "2 articles"
    assert [s.title for s in slides if s.kind == deck.FIGURE] == [
        "5,000 young people",
        "up to 1,000 children",
    ]


def test_no_articles_is_one_slide_that_says_so(corpus):
    filters = Filters(text="nothingmatchesthis")
    (slide,) = deck.slides(corpus, corpus.select(filters), filters)
    assert slide.title == "No articles" and "widen them" in slide.sentence


@pytest.mark.parametrize(
    ("filters", "line"),
    [
        (Filters(), "Showing: every article, no filters"),
        (Filters(themes=(CL,)), "Showing: theme County lines"),
        (Filters(themes=(CL, CT, "X")), "Showing: themes County lines, Child trafficking and X"),
        (
            Filters(start=date(2018, 1, 1), end=date(2018, 6, 30), text='"county lines"'),
            'Showing: dates 1 Jan 2018 to 30 Jun 2018 · search “"county lines"”',
        ),
        (Filters(start=date(2018, 1, 1)), "Showing: dates from 1 Jan 2018"),
        (
            Filters(entities=("NCA", "Barnardo's"), bases=("stated",)),
            "Showing: named NCA or Barnardo's · dates stated",
        ),
        (
            Filters(publishers=("ECPAT UK",), themes=(CL,)),
            "Showing: theme County lines · publisher ECPAT UK",
        ),
    ],
)
def test_filters_line(filters, line):
    assert deck.filters_line(filters) == line


@pytest.mark.parametrize(("asked", "count", "shown"), [(3, 5, 3), (0, 5, 1), (9, 5, 5), (2, 0, 1)])
def test_slide_numbers_stay_in_the_deck(asked, count, shown):
    assert deck.clamp(asked, count) == shown
