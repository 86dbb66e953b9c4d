"""Downloads: CSV that opens cleanly in a spreadsheet, streamed from Arrow for large selections.

Every row can be cited: the article's title, publisher and url, its date in words at the
precision it has ("between Dec 2017 and Oct 2018 (estimated)"), and the columns behind those
words (best estimate, earliest and latest possible date, precision, basis, evidence).

Lists are joined with "; ", dates are ISO, text a spreadsheet would run as a formula
(=, +, -, @ first) gets a leading apostrophe, and the file starts with a UTF-8 BOM for Excel:

    title,themes,published
    "'=HYPERLINK(""http://x"")","County lines; Child trafficking",2018-09-20
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from insights import schema
from insights.corpus import frames, when
from insights.corpus.arrays import take
from insights.corpus.articles import sorted_rows
from insights.corpus.columns import Corpus

# the articles download, in this order; frames.DATE is the date in words (when.date_text)
ARTICLE_COLUMNS = [
    schema.ARTICLE_ID,
    schema.TITLE,
    schema.PUBLISHER,
    schema.URL,
    frames.DATE,
    schema.PUBLISHED,
    schema.PUBLISHED_EARLIEST,
    schema.PUBLISHED_LATEST,
    schema.DATE_PRECISION,
    schema.DATE_BASIS,
    schema.DATE_EVIDENCE,
    schema.THEMES,
    schema.SUMMARY,
]
# the key figures download: what is counted first, then the article to cite
FIGURE_COLUMNS = [
    frames.HEADING,
    frames.LABEL,
    schema.STAT_PHRASE,
    schema.STAT_SENTENCE,
    schema.STAT_KIND,
    schema.STAT_VALUE,
    schema.STAT_QUALIFIER,
    schema.STAT_DIRECTION,
    schema.STAT_COUNTED,
    schema.TITLE,
    schema.PUBLISHER,
    schema.URL,
    frames.DATE,
    schema.PUBLISHED,
    schema.PUBLISHED_EARLIEST,
    schema.PUBLISHED_LATEST,
    schema.DATE_PRECISION,
    schema.DATE_BASIS,
    schema.ARTICLE_ID,
]
_READ = [c for c in ARTICLE_COLUMNS if c != frames.DATE]  # what is read from the dataset
_FORMULA_START = re.compile(r"^[=+\-@\t\r]")  # a spreadsheet would run these cells
_CSV_BATCH = 65_536


def articles_csv(
    corpus: Corpus,
    rows: np.ndarray,
    *,
    sort: str = schema.PUBLISHED,
    descending: bool = True,
    text: str = "",
) -> bytes:
    """Every selected article in the table's order, as `to_csv(table_page(...))` would give.

    Built in Arrow a batch at a time: no Python value per cell, so 1M rows take seconds.
    """
    rows = corpus.as_rows(rows)
    ordered = sorted_rows(corpus, rows, sort, descending, len(rows), text)
    buffer = io.BytesIO()
    buffer.write("\ufeff".encode())
    writer = None
    # a batch at a time, so memory holds the CSV and one batch, not a copy of the table
    for start in range(0, max(len(ordered), 1), _CSV_BATCH):
        batch = _csv_batch(
            _with_date(take(corpus.table.select(_READ), ordered[start : start + _CSV_BATCH]))
        )
        writer = writer or pa_csv.CSVWriter(buffer, batch.schema)
        writer.write_table(batch)
    writer.close()
    return buffer.getvalue()


def article_rows(corpus: Corpus, rows: np.ndarray) -> pd.DataFrame:
    """A few articles with the download's columns, as `articles_csv` writes them."""
    frame = corpus.frame(np.asarray(rows, dtype=np.int64), _READ)
    frame[frames.DATE] = [when.article_date(r) for r in frame.to_dict("records")]
    return frame[ARTICLE_COLUMNS]


def figures_csv(table: pd.DataFrame) -> bytes:
    """A `figures.statistics_table` frame as the key figures download."""
    return to_csv(table[FIGURE_COLUMNS])


def _with_date(table: pa.Table) -> pa.Table:
    """The articles download's columns, the date in words computed per distinct date."""
    dates = pa.array(when.date_texts(table), type=pa.string())
    at = ARTICLE_COLUMNS.index(frames.DATE)
    return table.add_column(at, frames.DATE, dates).select(ARTICLE_COLUMNS)


def to_csv(frame: pd.DataFrame) -> bytes:
    """A small frame (a page, the figures table) as CSV for downloads, as described above."""
    out = frame.copy()
    for name in out.columns:
        if out[name].dtype == object or pd.api.types.is_string_dtype(out[name].dtype):
            out[name] = out[name].map(_csv_cell)
    buffer = io.StringIO()
    out.to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    return buffer.getvalue().encode("utf-8-sig")


def _csv_batch(table: pa.Table) -> pa.Table:
    """Lists joined with "; ", formula-like text behind an apostrophe, as `to_csv` does."""
    columns = []
    for column in table.columns:
        if pa.types.is_list(column.type):
            column = pc.binary_join(column, "; ")
        if pa.types.is_string(column.type):
            formula = pc.match_substring_regex(column, _FORMULA_START.pattern)
            column = pc.if_else(formula, pc.binary_join_element_wise("'", column, ""), column)
        columns.append(column)
    return pa.table(columns, names=table.column_names)


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list | tuple | np.ndarray):
        return "; ".join(str(v) for v in value)
    if isinstance(value, str) and _FORMULA_START.match(value):
        return "'" + value
    return value
