"""Plain-text listings: every layout people paste from a news page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from insights.ingest import read_source
from insights.ingest.plaintext import FURNITURE, NO_SUMMARY, read_text
from insights.ingest.teasers import derive_title

SEED = Path(__file__).resolve().parents[2] / "data" / "ecpat-uk-news-2017-10_to_2018-10.txt"


def _read(text: str):
    return read_text(text, "listing.txt")


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(i.title, i.summary) for i in _read(text).items]


def test_seed_gives_26_items_exactly_as_written():
    listing = read_source(SEED)
    blocks = SEED.read_text(encoding="utf-8").strip().split("\n\n")
    expected = [
        (title, summary.removesuffix("Read more"))
        for title, summary in zip(blocks[0::2], blocks[1::2], strict=True)
    ]
    assert listing.source == str(SEED)
    assert listing.format == "text"
    assert listing.rejections == []
    assert [(i.title, i.summary) for i in listing.items] == expected
    assert [i.position for i in listing.items] == list(range(1, 27))
    first, last = listing.items[0], listing.items[-1]
    assert first.title == (
        "‘One size doesn’t fit all’: Young victims of trafficking joined 120,535 people "
        "demanding specialist support for trafficked children"
    )
    assert first.summary == (
        "Young victims of trafficking marked Anti-Slavery Day 2018 by delivering a 120,535 "
        "strong petition to the UK Government demanding guaranteed specialist support for "
        "trafficked children."
    )
    assert last.title == "The Secret Gardeners: New film on child trafficking from Vietnam"
    assert last.summary == (
        "Leading children’s charity ECPAT UK will mark today’s Anti-Slavery Day (18th October "
        "2017) with the release of an animated film aimed at tackling the growing issue of "
        "Vietnamese children being trafficked to the UK for cannabis cultivation."
    )
    assert not any(i.truncated or i.title_derived for i in listing.items)
    # "…social servicesRead more" has no full stop: the text stays as written.
    assert any(i.summary.endswith("services") for i in listing.items)


LAYOUTS = [
    (
        "blank line between headline and summary",
        "First headline\n\nFirst summary.Read more\n\nSecond headline\n\nSecond summary.Read more",
        [("First headline", "First summary."), ("Second headline", "Second summary.")],
    ),
    (
        "single newline between headline and summary",
        "First headline\nFirst summary.Read more\nSecond headline\nSecond summary. Read more\n",
        [("First headline", "First summary."), ("Second headline", "Second summary.")],
    ),
    (
        "single newline, blank line between items, no marker",
        "First headline\nFirst summary.\n\nSecond headline\nSecond summary.\n",
        [("First headline", "First summary."), ("Second headline", "Second summary.")],
    ),
    (
        "blank lines everywhere, no marker",
        "First headline\n\nFirst summary.\n\nSecond headline\n\nSecond summary.\n",
        [("First headline", "First summary."), ("Second headline", "Second summary.")],
    ),
    (
        "markers of every kind, glued, spaced and alone",
        "A one\n\nAlpha text.Read more…\n\nB two\n\nBeta text. Read more »\n\n"
        "C three\n\nGamma text.\nKeep reading »\n\nD four\n\nDelta text. VIEW PRESS RELEASE\n\n"
        "E five\n\nEpsilon text.continue reading\n",
        [
            ("A one", "Alpha text."),
            ("B two", "Beta text."),
            ("C three", "Gamma text."),
            ("D four", "Delta text."),
            ("E five", "Epsilon text."),
        ],
    ),
    (
        "hard-wrapped summary lines join with a space",
        "Headline here\n\nA summary that wraps\nonto a second line.Read more\n\n"
        "Next headline\n\nShort one.Read more",
        [
            ("Headline here", "A summary that wraps onto a second line."),
            ("Next headline", "Short one."),
        ],
    ),
    (
        "a headline ending in a full stop, in a listing with markers",
        "Children first.\n\nA summary.Read more\n\nSecond headline\n\nAnother.Read more",
        [("Children first.", "A summary."), ("Second headline", "Another.")],
    ),
    (
        "curly quotes and dashes kept exactly",
        "‘Quoted’ headline – with dash\n\n“Said” the summary’s text.Read more\n\n"
        "Plain headline\n\nPlain.Read more",
        [
            ("‘Quoted’ headline – with dash", "“Said” the summary’s text."),
            ("Plain headline", "Plain."),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in LAYOUTS], ids=[c[0] for c in LAYOUTS]
)
def test_layouts(text, expected):
    assert _pairs(text) == expected


def test_no_headlines_derives_titles_from_the_first_sentence():
    text = (
        "ECPAT UK has been granted core participant status in the inquiry into child sexual "
        "abuse held by the Independent Inquiry. It will give evidence.Read more\n\n"
        "Short first sentence. And more text here.Read more\n"
    )
    items = _read(text).items
    assert [i.title for i in items] == [
        "ECPAT UK has been granted core participant status in the inquiry into child sexual abuse…",
        "Short first sentence",
    ]
    assert all(i.title_derived for i in items)
    assert all(len(i.title) <= 90 for i in items)
    assert items[1].summary == "Short first sentence. And more text here."


def test_paragraphs_separated_by_blank_lines_without_markers_are_items():
    text = "The first item says this.\n\nThe second item says that.\n\nA third one!\n"
    items = _read(text).items
    assert [i.summary for i in items] == [
        "The first item says this.",
        "The second item says that.",
        "A third one!",
    ]
    assert all(i.title_derived for i in items)


def test_page_furniture_around_the_items_is_skipped():
    text = """Skip to main content
Home  About us  What we do  News  Contact
Home > News
News
Latest news from ECPAT UK, the children's rights charity.

First headline

First summary.Read more

Second headline

Second summary.Read more

Page 1 of 12  Next »
Follow us
Facebook | Twitter | Instagram
Privacy policy
© 2018 ECPAT UK. Registered charity number 1104948.
We use cookies to improve your experience. Accept
"""
    listing = _read(text)
    assert [(i.title, i.summary) for i in listing.items] == [
        ("First headline", "First summary."),
        ("Second headline", "Second summary."),
    ]
    # Every line around the items is in the report as furniture, numbered with no item.
    assert {r.reason for r in listing.rejections} == {FURNITURE}
    assert {r.position for r in listing.rejections} == {None}
    assert "Privacy policy" in [r.excerpt for r in listing.rejections]
    assert [i.position for i in listing.items] == [1, 2]


DATED = [
    (
        "date line after the headline",
        "Headline one\n3 June 2015\n\nSummary one.Read more\n\n"
        "Headline two\n1 June 2015\n\nSummary two.Read more",
        [date(2015, 6, 3), date(2015, 6, 1)],
        ["3 June 2015", "1 June 2015"],
    ),
    (
        "date line before the headline",
        "Published: 12/03/2018\nHeadline one\n\nSummary one.Read more\n\n"
        "Published: 02/03/2018\nHeadline two\n\nSummary two.Read more",
        [date(2018, 3, 12), date(2018, 3, 2)],
        ["Published: 12/03/2018", "Published: 02/03/2018"],
    ),
    (
        "byline after the summary",
        "Headline one\n\nSummary one.Read more\nJane Smith, Policy Officer. 3 June 2015\n\n"
        "Headline two\n\nSummary two.Read more\nJohn Brown, Director. 1 May 2015\n",
        [date(2015, 6, 3), date(2015, 5, 1)],
        [
            "Jane Smith, Policy Officer. 3 June 2015",
            "John Brown, Director. 1 May 2015",
        ],
    ),
    (
        "month-only date keeps the line but gives no day",
        "Headline one\nMarch 2016\n\nSummary one.\n\nHeadline two\nFebruary 2016\n\nSummary two.",
        [None, None],
        ["March 2016", "February 2016"],
    ),
    (
        "weekday and ordinal",
        "Headline one\n\nWednesday, 17th October 2018\nSummary one.\n\n"
        "Headline two\n\nTuesday 2nd October 2018\nSummary two.",
        [date(2018, 10, 17), date(2018, 10, 2)],
        ["Wednesday, 17th October 2018", "Tuesday 2nd October 2018"],
    ),
]


@pytest.mark.parametrize(
    ("text", "dates", "lines"), [c[1:] for c in DATED], ids=[c[0] for c in DATED]
)
def test_date_lines_and_bylines(text, dates, lines):
    listing = _read(text)
    assert [i.listed_date for i in listing.items] == dates
    assert [i.date_line for i in listing.items] == lines
    assert [(i.title, i.summary) for i in listing.items] == [
        ("Headline one", "Summary one."),
        ("Headline two", "Summary two."),
    ]
    assert listing.order == "newest_first"


CUT_OFF = [
    ("no marker while others had one", "Last headline\n\nThe last summary stops mid", True),
    ("ends with an ellipsis", "Last headline\n\nThe last summary trails off…", True),
    ("ends with three dots", "Last headline\n\nThe last summary trails off...", True),
    ("a complete last item", "Last headline\n\nThe last summary is whole.Read more", False),
]


@pytest.mark.parametrize(
    ("tail", "truncated"), [c[1:] for c in CUT_OFF], ids=[c[0] for c in CUT_OFF]
)
def test_cut_off_last_item_is_kept_and_flagged(tail, truncated):
    text = "One\n\nFirst summary.Read more\n\nTwo\n\nSecond summary.Read more\n\n" + tail
    items = _read(text).items
    assert len(items) == 3
    assert items[-1].summary == tail.split("\n\n")[1].removesuffix("Read more")
    assert items[-1].truncated is truncated
    assert not items[0].truncated


def test_cut_off_in_a_listing_without_markers():
    items = _read(
        "One\n\nFirst summary.\n\nTwo\n\nSecond summary.\n\nThree\n\nThe third one stops in the"
    ).items
    assert [i.truncated for i in items] == [False, False, True]


ORDERS = [
    ("newest first", ["3 June 2015", "1 June 2015", "1 May 2015"], "newest_first"),
    ("oldest first", ["1 May 2015", "1 June 2015", "3 June 2015"], "oldest_first"),
    (
        "nearly sorted oldest first",
        ["1 May 2015", "2 May 2015", "1 May 2015", "5 May 2015", "6 May 2015", "7 May 2015"],
        "oldest_first",
    ),
    ("mixed", ["1 May 2015", "3 June 2015", "1 April 2015", "5 July 2015"], "unknown"),
    ("one date", ["1 May 2015", "", ""], "unknown"),
]


@pytest.mark.parametrize(("dates", "order"), [c[1:] for c in ORDERS], ids=[c[0] for c in ORDERS])
def test_listing_order_from_dates(dates, order):
    text = "\n\n".join(f"Headline {n}\n{d}\n\nSummary {n}." for n, d in enumerate(dates))
    listing = _read(text)
    assert listing.order == order
    assert [i.title for i in listing.items] == [f"Headline {n}" for n in range(len(dates))]


def test_headline_without_summary_in_the_middle_is_rejected_with_reason():
    text = "One\n\nFirst.Read more\n\nOrphan headline here\n\nTwo\n\nSecond.Read more"
    listing = _read(text)
    assert [i.title for i in listing.items] == ["One", "Two"]
    assert [(r.reason, r.excerpt, r.position) for r in listing.rejections] == [
        (NO_SUMMARY, "Orphan headline here", 2)
    ]
    assert [i.position for i in listing.items] == [1, 3]


def test_unclear_text_after_the_items_is_listed_as_furniture():
    text = (
        "One\n\nFirst.Read more\n\nTwo\n\nSecond.Read more\n\nThree\n\nThird.Read more\n\n"
        "ECPAT UK campaigns for children to be protected from trafficking and exploitation."
    )
    listing = _read(text)
    assert len(listing.items) == 3
    assert [r.reason for r in listing.rejections] == [FURNITURE]


def test_windows_newlines_and_trailing_spaces(tmp_path):
    path = tmp_path / "news.txt"
    path.write_bytes(b"One  \r\n\r\nFirst summary.Read more \r\n\r\nTwo\r\n\r\nSecond.")
    assert [(i.title, i.summary) for i in read_source(path).items] == [
        ("One", "First summary."),
        ("Two", "Second."),
    ]


def test_edge_items_that_start_with_menu_words_are_still_articles():
    text = (
        "Next steps for the inquiry\n\nSearch for missing children widens.Read more\n\n"
        "Contact tracing\n\nContact tracing apps raise concerns.Read more\n\nHome\nAbout us\n"
    )
    assert _pairs(text) == [
        ("Next steps for the inquiry", "Search for missing children widens."),
        ("Contact tracing", "Contact tracing apps raise concerns."),
    ]


def test_dates_after_summaries_with_a_menu_below():
    text = (
        "Headline one\n\nSummary one.\n3 June 2015\n\n"
        "Headline two\n\nSummary two.\n1 June 2015\n\nAbout us\nContact"
    )
    listing = _read(text)
    assert [(i.title, i.listed_date) for i in listing.items] == [
        ("Headline one", date(2015, 6, 3)),
        ("Headline two", date(2015, 6, 1)),
    ]
    assert [(r.reason, r.excerpt) for r in listing.rejections] == [
        (FURNITURE, "About us"),
        (FURNITURE, "Contact"),
    ]


def test_copied_page_with_marker_lines_dates_and_a_pager():
    text = """News

Home > News

‘One size’: Young victims of trafficking
18 Oct 2018
Young victims marked Anti-Slavery Day with a petition…
Read more

Another headline here
16 Oct 2018
Another summary that is complete.
Read more

Third headline?
10 Oct 2018
Third summary without a stop
Read more

1 2 3 … Next ›
"""
    listing = _read(text)
    assert [(i.title, i.summary, i.truncated) for i in listing.items] == [
        (
            "‘One size’: Young victims of trafficking",
            "Young victims marked Anti-Slavery Day with a petition…",
            True,
        ),
        ("Another headline here", "Another summary that is complete.", False),
        ("Third headline?", "Third summary without a stop", False),
    ]
    assert [i.date_line for i in listing.items] == ["18 Oct 2018", "16 Oct 2018", "10 Oct 2018"]
    assert [(r.reason, r.excerpt) for r in listing.rejections] == [
        (FURNITURE, "News"),
        (FURNITURE, "Home > News"),
        (FURNITURE, "1 2 3 … Next ›"),
    ]
    assert listing.order == "newest_first"


def test_paragraph_listing_under_a_page_heading_with_a_cut_off_end():
    text = (
        "Latest news\n\nECPAT UK responds to the report. It says more.\n\n"
        "The government announced reforms today. Children need support.\n\n"
        "A third paragraph that stops"
    )
    listing = _read(text)
    assert [(i.title, i.title_derived, i.truncated) for i in listing.items] == [
        ("ECPAT UK responds to the report", True, False),
        ("The government announced reforms today", True, False),
        ("A third paragraph that stops", True, True),
    ]
    assert [(r.reason, r.excerpt) for r in listing.rejections] == [(FURNITURE, "Latest news")]


# The five layouts issue #9 saw misread, written out in their shapes (not the sites' text).
HEADING_AND_BLURB = """News and views

Read our latest news, comment and campaign updates from across the charity.

Volunteers plant a thousand trees in a weekend

Over two days, 300 volunteers planted a thousand trees across the county's parks.

Annual report shows record demand for advice

Our helpline answered more calls than in any year before, the annual report shows.

New chair of trustees appointed

The board has appointed a new chair, who brings twenty years of experience in housing.
"""

STANDFIRST_BYLINE = """Children in care need stable homes, report finds

A new report calls for an end to frequent placement moves.

Jane Smith, Policy Officer. 3 June 2015

Children who move often do worse at school, the report finds, and it calls for a national plan.

Read more...

Young carers speak out at parliament

Six young carers told MPs what support they need.

John Brown, Campaigns Manager. 1 June 2015

The young carers met MPs from three parties and asked for respite breaks for every young carer.

Read more...

A new helpline opens for parents.

Sam Patel, Director. 28 May 2015

The helpline will be open every day from 8am to 8pm, staffed by trained advisers and volunteers.

Read more...
"""

DATE_LINES_CUT_SUMMARIES = """Council sets out plan for new homes

4 Oct 2018

The council has published a plan for 2,000 new homes over ten years, with a third afford

Park reopens after flood repairs

28 Sep 2018

The riverside park reopened on Saturday after six months of repairs to paths and brid

Library hours extended in the town centre

21 Sep 2018

From next month the central library will open until 8pm on weekdays, the council sai
"""

ORDINAL_DATE_DASH = """Anti-Slavery Day marked with a petition

18th October 2018 – Young people delivered a petition of 120,535 signatures to the government…

Report warns of gaps in support for migrant children

2nd October 2018 - Local authorities lack specialist provision, a new report has found…

Charity joins international day of action

17th September 2018 – Partners from across Europe will join a day of action for children…
"""

DATES_ALT_NO_HEADLINES = """A group of volunteers holding a banner
20 April 2012
Volunteers raised more than £2,000 for the charity's shops this spring.
19 April 2012
More than half of all children living in poverty are missing out on free school meals.
18 April 2012
Several boxes of chocolates on a table
10 April 2012
A local company donated 200 Easter eggs to young people in our projects.
"""


def test_page_heading_with_an_intro_blurb_is_not_an_article():
    listing = _read(HEADING_AND_BLURB)
    assert [i.title for i in listing.items] == [
        "Volunteers plant a thousand trees in a weekend",
        "Annual report shows record demand for advice",
        "New chair of trustees appointed",
    ]
    assert [(r.reason, r.excerpt[:14]) for r in listing.rejections] == [
        (FURNITURE, "News and views"),
        (FURNITURE, "Read our lates"),
    ]


def test_headline_standfirst_byline_summary_marker_is_one_item_each():
    listing = _read(STANDFIRST_BYLINE)
    assert [(i.title, i.title_derived, i.listed_date) for i in listing.items] == [
        ("Children in care need stable homes, report finds", False, date(2015, 6, 3)),
        ("Young carers speak out at parliament", False, date(2015, 6, 1)),
        ("A new helpline opens for parents.", False, date(2015, 5, 28)),
    ]
    assert listing.items[0].summary.startswith("A new report calls for an end")
    assert listing.items[0].summary.endswith("a national plan.")
    assert listing.rejections == []


def test_an_item_whose_headline_is_missing_is_read_once():
    # Most items have a headline and a standfirst; where the headline is missing, the
    # standfirst stands in its place and is read as the title, once.
    extra = (
        "Volunteers plant a thousand trees\n\nThree hundred people came out over a weekend.\n\n"
        "Ann Lee, Volunteer Lead. 20 May 2015\n\nThey planted trees in four parks across the "
        "county, the largest planting the charity has organised.\n\nRead more...\n"
    )
    text = STANDFIRST_BYLINE.replace("Young carers speak out at parliament\n\n", "") + "\n" + extra
    listing = _read(text)
    assert [(i.title, i.listed_date) for i in listing.items] == [
        ("Children in care need stable homes, report finds", date(2015, 6, 3)),
        ("Six young carers told MPs what support they need.", date(2015, 6, 1)),
        ("A new helpline opens for parents.", date(2015, 5, 28)),
        ("Volunteers plant a thousand trees", date(2015, 5, 20)),
    ]
    assert listing.items[1].summary.startswith("The young carers met MPs")
    assert listing.items[3].summary.startswith("Three hundred people came out")
    assert listing.rejections == []


def test_headline_date_line_and_summaries_cut_mid_word():
    listing = _read(DATE_LINES_CUT_SUMMARIES)
    assert [(i.title, i.listed_date) for i in listing.items] == [
        ("Council sets out plan for new homes", date(2018, 10, 4)),
        ("Park reopens after flood repairs", date(2018, 9, 28)),
        ("Library hours extended in the town centre", date(2018, 9, 21)),
    ]
    assert listing.items[1].summary.endswith("paths and brid")
    assert listing.items[2].truncated


def test_ordinal_date_and_dash_before_the_summary():
    listing = _read(ORDINAL_DATE_DASH)
    assert [(i.title, i.listed_date, i.summary[:12]) for i in listing.items] == [
        ("Anti-Slavery Day marked with a petition", date(2018, 10, 18), "Young people"),
        ("Report warns of gaps in support for migrant children", date(2018, 10, 2), "Local author"),
        ("Charity joins international day of action", date(2018, 9, 17), "Partners fro"),
    ]
    assert all(i.truncated for i in listing.items)


def test_dated_summaries_without_headlines_and_image_text_between():
    listing = _read(DATES_ALT_NO_HEADLINES)
    assert [(i.listed_date, i.title_derived, i.summary[:20]) for i in listing.items] == [
        (date(2012, 4, 20), True, "Volunteers raised mo"),
        (date(2012, 4, 19), True, "More than half of al"),
        (date(2012, 4, 10), True, "A local company dona"),
    ]
    reasons = [(r.reason, r.excerpt[:20]) for r in listing.rejections]
    assert ("a date with no text under it", "18 April 2012") in reasons
    assert len(listing.rejections) == 3  # the date alone and both image texts


def test_markup_in_a_text_listing_stays_text(tmp_path):
    path = tmp_path / "copied.txt"
    path.write_text(
        "<b>Bold headline</b> from a CMS\n\n"
        'A summary with <a href="https://example.org/x">a link</a> and <script>alert(1)</script>.'
        "Read more\n\nSecond headline\n\nSecond summary.Read more\n",
        encoding="utf-8",
    )
    listing = read_source(path)
    assert listing.format == "text"
    assert [i.title for i in listing.items] == [
        "<b>Bold headline</b> from a CMS",
        "Second headline",
    ]
    assert "<script>alert(1)</script>" in listing.items[0].summary


def test_summaries_cut_mid_word_without_dates_or_markers_pair_with_their_headlines():
    listing = _read(
        "Park reopens after repairs\n\nThe riverside park reopened on Saturday after six "
        "months of work on its paths and brid\n\nLibrary hours extended\n\nFrom next month "
        "the central library will open until 8pm on weekdays, the council sai\n\n"
        "New homes plan published\n\nThe council has published a plan for 2,000 new homes "
        "over ten years, with a third afford\n"
    )
    assert [(i.title, i.summary[:9]) for i in listing.items] == [
        ("Park reopens after repairs", "The river"),
        ("Library hours extended", "From next"),
        ("New homes plan published", "The counc"),
    ]
    assert listing.items[-1].truncated


def test_a_stop_with_no_word_before_it_ends_no_sentence():
    # Found by tests/reliability/test_readers_property.py: "ſ\t0\x80" in cp1252 reads "?\t0?".
    assert derive_title("?\t0?") == "? 0?"
    assert derive_title("? Then a sentence. More") == "? Then a sentence"
