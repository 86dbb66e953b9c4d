"""Articles over time: per period, per period and theme, date intervals, and what changed.

Every count is one bincount over the selected rows' period numbers (Corpus.period_numbers),
trimmed to the selection's first and last period, gaps zero-filled:

    articles_over_time(corpus, rows, MONTH)
        period      articles  known  inferred
        2018-01-01         3      2         1
        2018-02-01         0      0         0
        2018-03-01         4      4         0
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from insights import schema
from insights.corpus.arrays import NO_DAY, day_number, gather, to_date
from insights.corpus.columns import Corpus
from insights.corpus.frames import ARTICLES, INFERRED, KNOWN, PERIOD, SHARE, THEME, empty
from insights.periods import MONTH, QUARTER, Period, add_months


@dataclass(frozen=True)
class Change:
    """How often one theme came up in the last `months` months against the months before,
    counting only articles whose dates decide the side.

    An article counts in a period when every date it could have lies in that period; one whose
    interval crosses the split (or an outer edge) is `undecided`. wording.change_sentence
    writes it out.
    """

    theme: str
    current: int
    previous: int
    estimated: int  # of current + previous, how many dates are estimates
    months: int
    start: date
    end: date
    previous_start: date
    previous_end: date
    data_start: date  # the dataset's first date, which may fall inside the earlier months
    undecided: int = 0  # articles with the theme that could fall on either side

    @property
    def decided(self) -> bool:
        """True when the dates settle which way it went: the gap is wider than the doubt."""
        return abs(self.current - self.previous) > self.undecided or (
            self.current == self.previous and not self.undecided
        )


def articles_over_time(
    corpus: Corpus, rows: np.ndarray, period: Period = MONTH, by_theme: bool = False
) -> pd.DataFrame:
    """Articles per period, split by whether their date is known or inferred, optionally
    per theme.

    Periods run from the selection's first to its last, gaps filled with zeros. With
    `by_theme` an article with two themes counts once for each.
    """
    columns = (
        [PERIOD, THEME, ARTICLES, KNOWN, INFERRED]
        if by_theme
        else [PERIOD, ARTICLES, KNOWN, INFERRED]
    )
    rows = corpus.as_rows(rows)
    known = gather(corpus.known, rows)
    if not by_theme:
        counts, periods = counts_per_period(corpus, rows, period, known, 2)
        if not len(periods):
            return empty(columns)
        inferred, dated = counts[:, 0], counts[:, 1]
        return pd.DataFrame(
            {PERIOD: periods, ARTICLES: inferred + dated, KNOWN: dated, INFERRED: inferred}
        )
    combos = len(corpus.combo_themes)
    key = gather(corpus.theme_combo, rows).astype(np.int64) * 2 + known
    counts, periods = counts_per_period(corpus, rows, period, key, 2 * combos)
    if not len(periods):
        return empty(columns)
    counts = counts.reshape(len(periods), combos, 2)
    dated = counts[:, :, 1] @ corpus.combo_themes
    articles = counts.sum(axis=2) @ corpus.combo_themes
    frame = _long(periods, corpus.themes, {ARTICLES: articles, KNOWN: dated})
    frame[INFERRED] = frame[ARTICLES] - frame[KNOWN]
    return frame[columns]


def theme_share_over_time(
    corpus: Corpus, rows: np.ndarray, period: Period = QUARTER
) -> pd.DataFrame:
    """Per period and theme: articles with the theme and their share of the period's articles."""
    columns = [PERIOD, THEME, ARTICLES, SHARE]
    rows = corpus.as_rows(rows)
    combo = gather(corpus.theme_combo, rows)
    counts, periods = counts_per_period(corpus, rows, period, combo, len(corpus.combo_themes))
    if not len(periods):
        return empty(columns)
    articles = counts @ corpus.combo_themes
    totals = counts.sum(axis=1)[:, None]
    share = np.divide(articles, totals, out=np.zeros(articles.shape), where=totals > 0)
    return _long(periods, corpus.themes, {ARTICLES: articles, SHARE: share})[columns]


def date_intervals(corpus: Corpus, rows: np.ndarray, limit: int = 500) -> pd.DataFrame:
    """The most recent dated articles with the interval their date must lie in."""
    columns = [
        schema.ARTICLE_ID,
        schema.TITLE,
        schema.PUBLISHED,
        schema.PUBLISHED_EARLIEST,
        schema.PUBLISHED_LATEST,
        schema.DATE_BASIS,
        schema.DATE_PRECISION,
    ]
    rows = corpus.dated(corpus.as_rows(rows))
    top = corpus.top(rows, schema.PUBLISHED, descending=True, count=limit)
    return corpus.frame(top, columns)


def period_changes(
    corpus: Corpus, rows: np.ndarray, *, months: int = 6, today: date | None = None
) -> list[Change]:
    """Per theme: articles in the last `months` months of the data against the months before.

    The window ends at the latest date any selected article could have (or `today` when given),
    not at the wall clock. Only articles whose whole date interval lies on one side count on
    that side; the rest are `undecided`. Themes whose change is decided come first, biggest
    change first.
    """
    sides = _sides(corpus, rows, months, today)
    if sides is None:
        return []
    masks = corpus.theme_mask[sides.rows]
    changes = []
    for t, theme in enumerate(corpus.themes):
        change = sides.change(theme, (masks >> np.uint64(t)) & np.uint64(1) == 1)
        if change.current or change.previous or change.undecided:
            changes.append(change)
    changes.sort(key=lambda c: (not c.decided, -abs(c.current - c.previous), -c.current, c.theme))
    return changes


def overall_change(
    corpus: Corpus, rows: np.ndarray, *, months: int = 6, today: date | None = None
) -> Change | None:
    """`period_changes` for every selected article at once (theme ""); None without dates."""
    sides = _sides(corpus, rows, months, today)
    return None if sides is None else sides.change("", np.ones(len(sides.rows), dtype=bool))


@dataclass(frozen=True)
class _Sides:
    """Which side of a split each selected dated article's interval puts it on."""

    rows: np.ndarray
    current: np.ndarray
    previous: np.ndarray
    undecided: np.ndarray
    estimated: np.ndarray
    window: tuple[int, date, date, date, date, date]  # months, start, end, previous_*, data start

    def change(self, theme: str, has: np.ndarray) -> Change:
        months, start, end, previous_start, previous_end, data_start = self.window
        return Change(
            theme,
            int(np.count_nonzero(has & self.current)),
            int(np.count_nonzero(has & self.previous)),
            int(np.count_nonzero(has & (self.current | self.previous) & self.estimated)),
            months,
            start,
            end,
            previous_start,
            previous_end,
            data_start,
            int(np.count_nonzero(has & self.undecided)),
        )


def _sides(corpus: Corpus, rows: np.ndarray, months: int, today: date | None) -> _Sides | None:
    rows = corpus.dated(corpus.as_rows(rows))
    if not len(rows) or months < 1:
        return None
    day = corpus.day[rows]
    earliest = np.where(corpus.earliest[rows] == NO_DAY, day, corpus.earliest[rows])
    latest = np.where(corpus.latest[rows] == NO_DAY, day, corpus.latest[rows])
    end = today or to_date(latest.max())
    start = add_months(end, -months) + timedelta(days=1)
    previous_start = add_months(start, -months)
    first, split, last = day_number(previous_start), day_number(start), day_number(end)
    current = (earliest >= split) & (latest <= last)
    previous = (earliest >= first) & (latest < split)
    return _Sides(
        rows,
        current,
        previous,
        (earliest <= last) & (latest >= first) & ~current & ~previous,
        corpus.basis[rows] == schema.DATE_BASES.index(schema.INFERRED),
        (months, start, end, previous_start, start - timedelta(days=1), corpus.date_bounds()[0]),
    )


def periods_in(frame: pd.DataFrame) -> list[pd.Timestamp]:
    """The periods an over-time frame covers, newest first."""
    return sorted(frame[PERIOD].unique(), reverse=True)


def frame_span(frame: pd.DataFrame, period: Period) -> tuple[date, date]:
    """The first day of an over-time frame's first period and the last day of its last."""
    return frame[PERIOD].min().date(), period.span(frame[PERIOD].max())[1]


def period_count(frame: pd.DataFrame, period: Period) -> int:
    """How many periods an over-time frame spans, first to last (the bars a chart draws)."""
    first, last = frame_span(frame, period)
    numbers = period.number(np.array([first, last], dtype="datetime64[D]").astype(np.int64))
    return int(numbers[1] - numbers[0] + 1)


def counts_per_period(
    corpus: Corpus,
    rows: np.ndarray,
    period: Period,
    extra: np.ndarray | None = None,
    width: int = 1,
) -> tuple[np.ndarray, pd.DatetimeIndex]:
    """Selected dated articles per period (× a value of `extra` below `width`).

    One bincount over every selected row, undated ones into a bin that is dropped; then
    trimmed to the selection's first and last period, so gaps between are zero-filled:

        counts  [[3, 1], [0, 0], [2, 2]]    periods × width
        starts  [2018-01-01, 2018-02-01, 2018-03-01]
    """
    numbers, first, count = corpus.period_numbers(period)
    key = gather(numbers, rows)
    if extra is not None:
        key = key.astype(np.int64) * width + extra
    size = (count + 1) * width
    counts = np.bincount(key, minlength=size).reshape(count + 1, width)[:count]
    used = np.flatnonzero(counts.any(axis=1))
    if not len(used):
        return counts[:0], pd.DatetimeIndex([])
    low, high = int(used[0]), int(used[-1]) + 1
    return counts[low:high], period.starts(np.arange(first + low, first + high))


def _long(
    periods: pd.DatetimeIndex, themes: Sequence[str], values: dict[str, np.ndarray]
) -> pd.DataFrame:
    """(periods × themes) matrices as rows of period, theme, values; only the themes that
    have articles in some period."""
    present = np.flatnonzero(values[ARTICLES].sum(axis=0) > 0)
    names = np.array(themes, dtype=object)[present]
    frame = {
        PERIOD: np.repeat(periods.to_numpy(), len(present)),
        THEME: np.tile(names, len(periods)),
    }
    frame.update({name: matrix[:, present].ravel() for name, matrix in values.items()})
    return pd.DataFrame(frame)
