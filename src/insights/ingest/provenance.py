"""Where and when a listing was seen: its address, its capture date and who published it.

A saved listing says so in its first lines or its metadata:

    # Source: https://web.archive.org/web/20181020123456/https://example.org/news
    # Captured: 2018-10-20 (copied from the archive)
    # Publisher: Example Trust

    <!-- saved from url=(0047)https://web.archive.org/web/20181020123456/… -->
    <!-- Page saved with SingleFile url: https://… saved date: Sat Oct 20 2018 12:34:56 … -->
    <meta property="og:site_name" content="Example Trust">

An archive address carries its own capture time (/web/20181020123456/). No item on a listing
was published after the day it was captured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from insights.ingest.datelines import parse_date

_HEADER = re.compile(r"^#\s*(source|url|captured|publisher)\s*:\s*(.*?)\s*$", re.IGNORECASE)
_ARCHIVE = re.compile(r"/web/(\d{4})(\d{2})(\d{2})\d{0,6}(?:[a-z]{2}_|\*)?/", re.IGNORECASE)
_SAVED_FROM = re.compile(r"saved from url=\(\d+\)(\S+)", re.IGNORECASE)
_SINGLEFILE = re.compile(
    r"Page saved with SingleFile\s+url:\s*(\S+)\s+saved date:\s*([^\n]+?)\s*-->", re.IGNORECASE
)
_CAPTURED_COMMENT = re.compile(r"<!--\s*(source|captured|publisher)\s*:\s*(.*?)\s*-->", re.I)
_MAX_PUBLISHER_CHARS = 120


@dataclass(frozen=True)
class Provenance:
    """What a source says about itself; `captured_from` says what gave the capture date."""

    url: str | None = None
    captured: date | None = None
    captured_from: str | None = None
    publisher: str | None = None

    def merged(self, other: Provenance) -> Provenance:
        """Fields of `other` where this one has none."""
        return Provenance(
            url=self.url or other.url,
            captured=self.captured or other.captured,
            captured_from=self.captured_from if self.captured else other.captured_from,
            publisher=self.publisher or other.publisher,
        )


def archive_date(url: str | None) -> date | None:
    """The capture day in an archive address: '/web/20181020123456/…' -> 2018-10-20."""
    if not url or not (match := _ARCHIVE.search(url)):
        return None
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def _captured_text(value: str) -> date | None:
    return parse_date(value)


_ARCHIVE_PREFIX = re.compile(r"^https?://(?:web\.)?archive\.org/web/[^/]+/", re.IGNORECASE)


def original_address(url: str | None) -> str | None:
    """The page an archive address shows: '…/web/20181020123456/https://e.org/n' -> 'https://e.org/n'."""
    return _ARCHIVE_PREFIX.sub("", url.strip()) if url else None


def with_address(provenance: Provenance, url: str | None) -> Provenance:
    """The provenance with the page's address, and the capture day an archive address gives."""
    return _with_url(provenance, url)


def _with_url(provenance: Provenance, url: str | None) -> Provenance:
    day = archive_date(url)
    if day and not provenance.captured:
        provenance = replace(provenance, captured=day, captured_from=f"archive address {url}")
    return replace(provenance, url=provenance.url or url)


def text_header(lines: list[str]) -> tuple[Provenance, int]:
    """The '# Source:/# Captured:/# Publisher:' lines opening a text listing, and how many."""
    found: dict[str, str] = {}
    count = 0
    for line in lines:
        match = _HEADER.match(line.strip())
        if not match:
            break
        found[match.group(1).lower()] = match.group(2)
        count += 1
    return _from_fields(found), count


def _from_fields(found: dict[str, str]) -> Provenance:
    provenance = Provenance(publisher=(found.get("publisher") or "")[:_MAX_PUBLISHER_CHARS] or None)
    if captured := found.get("captured"):
        day = _captured_text(captured)
        if day:
            provenance = replace(provenance, captured=day, captured_from="the file's capture note")
    return _with_url(provenance, found.get("source") or found.get("url"))


def html_comments(markup: str) -> Provenance:
    """A saved page's own notes: browser 'saved from' marks, SingleFile, capture comments."""
    head = markup[:65536]
    found = {m.group(1).lower(): m.group(2) for m in _CAPTURED_COMMENT.finditer(head)}
    provenance = _from_fields(found)
    if match := _SINGLEFILE.search(head):
        day = _captured_text(match.group(2))
        if day and not provenance.captured:
            provenance = replace(provenance, captured=day, captured_from="the page's saved date")
        provenance = _with_url(provenance, match.group(1))
    if match := _SAVED_FROM.search(head):
        provenance = _with_url(provenance, match.group(1))
    return provenance
