"""Saved pages broken in ways the HTML standard settles: read linearly, the way a browser does.

An unterminated comment or <script>/<style>/<textarea>/<title> runs to the end of the page, and
a tag with no '>' is dropped, so nothing after them is markup. The depth guard once searched the
rest of the page again at every such opening (20,000 unclosed <script> tags: 50 s; bench:
bench/html_depth.py); now a search that finds nothing ends its pass.
"""

from __future__ import annotations

import pytest

from insights.ingest import dom, html

ITEMS = "".join(
    f'<article><h2><a href="/n/{n}">Title {n}</a></h2><p>Summary {n} text.</p></article>'
    for n in range(5)
)
TITLES = [f"Title {n}" for n in range(5)]
DEEP = "<div>" * (2 * dom.MAX_DEPTH)  # would be capped, were it markup


@pytest.mark.parametrize("opening", ["<!--", "<script>", "<STYLE>", "<textarea x>", "<title>"])
def test_unterminated_comment_or_raw_text_runs_to_the_end_of_the_page(opening):
    page = ITEMS + opening + DEEP
    assert dom.cap_depth(page) == page  # what follows is text to the parser: left alone
    assert [i.title for i in html.read_html(page, "page.html").items] == TITLES


@pytest.mark.parametrize("opening", ["<!--", "<script>", "<title>", "<textarea x>", "<a "])
def test_many_unterminated_openings_keep_the_items(opening):
    page = ITEMS + opening * 20_000
    assert [i.title for i in html.read_html(page, "page.html").items] == TITLES


def test_closed_comments_and_scripts_still_hide_their_tags():
    hidden = "<!-- <div> --><script>if (a<b) x = '<div>';</script>"
    capped = dom.cap_depth(hidden + "<div>x" * (2 * dom.MAX_DEPTH) + ITEMS)
    assert capped.startswith(hidden)
    assert "</div>" in capped  # the depth guard still closes what nests too deep after them
    assert [i.title for i in html.read_html(capped, "page.html").items] == TITLES


def test_a_tag_with_thousands_of_attributes_keeps_the_first_and_those_read():
    noise = " ".join(f'data-x{i}="{i}"' for i in range(5_000))
    page = f'<div {noise} class="listing" id="news">{ITEMS}</div>'
    capped = dom.cap_depth(page)
    tag = capped[: capped.index(">") + 1]
    assert tag.count("data-x") == 100
    assert tag.endswith('class="listing" id="news">')
    assert capped.endswith(ITEMS + "</div>")
    assert [i.title for i in html.read_html(page, "page.html").items] == TITLES


def test_a_void_tag_with_thousands_of_attributes_stays_void():
    noise = " ".join(f"a{i}" for i in range(1_000))
    capped = dom.cap_depth(f'<img {noise} alt="x"/>{ITEMS}')
    assert capped.startswith("<img a0 ") and capped.count("<img") == 1
    assert capped.endswith(f"a99/>{ITEMS}")
