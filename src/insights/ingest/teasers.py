"""How listings word a teaser: read-more markers, cut-off endings, titles made from summaries."""

from __future__ import annotations

import re

from insights.lexicon import word_set

# Checked against the lower-cased end of a line once decorations are stripped:
# "…servicesRead more", "Read more »", "Keep reading…", "View Press Release".
MARKERS = (
    "read more",
    "keep reading",
    "continue reading",
    "view press release",
    "read the full story",
    "read the full article",
    "read full story",
    "read full article",
    "read the press release",
    "read the statement",
)
_LONGEST_MARKER = max(map(len, MARKERS))
_DECORATION = " \t.…»›>→:-–"
CLOSERS = "\"'”’)]»"
_POINTERS = ("...", "…", "»", "›", ">", "→")
_SENTENCE_END = re.compile(r"[.!?…](?=[\"'”’)\]]*\s+[\"'“‘(]?[A-Z0-9])")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "no", "prof", "rev", "cllr", "hon"})
TITLE_LIMIT = 90
_MAX_NAMING_MARKER_WORDS = 10
_MIN_TEASER_CHARS = 160  # longer than any headline


def strip_marker(line: str) -> tuple[str, bool]:
    """('text before the marker', True) when the line ends with a read-more marker.

    A bare "More" counts only with an ellipsis or an arrow after it ("… today. More...").
    """
    end = line.rstrip(_DECORATION)
    tail = end[-_LONGEST_MARKER:].lower()
    if tail.endswith(MARKERS):
        marker = next(m for m in MARKERS if tail.endswith(m))
        return end[: -len(marker)].rstrip(), True
    pointed = line[len(end) :].strip().startswith(_POINTERS)
    if pointed and tail.endswith("more") and not end[-5:-4].isalnum():
        return end[:-4].rstrip(), True
    if _opens_with_marker(end):
        return "", True  # "Read more on this story in The Guardian": a marker naming where
    if linked := _link_after_ellipsis(end):
        return linked, True
    return line, False


_LINK_AFTER_ELLIPSIS = re.compile(r"(\.\.\.|…)\s+[A-Z][a-z]+(?:\s+[A-Za-z]+)?$")
_LINK_REACH = 30  # the ellipsis and a link word or two at the end of the line


def _link_after_ellipsis(text: str) -> str | None:
    """The teaser before a link word or two that follow its closing ellipsis ("… our
    country … Continued"), in a line longer than a headline; else None."""
    if len(text) <= _MIN_TEASER_CHARS:
        return None
    link = _LINK_AFTER_ELLIPSIS.search(text, len(text) - _LINK_REACH)
    return text[: link.end(1)] if link else None


def _opens_with_marker(text: str) -> bool:
    """True for a short line that opens with a marker and names where the rest is."""
    head = text[:_LONGEST_MARKER].lower()
    return (
        head.startswith(MARKERS)
        and len(text.split()) <= _MAX_NAMING_MARKER_WORDS
        and not text.endswith((".", "!", "?"))
    )


def is_marker(text: str) -> bool:
    """True for a link or line that only says 'Read more' or the like."""
    stripped, found = strip_marker(text)
    return found and not stripped


def ends_sentence(text: str) -> bool:
    """True when the text ends like a finished sentence: '.', '!', '?' before closing quotes."""
    end = text.rstrip().rstrip(CLOSERS)
    return bool(end) and end[-1] in ".!?" and not end.endswith("...")


def ends_cut_off(text: str) -> bool:
    """True when the source marks the text as cut: it ends with '...' or '…'."""
    end = text.rstrip().rstrip(CLOSERS)
    return end.endswith(("...", "…"))


# Words no English sentence ends on: a teaser that stops on one was cut by the site.
_LEADING_WORDS = word_set(
    "a an the of to in on at by for from with and or but nor that which who whose was were "
    "is are be been has have had will would its their his her our my your this these "
    "as than into onto upon if because whether"
)


def stops_mid_sentence(text: str) -> bool:
    """True when the text stops on a comma or a word no sentence ends on: "… Scott Pruitt was"."""
    end = text.rstrip()
    if not end:
        return False
    return end.endswith(",") or end.rsplit(None, 1)[-1].lower() in _LEADING_WORDS


def first_sentence(text: str) -> str:
    for match in _SENTENCE_END.finditer(text):
        before = text[: match.start()].rsplit(None, 1)
        if not before:
            continue  # "? 0": a stop with no word before it ends no sentence
        word = before[-1].lower().lstrip("(\"'“‘")
        if word not in _ABBREVIATIONS and not (len(word) == 1 and word.isalpha()):
            return text[: match.end()]
    return text


def derive_title(summary: str, limit: int = TITLE_LIMIT) -> str:
    """A title from the summary's first sentence, cut at a word boundary with '…' past `limit`."""
    sentence = " ".join(first_sentence(summary).split()).rstrip(" .")
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"
