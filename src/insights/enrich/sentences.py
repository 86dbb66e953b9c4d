"""An article's text as the enrichments read it, and that text cut into sentences.

article_texts(articles)   ["Children exploited by county lines gangs\nA new report …", …]
sentences("Headline\nOne. Two!")  ["Headline", "One.", "Two!"]
"""

from __future__ import annotations

import re

import pandas as pd

from insights import schema

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
