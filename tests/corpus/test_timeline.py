"""Articles over time, theme share over time, date intervals and what changed."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from insights import periods, schema, serving
from insights.corpus import Filters, frames, timeline, wording

import fixtures
from samples import CL, CT, FIGURES, GANGS, JAILED, OL, RANDOM_FILTERS, naive_select


@pytest.mark.parametrize(
    ("freq", "expected"),
    [
        # (period start, articles, stated, inferred); quarters between are zero-filled
        (
            "quarter",
            [
                ("2017-10-01", 2, 2, 0),
                ("2018-01-01", 1, 0, 1),
                ("2018-04-01", 1, 1, 0),
                ("2018-07-01", 1, 1, 0),
            ],
        ),
        ("year", [("2017-01-01", 2, 2, 0), ("2018-01-01", 3, 2, 1)]),
    ],
)
def test_articles_over_time(corpus, freq, expected):
    frame = timeline.articles_over_time(corpus, corpus.select(Filters()), periods.get(freq))
    assert list(frame.columns) == [frames.PERIOD, frames.ARTICLES, frames.KNOWN, frames.INFERRED]
    got = [(p.strftime("%Y-%m-%d"), a, s, i) for p, a, s, i in frame.itertuples(index=False)]
    assert got == expected


def test_months_are_zero_filled_only_inside_the_span(corpus):
    frame = timeline.articles_over_time(corpus, corpus.select(Filters(themes=(CL,))), periods.MONTH)
    assert frame[frames.PERIOD].iloc[0] == pd.Timestamp("2017-12-01")
    assert frame[frames.PERIOD].iloc[-1] == pd.Timestamp("2018-09-01")
    assert len(frame) == 10
    assert frame[frames.ARTICLES].tolist() == [1] + [0] * 8 + [1]


def test_weeks_start_on_monday(corpus):
    frame = timeline.articles_over_time(corpus, corpus.select(Filters(themes=(OL,))), periods.WEEK)
    assert frame[frames.PERIOD].tolist() == [pd.Timestamp("2018-05-28")]  # 1 June 2018: Friday


def test_articles_over_time_by_theme_counts_each_theme(corpus):
    frame = timeline.articles_over_time(
        corpus, corpus.select(Filters()), periods.YEAR, by_theme=True
    )
    counts = {
        (p.year, t): a for p, t, a in frame[[frames.PERIOD, frames.THEME, frames.ARTICLES]].values
    }
    assert counts == {
        (2017, CT): 1,
        (2017, CL): 1,
        (2017, OL): 0,
        (2018, CT): 2,
        (2018, CL): 1,
        (2018, OL): 1,
    }
    assert frame[frames.ARTICLES].sum() == 6  # GANGS counts twice, UNDATED not at all


def test_date_intervals_most_recent_first(corpus):
    frame = timeline.date_intervals(corpus, corpus.select(Filters()), limit=3)
    assert frame[schema.TITLE].tolist() == [GANGS, JAILED, FIGURES]
    assert frame[schema.PUBLISHED_EARLIEST].iloc[2] == date(2018, 3, 1)
    assert frame[schema.PUBLISHED_LATEST].iloc[2] == date(2018, 3, 31)


def test_theme_share_over_time(corpus):
    frame = timeline.theme_share_over_time(corpus, corpus.select(Filters()), periods.YEAR)
    shares = {(p.year, t): s for p, t, _, s in frame.itertuples(index=False)}
    assert shares[(2018, CT)] == pytest.approx(2 / 3)
    assert shares[(2017, OL)] == 0


def test_period_changes(corpus):
    changes = timeline.period_changes(corpus, corpus.select(Filters()))
    starts = "The data starts on 18 October 2017, part-way through the six months before."
    # the inferred March article (1-31 Mar) crosses the split on 21 Mar: it is on neither side
    assert [wording.change_sentence(c) for c in changes] == [
        f"Online abuse: 1 article in the last six months, up from 0. {starts}",
        "County lines: 1 article in the last six months, the same as in the six months before."
        f" {starts}",
        "Child trafficking: 1 article in the last six months and 1 in the six months before, but"
        " 1 more could fall either way, so the dates cannot say whether it rose or fell."
        f" {starts}",
    ]
    assert [(c.current, c.previous, c.undecided) for c in changes] == [
        (1, 0, 0),
        (1, 1, 0),
        (1, 1, 1),
    ]
    assert (changes[0].start, changes[0].end) == (date(2018, 3, 21), date(2018, 9, 20))
    assert (changes[0].previous_start, changes[0].previous_end) == (
        date(2017, 9, 21),
        date(2018, 3, 20),
    )


def _dated(title, earliest, latest, basis="inferred", themes=("Child trafficking",)):
    return fixtures.article(
        title,
        published=earliest + (latest - earliest) / 2,
        published_earliest=earliest,
        published_latest=latest,
        date_basis=basis,
        date_precision="day" if earliest == latest else "month",
        themes=list(themes),
    )


def test_an_interval_across_the_split_counts_on_neither_side(tmp_path):
    d = date
    rows = [
        _dated("known now", d(2018, 9, 1), d(2018, 9, 1), basis="stated"),
        _dated("surely now", d(2018, 7, 1), d(2018, 8, 31)),
        _dated("also now", d(2018, 4, 1), d(2018, 5, 31)),
        _dated("surely before", d(2018, 1, 1), d(2018, 2, 28)),
        _dated("either way", d(2018, 2, 1), d(2018, 6, 30)),
        _dated("before the window", d(2016, 1, 1), d(2016, 1, 1), basis="stated"),
    ]
    corpus = serving.load(fixtures.write(tmp_path / "a.parquet", rows), search=False)
    (change,) = timeline.period_changes(corpus, corpus.select(Filters()), months=6)
    assert change.end == date(2018, 9, 1)  # the latest date any article could have
    assert (change.current, change.previous, change.undecided) == (3, 1, 1)
    assert change.estimated == 3
    assert wording.change_sentence(change) == (
        "Child trafficking: 3 articles in the last six months, up from 1; 1 more could fall"
        " either way. 3 of the 4 dates counted are estimates."
    )


def test_when_no_date_decides_a_side_there_is_no_comparison(tmp_path):
    d = date
    rows = [_dated(f"item {i}", d(2017, 12, 29), d(2018, 10, 20)) for i in range(3)]
    corpus = serving.load(fixtures.write(tmp_path / "a.parquet", rows), search=False)
    (change,) = timeline.period_changes(corpus, corpus.select(Filters()), months=6)
    assert (change.current, change.previous, change.undecided) == (0, 0, 3)
    assert wording.change_sentence(change) == (
        "Child trafficking: none of its 3 articles can be placed before or after 21 Apr 2018 by"
        " its dates, so there is nothing to compare."
    )


@pytest.mark.parametrize("freq", periods.NAMES)
@pytest.mark.parametrize("filters", RANDOM_FILTERS[:6])
def test_articles_over_time_matches_pandas(random_corpus, freq, filters):
    frame = random_corpus.table.to_pandas().iloc[
        naive_select(random_corpus.table.to_pandas(), filters)
    ]
    published = pd.to_datetime(frame[schema.PUBLISHED]).dropna()
    alias = {"week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}[freq]
    in_periods = published.dt.to_period(alias)
    counts = in_periods.value_counts()
    span = pd.period_range(in_periods.min(), in_periods.max(), freq=alias)
    expected = counts.reindex(span, fill_value=0)
    got = timeline.articles_over_time(
        random_corpus, random_corpus.select(filters), periods.get(freq)
    )
    assert got[frames.PERIOD].tolist() == [p.start_time for p in span]
    assert got[frames.ARTICLES].tolist() == expected.tolist()
    exact = frame.loc[published.index, schema.DATE_BASIS].isin(["stated", "curated"])
    assert got[frames.KNOWN].sum() == exact.sum()


def test_period_count_spans_first_to_last_period(corpus):
    month = periods.MONTH
    frame = timeline.articles_over_time(corpus, corpus.select(Filters()), month)
    first, last = frame["period"].min(), frame["period"].max()
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    assert timeline.period_count(frame, month) == months
