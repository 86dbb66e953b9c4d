"""Themes: articles per theme, which themes occur together, and the phrases behind them.

Articles' theme sets are counted once per distinct set (Corpus.theme_combo), then spread over
the themes with the (sets × themes) 0/1 matrix:

    theme_counts(corpus, rows)
        theme           articles  share  colour
        County lines           2   0.33  #0072B2
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from insights.corpus.arrays import codes_of, gather
from insights.corpus.columns import Corpus
from insights.corpus.frames import ARTICLES, COLOUR, PHRASE, SHARE, THEME, THEME_A, THEME_B, empty


def theme_counts(corpus: Corpus, rows: np.ndarray) -> pd.DataFrame:
    """Articles per theme, most first; share is of the selected articles."""
    rows = corpus.as_rows(rows)
    counts = combo_counts(corpus, rows) @ corpus.combo_themes if len(rows) else np.zeros(0)
    order = [t for t in np.argsort(-counts, kind="stable") if counts[t] > 0]
    names = [corpus.themes[t] for t in order]
    return pd.DataFrame(
        {
            THEME: pd.Series(names, dtype=object),
            ARTICLES: counts[order].astype(np.int64),
            SHARE: counts[order] / max(len(rows), 1),
            COLOUR: pd.Series([corpus.theme_colours[t] for t in names], dtype=object),
        }
    )


def theme_cooccurrence(corpus: Corpus, rows: np.ndarray) -> pd.DataFrame:
    """Articles carrying both themes, for every pair of themes present (diagonal: one theme)."""
    columns = [THEME_A, THEME_B, ARTICLES]
    rows = corpus.as_rows(rows)
    if not len(rows):
        return empty(columns)
    counts = combo_counts(corpus, rows)
    matrix = corpus.combo_themes.T @ (corpus.combo_themes * counts[:, None])
    present = np.flatnonzero(np.diag(matrix) > 0)
    names = np.array(corpus.themes, dtype=object)[present]
    return pd.DataFrame(
        {
            THEME_A: np.repeat(names, len(present)),
            THEME_B: np.tile(names, len(present)),
            ARTICLES: matrix[np.ix_(present, present)].ravel().astype(np.int64),
        }
    )


def top_theme_pair(pairs: pd.DataFrame) -> tuple[str, str, int] | None:
    """The two different themes that occur together most often in a `theme_cooccurrence`
    frame, with their article count; None when no article has two themes."""
    off_diagonal = pairs[pairs[THEME_A] < pairs[THEME_B]]
    top = off_diagonal.nlargest(1, ARTICLES)
    if top.empty or top.iloc[0][ARTICLES] == 0:
        return None
    row = top.iloc[0]
    return row[THEME_A], row[THEME_B], int(row[ARTICLES])


def theme_phrases(corpus: Corpus, rows: np.ndarray, theme: str | None = None) -> pd.DataFrame:
    """Why articles carry a theme: the evidence phrases, with how many articles used each."""
    columns = [THEME, PHRASE, ARTICLES]
    rows = corpus.as_rows(rows)
    keys = corpus.side_values(corpus.phrase_keys, rows, corpus.phrase_offsets)
    width = len(corpus.phrases)
    counts = np.bincount(keys, minlength=len(corpus.themes) * width)
    counts = counts.reshape(len(corpus.themes), width)
    if theme is not None:
        only = np.arange(len(corpus.themes)) == codes_of([theme], corpus.themes)[0]
        counts = counts * only[:, None]
    theme_ids, phrase_ids = np.nonzero(counts)
    if not len(theme_ids):
        return empty(columns)
    frame = pd.DataFrame(
        {
            THEME: np.array(corpus.themes, dtype=object)[theme_ids],
            PHRASE: np.array(corpus.phrases, dtype=object)[phrase_ids],
            ARTICLES: counts[theme_ids, phrase_ids],
            "_order": theme_ids,
        }
    )
    frame = frame.sort_values(["_order", ARTICLES, PHRASE], ascending=[True, False, True])
    return frame[columns].reset_index(drop=True)


def combo_counts(corpus: Corpus, rows: np.ndarray) -> np.ndarray:
    """Selected articles per distinct theme set (Corpus.theme_combo)."""
    return np.bincount(gather(corpus.theme_combo, rows), minlength=len(corpus.combo_themes))
