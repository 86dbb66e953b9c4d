"""CSV exports from a CMS, and what CSV and JSON exports share: one row or record per article.

Columns and keys are matched case-insensitively, ignoring spaces, '-' and '_', through aliases:

    "Title" / "headline" / "post_title"          -> title
    "Summary" / "description" / "excerpt" / …   -> summary (HTML inside becomes plain text)
    "date" / "Published At" / "pubDate" / …      -> listed_date (ISO, UK day-first, month names)
    "url" / "link" / "permalink"                 -> url

JSON is a list of objects, an object holding that list under "items", "articles", "data",
"results" (or "posts", "news", "entries", "records"), or JSON Lines. WordPress-style values
such as {"rendered": "<p>…</p>"} are read through their text.
"""

from __future__ import annotations

import csv
import operator
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from insights.ingest import teasers
from insights.ingest.datelines import detect_order, from_timestamp, parse_date
from insights.ingest.dom import to_plain_text
from insights.ingest.items import Listing, RawItem, Rejection, SourceError

ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name", "posttitle", "heading", "subject"),
    "summary": (
        "summary",
        "description",
        "excerpt",
        "teaser",
        "standfirst",
        "abstract",
        "intro",
        "lede",
        "postexcerpt",
        "body",
        "content",
        "text",
        "postcontent",
    ),
    "date": (
        "date",
        "published",
        "pubdate",
        "publishedat",
        "publishdate",
        "publisheddate",
        "datepublished",
        "postdate",
        "created",
        "createdat",
        "datecreated",
        "datetime",
    ),
    "url": ("url", "link", "permalink", "href", "uri"),
    "author": ("author", "byline", "creator", "authorname", "postauthor"),
    "categories": ("categories", "category", "tags", "tag", "topics", "keywords"),
    "publisher": ("publisher", "publishedby", "organisation", "organization", "sitename"),
}
CONTAINER_KEYS = ("items", "articles", "data", "results", "posts", "news", "entries", "records")
_TEXT_KEYS = ("rendered", "value", "text", "html")
_DELIMITERS = (",", "\t", ";", "|")
# Large article bodies in one cell are normal in CMS exports; csv's default limit is 128 KB.
_FIELD_LIMIT = 64 * 1024 * 1024
_SPLIT_TAGS = re.compile(r"\s*[;|,]\s*")
_REREAD_BUDGET = 1_000_000  # lines read again after broken quotes, before quotes go literal


def _normalise(name: str) -> str:
    # "Published At", "published_at", "publishedAt" all become "publishedat"
    return "".join(c for c in name.strip().lstrip("\ufeff").lower() if c.isalnum())


@dataclass(frozen=True)
class Fields:
    """Where each role sits in a row: a column index (CSV) or a key (JSON); None when absent."""

    title: Any = None
    summary: Any = None
    date: Any = None
    url: Any = None
    author: Any = None
    categories: Any = None
    publisher: Any = None

    @property
    def usable(self) -> bool:
        return self.title is not None or self.summary is not None

    def roles(self) -> tuple[Any, ...]:
        return (
            self.title,
            self.summary,
            self.date,
            self.url,
            self.author,
            self.categories,
            self.publisher,
        )

    def indexed(self, header: list[str]) -> Fields:
        """The same fields as column positions in `header`."""
        return Fields(*(None if name is None else header.index(name) for name in self.roles()))


def match_fields(names: Iterable[Any]) -> Fields:
    """Map column names (or keys) to roles by the first alias each role finds."""
    found = {_normalise(str(n)): n for n in reversed(list(names))}
    return Fields(
        **{
            role: next((found[a] for a in aliases if a in found), None)
            for role, aliases in ALIASES.items()
        }
    )


def names_of(names: Iterable[Any]) -> str:
    """Column or key names for a one-line message: 'id, colour, size'."""
    return ", ".join(" ".join(str(n).split()) for n in names if str(n).strip())[:200]


def looks_like_header(line: str) -> bool:
    """True for a first line such as 'title,summary,date' (used to sniff extensionless CSV)."""
    delimiter = max(_DELIMITERS, key=line.count)
    if line.count(delimiter) == 0:
        return False
    fields = match_fields(next(csv.reader([line], delimiter=delimiter)))
    # Two known columns, so that "Headline, with a comma" stays a text line.
    return fields.usable and sum(role is not None for role in fields.roles()) >= 2


def _text(value: Any) -> str:
    """A field as plain text: HTML becomes text; {"rendered": …} and lists are unwrapped."""
    if type(value) is not str:
        if value is None:
            return ""
        if isinstance(value, dict):
            return _text(next((value[k] for k in _TEXT_KEYS if k in value), ""))
        if isinstance(value, list):
            return " ".join(_text(v) for v in value)
        value = str(value)
    if "<" in value or "&" in value:
        value = to_plain_text(value)
    return value.strip()


def _categories(value: Any) -> tuple[str, ...]:
    """["Policy", "News"] from a list, or from "Policy; News" / "Policy|News" / "Policy, News"."""
    if isinstance(value, list):
        names = [_text(v) for v in value]
    else:
        names = _SPLIT_TAGS.split(_text(value))
    return tuple(dict.fromkeys(n.strip() for n in names if n and n.strip()))


def _date(value: Any) -> tuple[date | None, str | None]:
    if value is None or value == "":
        return None, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return from_timestamp(value), str(value)
    raw = _text(value)
    return (parse_date(raw) if raw else None), (raw or None)


class Collector:
    """Builds the listing: every row ends as an item or a rejection, in source order."""

    def __init__(self, source: str, format_: str) -> None:
        self.listing = Listing(source=source, format=format_)
        self.position = 0

    def reject(self, reason: str, excerpt: str = "") -> None:
        self.position += 1
        self.listing.rejections.append(
            Rejection(self.listing.source, reason, excerpt[:200], self.position)
        )

    def add(
        self,
        where: str,
        number: int,
        title: Any,
        summary: Any,
        when: Any,
        url: Any,
        author: Any = None,
        categories: Any = None,
        publisher: Any = None,
    ) -> None:
        """One row or record; `where` and `number` name it in a rejection ('CSV row', 7)."""
        title, summary = _text(title), _text(summary)
        if not title and not summary:
            self.reject(f"{where} {number} has no title or summary")
            return
        if not summary:
            self.reject(f"{where} {number} has no summary text", title)
            return
        written = summary
        summary, _ = teasers.strip_marker(summary)
        if not summary:  # "READ MORE" alone: a link's label, not an item's text
            what = "summary text" if title else "title or summary"
            self.reject(f"{where} {number} has no {what}, only a read-more marker", written)
            return
        listed, line = _date(when)
        self.position += 1
        self.listing.items.append(
            RawItem(
                title=title or teasers.derive_title(summary),
                summary=summary,
                source=self.listing.source,
                position=self.position,
                title_derived=not title,
                truncated=teasers.ends_cut_off(summary),
                listed_date=listed,
                date_line=line,
                url=_text(url) or None,
                author=_text(author) or None,
                categories=_categories(categories),
                publisher=_text(publisher) or None,
            )
        )

    def finish(self) -> Listing:
        listing = self.listing
        if not listing.items:
            first = f" (first: {listing.rejections[0].reason})" if listing.rejections else ""
            raise SourceError(
                f"no usable items in {listing.source}: "
                f"{len(listing.rejections):,} record(s) left out{first}"
            )
        listing.order = detect_order(
            (d.year, d.month, d.day) if (d := item.listed_date) else None for item in listing.items
        )
        return listing


def _lines(text: str) -> Iterator[str]:
    """Lines with their '\\n', one at a time (io.StringIO would hold a 4-byte-per-char copy)."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start : end + 1]
        start = end + 1
    if start < len(text):
        yield text[start:]


class _Lines:
    """The lines of a text for csv.reader, remembering those the current row used, so that a
    row the reader cannot finish can be set aside and the lines after it read again."""

    def __init__(self, text: str) -> None:
        self.source = _lines(text)
        self.again: list[str] = []  # lines to read again, last first
        self.used: list[str] = []

    def __iter__(self) -> Iterator[str]:
        while True:
            line = self.again.pop() if self.again else next(self.source, None)
            if line is None:
                return
            self.used.append(line)
            yield line

    def set_aside_first(self) -> str:
        """The first line of the unfinished row; the rest are read again."""
        first, rest = self.used[0], self.used[1:]
        self.again.extend(reversed(rest))
        self.used = []
        return first


def _rows_of_their_own(used: list[str], fields: Fields, width: int, delimiter: str) -> bool:
    """True when a row that spans lines is rows swallowed by a quote that never closed.

    A quoted cell may hold line breaks; but when every line of it, read with quotes as plain
    characters, is a whole row with a date (or an http address) in its column, the quote
    opened on the first line and a stray quote on a later one closed it:

        Title X,"never closed,2018-01-01
        Title B,Summary B,2018-02-01        three rows, not one cell of three lines
        Title C,Sold 12",2018-03-01
    """
    if fields.date is None and fields.url is None:
        return False  # nothing tells a row from a paragraph that happens to hold commas
    for line in used:
        cells = next(csv.reader([line.rstrip("\r\n")], delimiter=delimiter, quoting=csv.QUOTE_NONE))
        if len(cells) != width:
            return False
        if fields.date is not None:
            if parse_date(cells[fields.date].strip()) is None:
                return False
        elif not cells[fields.url].strip().lower().startswith(("http://", "https://")):
            return False
    return True


def read_csv(text: str, source: str) -> Listing:
    """Read a CSV (or TSV/semicolon) export with a header row.

    A row the CSV rules cannot finish (an unterminated quote would swallow the rows after it)
    is left out with its reason and the rows after it are read on their own.

    Raises:
        SourceError: no header with a title or summary column, or no rows.
    """
    header_line = text.split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=header_line.count)
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    lines = _Lines(text)
    rows = csv.reader(lines, delimiter=delimiter, strict=True)
    try:
        header = next(rows, [])
    except csv.Error as exc:
        raise SourceError(f"{source} has no readable header row: {exc}") from None
    lines.used.clear()
    fields = match_fields(header).indexed(header)
    if not fields.usable:
        names = names_of(header) or "none"
        raise SourceError(f"{source} has no title or summary column (columns found: {names})")
    collect = Collector(source, "csv")
    width = len(header)
    # Absent roles read an empty cell appended at index `width`.
    pick = operator.itemgetter(*(width if i is None else i for i in fields.roles()))
    number = 1  # rows as a spreadsheet numbers them: the header is row 1
    reread = 0
    while True:
        try:
            for row in rows:
                if len(lines.used) > 1 and _rows_of_their_own(lines.used, fields, width, delimiter):
                    raise csv.Error("a quote opened in it closes only on a later row")
                number += 1
                lines.used.clear()
                if len(row) != width:
                    if not "".join(row).strip():
                        continue  # a blank line, not an item
                    row = (row + [""] * width)[:width]
                elif not any(row):
                    continue
                row.append("")
                collect.add("CSV row", number, *pick(row))
            break
        except csv.Error as exc:
            number += 1
            reread += len(lines.used) - 1
            first = lines.set_aside_first()
            collect.reject(f"CSV row {number} is not valid CSV ({exc}): left out", first.strip())
            # Many broken quotes would read the rest of the file again each time: past a
            # budget of lines read again, quotes are read as plain characters.
            literal = reread > _REREAD_BUDGET
            rows = csv.reader(
                lines,
                delimiter=delimiter,
                strict=not literal,
                quoting=csv.QUOTE_NONE if literal else csv.QUOTE_MINIMAL,
            )
    return collect.finish()
