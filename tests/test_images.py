"""Chart pictures: every chart function draws one, with its title and filters, offline."""

from __future__ import annotations

import re
import struct

import pandas as pd
import pytest

from insights import charts, images, serving, static_charts, theme_timeline
from insights.corpus import Filters, listing, themes, timeline
from insights.periods import MONTH, QUARTER

import fixtures

HOSTILE = "<script>alert(1)</script> & <b>bold</b>"
FILTERS = "Filters: theme County lines."


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    rows = fixtures.sample_rows()
    rows[0]["title"] = HOSTILE
    path = tmp_path_factory.mktemp("images") / "articles.parquet"
    return serving.load(fixtures.write(path, rows), search=False)


def _cases(corpus) -> dict:
    """Each chart function with the frame and options a page draws it with."""
    rows = corpus.select(Filters())
    counts = themes.theme_counts(corpus, rows)
    colours = {"colours": corpus.theme_colours}
    return {
        "articles_over_time": (
            charts.articles_over_time,
            timeline.articles_over_time(corpus, rows, MONTH),
            {"period": MONTH},
        ),
        "theme_counts": (charts.theme_counts, counts, {}),
        "theme_share_over_time": (
            charts.theme_share_over_time,
            timeline.theme_share_over_time(corpus, rows, QUARTER),
            colours,
        ),
        "theme_cooccurrence": (
            charts.theme_cooccurrence,
            themes.theme_cooccurrence(corpus, rows),
            {"order": list(counts["theme"])},
        ),
        "articles_over_time_by_theme": (
            theme_timeline.articles_over_time_by_theme,
            timeline.articles_over_time(corpus, rows, MONTH, by_theme=True),
            {
                **colours,
                "events": pd.DataFrame(
                    {"date": [pd.Timestamp(2018, 10, 18)], "label": ["Anti-Slavery Day"]}
                ),
            },
        ),
        "date_intervals": (charts.date_intervals, timeline.date_intervals(corpus, rows), {}),
        "themes_through_listing": (
            charts.themes_through_listing,
            listing.themes_through_listing(corpus, rows),
            {**colours, "anchors": listing.listing_anchors(corpus, rows)},
        ),
    }


CHARTS = [
    "articles_over_time",
    "theme_counts",
    "theme_share_over_time",
    "theme_cooccurrence",
    "articles_over_time_by_theme",
    "date_intervals",
    "themes_through_listing",
]


def test_every_chart_function_has_a_case():
    functions = {
        name
        for module in (charts, theme_timeline)
        for name, value in vars(module).items()
        if callable(value) and not name.startswith("_") and name in module.__doc__
    }
    assert set(CHARTS) == functions - {"events"}


@pytest.mark.parametrize("name", CHARTS)
def test_each_chart_is_an_svg_with_its_title_and_filters(corpus, name):
    chart, data, options = _cases(corpus)[name]
    svg = images.svg(chart, data, title=f"Title of {name}", filters=FILTERS, **options)
    assert svg.startswith("<svg")
    assert f">Title of {name}</text>" in svg and f">{FILTERS}</text>" in svg
    assert "<script" not in svg and "<b>" not in svg  # source text stays text
    assert static_charts.HATCHED not in svg
    if name == "articles_over_time":  # inferred dates hatched, as the summary says
        assert 'fill="url(#insights-hatch)"' in svg and "<pattern" in svg
    width = float(re.search(r'<svg[^>]*\bwidth="([\d.]+)"', svg).group(1))
    assert width >= images.IMAGE_WIDTH or name == "theme_share_over_time"


def test_a_png_has_twice_the_pixels_of_its_svg(corpus):
    chart, data, options = _cases(corpus)["theme_counts"]
    made = {"title": "Leading themes", "filters": FILTERS}
    svg = images.svg(chart, data, **made, **options)
    png = images.png(chart, data, **made, **options)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    size = re.search(r'<svg[^>]*\bwidth="([\d.]+)" height="([\d.]+)"', svg).groups()
    assert (width, height) == (round(float(size[0]) * 2), round(float(size[1]) * 2))


def test_inline_svg_names_no_namespace_address():
    document = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="1"><g/></svg>'
    )
    assert images.inline(document) == '<svg width="1"><g/></svg>'


@pytest.mark.parametrize(
    ("title", "stem"),
    [
        ("Leading themes", "leading-themes"),
        ("Each theme's share over time", "each-theme-s-share-over-time"),
        ("<>", "chart"),
    ],
)
def test_file_stem(title, stem):
    assert images.file_stem(title) == stem


def test_a_picture_of_twelve_themes_shows_at_most_eight_colours():
    names = [f"Theme {i:02d}" for i in range(12)]
    palette = [f"#{i:02x}{(40 * i) % 256:02x}{255 - 20 * i:02x}" for i in range(12)]
    counts = pd.DataFrame(
        {
            "theme": names,
            "articles": list(range(24, 12, -1)),
            "share": [n / 30 for n in range(24, 12, -1)],
            "colour": palette,
        }
    )
    svg = images.svg(charts.theme_counts, counts, title="Articles per theme", filters=FILTERS)
    bars = re.findall(r'aria-roledescription="bar"[^>]*fill="(#[0-9a-fA-F]{6})"', svg)
    assert len(bars) == 12 and len(set(bars)) == 8
