"""Dates in date lines, bylines and CSV/JSON fields; listing order from those dates."""

from __future__ import annotations

from datetime import date

import pytest

from insights.ingest.datelines import (
    date_line,
    detect_order,
    month_first,
    parse_date,
    short_year_date_line,
    unplaced_date_line,
)
from insights.ingest.openings import opening_dateline

DATE_LINES = [
    ("3 June 2015", date(2015, 6, 3)),
    ("03/06/2015", date(2015, 6, 3)),
    ("3.6.15", date(2015, 6, 3)),
    ("Published: 12/03/2018", date(2018, 3, 12)),
    ("Posted on 3rd June 2015 by Jane Smith", date(2015, 6, 3)),
    ("Jane Smith, Policy Officer. 3 June 2015", date(2015, 6, 3)),
    ("Wednesday, 17th October 2018", date(2018, 10, 17)),
    ("June 3, 2015", date(2015, 6, 3)),
    ("3 Sept 2015 | News", date(2015, 9, 3)),
    ("12/03/2018 14:05", date(2018, 3, 12)),
    ("2018-03-12T09:30:00Z", date(2018, 3, 12)),
    ("UK August 28, 2018", date(2018, 8, 28)),  # a section label before the date
    ("refugee soccer camp Oct 16, 2020", date(2020, 10, 16)),
    # Other languages write day, month, year: Spanish, Portuguese, French, German, Italian, Dutch.
    ("12 de julio de 2019", date(2019, 7, 12)),
    ("3 de março de 2020", date(2020, 3, 3)),
    ("1er mai 2019", date(2019, 5, 1)),
    ("12. Juli 2019", date(2019, 7, 12)),
    ("26 settembre 2018", date(2018, 9, 26)),
    ("5 maart 2021", date(2021, 3, 5)),
]


@pytest.mark.parametrize(("line", "expected"), DATE_LINES)
def test_date_lines(line, expected):
    found = date_line(line)
    assert found is not None and found.day == expected


def test_month_only_line_has_no_day():
    found = date_line("March 2016")
    assert found is not None and found.day is None and found.key == (2016, 3)


NOT_DATE_LINES = [
    "Report launched on 3 June 2015",
    "March 2016 newsletter",
    "Anti-Slavery Day 18 October 2017 marks a turning point for children",
    "31/02/2018",
    "Up to 1,000 children in 2018",
    "A headline with no date",
    "3 June 2015 – Children at risk of trafficking, says a new report",
    "Charity shop opened in 3 June 2015",
    "Four words of label 3 June 2015",
    "Mars 2020 rover",  # another language's month only with its day
    "julio de 2019",
]


@pytest.mark.parametrize("line", NOT_DATE_LINES)
def test_not_date_lines(line):
    assert date_line(line) is None


FIELDS = [
    ("2018-10-18", date(2018, 10, 18)),
    ("2018-10-18 09:30:00", date(2018, 10, 18)),
    ("2018-10-18T23:30:00-05:00", date(2018, 10, 18)),
    ("18/10/2018", date(2018, 10, 18)),
    ("18/10/2018 09:30", date(2018, 10, 18)),
    ("18 Oct 2018", date(2018, 10, 18)),
    ("October 2018", None),
    ("not a date", None),
    ("", None),
]


@pytest.mark.parametrize(("value", "expected"), FIELDS)
def test_field_dates(value, expected):
    assert parse_date(value) == expected


ORDERS = [
    ([(2018, 3, 1), (2018, 2, 1), (2018, 1, 1)], "newest_first"),
    ([(2018, 1, 1), (2018, 2, 1), (2018, 3, 1)], "oldest_first"),
    ([(2018, 1, 1), None, (2018, 2, 1), (2018, 1, 20), (2018, 3), (2018, 4, 1)], "oldest_first"),
    ([(2018, 3), (2018, 3, 5), (2018, 2, 1)], "newest_first"),
    ([(2018, 1, 1), (2018, 3, 1), (2018, 2, 1)], "unknown"),
    ([(2018, 1, 1)], "unknown"),
    ([None, None], "unknown"),
]


@pytest.mark.parametrize(("keys", "order"), ORDERS)
def test_detect_order(keys, order):
    assert detect_order(keys) == order


@pytest.mark.parametrize(
    ("line", "unplaced"),
    [
        ("3 days ago", True),
        ("UK 2 hours ago", True),
        ("Immigration Feb 12", True),
        ("yesterday", True),
        ("Police shut the road 3 days ago", False),
        ("Feb 12, 2021", False),  # a date a calendar can place: date_line reads it
        ("A headline with no date", False),
    ],
)
def test_unplaced_date_lines(line, unplaced):
    assert unplaced_date_line(line) is unplaced


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("02 OCT 24", date(2024, 10, 2)),
        ("3rd May 18", date(2018, 5, 3)),
        ("Thursday, 3 May 18", date(2018, 5, 3)),
        ("12 May 24 people marched", None),  # running text: 24 is no year
        ("Report 3 May 18", None),  # a word that is no weekday before the day
        ("31 FEB 24", None),
        ("Oct 24", None),
    ],
)
def test_short_year_date_lines(line, expected):
    found = short_year_date_line(line)
    assert (found.day if found else None) == expected


@pytest.mark.parametrize(
    ("lines", "months_first"),
    [
        (["9/18/2019 Headline", "9/10/2019 Another"], True),
        (["18/9/2019", "9/10/2019"], False),
        (["9/10/2019", "3/4/2019"], False),  # never tells: day first, as UK listings are
        (["9/18/2019", "18/9/2019"], False),
    ],
)
def test_month_first_pages(lines, months_first):
    assert month_first(lines) is months_first


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        ("AUCKLAND, New Zealand, May 31, 2019 (ENS) – New residents.", date(2019, 5, 31)),
        ("LONDON, 3 June 2015 - The charity said today.", date(2015, 6, 3)),
        ("On 3 June 2015 - the charity said.", None),
        ("The report, 3 June 2015 – says more.", None),
        (
            "Timor-Leste speaks out against asylum plans PRESS RELEASE 11 October 2010 For "
            "immediate release",
            date(2010, 10, 11),
        ),
        ("MEDIA ALERT: 3 June 2015 Campaigners meet", date(2015, 6, 3)),
        ("The NHS said. Its REPORT 3 June 2015 shows more", None),  # a sentence before it
        ("UK AID 2015 grew", None),  # no day
        ("Washington, DC -- On Sunday the agency said.", None),
    ],
)
def test_opening_datelines(summary, expected):
    found = opening_dateline(summary)
    assert (found.day if found else None) == expected
