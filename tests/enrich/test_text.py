"""Word count and sentence splitting."""

from __future__ import annotations

import pytest

from insights import schema
from insights.enrich import text

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
    assert text.word_count(words) == count


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Headline\nOne. Two!", ["Headline", "One.", "Two!"]),
        ("Up to 1,000 children. The U.K. too.", ["Up to 1,000 children.", "The U.K. too."]),
        ("He said “yes.” Then left.", ["He said “yes.”", "Then left."]),
        # an abbreviated month, a title or an initial does not end a sentence
        ("It met on Nov. 12, 2018. Prices rose.", ["It met on Nov. 12, 2018.", "Prices rose."]),
        ("Dr. Patel and J. Smith spoke.", ["Dr. Patel and J. Smith spoke."]),
        ("At 2300 N. 13th Street.", ["At 2300 N. 13th Street."]),
    ],
)
def test_sentences(given, expected):
    assert text.sentences(given) == expected


def test_enrich_counts_title_and_summary(context):
    articles = frame([("Two words", "and three more")])
    out = text.enrich(articles, context)
    assert out[schema.WORD_COUNT].tolist() == [5]
    assert list(out.columns) == [schema.WORD_COUNT]
