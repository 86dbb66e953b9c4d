"""Full-text search: query parsing, matching, BM25 order, highlights, storage."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pyarrow as pa
import pytest

from insights.search import Query, SearchIndex, highlight_spans, parse_query, words

# -- parsing ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", Query()),
        ("   ", Query()),
        ("Trafficking", Query(required=("trafficking",))),
        ("county lines", Query(required=("county", "lines"))),
        ("county county", Query(required=("county",))),
        ('"county lines"', Query(phrases=(("county", "lines"),))),
        ("“county lines”", Query(phrases=(("county", "lines"),))),
        ('"county lines', Query(phrases=(("county", "lines"),))),
        ('"slavery"', Query(required=("slavery",))),
        ('""', Query()),
        ("county-lines", Query(phrases=(("county", "lines"),))),
        ("1,200 children", Query(required=("children",), phrases=(("1", "200"),))),
        ("Durán", Query(required=("duran",))),
        ("NCA!", Query(required=("nca",))),
        ("nca OR police", Query(any_of=((("nca",), ("police",)),))),
        ("nca | police", Query(any_of=((("nca",), ("police",)),))),
        ("nca|police", Query(any_of=((("nca",), ("police",)),))),
        ("a OR b OR c d", Query(required=("d",), any_of=((("a",), ("b",), ("c",)),))),
        ('nca OR "crime agency"', Query(any_of=((("nca",), ("crime", "agency")),))),
        ("nca or police", Query(required=("nca", "or", "police"))),
        ("OR nca", Query(required=("nca",))),
        ("nca OR", Query(required=("nca",))),
        ("-slavery", Query(excluded=("slavery",))),
        ('-"county lines"', Query(excluded_phrases=(("county", "lines"),))),
        ("trafficking -online", Query(required=("trafficking",), excluded=("online",))),
        ("a OR -b", Query(required=("a",), excluded=("b",))),
        ("-", Query()),
        ('"OR"', Query(required=("or",))),
    ],
)
def test_parse_query(text, expected):
    assert parse_query(text) == expected


@pytest.mark.parametrize(
    ("text", "is_empty", "terms"),
    [
        ("", True, ()),
        ("-slavery", False, ()),
        ('"county lines" nca OR police', False, ("county", "lines", "nca", "police")),
    ],
)
def test_query_is_empty_and_terms(text, is_empty, terms):
    query = parse_query(text)
    assert query.is_empty is is_empty
    assert query.terms() == terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Durán’s County-Lines, 1,200", ["duran", "s", "county", "lines", "1", "200"]),
        ("İstanbul ﬁne café", ["istanbul", "fine", "cafe"]),
        ("snake_case", ["snake", "case"]),
    ],
)
def test_words(text, expected):
    assert words(text) == expected


# -- matching --------------------------------------------------------------------------------

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


@pytest.mark.parametrize(
    ("text", "query", "marked"),
    [
        ("Laura Durán spoke", "duran", ["Durán"]),
        ("Laura Dura\u0301n spoke", "DURÁN", ["Dura\u0301n"]),
        ("ECPAT UK’s “county lines” work", '"county lines" ecpat', ["ECPAT", "county lines"]),
        ("ECPAT UK’s “county lines” work", "“county lines” UK’s", ["UK’s", "county lines"]),
        ("County-Lines and county  lines", "county-lines", ["County-Lines", "county  lines"]),
        ("countyside and county", "county", ["county"]),
        ("more than 1,200 children", '1,200 OR "as young as"', ["1,200"]),
        ("slavery", "-slavery", []),
        ("modern slavery", "modern slavery modern", ["modern", "slavery"]),
        ("", "anything", []),
    ],
)
def test_highlight_spans(text, query, marked):
    spans = highlight_spans(text, query)
    assert [text[start:end] for start, end in spans] == marked
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_highlight_spans_merge_overlapping_hits():
    assert highlight_spans("county lines", '"county lines" lines') == [(0, 12)]


# -- storage ---------------------------------------------------------------------------------


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
    monkeypatch.setattr("insights.search.ROWS_PER_SCAN", rows_per_scan)
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
    monkeypatch.setattr("insights.search.BUILD_CHUNK_ROWS", 3)
    in_chunks = SearchIndex.build(texts)
    for name in SearchIndex._ARRAYS:
        assert np.array_equal(getattr(at_once, name), getattr(in_chunks, name)), name
    assert in_chunks.match("zoe jose").tolist() == [8, 9]


def test_phrase_longer_than_the_padding():
    words_ = [f"w{i}" for i in range(40)]
    index = SearchIndex.build([" ".join(words_), " ".join(words_[1:]), "w0"])
    assert index.match('"' + " ".join(words_) + '"').tolist() == [0]
    assert index.match('"' + " ".join(words_[1:]) + '"').tolist() == [0, 1]
