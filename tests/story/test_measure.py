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


def change(current, previous, all_current, all_previous, estimated=0):
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
    )
    return measure.ChangeOfShare(c, all_current, all_previous)


@pytest.mark.parametrize(
    ("item", "shown", "expected"),
    [
        (
            change(12, 8, 200, 100),
            "counts",
            "Online abuse: 12 articles in the last six months, up from 8 (counts of articles). "
            "All articles rose more, from 100 to 200, so its share of them fell, from 8% to 6%: "
            "more articles, not a larger share.",
        ),
        (
            change(12, 8, 200, 100),
            "share",
            "Online abuse: 6% of all articles in the last six months (12 of 200), down from 8% "
            "(8 of 100).",
        ),
        (
            change(12, 8, 100, 100, estimated=3),
            "counts",
            "Online abuse: 12 articles in the last six months, up from 8 (counts of articles). "
            "As a share of all articles: 12%, up from 8%. 3 of the 20 dates counted are "
            "estimates.",
        ),
        (
            change(5, 5, 100, 50),
            "share",
            "Online abuse: 5% of all articles in the last six months (5 of 100), down from 10% "
            "(5 of 50).",
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


def test_change_windows_count_every_article(synthetic):
    rows = synthetic.select(Filters())
    changes = measure.with_all_articles(synthetic, timeline.period_changes(synthetic, rows))
    first = changes[0].change
    day = pd.to_datetime(synthetic.table.column(schema.PUBLISHED).to_pandas())
    now = ((day >= pd.Timestamp(first.start)) & (day <= pd.Timestamp(first.end))).sum()
    then = (
        (day >= pd.Timestamp(first.previous_start)) & (day <= pd.Timestamp(first.previous_end))
    ).sum()
    assert (changes[0].all_current, changes[0].all_previous) == (now, then)
