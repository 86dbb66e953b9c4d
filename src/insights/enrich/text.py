"""Word count (words in title and summary), and text helpers the other enrichments share."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from insights import schema
from insights.enrich import EnrichContext

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
# A full stop, question or exclamation mark (and a closing quote), space, then a capital;
# not after an abbreviated month, a title or an initial ("Nov. 12", "Dr. Patel", "J. Smith").
SENTENCE_BREAK = re.compile(r"[.!?][’”\"]?(\s+)(?=[‘“\"'(]?[A-Z0-9£$])")
NO_BREAK_AFTER = frozenset(
    {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
    | {"Mr", "Mrs", "Ms", "Dr", "St", "No"}
)


def sentences(text: str) -> list[str]:
    """Each line split into sentences; a headline without a full stop is one sentence."""
    found = []
    for line in text.splitlines():
        start = 0
        for m in SENTENCE_BREAK.finditer(line):
            if line[m.start()] == ".":
                word = line[line.rfind(" ", 0, m.start()) + 1 : m.start()].lstrip("(“\"‘'")
                if word in NO_BREAK_AFTER or (len(word) == 1 and word.isupper()):
                    continue
            found.append(line[start : m.start(1)])
            start = m.end(1)
        found.append(line[start:])
    return [s for s in found if s.strip()]


def article_texts(articles: pd.DataFrame) -> list[str]:
    """Title and summary of each article as one text, the headline as its first line."""
    titles, summaries = articles[schema.TITLE].tolist(), articles[schema.SUMMARY].tolist()
    return [f"{title}\n{summary}" for title, summary in zip(titles, summaries, strict=True)]


def word_count(text: str) -> int:
    """Words in `text`: "a 120,535-strong petition" has three; a dash on its own is none."""
    tokens = text.split()
    return len(tokens) - sum(map(NOT_WORDS.__contains__, tokens))


def trie_pattern(words: list[str]) -> str:
    """One regex alternation for many literal strings, factored by common prefix.

    Python's regex engine tries alternatives one by one; factored, it reads a character once:
    ["UK", "UN", "United Kingdom"] -> "U(?:nited\\ Kingdom|K|N)". Longer continuations come
    first, so the longest string wins.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(c) + pattern(child) for c, child in node.items() if c]
        branches.sort(key=len, reverse=True)
        if "" in node:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return pattern(trie)


def enrich(articles: pd.DataFrame, context: EnrichContext) -> pd.DataFrame:
    counts = [word_count(text) for text in article_texts(articles)]
    return pd.DataFrame({schema.WORD_COUNT: pd.array(counts, dtype="int32")}, index=articles.index)
