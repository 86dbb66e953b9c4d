"""Publishers side by side: themes as a share of each one's output, figures, timelines.

Counts per publisher are one bincount over the selected rows' publisher codes
(Corpus.publishers), crossed with theme sets or periods as timeline.py does:

    publisher_themes(corpus, rows)
        publisher   theme          articles  share   (share of that publisher's articles)
        ECPAT UK    County lines         12   0.30
    publisher_figures(corpus, rows)
        publisher   articles  first       last        inferred  figures  themes  untagged
    publishers_over_time(corpus, rows, YEAR)
        period      publisher  articles  all_articles  share  (share of all articles then)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from insights import schema
from insights.corpus.arrays import NO_DAY, to_date
from insights.corpus.columns import Corpus
from insights.corpus.frames import ARTICLES, PERIOD, SHARE, THEME
from insights.corpus.timeline import counts_per_period
from insights.periods import Period
from insights.story.measure import ALL_ARTICLES, all_per_period

PUBLISHER = "publisher"
FIRST, LAST = "first", "last"
INFERRED_SHARE = "inferred_share"  # of the publisher's articles, dates inferred
FIGURES = "figures"  # quoted figures in its articles
THEMES = "themes"  # distinct themes among its articles
UNTAGGED = "untagged"  # its articles with no theme


def _published(corpus: Corpus, rows: np.ndarray) -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    """(publisher names, the selected rows that name a publisher, their publisher codes)."""
    names, code = corpus.publishers()
    rows = corpus.as_rows(rows)
    codes = code[rows]
    named = codes >= 0
    return names, rows[named], codes[named].astype(np.int64)


def publisher_themes(corpus: Corpus, rows: np.ndarray) -> pd.DataFrame:
    """Per publisher and theme: articles, and their share of the publisher's selected articles."""
    names, rows, codes = _published(corpus, rows)
    combos = len(corpus.combo_themes)
    key = codes * combos + corpus.theme_combo[rows]
    counts = np.bincount(key, minlength=len(names) * combos).reshape(len(names), combos)
    per_theme = counts @ corpus.combo_themes  # publishers × themes
    output = np.bincount(codes, minlength=len(names))
    share = np.divide(
        per_theme, output[:, None], out=np.zeros(per_theme.shape), where=output[:, None] > 0
    )
    used = np.flatnonzero(output > 0)
    themes = np.flatnonzero(per_theme.sum(axis=0) > 0)
    return pd.DataFrame(
        {
            PUBLISHER: np.repeat(np.array(names, dtype=object)[used], len(themes)),
            THEME: np.tile(np.array(corpus.themes, dtype=object)[themes], len(used)),
            ARTICLES: per_theme[np.ix_(used, themes)].ravel().astype(np.int64),
            SHARE: share[np.ix_(used, themes)].ravel(),
        }
    )


def publisher_figures(corpus: Corpus, rows: np.ndarray) -> pd.DataFrame:
    """Per publisher with selected articles: how many, their date span, how many dates are
    inferred, quoted figures, themes present and untagged articles; most articles first."""
    names, rows, codes = _published(corpus, rows)
    size = len(names)
    articles = np.bincount(codes, minlength=size)
    inferred = corpus.basis[rows] == schema.DATE_BASES.index(schema.INFERRED)
    figures = corpus.stat_offsets[rows + 1] - corpus.stat_offsets[rows]
    untagged = corpus.theme_mask[rows] == 0
    # per publisher: min and max day, OR of theme masks, over the rows grouped by publisher
    # (a radix sort on 16-bit codes, then one reduceat per column)
    order = np.argsort(codes.astype(np.int16 if size < 2**15 else np.int64), kind="stable")
    starts = np.searchsorted(codes[order], np.arange(size))
    present = articles > 0
    day = corpus.day[rows[order]].astype(np.int64)
    undated = day == NO_DAY
    first = np.full(size, np.iinfo(np.int32).max, dtype=np.int64)
    last = np.full(size, np.iinfo(np.int32).min, dtype=np.int64)
    themes = np.zeros(size, dtype=np.uint64)
    if len(rows):
        at = starts[present]
        first[present] = np.minimum.reduceat(np.where(undated, first[0], day), at)
        last[present] = np.maximum.reduceat(np.where(undated, last[0], day), at)
        themes[present] = np.bitwise_or.reduceat(corpus.theme_mask[rows[order]], at)
    used = np.flatnonzero(articles > 0)
    has_dates = last[used] >= first[used]
    return pd.DataFrame(
        {
            PUBLISHER: pd.Series(np.array(names, dtype=object)[used], dtype=object),
            ARTICLES: articles[used].astype(np.int64),
            FIRST: [
                to_date(d) if ok else None for d, ok in zip(first[used], has_dates, strict=True)
            ],
            LAST: [to_date(d) if ok else None for d, ok in zip(last[used], has_dates, strict=True)],
            INFERRED_SHARE: np.bincount(codes, weights=inferred, minlength=size)[used]
            / articles[used],
            FIGURES: np.bincount(codes, weights=figures, minlength=size)[used].astype(np.int64),
            THEMES: [bin(int(m)).count("1") for m in themes[used]],
            UNTAGGED: np.bincount(codes, weights=untagged, minlength=size)[used].astype(np.int64),
        }
    )


def publishers_over_time(corpus: Corpus, rows: np.ndarray, period: Period) -> pd.DataFrame:
    """Per period and publisher: its selected articles, every article of the period (all
    publishers) and its share of them. Periods run over the selection, gaps zero-filled."""
    columns = [PERIOD, PUBLISHER, ARTICLES, ALL_ARTICLES, SHARE]
    names, rows, codes = _published(corpus, rows)
    counts, starts = counts_per_period(corpus, rows, period, codes, max(len(names), 1))
    if not len(starts):
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})
    present = np.flatnonzero(counts.sum(axis=0) > 0)
    totals = all_per_period(corpus, period).reindex(starts).fillna(0).to_numpy()
    frame = pd.DataFrame(
        {
            PERIOD: np.repeat(starts.to_numpy(), len(present)),
            PUBLISHER: np.tile(np.array(names, dtype=object)[present], len(starts)),
            ARTICLES: counts[:, present].ravel().astype(np.int64),
            ALL_ARTICLES: np.repeat(totals, len(present)).astype(np.int64),
        }
    )
    whole = frame[ALL_ARTICLES].where(frame[ALL_ARTICLES] > 0)
    frame[SHARE] = (frame[ARTICLES] / whole).fillna(0.0)
    return frame
