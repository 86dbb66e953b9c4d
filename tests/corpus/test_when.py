"""How dates are written: at their precision, estimates as intervals, never a day-exact guess."""

from __future__ import annotations

import re
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from insights import schema
from insights.corpus import when

D = date
DAY_AND_MONTH = re.compile(r"\b\d{1,2} [A-Z][a-z]{2}\b")  # "18 Oct"
STATED, INFERRED, CURATED = schema.STATED, schema.INFERRED, schema.CURATED


@pytest.mark.parametrize(
    ("published", "earliest", "latest", "precision", "basis", "text"),
    [
        (D(2018, 10, 18), D(2018, 10, 18), D(2018, 10, 18), "day", STATED, "18 Oct 2018"),
        (D(2018, 10, 1), D(2018, 10, 1), D(2018, 10, 31), "month", STATED, "Oct 2018"),
        (D(2018, 1, 1), D(2018, 1, 1), D(2018, 12, 31), "year", CURATED, "2018"),
        (D(2018, 10, 18), D(2018, 10, 18), D(2018, 10, 25), "week", STATED,
         "between 18 and 25 Oct 2018"),
        (D(2018, 10, 17), D(2018, 10, 10), D(2018, 10, 17), "week", STATED,
         "between 10 and 17 Oct 2018"),
        # the shipped listing: ten months between two dated neighbours
        (D(2018, 7, 18), D(2017, 12, 29), D(2018, 10, 20), "year", INFERRED,
         "between Dec 2017 and Oct 2018 (estimated)"),
        (D(2018, 3, 15), D(2018, 3, 1), D(2018, 3, 31), "month", INFERRED, "Mar 2018 (estimated)"),
        (D(2018, 5, 2), D(2018, 3, 4), D(2018, 9, 30), "month", INFERRED,
         "between Mar and Sep 2018 (estimated)"),
        (D(2018, 10, 3), D(2018, 9, 28), D(2018, 10, 5), "day", INFERRED,
         "between 28 Sep and 5 Oct 2018 (estimated)"),
        (D(2018, 1, 1), D(2017, 12, 28), D(2018, 1, 3), "day", INFERRED,
         "between 28 Dec 2017 and 3 Jan 2018 (estimated)"),
        (D(2016, 6, 1), D(2014, 2, 1), D(2018, 6, 1), "year", INFERRED,
         "between 2014 and 2018 (estimated)"),
        (D(2018, 3, 15), None, None, "day", INFERRED, "Mar 2018 (estimated)"),
        (None, None, None, "unknown", INFERRED, "date unknown"),
        (None, None, None, "unknown", STATED, "date unknown"),
        (pd.Timestamp("2018-10-18"), pd.NaT, pd.NaT, "day", STATED, "18 Oct 2018"),
    ],
)  # fmt: skip
def test_date_text(published, earliest, latest, precision, basis, text):
    assert when.date_text(published, earliest, latest, precision, basis) == text


def test_an_estimate_never_names_a_day_when_its_interval_is_long():
    # every interval of two weeks or more is written in months or years, whatever the guess
    start = D(2017, 1, 1)
    for width in range(14, 800, 3):
        latest = start + timedelta(days=width)
        text = when.date_text(start, start, latest, "day", INFERRED)
        assert not DAY_AND_MONTH.search(text), text
        assert text.endswith("(estimated)")


def test_article_date_reads_a_record():
    item = {
        schema.PUBLISHED: D(2018, 7, 18),
        schema.PUBLISHED_EARLIEST: D(2017, 12, 29),
        schema.PUBLISHED_LATEST: D(2018, 10, 20),
        schema.DATE_PRECISION: "year",
        schema.DATE_BASIS: INFERRED,
    }
    assert when.article_date(item) == "between Dec 2017 and Oct 2018 (estimated)"


@pytest.mark.parametrize(
    ("first", "last", "text"),
    [
        (D(2017, 10, 18), D(2018, 10, 18), "Oct 2017 – Oct 2018"),
        (D(2018, 3, 1), D(2018, 3, 30), "Mar 2018"),
        (None, None, "—"),
    ],
)
def test_span_text(first, last, text):
    assert when.span_text(first, last) == text


def test_date_texts_words_every_row_as_date_text_does():
    rows = [
        (D(2018, 10, 18), D(2018, 10, 18), D(2018, 10, 18), "day", STATED),
        (D(2018, 7, 18), D(2017, 12, 29), D(2018, 10, 20), "year", INFERRED),
        (None, None, None, "unknown", INFERRED),
        (D(2018, 10, 18), D(2018, 10, 18), D(2018, 10, 18), "day", STATED),
    ]
    names = [
        schema.PUBLISHED,
        schema.PUBLISHED_EARLIEST,
        schema.PUBLISHED_LATEST,
        schema.DATE_PRECISION,
        schema.DATE_BASIS,
    ]
    table = pa.table({n: [r[i] for r in rows] for i, n in enumerate(names)})
    assert when.date_texts(table) == [when.date_text(*r) for r in rows]
    assert when.date_texts(table.slice(0, 0)) == []


def test_date_texts_of_many_random_rows_match_date_text():
    # date_texts words each distinct key once from the fields the words read: same words
    rng = np.random.default_rng(7)
    n = 600
    rows = []
    for i in range(n):
        published = D(2016, 1, 1) + timedelta(days=int(rng.integers(0, 900)))
        spread = [0, 5, 20, 90, 400, 900][i % 6]
        earliest = published - timedelta(days=int(rng.integers(0, spread + 1)))
        latest = published + timedelta(days=int(rng.integers(0, spread + 1)))
        precision = schema.DATE_PRECISIONS[i % 4]
        basis = schema.DATE_BASES[(i // 4) % 3]
        rows.append((published, earliest, latest, precision, basis) if i % 50 else
                    (None, None, None, schema.UNKNOWN, basis))  # fmt: skip
    names = [
        schema.PUBLISHED,
        schema.PUBLISHED_EARLIEST,
        schema.PUBLISHED_LATEST,
        schema.DATE_PRECISION,
        schema.DATE_BASIS,
    ]
    table = pa.table({name: [r[i] for r in rows] for i, name in enumerate(names)})
    assert when.date_texts(table) == [when.date_text(*r) for r in rows]
