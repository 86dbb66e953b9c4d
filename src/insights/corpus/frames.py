"""The columns of the small frames the aggregations return, one name each.

Dataset columns keep their `schema` names; these are the ones aggregations add:

    articles_over_time     period, [theme], articles, known, inferred
    theme_counts           theme, articles, share, colour
    theme_share_over_time  period, theme, articles, share
    theme_cooccurrence     theme_a, theme_b, articles
    theme_phrases          theme, phrase, articles
    statistics_table       the statistic's fields, label, heading, and the article's
    facets                 value, articles
"""

from __future__ import annotations

import pandas as pd

PERIOD = "period"  # the first day of the period, as a timestamp
THEME = "theme"
THEME_A = "theme_a"
THEME_B = "theme_b"
ARTICLES = "articles"
KNOWN = "known"  # articles whose date is known: stated or curated (schema.KNOWN_BASES)
INFERRED = "inferred"  # articles whose date is inferred (schema.INFERRED)
SHARE = "share"
COLOUR = "colour"
PHRASE = "phrase"
LABEL = "label"  # a figure as people say it: "up to 1,000"
HEADING = "heading"  # the label with what is counted, where that reads well: "up to 1,000 children"
VALUE = "value"
PLACE = "place"  # an article's place in the listing among those selected, 1 = top
DATE = "date"  # a date in words at its precision: "between Dec 2017 and Oct 2018 (estimated)"


def empty(columns: list[str]) -> pd.DataFrame:
    """A frame with these columns and no rows."""
    return pd.DataFrame({name: pd.Series([], dtype=object) for name in columns})
