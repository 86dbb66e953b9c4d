"""Search over time: how many articles match per period, with inferred dates apart.

Like the histogram above Kibana's Discover: the period is chosen from the matches' span, and
clicking a period narrows the date filter to it.

    matches_over_time(corpus, rows)
        (MONTH, frame of period, articles, known, inferred, all_articles, share)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd

from insights.corpus.arrays import NO_DAY
from insights.corpus.columns import Corpus
from insights.corpus.timeline import articles_over_time
from insights.periods import MONTH, QUARTER, YEAR, Period
from insights.story.measure import with_share_of_all

# (longest span in days, period): a histogram of a few dozen bars at most
_SPANS = ((3 * 366, MONTH), (12 * 366, QUARTER))


def period_for(corpus: Corpus, rows: np.ndarray) -> Period:
    """Months for up to three years of matches, quarters up to twelve, then years."""
    day = corpus.day[corpus.as_rows(rows)]
    day = day[day != NO_DAY]
    span = int(day.max() - day.min()) if len(day) else 0
    return next((period for longest, period in _SPANS if span <= longest), YEAR)


def matches_over_time(
    corpus: Corpus, rows: np.ndarray, publishers: Sequence[str] = ()
) -> tuple[Period, pd.DataFrame]:
    """The period chosen for `rows` and their articles per period, beside all articles."""
    period = period_for(corpus, rows)
    frame = articles_over_time(corpus, rows, period)
    if frame.empty:
        return period, frame
    return period, with_share_of_all(corpus, frame, period, publishers)


def clicked_dates(
    period: Period, start: pd.Timestamp, bounds: tuple[date | None, date | None]
) -> tuple[date, date] | None:
    """The date filter for a clicked period: its first and last day inside the dataset's
    bounds; None when it lies outside them."""
    first, last = period.span(start)
    lo, hi = bounds
    first, last = max(first, lo) if lo else first, min(last, hi) if hi else last
    return (first, last) if first <= last else None
