"""Record shapes the held-out pages showed, each read by structure (small listings written here).

Every case is a kind of input, not a site: a headline printed twice, a standfirst under the
date, a label or caption over the headline, teasers cut mid-sentence, press datelines, numeric
dates written month first, a copy that opens inside its first item.
"""

from __future__ import annotations

from datetime import date

import pytest

from insights.ingest.plaintext import read_text
from insights.ingest.teasers import stops_mid_sentence

LONG = (
    "The trust has welcomed the consultation and asks members to respond before the deadline, "
    "setting out why the sites matter for wildlife and for the people who live near"
)


def _items(text: str) -> list[tuple]:
    return [(i.title, i.listed_date, i.truncated) for i in read_text(text, "l.txt").items]


CASES = [
    (
        "headline printed again under its date is not a label",
        "Plant trees!\n\nPosted on 4th April 2018\n\nPlant trees!\n\n"
        "Gardeners urged to plant trees\n\nThe challenge this year is trees.\n\n"
        "Continue Reading\n\n"
        "Save bees\n\nPosted on 2nd April 2018\n\nBees are in decline this spring.\n\n"
        "Continue Reading\n\nSave frogs\n\nPosted on 1st April 2018\n\n"
        "Frogs need ponds in every garden.\n\nContinue Reading\n",
        [
            ("Plant trees!", date(2018, 4, 4), False),
            ("Save bees", date(2018, 4, 2), False),
            ("Save frogs", date(2018, 4, 1), False),
        ],
    ),
    (
        "standfirst or image text between the date and the summary stays in the item",
        "Put farming first\n\nThursday 28th February, 2013\n\ncow in field\n\n"
        "Farming needs nature.\n\nRead full story\n\n"
        "Promising start\n\nWednesday 27th February, 2013\n\n"
        "Twelve schemes are a year old.\n\nRead full story\n\n"
        "Outdoor adventures\n\nMonday 25th February, 2013\n\nWatch Group\n\n"
        "Young people were recognised.\n\nRead full story\n",
        [
            ("Put farming first", date(2013, 2, 28), False),
            ("Promising start", date(2013, 2, 27), False),
            ("Outdoor adventures", date(2013, 2, 25), False),
        ],
    ),
    (
        "teasers the site cuts mid-sentence before the marker are cut",
        f"First\n\n{LONG}\n\nContinue Reading\n\nSecond\n\n{LONG}\n\nContinue Reading\n\n"
        "Third\n\nA whole sentence here.\n\nContinue Reading\n",
        [("First", None, True), ("Second", None, True), ("Third", None, False)],
    ),
    (
        "one teaser without a full stop where the others end whole is not cut",
        f"First\n\n{LONG}.\n\nRead more\n\nSecond\n\n{LONG}.\n\nRead more\n\n"
        f"Third\n\n{LONG.replace(' near', ' nearby')}\n\nRead more\n",
        [("First", None, False), ("Second", None, False), ("Third", None, False)],
    ),
    (
        "a section label over the headline, a label and date line under the summary",
        "Latest News\n\nSeals Recognized as Residents\n\nSeals have been recognised. […]\n\n"
        "UK 3 days ago\n\nForests\n\nGroups Buy Grazing Rights\n\nThe reserve is secured. […]\n\n"
        "UK August 28, 2018\n\nCompanies Ask Congress For A Price\n\n"
        "Executives met lawmakers today. […]\n\nUK July 2, 2018\n",
        [
            ("Seals Recognized as Residents", None, True),
            ("Groups Buy Grazing Rights", date(2018, 8, 28), True),
            ("Companies Ask Congress For A Price", date(2018, 7, 2), True),
        ],
    ),
    (
        "a press dateline opening the summary states the date",
        "Leopard Seals Recognized as Residents\n\n"
        "AUCKLAND, New Zealand, May 31, 2019 (ENS) – Leopard seals have gone from being classified "
        "as vagrants to recognition as residents of New Zealand this week.\n\n"
        "Groups Buy Grazing Rights on a Reserve\n\n"
        "NEW YORK, New York, May 30, 2019 (ENS) – The largest protected area in the steppe has "
        "been secured by groups that bought the grazing rights on the reserve.\n\n"
        "Companies Ask Congress For A Carbon Price\n\n"
        "The businesses met lawmakers in Washington on Tuesday.\n",
        [
            ("Leopard Seals Recognized as Residents", date(2019, 5, 31), False),
            ("Groups Buy Grazing Rights on a Reserve", date(2019, 5, 30), False),
            ("Companies Ask Congress For A Carbon Price", None, False),
        ],
    ),
    (
        "numeric dates month first where the page shows it, one headline a line",
        "Press Release Archives\n\n9/18/2019 Law Upended by Rescinding Clean Air Authority\n"
        "9/10/2019 Science Group Calls for Full Investigation\n"
        "8/1/2019 The Risk of Nuclear War is Increasing, Group Says\n",
        [
            ("Law Upended by Rescinding Clean Air Authority", date(2019, 9, 18), False),
            ("Science Group Calls for Full Investigation", date(2019, 9, 10), False),
            ("The Risk of Nuclear War is Increasing, Group Says", date(2019, 8, 1), False),
        ],
    ),
    (
        "a copy that stops one word into the last headline of a date-and-headline line",
        "9/18/2019 Law Upended by Rescinding Clean Air Authority\n"
        "9/10/2019 Science Group Calls for Full Investigation\n"
        "8/1/2019 The Risk of Nuclear War is Increasing, Group Says\n"
        "7/16/2019 Northern",
        [
            ("Law Upended by Rescinding Clean Air Authority", date(2019, 9, 18), False),
            ("Science Group Calls for Full Investigation", date(2019, 9, 10), False),
            ("The Risk of Nuclear War is Increasing, Group Says", date(2019, 8, 1), False),
            ("Northern", date(2019, 7, 16), True),
        ],
    ),
    (
        "where a credit stands over each headline, one above the date is a credit too",
        "Jane Photographer\n\nBoard elects a new chair today\n\n"
        "The members elected their new board of directors at the annual meeting.\n\n"
        "John Photographer\n\nFoundations call for relief on investment\n\n"
        "The association calls for liability relief in asset investment for foundations.\n\n"
        "© A. Photographer\n\n6 December 2018\n\nHighlights of the Investing Forum\n\n"
        "The forum asked how foundations can use their assets in Africa.\n",
        [
            ("Board elects a new chair today", None, False),
            ("Foundations call for relief on investment", None, False),
            ("Highlights of the Investing Forum", date(2018, 12, 6), False),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_record_shapes(text, expected):
    assert _items(text) == expected


def test_headline_less_listing_under_a_page_heading_keeps_a_summary_cut_to_a_headline_shape():
    text = (
        "Press Releases\n\nFebruary 13, 2018\n\nWashington -- On Sunday, the Administrator was\n\n"
        "February 13, 2018\n\n\nFebruary 13, 2018\n\nA statement was released late last week.\n\n"
        "February 12, 2018\n\nA coalition filed a suit on Monday against the permit.\n\n"
        "February 12, 2018\n\nToday the Bureau released a proposal to gut a safeguard.\n\n"
        "February 9, 2018\n\nGroups rallied at the State House to urge a just transition.\n"
    )
    listing = read_text(text, "l.txt")
    assert [(i.title_derived, i.summary[:10], i.truncated) for i in listing.items] == [
        (True, "Washington", True),
        (True, "A statemen", False),
        (True, "A coalitio", False),
        (True, "Today the ", False),
        (True, "Groups ral", False),
    ]
    assert ("a date with no text under it", "February 13, 2018") in [
        (r.reason, r.excerpt) for r in listing.rejections
    ]


def test_copy_opening_inside_its_first_item_keeps_it_and_a_featured_teaser_stays_out():
    items = "Second\nIts teaser stops here...\nThird\nAnd this one stops too...\n"
    inside = read_text("The first teaser has lost its headline...\n" + items, "l.txt")
    assert [i.title_derived for i in inside.items] == [True, False, False]
    featured = read_text("A featured teaser...\nLatest news\n" + items, "l.txt")
    assert [i.title for i in featured.items] == ["Second", "Third"]


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("EPA Administrator Scott Pruitt was", True),
        ("the sites matter for wildlife and the", True),
        ("Fortunately,", True),
        ("It is also often a vehicle for human connection, and as", True),
        ("more children than", True),
        ("the Mountain Valley Pipeline", False),
        ("A whole sentence.", False),
        ("", False),
    ],
)
def test_stops_mid_sentence(text, cut):
    assert stops_mid_sentence(text) is cut
