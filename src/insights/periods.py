"""The periods articles are counted by (week, month, quarter, year): one `Period` each.

A period knows how to number days, where each of its periods starts and ends, and how to
write one for people, Vega-Lite and Plotly. Days are day numbers since 1970-01-01, as the
corpus keeps them; periods are numbered from 1970:

    MONTH.number(np.array([17794]))     → [584]            (2018-09-20 is in month 584)
    MONTH.starts(np.array([584]))       → [2018-09-01]
    MONTH.span(date(2018, 9, 1))        → (2018-09-01, 2018-09-30)
    QUARTER.label(date(2018, 7, 1))     → "2018 Q3"
    WEEK.span(date(2018, 9, 17))        → (2018-09-17, 2018-09-23)   weeks start on Monday

Adding a period (a fortnight, say) is one more `Period` below, listed in PERIODS: the corpus,
its serving copy, the charts and the Timeline page all ask this module.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

_EPOCH = date(1970, 1, 1)  # a Thursday: Monday-based weeks count from 1969-12-29


@dataclass(frozen=True)
class Period:
    """One way of cutting time into periods, and every way of writing one."""

    name: str  # the URL value and the serving copy's key: "month"
    axis_title: str  # "Month"
    number: Callable[[np.ndarray], np.ndarray]  # int day numbers → int period numbers
    first_day: Callable[[np.ndarray], np.ndarray]  # period numbers → day number of each start
    write: Callable[[pd.Timestamp], str]  # a period's start as people read it
    vega_format: str  # d3 time format for Vega-Lite tooltips
    plotly_format: str  # d3 time format for Plotly hover text
    vega_end: str  # Vega expression for the first instant after the period at datum.period

    def starts(self, numbers: np.ndarray) -> pd.DatetimeIndex:
        """The first day of each numbered period."""
        days = self.first_day(np.asarray(numbers, dtype=np.int64)).astype("datetime64[D]")
        return pd.DatetimeIndex(days.astype("datetime64[s]"))

    def span(self, when: Any) -> tuple[date, date]:
        """The first and last day of the period holding `when` (a date or timestamp)."""
        number = self.number(np.array([_day_number(when)], dtype=np.int64))
        first, after = self.first_day(np.concatenate([number, number + 1]))
        return _date(first), _date(after) - timedelta(days=1)

    def numbering(self, days: np.ndarray, missing: int) -> tuple[np.ndarray, int, int]:
        """(each day's period counted from the first, that first period's number, how many
        periods): days equal to `missing` get the one-past-the-end period.

            MONTH.numbering([17794, missing, 17733], missing) → ([2, 3, 0], 582, 3)
        """
        dated = days != missing
        numbers = self.number(np.where(dated, days, 0).astype(np.int64))
        if not dated.any():
            return np.zeros(len(days), dtype=np.int32), 0, 0
        first, last = int(numbers[dated].min()), int(numbers[dated].max())
        count = last - first + 1
        return np.where(dated, numbers - first, count).astype(np.int32), first, count

    def label(self, start: Any) -> str:
        """'Week of 3 Sep 2018', 'September 2018', '2018 Q3', '2018'."""
        return self.write(pd.Timestamp(start))


def _months(days: np.ndarray) -> np.ndarray:
    return days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)


def _month_starts(months: np.ndarray) -> np.ndarray:
    return months.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)


def _every_months(
    months: int, name: str, write: Callable[[pd.Timestamp], str], formats: tuple[str, str]
) -> Period:
    """A period of `months` calendar months, counted from January 1970."""
    return Period(
        name=name,
        axis_title=name.capitalize(),
        number=lambda days: _months(days) // months,
        first_day=lambda numbers: _month_starts(numbers * months),
        write=write,
        vega_format=formats[0],
        plotly_format=formats[1],
        vega_end=f"datetime(year(datum.period), month(datum.period) + {months}, 1)",
    )


WEEK = Period(
    name="week",
    axis_title="Week",
    number=lambda days: (days + 3) // 7,
    first_day=lambda weeks: weeks * 7 - 3,
    write=lambda start: f"Week of {start:%-d %b %Y}",
    vega_format="week of %-d %b %Y",
    plotly_format="week of %-d %b %Y",
    vega_end="datetime(year(datum.period), month(datum.period), date(datum.period) + 7)",
)
MONTH = _every_months(1, "month", lambda start: f"{start:%B %Y}", ("%B %Y", "%b %Y"))
QUARTER = _every_months(
    3, "quarter", lambda start: f"{start.year} Q{start.quarter}", ("%b %Y",) * 2
)
YEAR = Period(
    name="year",
    axis_title="Year",
    number=lambda days: days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64),
    first_day=lambda years: years.astype("datetime64[Y]").astype("datetime64[D]").astype(np.int64),
    write=lambda start: f"{start:%Y}",
    vega_format="%Y",
    plotly_format="%Y",
    vega_end="datetime(year(datum.period) + 1, 0, 1)",
)

PERIODS: dict[str, Period] = {p.name: p for p in (WEEK, MONTH, QUARTER, YEAR)}
NAMES = tuple(PERIODS)


def get(name: str) -> Period:
    """The period called `name` ("week", "month", …).

    Raises:
        ValueError: for any other name.
    """
    try:
        return PERIODS[name]
    except KeyError:
        raise ValueError(f"period must be one of {NAMES}, not {name!r}") from None


def add_months(value: date, months: int) -> date:
    """The same day `months` later (or earlier), kept inside the month: 31 Aug + 1 → 30 Sep."""
    month = value.month - 1 + months
    year, month = value.year + month // 12, month % 12 + 1
    return date(year, month, min(value.day, calendar.monthrange(year, month)[1]))


def _day_number(when: Any) -> int:
    return (pd.Timestamp(when).date() - _EPOCH).days


def _date(day: int) -> date:
    return _EPOCH + timedelta(days=int(day))
