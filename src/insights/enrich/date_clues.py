"""Date clues: what an article's own text says about when it was published.

    "… will mark today’s Anti-Slavery Day (18th October 2017) …"  -> on 18 Oct 2017
    "On Wednesday, 17th October 2018, ECPAT UK will join …"      -> on or up to a week before
    "marked Anti-Slavery Day 2018"  (annual days from data/events.csv) -> up to a week after
    "… potential victims during 2017."                            -> after 1 Jan 2018

Years alone ("Child trafficking in the UK 2018") are not clues. dates.py weighs these
clues against the listing's order.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from insights.enrich.sentences import sentences
from insights.events import DEFAULT_EVENTS, Event, load_events
from insights.lexicon import MONTHS, trie_pattern

WINDOW = timedelta(days=7)  # an announcement comes out within a week of its event, a report after

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+"
# Every clue ends in a year, so the text is scanned for years only and each year's left
# context is read with a pattern anchored at its end ("…17th October " + "2018").
YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?!\d|[,.]\d)")
DAY_MONTH_BEFORE = re.compile(
    rf"(?:\bon\s+)?(?:{_WEEKDAY})?(?:the\s+)?\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<m>{_MONTH})\.?,?\s+$",
    re.IGNORECASE,
)
MONTH_DAY_BEFORE = re.compile(
    rf"(?:\bon\s+)?(?:{_WEEKDAY})?\b(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+$",
    re.IGNORECASE,
)
WHOLE_YEAR_BEFORE = re.compile(r"\b(?:during|throughout)\s+(?:the\s+whole\s+of\s+)?$")
TODAY = re.compile(r"\b(?:today|tonight|this\s+morning|this\s+evening)\b", re.IGNORECASE)
FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:set\s+)?to|next|upcoming|tomorrow|ahead\s+of)\b",
    re.IGNORECASE,
)
PREVIOUS_WORD = re.compile(r"\S+\s+$")
CONTEXT = 60  # characters before a year that may hold its day, month or event name


@dataclass(frozen=True)
class DateClue:
    """What one phrase says about when an article was published."""

    earliest: date | None
    latest: date | None
    estimate: date | None  # set for a stated date, None for a bound
    quote: str  # the words as in the text
    meaning: str  # "on 18 Oct 2017", "after 1 Jan 2018"

    @property
    def stated(self) -> bool:
        return self.estimate is not None


def show(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


@functools.lru_cache(maxsize=4)
def _annual_days(
    events: tuple[Event, ...],
) -> tuple[re.Pattern[str] | None, frozenset[str], dict[str, Event]]:
    """A pattern for "Anti-Slavery Day " right before a year, the labels' last words, and
    the events by casefolded label."""
    by_label = {e.label.casefold(): e for e in events if e.recurring}
    if not by_label:
        return None, frozenset(), {}
    pattern = trie_pattern(sorted(by_label)).replace(r"\ ", r"\s+")
    last_words = frozenset(label.split()[-1] for label in by_label)
    return re.compile(rf"\b(?P<label>{pattern})\s+$", re.IGNORECASE), last_words, by_label


@functools.lru_cache(maxsize=1)
def default_events() -> tuple[Event, ...]:
    """The shipped data/events.csv (none when the package runs without its data folder)."""
    return tuple(load_events(DEFAULT_EVENTS)) if DEFAULT_EVENTS.exists() else ()


def _event_clue(sentence: str, start: int, end: int, day: date, what: str) -> DateClue:
    # "today" makes the event's day the publication day; a future tense makes it an
    # announcement (published up to a week before); otherwise a report (up to a week after).
    if sentence[end : end + 1] == ")" and "(" in sentence[max(0, start - 2) : start]:
        end += 1  # "(18th October 2017)"
    lo = start
    if what != "a date":  # take the word before an event's name: "marked Anti-Slavery Day 2018"
        before = PREVIOUS_WORD.search(sentence, max(0, start - CONTEXT), start)
        lo = before.start() if before else start
    today = TODAY.search(sentence)
    future = FUTURE.search(sentence)
    if today:
        lo = min(today.start(), start)
        quote = sentence[lo:end].strip()
        return DateClue(day, day, day, quote, f"published on {show(day)}")
    if future:
        lo, hi = min(future.start(), start), max(future.end(), end)
        after = re.match(r"\s+\w+", sentence[hi:])  # "will join"
        quote = sentence[lo : hi + (after.end() if after else 0)].strip()
        meaning = f"an announcement: published on or up to a week before {show(day)}"
        return DateClue(day - WINDOW, day, day, quote, meaning)
    meaning = f"published on or up to a week after {show(day)}"
    if what != "a date":
        meaning = f"{what} is {day.day} {day:%b}: {meaning}"
    return DateClue(day, day + WINDOW, day, sentence[lo:end].strip(), meaning)


def find_date_clues(text: str, events: Iterable[Event] | None = None) -> list[DateClue]:
    """What the text says about its own publication date, in text order.

    "… will mark today’s Anti-Slavery Day (18th October 2017) …" -> on 18 Oct 2017;
    "… potential victims during 2017." -> after 1 Jan 2018.
    """
    if "19" not in text and "20" not in text:
        return []  # no year, no clue
    if not YEAR.search(text):
        return []
    events = tuple(events) if events is not None else default_events()
    annual, last_words, by_label = _annual_days(events)
    clues: list[DateClue] = []
    for sentence in sentences(text):
        # The word before each year says which reading can apply: "October 2018" (a day and
        # month), "18th, 2018" (month, day), "Day 2018" (a named day), "during 2017".
        years = []
        for y in YEAR.finditer(sentence):
            window = max(0, y.start() - CONTEXT)
            before = sentence[window : y.start()].split()
            years.append((y, window, before[-1].strip(".,").lower() if before else ""))
        dated = False  # an explicit date in the sentence outranks an annual day's name
        for y, window, previous in years:
            if previous in MONTHS:
                m = DAY_MONTH_BEFORE.search(sentence, window, y.start())
            elif previous[:1].isdigit():
                m = MONTH_DAY_BEFORE.search(sentence, window, y.start())
            else:
                continue
            if m is None:
                continue
            try:
                day = date(int(y.group()), MONTHS[m.group("m").lower()], int(m.group("d")))
            except ValueError:
                continue
            dated = True
            clues.append(_event_clue(sentence, m.start(), y.end(), day, "a date"))
        for y, window, previous in years:
            if annual is not None and not dated and previous in last_words:
                m = annual.search(sentence, window, y.start())
                if m is not None:
                    event = by_label[" ".join(m.group("label").split()).casefold()]
                    day = event.on(int(y.group()))
                    if day is not None:
                        clues.append(_event_clue(sentence, m.start(), y.end(), day, event.label))
            if previous in ("during", "throughout", "of"):
                m = WHOLE_YEAR_BEFORE.search(sentence, window, y.start())
                if m is not None:
                    after = date(int(y.group()) + 1, 1, 1)
                    quote = sentence[m.start() : y.end()]
                    clues.append(DateClue(after, None, None, quote, f"after {show(after)}"))
    return clues
