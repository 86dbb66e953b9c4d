"""A saved page as a small tree, parsed the way a browser parses it (selectolax's Lexbor).

Lexbor builds the tree the HTML standard prescribes, so a malformed page (unclosed <p> and
<li>, stray end tags, misnested <b><i>) reads as it looked in the browser. The standard's tree
building is quadratic in nesting depth (40,000 nested <div>s take seconds in every
conforming parser), so one linear pass first drops start tags nested past `MAX_DEPTH`, and
their end tags: no text is lost, only nesting no page needs.

The tree keeps what the readers use: tag, attributes, children (elements and text), and a
`skip` mark on page furniture (nav, header, footer, aside, script, cookie banners, menus).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from selectolax.lexbor import LexborHTMLParser, LexborNode

from insights.lexicon import word_set

MAX_DEPTH = 256
_MAX_WRAPPERS = 8  # identical empty wrappers in a row kept before the rest are left out
VOID = word_set("area base br col embed hr img input link meta param source track wbr")
# Elements the parser closes by itself (<li> ends at the next <li>): they never nest deeply.
_SELF_CLOSING = word_set("li p dt dd option optgroup tr td th tbody thead tfoot rb rt rp")
_SKIP_TAGS = word_set("script style noscript template nav aside form svg iframe select button head")
_PAGE_LEVEL = word_set("header footer")  # furniture unless inside an article or item
_PAGE_ROOTS = word_set("html body main")
_ITEM_TAGS = word_set("article li section")
_SKIP_WORDS = word_set(
    "nav navbar navigation menu breadcrumb breadcrumbs cookie cookies pagination pager sidebar skip"
)
_SKIP_ROLES = word_set("navigation banner contentinfo search complementary")
BLOCKS = word_set(
    "p div li ul ol section article header footer h1 h2 h3 h4 h5 h6 table tr td th "
    "blockquote dl dt dd figure figcaption main br hr"
)
_NOISE_CLASSES = word_set("odd even first last active featured sticky promoted clearfix")
_TAG_START = re.compile(r"<(?:(!--)|(/?)([A-Za-z][\w:-]*))")
_RAW_TEXT = word_set("script style textarea title")  # bodies the parser reads as text
_RAW_END = {name: re.compile(rf"</{name}", re.IGNORECASE) for name in _RAW_TEXT}
_MAX_ATTRIBUTES = 100  # Lexbor checks each new attribute against the others: quadratic
_READ = word_set(
    "class id href datetime role hidden aria-hidden rel name property content"
)  # what Node uses
_ATTRIBUTE = re.compile(r"""[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")


@dataclass(frozen=True)
class _Tag:
    start: int
    end: int  # just past its '>'
    closing: bool
    name: str  # lower case
    attributes: str  # the text between the name and '>'


def _tags(markup: str) -> Iterator[_Tag]:
    """Each start and end tag in order; comments and raw-text bodies are passed over.

    Linear: every search starts where the last one ended, and one that finds nothing ends
    the scan, as the HTML standard ends the page there (an unterminated comment or <script>
    runs to the end of the page; a tag with no '>' is dropped).
    """
    at = 0
    while (found := _TAG_START.search(markup, at)) is not None:
        if found.group(1):  # <!--
            end = markup.find("-->", found.end())
            if end < 0:
                return
            at = end + 3
            continue
        close = markup.find(">", found.end())
        if close < 0:
            return
        name = found.group(3).lower()
        closing = bool(found.group(2))
        at = close + 1
        if not closing and name in _RAW_TEXT:
            body_end = _RAW_END[name].search(markup, at)
            if body_end is None:
                return
            at = markup.find(">", body_end.end()) + 1
            if at == 0:
                return
            continue
        yield _Tag(found.start(), close + 1, closing, name, markup[found.end() : close])


def _fewer_attributes(tag: _Tag, markup: str) -> str | None:
    """The start tag with its first _MAX_ATTRIBUTES attributes and any later one the readers
    use (class, href, …), or None when it has no more than that."""
    if len(tag.attributes) < 8 * _MAX_ATTRIBUTES:  # too short to hold that many
        return None
    found = [m.group(0) for m in _ATTRIBUTE.finditer(tag.attributes)]
    if len(found) <= _MAX_ATTRIBUTES:
        return None
    kept = found[:_MAX_ATTRIBUTES] + [
        a for a in found[_MAX_ATTRIBUTES:] if a.split("=", 1)[0].strip().lower() in _READ
    ]
    slash = "/" if tag.attributes.rstrip().endswith("/") else ""
    name = markup[tag.start + 1 : tag.start + 1 + len(tag.name)]
    return f"<{name} {' '.join(kept)}{slash}>"


@dataclass(eq=False)
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)
    skip: bool = False  # set aside: furniture itself or inside furniture
    furniture: bool = False  # by tag or role (<nav>, role="navigation")
    furniture_by_class: bool = False  # by a class word ('sidebar', 'menu')

    @cached_property
    def words(self) -> set[str]:
        """Class and id split into words: 'views-field-title' -> {'views', 'field', 'title'}."""
        return _words(f"{self.attrs.get('class', '')} {self.attrs.get('id', '')}")

    def shape(self) -> str:
        """Tag and class words, less numbering and striping: 'div.row.views'."""
        kept = {
            w
            for w in _words(self.attrs.get("class", ""))
            if w not in _NOISE_CLASSES and not any(c.isdigit() for c in w)
        }
        return ".".join([self.tag, *sorted(kept)])


def _words(names: str) -> set[str]:
    return set(names.lower().replace("-", " ").replace("_", " ").split())


def cap_depth(markup: str, limit: int = MAX_DEPTH) -> str:
    """The markup with needless nesting taken out, so that no element is deeper than `limit`.

    One pass over the tags. A run of more than `_MAX_WRAPPERS` identical start tags with
    nothing between them ("<div><div><div>…") keeps only its first ones, and their surplus
    end tags go too, so what they wrap keeps its structure. When `limit` elements are open,
    the innermost half are closed there (their own end tags, later, close nothing and go),
    so deep content keeps the structure it has within the last levels. End tags that close
    nothing are left out. Comments and script, style, textarea and title bodies are skipped
    whole; elements the parser closes by itself (<li>, <p>, <td>) do not count.
    """
    stack: list[str] = []  # kept open elements, outermost first
    open_: dict[str, int] = {}
    dropped: dict[str, int] = {}  # surplus wrappers left out, waiting for their end tags
    out: list[str] = []
    last = 0
    run_name, run, run_end = "", 0, -1  # the run of identical start tags being read

    def emit(up_to: int, text: str = "") -> None:
        nonlocal last
        out.append(markup[last:up_to])
        out.append(text)

    for tag in _tags(markup):
        name = tag.name
        shorter = None if tag.closing else _fewer_attributes(tag, markup)
        if name in VOID or name in _SELF_CLOSING or tag.attributes.rstrip().endswith("/"):
            run = 0
            if shorter:
                emit(tag.start, shorter)
                last = tag.end
            continue
        if tag.closing:
            run = 0
            if dropped.get(name):
                dropped[name] -= 1
            elif open_.get(name):
                while stack:  # the parser closes what is open inside it
                    inner = stack.pop()
                    open_[inner] -= 1
                    if inner == name:
                        break
                continue
            emit(tag.start)  # an end tag with nothing open to close
            last = tag.end
            continue
        adjacent = run_end >= 0 and not markup[run_end : tag.start].strip()
        # Identical means the whole start tag: a Drupal page opens ten differently classed
        # <div>s in a row around its first item, and every one of them is structure.
        whole = markup[tag.start : tag.end]
        run = run + 1 if adjacent and whole == run_name else 1
        run_name, run_end = whole, tag.end
        if run > _MAX_WRAPPERS:
            dropped[name] = dropped.get(name, 0) + 1
            emit(tag.start)
            last = tag.end
            continue
        closings = ""
        if len(stack) >= limit:
            closed = stack[limit // 2 :]
            del stack[limit // 2 :]
            for inner in closed:
                open_[inner] -= 1
            closings = "".join(f"</{inner}>" for inner in reversed(closed))
        if closings or shorter:
            emit(tag.start, closings + (shorter or markup[tag.start : tag.end]))
            last = tag.end
        stack.append(name)
        open_[name] = open_.get(name, 0) + 1
    if not out:
        return markup
    out.append(markup[last:])
    return "".join(out)


def _inside_item(node: Node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in _ITEM_TAGS:
            return True
        parent = parent.parent
    return False


def _is_furniture(node: Node) -> bool:
    if node.tag in _SKIP_TAGS or "hidden" in node.attrs:
        return True
    if node.attrs.get("role") in _SKIP_ROLES or node.attrs.get("aria-hidden") == "true":
        return True
    return node.tag in _PAGE_LEVEL and not _inside_item(node)


def _is_furniture_by_class(node: Node) -> bool:
    # <body class="sidebar-first"> is the page, not a sidebar.
    return node.tag not in _PAGE_ROOTS and bool(node.words & _SKIP_WORDS)


def set_aside(root: Node, by_class: bool = True, keep: frozenset[int] = frozenset()) -> None:
    """Mark furniture `skip` again: by tag and role, and by class word if asked, except the
    elements in `keep` (ids), which a class word alone does not set aside."""
    stack = [root]
    while stack:
        node = stack.pop()
        parent = node.parent
        node.skip = (
            (parent is not None and parent.skip)
            or node.furniture
            or (by_class and node.furniture_by_class and id(node) not in keep)
        )
        stack.extend(c for c in node.children if isinstance(c, Node))


def keep_listing_form(root: Node) -> bool:
    """Keep the <form> that holds the page's largest repeating run (a Joomla listing's <table>
    inside its adminForm): a form is furniture only to break ties. The run is the most
    same-shaped sibling elements with text, counted with forms and class words not set aside.
    True when a form was kept (the marks are then set again)."""
    texted: dict[int, bool] = {}
    order: list[Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.furniture and node.tag != "form":
            continue
        order.append(node)
        stack.extend(c for c in node.children if isinstance(c, Node))
    best, holder = 1, None
    for node in reversed(order):  # children before parents
        kids = [c for c in node.children if isinstance(c, Node) and texted.get(id(c))]
        own = any(isinstance(c, str) and c.strip() for c in node.children)
        texted[id(node)] = own or bool(kids)
        if kids and (most := Counter(k.shape() for k in kids).most_common(1)[0][1]) > best:
            best, holder = most, node
    forms = []
    while holder is not None:
        if holder.tag == "form":
            forms.append(holder)
        holder = holder.parent
    for form in forms:
        form.furniture = False
    if forms:
        set_aside(root)
    return bool(forms)


def parse(markup: str, by_class: bool = True) -> Node:
    """The page as a tree; furniture is marked `skip`, by tag and role, and by class if asked."""
    document = LexborHTMLParser(cap_depth(markup))
    root = Node("#root", {})
    start = document.root
    if start is None:
        return root
    # Iterative: a broken page may still nest a few hundred levels deep.
    stack: list[tuple[LexborNode, Node]] = [(start, root)]
    while stack:
        source, parent = stack.pop()
        tag = source.tag
        if tag == "-text":
            parent.children.append(source.text_content or "")
            continue
        if tag is None or tag.startswith(("_", "!", "#")) or tag == "-comment":
            continue
        if tag == "br":
            parent.children.append(" ")
            continue
        attrs = {str(k): str(v or "") for k, v in source.attributes.items()}
        node = Node(tag, attrs, parent=parent)
        node.furniture = _is_furniture(node)
        node.furniture_by_class = _is_furniture_by_class(node)
        node.skip = parent.skip or node.furniture or (by_class and node.furniture_by_class)
        parent.children.append(node)
        children = list(source.iter(include_text=True))
        stack.extend((child, node) for child in reversed(children))
    return root


def text_of(node: Node | str, leave_out: frozenset[int] = frozenset()) -> str:
    """The visible text under a node, whitespace collapsed, block elements kept apart."""
    parts: list[str] = []
    stack: list[Node | str] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, str):
            parts.append(current)
        elif not current.skip and id(current) not in leave_out:
            if current.tag in BLOCKS:
                parts.append(" ")
            stack.extend(reversed(current.children))
    return " ".join("".join(parts).split())


def block_lines(root: Node) -> list[str]:
    """The visible text of the page, one line per block element's own text, in order: the
    page as a person would copy it, for the plain-text reader."""
    lines: list[str] = []
    run: list[str] = []

    def close() -> None:
        if text := " ".join("".join(run).split()):
            lines.append(text)
        run.clear()

    stack: list[Node | str | None] = [root]  # None: the end of a block element
    while stack:
        current = stack.pop()
        if current is None:
            close()
        elif isinstance(current, str):
            run.append(current)
        elif not current.skip:
            if current.tag in BLOCKS:
                close()
                stack.append(None)
            stack.extend(reversed(current.children))
    close()
    return lines


def to_plain_text(markup: str) -> str:
    """HTML in a CSV/JSON field as plain text: '<p>A &amp; B</p>' -> 'A & B'."""
    if "<" not in markup:
        return " ".join(html.unescape(markup).split())
    return text_of(parse(markup))
