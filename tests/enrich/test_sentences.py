"""Sentence splitting and the article text the enrichments read."""

from __future__ import annotations

import pytest

from insights.enrich import sentences

from enrich_frames import frame


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
    assert sentences.sentences(given) == expected


def test_article_texts_put_the_headline_first():
    articles = frame([("Two words", "and three more")])
    assert sentences.article_texts(articles) == ["Two words\nand three more"]
