"""Feeds and exports: RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed and WordPress exports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from insights.ingest import SourceError, read_source

FEEDS = Path(__file__).parent / "fixtures" / "feeds"

CASES = [
    (
        "news.rss",
        "rss20",
        "Example Trust",
        date(2018, 10, 20),
        [
            (
                "Young people deliver a petition on Anti-Slavery Day",
                "Young people delivered a petition of 120,535 signatures.",
                date(2018, 10, 18),
                "https://example.org/news/petition",
                "Jane Smith",
                ("Campaigns", "Trafficking"),
            ),
            (
                "Day of Action for unaccompanied children",
                "Partners from across Europe join a Day of Action.",
                date(2018, 10, 17),
                None,  # javascript: left out
                None,
                (),
            ),
        ],
    ),
    (
        "news.rdf",
        "rss10",
        "Example Trust (RDF)",
        None,
        [
            (
                "Report finds gaps in support",
                "A new report has found gaps in local support.",
                date(2018, 10, 2),
                "https://example.org/news/report",
                "Sam Patel",
                ("Research",),
            )
        ],
    ),
    (
        "news.atom",
        "atom10",
        "Example Trust Atom",
        date(2018, 10, 19),
        [
            (
                "New chair of trustees",
                "The board appointed a new chair.",
                date(2018, 3, 9),
                "https://example.org/news/chair",
                "Board",
                ("Governance",),
            )
        ],
    ),
    (
        "news.json",
        "json feed",
        "Example Trust JSON",
        None,
        [
            (
                "Helpline opens",
                "The helpline opens every day.",
                date(2018, 5, 28),
                "https://example.org/news/helpline",
                "Sam Patel",
                ("Services",),
            ),
            (
                "A post with no title",
                "A post with no title. It still has text.",
                date(2018, 5, 20),
                None,  # data: left out
                None,
                (),
            ),
        ],
    ),
    (
        "export.xml",
        "wordpress export",
        "Example Trust WordPress",
        None,
        [
            (
                "Volunteers plant a thousand trees",
                "Over two days, 300 volunteers planted a thousand trees.",
                date(2018, 10, 15),
                "https://example.org/2018/10/trees/",
                "editor",
                ("News", "Volunteering"),
            )
        ],
    ),
]


@pytest.mark.parametrize(
    ("name", "kind", "publisher", "captured", "items"), CASES, ids=[c[0] for c in CASES]
)
def test_feed_items_keep_their_fields_and_stated_dates(name, kind, publisher, captured, items):
    listing = read_source(FEEDS / name)
    assert (listing.format, listing.publisher, listing.captured) == (kind, publisher, captured)
    assert [
        (i.title, i.summary, i.listed_date, i.url, i.author, i.categories) for i in listing.items
    ] == items


def test_wordpress_pages_and_drafts_are_reported_not_read():
    listing = read_source(FEEDS / "export.xml")
    assert [(r.reason, r.excerpt) for r in listing.rejections] == [
        ("a WordPress page, not a post", "About us"),
        ("a draft post, never published", "Draft thoughts"),
    ]


def test_a_feed_file_that_is_not_a_feed(tmp_path):
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>x</title></channel></rss>", encoding="utf-8")
    with pytest.raises(SourceError, match="no news items"):
        read_source(path)
