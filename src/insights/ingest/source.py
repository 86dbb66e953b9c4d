"""One entry point for every source: check the file, decode it, detect its format, read it."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from insights.ingest import feeds, html, jsonfile, links, plaintext, tabular
from insights.ingest.decoding import decode
from insights.ingest.items import Listing, SourceError

MAX_BYTES = 512 * 1024 * 1024

Reader = Callable[[str, str], Listing]

READERS: dict[str, Reader] = {
    "text": plaintext.read_text,
    "html": html.read_html,
    "csv": tabular.read_csv,
    "json": jsonfile.read_json,
    "feed": feeds.read_feed,
}
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".csv": "csv",
    ".tsv": "csv",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".xml": "feed",
}


def detect_format(suffix: str, content: str) -> str:
    """The reader for a file: its extension for HTML/CSV/JSON, else what the content looks like."""
    by_extension = EXTENSIONS.get(suffix.lower())
    if by_extension is not None:
        return by_extension  # a .txt with markup in it is text: the markup stays text
    head = content[:4096].lstrip().lower()
    if feeds.looks_like_feed(head):
        return "feed"  # RSS, RDF, Atom or a WordPress export
    if head[:1] == "<" and (head[1:2].isalpha() or head[1:2] in ("!", "?")):
        return "html"  # "<!doctype html>", "<html>", "<div class=…>", "<?xml …?>"
    if head[:1] in ("[", "{") and content[-4096:].rstrip()[-1:] in ("]", "}"):
        return "json"
    if tabular.looks_like_header(head.split("\n", 1)[0]):
        return "csv"
    return "text"


def _size(size: int) -> str:
    return f"{size / 1024**2:,.0f} MB" if size >= 1024**2 else f"{size:,} bytes"


def read_source(path: str | os.PathLike[str]) -> Listing:
    """Read one listing file of any supported format.

    Raises:
        SourceError: with a one-line reason when nothing usable can be read.
    """
    source = os.fspath(path)
    file = Path(source)
    try:
        info = file.stat()
        if stat.S_ISDIR(info.st_mode):
            raise SourceError(f"{source} is a directory, not a listing file")
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(f"{source} is not a regular file")
        if info.st_size > MAX_BYTES:
            raise SourceError(
                f"{source} is {_size(info.st_size)}, over the {_size(MAX_BYTES)} limit for one "
                "listing: split it into smaller files"
            )
        data = file.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{source} does not exist") from None
    except OSError as exc:
        raise SourceError(f"cannot read {source}: {exc.strerror or exc}") from None
    if not data.strip():
        raise SourceError(f"{source} is empty")
    content, _ = decode(data, source)
    del data  # a large export need not be held twice
    if not content.strip():
        raise SourceError(f"{source} has no text")
    listing = READERS[detect_format(file.suffix, content)](content, source)
    links.keep_web_links(listing)
    return listing
