"""The search index: matching, ranking, storage, and equivalence with brute force."""

from __future__ import annotations

import random

import numpy as np
import pyarrow as pa
import pytest

from insights.search.index import SearchIndex
from insights.search.parser import Query, parse_query, words

CORPUS = [
    "Children exploited through county lines in Telford",  # 0
    "Modern slavery: the National Crime Agency warns of a 45% rise",  # 1
    "County councils and the lines of responsibility for trafficked children",  # 2
    "Laura Durán on online abuse and children's safety",  # 3
    "More than 1,200 children referred to the NRM",  # 4
    "Travel and tourism: protecting children abroad",  # 5
    "",  # 6
    "Lines, lines, county lines: NCA and police act on county-lines gangs",  # 7
]


@pytest.fixture(scope="module")
def index():
    return SearchIndex.build(CORPUS)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("children", [0, 2, 3, 4, 5]),
        ("CHILDREN telford", [0]),
        ("county lines", [0, 2, 7]),
        ('"county lines"', [0, 7]),
        ("county-lines", [0, 7]),
        ('"lines county"', [7]),
        ('"crime agency warns"', [1]),
        ('"agency crime"', []),
        ("duran", [3]),
        ("DURAN", [3]),
        ("children s", [3]),
        ("1,200", [4]),
        ("200", [4]),
        ("45", [1]),
        ("slavery OR tourism", [1, 5]),
        ("slavery | tourism | nothing", [1, 5]),
        ("children telford OR abroad", [0, 5]),
        ('nca OR "modern slavery"', [1, 7]),
        ("children -telford", [2, 3, 4, 5]),
        ('children -"county lines"', [2, 3, 4, 5]),
        ('county -"lines county"', [0, 2]),
        ("-children", [1, 6, 7]),
        ("-children -nca", [1, 6]),
        ("absent", []),
        ("children absent", []),
        ("absent OR telford", [0]),
        ("children -absent", [0, 2, 3, 4, 5]),
        ("", [0, 1, 2, 3, 4, 5, 6, 7]),
    ],
)
def test_match(index, text, rows):
    found = index.match(text)
    assert found.dtype == np.int64
    assert found.tolist() == rows


def test_match_takes_a_parsed_query(index):
    assert index.match(parse_query("telford")).tolist() == [0]


def test_build_takes_arrow_arrays_with_nulls():
    index = SearchIndex.build(pa.chunked_array([["county lines", None], ["lines"]]))
    assert len(index) == 3
    assert index.match("lines").tolist() == [0, 2]
    assert index.match("-county").tolist() == [1, 2]


def test_empty_index():
    index = SearchIndex.build([])
    assert len(index) == 0
    assert index.match("children").tolist() == []
    assert index.match("").tolist() == []
    assert index.match("-children").tolist() == []
    assert index.rank("children").tolist() == []


# -- ranking ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "query", "order"),
    [
        # More occurrences first.
        (["nca x", "nca nca nca x", "nca nca x"], "nca", [1, 2, 0]),
        # Same count: the shorter text first.
        (["a b c d e f slavery", "slavery", "a b slavery"], "slavery", [1, 2, 0]),
        # A rare word weighs more than a common one.
        (["common rare", "common common", "common x", "common y"], "common OR rare", [0, 1, 2, 3]),
        # Equal scores keep row order.
        (["nca", "nca", "nca"], "nca", [0, 1, 2]),
        # Only exclusions: every other row, in row order.
        (["a", "b", "c"], "-b", [0, 2]),
    ],
)  # fmt: skip
def test_rank_order(texts, query, order):
    assert SearchIndex.build(texts).rank(query).tolist() == order


def test_rank_limit_and_rows(index):
    everything = index.rank("children")
    assert sorted(everything.tolist()) == index.match("children").tolist()
    assert index.rank("children", limit=2).tolist() == everything[:2].tolist()
    assert index.rank("children", limit=0).tolist() == []
    assert index.rank("children", limit=100).tolist() == everything.tolist()
    within = index.rank("children", rows=np.array([5, 0, 1]))
    assert within.tolist() == [r for r in everything.tolist() if r in (0, 5)]


# -- highlighting ----------------------------------------------------------------------------


def test_save_and_load_round_trip(index, tmp_path):
    index.save(tmp_path / "index")
    loaded = SearchIndex.load(tmp_path / "index")
    assert len(loaded) == len(index)
    for text in ['"county lines"', "children -telford", "nca OR slavery", "-children"]:
        assert loaded.match(text).tolist() == index.match(text).tolist()
        assert loaded.rank(text).tolist() == index.rank(text).tolist()


def test_save_and_load_empty_index(tmp_path):
    SearchIndex.build([]).save(tmp_path / "index")
    assert len(SearchIndex.load(tmp_path / "index")) == 0


# -- against a brute-force evaluator ---------------------------------------------------------


def _contains(tokens: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(tokens[i : i + n]) == phrase for i in range(len(tokens) - n + 1))


def _brute_force(texts: list[str], query: Query) -> list[int]:
    found = []
    for row, text in enumerate(texts):
        tokens = words(text)
        ok = all(_contains(tokens, (w,)) for w in query.required)
        ok = ok and all(_contains(tokens, p) for p in query.phrases)
        ok = ok and all(any(_contains(tokens, p) for p in group) for group in query.any_of)
        ok = ok and not any(_contains(tokens, (w,)) for w in query.excluded)
        ok = ok and not any(_contains(tokens, p) for p in query.excluded_phrases)
        if ok:
            found.append(row)
    return found


VOCABULARY = ["county", "lines", "Children", "child", "NCA", "slavery", "Durán", "1,200", "abuse"]


def _random_text(rng: random.Random) -> str:
    return " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(0, 12)))


def _random_query(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 4)):
        item = " ".join(rng.choice([*VOCABULARY, "absent"]) for _ in range(rng.randint(1, 3)))
        item = f'"{item}"' if " " in item or rng.random() < 0.2 else item
        if rng.random() < 0.25:
            item = "-" + item
        parts.append(item)
        if rng.random() < 0.3:
            parts.append(rng.choice(["OR", "|"]))
    return " ".join(parts)


@pytest.mark.parametrize("rows_per_scan", [8, 0])  # 0: phrases always look rows up one by one
def test_match_equals_brute_force_on_random_queries(monkeypatch, rows_per_scan):
    monkeypatch.setattr("insights.search.index.ROWS_PER_SCAN", rows_per_scan)
    rng = random.Random(7)
    texts = [_random_text(rng) for _ in range(300)]
    index = SearchIndex.build(texts)
    for _ in range(400):
        text = _random_query(rng)
        query = parse_query(text)
        expected = _brute_force(texts, query)
        assert index.match(query).tolist() == expected, text
        assert sorted(index.rank(query, limit=10).tolist()) == sorted(
            index.rank(query)[:10].tolist()
        ), text


def test_build_in_chunks_equals_build_at_once(monkeypatch):
    texts = pa.array([None, *CORPUS, "Zoë and José", "ZOE jose"], pa.string()).slice(1)
    at_once = SearchIndex.build(texts)
    monkeypatch.setattr("insights.search.build.BUILD_CHUNK_ROWS", 3)
    in_chunks = SearchIndex.build(texts)
    for name in SearchIndex._ARRAYS:
        assert np.array_equal(getattr(at_once, name), getattr(in_chunks, name)), name
    assert in_chunks.match("zoe jose").tolist() == [8, 9]


def test_phrase_longer_than_the_padding():
    words_ = [f"w{i}" for i in range(40)]
    index = SearchIndex.build([" ".join(words_), " ".join(words_[1:]), "w0"])
    assert index.match('"' + " ".join(words_) + '"').tolist() == [0]
    assert index.match('"' + " ".join(words_[1:]) + '"').tolist() == [0, 1]
