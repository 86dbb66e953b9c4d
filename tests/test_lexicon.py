"""Month names, word sets and factored word patterns shared by the readers and enrichments."""

from __future__ import annotations

import re

import pytest

from insights.lexicon import MONTH_NAMES, MONTHS, NUMBER_WORDS, trie_pattern, word_set


@pytest.mark.parametrize(
    ("text", "month"),
    [("january", 1), ("sept", 9), ("sep", 9), ("september", 9), ("may", 5), ("dec", 12)],
)
def test_month_names(text, month):
    assert re.fullmatch(MONTH_NAMES, text)
    assert MONTHS[text] == month


def test_month_names_try_the_longest_spelling_first():
    assert re.match(MONTH_NAMES, "september").group() == "september"
    assert re.match(MONTH_NAMES, "sept.").group() == "sept"


def test_word_set():
    assert word_set("in since\n from in") == frozenset({"in", "since", "from"})


@pytest.mark.parametrize(
    ("words", "pattern"),
    [
        (["UK", "UN", "United Kingdom"], r"U(?:nited\ Kingdom|K|N)"),
        (["a"], "a"),
        (["ab", "a"], "a(?:b|)"),
    ],
)
def test_trie_pattern(words, pattern):
    assert trie_pattern(words) == pattern
    for word in words:
        assert re.fullmatch(trie_pattern(words), word)


def test_number_words_spell_zero_to_nineteen():
    assert len(NUMBER_WORDS) == 20
    assert (NUMBER_WORDS[0], NUMBER_WORDS[12], NUMBER_WORDS[19]) == ("zero", "twelve", "nineteen")
