"""The search parser: search text into a Query, the words text is cut into, highlighting."""

from __future__ import annotations

import itertools

import pytest

from insights.search.parser import Query, highlight_spans, parse_query, words


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
