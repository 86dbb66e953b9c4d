"""More record shapes, from the second held-out set (small listings written here, no site's).

Each case is a kind of block or record: a date stamp with a tail of its own, a read-more marker
naming where the story is, a label closing every item, tags over the next item's date, an
image's text glued to the date, a byline with a date opening the summary, a link after a
teaser's ellipsis.
"""

from __future__ import annotations

from datetime import date

import pytest

from insights.ingest.plaintext import read_text

BODY = "The council has agreed a new plan for the children's services it runs across the county."
LONG = f"{BODY} {BODY}"


def _items(text: str) -> list[tuple]:
    return [(i.title, i.listed_date, i.truncated) for i in read_text(text, "l.txt").items]


CASES = [
    (
        "a date stamp with an empty tag list, repeated, is a date line",
        "25 April 2016 in , ,\n\nChildcare first\n\nA summary.\n\nRead more\n\n"
        "24 April 2016 in , ,\n\nTwo anniversaries\n\nAnother summary.\n\nRead more\n",
        [
            ("Childcare first", date(2016, 4, 25), False),
            ("Two anniversaries", date(2016, 4, 24), False),
        ],
    ),
    (
        "a marker naming the outlet is not a headline",
        "Services fail children\n\nA report suggests today.\n\n"
        "Read more on this story in The Guardian\n\n"
        "Asylum system hampered\n\nAn official warned.\n\nRead more on this story in The Times\n",
        [("Services fail children", None, False), ("Asylum system hampered", None, False)],
    ),
    (
        "a label after every summary closes its item",
        "July Updates\n\nNews from the field.\n\nRead Post\n\nMay Updates\n\nMore news.\n\n"
        "Read Post\n\n“He will never do it again.”\n\n"
        "Perpetrators have hurt children now in our care.\n",
        [
            ("July Updates", None, False),
            ("May Updates", None, False),
            ("“He will never do it again.”", None, False),
        ],
    ),
    (
        "tags over the next date belong to the item before; the headline is under the date",
        f"Press Releases\n\n24 July 2014\n\nExecution botched\n\n{BODY}\n\nRegion Americas\n"
        f"Country USA\n24 July 2014\n\nIreland must amend laws\n\n{BODY}\n\n"
        f"Region Europe\nCountry Ireland\n23 July 2014\n\nPoland complicit\n\n{BODY}\n\n"
        f"Region Europe\nCountry Poland\n22 July 2014\n\nMexico must drop charges\n\n{BODY}\n",
        [
            ("Execution botched", date(2014, 7, 24), False),
            ("Ireland must amend laws", date(2014, 7, 24), False),
            ("Poland complicit", date(2014, 7, 23), False),
            ("Mexico must drop charges", date(2014, 7, 22), False),
        ],
    ),
    (
        "an image's text glued to the date is not the headline",
        "Cotton pickers Victories\nThursday March 10, 2022\n\nForced labour ends in cotton\n\n"
        f"{BODY}\n\nRead more\nOlympic torch Forced Labor\nFriday January 28, 2022\n\n"
        f"Neutrality in the face of injustice\n\n{BODY}\n\nRead more\n",
        [
            ("Forced labour ends in cotton", date(2022, 3, 10), False),
            ("Neutrality in the face of injustice", date(2022, 1, 28), False),
        ],
    ),
    (
        "a byline with a bracketed date opening the summary states the date, month first",
        "Operation Broken Heart\n\nWritten by Web Staff (07/15/2018) The department went after "
        "offenders.\n\nLittle Red Film\n\nWritten by Web Staff (07/01/2018) The film is for "
        "children.\n",
        [
            ("Operation Broken Heart", date(2018, 7, 15), False),
            ("Little Red Film", date(2018, 7, 1), False),
        ],
    ),
    (
        "a link word after a teaser's ellipsis marks it cut",
        f"Say no to funding\n\n{LONG} Our country … Continued\n\n"
        f"Nutrition programs matter\n\n{LONG} One strategy is … Continued\n",
        [("Say no to funding", None, True), ("Nutrition programs matter", None, True)],
    ),
    (
        "a list marker opens each item: the page's opening above the list is not one",
        "Newsroom\nA. Photographer\n\nThe latest news from the sector.\n\n"
        f"  • 26.09.2018\n\n    Next Philanthropy\n\n    {BODY}\n\n"
        f"  • Jane Doe\n\n    Board changes\n\n    {BODY}\n\n"
        f"  • John Roe\n\n    Foundations on the move\n\n    {BODY}\n\n"
        f"  • Jane Doe\n\n    A prize for a founder\n\n    {BODY}\n",
        [
            ("Next Philanthropy", date(2018, 9, 26), False),
            ("Board changes", None, False),
            ("Foundations on the move", None, False),
            ("A prize for a founder", None, False),
        ],
    ),
    (
        "a caption longer than a paragraph leaves the headline under it a headline",
        'Tents on the street News\nCouncil clears the camp\n"We were given an hour."\nRead more\n'
        'Families at the door Views\nShelters full again\n"No bed was free."\nRead more\n'
        'A volunteer at work News\nA winter of waiting\n"It was cold."\nRead more\n'
        "A photograph of the street where the families lived, taken in the winter before the "
        "council cleared it, with the tents in front of the old market hall. (Photo: A. Person) "
        "Views\n"
        "The Mad Corruptions of the Housing Market.\nWe have a market that is out of its mind\n"
        "Read more\n",
        [
            ("Council clears the camp", None, False),
            ("Shelters full again", None, False),
            ("A winter of waiting", None, False),
            ("The Mad Corruptions of the Housing Market.", None, False),
        ],
    ),
    (
        "a day, a capitalised month and a two-digit year on a line of its own is a date line",
        "Latest news\n\n    • 02 OCT 24\n    Fees and deadlines\n\n    Fees and deadlines\n\n"
        f"    {BODY}\n\n    Read more\n    • 12 SEP 24\n    Sixty days of protest\n\n"
        f"    Sixty days of protest\n\n    {BODY}\n\n    Read more\n    • 20 AUG 24\n"
        f"    Protests build\n\n    Protests build\n\n    {BODY}\n\n    Read more\n",
        [
            ("Fees and deadlines", date(2024, 10, 2), False),
            ("Sixty days of protest", date(2024, 9, 12), False),
            ("Protests build", date(2024, 8, 20), False),
        ],
    ),
    (
        "where every headline is printed twice, the copy's last summary cut short is no headline",
        f"• 02 OCT 24\nFees and deadlines\n\nFees and deadlines\n\n{BODY}\n\nRead more\n"
        f"• 12 SEP 24\nSixty days of protest\n\nSixty days of protest\n\n{BODY}\n\n"
        "Read more\n• 19 AUG 24\nA petition to MPs\n\nA petition to MPs\n\n"
        "MEDIA RELEASE: An 11,000 strong peti",
        [
            ("Fees and deadlines", date(2024, 10, 2), False),
            ("Sixty days of protest", date(2024, 9, 12), False),
            ("A petition to MPs", date(2024, 8, 19), True),
        ],
    ),
    (
        "a short topic label between a headline and its summary is not the title",
        f"Walking is not enough\n\n\nBy A. Writer in The Paper. {BODY}\n\n"
        f"Watchdogs criticise the refusal to act on reports\n\n\nBy B. Writer. {BODY}\n\n"
        f"Army major hopes to become the fastest to sail around the island\n\nArmed Forces\n\n"
        f"By C. Writer. {BODY}\n\nShortage of wheelchairs traps people at home\n\n\n"
        f"By D. Writer. {BODY}\n",
        [
            ("Walking is not enough", None, False),
            ("Watchdogs criticise the refusal to act on reports", None, False),
            ("Army major hopes to become the fastest to sail around the island", None, False),
            ("Shortage of wheelchairs traps people at home", None, False),
        ],
    ),
    (
        "a headline printed again under a topic label is the same headline, not a standfirst",
        "Media Releases\n\nGroups urge the court to uphold water protections\n\nClean water\n\n"
        f"Groups urge the court to uphold water protections\n\n{BODY}\n\nMedia Releases\n\n"
        "Parks to phase out single-use plastic products\n\nBeyond plastic\n\n"
        f"Parks to phase out single-use plastic products\n\n{BODY}\n\nMedia Releases\n\n"
        "A clean water associate is named a green leader\n\nClean water\n\n"
        f"A clean water associate is named a green leader\n\n{BODY}\n",
        [
            ("Groups urge the court to uphold water protections", None, False),
            ("Parks to phase out single-use plastic products", None, False),
            ("A clean water associate is named a green leader", None, False),
        ],
    ),
    (
        "under the page's date, heading and intro, a headline longer than a headline's shape",
        "Saturday , 29 April 2017\nLatest News\n\n\nKeep up to date with the latest news.\n\n"
        "‘You said it, you said it’: What the skier allegedly shouted at the official as she quit "
        "the national team after the wrong type of boot stopped her from competing at the games\n\n"
        f"{BODY} Read More »\n\nRally team takes on the desert\n\n{BODY} Read More »\n\n"
        f"What the cuts mean for us\n\n{BODY} Read More »\n\nA swimmer meets her parents\n\n"
        f"{BODY} Read More »\n",
        [
            (
                "‘You said it, you said it’: What the skier allegedly shouted at the official as "
                "she quit the national team after the wrong type of boot stopped her from "
                "competing at the games",
                None,
                False,
            ),
            ("Rally team takes on the desert", None, False),
            ("What the cuts mean for us", None, False),
            ("A swimmer meets her parents", None, False),
        ],
    ),
    (
        "a headline the site cut with an ellipsis, between two summaries, opens its item",
        f"Statement on the protest\n\n{LONG} The ...\n\n"
        "No turn-backs: an appeal to delegates of the national conference of...\n\n"
        f"{LONG} Its ...\n\n"
        f"Help end offshore processing\n\n{LONG} We ...\n",
        [
            ("Statement on the protest", None, True),
            ("No turn-backs: an appeal to delegates of the national conference of...", None, True),
            ("Help end offshore processing", None, True),
        ],
    ),
    (
        "closing panels under the listing, shaped as items but smaller, are the page's",
        "Latest News for Parents\n"
        f"Housing agency fails to mention accessible homes in its new strategy\n{BODY}\n"
        f"Patients die waiting for home adaptations, campaigners say\n{BODY}\n"
        f"A review on youth employment is launched and families are urged to speak\n{BODY}\n"
        f"The first wheelchair-using astronaut touches down after a ride to space\n{BODY}\n"
        "Make an Enquiry\nPlease get in touch.\nHow Did We Do?\nTell us what you need.\n",
        [
            ("Housing agency fails to mention accessible homes in its new strategy", None, False),
            ("Patients die waiting for home adaptations, campaigners say", None, False),
            (
                "A review on youth employment is launched and families are urged to speak",
                None,
                False,
            ),
            (
                "The first wheelchair-using astronaut touches down after a ride to space",
                None,
                False,
            ),
        ],
    ),
    (
        "a date, a dash and a short headline on one line, where longer ones split, is a headline",
        "News Archives 2011\n\nSeptember 26, 2011 - VOTE, VOTE, VOTE for us!\n\n"
        "We have been nominated for the community awards of the year and voting opens today on "
        f"line at\n\n{LONG}\n\nAugust 23, 2011 - A new report on the exploitation of children\n\n"
        f"{LONG}\n\nAugust 2, 2011 - Abuse of Trust on TV\n\n{LONG}\n",
        [
            ("VOTE, VOTE, VOTE for us!", date(2011, 9, 26), False),
            ("A new report on the exploitation of children", date(2011, 8, 23), False),
            ("Abuse of Trust on TV", date(2011, 8, 2), False),
        ],
    ),
    (
        "an image's label with a long id between headline and summary; a summary with no stop",
        "Latest news on refugees\n\nMy brother crossed a desert for a better life\n\n"
        f"thumbnail for post ID 8209035\n\n{BODY}\n\nThe fifteen are defenders of rights\n\n"
        f"thumbnail for post ID 8227450\n\n{BODY}\n\nCouncil finds adults posing as children\n\n"
        "thumbnail for post ID 8222541\n\nOut of 39 whose age was in doubt, 24 were adults\n\n"
        "Refugees face homelessness in the UK\n\nthumbnail for post ID 8212074\n\n"
        f"{BODY}\n",
        [
            ("My brother crossed a desert for a better life", None, False),
            ("The fifteen are defenders of rights", None, False),
            ("Council finds adults posing as children", None, False),
            ("Refugees face homelessness in the UK", None, False),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_more_record_shapes(text, expected):
    assert _items(text) == expected


def test_a_label_over_the_first_item_is_reported_as_the_pages():
    # "Media Releases" heads the page and closes every card: a label, and over the first item
    # it is the page's heading, in the build report.
    text = CASES[
        [c[0] for c in CASES].index(
            "a headline printed again under a topic label is the same headline, not a standfirst"
        )
    ][1]
    listing = read_text(text, "l.txt")
    assert ("page furniture, not an article", "Media Releases") in [
        (r.reason, r.excerpt) for r in listing.rejections
    ]


def test_over_teasers_without_headlines_a_heading_is_the_pages_and_the_last_words_a_teaser():
    text = (
        "Think Tanks\n\n"
        f"WASHINGTON — {LONG} The historian ... Read More\n\n"
        f"WASHINGTON — {LONG} The nations ... Read More\n\n"
        f"WASHINGTON — {LONG} Analysts ... Read More\n\n"
        "WASHINGTON — Fresh from a trans"
    )
    listing = read_text(text, "l.txt")
    assert [(i.summary[:24], i.title_derived, i.truncated) for i in listing.items] == [
        ("WASHINGTON — The council", True, True),
        ("WASHINGTON — The council", True, True),
        ("WASHINGTON — The council", True, True),
        ("WASHINGTON — Fresh from ", True, True),
    ]
    assert "Think Tanks" in [r.excerpt for r in listing.rejections]
