"""Representative articles: per theme, the articles that express it most strongly.

"Most strongly" is read from the theme's evidence: the article with more of the theme's
distinct phrases comes first; among equals, the one where they are denser (phrases per word),
then the earlier row. Like BERTopic's representative documents, but from the taxonomy's own
phrases, so the reason is visible:

    representative_articles(corpus, rows)
        theme          article_id  title …  phrases                          score
        County lines   3f2a…       …        [county lines, drug running]     2
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from insights import schema
from insights.corpus.arrays import csr_entries
from insights.corpus.columns import Corpus
from insights.corpus.frames import THEME

PER_THEME = 3
PHRASES = "phrases"
SCORE = "score"  # how many of the theme's distinct phrases the article carries
COLUMNS = [
    schema.ARTICLE_ID,
    schema.TITLE,
    schema.SUMMARY,
    schema.PUBLISHED,
    schema.DATE_BASIS,
    schema.DATE_PRECISION,
]
_TOKEN = re.compile(r"[^\W_]+")  # the taxonomy's words (taxonomy.TOKEN)


@dataclass(frozen=True)
class _Runs:
    """An article's evidence for one theme is one run of phrase entries (one struct per
    theme): per run its row, theme, first entry in `keys`, length and score."""

    keys: np.ndarray  # the phrase keys (theme · phrases + phrase) the runs cut
    rows: np.ndarray
    themes: np.ndarray
    starts: np.ndarray
    counts: np.ndarray
    scores: np.ndarray


def _runs(corpus: Corpus, entries: np.ndarray | None) -> _Runs:
    """The runs of the given phrase entries (all of them for None)."""
    width = max(len(corpus.phrases), 1)
    keys = corpus.phrase_keys if entries is None else corpus.phrase_keys[entries]
    entry_rows = corpus.phrase_rows if entries is None else corpus.phrase_rows[entries]
    theme = keys // width
    change = np.ones(len(keys), dtype=bool)
    change[1:] = (entry_rows[1:] != entry_rows[:-1]) | (theme[1:] != theme[:-1])
    starts = np.flatnonzero(change)
    counts = np.diff(starts, append=len(keys))
    rows = entry_rows[starts]
    density = counts / (corpus.word_count[rows].astype(np.float64) + counts + 1)
    # density < 1: more distinct phrases always wins
    return _Runs(keys, rows, theme[starts], starts, counts, counts + density)


# Each theme's TOP_RUNS strongest articles are ranked once per corpus and shared by every
# session (a corpus is read-only); a large selection walks them in order.
TOP_RUNS = 4096
_RANKED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def _ranking(runs: _Runs, themes: int, top: int | None) -> list[np.ndarray]:
    """Per theme, its runs by score (then row), only the `top` best (and ties) when given."""
    by_theme = np.argsort(runs.themes.astype(np.int16), kind="stable")
    bounds = np.searchsorted(runs.themes[by_theme], np.arange(themes + 1))
    ranked = []
    for t in range(themes):
        part = by_theme[bounds[t] : bounds[t + 1]]
        if top is not None and len(part) > top:
            kth = -np.partition(-runs.scores[part], top - 1)[top - 1]
            part = part[runs.scores[part] >= kth]
        ranked.append(part[np.lexsort((runs.rows[part], -runs.scores[part]))])
    return ranked


def _ranked(corpus: Corpus) -> tuple[_Runs, list[np.ndarray]]:
    with _LOCK:
        found = _RANKED.get(corpus)
        if found is None:
            runs = _runs(corpus, None)
            found = _RANKED[corpus] = (runs, _ranking(runs, len(corpus.themes), TOP_RUNS))
    return found


def strongest(corpus: Corpus, rows: np.ndarray, per_theme: int = PER_THEME) -> pd.DataFrame:
    """Per theme (taxonomy order), its `per_theme` strongest rows: theme, row, phrases, score.

    A large selection walks each theme's corpus-wide best; a small one, or one whose articles
    are not among them, is ranked from its own entries.
    """
    rows = corpus.as_rows(rows)
    chosen: list[np.ndarray] | None = None
    if len(rows) * 8 >= len(corpus):
        runs, ranked = _ranked(corpus)
        mask = None if len(rows) == len(corpus) else corpus.row_mask(rows)
        chosen = [_first_in(r, runs.rows, mask, per_theme) for r in ranked]
        # too few of a theme's best are selected, and it has articles that were not ranked
        short = [len(c) < per_theme for c in chosen]
        if any(s and len(r) >= TOP_RUNS for s, r in zip(short, ranked, strict=True)):
            chosen = None
    if chosen is None:
        runs = _runs(corpus, csr_entries(corpus.phrase_offsets, rows))
        chosen = [r[:per_theme] for r in _ranking(runs, len(corpus.themes), None)]
    width = max(len(corpus.phrases), 1)
    out: dict[str, list] = {THEME: [], "row": [], PHRASES: [], SCORE: []}
    for name, picked in zip(corpus.themes, chosen, strict=True):
        for run in picked.tolist():
            ids = runs.keys[runs.starts[run] : runs.starts[run] + runs.counts[run]] % width
            out[THEME].append(name)
            out["row"].append(int(runs.rows[run]))
            out[PHRASES].append([corpus.phrases[i] for i in ids.tolist()])
            out[SCORE].append(int(runs.counts[run]))
    return pd.DataFrame(out)


def _first_in(
    ranked: np.ndarray, run_rows: np.ndarray, mask: np.ndarray | None, count: int
) -> np.ndarray:
    """The first `count` runs of `ranked` whose row is selected, in growing blocks."""
    if mask is None:
        return ranked[:count]
    found: list[np.ndarray] = []
    start, block, have = 0, 64, 0
    while start < len(ranked) and have < count:
        part = ranked[start : start + block]
        part = part[mask[run_rows[part]]]
        found.append(part)
        have += len(part)
        start, block = start + block, block * 8
    return np.concatenate(found)[:count] if found else ranked[:0]


def representative_articles(
    corpus: Corpus, rows: np.ndarray, per_theme: int = PER_THEME
) -> pd.DataFrame:
    """The `strongest` rows per theme as articles: theme, the article's columns, phrases,
    score; themes in taxonomy order."""
    chosen = strongest(corpus, rows, per_theme)
    if chosen.empty:
        return pd.DataFrame(columns=[THEME, *COLUMNS, PHRASES, SCORE])
    articles = corpus.frame(chosen["row"].to_numpy(), COLUMNS)
    return pd.concat([chosen[[THEME]], articles, chosen[[PHRASES, SCORE]]], axis=1)


def phrase_spans(text: str, phrases: Sequence[str]) -> list[tuple[int, int]]:
    """Character spans of `text` where any taxonomy phrase occurs, sorted and merged.

    Matched as the taxonomy matches: casefolded words, the last word also with a plural
    "s"/"es", a trailing "*" matching any ending ("traffick*").
    """
    tokens = [(m.group().casefold(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    words = [t[0] for t in tokens]
    spans: list[tuple[int, int]] = []
    for phrase in phrases:
        wildcard = phrase.endswith("*")
        wanted = _TOKEN.findall(phrase.rstrip("*").casefold())
        if not wanted:
            continue
        *head, last = wanted
        for i in range(len(words) - len(wanted) + 1):
            if words[i : i + len(head)] != head:
                continue
            word = words[i + len(head)]
            hit = word.startswith(last) if wildcard else word in (last, last + "s", last + "es")
            if hit:
                spans.append((tokens[i][1], tokens[i + len(head)][2]))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
