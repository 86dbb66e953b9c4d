"""Untagged and emerging: articles no theme caught, and themes the taxonomy has no name for.

Suggestions are clusters of recurring phrases in the untagged articles: TF-IDF over their
titles and summaries (words and two-word phrases, English stop words out), factorised with
NMF (scikit-learn, `init="nndsvd"`: deterministic, and seeded). Each suggestion has its top
phrases, how many untagged articles it fits best, example titles, and a ready
`data/taxonomy.toml` entry:

    suggest_themes(corpus)
        Suggestions(untagged=412, considered=412, themes=[Suggestion(phrases=("orphanage
        tourism", "volunteering", …), articles=57, examples=("…", …)), …])

They are computed once per dataset and kept (`cached_suggestions`): not per click.
"""

from __future__ import annotations

import json
import re
import threading
import weakref
from dataclasses import dataclass

import numpy as np
import pandas as pd

from insights import schema
from insights.corpus.arrays import take
from insights.corpus.articles import TABLE_COLUMNS
from insights.corpus.columns import Corpus

SUGGESTED = 6  # suggestions asked for
PHRASES_SHOWN = 8
EXAMPLES = 3
SAMPLE = 20_000  # untagged articles considered at most (a seeded sample beyond that)
MIN_ARTICLES = 3  # a suggestion fitting fewer articles than this is left out
SEED = 0
SUGGESTION_COLOUR = "#DDDDDD"  # Paul Tol's pale grey: a placeholder to change


@dataclass(frozen=True)
class Suggestion:
    """One suggested theme: its phrases (strongest first), articles and example titles."""

    phrases: tuple[str, ...]
    articles: int  # of the untagged articles considered, how many fit this one best
    examples: tuple[str, ...]

    @property
    def name(self) -> str:
        return " / ".join(self.phrases[:2]).capitalize()

    def toml(self) -> str:
        """A `[[theme]]` entry for data/taxonomy.toml (valid TOML; edit the name and colour)."""
        # JSON strings are valid TOML basic strings: quotes and backslashes escaped the same
        phrases = ", ".join(json.dumps(p, ensure_ascii=False) for p in self.phrases)
        description = (
            f"Suggested from {self.articles:,} untagged articles that share these phrases."
        )
        return "\n".join(
            [
                "[[theme]]",
                f"name = {json.dumps(self.name, ensure_ascii=False)}",
                f"description = {json.dumps(description)}",
                f'colour = "{SUGGESTION_COLOUR}"',
                f"phrases = [{phrases}]",
            ]
        )


@dataclass(frozen=True)
class Suggestions:
    """What suggest_themes found: the untagged count, how many it read, the suggestions."""

    untagged: int
    considered: int
    themes: tuple[Suggestion, ...]
    reason: str = ""  # why there are none, when there are none


def untagged_rows(corpus: Corpus, rows: np.ndarray) -> np.ndarray:
    """The selected articles with no theme."""
    rows = corpus.as_rows(rows)
    return rows[corpus.theme_mask[rows] == 0]


def untagged_page(corpus: Corpus, rows: np.ndarray, count: int = 20) -> pd.DataFrame:
    """The newest `count` untagged articles of the selection (the table's columns)."""
    top = corpus.top(untagged_rows(corpus, rows), schema.PUBLISHED, True, count)
    return corpus.frame(top, TABLE_COLUMNS)


def suggest_themes(
    corpus: Corpus, *, count: int = SUGGESTED, seed: int = SEED, sample: int = SAMPLE
) -> Suggestions:
    """Suggested new themes from the untagged articles of the whole dataset.

    The same dataset, count and seed give the same suggestions.
    """
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    untagged = untagged_rows(corpus, None)
    considered = untagged
    if len(untagged) > sample:
        considered = np.sort(np.random.default_rng(seed).choice(untagged, sample, replace=False))
    if len(considered) < max(2 * count, 10):
        reason = f"only {len(considered):,} untagged articles: too few to find recurring phrases"
        return Suggestions(len(untagged), len(considered), (), reason)
    titles = take(corpus.table.column(schema.TITLE), considered).to_pylist()
    summaries = take(corpus.table.column(schema.SUMMARY), considered).to_pylist()
    texts = [f"{t}\n{s or ''}" for t, s in zip(titles, summaries, strict=True)]
    vectorizer = TfidfVectorizer(
        analyzer=_phrases, min_df=3, max_df=0.5, max_features=5_000, sublinear_tf=True
    )
    try:
        weights = vectorizer.fit_transform(texts)
    except ValueError:  # every word was too rare or too common
        return Suggestions(len(untagged), len(considered), (), "no phrase recurs often enough")
    count = min(count, weights.shape[1], weights.shape[0] // 2)
    model = NMF(n_components=count, init="nndsvd", random_state=seed, max_iter=400)
    fit = model.fit_transform(weights)  # articles × suggestions
    vocabulary = vectorizer.get_feature_names_out()
    best = fit.argmax(axis=1)
    fits = fit.max(axis=1) > 0
    found = []
    for k in range(count):
        members = np.flatnonzero((best == k) & fits)
        if len(members) < MIN_ARTICLES:
            continue
        top = np.argsort(-model.components_[k], kind="stable")[: 3 * PHRASES_SHOWN]
        examples = members[np.argsort(-fit[members, k], kind="stable")[:EXAMPLES]]
        found.append(
            Suggestion(
                phrases=_distinct([str(vocabulary[i]) for i in top])[:PHRASES_SHOWN],
                articles=len(members),
                examples=tuple(titles[i] for i in examples),
            )
        )
    found.sort(key=lambda s: -s.articles)
    reason = "" if found else "no cluster of phrases fits enough articles"
    return Suggestions(len(untagged), len(considered), tuple(found), reason)


_WORD = re.compile(r"[^\W\d_][^\W_]+")  # words of two letters or more, not numbers


def _phrases(text: str) -> list[str]:
    """Words and two-word phrases of a text, as the taxonomy would match them: consecutive
    in the text, neither word an English stop word."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    words = _WORD.findall(text.casefold())
    kept = [w not in ENGLISH_STOP_WORDS for w in words]
    found = [w for w, k in zip(words, kept, strict=True) if k]
    found += [
        f"{a} {b}"
        for a, b, ka, kb in zip(words, words[1:], kept, kept[1:], strict=False)
        if ka and kb
    ]
    return found


def _distinct(phrases: list[str]) -> tuple[str, ...]:
    """Phrases strongest first, leaving out a word that a listed two-word phrase contains:
    ["council", "council criticised", "failings"] → ("council criticised", "failings")."""
    in_pairs = {w for p in phrases if " " in p for w in p.split()}
    return tuple(p for p in phrases if " " in p or p not in in_pairs)


_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def cached_suggestions(corpus: Corpus) -> Suggestions:
    """`suggest_themes` of this corpus, computed once and shared by every session."""
    with _LOCK:
        if corpus not in _CACHE:
            _CACHE[corpus] = suggest_themes(corpus)
        return _CACHE[corpus]


def suggestions_frame(found: Suggestions) -> pd.DataFrame:
    """The suggestions as a table: name, articles, phrases, examples."""
    return pd.DataFrame(
        {
            "name": [s.name for s in found.themes],
            "articles": [s.articles for s in found.themes],
            "phrases": [", ".join(s.phrases) for s in found.themes],
            "examples": [" | ".join(s.examples) for s in found.themes],
        }
    )
