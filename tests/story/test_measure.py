"""Counts or share of all articles: against pandas, and the sentences that say which."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from insights import periods, schema
from insights.corpus import Filters, timeline
from insights.corpus.frames import ARTICLES, INFERRED, KNOWN, SHARE
from insights.corpus.timeline import Change
from insights.story import measure
from insights.story import wording as story_wording


def test_share_of_all_divides_by_every_article_in_the_period(synthetic):
    rows = synthetic.select(Filters(text="trafficking"))
    frame = measure.with_share_of_all(
        synthetic, timeline.articles_over_time(synthetic, rows, periods.YEAR), periods.YEAR
    )
    table = synthetic.table.to_pandas()
    years = pd.to_datetime(table[schema.PUBLISHED]).dt.year
    every = years.value_counts()
    for item in frame.itertuples(index=False):
        year = item.period.year
        assert item.all_articles == every.get(year, 0)
        assert item.share == pytest.approx(item.articles / every[year])
    drawn = measure.drawn(frame, measure.SHARE)
    assert (drawn[ARTICLES] == frame[SHARE]).all()
    assert drawn[KNOWN].add(drawn[INFERRED]).round(9).equals(drawn[ARTICLES].round(9))
    assert measure.drawn(frame, measure.COUNTS) is frame


def test_a_publishers_share_is_of_its_own_output(synthetic):
    names, _ = synthetic.publishers()
    rows = synthetic.select(Filters(publishers=(names[0],), text="children"))
    frame = measure.with_share_of_all(
        synthetic,
        timeline.articles_over_time(synthetic, rows, periods.YEAR),
        periods.YEAR,
        (names[0],),
    )
    table = synthetic.table.to_pandas()
    own = table[table[schema.PUBLISHER] == names[0]]
    every = pd.to_datetime(own[schema.PUBLISHED]).dt.year.value_counts()
    assert all(i.all_articles == every[i.period.year] for i in frame.itertuples(index=False))


@pytest.mark.parametrize(
    ("value", "expected"), [("share", "share"), ("x", "counts"), (None, "counts")]
)
def test_an_unknown_measure_is_counts(value, expected):
    assert measure.measure_of(value) == expected


def change(current, previous, all_current, all_previous, estimated=0, undecided=0):
    c = Change(
        "Online abuse",
        current,
        previous,
        estimated,
        6,
        date(2018, 4, 1),
        date(2018, 9, 30),
        date(2017, 10, 1),
        date(2018, 3, 31),
        date(2017, 1, 1),
        undecided,
    )
    return measure.ChangeOfShare(c, all_current, all_previous)


@pytest.mark.parametrize(
    ("item", "shown", "expected"),
    [
        (
            change(12, 8, 200, 100),
            "counts",
            "Online abuse: 12 articles in the last six months, up from 8. These are counts of "
            "articles: all articles rose more, from 100 to 200, so its share of them fell, from "
            "8% to 6%: more articles, not a larger share.",
        ),
        (
            change(12, 8, 200, 100),
            "share",
            "Online abuse: 6% of all articles (12 of 200) in the last six months, down from 8% "
            "(8 of 100).",
        ),
        (
            change(12, 8, 100, 100, estimated=3),
            "counts",
            "Online abuse: 12 articles in the last six months, up from 8. 3 of the 20 dates "
            "counted are estimates. These are counts of articles; as a share of all articles: "
            "12%, up from 8%.",
        ),
        (
            change(5, 5, 100, 50),
            "share",
            "Online abuse: 5% of all articles (5 of 100) in the last six months, down from 10% "
            "(5 of 50).",
        ),
        (
            change(6, 4, 100, 90, undecided=5),
            "share",
            "Online abuse: 6% of all articles (6 of 100) in the last six months and 4% (4 of "
            "90) in the six months before, but 5 more could fall either way, so the dates "
            "cannot say whether it rose or fell.",
        ),
        (
            change(6, 4, 100, 90, undecided=5),
            "counts",
            "Online abuse: 6 articles in the last six months and 4 in the six months before, "
            "but 5 more could fall either way, so the dates cannot say whether it rose or fell. "
            "(Counts of articles.)",
        ),
    ],
)
def test_change_sentences_say_what_they_compare(item, shown, expected):
    assert story_wording.change_sentence(item, shown) == expected


def test_a_rise_in_count_is_never_called_attention():
    for shown in measure.MEASURES:
        for item in (change(12, 8, 200, 100), change(12, 8, 100, 100), change(3, 8, 50, 100)):
            sentence = story_wording.change_sentence(item, shown)
            assert "attention" not in sentence


def test_change_windows_count_every_article_whose_dates_lie_inside(synthetic):
    names, _ = synthetic.publishers()
    rows = synthetic.select(Filters(text="children", publishers=(names[0],)))
    changes = measure.with_all_articles(
        synthetic, timeline.period_changes(synthetic, rows), (names[0],)
    )
    first = changes[0].change
    table = synthetic.table.to_pandas()
    table = table[table[schema.PUBLISHER] == names[0]]
    low = pd.to_datetime(table[schema.PUBLISHED_EARLIEST])
    high = pd.to_datetime(table[schema.PUBLISHED_LATEST])

    def inside(start, end):
        return int(((low >= pd.Timestamp(start)) & (high <= pd.Timestamp(end))).sum())

    now, then = inside(first.start, first.end), inside(first.previous_start, first.previous_end)
    assert (changes[0].all_current, changes[0].all_previous) == (now, then)
