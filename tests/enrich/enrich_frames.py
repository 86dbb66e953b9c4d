"""Article frames for the enrichment tests, shaped as the pipeline builds them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from insights import schema
from insights.enrich import DATE_LINE, FRAME_COLUMNS, LISTED_DATE, LISTINGS

ROOT = Path(__file__).resolve().parents[2]
TAXONOMY = ROOT / "data" / "taxonomy.toml"
SEED = ROOT / "data" / "ecpat-uk-news-2017-10_to_2018-10.txt"


def frame(
    items: list[tuple[str, str]],
    *,
    source: str = "listing.txt",
    order: str = "newest_first",
    listed: dict[int, date] | None = None,
) -> pd.DataFrame:
    """An article frame as the pipeline builds it: (title, summary) pairs in listing order."""
    listed = listed or {}
    rows = []
    for position, (title, summary) in enumerate(items, start=1):
        rows.append(
            {
                schema.ARTICLE_ID: f"id{position}",
                schema.TITLE: title,
                schema.SUMMARY: summary,
                schema.TITLE_DERIVED: False,
                schema.TRUNCATED: False,
                schema.SOURCE: [source],
                schema.POSITION: position,
                schema.URL: None,
                schema.PUBLISHER: None,
                schema.CATEGORIES: [],
                LISTINGS: [(source, position, len(items), order)],
                LISTED_DATE: listed.get(position),
                DATE_LINE: str(listed[position]) if position in listed else None,
            }
        )
    return pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
