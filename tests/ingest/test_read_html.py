"""Saved HTML listing pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from insights.ingest import SourceError, read_source
from insights.ingest.dom import to_plain_text
from insights.ingest.html import read_html
from insights.ingest.template import FURNITURE, NO_SUMMARY

FIXTURES = Path(__file__).parent / "fixtures"


def _rows(listing):
    return [(i.title, i.summary, i.listed_date, i.date_line, i.url) for i in listing.items]


def test_drupal_views_listing_without_the_page_around_it():
    listing = read_source(FIXTURES / "views-listing.html")
    assert listing.format == "html"
    assert _rows(listing) == [
        (
            "‘One size doesn’t fit all’: Young victims & a petition",
            "Young victims of trafficking marked Anti-Slavery Day 2018.",
            date(2018, 10, 18),
            "18/10/2018",
            "/news/one-size",
        ),
        (
            "ECPAT UK takes part in Day of Action",
            "On Wednesday, 17th October 2018, ECPAT UK will join partners…",
            date(2018, 10, 16),
            "16/10/2018",
            "/news/day-of-action",
        ),
    ]
    assert [i.truncated for i in listing.items] == [False, True]
    assert [(r.reason, r.excerpt, r.position) for r in listing.rejections if r.position] == [
        (NO_SUMMARY, "A headline with no teaser", 3),
    ]
    # Every visible text around the items is reported as furniture, numbered with no item.
    assert [r.excerpt for r in listing.rejections if not r.position] == [
        "News",
        "We use cookies. Find out more",
        "ECPAT UK Home About us News",
        "Home > News",
        "Next ›",
        "Related Sidebar text that is not an article.",
        "Contact © 2018 ECPAT UK. Registered charity 1104948.",
    ]
    assert {r.reason for r in listing.rejections if not r.position} == {FURNITURE}
    assert listing.order == "newest_first"


def test_html5_articles_with_time_elements_and_unclosed_paragraphs():
    listing = read_source(FIXTURES / "articles-listing.html")
    assert _rows(listing) == [
        (
            "First headline",
            "First summary, with emphasis.",
            date(2015, 6, 1),
            "Posted on 1 June 2015 by Jane Smith",
            "/2015/06/first",
        ),
        ("Second headline", "Second summary.", date(2015, 6, 3), "3 June 2015", "/2015/06/second"),
        ("Third headline", "Third summary", date(2015, 7, 3), "3 July 2015", "/2015/07/third"),
    ]
    assert [(r.reason, r.excerpt) for r in listing.rejections] == [
        (FURNITURE, "Home News"),
        (FURNITURE, "Latest news"),
        (FURNITURE, "Follow us"),
    ]
    assert listing.order == "oldest_first"


def test_flat_page_of_headings_and_paragraphs():
    listing = read_source(FIXTURES / "flat-listing.html")
    assert _rows(listing) == [
        ("First release", "First release text.", None, None, None),
        ("Second release", "Second release text.", None, "March 2016", "/press/2"),
    ]
    assert [(r.reason, r.excerpt, r.position) for r in listing.rejections] == [
        (FURNITURE, "Press releases", None),
        (NO_SUMMARY, "Third release, no text", 3),
    ]


def test_list_items_with_headings():
    page = """<ul class="news">
      <li class="news-item"><h3><a href="a.html">Alpha</a></h3><p>Alpha text &amp; more.</p></li>
      <li class="news-item"><h3><a href="b.html">Beta</a></h3><p>Beta text.</p>
      <li class="news-item"><h3>Gamma</h3><div class="teaser">Gamma <b>text</b>.</div></li>
    </ul>"""
    listing = read_html(page, "page.html")
    assert [(i.title, i.summary, i.url) for i in listing.items] == [
        ("Alpha", "Alpha text & more.", "a.html"),
        ("Beta", "Beta text.", "b.html"),
        ("Gamma", "Gamma text.", None),
    ]
    assert [i.position for i in listing.items] == [1, 2, 3]


def test_list_without_headings_reads_the_leading_link_as_title():
    page = """<nav><a href="/">Home</a></nav><ul class="news">
      <li><a href="/n/1">First title</a> <span class="date">3 June 2015</span><br>First text.</li>
      <li><a href="/n/2">Second title</a> <span class="date">1 June 2015</span><br>Second text.
        <a href="/n/2">Read more</a></li>
    </ul>"""
    listing = read_html(page, "page.html")
    assert [(i.title, i.summary, i.listed_date, i.url) for i in listing.items] == [
        ("First title", "First text.", date(2015, 6, 3), "/n/1"),
        ("Second title", "Second text.", date(2015, 6, 1), "/n/2"),
    ]


WRAPPERS = [
    ("body with a sidebar class", '<body class="one-sidebar sidebar-first">', "</body>"),
    ("content wrapper named after the menu", '<div class="content-beside-menu">', "</div>"),
]


@pytest.mark.parametrize(("start", "end"), [c[1:] for c in WRAPPERS], ids=[c[0] for c in WRAPPERS])
def test_class_names_on_wrappers_do_not_hide_the_listing(start, end):
    items = "".join(f"<article><h2>T{n}</h2><p>S{n}.</p></article>" for n in (1, 2))
    listing = read_html(f"<html>{start}{items}{end}</html>", "page.html")
    assert [(i.title, i.summary) for i in listing.items] == [("T1", "S1."), ("T2", "S2.")]


def test_a_wrapper_named_after_the_sidebar_keeps_the_listing_but_not_the_sidebar():
    # Genesis: <div class="content-sidebar-wrap"> holds both <main> and the sidebar.
    items = "".join(f"<article><h2>T{n}</h2><p>S{n}.</p></article>" for n in (1, 2, 3))
    side = "".join(f"<div class='widget'><h4>W{n}</h4><p>Popular.</p></div>" for n in (1, 2))
    page = (
        f'<div class="content-sidebar-wrap"><main>{items}</main>'
        f'<div class="sidebar">{side}</div></div><div class="footer-widgets"><h4>Info</h4></div>'
    )
    listing = read_html(page, "page.html")
    assert [(i.title, i.summary) for i in listing.items] == [
        ("T1", "S1."),
        ("T2", "S2."),
        ("T3", "S3."),
    ]
    assert "W1" not in " ".join(i.title for i in listing.items)


def test_linked_heading_is_the_title_when_items_have_two_headings():
    item = '<article><h2><a href="/{n}">Title {n}</a></h2><h3>Topic</h3><p>Text {n}.</p></article>'
    listing = read_html("".join(item.format(n=n) for n in (1, 2)), "page.html")
    assert [(i.title, i.summary, i.url) for i in listing.items] == [
        ("Title 1", "Text 1.", "/1"),
        ("Title 2", "Text 2.", "/2"),
    ]


def test_a_standfirst_classed_as_a_title_on_some_items_does_not_split_them():
    sub = '<p class="sub-title">A pulled quote</p>'
    head = '<header><h1><a href="/{n}">Title {n}</a></h1><div><a href="/c">Topic</a></div></header>'
    item = "<article>" + head + "{sub}<p>Text {n}.</p></article>"
    page = "".join(item.format(n=n, sub=sub if n % 2 else "") for n in range(4))
    listing = read_html(page, "page.html")
    assert [i.title for i in listing.items] == ["Title 0", "Title 1", "Title 2", "Title 3"]


def test_unlinked_titles_win_over_a_few_linked_promotions():
    promo = '<div class="promo"><h3><a href="/give">Give</a></h3><p>Please donate.</p></div>'
    items = "".join(
        f"<div class='release'><h3>Release {n}</h3><p>Text {n}.</p></div>" for n in range(3)
    )
    listing = read_html(f"<main>{promo}{items}</main>", "page.html")
    assert [i.title for i in listing.items] == ["Release 0", "Release 1", "Release 2"]
    assert [(r.reason, r.excerpt) for r in listing.rejections] == [(FURNITURE, "Give")]


NO_ITEMS = [
    ("navigation only", "<html><body><nav><a href='/'>Home</a></nav><footer>©</footer></body>"),
    ("headings only", "<html><body><h1>News</h1><h2>Nothing here yet</h2></body></html>"),
    ("text only", "<html><body><p>Just a paragraph.</p></body></html>"),
]


@pytest.mark.parametrize("page", [c[1] for c in NO_ITEMS], ids=[c[0] for c in NO_ITEMS])
def test_page_without_items_is_a_source_error(page):
    with pytest.raises(SourceError, match="no news items") as err:
        read_html(page, "page.html")
    assert "\n" not in str(err.value)


PLAIN = [
    ("<p>A &amp; B</p>", "A & B"),
    ("<p>One</p><p>Two</p>", "One Two"),
    ("Line<br>break", "Line break"),
    ("<script>x()</script>Text", "Text"),
    ("No markup &lt;here&gt;", "No markup <here>"),
    ("‘curly’ &ldquo;quotes&rdquo;", "‘curly’ “quotes”"),
]


@pytest.mark.parametrize(("markup", "text"), PLAIN)
def test_markup_to_plain_text(markup, text):
    assert to_plain_text(markup) == text


PAGE_ITEMS = (
    '<article><h2><a href="/a">Alpha</a></h2><p>Alpha text.</p></article>'
    '<article><h2><a href="/b">Beta</a></h2><p>Beta text.</p></article>'
)
SAVED = [
    (
        "site name and an archived canonical address",
        '<head><meta property="og:site_name" content="Example Trust">'
        '<link rel="canonical" href="https://web.archive.org/web/20181020123456/https://example.org/news">'
        f"</head><body>{PAGE_ITEMS}</body>",
        ("Example Trust", date(2018, 10, 20), "https://example.org/a"),
    ),
    (
        "a browser's saved-from mark",
        "<!-- saved from url=(0059)https://web.archive.org/web/20170301000000/http://e.org/n -->"
        f"<body>{PAGE_ITEMS}</body>",
        (None, date(2017, 3, 1), "http://e.org/a"),
    ),
    (
        "SingleFile's note",
        "<!--\n Page saved with SingleFile \n url: https://example.org/news \n saved date: "
        f"Sat Oct 20 2018 12:34:56 GMT+0100 (British Summer Time)\n-->{PAGE_ITEMS}",
        (None, date(2018, 10, 20), "https://example.org/a"),
    ),
    ("nothing said", PAGE_ITEMS, (None, None, "/a")),
]


@pytest.mark.parametrize(("markup", "expected"), [c[1:] for c in SAVED], ids=[c[0] for c in SAVED])
def test_saved_page_says_who_published_it_and_when_it_was_captured(tmp_path, markup, expected):
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    listing = read_source(path)
    assert (listing.publisher, listing.captured, listing.items[0].url) == expected


def test_many_differently_classed_wrappers_in_a_row_keep_the_first_item():
    # A Drupal page opens a dozen <div>s in a row, each with its own class, around its first
    # item: they are structure, not the run of identical empty wrappers a broken page repeats.
    wrappers = "".join(f'<div class="wrap-{name}">\n' for name in "abcdefghijkl")
    rows = "".join(
        f'<div class="views-row"><div class="views-field-title"><h3><a href="/n/{n}">Title {n}'
        f"</a></h3></div><p>Summary {n} text.</p></div>\n"
        for n in range(3)
    )
    markup = f"<html><body>{wrappers}{rows}{'</div>' * 12}</body></html>"
    assert [i.title for i in read_html(markup, "page.html").items] == [
        "Title 0",
        "Title 1",
        "Title 2",
    ]


def test_page_of_date_lines_and_headlines_is_read_by_the_record_template():
    # No heading-and-summary blocks repeat: a list of dates and linked headlines, month
    # headers between them. The page's text, a line per block, reads as a text listing does.
    rows = [("05/01/13", "Grants to Assist First Responders"), ("04/25/13", "Floor Statement")]
    rows += [("04/17/13", "Statement on the Marathon"), ("03/28/13", "Support for Checks")]
    items = "".join(
        f'<div>{d}</div><div><a href="/r/{n}">{t}</a></div>' for n, (d, t) in enumerate(rows)
    )
    markup = f"<html><body><h1>Press Releases</h1><div>May 2013</div>{items}</body></html>"
    listing = read_html(markup, "page.html")
    assert [(i.title, i.listed_date) for i in listing.items] == [
        ("Grants to Assist First Responders", date(2013, 5, 1)),
        ("Floor Statement", date(2013, 4, 25)),
        ("Statement on the Marathon", date(2013, 4, 17)),
        ("Support for Checks", date(2013, 3, 28)),
    ]
    assert listing.format == "html"


def test_an_items_own_header_and_footer_are_not_its_summary():
    # Each post's <footer> lists its categories after the '… [Read more...]' teaser; its
    # <header> holds the byline and date. Neither is summary text, though the date still counts.
    posts = "".join(
        f'<article class="post"><header><h2><a href="/p/{n}">Post {n}</a></h2>'
        f'<p class="entry-meta"><time datetime="2016-02-0{n + 1}">Feb {n + 1}, 2016</time> '
        f"Jane Doe 3 Comments</p></header><div><p>Teaser {n} runs on and &#x2026; "
        f'<a href="/p/{n}" class="more-link">[Read more...]</a></p></div>'
        f'<footer><p class="entry-meta"><a href="/c/a">Gardening</a>, '
        f'<a href="/c/b">Health News</a></p></footer></article>'
        for n in range(3)
    )
    listing = read_html(f"<html><body><main>{posts}</main></body></html>", "page.html")
    assert [
        (i.summary.startswith(f"Teaser {n} "), i.listed_date, i.truncated)
        for n, i in enumerate(listing.items)
    ] == [(True, date(2016, 2, n + 1), True) for n in range(3)]
    assert not any("Gardening" in i.summary or "Jane" in i.summary for i in listing.items)


def test_a_form_holding_the_pages_largest_repeating_run_is_not_furniture():
    # A Joomla page wraps its listing in <form id="adminForm">; a sidebar module repeats fewer
    # cards. A form is furniture only to break ties: this one holds the largest run.
    rows = "".join(
        f'<div class="row"><h3><a href="/n/{n}">Listed {n}</a></h3><p>Summary {n} text.</p></div>'
        for n in range(4)
    )
    module = "".join(
        f'<div class="bt"><h4><a href="/m/{n}">Module {n}</a></h4><p>Teaser {n}.</p></div>'
        for n in range(2)
    )
    markup = (
        f'<html><body><form id="adminForm"><input name="q">{rows}</form>'
        f'<div class="module">{module}</div></body></html>'
    )
    assert [i.title for i in read_html(markup, "page.html").items] == [
        f"Listed {n}" for n in range(4)
    ]


def test_a_search_form_beside_the_listing_stays_furniture():
    rows = "".join(
        f'<div class="row"><h3><a href="/n/{n}">Listed {n}</a></h3><p>Summary {n} text.</p></div>'
        for n in range(3)
    )
    form = '<form><label>Search</label><input name="q"><button>Go</button></form>'
    listing = read_html(f"<html><body>{form}{rows}</body></html>", "page.html")
    assert [i.title for i in listing.items] == [f"Listed {n}" for n in range(3)]


def test_a_table_of_linked_titles_without_summaries_is_a_listing():
    # A Joomla category table: one column of linked titles, no dates, no summaries; the
    # column's header cell is not an item.
    rows = "".join(
        f'<tr class="cat-list-row{n % 2}"><td class="list-title"><a href="/n/{n}">Event {n} '
        f"observed at the University</a></td></tr>"
        for n in range(4)
    )
    markup = (
        '<html><body><table><thead><tr><th><a href="#">Title</a></th></tr></thead>'
        f"<tbody>{rows}</tbody></table></body></html>"
    )
    listing = read_html(markup, "page.html")
    assert [(i.title, i.url) for i in listing.items] == [
        (f"Event {n} observed at the University", f"/n/{n}") for n in range(4)
    ]


def _lead_page(lead_href: str) -> str:
    lead = (
        f'<div class="Block" id="NewsContent"><h1 class="PostTitle"><a href="{lead_href}">'
        "Specials on server parts</a></h1><p>Posted on 10th Jun 2015</p>"
        "<div><p>Building a server does not come cheaply, though it need not cost much.</p>"
        "</div></div>"
    )
    posts = "".join(
        f'<div class="BlogPostContent"><div class="bfc"><h3><a href="/blog/post-{n}/">Post {n}'
        f"</a></h3><p>Teaser {n} of the post, cut [...]</p>"
        f'<p><a href="/blog/post-{n}/">Read More</a></p></div></div>'
        for n in range(3)
    )
    return f"<html><body><h1>Blog</h1>{lead}{posts}</body></html>"


def test_a_lead_post_shaped_apart_is_the_first_item_when_it_links_beside_the_items():
    # The newest post shown in full over the teasers, its title an <h1>: an item, because its
    # link goes into the folder the items' links share.
    listing = read_html(_lead_page("/blog/specials-on-server-parts/"), "page.html")
    assert [i.title for i in listing.items] == ["Specials on server parts"] + [
        f"Post {n}" for n in range(3)
    ]
    assert listing.items[0].listed_date == date(2015, 6, 10)
    # Linking elsewhere (the shop's offers page), the block above is the page's, not an item.
    shop = read_html(_lead_page("/offers/server-parts/"), "page.html")
    assert [i.title for i in shop.items] == [f"Post {n}" for n in range(3)]
    assert "Specials on server parts" in [r.excerpt for r in shop.rejections]
