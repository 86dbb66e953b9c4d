"""Every label and sentence the dashboard writes about the data, tested as text."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from insights import events, schema
from insights.corpus import Filters, articles, citing, themes, timeline, when, wording
from insights.periods import MONTH, QUARTER, WEEK, YEAR

import fixtures
from samples import CL, CT, OL


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
        (66, "percent", "exact", "66% rise in the number of children", "children",
         "66% rise in children"),
        (40, "percent", "exact", "40% of children", "children", "40% of children"),
        (1 / 5, "ratio", "exact", "one in five adults", "adults", "1 in 5 adults"),
        (0.5, "proportion", "more_than", "more than half", "frontline workers",
         "more than half of frontline workers"),
        (11, "age", "as_young_as", "as young as 11 years old", None, "as young as 11"),
        (137, "count", "exact", "137 charges", "charges", "137 charges"),
    ],
)  # fmt: skip
def test_statistic_headings(value, kind, qualifier, phrase, counted, heading):
    figure = fixtures.statistic(
        value, kind, phrase, phrase, qualifier=qualifier, counted=counted,
        direction="up" if "rise" in phrase else "",
    )  # fmt: skip
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


@pytest.mark.parametrize(
    ("n", "word", "text"),
    [(0, "article", "0 articles"), (1, "article", "1 article"), (1200, "figure", "1,200 figures")],
)
def test_plural(n, word, text):
    assert wording.plural(n, word) == text


@pytest.mark.parametrize(
    ("n", "text"), [(0, "zero"), (6, "six"), (12, "twelve"), (13, "13"), (1200, "1,200")]
)
def test_number_word(n, text):
    assert wording.number_word(n) == text


@pytest.mark.parametrize(("months", "text"), [(1, "month"), (6, "six months"), (18, "18 months")])
def test_months_phrase(months, text):
    assert wording.months_phrase(months) == text


@pytest.mark.parametrize(
    ("published", "basis", "precision", "text"),
    [
        (date(2018, 9, 20), schema.STATED, schema.DAY, "20 Sep 2018"),
        (date(2018, 3, 15), schema.INFERRED, schema.MONTH, "Mar 2018 (estimated)"),
        (date(2018, 9, 17), schema.CURATED, schema.WEEK, "week of 17 Sep 2018"),
        (date(2018, 1, 1), schema.INFERRED, schema.YEAR, "2018 (estimated)"),
        (None, schema.INFERRED, schema.UNKNOWN, "date unknown"),
    ],
)
def test_a_date_without_its_interval_never_makes_an_estimate_look_exact(
    published, basis, precision, text
):
    assert when.date_text(published, None, None, precision, basis) == text


@pytest.mark.parametrize(
    ("function", "value", "text"),
    [
        (wording.short_date, date(2017, 10, 18), "18 Oct 2017"),
        (wording.short_date, None, "—"),
        (wording.month_year, date(2017, 10, 18), "Oct 2017"),
        (wording.month_year, None, "—"),
        (wording.long_date, date(2017, 10, 8), "8 October 2017"),
        (wording.moment, "2026-01-01T09:30:00+00:00", "1 Jan 2026 at 09:30 UTC"),
        (wording.moment, "2026-01-01T09:30:00", "1 Jan 2026 at 09:30"),
        (wording.moment, None, "at an unknown time"),
    ],
)
def test_dates_and_moments(function, value, text):
    assert function(value) == text


def test_headline_dates(corpus):
    head = articles.headline(corpus, corpus.select(Filters()))
    assert wording.headline_dates(head) == (
        "Dates: 4 stated by the source, 1 inferred from the listing order, 0 set by hand, "
        "1 unknown."
    )


def test_articles_over_time_summary(corpus):
    frame = timeline.articles_over_time(corpus, corpus.select(Filters()), QUARTER)
    assert wording.articles_over_time_summary(frame, QUARTER) == (
        "The busiest quarter was 2017 Q4 with 2 articles; 1 of 5 articles here has an "
        "estimated date; hatched bars are the estimates."
    )


@pytest.mark.parametrize(
    ("known", "inferred", "text"),
    [
        ([2, 1], [0, 0], "The busiest month was January 2018 with 2 articles; every date here is"
         " stated or set by hand."),
        ([1, 0], [1, 0], "The busiest month was January 2018 with 2 articles; 1 of 2 articles"
         " here has an estimated date; hatched bars are the estimates."),
        ([1, 1], [9, 8], "17 of 19 articles here have estimated dates (hatched), so how they"
         " spread over the months is an estimate, not a count to quote."),
        ([0, 0], [1, 2], "All 3 articles here have estimated dates (hatched), so how they"
         " spread over the months is an estimate, not a count to quote."),
    ],
)  # fmt: skip
def test_articles_over_time_summary_says_how_much_is_estimated(known, inferred, text):
    frame = pd.DataFrame(
        {
            "period": pd.to_datetime(["2018-01-01", "2018-02-01"]),
            "articles": [k + i for k, i in zip(known, inferred, strict=True)],
            "known": known,
            "inferred": inferred,
        }
    )
    assert wording.articles_over_time_summary(frame, MONTH) == text


def test_theme_counts_summaries(corpus):
    counts = themes.theme_counts(corpus, corpus.select(Filters()))
    assert wording.leading_theme_summary(counts) == (
        "Child trafficking leads, in 3 articles (50% of those shown)."
    )
    assert wording.theme_counts_summary(counts) == (
        "Child trafficking is the commonest theme, in 3 articles (50%); an article can have "
        "several themes."
    )


def test_theme_share_over_time_summary():
    assert wording.theme_share_over_time_summary(YEAR).startswith(
        "Each panel is one theme's share of each year's dated articles;"
    )


@pytest.mark.parametrize(
    ("filters", "text"),
    [
        (
            Filters(),
            "Child trafficking and County lines appear together most often, in 1 article; the "
            "diagonal counts each theme on its own.",
        ),
        (
            Filters(themes=(OL,)),
            "No article in this selection has two themes; the diagonal counts each theme.",
        ),
    ],
)
def test_theme_cooccurrence_summary(corpus, filters, text):
    pairs = themes.theme_cooccurrence(corpus, corpus.select(filters))
    assert wording.theme_cooccurrence_summary(pairs) == text


def test_articles_over_time_by_theme_summary(corpus):
    frame = timeline.articles_over_time(corpus, corpus.select(Filters()), MONTH, by_theme=True)
    assert wording.articles_over_time_by_theme_summary(frame, MONTH, 1) == (
        "Articles per month and theme from October 2017 to September 2018, with 1 event marked "
        "by dashed lines; striped blocks are articles whose date is inferred, not stated, and an "
        "article with two themes counts once in each."
    )


def test_date_intervals_summary(corpus):
    intervals = timeline.date_intervals(corpus, corpus.select(Filters()))
    assert wording.date_intervals_summary(intervals).startswith(
        "Filled dots are dates stated by the source or set by hand; hollow dots (1 here) are"
    )


def test_articles_in_period_and_events_line():
    assert wording.articles_in_period(3, WEEK, pd.Timestamp("2018-09-17")) == (
        "3 articles in Week of 17 Sep 2018."
    )
    shown = [
        events.Occurrence(date(2017, 10, 18), "Anti-Slavery Day"),
        events.Occurrence(date(2018, 2, 6), "Safer Internet Day"),
    ]
    assert wording.events_line(shown) == (
        "Events: Anti-Slavery Day (18 Oct 2017); Safer Internet Day (6 Feb 2018)"
    )


@pytest.mark.parametrize(
    ("name", "title"), [("theme", "Theme"), (schema.DATE_BASIS, "Date basis"), ("year", "Year")]
)
def test_facet_title(name, title):
    assert wording.facet_title(name) == title


@pytest.mark.parametrize(
    ("extra", "text"),
    [
        ({schema.PUBLISHER: "ECPAT UK", schema.URL: "https://example.org/a"},
         "Staggering rise, ECPAT UK, between Dec 2017 and Oct 2018 (estimated),"
         " https://example.org/a"),
        ({schema.PUBLISHER: None, schema.URL: None},
         "Staggering rise, between Dec 2017 and Oct 2018 (estimated)"),
    ],
)  # fmt: skip
def test_citation(extra, text):
    item = {
        schema.TITLE: "Staggering  rise",
        schema.PUBLISHED: date(2018, 7, 18),
        schema.PUBLISHED_EARLIEST: date(2017, 12, 29),
        schema.PUBLISHED_LATEST: date(2018, 10, 20),
        schema.DATE_PRECISION: schema.YEAR,
        schema.DATE_BASIS: schema.INFERRED,
        **extra,
    }
    assert citing.citation(item) == text


@pytest.mark.parametrize(
    ("value", "address"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("HTTP://example.org", "HTTP://example.org"),
        ("javascript:alert(1)", None),
        ("ftp://example.org/x", None),
        (None, None),
    ],
)
def test_web_address(value, address):
    assert citing.web_address(value) == address


def test_sources_by_file_name():
    sources = ["/srv/app/data/news.txt", "data/feed.rss::captured=2018-10-20", "x.csv"]
    assert citing.source_names(sources) == "news.txt, feed.rss, x.csv"


@pytest.mark.parametrize(
    ("known", "inferred", "text"),
    [
        ([3], [0], "Every date here is stated or set by hand."),
        ([2], [1], "1 of 3 articles here has an estimated date."),
        ([1], [19], "19 of 20 articles here have estimated dates, so where they fall in time is"
         " an estimate."),
    ],
)  # fmt: skip
def test_estimates_sentence(known, inferred, text):
    frame = pd.DataFrame(
        {"articles": [k + i for k, i in zip(known, inferred, strict=True)], "inferred": inferred}
    )
    assert wording.estimates_sentence(frame) == text


@pytest.mark.parametrize(
    ("total", "estimated", "text"),
    [
        (3, 0, "3 articles in September 2018."),
        (3, 2, "3 articles in September 2018 by their best estimate; 2 of them have estimated"
         " dates and may lie outside it."),
        (1, 1, "1 article in September 2018 by their best estimate; it has an estimated date and"
         " may lie outside it."),
    ],
)  # fmt: skip
def test_articles_in_period(total, estimated, text):
    assert wording.articles_in_period(total, MONTH, pd.Timestamp("2018-09-01"), estimated) == text


def test_too_many_event_days_are_counted_not_marked(corpus):
    frame = timeline.articles_over_time(corpus, corpus.select(Filters()), MONTH, by_theme=True)
    assert "with 70 event days in this span, too many to mark: narrow the dates to a year" in (
        wording.articles_over_time_by_theme_summary(frame, MONTH, 0, unmarked=70)
    )


def test_a_crowded_chart_over_time_says_so():
    assert wording.too_many_periods(160, WEEK) is None
    assert wording.too_many_periods(730, WEEK) == (
        "730 weeks in view: more bars than can be told apart. Choose a longer period above, or "
        "narrow the dates."
    )
