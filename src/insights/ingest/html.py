"""Saved HTML listing pages, parsed as a browser would (`ingest.dom`, Lexbor).

The page becomes a small tree; page furniture (nav, header, footer, aside, script, style,
cookie banners, menus, breadcrumbs) is set aside. An item is the largest element holding
exactly one heading, as in

    <div class="views-row"><h2><a href="/news/x">Title</a></h2><time datetime="2018-10-18">…
      </time><p>Summary…</p><a href="/news/x">Read more</a></div>

or, on flat pages, a heading and the siblings up to the next heading. Items are the blocks
that repeat: the commonest shape of block with a summary, and blocks of a kindred shape beside
them (a "news-item highlight" among "news-item"s).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from insights.ingest import teasers
from insights.ingest.blocks import text_blocks
from insights.ingest.datelines import date_line, detect_order, find_date, parse_date
from insights.ingest.dom import Node, block_lines, parse, text_of
from insights.ingest.items import Listing, RawItem, Rejection, SourceError
from insights.ingest.plaintext import listing_from_blocks
from insights.ingest.provenance import Provenance, html_comments, with_address
from insights.ingest.template import FURNITURE, NO_SUMMARY
from insights.lexicon import word_set

_HEADINGS = word_set("h1 h2 h3 h4 h5 h6")
_LEAD_TAGS = word_set("a strong b")
_HEADING_WORDS = word_set("title headline heading")
_DATE_WORDS = word_set("date dates time posted published submitted created meta byline dateline")
_SUMMARY_WORDS = word_set("summary teaser excerpt standfirst description intro lede body abstract")
_MAX_HEADING_CHARS = 300
_MAX_DATE_CHARS = 120
_INVISIBLE = word_set("script style noscript template svg head iframe select button form")
_SITE_NAMES = frozenset({"og:site_name", "application-name"})
_MIN_REPEATS = 2  # heading-and-summary blocks that make a repeating unit


def _walk(node: Node):
    """Every element under `node` in document order, furniture left out."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(c for c in reversed(current.children) if isinstance(c, Node) and not c.skip)


def _is_heading(node: Node) -> bool:
    if node.tag in _HEADINGS:
        return True
    return bool(node.words & _HEADING_WORDS) and len(text_of(node)) <= _MAX_HEADING_CHARS


def _is_linked_heading(node: Node) -> bool:
    """A heading that links to its article: <h2><a href>…</a></h2> or <a href><h2>…</h2></a>."""
    if not _is_heading(node):
        return False
    if node.tag == "a" or (node.parent is not None and node.parent.tag == "a"):
        return True
    return bool(_find([node], lambda n: n.tag == "a" and bool(n.attrs.get("href")), set()))


def _is_lead_link(node: Node) -> bool:
    """On pages without headings: a link or bold text that opens its element, as in
    <li><a href="/news/x">Title</a> Summary…</li>."""
    if node.tag not in _LEAD_TAGS or node.parent is None:
        return False
    first = next((c for c in node.parent.children if isinstance(c, Node) or c.strip()), None)
    return first is node


def _count_headings(root: Node, is_heading) -> tuple[set[int], dict[int, int]]:
    """The headings, and how many sit under each element (a heading counts once)."""
    counts: dict[int, int] = {}
    order = list(_walk(root))
    headings = {id(n) for n in order if is_heading(n) and text_of(n)}
    for node in reversed(order):
        if id(node) in headings:
            counts[id(node)] = 1
        else:
            counts[id(node)] = sum(
                counts.get(id(c), 0) for c in node.children if isinstance(c, Node)
            )
    return headings, counts


@dataclass
class _Block:
    nodes: list[Node]  # one element, or (flat) a heading and its following siblings
    heading: Node
    parent: Node
    flat: bool = False

    @property
    def shape(self) -> str:
        return f"flat:{self.heading.tag}" if self.flat else self.nodes[0].shape()


def _blocks(root: Node, is_heading) -> list[_Block]:
    """The largest elements holding exactly one heading, in document order."""
    headings, counts = _count_headings(root, is_heading)
    blocks: list[_Block] = []
    # Iterative, since broken pages nest unclosed <div>s thousands deep.
    stack: list[Node | _Block] = [root] if counts.get(id(root)) else []
    while stack:
        entry = stack.pop()
        if isinstance(entry, _Block):
            blocks.append(entry)
            continue
        if counts[id(entry)] == 1:
            heading = entry
            while id(heading) not in headings:
                heading = next(
                    c for c in heading.children if isinstance(c, Node) and counts.get(id(c))
                )
            blocks.append(_Block([entry], heading, entry.parent or entry))
            continue
        found: list[Node | _Block] = []
        flat: _Block | None = None
        for child in entry.children:
            if not isinstance(child, Node) or child.skip:
                continue
            count = counts.get(id(child), 0)
            if id(child) in headings:
                flat = _Block([child], child, entry, flat=True)
                found.append(flat)
            elif count == 0 and flat is not None:
                flat.nodes.append(child)
            elif count:
                flat = None
                found.append(child)
        stack.extend(reversed(found))
    return blocks


def _find(roots: list[Node], wanted, leave_out: set[int]) -> list[Node]:
    """The outermost elements under `roots` for which `wanted(node)` holds, in document order."""
    found: list[Node] = []
    stack = list(reversed(roots))
    while stack:
        node = stack.pop()
        if node.skip or id(node) in leave_out:
            continue
        if wanted(node):
            found.append(node)
            continue
        stack.extend(c for c in reversed(node.children) if isinstance(c, Node))
    return found


@dataclass
class _Parts:
    title: str
    summary: str
    url: str | None
    listed_date: date | None
    date_line: str | None


def _is_date_node(node: Node) -> bool:
    if node.tag == "time":
        return True
    if not node.words & _DATE_WORDS:
        return False
    text = text_of(node)
    return len(text) <= _MAX_DATE_CHARS and find_date(text) is not None


def _href(nodes: list[Node]) -> str | None:
    for node in nodes:
        links = [node] if node.tag == "a" else _find([node], lambda n: n.tag == "a", set())
        for link in links:
            if link.attrs.get("href", "").strip():
                return link.attrs["href"].strip()
    return None


def _read_block(block: _Block) -> _Parts:
    heading = block.heading
    leave_out = {id(heading)}
    markers = _find(
        block.nodes, lambda n: n.tag == "a" and teasers.is_marker(text_of(n)), leave_out
    )
    leave_out.update(id(n) for n in markers)
    listed = line = None
    # Not the block itself: <article class="post-date-3"> holds the whole item.
    dates = _find(block.nodes, lambda n: n not in block.nodes and _is_date_node(n), leave_out)
    if dates:
        leave_out.add(id(dates[0]))
        line = text_of(dates[0]) or None
        stamp = dates[0].attrs.get("datetime", "")
        listed = parse_date(stamp) if stamp else None
        if listed is None and line and (found := find_date(line)):
            listed = found.day
    pieces = _find(block.nodes, lambda n: bool(n.words & _SUMMARY_WORDS), leave_out) or _find(
        block.nodes, lambda n: n.tag == "p", leave_out
    )
    hidden = frozenset(leave_out)
    texts = [text_of(n, hidden) for n in pieces or block.nodes]
    kept = []
    for text in texts:
        if not text or teasers.is_marker(text):
            continue
        if line is None and (found := date_line(text)):
            line, listed = text, found.day
            continue
        kept.append(text)
    summary, _ = teasers.strip_marker(" ".join(kept))
    return _Parts(
        title=text_of(heading),
        summary=summary,
        url=_href([heading]) or _href(markers) or _href(block.nodes),
        listed_date=listed,
        date_line=line,
    )


def _read_blocks(markup: str) -> tuple[Node, list[tuple[_Block, _Parts]]]:
    """The page's blocks under the first reading that finds summaries.

    Linked headings are tried beside all headings, so that in <h2><a>Title</a></h2><h3>Topic
    </h3><p>…</p> the title is the linked one; the reading with more summaries wins. Class
    names such as "content-with-nav" can hide a whole page, so a second pass ignores them.
    """
    for by_class in (True, False):
        root = parse(markup, by_class)
        best: list[tuple[_Block, _Parts]] = []
        for is_heading in (_is_linked_heading, _is_heading, _is_lead_link):
            if is_heading is _is_lead_link and best:
                break  # leading links only stand in for headings on pages without any
            parsed = [(block, _read_block(block)) for block in _blocks(root, is_heading)]
            if sum(bool(p.summary) for _, p in parsed) > sum(bool(p.summary) for _, p in best):
                best = parsed
        if best:
            return root, best
    return root, []


def read_html(markup: str, source: str) -> Listing:
    """Read a saved listing page: by its repeated heading-and-summary blocks, or, where the
    page repeats none (a table of dates and titles, a list of date lines and headlines), by
    the record template over its text, one line per block element, as a text listing is.

    Raises:
        SourceError: when neither reading finds an item.
    """
    root, parsed = _read_blocks(markup)
    summarised = [block for block, parts in parsed if parts.summary]
    headed = _read_headed(parsed, summarised, source) if summarised else None
    listing = headed
    if headed is None or len(headed.items) < _MIN_REPEATS:
        lines = _read_lines(root, source)  # every line is an item or reported furniture
        if lines is not None and (headed is None or len(lines.items) > len(headed.items)):
            listing = lines
    if listing is None:
        raise SourceError(
            f"no news items found in {source}: no blocks with a heading and a summary"
        )
    if listing is headed:
        listing.rejections.extend(
            Rejection(source, FURNITURE, text[:200]) for text in _outside(root, parsed)
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


def _read_headed(
    parsed: list[tuple[_Block, _Parts]], summarised: list[_Block], source: str
) -> Listing:
    """Items from the page's heading blocks: the commonest shape with a summary, and kin."""
    main = Counter(block.shape for block in summarised).most_common(1)[0][0]
    parents = {id(b.parent) for b in summarised if b.shape == main}
    main_tag, *main_words = main.split(".")

    listing = Listing(source=source, format="html")
    position = 0
    for block, parts in parsed:
        tag, *words = block.shape.split(".")
        belongs = block.shape == main or (
            id(block.parent) in parents and tag == main_tag and bool(set(words) & set(main_words))
        )
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


def _outside(root: Node, parsed: list[tuple[_Block, _Parts]]) -> list[str]:
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
