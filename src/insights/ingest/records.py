"""The record template: which sequence of block kinds repeats, and what each place in it holds.

Blocks (`ingest.blocks`) are grouped into records, each of the shape

    [labels] [date] heads… [date] body… [date] [marker]

A record starts at a headline that follows a body, a date, or a marker; at a date, when dates
open the records; or at each paragraph of a listing without headlines. Where a date line
between a summary and the next headline belongs (to the item above or the one below) is read
both ways, and the reading whose dates sit in the same place in every record wins.

The template is what most records hold: how many headline-like blocks open a record (one, or
a headline and a standfirst), whether records carry a date, a marker, a body. The run is the
records from the first to the last that fit the template; what lies outside it is page
furniture (intro blurbs, headings, menus, footers, pagers), and so are extra headline-like
blocks above the first item (a page heading over the first headline).
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field

from insights.ingest import teasers
from insights.ingest.blocks import Block

FURNITURE = "page furniture, not an article"
NO_SUMMARY = "no summary text"
DATE_ONLY = "a date with no text under it"
CAPTION = "an image caption or label, not a headline"

_MOST = 2 / 3
_SHORT_EDGE_WORDS = 3
_RUNNING_WORDS = 8  # a cut-off line this long is running text, not the start of a headline
_TEXT = "HSPA"


@dataclass
class Record:
    """One repeated unit: the blocks it holds, by role."""

    heads: list[Block] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    dates: list[Block] = field(default_factory=list)
    others: list[Block] = field(default_factory=list)  # labels, markers, shaped furniture
    marker: bool = False
    date_at: str | None = None  # "start", "inside" (between heads and body) or "end"

    @property
    def blocks(self) -> list[Block]:
        return sorted(self.heads + self.body + self.dates + self.others, key=lambda b: b.line)

    @property
    def first_text(self) -> str:
        shown = self.heads or self.body or self.dates or self.others
        return shown[0].text if shown else ""


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


def _next_content(blocks: list[Block], i: int) -> str:
    for block in blocks[i + 1 :]:
        if block.kind in _TEXT + "DM":
            return block.kind
    return ""


def is_headed(blocks: list[Block]) -> bool:
    """True when two headline-like blocks stand right above a body or a date, or one above a
    date line."""
    count = 0
    for i, block in enumerate(blocks):
        ahead = _next_content(blocks, i)
        if block.kind in "HA" and ahead and ahead in "SPD":
            if ahead == "D" or _next_block(blocks, i).marker:
                return True  # a headline above a date line, or above "….Read more"
            count += 1
        elif block.kind == "S" and ahead == "P" and _next_block(blocks, i).marker:
            count += 1  # "Children first." above "A summary.Read more"
    return count >= 2


def _next_block(blocks: list[Block], i: int) -> Block:
    return next(b for b in blocks[i + 1 :] if b.kind in _TEXT + "DM")


def open_last_line(blocks: list[Block]) -> bool:
    """When the source stops mid-line, read its last line as running text under a headline.

    A copy cut off inside an item ends with a fragment of unknown shape ("… Fiona Colley,
    Director of"); under a headline or a date line it is that item's summary. Returns whether
    the source ends open.
    """
    texts = [i for i, b in enumerate(blocks) if b.kind in _TEXT + "DM"]
    if not texts:
        return False
    last = blocks[texts[-1]]
    if last.kind not in _TEXT or last.marker or _ends_whole(last.text):
        return False
    before = blocks[texts[-2]].kind if len(texts) > 1 else ""
    words = len(last.text.split())
    running = words >= _RUNNING_WORDS
    if last.kind in "HS" and (before == "D" or (before in "HS" and before and words >= 4)):
        last.kind = "P"  # under a headline or a date line: that item's summary, cut short
    elif before == "P" and running:
        last.kind = "P"  # "… is not happening in a vacuum, but": the paragraph goes on
    elif before == "P":
        last.fragment = True  # "Universal mo", "April": the start of an item the copy lost
    return True


def segment(blocks: list[Block], headed: bool, dates_close: bool) -> list[Record]:
    """Group blocks into records; `dates_close` reads a date after a body as that item's."""
    records: list[Record] = []
    pending: list[Block] = []  # labels waiting for the record they belong to
    current = Record()
    phase = "start"  # start → dated → head → body → closed / ended

    def start() -> Record:
        nonlocal current, phase
        current = Record()
        records.append(current)
        phase = "start"
        return current

    start()
    for i, block in enumerate(blocks):
        kind = block.kind
        if kind in "LF":
            pending.append(block)
            continue
        ahead = _next_content(blocks, i)
        if kind == "M":
            if current.heads and not current.body and current.heads[-1].kind in "HS":
                current.body.append(current.heads.pop())  # the line above a marker is a summary
            current.others.extend([*pending, block])
            pending.clear()
            current.marker = True
            phase = "closed"
            continue
        if kind == "H" and not headed and block.text.rstrip(teasers.CLOSERS)[-1:] in "!?":
            kind = "P"  # "A third one!": a sentence, not a heading
        if kind in "HA" and not headed:
            # A listing without headlines: headline-shaped lines are the page's, not items'.
            records.append(Record(others=[*pending, block]))
            pending.clear()
            if current.blocks:
                start()
            continue
        if kind == "S" and not headed:
            kind = "P"
        new = block.fragment or _starts_record(
            kind, block, phase, current, ahead, headed, dates_close
        )
        if new:
            start()
        current.others.extend(pending)
        pending.clear()
        if kind == "D":
            current.date_at = current.date_at or (
                "start"
                if not current.heads and not current.body
                else "inside"
                if not current.body
                else "end"
            )
            current.dates.append(block)
            phase = {"start": "dated", "body": "ended", "closed": "ended"}.get(phase, phase)
        elif kind in "HA" or (kind == "S" and _s_is_head(phase, current, ahead, blocks, i)):
            if kind != "A" and _h_is_body(phase, current, ahead):
                current.body.append(block)  # a cut or marked line under a dated headline
                phase = "body"
            else:
                current.heads.append(block)
                phase = "head"
        else:
            current.body.append(block)
            phase = "body"
            if block.marker:  # "….Read more" closes its item
                current.marker = True
                phase = "closed"
    if pending:  # labels, rules or a pager after the last item: furniture of their own
        records.append(Record(others=pending))
    return [r for r in records if r.blocks]


def _h_is_body(phase: str, current: Record, ahead: str) -> bool:
    """Under "Headline / 4 Oct 2018", a headline-shaped line is the summary when a marker,
    the end of the source or the next headline follows it (a summary the site cut mid-word)."""
    if phase != "head" or not current.dates or current.body:
        return False
    return ahead == "M" or (current.date_at != "start" and ahead == "H")


def _s_is_head(phase: str, current: Record, ahead: str, blocks: list[Block], i: int) -> bool:
    """A short sentence heads a record when a date or a body follows it and no body is open:
    under "The latest updates", "Europe Ministers … forests." above a date and a summary."""
    if phase in ("start", "ended", "closed"):
        return ahead in "SPD" and ahead != ""
    if phase == "dated":
        return ahead in "SP" and ahead != ""
    if phase == "head" and ahead == "D" and not current.dates:
        after = next((j for j in range(i + 1, len(blocks)) if blocks[j].kind == "D"), None)
        return after is not None and _next_content(blocks, after) in ("P", "S")
    return False


def _starts_record(
    kind: str,
    block: Block,
    phase: str,
    current: Record,
    ahead: str,
    headed: bool,
    dates_close: bool,
) -> bool:
    if phase == "start":
        return False
    if kind == "D":
        if phase == "closed":
            return not (dates_close and not current.dates)
        if phase == "body":
            return not dates_close
        return bool(current.dates) or phase == "ended"
    if phase in ("closed", "ended"):
        return True
    if kind in "HA":
        if phase == "body":
            return True
        # Under a dated headline, a headline-like line followed by a date opens the next
        # record; one followed by a marker (or nothing) is this one's summary. Under a date
        # that opened the record, more headline-like lines are its heads.
        if phase != "head" or not current.dates or _h_is_body(phase, current, ahead) or not ahead:
            return False
        return ahead == "D" or (current.date_at != "start" and ahead in "SP")
    if kind == "S":
        return phase == "body" and ahead == "D" and not dates_close
    # A paragraph: in a listing without headlines or dates, each paragraph is an item.
    return phase == "body" and not headed and not current.dates


def _score(records: list[Record]) -> tuple[int, int, int]:
    """(records with a body less those with two dates, dated once, dated in the commonest
    place): a reading that gives one item two dates has cut the listing in the wrong places."""
    bodied = [r for r in records if r.body]
    doubled = sum(len(r.dates) > 1 for r in records)
    dated = [r for r in bodied if len(r.dates) == 1]
    places = Counter(r.date_at for r in dated)
    return len(bodied) - doubled, len(dated), places.most_common(1)[0][1] if places else 0


def read_records(blocks: list[Block]) -> list[Record]:
    """The records under the better of the two readings of dates between items."""
    headed = is_headed(blocks)
    after = segment(blocks, headed, dates_close=True)
    before = segment(blocks, headed, dates_close=False)
    score_after, score_before = _score(after), _score(before)
    if score_before > score_after:
        return before
    if score_before == score_after and not _ends_cut(blocks) and _opens_with_date(before):
        return before
    return after


def _ends_cut(blocks: list[Block]) -> bool:
    last = next((b for b in reversed(blocks) if b.kind in _TEXT), None)
    return last is not None and not last.marker and not _ends_whole(last.text)


def _opens_with_date(records: list[Record]) -> bool:
    first = next((r for r in records if r.body), None)
    return first is not None and first.date_at == "start"


def _ends_whole(text: str) -> bool:
    end = text.rstrip()
    return bool(end) and (end[-1] in ".!?…\"'”’)" or teasers.ends_cut_off(end))


@dataclass(frozen=True)
class Template:
    heads: int  # headline-like blocks that open a record: 0, 1 (headline) or 2 (+ standfirst)
    dated: bool
    marked: bool
    bodied: bool  # False for a listing of headlines and dates only
    captions: bool = False  # heads above the dates are image captions, not headlines
    titled: bool = False  # (nearly) every record has a headline
    date_at: str | None = None  # where records carry their date: "start", "inside", "end"


def induce(records: list[Record], headed: bool) -> Template:
    """What most records hold; the first record is left out when others can speak."""
    sample = records[1:] if len(records) > 2 else records
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
    if headed and with_heads >= 1 / 3 and not captions:
        heads = 2 if _standfirsts(records) else 1
    return Template(heads, dated >= _MOST, marked, True, captions, with_heads >= _MOST, date_at)


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
        if i > 0 or (r.heads and len(r.heads[0].text.split()) > _SHORT_EDGE_WORDS)
    ]
    pairs = sum(len(r.heads) == 2 for r in counted)
    return pairs >= 2 and pairs * 2 >= len(counted)


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
    """A page heading with its intro above the items: a title shorter than any item's."""
    sizes = [_words(r, template) for r in others if r is not record and (r.heads or r.body)]
    if len(sizes) < 2:
        return False
    words = _words(record, template)
    return (
        words <= _SHORT_EDGE_WORDS and words < min(sizes) and words * 2 <= statistics.median(sizes)
    )


def _cut_explains(record: Record, template: Template) -> bool:
    """True when what the last record lacks could have followed where the source stops."""
    if (template.bodied and not record.body) or len(record.heads) > max(template.heads, 1):
        return False
    if template.titled and not record.heads:
        return False
    return not (template.dated and not record.dates and template.date_at != "end")


def run(records: list[Record], template: Template, cut: bool) -> tuple[int, int]:
    """First and last index of the records that are the listing; (0, -1) when none fit."""
    fitting = [i for i, r in enumerate(records) if _fits(r, template)]
    if not fitting:
        return 0, -1
    first, last = fitting[0], fitting[-1]
    while first < last and _short_edge(records[first], template, records[first:]):
        first = next(i for i in fitting if i > first)
    final = records[-1]
    if cut and last < len(records) - 1 and _cut_explains(final, template):
        last = len(records) - 1  # the source stops inside its last item
    return first, last


def read(records: list[Record], template: Template, cut: bool) -> list[Entry]:
    """Every record as an item or a rejection, in source order."""
    first, last = run(records, template, cut)
    entries: list[Entry] = []
    for index, record in enumerate(records):
        inside = first <= index <= last
        if not inside or not (record.heads or record.body or record.dates):
            # Every line of the page around the listing is reported, one by one.
            entries.extend(
                Entry(record, reason=FURNITURE, item_like=False, excerpt=b.text)
                for b in record.blocks
            )
            continue
        entries.extend(_read_one(record, template, at_top=index == first))
    return entries


def _read_one(record: Record, template: Template, at_top: bool) -> list[Entry]:
    entries: list[Entry] = []
    heads = list(record.heads)
    if template.captions:
        entries.extend(
            Entry(record, reason=CAPTION, item_like=False, excerpt=h.text) for h in heads
        )
        heads = []
    keep = max(template.heads, 1)
    extra: list[Block] = []
    if template.date_at == "start" and record.dates and record.date_at == "inside":
        # Dates open these records: lines above the date belong to the page, not the item.
        opened = record.dates[0].line
        extra = [h for h in heads if h.line < opened]
        heads = [h for h in heads if h.line > opened]
    if len(heads) > keep:
        extra, heads = extra + heads[:-keep], heads[-keep:]
    if extra:
        # Above the first item a page heading; between items a headline with nothing under it.
        for head in extra:
            reason = FURNITURE if at_top else NO_SUMMARY
            entries.append(
                Entry(record, reason=reason, item_like=reason == NO_SUMMARY, excerpt=head.text)
            )
    date = record.dates[0] if record.dates else None
    body = " ".join(b.text for b in record.body)
    if len(heads) == 2:
        body = f"{heads[1].text} {body}".strip()  # a standfirst opens the summary
    title = heads[0].text if heads else None
    if not body and (template.bodied or title is None):
        reason = NO_SUMMARY if title else DATE_ONLY
        excerpt = title or (date.text if date else record.first_text)
        entries.append(Entry(record, date=date, reason=reason, excerpt=excerpt))
        return entries
    entries.append(Entry(record, title=title, summary=body, date=date, marker=record.marker))
    return entries
