"""The quantities test set and its scorer: the set loads whole, the scorer counts right, and
the grammar keeps its score on the development part (the held-out part is only for the bench).
"""

from __future__ import annotations

import pytest
from quantity_fixture import Quantity, load, match, score, unit_key

from insights.enrich.statistics import find_statistics


@pytest.fixture(scope="module")
def sentences():
    return load()


def test_the_set_has_at_least_400_sentences_from_every_kind_of_source(sentences):
    assert len(sentences) >= 400
    assert sum(len(s.quantities) for s in sentences) >= 1000
    kinds = {s.kind for s in sentences}
    assert {"charity", "finance", "government", "science", "sport"} <= kinds
    held_out = sum(s.held_out for s in sentences) / len(sentences)
    assert 0.2 < held_out < 0.35


@pytest.mark.parametrize(
    ("gold", "found", "value", "unit", "direction"),
    [
        (Quantity(5, unit="percent"), Quantity(5.0, unit="percent"), 1, 1, 1),
        (Quantity(12.5, 10, 15, "USD"), Quantity(12.5, 10, 15, "USD"), 1, 1, 1),
        (Quantity(12.5, 10, 15, "USD"), Quantity(12.5, unit="USD"), 0, 0, 0),  # not a range
        (Quantity(3, unit="charities"), Quantity(3, unit="charity"), 1, 1, 1),
        (Quantity(0.3333), Quantity(1 / 3), 1, 1, 1),
        (Quantity(4, direction="down"), Quantity(4), 1, 1, 0),
        (Quantity(-4), Quantity(4), 0, 0, 0),
    ],
)
def test_scoring_matches_value_unit_and_direction(gold, found, value, unit, direction):
    sentence = type("S", (), {"quantities": (gold,)})()
    scores = score([sentence], [[found]])
    got = [scores[c].true_positives for c in ("value", "value+unit", "value+direction")]
    assert got == [value, unit, direction]


def test_matching_is_one_to_one():
    gold = [Quantity(3, unit="month"), Quantity(3, unit="month")]
    pairs, missed, extra = match(gold, [Quantity(3, unit="month")], lambda a, b: True)
    assert (len(pairs), missed, extra) == (1, [1], [])


@pytest.mark.parametrize(
    ("unit", "key"),
    [("square_foot", "square foot"), ("Charities", "charity"), ("-", ""), (None, ""), ("GB", "gb")],
)
def test_unit_keys(unit, key):
    assert unit_key(unit) == key


def test_the_grammar_keeps_its_score_on_the_development_part(sentences):
    development = [s for s in sentences if not s.held_out]
    found = [
        [Quantity(f.value, f.low, f.high, f.unit, f.direction) for f in find_statistics(s.text)]
        for s in development
    ]
    scores = score(development, found)
    assert scores["value"].f1 >= 0.95
    assert scores["value+unit"].f1 >= 0.9
    assert scores["value+direction"].f1 >= 0.9
