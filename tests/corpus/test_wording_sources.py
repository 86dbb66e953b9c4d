"""About's source lines: file name, publisher, and what bounds the dates (#9 capture dates)."""

from __future__ import annotations

from insights.corpus import citing


def test_a_captured_source_says_what_bounds_its_dates() -> None:
    lines = citing.source_lines(
        ["/srv/secret/news.txt", "/srv/secret/feed.rss"],
        {"/srv/secret/news.txt": {"captured": "2015-07-01", "from": "stated"}},
        {"/srv/secret/news.txt": "Example Trust"},
    )
    assert lines == [
        "news.txt, published by Example Trust: no item is dated after 1 Jul 2015, the day it "
        "was captured (given with the source).",
        "feed.rss: no capture date, so its estimated dates are bounded only by the listing's "
        "order and the dates it states.",
    ]


def test_an_archive_capture_names_where_its_date_came_from() -> None:
    source = "web.txt::captured=2018-10-20"
    (line,) = citing.source_lines(
        [source],
        {"web.txt": {"captured": "2018-10-20", "from": "archive address https://x/web/2018/"}},
        {},
    )
    assert line.startswith("web.txt: no item is dated after 20 Oct 2018")
    assert line.endswith("(from archive address https://x/web/2018/).")
    assert "srv" not in line
