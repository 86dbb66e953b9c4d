"""Word count: the words in an article's title and summary.

"ECPAT UK – a charity"        4 words (a dash on its own is not one)
"a 120,535-strong petition"   3 words
"""

from __future__ import annotations

import pandas as pd

from insights import schema
from insights.enrich import EnrichContext
from insights.enrich.sentences import article_texts

# Tokens between spaces that are not words: "ECPAT UK – a charity" has four words.
NOT_WORDS = frozenset(
    [
        "-",
        "–",
        "—",
        "&",
        "/",
        "|",
        "•",
        "·",
        ":",
        ";",
        ",",
        ".",
        "…",
        "*",
        "#",
        "+",
        "=",
        "~",
        "(",
        ")",
        "[",
        "]",
        "“",
        "”",
        "‘",
        "’",
        '"',
        "'",
    ]
)


def word_count(text: str) -> int:
    """Words in `text`: "a 120,535-strong petition" has three; a dash on its own is none."""
    tokens = text.split()
    return len(tokens) - sum(map(NOT_WORDS.__contains__, tokens))


def enrich(articles: pd.DataFrame, context: EnrichContext) -> pd.DataFrame:
    counts = [word_count(text) for text in article_texts(articles)]
    return pd.DataFrame({schema.WORD_COUNT: pd.array(counts, dtype="int32")}, index=articles.index)
