"""A source as a sequence of blocks, each classified by its shape alone.

A block is one line of a text listing (hard-wrapped lines joined) or, in a saved page, the text
of one block-level element with its tag path. Kinds:

    H  headline-like: short, no closing full stop ("Oxfam’s verdict on the COP26 outcome")
    S  a short sentence: a headline or a one-line summary, as the record template decides
    P  a paragraph: long, or followed by a read-more marker
    D  a date line or byline ("Press release | 29 April, 2003 at 0:00", "Jane Smith. 3 June 2015")
    M  a read-more marker on its own ("Continue reading...")
    L  a label: short text the page repeats ("Update", "report Refugee Council", "default-image")
    A  image alternative text (saved pages only)
    F  short furniture by shape: rules ("* * *") and pagers ("1 2 3 … Next ›")

No kind depends on a site's words: which blocks are headlines, summaries or page furniture is
decided by the record template (`ingest.records`), from the order in which kinds repeat.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from insights.ingest import teasers
from insights.ingest.datelines import (
    DateMatch,
    leading_date,
    may_hold_date,
    month_first,
    short_year_date_line,
    stamp_frames,
    stamped_date_line,
    unplaced_date_line,
)

MAX_HEADLINE_CHARS = 160
_MAX_LABEL_WORDS = 4
MIN_LISTED = 3  # lines opened by a list marker ("• ", "3. ") that make the page a list
_ID = re.compile(r"\d{5,}")  # a post's or an image's id, not a year or a count
_MIN_FRAMED = 3
_RUNNING_WORDS = 12  # a line this long stopping on "at" or "the" is cut text, not a headline
_SAME_PLACE_LINES = 4  # a headline, a blank, a date line, a blank: the same item
_MAX_RULE_CHARS = 12
_MAX_PAGER_WORDS = 15
_PAGER_TOKENS = frozenset(["…", "...", "›", "»", "‹", "«", "|", "next", "previous", "prev"])
_BULLET = re.compile(r"^(?:[•·▪◦●■►‣]|[*–—-](?=\s)|\d{1,2}\.(?=\s))\s*")  # "•", "- ", "3. "
_SENTENCE_ENDS = (".", "!", "?", "…")


@dataclass
class Block:
    """One block of a source; `line` is its 1-based line (text) or document order (HTML)."""

    kind: str
    text: str
    line: int
    date: DateMatch | None = None
    marker: bool = False  # a paragraph that ended with a read-more marker
    path: str = ""  # saved pages: the tag path, "body/main/div.views-row/h2"
    url: str | None = None  # saved pages: the link the block's text carries
    stamp: str | None = None  # saved pages: a <time datetime> value
    fragment: bool = False  # the cut-off start of an item where the source stops
    listed: bool = False  # text copies: the line opened with a list marker ("• ", "3. ")


def shape(text: str) -> str:
    """H, S or P for running text, from its length and its ending."""
    if len(text) > MAX_HEADLINE_CHARS:
        return "P"
    end = text.rstrip(teasers.CLOSERS + " ")
    if end.endswith("?") or end.endswith("!"):
        return "H"  # "Sri Lanka: What's happened to Pattani Razeek?"
    if end.endswith(_SENTENCE_ENDS):
        return "S"
    if len(end.split()) >= _RUNNING_WORDS and teasers.stops_mid_sentence(end):
        return "P"  # "… Voting opens today on line at": running text the site cut, no headline
    return "H"


def is_furniture_shape(text: str) -> bool:
    """A rule ("---", "* * *") or a pager ("1 2 3 … Next ›")."""
    if len(text) <= _MAX_RULE_CHARS and not any(c.isalnum() for c in text):
        return True
    words = text.lower().split()
    return len(words) <= _MAX_PAGER_WORDS and all(w.isdigit() or w in _PAGER_TOKENS for w in words)


def classify(
    text: str, line: int, months_first: bool = False, frames: frozenset[str] = frozenset()
) -> list[Block]:
    """The blocks one line of text makes: usually one, two for "18 Oct 2018 – Summary…".

    `frames` are the page's repeated date stamps (`datelines.stamp_frames`)."""
    body, marker = teasers.strip_marker(text)
    if marker and not body:
        return [Block("M", text, line)]
    dated = may_hold_date(body)  # one quick look spares most lines the date patterns
    lead = leading_date(body, months_first) if dated else None  # one search: both shapes
    if dated and not marker:  # a date line has no read-more marker
        found = lead[0] if lead and not lead[1] else stamped_date_line(body, frames, months_first)
        if found:
            return [Block("D", body, line, date=found)]
    if lead and lead[1]:
        found, rest = lead
        opened = len(body) - len(rest)  # the rest of the line keeps its marker
        return [
            Block("D", body[:opened].rstrip(" -–—|:"), line, date=found),
            *classify(text[opened:], line, months_first),
        ]
    if not marker:
        if not dated and (short := short_year_date_line(body)):
            return [Block("D", body, line, date=short)]  # "02 OCT 24"
        if unplaced_date_line(body):
            return [Block("D", body, line)]  # "3 days ago": a date line with no day to give
        if is_furniture_shape(body):
            return [Block("F", body, line)]
    return [Block("P" if marker else shape(body), body, line, marker=marker)]


def repeated(texts: list[str], window: int = 1) -> set[str]:
    """Short texts (casefolded) that recur in two or more places: labels such as "Update".

    A repeat within `window` positions of the last one is the same place: a headline printed
    twice in one item ("Go Wild for Worms!" above and below its date) is not a label.
    """
    last: dict[str, int] = {}
    places: Counter[str] = Counter()
    for at, text in enumerate(texts):
        if not text or len(text.split()) > _MAX_LABEL_WORDS:
            continue
        key = text.casefold()
        if key not in last or at - last[key] > window:
            places[key] += 1
        last[key] = at
    return {t for t, n in places.items() if n >= 2}


def mark_labels(blocks: list[Block]) -> None:
    """Short texts the page repeats are labels, not headlines: "Update", "default-image"; a
    line that repeats the text line just above it is a label too, or, where it stands right
    under its twin and another headline follows, that item's standfirst, worded as its
    headline."""
    shown = [i for i, b in enumerate(blocks) if b.kind in "HSA"]
    labels = repeated([blocks[i].text for i in shown])
    # "thumbnail for post ID 8209035": the same words around a long id, line after line
    framed = {
        at: _ID.sub("#", blocks[at].text.casefold()) for at in shown if _ID.search(blocks[at].text)
    }
    frames = Counter(framed.values())
    for at, key in framed.items():
        if frames[key] >= _MIN_FRAMED:
            blocks[at].kind = "L"
    shown = [i for i in shown if blocks[i].kind != "L"]
    twins: list[Block] = []
    for n, at in enumerate(shown):
        block = blocks[at]
        above = shown[n - 1] if n else None
        if n > 1 and len(blocks[above].text.split()) <= _MAX_LABEL_WORDS:
            # "Headline / Clean water / Headline": the twin stands under a topic label
            wider = shown[n - 2]
            if block.text.casefold() == blocks[wider].text.casefold():
                above = wider
        if block.text.casefold() in labels:
            block.kind = "L"
        elif above is not None and block.text.casefold() == blocks[above].text.casefold():
            after = _next_shown(blocks, at)
            standfirst = _next_shown(blocks, above) is block and after is not None
            block.kind = "P" if standfirst and after.kind in "HA" else "L"
            twins.append(block)
    # Where most twins on the page are labels, so are the rest: the last one's summary, cut to
    # a headline's shape where the copy stops, is no next headline.
    if sum(t.kind == "L" for t in twins) * 2 > len(twins):
        for twin in twins:
            twin.kind = "L"


def _next_shown(blocks: list[Block], at: int, step: int = 1) -> Block | None:
    """The next block after `at` (before it, for `step` -1) that is not furniture by shape."""
    at += step
    while 0 <= at < len(blocks) and blocks[at].kind == "F":
        at += step
    return blocks[at] if 0 <= at < len(blocks) else None


def _continues(previous: Block, line: str, labels: set[str]) -> bool:
    """True when `line` carries on a hard-wrapped sentence of `previous`."""
    if previous.kind not in "HSP" or previous.marker:
        return False
    if previous.text.casefold() in labels or line.casefold() in labels:
        return False
    if previous.text.endswith((",", ";", "-", "–", "—")):
        return True
    if line[:1].islower() and not previous.text.rstrip(teasers.CLOSERS).endswith(_SENTENCE_ENDS):
        return True
    # A paragraph line that stops mid-sentence goes on in the next line; one the site closed
    # with "[…]" or "..." is a whole teaser.
    ended = teasers.ends_sentence(previous.text) or teasers.ends_cut_off(previous.text)
    return previous.kind == "P" and shape(line) == "P" and not ended


def text_blocks(lines: list[str], first_line: int = 1) -> list[Block]:
    """The blocks of a plain-text listing; blank lines only separate."""
    blocks: list[Block] = []
    stripped = [raw.strip().lstrip("#").strip() for raw in lines]
    cleaned = [_BULLET.sub("", line) for line in stripped]
    listed = {i for i, line in enumerate(stripped) if line != cleaned[i]}  # "• ", "3. " gone
    labels = repeated(cleaned, window=_SAME_PLACE_LINES)
    months_first = month_first(cleaned)
    frames = stamp_frames(cleaned, months_first)
    joinable = False  # the previous line was text with no blank line after it
    for index, line in enumerate(cleaned):
        number = index + first_line
        if not line:
            joinable = False
            continue
        if joinable and blocks and _continues(blocks[-1], line, labels):
            last = blocks[-1]
            text, marker = teasers.strip_marker(line)
            last.text = f"{last.text} {text}"
            last.marker = marker
            last.kind = "P" if marker or "P" in last.kind or shape(last.text) == "P" else last.kind
            joinable = not marker
            continue
        made = classify(line, number, months_first, frames)
        made[0].listed = index in listed
        blocks.extend(made)
        joinable = made[-1].kind in "HSP" and not made[-1].marker
    blocks = split_dated_headlines(blocks, months_first)
    mark_labels(blocks)
    mark_closing_labels(blocks)
    mark_month_headers(blocks)
    return blocks


_DASHED_REST = re.compile(r"\s*[-–—]\s+(?=[\"'‘“A-Z0-9])")


def split_dated_headlines(blocks: list[Block], months_first: bool = False) -> list[Block]:
    """ "August 2, 2011 - BBC TV Abuse of Trust": where lines open with a date, a dash and a
    headline ("August 23, 2011 - New Barnado's Report on …" splits by itself), a short
    headline after the same is one too, not a date line's trailer."""
    opened = sum(
        a.kind == "D" and a.line == b.line and a.date is not None and a.date.start == 0
        for a, b in itertools.pairwise(blocks)
    )
    if not opened:
        return blocks
    split: list[Block] = []
    for n, block in enumerate(blocks):
        after = blocks[n + 1] if n + 1 < len(blocks) else None
        date = block.date
        alone = after is None or after.line != block.line
        rest = _DASHED_REST.match(block.text, date.end) if date and date.start == 0 else None
        if block.kind != "D" or not alone or rest is None:
            split.append(block)
            continue
        headline = block.text[rest.end() :]
        block.text = block.text[: date.end]
        split.extend([block, *classify(headline, block.line, months_first)])
    return split


def mark_closing_labels(blocks: list[Block]) -> None:
    """A label the page prints after every summary, a blank line over the next headline
    ("Read Post"), closes its item as a read-more marker does."""
    labelled = [i for i, b in enumerate(blocks) if b.kind == "L"]
    closing: dict[str, bool] = {}
    for at in labelled:
        label = blocks[at]
        before, after = _next_shown(blocks, at, -1), _next_shown(blocks, at)
        closes = before is not None and before.kind in "SP" and not before.marker
        # A blank line apart from the next headline: not one of a stack of tags.
        closes = closes and (after is None or (after.kind in "HS" and after.line > label.line + 1))
        key = label.text.casefold()
        closing[key] = closing.get(key, True) and closes
    for at in labelled:
        if closing[blocks[at].text.casefold()]:
            blocks[at].kind = "M"


def mark_month_headers(blocks: list[Block]) -> None:
    """ "May 2013" over "05/01/13": a month over a day's date line groups the items under it;
    it is a label, not an item's date."""
    for month, day in itertools.pairwise(blocks):
        paired = month.kind == day.kind == "D" and month.date and day.date
        if paired and month.date.day is None and day.date.day is not None:
            month.kind = "L"
