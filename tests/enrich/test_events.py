"""The events calendar: one-off and yearly days, expanded over a range."""

from __future__ import annotations

from datetime import date

import pytest

from insights.events import (
    DEFAULT_EVENTS,
    MAX_MARKED,
    EventsError,
    load_events,
    markable,
    occurrences,
)


def write(tmp_path, text: str):
    path = tmp_path / "events.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_recurring_and_one_off_events_expand_over_a_range(tmp_path):
    events = load_events(
        write(tmp_path, "date,label\n--10-18,Anti-Slavery Day\n2018-02-06,Safer Internet Day\n")
    )
    found = occurrences(events, date(2017, 1, 1), date(2018, 12, 31))
    assert [(o.date, o.label) for o in found] == [
        (date(2017, 10, 18), "Anti-Slavery Day"),
        (date(2018, 2, 6), "Safer Internet Day"),
        (date(2018, 10, 18), "Anti-Slavery Day"),
    ]


def test_29_february_only_in_leap_years(tmp_path):
    events = load_events(write(tmp_path, "date,label\n--02-29,Leap day\n"))
    assert [o.date.year for o in occurrences(events, date(2015, 1, 1), date(2020, 12, 31))] == [
        2016,
        2020,
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("date,label\n18/10/2018,Day\n", "is not YYYY-MM-DD or --MM-DD"),
        ("date,label\n--13-01,Day\n", "is not YYYY-MM-DD or --MM-DD"),
        ("date,label\n--10-18,\n", "needs a label"),
        ("date,label,where\n--10-18,Day,UK\n", "unknown column(s) where"),
    ],
)
def test_bad_rows_fail_with_the_line(tmp_path, text, message):
    with pytest.raises(EventsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_events(write(tmp_path, text))


def test_shipped_events_hold_the_two_trafficking_days():
    labels = {e.label: (e.month, e.day) for e in load_events(DEFAULT_EVENTS) if e.recurring}
    assert labels["Anti-Slavery Day"] == (10, 18)
    assert labels["World Day against Trafficking in Persons"] == (7, 30)


def test_a_chart_marks_a_few_event_days_and_none_of_many():
    shipped = load_events(DEFAULT_EVENTS)
    one_year = occurrences(shipped, date(2017, 10, 1), date(2018, 9, 30))
    assert markable(one_year) == one_year and len(one_year) >= 5
    fourteen = occurrences(shipped, date(2005, 1, 1), date(2018, 12, 31))
    assert len(fourteen) > MAX_MARKED and markable(fourteen) == []
