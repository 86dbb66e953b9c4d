"""Periods: numbering days, where each period starts and ends, and how it is written."""

from __future__ import annotations

import dataclasses
from datetime import date

import numpy as np
import pandas as pd
import pytest

from insights import periods, serving
from insights.corpus import Filters, frames, timeline
from insights.periods import MONTH, QUARTER, WEEK, YEAR

import fixtures

DAY = (date(2018, 9, 20) - date(1970, 1, 1)).days  # a Thursday


@pytest.mark.parametrize(
    ("period", "start", "end", "label", "axis"),
    [
        (WEEK, date(2018, 9, 17), date(2018, 9, 23), "Week of 17 Sep 2018", "Week"),
        (MONTH, date(2018, 9, 1), date(2018, 9, 30), "September 2018", "Month"),
        (QUARTER, date(2018, 7, 1), date(2018, 9, 30), "2018 Q3", "Quarter"),
        (YEAR, date(2018, 1, 1), date(2018, 12, 31), "2018", "Year"),
    ],
)
def test_a_period_knows_its_span_and_its_words(period, start, end, label, axis):
    number = period.number(np.array([DAY]))
    assert period.starts(number).tolist() == [pd.Timestamp(start)]
    assert period.span(date(2018, 9, 20)) == (start, end)
    assert period.span(pd.Timestamp(start)) == (start, end)
    assert period.label(start) == label
    assert period.axis_title == axis


@pytest.mark.parametrize("period", periods.PERIODS.values(), ids=periods.NAMES)
def test_numbers_count_up_one_period_at_a_time(period):
    days = np.arange(DAY - 800, DAY + 800)
    numbers = period.number(days)
    assert np.all(np.diff(numbers) >= 0) and set(np.diff(numbers)) <= {0, 1}
    # each period starts on the first day that has its number
    firsts = days[np.r_[True, np.diff(numbers) == 1]]
    assert period.first_day(np.unique(numbers)).tolist()[1:] == firsts.tolist()[1:]


def test_get_names_every_period_and_refuses_others():
    assert [periods.get(name) for name in periods.NAMES] == [WEEK, MONTH, QUARTER, YEAR]
    with pytest.raises(ValueError, match="period must be one of"):
        periods.get("fortnight")


@pytest.mark.parametrize(
    ("value", "months", "expected"),
    [
        (date(2018, 9, 20), -6, date(2018, 3, 20)),
        (date(2018, 8, 31), 1, date(2018, 9, 30)),
        (date(2018, 3, 31), -1, date(2018, 2, 28)),
        (date(2018, 1, 15), -1, date(2017, 12, 15)),
        (date(2018, 11, 30), 14, date(2020, 1, 30)),
    ],
)
def test_add_months(value, months, expected):
    assert periods.add_months(value, months) == expected


# a fortnight, from Mondays two weeks apart: a week with other numbers and words
FORTNIGHT = dataclasses.replace(
    WEEK,
    name="fortnight",
    write=lambda start: f"Fortnight of {start:%-d %b %Y}",
    vega_end="datetime(year(datum.period), month(datum.period), date(datum.period) + 14)",
    axis_title="Fortnight",
    number=lambda days: (days + 3) // 14,
    first_day=lambda fortnights: fortnights * 14 - 3,
)


def test_a_new_period_is_one_entry_in_periods(tmp_path, monkeypatch):
    # what "adding a fortnight is one file" means: the corpus and its serving copy follow
    monkeypatch.setitem(periods.PERIODS, FORTNIGHT.name, FORTNIGHT)
    path = fixtures.write(tmp_path / "articles.parquet", fixtures.sample_rows())
    serving.prepare(path)
    corpus = serving.load(path)
    assert FORTNIGHT.name in corpus.numberings  # read back from the serving copy
    frame = timeline.articles_over_time(corpus, corpus.select(Filters()), FORTNIGHT)
    assert frame[frames.ARTICLES].sum() == 5
    assert frame[frames.PERIOD].iloc[0] == pd.Timestamp("2017-10-16")
    assert FORTNIGHT.span(date(2017, 10, 18)) == (date(2017, 10, 16), date(2017, 10, 29))


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ([DAY, -1, DAY - 61], ([2, 3, 0], 582, 3)),  # the undated day gets the extra period
        ([-1, -1], ([0, 0], 0, 0)),
    ],
)
def test_numbering_counts_from_the_first_period(days, expected):
    numbers, first, count = MONTH.numbering(np.array(days), -1)
    assert (numbers.tolist(), first, count) == expected
