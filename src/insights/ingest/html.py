"""Saved HTML listing pages, parsed as a browser would (`ingest.dom`, Lexbor).

The page becomes a small tree; page furniture (nav, header, footer, aside, script, style,
cookie banners, menus, breadcrumbs) is set aside. An item is a heading block (`ingest.cards`:
the largest element holding exactly one heading). Items are the blocks that repeat: the
commonest shape of block with a summary, and blocks of a kindred shape beside them (a
"news-item highlight" among "news-item"s).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from insights.ingest import cards, teasers
from insights.ingest.blocks import text_blocks
from insights.ingest.datelines import detect_order
from insights.ingest.dom import Node, block_lines, keep_listing_form, parse, set_aside, text_of
from insights.ingest.items import Listing, RawItem, Rejection, SourceError
from insights.ingest.plaintext import listing_from_blocks
from insights.ingest.provenance import Provenance, html_comments, with_address
from insights.ingest.template import FURNITURE, NO_SUMMARY
from insights.lexicon import word_set

_INVISIBLE = word_set("script style noscript template svg head iframe select button form")
_SITE_NAMES = frozenset({"og:site_name", "application-name"})
_MIN_REPEATS = 2  # heading-and-summary blocks that make a repeating unit
_MIN_TITLES = 3  # linked titles with no summary that make a listing of titles


def _read_blocks(root: Node) -> list[tuple[cards.Block, cards.Parts]]:
    """The page's blocks under the reading whose listing has the most blocks with a summary.

    Linked headings are tried beside all headings, so that in <h2><a>Title</a></h2><h3>Topic
    </h3><p>…</p> the title is the linked one.
    """
    best: list[tuple[cards.Block, cards.Parts]] = []
    best_run = (0, 0)
    for is_heading in (cards.is_linked_heading, cards.is_heading, cards.is_lead_link):
        if is_heading is cards.is_lead_link and best:
            break  # leading links only stand in for headings on pages without any
        parsed = [(block, cards.read_block(block)) for block in cards.blocks(root, is_heading)]
        if (run := _run(parsed)) > best_run:
            best, best_run = parsed, run
    return best


def _run(parsed: list[tuple[cards.Block, cards.Parts]]) -> tuple[int, int]:
    """How many blocks with a summary are of the listing, then how many have a summary. Not
    all blocks with a summary first: a standfirst whose class names it a title (<p
    class="td-sub-title">) splits each item in two, and the halves are of no one shape."""
    summarised = [block for block, parts in parsed if parts.summary]
    if not summarised:
        return (0, 0)
    belongs = _belonging(summarised)
    return (sum(belongs(block) for block in summarised), len(summarised))


@dataclass
class _Reading:
    listing: Listing | None
    parsed: list[tuple[cards.Block, cards.Parts]]  # empty when read as lines
    headed: bool


def _read(root: Node, source: str) -> _Reading:
    """The page under its current marks: by its blocks, or, where none repeat, as text lines
    or as a listing of linked titles, whichever finds more items."""
    parsed = _read_blocks(root)
    summarised = [block for block, parts in parsed if parts.summary]
    headed = _read_headed(parsed, summarised, source) if summarised else None
    if headed is not None and len(headed.items) >= _MIN_REPEATS:
        return _Reading(headed, parsed, True)
    lines = _read_lines(root, source)  # every line is an item or reported furniture
    if lines is not None and headed is not None and len(lines.items) <= len(headed.items):
        return _Reading(headed, parsed, True)
    titles = _read_titles(root, source) if headed is None or lines is not None else None
    if titles is not None and len(titles[0].items) > (len(lines.items) if lines else 0):
        return _Reading(*titles, True)
    if lines is not None:
        return _Reading(lines, [], False)
    return _Reading(headed, parsed, headed is not None)


def _read_titles(
    root: Node, source: str
) -> tuple[Listing, list[tuple[cards.Block, cards.Parts]]] | None:
    """A listing of linked titles and no summaries (a category table of headlines): the
    commonest shape of linked-heading block under one parent, if it repeats `_MIN_TITLES`
    times. The last reading, for pages where no block has a summary."""
    parsed = [(b, cards.read_block(b)) for b in cards.blocks(root, cards.is_linked_heading)]
    if not parsed:
        return None
    (parent, shape), count = Counter((id(b.parent), b.shape) for b, _ in parsed).most_common(1)[0]
    if count < _MIN_TITLES:
        return None
    listing = Listing(source=source, format="html")
    for block, parts in parsed:
        if (id(block.parent), block.shape) != (parent, shape):
            listing.rejections.append(Rejection(source, FURNITURE, parts.title[:200]))
            continue
        listing.items.append(
            RawItem(
                title=parts.title,
                summary=parts.summary,
                source=source,
                position=len(listing.items) + 1,
                truncated=teasers.ends_cut_off(parts.summary),
                listed_date=parts.listed_date,
                date_line=parts.date_line,
                url=parts.url,
            )
        )
    listing.order = detect_order(
        (d.year, d.month, d.day) if (d := i.listed_date) else None for i in listing.items
    )
    return listing, parsed


def _count(reading: _Reading) -> int:
    return len(reading.listing.items) if reading.listing else 0


def _read_by_structure(root: Node, source: str) -> _Reading:
    """The page read with class-word furniture ('sidebar', 'menu') set aside, unless a class
    word hides the listing itself: a Genesis page wraps all of <main> in
    <div class="content-sidebar-wrap">. Then the page is read without class words, and the
    elements holding that reading's repeating blocks are kept; class words still set aside
    the rest (the sidebar), so they only break ties."""
    first = _read(root, source)
    if _headings_hidden_by_class(root) <= _count(first):
        return first
    set_aside(root, by_class=False)
    blind = _read(root, source)
    if first.listing is None:
        return blind
    keep = _holding(blind.parsed) if blind.headed else frozenset()
    set_aside(root, by_class=True, keep=keep)
    if keep:
        kept = _read(root, source)
        if _count(kept) > _count(first):
            return kept
        set_aside(root, by_class=True)
    return first


def _headings_hidden_by_class(root: Node) -> int:
    """How many headings sit in regions a class word alone sets aside."""
    count = 0
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, hidden = stack.pop()
        if node.furniture:
            continue
        hidden = hidden or node.furniture_by_class
        count += hidden and node.tag in cards.HEADINGS
        stack.extend((c, hidden) for c in node.children if isinstance(c, Node))
    return count


def _holding(parsed: list[tuple[cards.Block, cards.Parts]]) -> frozenset[int]:
    """The elements holding the listing's blocks (the blocks and their ancestors)."""
    summarised = [block for block, parts in parsed if parts.summary]
    if not summarised:
        return frozenset()
    belongs = _belonging(summarised)
    held: set[int] = set()
    for block, _ in parsed:
        if not belongs(block):
            continue
        node: Node | None = block.nodes[0]
        while node is not None and id(node) not in held:
            held.add(id(node))
            node = node.parent
    return frozenset(held)


def read_html(markup: str, source: str) -> Listing:
    """Read a saved listing page: by its repeated heading-and-summary blocks, or, where the
    page repeats none (a table of dates and titles, a list of date lines and headlines), by
    the record template over its text, one line per block element, as a text listing is.

    Raises:
        SourceError: when neither reading finds an item.
    """
    root = parse(markup)
    keep_listing_form(root)
    reading = _read_by_structure(root, source)
    listing = reading.listing
    if listing is None:
        raise SourceError(
            f"no news items found in {source}: no blocks with a heading and a summary"
        )
    if reading.headed:
        listing.rejections.extend(
            Rejection(source, FURNITURE, text[:200]) for text in _outside(root, reading.parsed)
        )
    provenance = _page_provenance(root).merged(html_comments(markup))
    listing.url, listing.publisher = provenance.url, provenance.publisher
    listing.captured, listing.captured_from = provenance.captured, provenance.captured_from
    return listing


def _read_lines(root: Node, source: str) -> Listing | None:
    """The page's text, a line per block element, read as a text listing is; None unless it
    repeats an item."""
    lines = [text for line in block_lines(root) for text in (line, "")]  # blank: no joining
    try:
        listing = listing_from_blocks(text_blocks(lines), source, "html")
    except SourceError:
        return None
    return listing if len(listing.items) >= _MIN_REPEATS else None


def _belonging(summarised: list[cards.Block]) -> Callable[[cards.Block], bool]:
    """Whether a block is of the listing: the commonest shape with a summary, or a kindred
    shape (same tag, a class word in common) beside one of those."""
    main = Counter(block.shape for block in summarised).most_common(1)[0][0]
    parents = {id(b.parent) for b in summarised if b.shape == main}
    main_tag, *main_words = main.split(".")

    def belongs(block: cards.Block) -> bool:
        tag, *words = block.shape.split(".")
        return block.shape == main or (
            id(block.parent) in parents and tag == main_tag and bool(set(words) & set(main_words))
        )

    return belongs


def _read_headed(
    parsed: list[tuple[cards.Block, cards.Parts]], summarised: list[cards.Block], source: str
) -> Listing:
    """Items from the page's heading blocks: the commonest shape with a summary, and kin."""
    belonging = _belonging(summarised)
    leads = _leads(parsed, belonging)
    listing = Listing(source=source, format="html")
    position = 0
    for block, parts in parsed:
        belongs = belonging(block) or id(block) in leads
        if not belongs and (not parts.summary or block.heading.tag == "h1"):
            # A page heading, or a heading with nothing under it outside the listing.
            listing.rejections.append(Rejection(source, FURNITURE, parts.title[:200]))
            continue
        position += 1
        if not belongs or not parts.summary:
            reason = FURNITURE if not belongs else NO_SUMMARY
            listing.rejections.append(Rejection(source, reason, parts.title[:200], position))
            continue
        listing.items.append(
            RawItem(
                title=parts.title,
                summary=parts.summary,
                source=source,
                position=position,
                truncated=teasers.ends_cut_off(parts.summary),
                listed_date=parts.listed_date,
                date_line=parts.date_line,
                url=parts.url,
            )
        )
    listing.order = detect_order(
        (d.year, d.month, d.day) if (d := i.listed_date) else None for i in listing.items
    )
    return listing


def _leads(
    parsed: list[tuple[cards.Block, cards.Parts]], belonging: Callable[[cards.Block], bool]
) -> set[int]:
    """A lead item over the listing, shaped apart from it (the newest post in full, its title
    an <h1>): the blocks right above the listing's first, each with a summary and a link into
    the folder that most of the items' links share ("/blog/…")."""
    listed = [(i, p) for i, (block, p) in enumerate(parsed) if p.summary and belonging(block)]
    if not listed:
        return set()
    folders = Counter(_folder(parts.url) for _, parts in listed)
    folder, count = folders.most_common(1)[0]
    if not folder or count * 3 < len(listed) * 2:
        return set()
    leads: set[int] = set()
    for block, parts in reversed(parsed[: listed[0][0]]):
        if not parts.summary or _folder(parts.url) != folder:
            break
        leads.add(id(block))
    return leads


def _folder(url: str | None) -> str:
    """The folder of a link's path ("/blog" for "/blog/a-post/"); "" for none or the root."""
    try:
        path = urlsplit(url).path.rstrip("/") if url else ""
    except ValueError:  # "http://[bad": no folder to share
        return ""
    return path.rsplit("/", 1)[0] if "/" in path else ""


def _outside(root: Node, parsed: list[tuple[cards.Block, cards.Parts]]) -> list[str]:
    """The visible text of the page around its blocks: each region set aside as furniture
    (a nav, a footer) once, and each other paragraph, list item or cell of its own."""
    covered: set[int] = set()
    for block, _ in parsed:
        stack = list(block.nodes)
        while stack:
            node = stack.pop()
            covered.add(id(node))
            stack.extend(c for c in node.children if isinstance(c, Node))
    found: list[str] = []
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        if id(node) in covered:
            continue
        if node.skip:
            if node.tag not in _INVISIBLE and (text := _visible(node)):
                found.append(text)
            continue
        children = [c for c in node.children if isinstance(c, Node)]
        if any(isinstance(c, str) and c.strip() for c in node.children) and node.tag != "#root":
            if text := text_of(node, frozenset(id(c) for c in children if id(c) in covered)):
                found.append(text)
            continue
        stack.extend(reversed(children))
    return found


def _visible(region: Node) -> str:
    """The text a furniture region shows (a menu, a footer), scripts and forms left out."""
    parts: list[str] = []
    stack: list[Node | str] = [region]
    while stack:
        current = stack.pop()
        if isinstance(current, str):
            parts.append(current)
        elif current is region or current.tag not in _INVISIBLE:
            parts.append(" ")
            stack.extend(reversed(current.children))
    return " ".join("".join(parts).split())


def _page_provenance(root: Node) -> Provenance:
    """The site's name and the page's address from its metadata (og:site_name, canonical)."""
    publisher = url = None
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        if node.tag == "meta":
            key = (node.attrs.get("property") or node.attrs.get("name") or "").lower()
            content = " ".join(node.attrs.get("content", "").split())
            if key in _SITE_NAMES and content and not publisher:
                publisher = content
            elif key == "og:url" and content and not url:
                url = content
        elif node.tag == "link" and "canonical" in node.attrs.get("rel", "").lower().split():
            url = url or node.attrs.get("href", "").strip() or None
        stack.extend(c for c in node.children if isinstance(c, Node))
    found = Provenance(publisher=publisher[:120] if publisher else None)
    return with_address(found, url) if url else found
