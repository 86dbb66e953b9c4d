"""Named entities: text in, organisations, places and people out."""

from __future__ import annotations

import pytest

from insights import schema
from insights.enrich import entities
from insights.enrich.entities import find_entities

from enrich_frames import frame

ORG, PLACE, PERSON = "organisation", "place", "person"
CASES = [
    (
        "held by the Independent Inquiry into Child Sexual Abuse (IICSA). IICSA said so.",
        [("Independent Inquiry into Child Sexual Abuse", ORG)],
    ),
    (
        "interviewed by Lynda Gibbs from the Inns of Court College of Advocacy (ICCA). "
        "The ICCA trains barristers.",
        [("Lynda Gibbs", PERSON), ("Inns of Court College of Advocacy", ORG)],
    ),
    ("the latest official statistics from the NCA", [("National Crime Agency", ORG)]),
    ("A new report by the National Crime Agency", [("National Crime Agency", ORG)]),
    ("the UK’s leading travel association, ABTA,", [("United Kingdom", PLACE), ("ABTA", ORG)]),
    ("according to two UN Committees.", [("UN Committees", ORG)]),
    ("The Oxfam scandal exposed", [("Oxfam", ORG)]),
    ("removal to Vietnam and the United Kingdom", [("Vietnam", PLACE), ("United Kingdom", PLACE)]),
    ("Up to 1,000 children may have been abused in Telford", [("Telford", PLACE)]),
    ("British national, Matthew Falder, was jailed. Falder used", [("Matthew Falder", PERSON)]),
    (
        "announce Katherine Mulhern as the new Chair of ECPAT UK. Katherine takes over from "
        "Ian Hanham who stood down.",
        [("Katherine Mulhern", PERSON), ("ECPAT UK", ORG), ("Ian Hanham", PERSON)],
    ),
    ("ECPAT UK’s Head of Training Laura Durán, was", [("ECPAT UK", ORG), ("Laura Durán", PERSON)]),
    ("Group Assistant, Temi Adekoya, has won", [("Temi Adekoya", PERSON)]),
    (
        "says new report by the Anti-Trafficking Monitoring Group - a group",
        [("Anti-Trafficking Monitoring Group", ORG)],
    ),
    ("The survey on the National Referral Mechanism (NRM) found the NRM fails", []),
    ("ECPAT UK (Every Child Protected Against Trafficking) is thrilled", [("ECPAT UK", ORG)]),
    ("the West Yorkshire Police Authority said", [("West Yorkshire Police Authority", ORG)]),
    ("Read more. The Secret Gardeners film. Greater transparency", []),
    (
        "Chloe Setter of the Internet Watch Foundation said: stop.",
        [("Chloe Setter", PERSON), ("Internet Watch Foundation", ORG)],
    ),
    ("Zoë Ahmed of the NSPCC said", [("Zoë Ahmed", PERSON), ("NSPCC", ORG)]),
    ("the Internet Watch Foundation for Safer Internet Day", [("Internet Watch Foundation", ORG)]),
    (
        "the All-Party Parliamentary Group on Human Trafficking for World Day against Trafficking",
        [("All-Party Parliamentary Group on Human Trafficking", ORG)],
    ),
    ("The case was heard at Leeds Crown Court, where", [("Leeds Crown Court", ORG)]),
    ("Calls to the Modern Slavery Helpline, who said", []),
    (
        "the Council of Europe and the Inns of Court College of Advocacy",
        [("Council of Europe", ORG), ("Inns of Court College of Advocacy", ORG)],
    ),
    ("Children are left behind by the Government's agenda", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_entities_are_found_once_with_their_type(text, expected):
    assert [(e.name, e.type) for e in find_entities(text)] == expected


def test_enrich_returns_records_in_schema_names(context):
    out = entities.enrich(frame([("Telford", "Oxfam in Telford.")]), context)
    assert list(out.columns) == [schema.ENTITIES]
    assert out[schema.ENTITIES].iloc[0] == [
        {schema.ENTITY_NAME: "Telford", schema.ENTITY_TYPE: PLACE},
        {schema.ENTITY_NAME: "Oxfam", schema.ENTITY_TYPE: ORG},
    ]
