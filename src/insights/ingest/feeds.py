"""Feeds and exports: RSS 2.0, RSS 1.0 (RDF), Atom and WordPress exports read by feedparser;
JSON Feed (1.0, 1.1) read from its specification, which feedparser 6.0 does not cover.

Each entry keeps its title, summary (HTML stripped to text), link, author, categories or tags,
and its stated publication date. The feed's own title names the publisher; its last build
date bounds the items' dates (none was published after the feed was written). A WordPress
export (WXR) also holds pages, attachments and drafts: those are reported, not read.
"""

from __future__ import annotations

import calendar
import json
from datetime import UTC, date, datetime
from typing import Any

import feedparser

from insights.ingest import teasers
from insights.ingest.datelines import detect_order, parse_date
from insights.ingest.dom import to_plain_text
from insights.ingest.items import Listing, RawItem, Rejection, SourceError

_MARKS = ("<rss", "<feed", "<rdf:rdf")
_JSON_FEED = "https://jsonfeed.org/version/"
_WXR_POSTS = frozenset({"post"})
_PUBLISHED = frozenset({"publish"})


def looks_like_feed(head: str) -> bool:
    """True for the opening of an RSS, RDF or Atom document."""
    lowered = head[:4096].lower()
    return any(mark in lowered for mark in _MARKS)


def is_json_feed(data: Any) -> bool:
    return isinstance(data, dict) and str(data.get("version", "")).startswith(_JSON_FEED)


def _day(parsed: Any) -> date | None:
    """A feedparser struct_time (UTC) as a date."""
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).date()
    except (OverflowError, ValueError, TypeError):
        return None


def _plain(value: str | None) -> str:
    return to_plain_text(value) if value else ""


def _entry_text(entry: Any) -> str:
    """The summary, or the full content (WordPress content:encoded) when there is none."""
    summary = _plain(entry.get("summary"))
    if summary:
        return summary
    for content in entry.get("content") or ():
        if text := _plain(content.get("value")):
            return text
    return ""


class _Items:
    """Every entry as an item or a rejection, numbered in feed order."""

    def __init__(self, source: str, format_: str) -> None:
        self.listing = Listing(source=source, format=format_)
        self.position = 0

    def reject(self, reason: str, excerpt: str) -> None:
        self.position += 1
        self.listing.rejections.append(
            Rejection(self.listing.source, reason, excerpt[:200], self.position)
        )

    def add(self, title: str, summary: str, stated: tuple[date | None, str | None], **extra):
        title = " ".join(title.split())
        if not summary and not title:
            self.reject(f"feed entry {self.position + 1} has no title or text", "")
            return
        if not summary:
            self.reject("no summary text", title)
            return
        summary, _ = teasers.strip_marker(summary)
        self.position += 1
        day, line = stated
        self.listing.items.append(
            RawItem(
                title=title or teasers.derive_title(summary),
                summary=summary,
                source=self.listing.source,
                position=self.position,
                title_derived=not title,
                truncated=teasers.ends_cut_off(summary),
                listed_date=day,
                date_line=line,
                **extra,
            )
        )

    def finish(self, publisher: str | None, built: date | None, built_from: str) -> Listing:
        listing = self.listing
        if not listing.items:
            raise SourceError(f"no news items found in {listing.source}: the feed has no entries")
        listing.publisher = " ".join(publisher.split()) if publisher else None
        if built:
            listing.captured, listing.captured_from = built, built_from
        listing.order = detect_order(
            (d.year, d.month, d.day) if (d := i.listed_date) else None for i in listing.items
        )
        return listing


def read_feed(text: str, source: str) -> Listing:
    """Read an RSS, RDF, Atom or WordPress export document.

    Raises:
        SourceError: when it is not a feed or holds no entries.
    """
    parsed = feedparser.parse(text)
    if not parsed.get("version") and not parsed.entries:
        reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: "")()
        raise SourceError(f"{source} is not a readable feed{': ' + reason if reason else ''}")
    is_wxr = "wordpress.org/export" in text[:8192]
    items = _Items(source, "wordpress export" if is_wxr else parsed.get("version") or "feed")
    for entry in parsed.entries:
        kind, status = entry.get("wp_post_type"), entry.get("wp_status")
        if is_wxr and kind and kind not in _WXR_POSTS:
            items.reject(f"a WordPress {kind}, not a post", entry.get("title", ""))
            continue
        if is_wxr and status and status not in _PUBLISHED:
            items.reject(f"a {status} post, never published", entry.get("title", ""))
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        line = entry.get("published") or entry.get("updated")
        # The day as the feed wrote it, in the publisher's own time zone, before the UTC one.
        day = (parse_date(line) if line else None) or _day(when)
        items.add(
            _plain(entry.get("title")),
            _entry_text(entry),
            (day, line),
            url=entry.get("link") or None,
            author=entry.get("author") or None,
            categories=_terms(entry.get("tags") or ()),
        )
    feed = parsed.get("feed", {})
    built = _day(feed.get("updated_parsed"))
    return items.finish(_plain(feed.get("title")) or None, built, "the feed's last build date")


def _terms(tags: Any) -> tuple[str, ...]:
    names = (str(t.get("term") or t.get("label") or "").strip() for t in tags)
    return tuple(dict.fromkeys(n for n in names if n))


def read_json_feed(data: dict[str, Any], source: str) -> Listing:
    """Read a JSON Feed (https://jsonfeed.org/version/1.1) already parsed from JSON."""
    items = _Items(source, "json feed")
    entries = data.get("items")
    if not isinstance(entries, list):
        raise SourceError(f"{source} is a JSON Feed without an items list")
    for entry in entries:
        if not isinstance(entry, dict):
            items.reject("a JSON Feed item that is not an object", str(entry))
            continue
        text = _plain(entry.get("summary")) or _plain(entry.get("content_html"))
        text = text or " ".join(str(entry.get("content_text") or "").split())
        stamp = entry.get("date_published") or entry.get("date_modified")
        authors = entry.get("authors") or ([entry["author"]] if entry.get("author") else [])
        names = [a.get("name") for a in authors if isinstance(a, dict) and a.get("name")]
        tags = entry.get("tags") if isinstance(entry.get("tags"), list) else []
        items.add(
            _plain(str(entry.get("title") or "")),
            text,
            (parse_date(str(stamp)) if stamp else None, str(stamp) if stamp else None),
            url=entry.get("url") or entry.get("external_url") or None,
            author=", ".join(names) or None,
            categories=tuple(dict.fromkeys(str(t).strip() for t in tags if str(t).strip())),
        )
    return items.finish(str(data.get("title") or "") or None, None, "")


def load_json_feed(text: str) -> dict[str, Any] | None:
    """The parsed JSON Feed when `text` is one, else None."""
    if _JSON_FEED not in text[:4096]:
        return None
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return None
    return data if is_json_feed(data) else None
