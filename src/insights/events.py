"""Dated events for timeline markers and date clues, read from a small CSV.

    date,label
    --10-18,Anti-Slavery Day        every year on 18 October
    2018-02-06,Safer Internet Day 2018   once

`occurrences` expands the recurring ones over a range of dates.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NamedTuple

# The most event days a chart marks: past this (five yearly days over more than two years) the
# dashed lines outnumber the bars' edges, and the chart says so instead.
MAX_MARKED = 12
DEFAULT_EVENTS = Path(__file__).resolve().parents[2] / "data" / "events.csv"


class EventsError(ValueError):
    """The events file cannot be used; the message is one line naming the problem."""


@dataclass(frozen=True)
class Event:
    """A named day: once (`year` set) or every year on the same month and day."""

    label: str
    month: int
    day: int
    year: int | None = None

    @property
    def recurring(self) -> bool:
        return self.year is None

    def on(self, year: int) -> date | None:
        """The event's date in `year`, or None when it does not fall then (29 Feb, one-offs)."""
        if self.year is not None and self.year != year:
            return None
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None


class Occurrence(NamedTuple):
    date: date
    label: str


def parse_event_date(text: str) -> tuple[int | None, int, int]:
    """ "2018-02-06" -> (2018, 2, 6); "--10-18" -> (None, 10, 18).

    Raises:
        ValueError: when the text is neither form or not a real calendar day.
    """
    text = text.strip()
    if text.startswith("--"):
        month, day = (int(part) for part in text[2:].split("-"))
        date(2000, month, day)  # a leap year, so --02-29 is allowed
        return None, month, day
    day_ = date.fromisoformat(text)
    return day_.year, day_.month, day_.day


def load_events(path: str | Path = DEFAULT_EVENTS) -> list[Event]:
    """Read the events CSV (columns date,label).

    Raises:
        EventsError: one line naming the file, the line and the problem.
    """
    path = Path(path)
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError) as exc:
        raise EventsError(f"cannot read events {path}: {exc}") from exc
    events: list[Event] = []
    for number, row in enumerate(rows, start=2):
        unknown = sorted(k for k in row if k not in ("date", "label"))
        if unknown:
            raise EventsError(f"{path}: unknown column(s) {', '.join(map(str, unknown))}")
        label = (row.get("label") or "").strip()
        if not label:
            raise EventsError(f"{path} line {number}: needs a label")
        try:
            year, month, day = parse_event_date(row.get("date") or "")
        except ValueError as exc:
            raise EventsError(
                f"{path} line {number}: {row.get('date')!r} is not YYYY-MM-DD or --MM-DD"
            ) from exc
        events.append(Event(label, month, day, year))
    return events


def occurrences(events: list[Event], start: date, end: date) -> list[Occurrence]:
    """Every event day from `start` to `end` inclusive, in date order."""
    found = [
        Occurrence(when, event.label)
        for event in events
        for year in range(start.year, end.year + 1)
        if (when := event.on(year)) is not None and start <= when <= end
    ]
    return sorted(found)


def markable(found: list[Occurrence]) -> list[Occurrence]:
    """The occurrences a chart marks: all of them, or none when there are more than
    MAX_MARKED (then its sentence says how many and how to see them)."""
    return found if len(found) <= MAX_MARKED else []
