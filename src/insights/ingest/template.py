"""The record template: what most records hold, and the run of records that fit it.

The template is what most records hold: how many headline-like blocks open a record (one, or
a headline and a standfirst), whether records carry a date, a marker, a body, and where the
date sits. The run is the records from the first to the last that fit the template; what lies
outside it is page furniture (intro blurbs, headings, menus, footers, pagers), and so are extra
headline-like blocks above the first item (a page heading over the first headline) and closing
panels under the last. Each record is read with the template in `ingest.entries`.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from insights.ingest import teasers
from insights.ingest.blocks import MIN_LISTED, Block
from insights.ingest.records import Record

FURNITURE = "page furniture, not an article"
NO_SUMMARY = "no summary text"
DATE_ONLY = "a date with no text under it"
CAPTION = "an image caption or label, not a headline"

_MOST = 2 / 3
SHORT_EDGE_WORDS = 3
_MAX_HEADINGS = 3
_HEADING_LINES = 2  # a heading and a menu, or a filter's labels, over the listing
_MIN_ITEMS_OVER_PANELS = 3  # items above a closing panel, to tell it is smaller than all
_MIN_SPLIT = 3  # records with lines over and under their date, to tell which is the headline


@dataclass(frozen=True)
class Template:
    heads: int  # headline-like blocks that open a record: 0, 1 (headline) or 2 (+ standfirst)
    dated: bool
    marked: bool
    bodied: bool  # False for a listing of headlines and dates only
    captions: bool = False  # heads above the dates are image captions, not headlines
    titled: bool = False  # (nearly) every record has a headline
    date_at: str | None = None  # where records carry their date: "start", "inside", "end"
    over: bool = False  # a second line over the headline is an image caption or a label
    under_date: bool = False  # the headline is the one line under the date; above it, tags
    head_lines: int = 1  # heads in a row in most records (a caption and a headline: 2)
    body_lines: int = 1  # the body's lines in most records with a headline


def induce(records: list[Record], headed: bool, cut: bool = False) -> Template:
    """What most records hold; the first record is left out when others can speak, and so is
    the last where the copy stops inside it (what it lacks may have followed)."""
    sample = records[1:] if len(records) > 2 else records
    if cut and len(sample) > 2:
        sample = sample[:-1]
    bodied = [r for r in sample if r.body]
    bodied_share = len(bodied) / len(sample) if sample else 0.0
    if bodied_share < 1 / 3:
        shown = [r for r in sample if r.heads]
        dated = sum(bool(r.dates) for r in shown) >= _MOST * max(len(shown), 1)
        return Template(1 if shown else 0, dated, False, False, False)
    dated = sum(bool(r.dates) for r in bodied) / len(bodied)
    marked = sum(r.marker for r in bodied) / len(bodied) >= _MOST
    places = Counter(r.date_at for r in bodied if r.dates)
    date_at = places.most_common(1)[0][0] if places else None
    with_heads = sum(bool(_titles(r, date_at)) for r in bodied) / len(bodied)
    captions = (
        headed
        and with_heads < _MOST
        and dated >= 0.8
        and all(r.date_at == "inside" for r in bodied if r.heads and r.dates)
    )
    heads = 0
    over = _lines_over_headlines(records)
    if headed and with_heads >= 1 / 3 and not captions:
        heads = 2 if not over and _standfirsts(records) else 1
    headed_bodies = [len(r.body) for r in bodied if r.heads] or [1]
    return Template(
        heads,
        dated >= _MOST,
        marked,
        True,
        captions,
        with_heads >= _MOST,
        date_at,
        over,
        _headline_under_date(records),
        statistics.median_low(_heads_in_a_row(r) for r in bodied),
        statistics.median_low(headed_bodies),
    )


def _headline_under_date(records: list[Record]) -> bool:
    """True when records whose date stands among their heads hold exactly one line under it,
    and most hold several over it: the item before's tags ("Region Americas" / "Country USA")
    or a heading over the date, and the headline under it. A headline over its date and
    standfirst stands alone."""
    split = [r for r in records if r.body and r.date_at == "inside"]
    above = [sum(b.line < r.dates[0].line for b in r.heads + r.others) for r in split]
    single_below = all(sum(h.line > r.dates[0].line for h in r.heads) == 1 for r in split)
    return len(split) >= _MIN_SPLIT and single_below and sum(n > 1 for n in above) * 2 > len(split)


def _is_over(upper: Block, lower: Block) -> bool:
    """True when `upper` reads as a caption or label over the headline `lower`: a short label
    ("Land Use/Forests") over a longer headline, or a caption longer than the headline under
    it. A headline over its standfirst is the shorter of the two."""
    words = len(upper.text.split())
    return (words <= SHORT_EDGE_WORDS < len(lower.text.split())) or len(upper.text) > len(
        lower.text
    )


def _lines_over_headlines(records: list[Record]) -> bool:
    """True when most records that open with two headline-like lines carry a caption or a
    label over the headline, not a headline over a standfirst."""
    opened = [r for r in records if r.body and r.date_at != "inside"]
    pairs = [r.heads[-2:] for r in opened if len(r.heads) >= 2]
    over = sum(_is_over(upper, lower) for upper, lower in pairs)
    return over >= 2 and over * 2 > len(pairs)


def _titles(record: Record, date_at: str | None) -> list[Block]:
    """The heads that can be titles: where dates open records, those below the date."""
    if date_at == "start" and record.date_at == "inside":
        return [h for h in record.heads if h.line > record.dates[0].line]
    return record.heads


def _standfirsts(records: list[Record]) -> bool:
    """True when most items open with two headline-like lines: a headline and a standfirst.

    The first record counts only when its first line is more than a page heading.
    """
    bodied = [r for r in records if r.body]
    counted = [
        r
        for i, r in enumerate(bodied)
        if i > 0 or (r.heads and len(r.heads[0].text.split()) > SHORT_EDGE_WORDS)
    ]
    pairs = sum(_heads_in_a_row(r) == 2 for r in counted)
    return pairs >= 2 and pairs * 2 >= len(counted)


def _heads_in_a_row(record: Record) -> int:
    """The heads on one side of the record's date: a standfirst follows its headline, and a
    line under the date (a byline's name, "Natasha Kaplinsky") is not one."""
    if record.date_at != "inside":
        return len(record.heads)
    above = sum(h.line < record.dates[0].line for h in record.heads)
    return max(above, len(record.heads) - above)


def _fits(record: Record, template: Template) -> bool:
    if template.bodied and not record.body:
        return False
    if not template.bodied and not record.heads:
        return False
    if template.dated and not record.dates:
        return False
    if template.titled and not _titles(record, template.date_at):
        return False
    return not (template.marked and not record.marker)


def _words(record: Record, template: Template) -> int:
    shown = (record.heads[-1:] if template.heads else []) or record.body
    return len(shown[0].text.split()) if shown else 0


def _short_edge(record: Record, template: Template, others: list[Record]) -> bool:
    """A page heading with its intro above the items: a title shorter than any item's, over
    no date where items are dated."""
    if template.dated and record.dates:
        return False
    sizes = [_words(r, template) for r in others if r is not record and (r.heads or r.body)]
    if len(sizes) < 2:
        return False
    words = _words(record, template)
    return (
        words <= SHORT_EDGE_WORDS and words < min(sizes) and words * 2 <= statistics.median(sizes)
    )


def _closing_panels(listed: list[Record]) -> int:
    """How many of the last records are the page's closing panels, shaped as items but
    smaller: each with a heading shorter than any item's above it by half, over a text
    shorter than any of their summaries."""
    tail = listed[-_MAX_HEADINGS:]
    if not tail or not _panel_shaped(tail[-1]):
        return 0  # most pages: the last item has no panel's shape, seen without counting
    sizes = [_size(r) if r.heads and r.body else None for r in listed]
    found = 0
    for count in range(1, _MAX_HEADINGS + 1):
        shown = [size for size in sizes[:-count] if size is not None]
        panels = listed[-count:]
        if len(shown) < _MIN_ITEMS_OVER_PANELS or not all(map(_panel_shaped, panels)):
            break
        titles = [title for title, _ in shown]
        shortest, middle = min(titles), statistics.median(titles)
        shortest_body = min(body for _, body in shown)
        if all(
            title < shortest and title * 2 <= middle and body < shortest_body
            for title, body in map(_size, panels)
        ):
            found = count
    return found


def _panel_shaped(record: Record) -> bool:
    return bool(record.heads and record.body) and not record.dates


def _size(record: Record) -> tuple[int, int]:
    """(words in the record's headline, words in its body)."""
    return len(record.heads[-1].text.split()), sum(len(b.text.split()) for b in record.body)


def _cut_explains(record: Record, template: Template) -> bool:
    """True when what the last record lacks could have followed where the source stops."""
    heads = max(template.heads, 1) + template.over
    if (template.bodied and not record.body) or _heads_in_a_row(record) > heads:
        return False
    if template.titled and not record.heads:
        return False
    if len(record.body) == 1 and _heads_in_a_row(record) < template.head_lines:
        return False  # the cut line stands where items hold a headline: the summary is lost
    return not (template.dated and not record.dates and template.date_at != "end")


def run(records: list[Record], template: Template, cut: bool) -> tuple[int, int]:
    """First and last index of the records that are the listing; (0, -1) when none fit."""
    fitting = [i for i, r in enumerate(records) if _fits(r, template)]
    if not fitting:
        return 0, -1
    first, last = fitting[0], fitting[-1]
    for _ in range(_MAX_HEADINGS):  # a page heading or two above the listing, no more
        if first >= last or not _short_edge(records[first], template, records[first:]):
            break
        first = next(i for i in fitting if i > first)
    listed = [i for i in fitting if first <= i <= last]
    if not cut and (panels := _closing_panels([records[i] for i in listed])):
        last = listed[-panels - 1]  # a closing panel or two under it ("Make an Enquiry")
    if first < last and _above_the_list(records, first, last):
        first = next(i for i in fitting if i > first)
    if len(fitting) > 2 and _headed_listing(records[fitting[1]], template):
        first = max(first, fitting[1])  # the record above is the page's intro, over the heading
    # The source stops inside its last item, unless text that fits no item (a footer) comes
    # between the listing and that last record.
    footer = any(r.heads or r.body for r in records[last + 1 : -1])
    if cut and last < len(records) - 1 and not footer and _cut_explains(records[-1], template):
        last = len(records) - 1
    if first == 1 and _opens_inside(records[0], records[first : last + 1], template):
        first = 0  # the source starts inside its first item
    return first, last


def _above_the_list(records: list[Record], first: int, last: int) -> bool:
    """True when a list marker opens the listing's items ("• 26.09.2018", "3. Headline"),
    about one marked line to an item, and the first record holds none: the page's opening
    over the list (a photo credit over an intro sentence), not an item of it. Where the
    marked line is read as the item above's last, the count still holds."""
    if _marked(records[first]):
        return False
    rest = records[first + 1 : last + 1]
    marked = sum(_marked(r) for r in rest)
    return len(rest) >= MIN_LISTED and _MOST * len(rest) <= marked <= 2 * len(rest)


def _marked(record: Record) -> int:
    """How many of the record's lines open with a list marker."""
    return sum(
        b.listed for part in (record.heads, record.body, record.dates, record.others) for b in part
    )


def _headed_listing(record: Record, template: Template) -> bool:
    """True when a page heading and its menu stand over the record's headline: more lines over
    it than any item holds, by two or more ("LATEST NEWS" / "Region" / "Theme" / headline),
    where lines over a headline are not the tags of the item before (`under_date`)."""
    most = max(template.heads, 1) + template.over
    return not template.under_date and len(record.heads) >= most + _HEADING_LINES


def _opens_inside(record: Record, listed: list[Record], template: Template) -> bool:
    """True when the first lines of the source are the end of an item the copy cut at its top:
    a summary with no headline that stops as the site stops every teaser ("… good reason
    for..."), right above the first item. An intro blurb ends as a sentence does, and a
    featured teaser stands apart, over a heading ("Latest news") that opens the listing."""
    if record.heads or record.dates or not record.body:
        return False
    if not listed or len(listed[0].heads) > max(template.heads, 1):
        return False
    cut = [teasers.ends_cut_off(r.body[-1].text) for r in listed if r.body]
    return teasers.ends_cut_off(record.body[-1].text) and sum(cut) >= _MOST * len(cut)
