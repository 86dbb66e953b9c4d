"""Related articles: "more like this" against a pandas BM25 oracle over the same words."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from insights import schema
from insights.search import words
from insights.search.build import BM25_B, BM25_K1
from insights.story import related


def test_the_most_similar_article_comes_first_with_the_words_it_shares(worded):
    found = related.related_articles(worded, 0)  # "County lines gangs in Telford"
    assert found[schema.TITLE].iloc[0] == "Telford county lines trial"
    assert set(found[related.SHARED].iloc[0]) == {"county", "lines", "gangs", "telford"}
    assert list(found[related.SCORE]) == sorted(found[related.SCORE], reverse=True)
    assert len(found) <= related.RELATED


def test_an_article_is_never_its_own_relation_and_unrelated_ones_are_left_out(worded):
    found = related.related_articles(
        worded, 4
    )  # orphanage tourism: shares only "abroad"-less words
    assert "Orphanage tourism warning" not in set(found[schema.TITLE])
    assert all(found[related.SCORE] > 0)
    assert all(len(shared) > 0 for shared in found[related.SHARED])


def oracle(texts: list[str], row: int) -> pd.Series:
    """The same "more like this" in pandas: key words by tf·idf, exact BM25 of every row."""
    docs = [words(t) for t in texts]
    n = len(docs)
    df = Counter(w for d in docs for w in set(d))
    idf = {w: math.log(1 + (n - c + 0.5) / (c + 0.5)) for w, c in df.items()}
    tf = Counter(docs[row])
    key = [w for w in tf if w not in related.STOP_WORDS and not w.isdigit() and df[w] >= 2]
    key = sorted(key, key=lambda w: -tf[w] * idf[w])[: related.KEY_WORDS]
    average = sum(map(len, docs)) / n
    scores = []
    for d in docs:
        counts = Counter(d)
        norm = BM25_K1 * (1 - BM25_B + BM25_B * len(d) / average)
        scores.append(
            sum(idf[w] * counts[w] * (BM25_K1 + 1) / (counts[w] + norm) for w in key if counts[w])
        )
    frame = pd.Series(scores)
    return frame.drop(index=row)


@pytest.mark.parametrize("row", [0, 17, 123, 599])
def test_related_rows_match_a_pandas_bm25_oracle(synthetic, row):
    texts = synthetic.texts().to_pylist()
    expected = oracle(texts, row)
    rows, scores, _, _ = related.related_rows(synthetic.search_index(), row)
    assert row not in rows
    # impacts are stored in one byte, so scores agree to about 1%; the rows found are among
    # the oracle's best (allowing for near ties at the cut)
    best = expected.sort_values(ascending=False)
    fifth = best.iloc[len(rows) - 1]
    assert all(expected[r] >= fifth * 0.97 for r in rows.tolist())
    np.testing.assert_allclose(scores, expected[rows].to_numpy(), rtol=0.03)
