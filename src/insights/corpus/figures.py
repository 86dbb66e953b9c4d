"""Quoted figures: the statistics of the selected articles, newest article first.

Each row is one figure with a label for people, then the article it came from:

    statistics_table(corpus, rows)
        value  kind   qualifier  counted   phrase                label        heading
        1000   count  up_to      children  up to 1,000 children  up to 1,000  up to 1,000 children
        (also: direction, sentence, and the article's id, title, publisher, url, date
        columns, and its date in words: "between Dec 2017 and Oct 2018 (estimated)")
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from insights import schema
from insights.corpus import when, wording
from insights.corpus.arrays import codes_of, csr_entries, take
from insights.corpus.columns import Corpus
from insights.corpus.frames import DATE, HEADING, LABEL, empty

FIELDS = [
    schema.STAT_VALUE,
    schema.STAT_KIND,
    schema.STAT_QUALIFIER,
    schema.STAT_DIRECTION,
    schema.STAT_COUNTED,
    schema.STAT_PHRASE,
    schema.STAT_SENTENCE,
]
ARTICLE_FIELDS = [
    schema.ARTICLE_ID,
    schema.TITLE,
    schema.PUBLISHER,
    schema.URL,
    schema.PUBLISHED,
    schema.PUBLISHED_EARLIEST,
    schema.PUBLISHED_LATEST,
    schema.DATE_PRECISION,
    schema.DATE_BASIS,
]


def statistics_table(
    corpus: Corpus, rows: np.ndarray, kinds: Sequence[str] = (), *, limit: int | None = 1000
) -> pd.DataFrame:
    """Quoted figures of the selection, newest article first, with a readable label.

    Args:
        kinds: only these statistic kinds; empty = all.
        limit: at most this many figures (a table of a million rows helps nobody).
    """
    columns = [*FIELDS, LABEL, HEADING, *ARTICLE_FIELDS, DATE]
    rows = corpus.as_rows(rows)
    by_date = _newest_figures(corpus, rows, codes_of(kinds, schema.STAT_KINDS), limit)
    if not len(by_date):
        return empty(columns)
    records = take(corpus.statistics, by_date).to_pylist()
    articles = corpus.frame(corpus.stat_rows[by_date], ARTICLE_FIELDS)
    frame = pd.DataFrame(records, columns=FIELDS)
    frame[LABEL] = [wording.figure_label(r) for r in records]
    frame[HEADING] = [
        wording.figure_heading(r, label) for r, label in zip(records, frame[LABEL], strict=True)
    ]
    articles[DATE] = [when.article_date(a) for a in articles.to_dict("records")]
    return pd.concat([frame, articles], axis=1)[columns]


def _newest_figures(
    corpus: Corpus, rows: np.ndarray, kinds: np.ndarray, limit: int | None
) -> np.ndarray:
    """Positions in the statistics side table, newest article first, at most `limit`.

    Walks the articles in date order a growing chunk at a time, so the newest thousand figures
    of a million articles cost a few chunks, not a sort of every figure.
    """
    order, _ = corpus.order(schema.PUBLISHED, True)
    selected = corpus.row_mask(rows) if len(rows) < len(corpus) else None
    found: list[np.ndarray] = []
    count, start, chunk = 0, 0, max(4 * (limit or 0), 64)
    while start < len(order) and (limit is None or count < limit):
        articles = order[start:] if limit is None else order[start : start + chunk]
        start += len(articles)
        chunk *= 4
        if selected is not None:
            articles = articles[selected[articles]]
        entries = csr_entries(corpus.stat_offsets, articles)
        if len(kinds):
            entries = entries[np.isin(corpus.stat_kind[entries], kinds)]
        found.append(entries)
        count += len(entries)
    figures = np.concatenate(found) if found else np.zeros(0, dtype=np.int64)
    return figures if limit is None else figures[:limit]


def phrase_spans(figure: dict[str, Any]) -> list[tuple[int, int]]:
    """Where a figure's phrase stands in its sentence, as (start, end) for highlighting."""
    sentence, phrase = figure[schema.STAT_SENTENCE], figure[schema.STAT_PHRASE]
    at = sentence.find(phrase)
    return [(at, at + len(phrase))] if at >= 0 else []
