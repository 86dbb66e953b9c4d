"""Broken input a careless export produces: every item in the listing or its rejections.

Variations of issue #16's item 3 that its own tests do not cover: a quote that never closes
until a stray one on a later row closes it, and NUL bytes in files of every format.
"""

from __future__ import annotations

import json

import pytest

from insights.ingest import SourceError, read_source

HEADER = "title,summary,date\n"


def rows(*names: str) -> str:
    return "".join(
        f"Title {n},Summary {n} about children,2018-0{i + 1}-01\n" for i, n in enumerate(names)
    )


def read(tmp_path, name: str, data: str | bytes):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return read_source(path)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_stray_quote_rows_later_does_not_close_an_unterminated_one(tmp_path, newline):
    text = (
        HEADER
        + rows("A")
        + 'Title X,"never closed,2018-01-01\n'
        + "Title B,Summary B about kids,2018-02-01\n"
        + 'Title C,Records sold: 12",2018-03-01\n'
        + rows("D")
    )
    listing = read(tmp_path, "export.csv", text.replace("\n", newline))
    assert [i.title for i in listing.items] == ["Title A", "Title B", "Title C", "Title D"]
    assert listing.items[2].summary == 'Records sold: 12"'
    [left_out] = listing.rejections
    assert "CSV row 3" in left_out.reason and left_out.excerpt.startswith("Title X")


def test_a_quoted_cell_with_line_breaks_and_commas_stays_one_cell(tmp_path):
    text = HEADER + 'Title A,"First line, with a comma\nsecond line, too",2018-01-01\n' + rows("B")
    listing = read(tmp_path, "export.csv", text)
    assert [i.title for i in listing.items] == ["Title A", "Title B"]
    assert listing.items[0].summary == "First line, with a comma\nsecond line, too"
    assert not listing.rejections


LISTING = "".join(
    f"Headline number {n} here\n\nSummary {n} about chil\x00dren in the UK.\x00 Read more\n\n"
    for n in range(5)
)
PAGE = (
    "<html><body><ul>"
    + "".join(
        f'<li class="news"><h3><a href="https://e.org/{n}">Headline {n}\x00</a></h3>'
        f"<p>Summary {n} about \x00children.</p></li>"
        for n in range(5)
    )
    + "</ul></body></html>"
)
FEED = json.dumps([{"title": f"T{n}", "summary": f"Summary {n} about children"} for n in range(5)])


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("news.txt", LISTING),
        ("news.html", PAGE),
        ("news.json", FEED.replace("T", "T\x00")),
        ("news.csv", HEADER + rows(*"ABCDE").replace(" about", "\x00 about")),
    ],
)
def test_nul_bytes_through_a_small_text_file_keep_every_item(tmp_path, name, data):
    listing = read(tmp_path, name, data)
    assert len(listing.items) == 5
    assert not any("\x00" in i.title + i.summary for i in listing.items)


def test_a_listing_padded_with_nul_bytes_after_a_crash_keeps_its_items(tmp_path):
    listing = read(tmp_path, "news.txt", LISTING.replace("\x00", "").encode() + b"\x00" * 20_000)
    assert len(listing.items) == 5


def test_a_file_of_nothing_but_nul_bytes_is_one_line(tmp_path):
    with pytest.raises(SourceError, match="only NUL bytes"):
        read(tmp_path, "news.txt", b"\x00" * 4096)
