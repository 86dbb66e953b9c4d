"""What every reader produces: raw items, the items it had to leave out, and the listing's order."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Order = Literal["newest_first", "oldest_first", "unknown"]


@dataclass(frozen=True)
class RawItem:
    """One news item as the source gave it, before enrichment.

    `listed_date` is a date the source states for the item (a date line, a byline, a CSV column);
    `date_line` keeps that line as written so a reader can check it.
    """

    title: str
    summary: str
    source: str
    position: int  # 1-based order in the source as listed, 1 = first on the page
    title_derived: bool = False
    truncated: bool = False
    listed_date: date | None = None
    date_line: str | None = None
    url: str | None = None
    author: str | None = None
    categories: tuple[str, ...] = ()  # a feed's or export's own categories or tags
    publisher: str | None = None  # who published this item, where the source says per item


@dataclass(frozen=True)
class Rejection:
    """An input item (or a whole source) left out of the dataset, with the reason."""

    source: str
    reason: str
    excerpt: str = ""
    position: int | None = None  # None for page furniture (not an item) or a whole source


@dataclass
class Listing:
    """Everything read from one source."""

    source: str
    items: list[RawItem] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    order: Order = "unknown"  # detected from listed dates where the source has them
    format: str = "text"
    publisher: str | None = None  # the site's own name, a CSV column's, or --publisher
    captured: date | None = None  # no item on the listing was published after this day
    captured_from: str | None = None  # what said so: "--captured", "archive address …"
    url: str | None = None  # where the listing itself was seen
    dropped_links: list[Rejection] = field(default_factory=list)  # items kept, links not


class SourceError(Exception):
    """A source that could not be read at all; the message is one line for the user."""
