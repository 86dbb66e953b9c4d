"""A saved page's heading blocks ("cards"): found by structure, read for their parts.

A block is the largest element holding exactly one heading, as in

    <div class="views-row"><h2><a href="/news/x">Title</a></h2><time datetime="2018-10-18">…
      </time><p>Summary…</p><a href="/news/x">Read more</a></div>

or, on flat pages, a heading and the siblings up to the next heading. Each is read for its
heading, link, <time> or date-shaped text, and summary (`read_block`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from insights.ingest import teasers
from insights.ingest.datelines import date_line, find_date, parse_date
from insights.ingest.dom import Node, text_of
from insights.lexicon import word_set

HEADINGS = word_set("h1 h2 h3 h4 h5 h6")
_LEAD_TAGS = word_set("a strong b")
_HEADING_WORDS = word_set("title headline heading")
_DATE_WORDS = word_set("date dates time posted published submitted created meta byline dateline")
_SUMMARY_WORDS = word_set("summary teaser excerpt standfirst description intro lede body abstract")
# An item's own header and footer (byline, categories, share links) are not its summary.
_ITEM_FRAME = word_set("header footer")
_MAX_HEADING_CHARS = 300
_MAX_DATE_CHARS = 120


def walk(node: Node):
    """Every element under `node` in document order, furniture left out."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(c for c in reversed(current.children) if isinstance(c, Node) and not c.skip)


def is_heading(node: Node) -> bool:
    if node.tag in HEADINGS:
        return True
    return bool(node.words & _HEADING_WORDS) and len(text_of(node)) <= _MAX_HEADING_CHARS


def is_linked_heading(node: Node) -> bool:
    """A heading that links to its article: <h2><a href>…</a></h2> or <a href><h2>…</h2></a>."""
    if not is_heading(node):
        return False
    if node.tag == "a" or (node.parent is not None and node.parent.tag == "a"):
        return True
    return bool(find([node], lambda n: n.tag == "a" and bool(n.attrs.get("href")), set()))


def is_lead_link(node: Node) -> bool:
    """On pages without headings: a link or bold text that opens its element, as in
    <li><a href="/news/x">Title</a> Summary…</li>."""
    if node.tag not in _LEAD_TAGS or node.parent is None:
        return False
    first = next((c for c in node.parent.children if isinstance(c, Node) or c.strip()), None)
    return first is node


def _count_headings(root: Node, is_heading) -> tuple[set[int], dict[int, int]]:
    """The headings, and how many sit under each element (a heading counts once)."""
    counts: dict[int, int] = {}
    order = list(walk(root))
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
class Block:
    nodes: list[Node]  # one element, or (flat) a heading and its following siblings
    heading: Node
    parent: Node
    flat: bool = False

    @property
    def shape(self) -> str:
        return f"flat:{self.heading.tag}" if self.flat else self.nodes[0].shape()


def blocks(root: Node, is_heading) -> list[Block]:
    """The largest elements holding exactly one heading, in document order."""
    headings, counts = _count_headings(root, is_heading)
    blocks: list[Block] = []
    # Iterative, since broken pages nest unclosed <div>s thousands deep.
    stack: list[Node | Block] = [root] if counts.get(id(root)) else []
    while stack:
        entry = stack.pop()
        if isinstance(entry, Block):
            blocks.append(entry)
            continue
        if counts[id(entry)] == 1:
            heading = entry
            while id(heading) not in headings:
                heading = next(
                    c for c in heading.children if isinstance(c, Node) and counts.get(id(c))
                )
            blocks.append(Block([entry], heading, entry.parent or entry))
            continue
        found: list[Node | Block] = []
        flat: Block | None = None
        for child in entry.children:
            if not isinstance(child, Node) or child.skip:
                continue
            count = counts.get(id(child), 0)
            if id(child) in headings:
                flat = Block([child], child, entry, flat=True)
                found.append(flat)
            elif count == 0 and flat is not None:
                flat.nodes.append(child)
            elif count:
                flat = None
                found.append(child)
        stack.extend(reversed(found))
    return blocks


def find(roots: list[Node], wanted, leave_out: set[int]) -> list[Node]:
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
class Parts:
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
        links = [node] if node.tag == "a" else find([node], lambda n: n.tag == "a", set())
        for link in links:
            if link.attrs.get("href", "").strip():
                return link.attrs["href"].strip()
    return None


def _summary_texts(block: Block, leave_out: set[int]) -> list[str]:
    """The texts of the block's summary pieces: summary-classed elements, or its paragraphs,
    or the whole block, with `leave_out` left out."""
    pieces = find(block.nodes, lambda n: bool(n.words & _SUMMARY_WORDS), leave_out) or find(
        block.nodes, lambda n: n.tag == "p", leave_out
    )
    hidden = frozenset(leave_out)
    return [text_of(n, hidden) for n in pieces or block.nodes]


def read_block(block: Block) -> Parts:
    heading = block.heading
    leave_out = {id(heading)}
    markers = find(block.nodes, lambda n: n.tag == "a" and teasers.is_marker(text_of(n)), leave_out)
    leave_out.update(id(n) for n in markers)
    listed = line = None
    # Not the block itself: <article class="post-date-3"> holds the whole item.
    dates = find(block.nodes, lambda n: n not in block.nodes and _is_date_node(n), leave_out)
    if dates:
        leave_out.add(id(dates[0]))
        line = text_of(dates[0]) or None
        stamp = dates[0].attrs.get("datetime", "")
        listed = parse_date(stamp) if stamp else None
        if listed is None and line and (found := find_date(line)):
            listed = found.day
    # The item's own <header> and <footer> are left out of the summary, after the date search
    # (a byline's date in the header still counts), unless nothing else is left.
    frames = find(block.nodes, lambda n: n not in block.nodes and n.tag in _ITEM_FRAME, leave_out)
    framed = leave_out | {id(n) for n in frames}
    texts = _summary_texts(block, framed) if frames else []
    if not any(texts):
        texts = _summary_texts(block, leave_out)
    kept = []
    for text in texts:
        if not text or teasers.is_marker(text):
            continue
        if line is None and (found := date_line(text)):
            line, listed = text, found.day
            continue
        kept.append(text)
    summary, _ = teasers.strip_marker(" ".join(kept))
    return Parts(
        title=text_of(heading),
        summary=summary,
        url=_href([heading]) or _href(markers) or _href(block.nodes),
        listed_date=listed,
        date_line=line,
    )
