"""Search over time (story/matches.py): its sentence and its chart's time axis, as text."""

from __future__ import annotations

import pandas as pd
import pytest

from insights.corpus.frames import ARTICLES, INFERRED, KNOWN, PERIOD, SHARE
from insights.periods import MONTH, QUARTER, YEAR
from insights.story import charts, measure
from insights.story import wording as story_wording
from insights.story.measure import ALL_ARTICLES


def _frame(known: list[int], inferred: list[int]) -> pd.DataFrame:
    articles = [k + i for k, i in zip(known, inferred, strict=True)]
    return pd.DataFrame(
        {
            PERIOD: pd.date_range("2018-01-01", periods=len(known), freq="MS"),
            ARTICLES: articles,
            KNOWN: known,
            INFERRED: inferred,
            ALL_ARTICLES: [10] * len(known),
            SHARE: [a / 10 for a in articles],
        }
    )


@pytest.mark.parametrize(
    ("known", "inferred", "sentence"),
    [
        (
            [1, 3, 0],
            [0, 0, 0],
            "Matches per month: the most in February 2018, with 3 matching articles; every "
            "date here is stated or set by hand. Click a bar to show only that month.",
        ),
        (
            [1, 3, 0],
            [0, 1, 0],
            "Matches per month: the most in February 2018, with 4 matching articles; 1 of 5 "
            "articles here has an estimated date; pale bars are the estimates. Click a bar to "
            "show only that month.",
        ),
        # most dates estimated: which month is busiest would be the estimate's, not a count
        (
            [0, 1, 0],
            [1, 0, 3],
            "Matches per month: 4 of 5 articles here have estimated dates (pale), so which "
            "month has most is an estimate, not a count to quote. Click a bar to show only "
            "that month.",
        ),
    ],
)
def test_the_sentence_says_how_much_rests_on_estimates(known, inferred, sentence):
    frame = _frame(known, inferred)
    assert story_wording.matches_over_time_summary(frame, MONTH, measure.COUNTS) == sentence


@pytest.mark.parametrize(("period", "tick"), [(MONTH, "%b %Y"), (QUARTER, "%b %Y"), (YEAR, "%Y")])
def test_every_tick_carries_its_year(period, tick):
    spec = charts.matches_over_time(_frame([1, 2], [0, 1]), period=period).to_dict()
    assert spec["encoding"]["x"]["axis"]["format"] == tick
