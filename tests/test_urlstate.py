"""insights.urlstate: a link's parameters → the view, and back, with a notice for each bad value."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from insights import urlstate
from insights.urlstate import View

VOCABULARY = urlstate.Vocabulary(
    themes=("County lines", "Online abuse"),
    entities=("National Crime Agency",),
    bases=("stated", "inferred", "curated"),
    kinds=("count", "percent"),
)

# (query pairs, the view they ask for, the notices)
CASES = [
    ([], View(), []),
    ([("order", "oldest")], View(order="oldest"), []),
    ([("order", "Oldest first")], View(order="oldest"), []),  # the old spelling
    ([("order", "newest")], View(), []),  # the default without a search
    ([("q", "gangs")], View(text="gangs"), []),  # best match is the default with one
    ([("q", "gangs"), ("order", "newest")], View(text="gangs", order="newest"), []),
    ([("per", "week")], View(per="week"), []),
    ([("per", "Week")], View(per="week"), []),
    ([("per", "")], View(), ["Ignored: per '' is not one of week, month, quarter, year."]),
    (
        [("per", "fortnight")],
        View(),
        ["Ignored: per 'fortnight' is not one of week, month, quarter, year."],
    ),
    ([("view", "table")], View(view="table"), []),
    ([("view", "Cards")], View(), []),
    ([("page", "3")], View(page=3), []),
    ([("page", "-1")], View(), ["Ignored: page '-1' is not a number from 1 up."]),
    ([("page", "0")], View(), ["Ignored: page '0' is not a number from 1 up."]),
    ([("slide", "abc")], View(), ["Ignored: slide 'abc' is not a number from 1 up."]),
    ([("slide", "2")], View(slide=2), []),
    (
        [("order", "x")],
        View(),
        ["Ignored: order 'x' is not one of newest, oldest, relevance, title."],
    ),
    (
        [("dates", "2018-01-01"), ("dates", "2018-06-30")],
        View(dates=(date(2018, 1, 1), date(2018, 6, 30))),
        [],
    ),
    ([("dates", "2018-01-01")], View(dates=(date(2018, 1, 1),)), []),
    (
        [("dates", "notadate")],
        View(),
        ["Ignored: dates 'notadate' are not two dates (YYYY-MM-DD)."],
    ),
    (
        [("dates", "2018-06-30"), ("dates", "2018-01-01")],
        View(),
        ["Ignored: dates '2018-06-30 to 2018-01-01' are not a start and an end."],
    ),
    ([("period", "2018-10-01")], View(period=date(2018, 10, 1)), []),
    ([("period", "soon")], View(), ["Ignored: period 'soon' is not a date (YYYY-MM-DD)."]),
    ([("article", "3f2a")], View(article="3f2a"), []),
    (
        [("theme", "County lines"), ("theme", "Gone")],
        View(themes=("County lines",)),
        ["Ignored: theme 'Gone' is not in this dataset."],
    ),
    (
        [("entity", "Nobody")],
        View(),
        ["Ignored: organisation, place or person 'Nobody' is not in this dataset."],
    ),
    ([("basis", "guessed")], View(), ["Ignored: date basis 'guessed' is not in this dataset."]),
    ([("kind", "\x00")], View(), ["Ignored: kind of figure '�' is not in this dataset."]),
    ([("present", "1"), ("utm_source", "mail")], View(), []),  # not the view's business
]


@pytest.mark.parametrize(("query", "view", "notices"), CASES)
def test_parse(query, view, notices) -> None:
    parsed = urlstate.parse(query, VOCABULARY)
    assert parsed == view
    assert list(parsed.notices) == notices


def test_a_long_bad_value_is_cut_in_its_notice() -> None:
    (notice,) = urlstate.parse([("order", "x" * 500)]).notices
    assert len(notice) < 130 and "x" * 58 not in notice and "…" in notice


def test_serialise_leaves_defaults_out_and_keeps_lowercase_values() -> None:
    view = View(themes=("A", "B"), text="gangs", order="oldest", page=2, view="table", per="week")
    assert urlstate.serialise(view) == [
        ("theme", "A"),
        ("theme", "B"),
        ("q", "gangs"),
        ("order", "oldest"),
        ("page", "2"),
        ("view", "table"),
        ("per", "week"),
    ]
    assert urlstate.serialise(View()) == []
    assert urlstate.serialise(View(order="newest")) == []  # newest is the default here


def test_without_a_vocabulary_filter_values_are_kept() -> None:
    assert urlstate.parse([("theme", "Anything")]).themes == ("Anything",)


names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))
views = st.builds(
    View,
    themes=st.lists(names, unique=True, max_size=3).map(tuple),
    text=st.text(max_size=20).filter(lambda t: t == t.strip()),
    dates=st.one_of(
        st.just(()),
        days.map(lambda d: (d,)),
        st.tuples(days, days).map(lambda pair: tuple(sorted(pair))),
    ),
    entities=st.lists(names, unique=True, max_size=2).map(tuple),
    bases=st.lists(st.sampled_from(["stated", "inferred"]), unique=True).map(tuple),
    kinds=st.lists(st.sampled_from(["count", "percent"]), unique=True).map(tuple),
    order=st.one_of(st.none(), st.sampled_from(list(urlstate.ORDERS))),
    page=st.integers(1, 10_000),
    view=st.sampled_from(list(urlstate.VIEWS)),
    article=st.one_of(st.none(), st.from_regex(r"[0-9a-f]{12}", fullmatch=True)),
    per=st.sampled_from(list(urlstate.PERS)),
    period=st.one_of(st.none(), days),
    slide=st.one_of(st.none(), st.integers(1, 50)),
)


def _canonical(view: View) -> View:
    # an order equal to the default for its search is the default
    if view.order == urlstate.default_order(view.text):
        return urlstate.replace(view, order=None)
    return view


@given(views)
def test_a_view_survives_the_url(view: View) -> None:
    parsed = urlstate.parse(urlstate.serialise(view))
    assert parsed == _canonical(view)
    assert parsed.notices == ()
    assert urlstate.serialise(parsed) == urlstate.serialise(view)


@given(st.lists(st.tuples(st.sampled_from(["order", "per", "page", "dates", "view"]), st.text())))
@example([("page", "²")])  # a digit to str.isdigit, not to int()
@example([("page", "٣")])  # an Arabic-Indic three
@example([("page", "9" * 5000)])  # past int()'s 4,300-digit limit
@example([("per", " 25 ")])
def test_any_query_gives_a_view_and_one_line_notices(query) -> None:
    view = urlstate.parse(query, VOCABULARY)
    assert all(notice.isprintable() for notice in view.notices)
    assert urlstate.parse(urlstate.serialise(view), VOCABULARY) == view
