"""Each record read with the template: an item, or its blocks left out with their reasons.

`read` walks every record in source order. Inside the run (`template.run`) a record becomes
an item: its title (the headline the template names, or none, to be derived from the summary),
summary, date and marker; the lines that are not (a page heading above the first headline, a
topic label under a headline, an image caption, a headline with no summary) are entries with
a reason. Outside the run every block is furniture, reported one by one.
"""

from __future__ import annotations

from dataclasses import dataclass

from insights.ingest import teasers
from insights.ingest.blocks import MAX_HEADLINE_CHARS, Block
from insights.ingest.records import Record
from insights.ingest.template import (
    CAPTION,
    DATE_ONLY,
    FURNITURE,
    NO_SUMMARY,
    SHORT_EDGE_WORDS,
    Template,
    run,
)


@dataclass
class Entry:
    """What the template reads in one record: an item, or a block left out with its reason."""

    record: Record
    title: str | None = None  # None: derive it from the summary
    summary: str = ""
    date: Block | None = None
    marker: bool = False
    reason: str | None = None  # set when the record is left out
    item_like: bool = True  # numbered in the listing (an item, or a headline left out)
    excerpt: str = ""


def _left_out(record: Record, blocks: list[Block], reason: str) -> list[Entry]:
    """Each of `blocks` as a line left out of the listing for `reason`, not numbered as an item."""
    return [Entry(record, reason=reason, item_like=False, excerpt=b.text) for b in blocks]


def _reclaim_last_teaser(records: list[Record], template: Template) -> None:
    """In a listing without headlines, the few words the copy stops on ("WASHINGTON — Fresh
    from a trans") start the next teaser, not a headline."""
    if template.bodied and not template.heads and records:
        last = records[-1]
        if last.heads and not last.body and all(b.fragment for b in last.heads):
            last.heads, last.body = [], last.heads


def realign(records: list[Record], template: Template) -> None:
    """Give a headline back to a record that lost it to a caption longer than a paragraph:
    where records open with a headline and close with a marker, a record with none whose
    body holds more lines than the template's is read from its marker up (the summary's
    lines, the headline-shaped line over them, and the caption over that)."""
    if not (template.titled and template.heads and template.marked):
        return
    keep = template.body_lines
    for record in records:
        if not record.marker or len(record.body) <= keep:
            continue
        head = record.body[-keep - 1]
        if record.heads:
            # Under a page heading and its intro, a headline longer than a headline's shape
            # ("'You bitch, you bitch': What … stops her competing"): no sentence's end.
            fits = not head.marker and _long_headline(head.text)
        else:
            fits = head.kind in "HS" and len(head.text) <= MAX_HEADLINE_CHARS
        if fits:
            record.heads, record.body = record.heads + record.body[:-keep], record.body[-keep:]


def _long_headline(text: str) -> bool:
    return len(text) <= 2 * MAX_HEADLINE_CHARS and not teasers.ends_sentence(text)


def read(records: list[Record], template: Template, cut: bool) -> list[Entry]:
    """Every record as an item or a rejection, in source order."""
    _reclaim_last_teaser(records, template)
    realign(records, template)
    first, last = run(records, template, cut)
    entries: list[Entry] = []
    for index, record in enumerate(records):
        inside = first <= index <= last
        if not inside or not (record.heads or record.body or record.dates):
            # Every line of the page around the listing is reported, one by one.
            entries.extend(_left_out(record, record.blocks, FURNITURE))
            continue
        if index == first:
            # Labels over the first item's text are the page's ("Media Releases" over the
            # listing, its words repeated on every card): reported, as a heading there is.
            opens = min(b.line for b in record.heads + record.body + record.dates)
            labels = [b for b in record.others if b.kind == "L" and b.line < opens]
            entries.extend(_left_out(record, labels, FURNITURE))
        entries.extend(_read_one(record, template, at_top=index == first))
    return entries


def _label_under(headline: Block, label: Block) -> bool:
    """True when `label` is a short topic label under a headline at least twice its length."""
    words = len(label.text.split())
    return words <= SHORT_EDGE_WORDS and len(headline.text.split()) >= 2 * words + 2


def _read_one(record: Record, template: Template, at_top: bool) -> list[Entry]:
    entries: list[Entry] = []
    heads = list(record.heads)
    if template.captions:
        entries.extend(_left_out(record, heads, CAPTION))
        heads = []
    keep = max(template.heads, 1)
    if at_top and template.bodied and not template.heads and heads and record.body:
        # Over a listing without headlines, a headline-like line is the page's ("Think Tanks")
        entries.extend(_left_out(record, heads, FURNITURE))
        heads = []
    extra: list[Block] = []
    opens: list[Block] = []  # headline-shaped lines that open the summary
    if record.dates and record.date_at == "inside":
        opened = record.dates[0].line
        above = [h for h in heads if h.line < opened]
        below = [h for h in heads if h.line > opened]
        if template.date_at == "start" or template.under_date or (template.over and below):
            # Dates open these records: lines above the date belong to the page, not the item;
            # where lines over the headline are captions, those above the date are, and the
            # headline stands under it ("© A. Photographer / 6 December 2018 / Headline").
            extra, heads = above, below
        elif above and below and above[-1].line == opened - 1 and below[0].line > opened + 1:
            # "Cotton pickers in Uzbekistan Victories" right over its date, the headline a
            # blank line under it: the line that goes with the date is the image's text.
            entries.extend(_left_out(record, above, CAPTION))
            heads = below
        elif above and below:
            # "Headline / 13th September 2018 / standfirst (or an image's text) / summary…"
            heads, opens = above, below
    if not at_top and len(heads) > keep and _label_under(heads[-2], heads[-1]):
        # "Army Major hopes to … Isle of Wight" / "Armed Forces" / summary: a topic label (over
        # the first item, a page's line is likelier: "… please reach out to …" / "Headline")
        entries.extend(_left_out(record, heads[-1:], CAPTION))
        heads = heads[:-1]
    if len(heads) > keep:
        extra, heads = extra + heads[:-keep], heads[-keep:]
    if extra:
        # Above the first item a page heading; between items a headline with nothing under it,
        # or the tags of the item before.
        tags = at_top or template.under_date
        for head in extra:
            reason = CAPTION if template.over else FURNITURE if tags else NO_SUMMARY
            entries.append(
                Entry(record, reason=reason, item_like=reason == NO_SUMMARY, excerpt=head.text)
            )
    date = record.dates[0] if record.dates else None
    if date is not None and at_top and extra and not template.dated and date.line < extra[0].line:
        # "Saturday , 29 April 2017" over "Latest News" and the intro: the page's date, where
        # the items carry none
        entries.extend(_left_out(record, [date], FURNITURE))
        date = None
    body = " ".join(b.text for b in opens + record.body)
    if len(heads) == 2:
        body = f"{heads[1].text} {body}".strip()  # a standfirst opens the summary
    title = heads[0].text if heads else None
    if title is None and not template.bodied and record.body:
        # In a listing of headlines and dates, a long line is a long headline.
        title, body = body, ""
    if not body and (template.bodied or title is None):
        reason = NO_SUMMARY if title else DATE_ONLY
        excerpt = title or (date.text if date else record.first_text)
        entries.append(Entry(record, date=date, reason=reason, excerpt=excerpt))
        return entries
    entries.append(Entry(record, title=title, summary=body, date=date, marker=record.marker))
    return entries
