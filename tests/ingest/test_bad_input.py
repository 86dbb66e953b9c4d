"""Input a user may hand over by mistake: each is one clear line, never a traceback."""

from __future__ import annotations

import codecs

import pytest

from insights.cli import main
from insights.ingest import SourceError, dom, html, read_source, source
from insights.ingest.decoding import decode

LISTING = "Café headline\n\nA summary about the café’s work.Read more\n"

BAD = [
    ("empty file", "news.txt", b"", "is empty"),
    ("only whitespace", "news.txt", b"  \n\n\t\n", "is empty"),
    ("binary", "news.txt", bytes(range(256)) * 8, "binary"),
    ("PDF", "news.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF"),
    ("zip", "news.csv", b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    ("no items", "news.txt", b"Home\nAbout us\nContact\n", "no news items"),
    (
        "only navigation",
        "news.txt",
        "Skip to content\nHome > News\nHome | About | News\nFollow us\n© 2018 ECPAT".encode(),
        "no news items",
    ),
    ("HTML with no items", "news.html", b"<html><body><nav>Home</nav></body></html>", "no news"),
    ("CSV without columns", "news.csv", b"id,colour\n1,red\n", "columns found: id, colour"),
    ("CSV with header only", "news.csv", b"title,summary\n", "no usable items"),
    ("broken JSON", "news.json", b'{"items": [', "not valid JSON"),
    ("BOM only", "news.txt", codecs.BOM_UTF8, "has no text"),
]


@pytest.mark.parametrize(
    ("name", "content", "message"), [c[1:] for c in BAD], ids=[c[0] for c in BAD]
)
def test_bad_files_are_one_line_source_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SourceError, match=message) as err:
        read_source(path)
    assert "\n" not in str(err.value)
    assert str(path) in str(err.value)


def test_directory(tmp_path):
    with pytest.raises(SourceError, match="is a directory") as err:
        read_source(tmp_path)
    assert "\n" not in str(err.value)


def test_missing_path(tmp_path):
    with pytest.raises(SourceError, match="does not exist") as err:
        read_source(str(tmp_path / "nope.txt"))
    assert "\n" not in str(err.value)


def test_file_over_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(source, "MAX_BYTES", 10)
    path = tmp_path / "news.txt"
    path.write_text(LISTING, encoding="utf-8")
    with pytest.raises(SourceError, match="over the 10 bytes limit") as err:
        read_source(path)
    assert "\n" not in str(err.value)


ENCODINGS = [
    ("UTF-8", LISTING.encode("utf-8")),
    ("UTF-8 with BOM", codecs.BOM_UTF8 + LISTING.encode("utf-8")),
    ("UTF-16 with BOM", LISTING.encode("utf-16")),
    ("UTF-16-BE with BOM", codecs.BOM_UTF16_BE + LISTING.encode("utf-16-be")),
    ("UTF-16-LE without BOM", LISTING.encode("utf-16-le")),
    ("cp1252", LISTING.encode("cp1252")),
    ("Latin-1", LISTING.replace("’", "'").encode("latin-1")),
]


@pytest.mark.parametrize("content", [c[1] for c in ENCODINGS], ids=[c[0] for c in ENCODINGS])
def test_encodings_decode_to_the_same_text(tmp_path, content):
    path = tmp_path / "news.txt"
    path.write_bytes(content)
    (item,) = read_source(path).items
    assert item.title == "Café headline"
    assert item.summary.replace("'", "’") == "A summary about the café’s work."


def test_utf8_with_a_stray_cp1252_byte_keeps_both():
    text, encoding = decode("Café – ".encode() + "‘quoted’".encode("cp1252"), "x.txt")
    assert text == "Café – ‘quoted’"
    assert encoding == "utf-8 with cp1252"


# Issue #16 item 3: silent item loss in broken input.
def test_issue16_csv_unterminated_quote_does_not_swallow_the_next_rows(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        'title,summary\n"First, with an open quote,Summary one\nSecond,Summary two\n'
        'Third,"Summary, three"\n',
        encoding="utf-8",
    )
    listing = read_source(path)
    assert [(i.title, i.summary) for i in listing.items] == [
        ("Second", "Summary two"),
        ("Third", "Summary, three"),
    ]
    assert len(listing.rejections) == 1
    assert "CSV row 2 is not valid CSV" in listing.rejections[0].reason
    assert listing.rejections[0].excerpt == '"First, with an open quote,Summary one'


def test_issue16_malformed_html_page_keeps_or_reports_every_item(tmp_path):
    page = (
        "<html><body><main><h1>News</h1>"
        '<div class="item"><h2><a href="/1">One</a></h2><p>First summary<p>More text.</div>'
        '<div class="item"><h2><a href="/2">Two</h2><p>Second <b>summary</i> text.</p></div>'
        '<div class="item"><h2>Three</h2><p>Third summary.</div></span></em>'
        '<div class="item"><h2>Four<p>Fourth summary.</div>'
        '<div class="item"><h2>Five</h2></div>'
        "</main>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    listing = read_source(path)
    numbered = [i.position for i in listing.items] + [
        r.position for r in listing.rejections if r.position is not None
    ]
    assert sorted(numbered) == [1, 2, 3, 4, 5]
    assert [i.title for i in listing.items] == ["One", "Two", "Three"]
    # As a browser shows it: "<h2>Four<p>…" puts the paragraph inside the heading.
    assert [r.excerpt for r in listing.rejections if r.position] == ["Four Fourth summary.", "Five"]


def test_issue16_nul_byte_in_csv_keeps_the_good_rows(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b"title,summary\nOne,First\x00 text.\nTwo,Second text.\n")
    listing = read_source(path)
    assert [(i.title, i.summary) for i in listing.items] == [
        ("One", "First text."),
        ("Two", "Second text."),
    ]


# Issue #16 item 4: quadratic HTML parsing.
def test_issue16_quadratic_html_parsing_deep_unmatched_tags(tmp_path):
    items = "".join(
        f'<article><h2><a href="/n/{n}">Title {n}</a></h2><p>Summary {n} text.</p></article>'
        for n in range(5)
    )
    markup = "<div>" * 40000 + items + "</span>" * 40000
    # The parser never sees more than MAX_DEPTH open elements: building the tree is linear.
    capped = dom.cap_depth(markup)
    assert capped.count("<div>") < 10 and "</span>" not in capped
    assert capped.count("<article>") == 5
    # Deep nesting with text between is closed in steps, and what is deepest keeps its shape.
    deep = "<div>x" * 40000 + items
    assert [i.title for i in html.read_html(deep, "deep.html").items] == [
        f"Title {n}" for n in range(5)
    ]
    path = tmp_path / "deep.html"
    path.write_text(markup, encoding="utf-8")
    assert [i.title for i in read_source(path).items] == [f"Title {n}" for n in range(5)]


# Issue #16 item 7: URL schemes checked at ingest.
@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("HTTP://example.org/b", "HTTP://example.org/b"),
        ("javascript:alert(1)", None),
        ("  JavaScript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox(1)", None),
        ("file:///etc/passwd", None),
    ],
)
def test_issue16_url_schemes_only_http_kept(tmp_path, url, kept):
    path = tmp_path / "export.csv"
    quoted = url.replace('"', '""')
    path.write_text(f'title,summary,url\nOne,First text.,"{quoted}"\n', encoding="utf-8")
    listing = read_source(path)
    assert listing.items[0].url == kept
    assert len(listing.dropped_links) == (0 if kept else 1)


# Issue #14: a deeply nested JSON file.
def test_issue14_deeply_nested_json_is_a_one_line_error(tmp_path, capsys):
    path = tmp_path / "nested.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code = main(["build", str(path), "--out", str(tmp_path / "out.parquet")])
    err = capsys.readouterr().err
    assert code == 1
    assert "nests its JSON too deeply" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
