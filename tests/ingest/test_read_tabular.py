"""CSV and JSON exports from a CMS."""

from __future__ import annotations

import json
from datetime import date

import pytest

from insights.ingest import SourceError, read_source
from insights.ingest.jsonfile import read_json
from insights.ingest.tabular import read_csv


def test_csv_columns_by_alias_with_every_row_accounted_for():
    text = (
        "Headline,Teaser,Published At,Permalink,Author\n"
        "First,First summary.,2018-10-18T09:30:00Z,/news/first,A\n"
        "Second,<p>Second &amp; <b>bold</b></p>,17/10/2018,https://x.org/2,B\n"
        ",,,,C\n"
        ",Only a summary here. More after.,3 June 2015,,D\n"
        "\n"
        "Title only,,,,E\n"
    )
    listing = read_csv(text, "export.csv")
    assert listing.format == "csv"
    assert [(i.title, i.summary, i.listed_date, i.url, i.position) for i in listing.items] == [
        ("First", "First summary.", date(2018, 10, 18), "/news/first", 1),
        ("Second", "Second & bold", date(2018, 10, 17), "https://x.org/2", 2),
        ("Only a summary here", "Only a summary here. More after.", date(2015, 6, 3), None, 4),
    ]
    assert listing.items[2].title_derived
    assert listing.items[0].date_line == "2018-10-18T09:30:00Z"
    assert [(r.reason, r.position) for r in listing.rejections] == [
        ("CSV row 4 has no title or summary", 3),
        ("CSV row 7 has no summary text", 5),
    ]
    assert listing.order == "newest_first"


COLUMN_NAMES = [
    ("title,summary", "title", "summary"),
    ("TITLE;DESCRIPTION", "TITLE", "DESCRIPTION"),
    ("name\texcerpt", "name", "excerpt"),
    ("post_title,post_excerpt", "post_title", "post_excerpt"),
    ("Headline,Standfirst", "Headline", "Standfirst"),
    ("headline,body", "headline", "body"),
]


@pytest.mark.parametrize(("header", "title", "summary"), COLUMN_NAMES)
def test_csv_column_aliases_and_delimiters(header, title, summary):
    delimiter = next(d for d in ",;\t" if d in header)
    listing = read_csv(f"{header}\nA title{delimiter}A summary.\n", "x.csv")
    assert [(i.title, i.summary) for i in listing.items] == [("A title", "A summary.")]


def test_csv_quoted_fields_with_commas_and_newlines():
    text = 'title,summary\n"Children, at risk","Line one,\nline two ""quoted"""\n'
    (item,) = read_csv(text, "x.csv").items
    assert item.title == "Children, at risk"
    assert item.summary == 'Line one,\nline two "quoted"'


def test_csv_without_title_or_summary_columns_names_what_it_found():
    with pytest.raises(SourceError, match="columns found: id, colour, size") as err:
        read_csv("id,colour,size\n1,red,L\n", "x.csv")
    assert "\n" not in str(err.value)


JSON_SHAPES = [
    ("list of objects", [{"title": "A", "summary": "One."}]),
    ("under items", {"items": [{"Title": "A", "Summary": "One."}]}),
    ("under articles", {"meta": 1, "articles": [{"headline": "A", "description": "One."}]}),
    ("under data.results", {"data": {"results": [{"name": "A", "excerpt": "One."}]}}),
    ("WordPress REST", [{"title": {"rendered": "A"}, "excerpt": {"rendered": "<p>One.</p>\n"}}]),
]


@pytest.mark.parametrize("data", [c[1] for c in JSON_SHAPES], ids=[c[0] for c in JSON_SHAPES])
def test_json_shapes(data):
    listing = read_json(json.dumps(data), "x.json")
    assert listing.format == "json"
    assert [(i.title, i.summary) for i in listing.items] == [("A", "One.")]


def test_json_records_that_are_not_objects_or_lack_text_are_rejected():
    data = [
        {"title": "A", "summary": "One.", "date": "2018-01-02", "link": "/a"},
        "just a string",
        {"title": None, "summary": ""},
        {"summary": "Only summary.", "published": 1514937600},
    ]
    listing = read_json(json.dumps(data), "x.json")
    assert [(i.title, i.listed_date, i.url) for i in listing.items] == [
        ("A", date(2018, 1, 2), "/a"),
        ("Only summary", date(2018, 1, 3), None),
    ]
    assert [(r.reason, r.position) for r in listing.rejections] == [
        ("JSON record 2 is not an object", 2),
        ("JSON record 3 has no title or summary", 3),
    ]
    assert listing.order == "oldest_first"


def test_json_lines_with_a_broken_first_line():
    listing = read_json('{"title": "A", "summ\n{"title": "B", "summary": "Two."}\n', "x.jsonl")
    assert [i.title for i in listing.items] == ["B"]
    assert [(r.reason, r.position) for r in listing.rejections] == [
        ("JSON line 1 is not valid JSON", 1)
    ]


def test_json_lines_with_a_broken_line(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text(
        '{"title": "A", "summary": "One."}\n\n{not json\n{"title": "B", "summary": "Two."}\n',
        encoding="utf-8",
    )
    listing = read_source(path)
    assert [i.title for i in listing.items] == ["A", "B"]
    assert [i.position for i in listing.items] == [1, 3]
    assert [r.reason for r in listing.rejections] == ["JSON line 3 is not valid JSON"]


BAD_JSON = [
    ("no title or summary field", [{"id": 1, "colour": "red"}], "fields found: colour, id"),
    ("no list", {"meta": {"count": 0}}, "no list of articles"),
    ("a number", 42, "single JSON int"),
]


@pytest.mark.parametrize(
    ("data", "message"), [c[1:] for c in BAD_JSON], ids=[c[0] for c in BAD_JSON]
)
def test_json_without_articles_is_a_source_error(data, message):
    with pytest.raises(SourceError, match=message) as err:
        read_json(json.dumps(data), "x.json")
    assert "\n" not in str(err.value)


def test_invalid_json_is_a_source_error():
    with pytest.raises(SourceError, match="not valid JSON"):
        read_json('[{"title": "A",\n "summary": }]', "x.json")
