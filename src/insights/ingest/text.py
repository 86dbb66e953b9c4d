"""Plain-text listings, as copied from a news page.

The shipped listing, one item:

    ‘One size doesn’t fit all’: Young victims … trafficked children      <- headline
                                                                        <- blank line
    Young victims of trafficking marked … trafficked children.Read more <- summary + marker

Also read: headline and summary on consecutive lines, paragraphs with no headline (the title
is derived), a date line or byline before or after the headline or after the summary, any of the
markers in `teasers.MARKERS` (glued, spaced or on their own line) or none, and page furniture
(menus, breadcrumbs, intro blurbs, cookie banners, footers) before and after the items.

One pass over the lines makes units (H headline-like, P paragraph, D date line, M marker), a
second pass groups them into items. Both are linear in the number of lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from insights.ingest import teasers
from insights.ingest.dates import DateMatch, date_line, detect_order
from insights.ingest.items import Listing, RawItem, Rejection, SourceError

# Rejection reasons, shared with the HTML reader.
FURNITURE = "page furniture, not an article"
NO_SUMMARY = "no summary text"

# A line with any of these is furniture wherever it stands (when it is short enough).
_FURNITURE_ANYWHERE = (
    "all rights reserved",
    "cookie",
    "registered charity",
    "charity number",
    "charity no",
    "company number",
    "registered in england",
    "privacy policy",
    "privacy notice",
    "terms and conditions",
    "terms of use",
    "skip to",
    "back to top",
    "follow us on",
    "you are here",
)
_FURNITURE_START = ("©", "(c) ", "copyright ", "tags:", "categories:", "filed under", "share this")
# Whole lines of share and comment links between items.
_FURNITURE_LINES = frozenset(
    ["share", "tweet", "email", "print", "facebook", "twitter", "linkedin", "whatsapp", "comments"]
)
# Before the first or after the last item: paragraphs starting with these are intro blurbs,
# and short lines (or lines starting with these or the menu words) are menus.
_INTRO_STARTS = (
    "latest news",
    "news from",
    "all news",
    "welcome to",
    "here you can",
    "read our latest",
    "keep up to date",
    "stay up to date",
    "sign up",
    "subscribe",
    "follow us",
    "find out more",
)
_MENU_STARTS = (
    *_INTRO_STARTS,
    "share",
    "contact",
    "donate",
    "get involved",
    "search",
    "menu",
    "home",
    "page ",
    "showing ",
    "sort by",
    "filter",
    "load more",
    "older",
    "newer",
    "next",
    "previous",
)
_MENU_SEPARATORS = (" > ", " » ", " › ", " | ", " / ", " · ", " • ")
_MAX_FURNITURE_WORDS = 40
_MAX_MENU_WORDS = 4
_MAX_PAGER_WORDS = 15
_PAGER_WORDS = frozenset(
    ["…", "...", "next", "previous", "prev", "first", "last", "›", "»", "‹", "«"]
)
_MAX_RULE_CHARS = 12
_MAX_HEADLINE_CHARS = 200
_MAX_QUESTION_HEADLINE_CHARS = 120
_HEADLINE_SHARE = 2 / 3


def _is_furniture(line: str) -> bool:
    """Cookie banners, footers, breadcrumbs ('Home > News') and menus ('About | News | Donate')."""
    lowered = line.lower()
    if lowered.startswith(_FURNITURE_START) or lowered.rstrip(":.") in _FURNITURE_LINES:
        return True
    if len(line) <= _MAX_RULE_CHARS and not any(c.isalnum() for c in line):
        return True  # a rule such as "---" or "* * *"
    words = lowered.split()
    if len(words) <= _MAX_PAGER_WORDS and all(w.isdigit() or w in _PAGER_WORDS for w in words):
        return True  # "1 2 3 … Next ›"
    if lowered.count(" ") < _MAX_FURNITURE_WORDS:
        for phrase in _FURNITURE_ANYWHERE:
            if phrase in lowered:
                return True
    for separator in _MENU_SEPARATORS:
        if separator not in line:
            continue
        parts = line.split(separator)
        # "Home > News" is a breadcrumb; "Modern slavery / trafficking" is not a menu.
        menu_like = len(parts) >= 3 or parts[0].strip().lower() == "home" or separator == " > "
        if menu_like and all(len(p.split()) <= 4 for p in parts):
            return True
    return False


def _paragraph_like(text: str) -> bool:
    if len(text) > _MAX_HEADLINE_CHARS:
        return True
    end = text.rstrip(teasers.CLOSERS)[-1:]
    return end in (".", "!", "…") or (end == "?" and len(text) > _MAX_QUESTION_HEADLINE_CHARS)


def _continues(previous: str, line: str) -> bool:
    """True when `line` carries on a hard-wrapped sentence from `previous`."""
    return line[:1].islower() or previous.endswith((",", ";", "-", "–", "—"))


@dataclass
class _Unit:
    kind: str  # "H" headline-like, "P" paragraph, "D" date line, "M" marker alone
    text: str
    marker: bool = False  # a P followed by a read-more marker
    date: DateMatch | None = None


def _units(lines: list[str]) -> list[_Unit]:
    units: list[_Unit] = []
    new_block = True  # a blank line (or a marker) came before this line
    for raw in lines:
        line = raw.strip()
        if line.startswith("#"):
            line = line.lstrip("#").strip()  # a Markdown heading
        if not line:
            new_block = True
            continue
        text, marker = teasers.strip_marker(line)
        last = units[-1] if units and not new_block else None
        new_block = marker
        if marker and not text:
            # A marker follows a summary, so the line before it is one, however short.
            if units and units[-1].kind in "HP" and not units[-1].marker:
                units[-1].kind, units[-1].marker = "P", True
            else:
                units.append(_Unit("M", line))
            continue
        if not marker and (found := date_line(text)):
            units.append(_Unit("D", text, date=found))
            continue
        if _is_furniture(text):
            continue
        kind = "P" if marker or _paragraph_like(text) else "H"
        # Lines of one block: a hard-wrapped paragraph or headline is one unit.
        if (
            last
            and last.kind in "HP"
            and not last.marker
            and (
                _continues(last.text, text)
                or (last.kind == kind == "P" and not teasers.ends_sentence(last.text))
            )
        ):
            last.text = f"{last.text} {text}"
            last.kind = "P" if "P" in (last.kind, kind) else "H"
            last.marker = marker
            continue
        units.append(_Unit(kind, text, marker=marker))
    return units


@dataclass
class _Draft:
    title: str | None = None
    summary: str | None = None
    marker: bool = False
    closed: bool = False
    date: _Unit | None = None


def _dates_follow_items(units: list[_Unit]) -> bool:
    """True for 'headline, summary, date' layouts: the last paragraph or date is a date, and
    the listing does not open with one."""
    kinds = "".join(u.kind for u in units).rstrip("HM")
    return kinds.endswith("D") and not kinds.lstrip("M").startswith("D")


def _drafts(units: list[_Unit]) -> list[_Draft]:
    drafts: list[_Draft] = []
    uses_markers = sum(u.marker for u in units) >= 2
    dates_after = _dates_follow_items(units)
    pending: _Unit | None = None
    current: _Draft | None = None

    def start(**values) -> _Draft:
        nonlocal pending
        draft = _Draft(date=pending, **values)
        pending = None
        drafts.append(draft)
        return draft

    for unit in units:
        open_ = current is not None and not current.closed
        if unit.kind == "H":
            current = start(title=unit.text)
        elif unit.kind == "P":
            if open_ and current.summary is None:
                current.summary = unit.text
            elif (
                open_
                and uses_markers
                and unit.marker
                and current.title is None
                and len(current.summary) <= _MAX_HEADLINE_CHARS
            ):
                # "Headline ending in a full stop." then "Summary.Read more"
                current.title, current.summary = current.summary, unit.text
            else:
                current = start(summary=unit.text)
            current.marker = unit.marker
            current.closed = unit.marker
        elif unit.kind == "M":
            if open_:
                current.marker = current.closed = True
        elif dates_after and current is not None:
            if current.date is None:
                current.date = unit
        elif open_ and current.summary is None and current.date is None:
            current.date = unit
        else:
            pending = unit
    return drafts


def _is_truncated(draft: _Draft, is_last: bool, others_marked: bool, others_end: bool) -> bool:
    if teasers.ends_cut_off(draft.summary):
        return True
    if not is_last or draft.marker or teasers.ends_sentence(draft.summary):
        return False
    return others_marked or others_end


def _is_menu_line(text: str) -> bool:
    return len(text.split()) <= _MAX_MENU_WORDS or text.lower().startswith(_MENU_STARTS)


def _looks_like_furniture(draft: _Draft) -> bool:
    """A menu line, or an intro ('News' / 'Latest news from …'); only asked at the edges."""
    if draft.summary is None:
        return _is_menu_line(draft.title)
    return draft.summary.lower().startswith(_INTRO_STARTS) and (
        draft.title is None or len(draft.title.split()) <= _MAX_MENU_WORDS
    )


def _mostly_titled(drafts: list[_Draft]) -> bool:
    complete = [d for d in drafts if d.summary is not None]
    titled = sum(d.title is not None for d in complete)
    return titled >= 2 and titled >= _HEADLINE_SHARE * len(complete)


def _mend_edges(drafts: list[_Draft], mostly_titled: bool) -> None:
    """Read the page's edges in the light of the whole listing.

    At the end, a line that stops mid-sentence reads as a headline: after a headline it is that
    headline's summary, and in a listing without headlines it is an item of its own. At the
    start of a listing without headlines, 'News' above the first paragraph is a page heading.
    """
    tail = drafts[-1] if drafts else None
    if tail and tail.summary is None and not tail.marker and not _is_menu_line(tail.title):
        before = drafts[-2] if len(drafts) >= 2 else None
        if before and before.summary is None and not before.marker:
            before.summary = tail.title
            drafts.pop()
        elif not mostly_titled:
            tail.title, tail.summary = None, tail.title
    complete = [d for d in drafts if d.summary is not None]
    titled = [d for d in complete if d.title is not None]
    if len(complete) >= 2 and titled == complete[:1] and _is_menu_line(titled[0].title):
        titled[0].title = None


def _body(drafts: list[_Draft], mostly_titled: bool) -> tuple[int, int]:
    """First and last index of the listing proper: items, not the page around them."""
    complete = [i for i, d in enumerate(drafts) if d.summary is not None]
    titled = [i for i in complete if drafts[i].title is not None]
    core = [
        i for i in (titled if mostly_titled else complete) if not _looks_like_furniture(drafts[i])
    ]
    core = core or complete
    return core[0], core[-1]


def read_text(text: str, source: str) -> Listing:
    """Read a plain-text listing.

    Raises:
        SourceError: when no item can be found.
    """
    drafts = _drafts(_units(text.split("\n")))
    mostly_titled = _mostly_titled(drafts)
    _mend_edges(drafts, mostly_titled)
    complete = [d for d in drafts if d.summary is not None]
    if not complete:
        raise SourceError(f"no news items found in {source}: expected headlines and summaries")
    start, end = _body(drafts, mostly_titled)
    marked = sum(d.marker for d in complete)
    ended = sum(teasers.ends_sentence(d.summary) for d in complete)
    last = complete[-1]

    listing = Listing(source=source, format="text")
    keys = []
    position = 0
    for index, draft in enumerate(drafts):
        at_edge = index < start or index > end
        excerpt = draft.title or draft.summary or ""
        if at_edge and _looks_like_furniture(draft):
            continue
        position += 1
        if draft.summary is None or at_edge:
            reason = FURNITURE if at_edge else NO_SUMMARY
            listing.rejections.append(Rejection(source, reason, excerpt[:200], position))
            continue
        found = draft.date.date if draft.date else None
        listing.items.append(
            RawItem(
                title=draft.title or teasers.derive_title(draft.summary),
                summary=draft.summary,
                source=source,
                position=position,
                title_derived=draft.title is None,
                truncated=_is_truncated(
                    draft,
                    draft is last,
                    others_marked=marked - draft.marker > 0,
                    others_end=ended > len(complete) // 2,
                ),
                listed_date=found.day if found else None,
                date_line=draft.date.text if draft.date else None,
            )
        )
        keys.append(found.key if found else None)
    if not listing.items:
        raise SourceError(f"no news items found in {source}: only page furniture")
    listing.order = detect_order(keys)
    return listing
