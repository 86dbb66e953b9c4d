"""Counts or share: every over-time frame as counts, or as a share of all articles per period.

A busy month is not a surge in attention: Media Cloud divides by all coverage in the period.
Here "all articles" is every article of the period in the dataset (only the publisher filter
applies, so a publisher's share is of its own output):

    with_share_of_all(corpus, articles_over_time(corpus, rows, MONTH), MONTH)
        period      articles  known  inferred  all_articles  share
        2018-01-01         3      2         1            12   0.25

    drawn(frame, SHARE)   the same frame with articles, known and inferred as shares of
                          all_articles: what a chart in "share" mode draws
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from insights.corpus.columns import Corpus
from insights.corpus.filters import Filters
from insights.corpus.frames import ARTICLES, INFERRED, KNOWN, PERIOD, SHARE
from insights.corpus.timeline import Change, overall_change
from insights.periods import Period

COUNTS = "counts"
MEASURES = (COUNTS, SHARE)  # the URL values of ?measure=
ALL_ARTICLES = "all_articles"
_VALUES = (ARTICLES, KNOWN, INFERRED)


def measure_of(value: object) -> str:
    """A URL value as a measure: "share" or, for anything else, "counts"."""
    return SHARE if value == SHARE else COUNTS


def all_per_period(corpus: Corpus, period: Period, publishers: Sequence[str] = ()) -> pd.Series:
    """Every dated article per period (of these publishers), indexed by the period's start."""
    base = corpus.select(Filters(publishers=tuple(publishers)))
    numbers, first, count = corpus.period_numbers(period)
    totals = np.bincount(numbers[base], minlength=count + 1)[:count]
    return pd.Series(totals, index=period.starts(np.arange(first, first + count)))


def with_share_of_all(
    corpus: Corpus, frame: pd.DataFrame, period: Period, publishers: Sequence[str] = ()
) -> pd.DataFrame:
    """An over-time frame (period, articles, …) with all_articles per period and the share."""
    frame = frame.copy()
    totals = all_per_period(corpus, period, publishers)
    frame[ALL_ARTICLES] = frame[PERIOD].map(totals).fillna(0).astype(np.int64)
    frame[SHARE] = _share(frame[ARTICLES], frame[ALL_ARTICLES])
    return frame


def drawn(frame: pd.DataFrame, measure: str) -> pd.DataFrame:
    """What a chart draws: the frame as it is for counts; for share, the count columns
    (articles, known, inferred) divided by all_articles."""
    if measure != SHARE:
        return frame
    out = frame.copy()
    for column in _VALUES:
        if column in out:
            out[column] = _share(out[column], out[ALL_ARTICLES])
    return out


def _share(part: pd.Series, whole: pd.Series) -> pd.Series:
    return (part / whole.where(whole > 0)).fillna(0.0).astype(float)


@dataclass(frozen=True)
class ChangeOfShare:
    """A theme's `Change` with every article of the same two windows beside it, counted by the
    same rule (an article counts on a side when every date it could have lies there)."""

    change: Change
    all_current: int  # every article surely in the last months (of the publishers in view)
    all_previous: int  # … and surely in the months before

    @property
    def share_current(self) -> float:
        return self.change.current / self.all_current if self.all_current else 0.0

    @property
    def share_previous(self) -> float:
        return self.change.previous / self.all_previous if self.all_previous else 0.0


def with_all_articles(
    corpus: Corpus, changes: Sequence[Change], publishers: Sequence[str] = ()
) -> list[ChangeOfShare]:
    """Each change with the number of all articles in its two windows."""
    if not changes:
        return []
    first = changes[0]  # every change of one call shares its windows
    base = corpus.select(Filters(publishers=tuple(publishers)))
    every = overall_change(corpus, base, months=first.months, today=first.end)
    now, then = (every.current, every.previous) if every else (0, 0)
    return [ChangeOfShare(c, now, then) for c in changes]
