"""Publication dates: a best estimate inside an interval that must hold the true date.

In order of trust:
1. curated   a date staff supplied (context.curated_dates, by article_id or exact title).
2. stated    a date the source gave for the item (its date line or date column), or one the
             text states:
               "today’s Anti-Slavery Day (18th October 2017)"  -> exactly 18 Oct 2017
               "On Wednesday, 17th October 2018, ECPAT UK will join …"  (an announcement)
                   -> published 17 Oct 2018, in [10 Oct, 17 Oct]: on or within a week before
               "marked Anti-Slavery Day 2018"  (a past event; annual days from data/events.csv)
                   -> published 18 Oct 2018, in [18 Oct, 25 Oct]: on or within a week after
3. inferred  everything else: bounded by the items above and below it in each listing that
             carry their own bounds (newest first: an item is no newer than any item above
             it, and no older than any below), widened by TOLERANCE because real listings are
             only nearly sorted, and intersected with text clues such as "during 2017"
             (a whole year's figures: published after 1 Jan 2018). The estimate interpolates
             by position between the nearest dated items.

Precision is the interval's width: day (exact), week (≤ 7 days), month (≤ 31), year (≤ 366),
each allowing the listing tolerance on both ends for the month and the year (a year's listing
read with ±3 days is still "about a year"); unknown when wider, or with no date.
Years alone ("Child trafficking in the UK 2018") are not used.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

import pandas as pd

from insights import schema
from insights.enrich import CAPTURE_BOUNDS, DATE_LINE, LISTED_DATE, LISTINGS, EnrichContext
from insights.enrich.sentences import sentences
from insights.events import DEFAULT_EVENTS, Event, load_events
from insights.lexicon import MONTHS, trie_pattern

TOLERANCE = timedelta(days=3)  # how far out of order a listing may be
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


@dataclass(frozen=True)
class DateEstimate:
    """One article's date columns."""

    published: date | None
    earliest: date | None
    latest: date | None
    basis: str  # one of schema.DATE_BASES
    evidence: str

    @property
    def precision(self) -> str:
        if self.earliest is None or self.latest is None:
            return "unknown"
        width = (self.latest - self.earliest).days
        slack = 2 * TOLERANCE.days
        for name, days in (("day", 0), ("week", 7), ("month", 31 + slack), ("year", 366 + slack)):
            if width <= days:
                return name
        return "unknown"


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


def _own_date(
    row: tuple[Any, ...], curated: dict[str, date], events: tuple[Event, ...]
) -> tuple[DateEstimate | None, list[DateClue]]:
    """The date an article carries by itself (curated, listed or stated), and its text clues.

    `row` is (article_id, title, summary, listed_date, date_line).
    """
    article_id, title, summary, listed, line = row
    for key in (article_id, title):
        if key in curated:
            day = curated[key]
            evidence = f"Curated: {show(day)} (from the dates file)."
            return DateEstimate(day, day, day, "curated", evidence), []
    if listed is not None and not pd.isna(listed):
        if isinstance(listed, datetime):  # a pandas Timestamp from a date column
            listed = listed.date()
        shown = f"“{line.strip()}”" if isinstance(line, str) and line.strip() else show(listed)
        return DateEstimate(listed, listed, listed, "stated", f"Stated by the source: {shown}"), []
    clues = find_date_clues(f"{title}\n{summary}", events)
    stated = [c for c in clues if c.stated]
    if not stated:
        return None, clues
    best = next((c for c in stated if c.earliest == c.latest), stated[0])
    lo, hi = best.earliest, best.latest
    for clue in clues:  # other clues narrow the interval when they agree with it
        new_lo = max(lo, clue.earliest) if clue.earliest and lo else lo
        new_hi = min(hi, clue.latest) if clue.latest and hi else hi
        if new_lo and new_hi and new_lo <= best.estimate <= new_hi:
            lo, hi = new_lo, new_hi
    evidence = f"Stated: “{best.quote}” ({best.meaning})"
    return DateEstimate(best.estimate, lo, hi, "stated", evidence), clues


@dataclass
class _Bound:
    day: date
    position: int
    label: str  # what the bounding item says: "17 Oct 2018", "after 1 Jan 2018"


def _resolve_order(order: str, anchors: list[tuple[int, date]]) -> str:
    # An unknown order is taken as newest first when the dated items agree with it.
    if order != "unknown":
        return order
    days = [d for _, d in sorted(anchors)]
    if all(newer + TOLERANCE >= older for newer, older in itertools.pairwise(days)):
        return "newest_first"
    return "unknown"


def enrich(articles: pd.DataFrame, context: EnrichContext) -> pd.DataFrame:
    events = default_events()
    curated = dict(context.curated_dates)
    columns = [schema.ARTICLE_ID, schema.TITLE, schema.SUMMARY, LISTED_DATE, DATE_LINE]
    rows = zip(
        *(articles[c].tolist() if c in articles else [None] * len(articles) for c in columns),
        strict=True,
    )
    own: list[DateEstimate | None] = []
    clues: list[list[DateClue]] = []
    for row in rows:
        estimate, found = _own_date(row, curated, events)
        own.append(estimate)
        clues.append(found)

    captures = [_captures(b) for b in _column(articles, CAPTURE_BOUNDS)]

    def own_lo(i: int) -> date | None:
        if own[i] is not None:
            return own[i].earliest
        found = [c.earliest for c in clues[i] + captures[i] if c.earliest]
        return max(found, default=None)

    def own_hi(i: int) -> date | None:
        if own[i] is not None:
            return own[i].latest
        found = [c.latest for c in clues[i] + captures[i] if c.latest]
        return min(found, default=None)

    # Each listing: positions in order, newest first.
    listings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    orders: dict[str, str] = {}
    for i, places in enumerate(articles[LISTINGS]):
        for source, position, _size, order in places or ():
            listings[source].append((position, i))
            orders[source] = order
    n = len(own)
    upper: list[_Bound | None] = [None] * n
    lower: list[_Bound | None] = [None] * n
    interpolated: list[date | None] = [None] * n
    first_source = {i: places[0][0] for i, places in enumerate(articles[LISTINGS]) if places}
    for source, entries in listings.items():
        entries.sort()
        anchors = [(p, own[i].published) for p, i in entries if own[i] is not None]
        order = _resolve_order(orders[source], anchors)
        if order == "unknown":
            continue
        if order == "oldest_first":
            entries.reverse()
        _bound_from_above(entries, own_hi, own, upper)
        _bound_from_below(entries, own_lo, own, lower)
        for i, day in _interpolate(entries, own):
            if first_source.get(i) == source:
                interpolated[i] = day

    estimates = []
    for i in range(n):
        estimates.append(
            _final(own[i], clues[i] + captures[i], upper[i], lower[i], interpolated[i])
        )
    return pd.DataFrame(
        {
            schema.PUBLISHED: [e.published for e in estimates],
            schema.PUBLISHED_EARLIEST: [e.earliest for e in estimates],
            schema.PUBLISHED_LATEST: [e.latest for e in estimates],
            schema.DATE_PRECISION: [e.precision for e in estimates],
            schema.DATE_BASIS: [e.basis for e in estimates],
            schema.DATE_EVIDENCE: [e.evidence for e in estimates],
        },
        index=articles.index,
    )


def _column(articles: pd.DataFrame, name: str) -> list[Any]:
    return articles[name].tolist() if name in articles else [None] * len(articles)


def _captures(bounds: Any) -> list[DateClue]:
    """Capture bounds as clues: ("latest", 20 Oct 2018, "captured on …") -> before 20 Oct."""
    if not isinstance(bounds, list | tuple):
        return []
    clues = []
    for kind, day, said in bounds:
        if kind == "latest":
            clues.append(DateClue(None, day, None, said, f"published on or before {show(day)}"))
        else:
            clues.append(DateClue(day, None, None, said, f"published on or after {show(day)}"))
    return clues


Entries = list[tuple[int, int]]  # (position, row) in one listing, newest first
OwnBound = Callable[[int], date | None]


def _bound_from_above(
    entries: Entries, own_hi: OwnBound, own: list[DateEstimate | None], upper: list[_Bound | None]
) -> None:
    # Newest first: an item is no newer than the tightest upper bound of any item above it.
    best: _Bound | None = None
    for position, i in entries:
        if best is not None:
            day = best.day + TOLERANCE
            if upper[i] is None or day < upper[i].day:
                upper[i] = _Bound(day, best.position, best.label)
        hi = own_hi(i)
        if hi is not None and (best is None or hi < best.day):
            best = _Bound(hi, position, show(own[i].published) if own[i] else f"before {show(hi)}")


def _bound_from_below(
    entries: Entries, own_lo: OwnBound, own: list[DateEstimate | None], lower: list[_Bound | None]
) -> None:
    # … and no older than the tightest lower bound of any item below it.
    best: _Bound | None = None
    for position, i in reversed(entries):
        if best is not None:
            day = best.day - TOLERANCE
            if lower[i] is None or day > lower[i].day:
                lower[i] = _Bound(day, best.position, best.label)
        lo = own_lo(i)
        if lo is not None and (best is None or lo > best.day):
            best = _Bound(lo, position, show(own[i].published) if own[i] else f"after {show(lo)}")


def _interpolate(entries: Entries, own: list[DateEstimate | None]) -> Iterator[tuple[int, date]]:
    """(row, date) for undated items between two dated ones, linear by rank in the listing."""
    dated = [(k, own[i].published) for k, (_, i) in enumerate(entries) if own[i] is not None]
    for (k1, newer), (k2, older) in itertools.pairwise(dated):
        for k in range(k1 + 1, k2):
            i = entries[k][1]
            if own[i] is None:
                yield i, newer + (older - newer) * ((k - k1) / (k2 - k1))


def _final(
    own: DateEstimate | None,
    clues: list[DateClue],
    upper: _Bound | None,
    lower: _Bound | None,
    interpolated: date | None,
) -> DateEstimate:
    if own is not None and (own.basis != "stated" or own.earliest == own.latest):
        return own
    if own is not None:  # a stated interval, narrowed by the listing when that agrees
        lo = max(own.earliest, lower.day) if lower else own.earliest
        hi = min(own.latest, upper.day) if upper else own.latest
        lo = max([lo, *(c.earliest for c in clues if c.earliest)])
        hi = min([hi, *(c.latest for c in clues if c.latest)])
        if lo <= own.published <= hi:
            return replace(own, earliest=lo, latest=hi)
        return own

    text_lo = max((c.earliest for c in clues if c.earliest), default=None)
    text_hi = min((c.latest for c in clues if c.latest), default=None)
    lo = max(d for d in (text_lo, lower.day if lower else None) if d) if text_lo or lower else None
    hi = min(d for d in (text_hi, upper.day if upper else None) if d) if text_hi or upper else None
    disorder = ""
    if lo and hi and lo > hi and (text_lo or text_hi):
        # the text and the listing disagree: trust the text
        lo, hi = text_lo or lo, text_hi or hi
        if lo and hi and lo > hi:
            lo, hi = text_lo, None
    elif lo and hi and lo > hi and upper and lower:
        # the dated items around it are out of order: it lies between them either way
        disorder = (
            f"Inferred from listing order: between item {upper.position} ({upper.label}) and "
            f"item {lower.position} ({lower.label}), which are out of order"
        )
        lo, hi = upper.day - 2 * TOLERANCE, lower.day + 2 * TOLERANCE  # each item ± tolerance
        upper = lower = None
    parts = [disorder] if disorder else []
    upper = upper if upper and hi == upper.day else None  # the bounds that held
    lower = lower if lower and lo == lower.day else None
    if upper and lower:
        parts.append(
            f"Inferred from listing order: between item {upper.position} ({upper.label}) "
            f"and item {lower.position} ({lower.label}), ±{TOLERANCE.days} days"
        )
    elif upper or lower:
        side, bound = ("below", upper) if upper else ("above", lower)
        parts.append(
            f"Inferred from listing order: listed {side} item {bound.position} ({bound.label}), "
            f"±{TOLERANCE.days} days"
        )
    for clue in clues:
        quoted = clue.quote if clue.quote.startswith(("captured on", "not on the")) else None
        parts.append(f"{quoted} → {clue.meaning}" if quoted else f"‘{clue.quote}’ → {clue.meaning}")
    if not lo and not hi:
        return DateEstimate(
            None, None, None, "inferred", "No date: the source gives none and nothing bounds it."
        )
    if interpolated and lo and hi:
        published = min(max(interpolated, lo), hi)
    elif lo and hi:
        published = lo + (hi - lo) / 2
    else:
        published = lo or hi
        parts.append("only one bound is known, so the estimate is that bound")
    evidence = parts[0] if parts else "Inferred."
    if len(parts) > 1:
        evidence += "; " + "; ".join(parts[1:])
    if not evidence.startswith("Inferred"):
        evidence = "Inferred from the text: " + evidence
    return DateEstimate(published, lo, hi, "inferred", evidence)
