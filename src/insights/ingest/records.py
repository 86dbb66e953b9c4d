"""Records: the blocks of a source grouped into the units that repeat.

Blocks (`ingest.blocks`) are grouped into records, each of the shape

    [labels] [date] heads… [date] body… [date] [marker]

A record starts at a headline that follows a body, a date, or a marker; at a date, when dates
open the records; or at each paragraph of a listing without headlines. Where a date line
between a summary and the next headline belongs (to the item above or the one below) is read
both ways, and the reading whose dates sit in the same place in every record wins.

What most records hold, and so which blocks are items and which furniture, is for
`ingest.template` to say; `ingest.entries` reads each record with it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from insights.ingest import teasers
from insights.ingest.blocks import MIN_LISTED, Block
from insights.ingest.prepass import TEXT_KINDS, ends_whole

_HEADED_DATES = 3  # headlines over more than one date line in three: a headed listing
_CUT_HEADLINE_WORDS = 20
_MIN_PARTING = 3  # labels with a summary under them, for labels to part headline and summary
_PARTING = 2 / 3


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


def _following(blocks: list[Block], kinds: str) -> list[int]:
    """For each block, the index of the next block of one of `kinds` (-1 for none): one pass
    from the end, so that looking ahead stays linear however long the listing."""
    found = [-1] * len(blocks)
    nearest = -1
    for i in range(len(blocks) - 1, -1, -1):
        found[i] = nearest
        if blocks[i].kind in kinds:
            nearest = i
    return found


def _kind_at(blocks: list[Block], index: int) -> str:
    return blocks[index].kind if index >= 0 else ""


def is_headed(blocks: list[Block]) -> bool:
    """True when two headline-like blocks stand right above a body or a date, or one above
    "….Read more", or headlines stand above more than a third of the date lines: a page
    heading and a summary cut to a headline's shape over two of nine dates are not headlines."""
    following = _following(blocks, TEXT_KINDS + "DM")
    count = over_dates = 0
    before = "M"  # what came before: the start of the source closes nothing, like a marker
    for i, block in enumerate(blocks):
        ahead = _kind_at(blocks, following[i])
        if block.kind in "HA" and ahead and ahead in "SPD":
            if blocks[following[i]].marker:
                return True  # a headline above "….Read more"
            over_dates += ahead == "D"
            count += ahead != "D"
        elif block.kind == "S" and ahead == "P" and blocks[following[i]].marker:
            count += 1  # "Children first." above "A summary.Read more"
        elif block.kind == "S" and before == "M" and ahead == "D":
            after = following[following[i]]
            if _kind_at(blocks, after) in ("S", "P") and after >= 0:
                count += 1  # after "Read more…": "A new helpline opens." above its byline
        if block.kind in TEXT_KINDS + "DM":
            before = block.kind
    dates = sum(b.kind == "D" for b in blocks)
    return count >= 2 or (over_dates > 0 and over_dates * _HEADED_DATES > dates)


def segment(
    blocks: list[Block], headed: bool, dates_close: bool, dates_open: bool = False
) -> list[Record]:
    """Group blocks into records; `dates_close` reads a date after a body as that item's,
    `dates_open` starts a record at every date line (a listing of dates and headlines)."""
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
    lists = sum(b.listed for b in blocks) >= MIN_LISTED
    parting = _labels_part(blocks)
    following = _following(blocks, TEXT_KINDS + "DM")
    dates = _following(blocks, "D")
    for i, block in enumerate(blocks):
        kind = block.kind
        if kind in "LF":
            pending.append(block)
            continue
        ahead = _kind_at(blocks, following[i])
        after_date = _kind_at(blocks, following[dates[i]]) if dates[i] >= 0 else ""
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
        if kind == "H" and not headed and phase == "dated":
            kind = "P"  # under a date that opens an item, its summary cut to a headline's shape
        if kind in "HA" and not headed:
            # A listing without headlines: headline-shaped lines are the page's, not items'.
            records.append(Record(others=[*pending, block]))
            pending.clear()
            if current.blocks:
                start()
            continue
        if kind == "S" and not headed:
            kind = "P"
        if kind == "H" and parting and phase == "head" and any(b.kind == "L" for b in pending):
            kind = "P"  # "Headline / thumbnail for post ID … / Out of 39 refugees … adults"
        if kind == "S" and phase == "body" and ahead == "P" and _cut_headline(block):
            kind = "H"  # "… national conference of..." between two summaries: a cut headline
        # "9/18/2019 Trump Upends Law …": a date that opens a headline's line opens its item
        # ("18th October 2018 – Young people …" under a headline is that headline's).
        rest = blocks[i + 1] if kind == "D" and i + 1 < len(blocks) else None
        opens_line = rest is not None and rest.line == block.line and rest.kind == "H"
        new = (
            (block.listed and lists and phase != "start")  # "• 26.09.2018": a list's item
            or (block.fragment and phase != "dated")  # not the headline of a date on its line
            or ((opens_line or (dates_open and kind == "D")) and phase != "start")
            or _starts_record(kind, block, phase, current, ahead, headed, dates_close)
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
        elif kind in "HA" or (kind == "S" and _s_is_head(phase, current, ahead, after_date)):
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


def _labels_part(blocks: list[Block]) -> bool:
    """True when the page's labels stand between a headline and its summary (an image's
    label, "thumbnail for post ID …"): after a headline-like line, most labels have a
    summary under them. Then a headline-shaped line under such a label is that summary."""
    texts = [b for b in blocks if b.kind in TEXT_KINDS + "L"]
    after_head = [
        (label, below)
        for above, label, below in zip(texts, texts[1:], texts[2:], strict=False)
        if label.kind == "L" and above.kind in "HS"
    ]
    summaries = sum(below.kind in "SP" for _, below in after_head)
    return summaries >= _MIN_PARTING and summaries >= _PARTING * len(after_head)


def _cut_headline(block: Block) -> bool:
    """A line the site cut with an ellipsis in a headline's place: short, and the words before
    the ellipsis end no sentence."""
    text = block.text.rstrip()
    cut = teasers.ends_cut_off(text) and not text.rstrip(".… ").endswith((".", "!", "?"))
    return cut and len(text.split()) <= _CUT_HEADLINE_WORDS


def _h_is_body(phase: str, current: Record, ahead: str) -> bool:
    """A headline-shaped line just above the marker that closes an item is its text. Under
    "Headline / 4 Oct 2018", a headline-shaped line is the summary when a marker,
    the end of the source or the next headline follows it (a summary the site cut mid-word)."""
    if phase == "body" and ahead == "M":
        return True  # "… a second paragraph cut mid-sentence" / "Continue Reading"
    if phase != "head" or not current.dates or current.body:
        return False
    return ahead == "M" or (current.date_at != "start" and ahead == "H")


def _s_is_head(phase: str, current: Record, ahead: str, after_date: str) -> bool:
    """A short sentence heads a record when a date or a body follows it and no body is open:
    under "The latest updates", "Europe Ministers … forests." above a date and a summary.
    `after_date` is the kind of block after the next date line."""
    if phase in ("start", "ended", "closed"):
        return ahead in "SPD" and ahead != ""
    if phase == "dated":
        return ahead in "SP" and ahead != ""
    if phase == "head" and ahead == "D" and not current.dates:
        return after_date in ("P", "S") and after_date != ""
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
            return kind == "A" or not _h_is_body(phase, current, ahead)
        # Under a dated headline, a headline-like line followed by a date opens the next
        # record; one followed by a marker (or nothing) is this one's summary, and one followed
        # by a paragraph is a standfirst or an image's text over it (the template decides).
        # Under a date that opened the record, more headline-like lines are its heads.
        if phase != "head" or not current.dates or _h_is_body(phase, current, ahead) or not ahead:
            return False
        return ahead == "D"
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
    """The records under the better of the readings of dates between items."""
    headed = is_headed(blocks)
    after = segment(blocks, headed, dates_close=True)
    before = segment(blocks, headed, dates_close=False)
    score_after, score_before = _score(after), _score(before)
    tied = score_before == score_after
    opens = tied and not _ends_cut(blocks) and _opens_with_date(before)
    best = before if score_before > score_after or opens else after
    if any(r.body for r in best):
        return best
    # Dates and headlines only: "05/01/13" / "Grants …" pairs downward as well as upward; the
    # reading that leaves fewer headlines without a date of their own wins.
    opened = segment(blocks, headed, dates_close=False, dates_open=True)
    return opened if _paired(opened) > _paired(best) else best


def _paired(records: list[Record]) -> int:
    return sum(len(r.heads) == 1 and len(r.dates) == 1 for r in records)


def _ends_cut(blocks: list[Block]) -> bool:
    last = next((b for b in reversed(blocks) if b.kind in TEXT_KINDS), None)
    return last is not None and not last.marker and not ends_whole(last.text)


def _opens_with_date(records: list[Record]) -> bool:
    first = next((r for r in records if r.body), None)
    return first is not None and first.date_at == "start"
