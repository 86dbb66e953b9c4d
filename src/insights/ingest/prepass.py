"""Passes over a source's blocks before they group into records (`ingest.records`).

Where the copy stops (`open_last_line`: the last line is read as running text under a
headline, a headline cut by the copy, or the start of an item the copy lost), and runs of
headline-shaped lines that alternate short and long, the long ones summaries the site cut
(`pair_alternating_lines`).
"""

from __future__ import annotations

import itertools

from insights.ingest import teasers
from insights.ingest.blocks import Block

TEXT_KINDS = "HSPA"
_MENU_WORDS = 4  # a menu entry is shorter
_RUNNING_WORDS = 8  # a cut-off line this long is running text, not the start of a headline
_MIN_PAIRED_RUN = 4
_LONGER = 1.5
_MOST_PAIRS = 0.8


def open_last_line(blocks: list[Block]) -> bool:
    """When the source stops mid-line, read its last line as running text under a headline.

    A copy cut off inside an item ends with a fragment of unknown shape ("… Fiona Colley,
    Director of"); under a headline or a date line it is that item's summary. Returns whether
    the source ends open.
    """
    texts = [i for i, b in enumerate(blocks) if b.kind in TEXT_KINDS + "DM"]
    if not texts:
        return False
    last = blocks[texts[-1]]
    if last.kind == "D" and _split_cut_headline(blocks, texts[-1]):
        return True
    if last.kind not in TEXT_KINDS or last.marker or ends_whole(last.text):
        return False
    before = blocks[texts[-2]].kind if len(texts) > 1 else ""
    words = len(last.text.split())
    # Under a headline, the last line is its summary when either has a headline's length
    # ("So much for the safety of Kabul" / "Like many refugee"); "About us" / "Contact" is a menu.
    longer = max(words, len(blocks[texts[-2]].text.split()) if before else 0) >= _MENU_WORDS
    running = words >= _RUNNING_WORDS
    if last.kind == "H" and before == "D" and _dates_and_headlines(blocks, texts):
        return True  # the last headline, whole
    if last.kind in "HS" and (before == "D" or (before in "HS" and before and longer)):
        last.kind = "P"  # under a headline or a date line: that item's summary, cut short
    elif before == "P" and (running or _paragraphs_run_on(blocks, texts)):
        last.kind = "P"  # "… is not happening in a vacuum, but": the paragraph goes on
    elif before == "P":
        last.fragment = True  # "Universal mo", "April": the start of an item the copy lost
    return True


def _split_cut_headline(blocks: list[Block], at: int) -> bool:
    """ "7/16/2019 Northern" at the end of a page whose lines open with a date and go on with a
    headline ("9/18/2019 Trump Upends Law …"): the copy cut the last headline after a word or
    two, which the date line's shape alone would read as its trailer. Splits it off."""
    last = blocks[at]
    rest = last.text[last.date.end :].strip(" -–—|:") if last.date else ""
    if not rest or ends_whole(rest):
        return False
    shared = sum(
        a.kind == "D" and b.kind == "H" and a.line == b.line for a, b in itertools.pairwise(blocks)
    )
    if shared < 2:
        return False
    last.text = last.text[: last.date.end]
    blocks.insert(at + 1, Block("H", rest, last.line, fragment=True))
    return True


def _paragraphs_run_on(blocks: list[Block], texts: list[int]) -> bool:
    """True when the page's items run to several paragraphs: a paragraph follows another, not
    its read-more marker, in two or more places; a short last line under one ("Our") goes on."""
    shown = itertools.pairwise(blocks[i] for i in texts[:-1])
    return sum(a.kind in "SP" and not a.marker and b.kind in "SP" for a, b in shown) >= 2


def _dates_and_headlines(blocks: list[Block], texts: list[int]) -> bool:
    """True when the last line is a headline under its date, not a summary cut short: it
    shares the date's line ("8/1/2019 The Risk of …"), or date lines and single headlines
    alternate down the page ("05/01/13" / "Grants to …" / "04/25/13" / …)."""
    if blocks[texts[-2]].line == blocks[texts[-1]].line:
        return True
    kinds = [blocks[i].kind for i in texts[:-1]]
    return "D" in kinds and all(
        (a == "D") != (b == "D") for a, b in itertools.pairwise(kinds[kinds.index("D") :])
    )


def pair_alternating_lines(blocks: list[Block]) -> None:
    """In a run of headline-shaped lines that alternate short and long, the long ones are
    summaries the site cut mid-word: "Park reopens" / "The riverside park reopened on Sat"."""
    start = 0
    while start < len(blocks):
        end = start
        while end < len(blocks) and blocks[end].kind == "H":
            end += 1
        run = blocks[start:end]
        if len(run) >= _MIN_PAIRED_RUN and len(run) % 2 == 0:
            pairs = list(zip(run[0::2], run[1::2], strict=True))
            longer = sum(len(b.text) >= _LONGER * len(a.text) for a, b in pairs)
            if longer >= _MOST_PAIRS * len(pairs):
                for _, summary in pairs:
                    summary.kind = "P"
        start = end + 1


def ends_whole(text: str) -> bool:
    end = text.rstrip()
    return bool(end) and (end[-1] in ".!?…\"'”’)" or teasers.ends_cut_off(end))
