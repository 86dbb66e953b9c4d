"""Enrichments: each one a function over the article frame, listed once in REGISTRY.

An enrichment takes the frame of articles (one row per article, listing order kept in the
internal columns below) and a context, and returns a frame of the columns it adds, on the same
index. Adding the next enrichment means writing one module and one line in REGISTRY.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from insights import schema
from insights.taxonomy import Taxonomy

# Internal columns of the frame that enrichments read; dropped before the dataset is written.
# _listings: for each article, every (source, position, items_in_source, order) it was read at:
#     [("data/news.txt", 3, 26, "newest_first"), ("export.csv", 40, 112, "oldest_first")]
LISTINGS = "_listings"
LISTED_DATE = "_listed_date"  # date the source stated for the item (datetime.date or None)
DATE_LINE = "_date_line"  # that line as written (str or None)
# _capture_bounds: what the captures of its listings say about an article's date, as
#     [("latest", date(2018, 10, 20), "captured 20 Oct 2018 (archive address …)"),
#      ("earliest", date(2018, 9, 1), "not on the capture of 1 Sep 2018 of the same listing")]
CAPTURE_BOUNDS = "_capture_bounds"

# The columns of the frame every enrichment receives, in order.
FRAME_COLUMNS = (
    schema.ARTICLE_ID,
    schema.TITLE,
    schema.SUMMARY,
    schema.TITLE_DERIVED,
    schema.TRUNCATED,
    schema.SOURCE,
    schema.POSITION,
    schema.URL,
    schema.PUBLISHER,
    schema.CATEGORIES,
    LISTINGS,
    LISTED_DATE,
    DATE_LINE,
    CAPTURE_BOUNDS,
)


@dataclass(frozen=True)
class EnrichContext:
    """What enrichments may read besides the articles."""

    taxonomy: Taxonomy
    curated_dates: Mapping[str, date] = field(default_factory=dict)  # article_id or title -> date


# The enrichments that read nothing but each article's own title and summary: they may run on
# slices of the frame in other processes (enrich/parallel.py). Dates read the listing around
# an article, so they are not among them.
PER_ARTICLE = frozenset({"themes", "statistics", "entities", "word_count"})

Enrichment = Callable[[pd.DataFrame, EnrichContext], pd.DataFrame]


def registry() -> list[tuple[str, Enrichment]]:
    """The enrichments in the order they run."""
    from insights.enrich import dates, entities, statistics, themes, word_count

    return [
        ("dates", dates.enrich),
        ("themes", themes.enrich),
        ("statistics", statistics.enrich),
        ("entities", entities.enrich),
        ("word_count", word_count.enrich),
    ]
