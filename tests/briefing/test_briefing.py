"""The briefing: what it says about a view, that it is safe and standalone, and its PDF."""

from __future__ import annotations

import html
import io
import re
from datetime import date, datetime
from html.parser import HTMLParser

import pypdf
import pytest

from insights import briefing, schema, serving
from insights.cli import main
from insights.corpus import Filters

import fixtures

HOSTILE = "<script>alert(1)</script> <img src=https://evil.example/x.png> Hostile"
MADE = datetime(2026, 12, 2, 9, 30)
FETCHING_TAGS = {"script", "link", "iframe", "object", "embed", "img", "image", "use", "video"}


class _Resources(HTMLParser):
    """Everything in a page that a browser would load by itself: tags that fetch, src-like
    attributes, href anywhere but a link, and url() or @import in CSS."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.links: list[str] = []
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._style = tag == "style"
        if tag in FETCHING_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name in ("src", "srcset", "data", "poster", "background", "xlink:href"):
                self.found.append(f"{tag} {name}={value}")
            elif name == "href":
                (self.links if tag == "a" else self.found).append(f"{value}")
            elif name == "style" and re.search(r"url\(|@import", value or ""):
                self.found.append(f"{tag} style={value}")

    def handle_data(self, data: str) -> None:
        if self._style and re.search(r"url\(|@import", data):
            self.found.append(f"css: {data[:80]}")

    def handle_endtag(self, tag: str) -> None:
        self._style = False


def _rows() -> list[dict]:
    hostile = fixtures.article(
        HOSTILE,
        "Summary with <b>markup</b> & an up to 1,000 children figure.",
        published=date(2018, 8, 1),
        themes=["County lines"],
        url="https://example.org/news/hostile",
        statistics=[
            fixtures.statistic(
                1000,
                "count",
                "up to 1,000 children",
                "<i>Sentence</i> with up to 1,000 children.",
                qualifier="up_to",
                counted="children",
            )
        ],
    )
    rows = [*fixtures.sample_rows(), hostile]
    for position, row in enumerate(rows, start=1):
        row[schema.POSITION] = position
    return rows


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("briefing") / "articles.parquet"
    return fixtures.write(path, _rows(), built_at="2026-11-30T08:15:00+00:00")


@pytest.fixture(scope="module")
def corpus(dataset):
    return serving.load(dataset, search=False)


@pytest.fixture(scope="module")
def county_lines(corpus) -> str:
    return briefing.html(corpus, Filters(themes=("County lines",)), made=MADE)


def _text(page: str) -> str:
    """What a reader sees: the page without its tags, style and SVG."""
    page = re.sub(r"<(style|svg)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def test_the_briefing_has_every_section_of_the_view(county_lines):
    text = _text(county_lines)
    for heading in (
        "Headline numbers",
        "Leading themes",
        "What changed",
        "Key figures",
        "Latest articles",
    ):
        assert heading in text
    # the Overview's numbers and sentences, from corpus/ and wording
    assert "Articles 3" in text  # two sample articles and the hostile one
    assert "The busiest month was" in text
    assert "County lines leads, in 3 articles (100% of those shown)." in text
    assert "County lines: 2 articles in the last six months" in text
    assert "up to 1,000 children" in text
    assert "A new report by the National Crime Agency finds up to 1,000 children" in text
    assert "Children exploited by county lines gangs" in text
    assert "Online abuser jailed" not in text  # not in the theme


def test_every_chart_is_inline_svg_with_its_summary_beside_it(county_lines):
    figures = re.findall(r"<figure>(.*?)</figure>", county_lines, flags=re.S)
    assert len(figures) == 2
    for figure in figures:
        caption = re.search(r"<figcaption>(.+?)</figcaption>", figure).group(1)
        assert figure.startswith("<svg")
        assert f'aria-label="{caption}"' in figure  # the same sentence as its text alternative


def test_the_footer_names_the_filters_the_version_the_build_and_inferred_dates(
    county_lines, corpus
):
    footer = _text(county_lines.split("<footer>")[1])
    assert "Filters: theme County lines." in footer
    assert f"Dataset version {corpus.version}, built 30 Nov 2026 at 08:15 UTC" in footer
    assert "Dates: 3 stated by the source, 0 inferred from the listing order" in footer
    whole = _text(briefing.html(corpus, Filters(), made=MADE).split("<footer>")[1])
    assert "Filters: none (every article)." in whole
    dates = "5 stated by the source, 1 inferred from the listing order, 0 set by hand, 1 unknown"
    assert dates in whole


def test_source_text_is_escaped_never_markup(county_lines):
    assert "<script>" not in county_lines
    assert "<b>markup</b>" not in county_lines and "<i>Sentence</i>" not in county_lines
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in county_lines
    assert "&lt;b&gt;markup&lt;/b&gt; &amp; an up to" in county_lines
    assert '<a href="https://example.org/news/hostile">&lt;script&gt;' in county_lines


def test_the_page_loads_nothing_from_anywhere(county_lines):
    resources = _Resources()
    resources.feed(county_lines)
    assert resources.found == []
    # the only addresses are links to the articles, which load nothing until clicked
    assert resources.links == ["https://example.org/news/hostile"] * 2  # a figure, a headline
    assert "@media print" in county_lines and "size: A4" in county_lines


def test_a_view_with_no_articles_says_so(corpus):
    search = "<script>nothingmatchesthis</script>"  # the filters line is text too
    page = briefing.html(corpus, Filters(text=search), made=MADE)
    text = _text(page)
    assert "No articles match these filters." in text
    assert "<figure>" not in page
    assert f"Filters: search “{html.escape(search)}”." in text and "<script" not in page


def _pdf_text(document: bytes) -> str:
    """The text of every page of a PDF, read back with pypdf."""
    reader = pypdf.PdfReader(io.BytesIO(document))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_cli_writes_the_briefing_as_a_pdf_of_the_same_page(dataset, tmp_path, capsys):
    out = tmp_path / "board.pdf"
    view = ["--theme", "County lines", "--from", "2018-01-01", "--to", "2018-12-31"]
    assert main(["briefing", str(dataset), "--out", str(out), *view]) == 0
    assert "wrote the PDF briefing" in capsys.readouterr().out
    document = out.read_bytes()
    assert document.startswith(b"%PDF-")
    text = _pdf_text(document)
    for expected in (
        "News briefing",
        "Filters: theme County lines; dates 1 Jan 2018 to 31 Dec 2018.",
        "<script>alert(1)</script>",  # shown as text
        "up to 1,000 children",
        "Latest articles",
        "Dates: 2 stated by the source, 0 inferred",  # 2018: the hostile article and one more
    ):
        assert expected in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--theme", "Nope"], "--theme 'Nope' is not a theme"),
        (["--from", "2018-13-01"], "--from: '2018-13-01' is not a date as YYYY-MM-DD"),
        (["--from", "2018-06-01", "--to", "2018-01-01"], "--from 2018-06-01 is after --to"),
    ],
)
def test_cli_bad_arguments_are_one_line(dataset, tmp_path, capsys, args, message):
    assert main(["briefing", str(dataset), "--out", str(tmp_path / "b.html"), *args]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert not (tmp_path / "b.html").exists()


def test_cli_out_that_is_a_folder_is_one_line(dataset, tmp_path, capsys):
    assert main(["briefing", str(dataset), "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is a folder" in err
