"""Word count: the words in title and summary."""

from __future__ import annotations

import pytest

from insights import schema
from insights.enrich import word_count

from enrich_frames import frame


@pytest.mark.parametrize(
    ("words", "count"),
    [
        ("", 0),
        ("Up to 1,000 children", 4),
        ("ECPAT UK’s short film – The Secret Gardeners", 7),
        ("a 120,535-strong petition", 3),
        ("e-handbook", 1),
    ],
)
def test_word_count(words, count):
    assert word_count.word_count(words) == count


def test_enrich_counts_title_and_summary(context):
    articles = frame([("Two words", "and three more")])
    out = word_count.enrich(articles, context)
    assert out[schema.WORD_COUNT].tolist() == [5]
    assert list(out.columns) == [schema.WORD_COUNT]
