"""How a date is written: at the precision it has, an estimate as the interval it lies in.

One function per question, each tested as text (tests/corpus/test_when.py):

    date_text(published, earliest, latest, precision, basis)
        stated, day                    2018-10-18                       "18 Oct 2018"
        stated, month                  2018-10-01                       "Oct 2018"
        stated, week                   2018-10-18 … 2018-10-25          "between 18 and 25 Oct 2018"
        inferred                       2017-12-29 … 2018-10-20
                                       "between Dec 2017 and Oct 2018 (estimated)"
        inferred                       2018-03-01 … 2018-03-31          "Mar 2018 (estimated)"
    interval_text(earliest, latest)    the interval alone, at the coarsest unit that is honest
    date_texts(table)                  the same for every row of an Arrow table (for CSV)

An estimate never reads as a day: its interval is rounded outwards to whole months (or years)
unless it is shorter than two weeks, so the words always hold the true date.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from insights import schema
from insights.corpus.arrays import NO_DAY, codes, codes_of, days

_OWN_PRECISION = (schema.DAY, schema.MONTH, schema.YEAR)  # a known date of these reads as itself
_EPOCH = date(1970, 1, 1)  # day 0 of corpus.arrays.days
ESTIMATED = "estimated"  # the word after an inferred date: "(estimated)"
UNKNOWN_DATE = "date unknown"
DAYS_SHOWN = 14  # an interval shorter than this is written in days, longer ones in months
MONTHS_SHOWN = 731  # an interval up to two years is written in months, longer ones in years


def date_text(published: Any, earliest: Any, latest: Any, precision: str, basis: str) -> str:
    """A date as people should read it: see the module docstring."""
    published, earliest, latest = _day(published), _day(earliest), _day(latest)
    if basis == schema.INFERRED:
        if earliest and latest:
            return f"{interval_text(earliest, latest)} ({ESTIMATED})"
        if published:  # an estimate without its interval: at its precision, never as a day
            coarse = precision if precision in (schema.MONTH, schema.YEAR) else schema.MONTH
            return f"{_at_precision(published, coarse)} ({ESTIMATED})"
        return UNKNOWN_DATE
    if published is None:
        return UNKNOWN_DATE
    if precision in _OWN_PRECISION:
        return _at_precision(published, precision)
    if earliest and latest:  # a week, or an unknown precision with its bounds
        return interval_text(earliest, latest)
    prefix = "week of " if precision == schema.WEEK else ""
    return prefix + short_date(published)


def article_date(item: Mapping[str, Any]) -> str:
    """`date_text` of one article (or figure) record that carries the date columns."""
    return date_text(
        item.get(schema.PUBLISHED),
        item.get(schema.PUBLISHED_EARLIEST),
        item.get(schema.PUBLISHED_LATEST),
        item.get(schema.DATE_PRECISION) or schema.UNKNOWN,
        item.get(schema.DATE_BASIS) or schema.INFERRED,
    )


def is_estimate(basis: str) -> bool:
    """True for a date that was estimated rather than stated or set by hand."""
    return basis == schema.INFERRED


def interval_text(earliest: date, latest: date) -> str:
    """'18 Oct 2018', 'between 10 and 17 Oct 2018', 'Mar 2018', 'between Mar and Oct 2018',
    'between Dec 2017 and Oct 2018', '2018', 'between 2014 and 2018'."""
    if earliest == latest:
        return short_date(earliest)
    width = (latest - earliest).days
    if width < DAYS_SHOWN:
        if (earliest.year, earliest.month) == (latest.year, latest.month):
            return f"between {earliest.day} and {short_date(latest)}"
        first = f"{earliest:%-d %b}" if earliest.year == latest.year else short_date(earliest)
        return f"between {first} and {short_date(latest)}"
    whole_year = (earliest.month, earliest.day, latest.month, latest.day) == (1, 1, 12, 31)
    if earliest.year == latest.year and whole_year:
        return str(earliest.year)
    if width <= MONTHS_SHOWN:
        if (earliest.year, earliest.month) == (latest.year, latest.month):
            return month_year(earliest)
        first = f"{earliest:%b}" if earliest.year == latest.year else month_year(earliest)
        return f"between {first} and {month_year(latest)}"
    return f"between {earliest.year} and {latest.year}"


def span_text(first: date | None, last: date | None) -> str:
    """The months a selection covers: 'Oct 2017 – Oct 2018', 'Mar 2018'; '—' without dates."""
    if first is None or last is None:
        return "—"
    if (first.year, first.month) == (last.year, last.month):
        return month_year(first)
    return f"{month_year(first)} – {month_year(last)}"


def short_date(value: date | None) -> str:
    """'18 Oct 2017'; '—' without a date."""
    value = _day(value)
    return "—" if value is None else f"{value.day} {value:%b %Y}"


def month_year(value: date | None) -> str:
    """'Oct 2017'; '—' without a date."""
    value = _day(value)
    return "—" if value is None else f"{value:%b %Y}"


def long_date(value: date) -> str:
    """'18 October 2017'."""
    return f"{value.day} {value:%B %Y}"


def date_texts(table: pa.Table) -> list[str]:
    """`date_text` of every row of a table with the date columns, worded once per distinct
    date (a million rows hold a few thousand), so a CSV of 1M articles stays fast."""
    columns = [
        schema.PUBLISHED,
        schema.PUBLISHED_EARLIEST,
        schema.PUBLISHED_LATEST,
        schema.DATE_PRECISION,
        schema.DATE_BASIS,
    ]
    if not table.num_rows:
        return []
    # one integer row per article: three day numbers and the codes of precision and basis
    keys = np.column_stack(
        [
            *(days(table.column(name)) for name in columns[:3]),
            codes(table.column(schema.DATE_PRECISION), schema.DATE_PRECISIONS),
            codes(table.column(schema.DATE_BASIS), schema.DATE_BASES),
        ]
    )
    # blank what the words do not read, so a million articles have few distinct keys: an
    # estimate with bounds is worded from its bounds, a stated day, month or year from itself
    inferred = keys[:, 4] == schema.DATE_BASES.index(schema.INFERRED)
    bounded = (keys[:, 1] != NO_DAY) & (keys[:, 2] != NO_DAY)
    keys[inferred & bounded, 0] = NO_DAY
    fixed = np.isin(keys[:, 3], codes_of(_OWN_PRECISION, schema.DATE_PRECISIONS))
    keys[~inferred & fixed, 1:3] = NO_DAY
    # one int64 per row (each column's rank among its distinct values, mixed radix): sorting
    # int64 is many times faster than np.unique(axis=0) over rows
    combined = np.zeros(len(keys), dtype=np.int64)
    for column in keys.T:
        values, rank = np.unique(column, return_inverse=True)
        combined = combined * len(values) + rank.ravel()
    _, first, inverse = np.unique(combined, return_index=True, return_inverse=True)
    precisions, bases = (*schema.DATE_PRECISIONS, schema.UNKNOWN), (*schema.DATE_BASES, "")
    words = np.array(
        [
            date_text(
                *(None if d == NO_DAY else _EPOCH + timedelta(days=int(d)) for d in key[:3]),
                precisions[key[3]],
                bases[key[4]],
            )
            for key in keys[first]
        ],
        dtype=object,
    )
    return list(words[inverse.ravel()])


def _at_precision(value: date, precision: str) -> str:
    if precision == schema.YEAR:
        return str(value.year)
    if precision == schema.MONTH:
        return month_year(value)
    return short_date(value)


def _day(value: Any) -> date | None:
    """A date from a date, a timestamp or a missing value (None, NaT, NaN)."""
    if value is None:
        return None
    if isinstance(value, datetime):  # pd.Timestamp too; NaT is not a datetime
        return value.date()
    if isinstance(value, date):
        return value
    return None if pd.isna(value) else pd.Timestamp(value).date()
