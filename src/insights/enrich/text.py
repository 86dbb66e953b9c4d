"""Word count (words in the title and summary together), and the sentence splitter others share."""

from __future__ import annotations

import re

import pandas as pd

from insights import schema
from insights.enrich import EnrichContext

# "120,535-strong" is one word; "ECPAT UK’s" is two.
WORD = re.compile(r"[^\W_]+(?:[’'.,\-][^\W_]+)*")
# A full stop, question or exclamation mark, then space and a capital (or an opening quote).
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][’”\"]))\s+(?=[‘“\"'(]?[A-Z0-9£$])")


def sentences(text: str) -> list[str]:
    """Each line split into sentences; a headline without a full stop is one sentence."""
    return [s for line in text.splitlines() for s in SENTENCE_END.split(line) if s.strip()]


def word_count(text: str) -> int:
    """Words in `text`; punctuation and dashes on their own are not words."""
    return len(WORD.findall(text))


def enrich(articles: pd.DataFrame, context: EnrichContext) -> pd.DataFrame:
    counts = [
        word_count(f"{title}\n{summary}")
        for title, summary in zip(articles[schema.TITLE], articles[schema.SUMMARY], strict=True)
    ]
    return pd.DataFrame({schema.WORD_COUNT: pd.array(counts, dtype="int32")}, index=articles.index)
