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
Years alone ("Child trafficking in the UK 2018") are not used. The clues a text gives are
read in date_clues.py; this module weighs them against the listing's order.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

import pandas as pd

from insights import schema
from insights.enrich import CAPTURE_BOUNDS, DATE_LINE, LISTED_DATE, LISTINGS, EnrichContext
from insights.enrich.date_clues import DateClue, default_events, find_date_clues, show
from insights.events import Event

TOLERANCE = timedelta(days=3)  # how far out of order a listing may be


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
