"""Themes through the listing: what the articles are about, in the order the listing gives
them, for when the dates are mostly estimates and months would be invented.

The place of an article is its rank by listing position among the selected articles
(1 = top of the listing, the newest); places are grouped into at most `parts` runs:

    themes_through_listing(corpus, rows)
        place  last_place  theme              articles
            1           1  Child trafficking         1
            3           3  Modern slavery            1
    listing_anchors(corpus, rows)
        place  date
            1  18 Oct 2018        (articles whose date is stated or set by hand)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from insights import schema
from insights.corpus import when
from insights.corpus.arrays import NO_DAY, gather
from insights.corpus.columns import Corpus
from insights.corpus.frames import ARTICLES, DATE, PLACE, THEME, empty

LAST_PLACE = "last_place"  # the last place of a run of places
PARTS = 40  # at most this many runs along the listing: a bar per run stays readable


def places(corpus: Corpus, rows: np.ndarray) -> np.ndarray:
    """Each selected row's place in the listing among the selection (1 = top), in row order."""
    rows = corpus.as_rows(rows)
    _, rank = corpus.order(schema.POSITION, False)
    ranks = gather(rank, rows).astype(np.int64)
    place = np.empty(len(rows), dtype=np.int64)
    place[np.argsort(ranks, kind="stable")] = np.arange(1, len(rows) + 1)
    return place


def themes_through_listing(corpus: Corpus, rows: np.ndarray, parts: int = PARTS) -> pd.DataFrame:
    """Articles per theme in each run of places along the listing (see the module docstring)."""
    columns = [PLACE, LAST_PLACE, THEME, ARTICLES]
    rows = corpus.as_rows(rows)
    if not len(rows):
        return empty(columns)
    size = -(-len(rows) // parts)  # places per run
    run = (places(corpus, rows) - 1) // size
    runs = int(run.max()) + 1
    combos = len(corpus.combo_themes)
    key = run * combos + gather(corpus.theme_combo, rows)
    counts = np.bincount(key, minlength=runs * combos).reshape(runs, combos) @ corpus.combo_themes
    present = np.flatnonzero(counts.sum(axis=0) > 0)
    first = np.arange(runs) * size + 1
    frame = pd.DataFrame(
        {
            PLACE: np.repeat(first, len(present)),
            LAST_PLACE: np.repeat(np.minimum(first + size - 1, len(rows)), len(present)),
            THEME: np.tile(np.array(corpus.themes, dtype=object)[present], runs),
            ARTICLES: counts[:, present].ravel().astype(np.int64),
        }
    )
    return frame[frame[ARTICLES] > 0].reset_index(drop=True)[columns]


def listing_anchors(corpus: Corpus, rows: np.ndarray, limit: int = 12) -> pd.DataFrame:
    """The places whose date is known (stated or set by hand), with that date in words: the
    fixed points the estimates between them hang on. At most `limit`, spread along the list."""
    rows = corpus.as_rows(rows)
    known = gather(corpus.known, rows) & (gather(corpus.day, rows) != NO_DAY)
    if not known.any():
        return empty([PLACE, DATE])
    place = places(corpus, rows)[known]
    chosen = np.argsort(place)
    if len(chosen) > limit:
        chosen = chosen[np.linspace(0, len(chosen) - 1, limit).round().astype(int)]
    dated = corpus.frame(
        rows[known][chosen],
        [
            schema.PUBLISHED,
            schema.PUBLISHED_EARLIEST,
            schema.PUBLISHED_LATEST,
            schema.DATE_PRECISION,
            schema.DATE_BASIS,
        ],
    )
    return pd.DataFrame(
        {
            PLACE: place[chosen],
            DATE: [when.article_date(r) for r in dated.to_dict("records")],
        }
    )
