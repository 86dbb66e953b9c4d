"""Related articles: "more like this" over the search index, no model and no network.

An article's own words are weighed by tf·idf; its best KEY_WORDS (skipping stop words and words
no other article has) become an OR query, scored with the index's BM25 impacts. The words a
result shares with the article are the key words it holds:

    related_articles(corpus, row)
        article_id    title                        score  shared
        3f2a…         County lines gangs in Telford  9.41  [county, lines, telford, gangs]

The index's forward index (`tokens`) gives an article's words without re-reading its text, and
every key word's postings are added into one score per row: at a million articles a call reads
at most POSTINGS_BUDGET postings.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from insights import schema
from insights.corpus.columns import Corpus
from insights.search import SearchIndex
from insights.search.build import IMPACT_VALUES, gap

RELATED = 5
KEY_WORDS = 25
SHARED_SHOWN = 8  # shared key words listed per related article, best first
# Common words are weighed last; once the chosen words' postings pass this budget the rest are
# left out (they have the lowest idf, so they would move scores least).
POSTINGS_BUDGET = 250_000
SCORE = "score"
SHARED = "shared"
RELATED_COLUMNS = [
    schema.ARTICLE_ID,
    schema.TITLE,
    schema.PUBLISHED,
    schema.PUBLISHED_EARLIEST,
    schema.PUBLISHED_LATEST,
    schema.DATE_BASIS,
    schema.DATE_PRECISION,
]

# Words that say nothing about what an article is about (English function words).
_STOP_TEXT = """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own s same she should so some such t than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves new says said one two three year years"""
STOP_WORDS = frozenset(_STOP_TEXT.split())


def key_words(
    index: SearchIndex, row: int, limit: int = KEY_WORDS
) -> tuple[np.ndarray, np.ndarray]:
    """(term ids, idf) of the words that best say what row `row` is about, best first.

    tf·idf over the row's own words; stop words, numbers and words no other row holds are
    skipped, and common words stop being added once their postings pass POSTINGS_BUDGET.
    """
    start = int(index.row_starts[row])
    words = np.asarray(index.tokens[start : start + int(index.lengths[row])]).astype(np.int64)
    words = words[words != gap(index.tokens.dtype)]
    if not len(words):
        return np.empty(0, np.int64), np.empty(0, np.float64)
    ids, tf = np.unique(words, return_counts=True)
    df = (index.offsets[ids + 1] - index.offsets[ids]).astype(np.float64)
    text = index.terms.take(ids).to_pylist()
    useful = np.array([w not in STOP_WORDS and not w.isdigit() for w in text], dtype=bool)
    useful &= df >= 2
    ids, tf, df = ids[useful], tf[useful], df[useful]
    idf = np.log(1 + (len(index) - df + 0.5) / (df + 0.5))
    order = np.lexsort((ids, -(tf * idf)))[:limit]  # ties: the earlier term id
    ids, idf, df = ids[order], idf[order], df[order]
    within = np.cumsum(df) <= max(POSTINGS_BUDGET, df[0] if len(df) else 0)
    return ids[within], idf[within]


def related_rows(
    index: SearchIndex, row: int, limit: int = RELATED
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(rows, scores, key word ids, key word idf): the `limit` rows most like `row`, best first.

    Ties keep row order; `row` itself is never among them.
    """
    ids, idf = key_words(index, row)
    if not len(ids):
        return np.empty(0, np.int64), np.empty(0, np.float64), ids, idf
    # Every key word's postings end to end, each with its BM25 weight; one bincount sums them.
    docs = np.concatenate([index.docs[index.offsets[t] : index.offsets[t + 1]] for t in ids])
    tables = (IMPACT_VALUES[None, :] * idf[:, None]).astype(np.float32)  # key word × impact
    weights = np.concatenate(
        [
            tables[k][index.impacts[index.offsets[t] : index.offsets[t + 1]]]
            for k, t in enumerate(ids.tolist())
        ]
    )
    scores = np.bincount(docs, weights=weights, minlength=len(index))
    scores[row] = 0
    candidates = np.flatnonzero(scores)
    count = min(limit, len(candidates))
    if count == 0:
        return np.empty(0, np.int64), np.empty(0, np.float64), ids, idf
    found = scores[candidates]
    kth = -np.partition(-found, count - 1)[count - 1]
    # rows tied with the last one: the earliest, so the answer does not depend on partitioning
    better = candidates[found > kth]
    tied = candidates[found == kth][: count - len(better)]
    top = np.concatenate([better, tied])
    top = top[np.lexsort((top, -scores[top]))]
    return top.astype(np.int64), scores[top], ids, idf


def shared_words(index: SearchIndex, row: int, ids: np.ndarray) -> list[str]:
    """Which of the key words `ids` (best first) occur in row `row`, in that order."""
    start = int(index.row_starts[row])
    present = np.isin(ids, np.asarray(index.tokens[start : start + int(index.lengths[row])]))
    return index.terms.take(ids[present]).to_pylist()


def related_articles(corpus: Corpus, row: int, limit: int = RELATED) -> pd.DataFrame:
    """The `limit` articles most like the article at `row`, with the key words they share."""
    index = corpus.search_index()
    rows, scores, ids, _ = related_rows(index, row, limit)
    frame = corpus.frame(rows, RELATED_COLUMNS)
    frame[SCORE] = scores.astype(np.float64).round(2)
    frame[SHARED] = [shared_words(index, int(r), ids)[:SHARED_SHOWN] for r in rows]
    return frame


def row_of(corpus: Corpus, article_id: str) -> int | None:
    """The row of the article with this id, or None."""
    position = pc.index(corpus.table.column(schema.ARTICLE_ID), article_id).as_py()
    return None if position < 0 else int(position)
