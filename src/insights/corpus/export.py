"""Downloads: CSV that opens cleanly in a spreadsheet, streamed from Arrow for large selections.

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
from insights.corpus.arrays import take
from insights.corpus.articles import TABLE_COLUMNS, sorted_rows
from insights.corpus.columns import Corpus

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
            take(corpus.table.select(TABLE_COLUMNS), ordered[start : start + _CSV_BATCH])
        )
        writer = writer or pa_csv.CSVWriter(buffer, batch.schema)
        writer.write_table(batch)
    writer.close()
    return buffer.getvalue()


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
