"""Dates a summary states where it opens: a press dateline, a byline, a release label.

    "AUCKLAND, New Zealand, May 31, 2019 (ENS) – New Zealand’s newest …"
    "Written by Web Staff (07/15/2018) The department …"
    "… asylum plans PRESS RELEASE 11 October 2010 For immediate release"

A date named further into running text ("… on 3 June 2015 the charity said") is not the item's.
"""

from __future__ import annotations

import re

from insights.ingest.datelines import (
    MAX_BYLINE_WORDS,
    MAX_DATE_LINE,
    DateMatch,
    find_date,
    may_hold_date,
)

# "AUCKLAND, New Zealand, May 31, 2019 (ENS) – New Zealand’s newest …": a press dateline.
_DATELINE_PLACE = re.compile(r"[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){0,5},\s*$")
_DATELINE_OPENS = re.compile(_DATELINE_PLACE.pattern.removesuffix(r"\s*$"))
_DATELINE_END = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:--|[-–—])\s")


# A label in capitals right before a date: "PRESS RELEASE 11 October 2010", "MEDIA ALERT: 3 June".
_CAPS_LABEL = re.compile(r"\b[A-Z]{2,}(?:\s+[A-Z]{2,}){1,3}:?\s+(?=\d)")


def opening_dateline(summary: str, months_first: bool = False) -> DateMatch | None:
    """The date of a dateline or a byline that opens a summary ("PLACE, date (AGENCY) – …",
    "Written by Jane Smith (07/15/2018) The …"), else None."""
    if not may_hold_date(summary):
        return None
    label = _CAPS_LABEL.search(summary, 0, MAX_DATE_LINE)
    if not (label or _DATELINE_OPENS.match(summary) or _may_open_byline(summary)):
        return None  # most summaries: no place or byline opens them, seen without a date search
    found = find_date(summary[:MAX_DATE_LINE], months_first)
    if found is None or found.day is None:
        return None
    prefix = summary[: found.start]
    if _is_opening_byline(prefix):
        return found
    if label and label.end() == found.start and not any(c in prefix for c in ".!?"):
        return found  # "… asylum plans PRESS RELEASE 11 October 2010 For immediate release"
    if _DATELINE_PLACE.fullmatch(prefix) is None:
        return None
    return found if _DATELINE_END.match(summary, found.end) else None


def _may_open_byline(summary: str) -> bool:
    """A quick look: 'by' is among the first words, where an opening byline has it."""
    words = summary[:MAX_DATE_LINE].split(None, MAX_BYLINE_WORDS)[:MAX_BYLINE_WORDS]
    return any(w.lower() == "by" for w in words)


def _is_opening_byline(prefix: str) -> bool:
    """True for a byline before a date that opens a summary, a name right before the date or
    the date in brackets: 'Written by Jane Smith (', 'Posted at By CHN'; not a clause leading
    into its date ('… first published by the Herald Sun newspaper on')."""
    words = prefix.rstrip(" (").split()
    return (
        0 < len(words) <= MAX_BYLINE_WORDS
        and any(w.lower() == "by" for w in words)
        and not any(c in prefix for c in ".!?")
        and (prefix.rstrip().endswith("(") or words[-1][:1].isupper())
    )
