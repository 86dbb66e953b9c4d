"""The URL is the view, after a rebuild and with bad values (#16.1, #16.8, #12), in AppTest."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from streamlit.testing.v1 import AppTest
from test_pages import DASHBOARD, run, text

from insights import schema

import fixtures
from fixtures import dashboard_rows

OVERVIEW, TIMELINE, EXPLORE = (
    "pages/overview_page.py",
    "pages/timeline_page.py",
    "pages/explore_page.py",
)
ALL = len(dashboard_rows())


def shown(at: AppTest) -> str:
    """The page's text as a reader sees it (HTML entities read)."""
    return html.unescape(text(at))


def bar(at: AppTest) -> list[str]:
    """The filters line's buttons as a reader sees them (the labels' Markdown escapes read)."""
    buttons = [b for b in at.button if b.key and b.key.startswith("filterbar_")]
    return [re.sub(r"\\(.)", r"\1", b.label).replace("\u2060", "") for b in buttons]


def _articles(at: AppTest) -> str:
    return next(m.value for m in at.metric if m.label == "Articles")


def test_a_rebuilt_dataset_shows_its_new_full_count_on_every_page(dataset: Path) -> None:
    # An open session on a narrow dataset (Mar–Jun 2018), rebuilt from a bigger listing.
    narrow = [row for row in dashboard_rows() if row["title"].startswith(("Online", "Traff"))]
    fixtures.write(dataset, narrow)
    at = run()
    assert _articles(at) == "2"
    assert not at.sidebar.date_input(key="dates").value  # no date filter is no value
    fixtures.write(dataset, dashboard_rows())
    for page in (TIMELINE, OVERVIEW, EXPLORE, OVERVIEW):
        at.switch_page(page).run()
        assert not at.exception, [e.value for e in at.exception]
    assert _articles(at) == str(ALL)  # undated ones too: the old range is no filter
    assert "Filtered to" not in shown(at)


def test_a_filter_value_the_rebuilt_dataset_lacks_is_named_and_dropped(dataset: Path) -> None:
    at = run(theme=["Online abuse"])
    assert _articles(at) == "1"
    fixtures.write(dataset, [r for r in dashboard_rows() if "Online" not in r["title"]])
    at.switch_page(TIMELINE).run()  # the first page the session opens after the rebuild
    assert not at.exception
    assert "Ignored: theme 'Online abuse' is not in this dataset." in shown(at)
    at.switch_page(OVERVIEW).run()
    assert _articles(at) == str(ALL - 1)
    assert at.sidebar.multiselect(key="theme").value == []


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"theme": "Gone"}, "Ignored: theme 'Gone' is not in this dataset."),
        ({"entity": "Nobody"}, "Ignored: organisation, place or person 'Nobody' is not in"),
        ({"basis": "guessed"}, "Ignored: date basis 'guessed' is not in this dataset."),
    ],
)
def test_a_link_to_values_the_dataset_lacks_says_so(dataset: Path, params, notice) -> None:
    at = run(**params)
    assert notice in shown(at)
    assert _articles(at) == str(ALL)


# page, URL parameters → the notice (each falls back to the default, no exception)
BAD_VALUES = [
    (TIMELINE, {"per": ""}, "Ignored: per '' is not one of week, month, quarter, year."),
    (TIMELINE, {"per": "fortnight"}, "Ignored: per 'fortnight' is not one of"),
    (TIMELINE, {"period": "soon"}, "Ignored: period 'soon' is not a date"),
    (OVERVIEW, {"dates": "notadate"}, "Ignored: dates 'notadate' are not two dates"),
    (EXPLORE, {"page": "-1"}, "Ignored: page '-1' is not a number from 1 up."),
    (EXPLORE, {"order": "x"}, "Ignored: order 'x' is not one of newest, oldest"),
    (EXPLORE, {"view": "grid"}, "Ignored: view 'grid' is not one of cards, table."),
    (OVERVIEW, {"slide": "abc"}, "Ignored: slide 'abc' is not a number from 1 up."),
    ("pages/figures_page.py", {"kind": "\x00"}, "Ignored: kind of figure '�' is not in"),
]


@pytest.mark.parametrize(("page", "params", "notice"), BAD_VALUES)
def test_a_bad_url_value_falls_back_with_a_one_line_notice(dataset, page, params, notice):
    at = AppTest.from_file(str(DASHBOARD / "app.py"), default_timeout=30)
    at.query_params.update(params)  # (run()'s own argument is called page)
    at.run()
    if page != OVERVIEW:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    assert notice in shown(at)


def test_old_and_new_spellings_open_the_same_view(dataset: Path) -> None:
    for order in ("oldest", "Oldest first"):
        at = run(EXPLORE, order=order)
        assert at.selectbox(key="order").value == "oldest"
        assert "Ignored" not in shown(at)
    for per in ("week", "Week"):
        assert run(TIMELINE, per=per).segmented_control(key="per").value == "week"


def test_explore_reads_its_view_from_the_url(dataset: Path) -> None:
    at = run(EXPLORE, view="table", order="title")
    assert at.segmented_control(key="view").value == "table"
    # the results table (the search histogram's data comes first)
    table = next(d.value for d in at.dataframe if "title" in d.value.columns)
    titles = table["title"].tolist()
    assert titles == sorted(titles)
    assert run(EXPLORE, q="county").selectbox(key="order").value == "relevance"


def test_a_changed_sort_goes_into_the_url(dataset: Path) -> None:
    at = run(EXPLORE, q="county")
    at.selectbox(key="order").set_value("oldest").run()
    assert at.query_params.get("order") in ("oldest", ["oldest"])
    at.segmented_control(key="view").set_value("table").run()
    assert at.query_params.get("view") in ("table", ["table"])
    at.selectbox(key="order").set_value("relevance").run()  # the default with a search
    assert "order" not in at.query_params


def test_opening_an_article_keeps_the_view(dataset: Path) -> None:
    at = run(EXPLORE, theme=["County lines"], q="county", order="oldest")
    link = next(p for p in at.get("page_link") if "Details" in p.proto.label)
    params = parse_qsl(link.proto.query_string)
    assert ("theme", "County lines") in params and ("q", "county") in params
    assert ("order", "oldest") in params and any(k == "article" for k, _ in params)
    opened = run(EXPLORE, **_grouped(params))
    assert "Themes" in text(opened)  # the detail, with the list still filtered below it
    close = next(p for p in opened.get("page_link") if p.proto.label == "Close")
    assert "article" not in dict(parse_qsl(close.proto.query_string))
    assert ("order", "oldest") in parse_qsl(close.proto.query_string)


def test_filters_line_names_each_filter_and_removes_it(dataset: Path) -> None:
    at = run(theme=["County lines", "Online abuse"], q="county")
    labels = bar(at)
    assert labels[:3] == ["Theme: County lines", "Theme: Online abuse", "Search: county"]
    assert "Clear all" in labels
    at.button(key="filterbar_1").click().run()
    assert at.sidebar.multiselect(key="theme").value == ["County lines"]
    at.button(key="filterbar_clear").click().run()
    assert at.sidebar.multiselect(key="theme").value == []
    assert at.sidebar.text_input(key="q").value == ""
    assert bar(at) == []


def test_a_publisher_filter_is_named_on_the_line_and_removable(dataset: Path) -> None:
    rows = dashboard_rows()
    for number, row in enumerate(rows):
        row[schema.PUBLISHER] = "Example Trust" if number % 2 else "ECPAT UK"
    fixtures.write(dataset, rows)
    at = run(publisher="Example Trust")
    assert _articles(at) == str(ALL // 2)
    assert bar(at)[:2] == ["Publisher: Example Trust", "Clear all"]
    at.button(key="filterbar_0").click().run()
    assert at.sidebar.multiselect(key="publisher").value == []
    assert _articles(at) == str(ALL) and bar(at) == []


def test_a_what_changed_link_leaves_its_filter_named_on_every_page(dataset: Path) -> None:
    at = run(show_theme="County lines", show_from="2018-01-01", show_to="2018-09-20")
    for page in (EXPLORE, OVERVIEW):
        at.switch_page(page).run()
        labels = bar(at)
        assert "Theme: County lines" in labels
        assert any(label.startswith("Dates: 1 Jan 2018") for label in labels)


def _grouped(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in pairs:
        out.setdefault(key, []).append(value)
    return out


def test_a_changed_period_length_stays_and_goes_into_the_url(dataset: Path) -> None:
    at = run(TIMELINE)
    at.segmented_control(key="per").set_value("week").run()
    assert at.segmented_control(key="per").value == "week"
    assert at.query_params.get("per") in ("week", ["week"])
    at.run()  # another run of the same view keeps it
    assert at.segmented_control(key="per").value == "week"


def test_dates_outside_the_dataset_are_moved_inside_or_named(dataset: Path) -> None:
    at = run(dates=["2010-01-01", "2030-01-01"])
    assert _articles(at) == str(ALL - 1)  # every dated article
    assert "Dates 2010-01-01 to 2030-01-01 moved inside this dataset's range" in shown(at)
    at = run(dates=["2030-01-01", "2031-01-01"])
    assert _articles(at) == str(ALL)
    assert "Ignored: dates '2030-01-01 to 2031-01-01' are outside this dataset" in shown(at)
