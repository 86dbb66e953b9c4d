"""The corpus: the dataset in columns, filtered and counted for every chart and table.

    columns.py    Corpus: the in-memory columns, `select(Filters)` → row numbers, sort orders
    filters.py    Filters: what the viewer asked for
    arrays.py     Arrow ↔ numpy helpers the others share (flatten, codes, take)
    frames.py     the column names of the frames below
    timeline.py   articles over time, theme share over time, date intervals, what changed
    themes.py     articles per theme, themes together, the phrases behind a theme
    figures.py    quoted figures, newest first
    articles.py   headline numbers, facets, one sorted page, one article
    wording.py    every label and sentence written about those frames
    export.py     CSV downloads, streamed from Arrow

A page does: rows = corpus.select(filters); frame = timeline.articles_over_time(corpus, rows);
then draws `charts.articles_over_time(frame)` with `wording.articles_over_time_summary(…)`.
The copy on disk that a server start memory-maps is the storage side's: insights/serving.py.
"""

from insights.corpus.columns import Corpus
from insights.corpus.filters import Filters

__all__ = ["Corpus", "Filters"]
