"""The articles themselves: headline numbers, "refine by" counts, a sorted page, one article.

headline(corpus, rows)    Headline(articles=6, first=2017-10-18, last=2018-09-20, …)
facets(corpus, rows)      {"theme": value/articles, "entity": …, "year": …, "date_basis": …}
table_page(corpus, rows, sort="published", page=2, page_size=25)   (25 rows of
                          TABLE_COLUMNS, how many articles were selected)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from insights import schema
from insights.corpus import when
from insights.corpus.arrays import NO_DAY, gather, to_date
from insights.corpus.columns import RELEVANCE, SORTS, Corpus
from insights.corpus.frames import ARTICLES, DATE, THEME, VALUE
from insights.corpus.themes import theme_counts
from insights.corpus.timeline import counts_per_period
from insights.periods import YEAR

TABLE_COLUMNS = [
    schema.ARTICLE_ID,
    schema.TITLE,
    schema.SUMMARY,
    schema.PUBLISHED,
    schema.PUBLISHED_EARLIEST,
    schema.PUBLISHED_LATEST,
    schema.DATE_BASIS,
    schema.DATE_PRECISION,
    schema.THEMES,
    schema.PUBLISHER,
    schema.URL,
]


@dataclass(frozen=True)
class Headline:
    """The numbers above the charts for one selection: articles by each date basis.

    Every article is counted once: `stated + inferred + curated + undated == articles`; an
    article with no date at all is undated whatever basis its row records.
    """

    articles: int
    first: date | None
    last: date | None
    themes_present: int
    statistics: int
    stated: int
    inferred: int
    curated: int
    undated: int

    @property
    def mostly_estimated(self) -> bool:
        """More than half of the dated articles have inferred dates: months would be the
        model's spacing, so the listing's order leads (undated articles are neither side)."""
        return self.inferred * 2 > self.articles - self.undated


def headline(corpus: Corpus, rows: np.ndarray) -> Headline:
    """Counts and the date span of a selection."""
    rows = corpus.as_rows(rows)
    day = gather(corpus.day, rows)
    undated = day == NO_DAY
    dated = int(len(day) - np.count_nonzero(undated))
    # an undated row can still say `inferred` (the listing gave it no bound): it is unknown
    basis = gather(corpus.basis, rows)[~undated]
    by_basis = np.bincount(basis, minlength=len(schema.DATE_BASES))
    theme_mask = np.bitwise_or.reduce(gather(corpus.theme_mask, rows)) if len(rows) else 0
    statistics = int((corpus.stat_offsets[rows + 1] - corpus.stat_offsets[rows]).sum())
    return Headline(
        articles=len(rows),
        first=to_date(np.where(undated, np.iinfo(np.int32).max, day).min()) if dated else None,
        last=to_date(day.max()) if dated else None,
        themes_present=int(bin(int(theme_mask)).count("1")),
        statistics=statistics,
        stated=int(by_basis[schema.DATE_BASES.index(schema.STATED)]),
        inferred=int(by_basis[schema.DATE_BASES.index(schema.INFERRED)]),
        curated=int(by_basis[schema.DATE_BASES.index(schema.CURATED)]),
        undated=len(day) - dated,
    )


def facets(corpus: Corpus, rows: np.ndarray, limit: int = 10) -> dict[str, pd.DataFrame]:
    """The commonest values of a few fields, for "refine by" lists: value, articles."""
    rows = corpus.as_rows(rows)
    themes = theme_counts(corpus, rows)
    result = {
        "theme": _facet(themes[THEME].to_numpy(), themes[ARTICLES].to_numpy(), limit),
    }
    ids = corpus.side_values(corpus.entity_ids, rows, corpus.entity_offsets)
    entity_counts = np.bincount(ids, minlength=len(corpus.entities))
    result["entity"] = _facet(np.array(corpus.entities, dtype=object), entity_counts, limit)
    counts, periods = counts_per_period(corpus, rows, YEAR)
    result["year"] = _facet(periods.year.to_numpy(), counts[:, 0], limit)
    basis_counts = np.bincount(gather(corpus.basis, rows), minlength=len(schema.DATE_BASES))
    result[schema.DATE_BASIS] = _facet(
        np.array(schema.DATE_BASES, dtype=object), basis_counts, limit
    )
    return result


def table_page(
    corpus: Corpus,
    rows: np.ndarray,
    *,
    sort: str = schema.PUBLISHED,
    descending: bool = True,
    page: int = 1,
    page_size: int = 25,
    text: str = "",
) -> tuple[pd.DataFrame, int]:
    """One page of the article table (TABLE_COLUMNS and the date in words, frames.DATE) and
    the number of selected articles.

    Sorting uses an order computed once per key; "relevance" ranks by `text` and falls back
    to newest first without it. Articles without a value sort last either way.
    """
    rows = corpus.as_rows(rows)
    page = max(int(page), 1)
    start, stop = (page - 1) * page_size, page * page_size
    frame = corpus.frame(
        sorted_rows(corpus, rows, sort, descending, stop, text)[start:], TABLE_COLUMNS
    )
    frame[DATE] = [when.article_date(r) for r in frame.to_dict("records")]
    return frame, len(rows)


def sorted_rows(
    corpus: Corpus, rows: np.ndarray, sort: str, descending: bool, count: int, text: str = ""
) -> np.ndarray:
    """The first `count` selected rows in the table's order (see table_page)."""
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {SORTS}, not {sort!r}")
    query = corpus.search_query(text) if sort == RELEVANCE else None
    if query is not None:
        return np.asarray(corpus.search_index().rank(query, rows=rows, limit=count), dtype=np.int64)
    if sort == RELEVANCE:
        return corpus.top(rows, schema.PUBLISHED, True, count)
    return corpus.top(rows, sort, descending, count)


def article(corpus: Corpus, article_id: str) -> dict[str, Any] | None:
    """Every field of one article as Python values, or None when no article has that id."""
    position = pc.index(corpus.table.column(schema.ARTICLE_ID), article_id).as_py()
    if position < 0:
        return None
    return corpus.table.slice(position, 1).to_pylist()[0]


def _facet(values: np.ndarray, counts: np.ndarray, limit: int) -> pd.DataFrame:
    order = [i for i in np.argsort(-counts, kind="stable")[:limit] if counts[i] > 0]
    return pd.DataFrame(
        {
            VALUE: pd.Series(list(values[order]), dtype=object),
            ARTICLES: counts[order].astype(np.int64),
        }
    )
