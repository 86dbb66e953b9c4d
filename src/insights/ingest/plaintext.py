"""Plain-text listings, as copied from a news page: read by the record template.

The shipped listing, one item:

    ‘One size doesn’t fit all’: Young victims … trafficked children      <- headline
                                                                        <- blank line
    Young victims of trafficking marked … trafficked children.Read more <- summary + marker

Every line becomes a block classified by its shape (`ingest.blocks`); the template that
repeats (`ingest.records`) says which blocks are headlines, dates, summaries and furniture.
Markup in a text file stays text: "<b>" is four characters of the summary.
"""

from __future__ import annotations

from insights.ingest import entries, prepass, records, teasers, template
from insights.ingest.blocks import Block, text_blocks
from insights.ingest.datelines import DateMatch, detect_order, month_first
from insights.ingest.items import Listing, RawItem, Rejection, SourceError
from insights.ingest.openings import opening_dateline
from insights.ingest.provenance import text_header

# Rejection reasons, shared by the readers.
FURNITURE = template.FURNITURE
NO_SUMMARY = template.NO_SUMMARY
_OPENING = 120  # where a summary's dateline or byline stands


def _ends_open(text: str) -> bool:
    end = text.rstrip().rstrip(teasers.CLOSERS)
    return bool(end) and end[-1] not in ".!?…"


def listing_from_blocks(blocks: list[Block], source: str, format_: str) -> Listing:
    """Items and rejections from blocks, by the record template the blocks repeat.

    Raises:
        SourceError: when no item can be found.
    """
    if not any(b.kind in "HSPA" for b in blocks):
        raise SourceError(f"no news items found in {source}: expected headlines and summaries")
    prepass.pair_alternating_lines(blocks)
    cut = prepass.open_last_line(blocks)
    found = records.read_records(blocks)
    shape = template.induce(found, records.is_headed(blocks), cut)
    read_entries = entries.read(found, shape, cut)
    items = [e for e in read_entries if e.reason is None]
    marked = sum(e.marker for e in items)
    whole = sum(teasers.ends_sentence(e.summary) for e in items)
    # A site that cuts its teasers at a length stops most of them mid-sentence before the
    # read-more link ("… makes no sense at" / "Continue Reading"); where most end whole, one
    # with no full stop ("… social servicesRead more") was written that way.
    open_marked = sum(e.marker and _ends_open(e.summary) for e in items)
    cuts_teasers = open_marked * 2 > marked

    # Numeric dates opening summaries are month first where one can only be ("(07/15/2018)").
    months_first = month_first(e.summary[:_OPENING] for e in items)
    listing = Listing(source=source, format=format_)
    keys: list[tuple[int, ...] | None] = []  # each item's stated date, for the listing's order
    position = 0
    for entry in read_entries:
        if entry.item_like:
            position += 1
        if entry.reason is not None:
            listing.rejections.append(
                Rejection(
                    source, entry.reason, entry.excerpt[:200], position if entry.item_like else None
                )
            )
            continue
        is_last = entry is items[-1]
        truncated = (
            teasers.ends_cut_off(entry.summary)
            or teasers.stops_mid_sentence(entry.summary)
            or (entry.marker and cuts_teasers and _ends_open(entry.summary))
            or (
                is_last
                and not entry.marker
                and _ends_open(entry.summary)
                and (cut or marked - entry.marker > 0 or whole > len(items) // 2)
            )
            or any(b.fragment for b in entry.record.heads)  # a headline the copy cut
        )
        summary_block = entry.record.body[0] if entry.record.body else None
        stated, stated_line = _stated_date(entry, months_first)
        keys.append(stated.key if stated else None)
        listing.items.append(
            RawItem(
                title=entry.title or teasers.derive_title(entry.summary),
                summary=entry.summary,
                source=source,
                position=position,
                title_derived=entry.title is None,
                truncated=truncated,
                listed_date=stated.day if stated else None,
                date_line=stated_line,
                url=_url(entry.record) if summary_block is not None or entry.record.heads else None,
            )
        )
    if not listing.items:
        raise SourceError(f"no news items found in {source}: only page furniture")
    listing.order = detect_order(keys)
    return listing


def _stated_date(entry: entries.Entry, months_first: bool) -> tuple[DateMatch | None, str | None]:
    """The date the item states and the line that states it: its date line, or else a
    dateline or byline opening its summary ("AUCKLAND, New Zealand, May 31, 2019 (ENS) – …")."""
    if entry.date is not None:
        return entry.date.date, entry.date.text
    found = opening_dateline(entry.summary, months_first)
    return (found, entry.summary[: found.end]) if found else (None, None)


def _url(record: records.Record) -> str | None:
    for block in record.heads + record.body + record.others:
        if block.url:
            return block.url
    return None


def read_text(text: str, source: str) -> Listing:
    """Read a plain-text listing (a '# Source:/# Captured:' header is read as its provenance).

    Raises:
        SourceError: when no item can be found.
    """
    lines = text.split("\n")
    provenance, skip = text_header(lines)
    listing = listing_from_blocks(text_blocks(lines[skip:], skip + 1), source, "text")
    listing.url, listing.publisher = provenance.url, provenance.publisher
    listing.captured, listing.captured_from = provenance.captured, provenance.captured_from
    return listing
