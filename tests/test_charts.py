"""Charts are data: assert on the spec each function returns, never on pixels."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from insights import chart_gallery, chart_style, charts, periods, schema, serving, theme_timeline
from insights.corpus import fold, frames

import fixtures

COLOURS = {"County lines": "#0072B2", "Online abuse": "#E69F00"}
MONTHS = pd.to_datetime(["2018-01-01", "2018-02-01"])


def over_time(by_theme: bool = False) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            frames.PERIOD: list(MONTHS) * (2 if by_theme else 1),
            frames.ARTICLES: [3, 1, 2, 0] if by_theme else [3, 1],
            frames.KNOWN: [2, 1, 2, 0] if by_theme else [2, 1],
            frames.INFERRED: [1, 0, 0, 0] if by_theme else [1, 0],
        }
    )
    if by_theme:
        frame.insert(1, frames.THEME, ["County lines"] * 2 + ["Online abuse"] * 2)
    return frame


def test_articles_over_time_hatches_inferred_dates() -> None:
    fig = charts.articles_over_time(over_time()).to_dict()
    stated, inferred = fig["data"]
    assert (stated["name"], list(stated["y"])) == ("Date stated", [2, 1])
    assert (inferred["name"], list(inferred["y"])) == ("Date inferred", [1, 0])
    assert inferred["marker"]["pattern"]["shape"] == "/"
    assert not stated["marker"]["pattern"]["shape"]
    assert fig["layout"]["barmode"] == "stack"
    assert fig["layout"]["yaxis"]["dtick"] == 1  # whole articles, never 0.5


def by_theme() -> pd.DataFrame:
    return fold.fold_themes(over_time(True), COLOURS).frame


@pytest.mark.parametrize("freq", periods.NAMES)
def test_articles_over_time_by_theme_bars_span_their_period(freq: str) -> None:
    spec = theme_timeline.articles_over_time_by_theme(
        by_theme(), colours=COLOURS, period=periods.get(freq)
    ).to_dict()
    blocks, _ = spec["layer"]
    encoding = blocks["encoding"]
    assert encoding["x"]["field"] == frames.PERIOD and encoding["x"]["type"] == "temporal"
    assert encoding["x2"]["field"] == "period_end"
    assert encoding["color"]["scale"] == {
        "domain": list(COLOURS),
        "range": list(COLOURS.values()),
    }
    assert spec["params"][0]["name"] == frames.PERIOD  # the selection the page reads
    assert next(t for t in blocks["transform"] if "calculate" in t)["as"] == "period_end"


@pytest.mark.parametrize("freq", periods.NAMES)
def test_theme_timeline_ticks_carry_the_year(freq: str) -> None:
    spec = theme_timeline.articles_over_time_by_theme(
        by_theme(), colours=COLOURS, period=periods.get(freq)
    ).to_dict()
    tick = spec["layer"][0]["encoding"]["x"]["axis"]["format"]
    assert "%Y" in tick


def test_theme_timeline_stripes_inferred_dates_and_says_what_it_counts() -> None:
    spec = theme_timeline.articles_over_time_by_theme(by_theme(), colours=COLOURS).to_dict()
    blocks, stripes = spec["layer"]
    dash = blocks["encoding"]["strokeDash"]
    assert dash["field"] == "date" and dash["scale"]["domain"] == [frames.KNOWN, frames.INFERRED]
    assert "fillOpacity" not in blocks["encoding"]  # no faded colours
    assert stripes["mark"]["fill"]["gradient"] == "linear"  # stripes over inferred blocks only
    assert {"filter": {"field": "date", "equal": frames.INFERRED}} in stripes["transform"] or any(
        "inferred" in str(t.get("filter")) for t in stripes["transform"]
    )
    assert blocks["encoding"]["y"]["title"] == "Articles, counted once per theme"
    legend = blocks["encoding"]["color"]["legend"]
    assert "date inferred" in legend["title"] and legend["labelLimit"] == 0  # whole labels
    # a screen reader hears a sentence per block and human titles, never a column name
    assert blocks["encoding"]["description"]["field"] == "description"
    # the stripes repeat what the blocks say, and with no estimates in view they are an empty
    # layer that axe-core reports as an image without a name: they are not announced
    assert stripes["mark"]["aria"] is False
    for channel in ("x", "y", "color", "strokeDash"):
        title = blocks["encoding"][channel]["title"]
        assert title and "_" not in title and title != blocks["encoding"][channel]["field"]


def test_articles_over_time_by_theme_marks_events() -> None:
    events = pd.DataFrame({"date": [date(2018, 1, 18)], "label": ["Anti-Slavery Day"]})
    spec = theme_timeline.articles_over_time_by_theme(
        by_theme(), colours=COLOURS, events=events
    ).to_dict()
    *_, rules = spec["layer"]
    assert rules["mark"]["type"] == "rule" and rules["mark"]["strokeDash"]
    assert rules["encoding"]["x"]["field"] == "date"


def test_date_intervals_draw_estimates_hollow() -> None:
    data = pd.DataFrame(
        {
            schema.ARTICLE_ID: ["a", "b"],
            schema.TITLE: ["Stated", "Guessed"],
            schema.PUBLISHED: [date(2018, 1, 5), date(2018, 3, 15)],
            schema.PUBLISHED_EARLIEST: [date(2018, 1, 5), date(2018, 3, 1)],
            schema.PUBLISHED_LATEST: [date(2018, 1, 5), date(2018, 3, 31)],
            schema.DATE_BASIS: ["stated", "inferred"],
            schema.DATE_PRECISION: ["day", "month"],
        }
    )
    spans, dots = charts.date_intervals(data).to_dict()["layer"]
    assert spans["mark"]["type"] == "rule"
    assert spans["encoding"]["x"]["field"] == schema.PUBLISHED_EARLIEST
    assert spans["encoding"]["x2"]["field"] == schema.PUBLISHED_LATEST
    fill = dots["encoding"]["fill"]
    assert fill["condition"]["test"] == "(datum['date_basis'] === 'inferred')"
    assert fill["condition"]["value"] == "white"


def test_theme_counts_colour_each_bar_by_its_theme() -> None:
    data = pd.DataFrame(
        {
            frames.THEME: list(COLOURS),
            frames.ARTICLES: [5, 2],
            frames.SHARE: [0.5, 0.2],
            frames.COLOUR: list(COLOURS.values()),
        }
    )
    bar = charts.theme_counts(data).to_dict()["data"][0]
    # largest at the top: Plotly draws the first category at the bottom
    assert list(bar["y"]) == ["Online abuse", "County lines"]
    assert list(bar["marker"]["color"]) == ["#E69F00", "#0072B2"]
    assert list(bar["text"]) == ["2 (20%)", "5 (50%)"]


def test_theme_share_over_time_one_panel_per_theme_in_its_colour() -> None:
    data = over_time(True).assign(**{frames.SHARE: [1.0, 1.0, 0.5, 0.0]})
    fig = charts.theme_share_over_time(data, colours={**COLOURS, "Absent": "#000000"}).to_dict()
    lines = fig["data"]
    assert [(line["name"], line["line"]["color"]) for line in lines] == list(COLOURS.items())
    assert [(line["xaxis"], line["yaxis"]) for line in lines] == [("x", "y"), ("x2", "y2")]
    assert [a["text"] for a in fig["layout"]["annotations"]] == list(COLOURS)  # panel titles
    assert fig["layout"]["yaxis"]["tickformat"] == ".0%"


def test_theme_cooccurrence_is_a_labelled_heatmap() -> None:
    data = pd.DataFrame(
        {
            frames.THEME_A: ["County lines", "County lines", "Online abuse", "Online abuse"],
            frames.THEME_B: ["County lines", "Online abuse", "County lines", "Online abuse"],
            frames.ARTICLES: [4, 1, 1, 2],
        }
    )
    cells, counts = charts.theme_cooccurrence(data, order=list(COLOURS)).to_dict()["layer"]
    assert cells["mark"]["type"] == "rect"
    assert cells["encoding"]["x"]["sort"] == list(COLOURS)
    assert counts["mark"]["type"] == "text"
    assert counts["encoding"]["text"]["field"] == frames.ARTICLES


@pytest.fixture(scope="module")
def twelve_themes(tmp_path_factory):
    # twelve themes, theme i on i + 1 articles spread over a year, so sizes differ
    names = [f"Theme {i:02d}" for i in range(12)]
    rows = [
        fixtures.article(
            f"Article {n}",
            published=date(2018, 1 + n % 12, 1 + n % 28),
            themes=[t for i, t in enumerate(names) if n % (i + 1) == 0],
        )
        for n in range(40)
    ]
    for position, row in enumerate(rows, start=1):
        row[schema.POSITION] = position
    path = tmp_path_factory.mktemp("twelve") / "articles.parquet"
    return serving.load(fixtures.write(path, rows))


@pytest.mark.parametrize("name", chart_gallery.EXAMPLES)
def test_no_chart_shows_more_than_eight_colours(twelve_themes, name):
    assert len(twelve_themes.themes) == 12
    spec = json.dumps(chart_gallery.EXAMPLES[name](twelve_themes).to_dict(), default=str)
    palette = {*twelve_themes.theme_colours.values(), chart_style.OTHER_COLOUR}
    used = {c for c in palette if c.lower() in spec.lower()}
    assert len(used) <= chart_style.MAX_COLOURS, (name, used)
