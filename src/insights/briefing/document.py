"""A Briefing written out as one standalone HTML page: inline CSS and SVG, nothing fetched.

Every piece of text from the sources goes through `html.escape`: a title such as
`<script>alert(1)</script>` is shown as those characters, never run or rendered. Links to the
articles are the only addresses in the page, and nothing loads them until a reader clicks.
The same page is the PDF (pdf.py), so the print styles (A4, a page per section) are here.
"""

from __future__ import annotations

from html import escape

from insights.briefing.content import NO_DATES, NO_THEMES, Article, Briefing, Chart, Quoted

TITLE = "News briefing"
NOTHING = "No articles match these filters."
# System fonts only: a briefing opens offline, so it names no web font.
CSS = """
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1a1a1a;
  background: #fff; max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; }
h1 { font-size: 2rem; margin: 0 0 .25rem; }
h2 { font-size: 1.4rem; margin: 0 0 .75rem; border-bottom: 2px solid #1a1a1a; }
.filters { font-size: 1.05rem; margin: 0 0 1.5rem; }
.numbers { display: flex; flex-wrap: wrap; gap: 1rem 2.5rem; margin: 0 0 .5rem; padding: 0; }
.numbers div { display: flex; flex-direction: column-reverse; }
.numbers dt { font-size: .9rem; }
.numbers dd { font-size: 1.6rem; font-weight: bold; margin: 0; }
section { margin: 0 0 2rem; }
figure { margin: 1rem 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 1rem; margin-top: .5rem; }
blockquote { margin: .25rem 0 .25rem 1rem; padding-left: .75rem; border-left: 3px solid #999; }
li { margin-bottom: .6rem; break-inside: avoid; }
.source, footer, .small { font-size: .9rem; }
a { color: #0b4f8a; }
footer { border-top: 1px solid #999; padding-top: .75rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 11pt; }
  section + section { break-before: page; }
  a { color: inherit; }
}
"""


def write(briefing: Briefing) -> str:
    """The whole briefing as one HTML document."""
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{TITLE}</title><style>{CSS}</style></head><body>",
        "<header>",
        f"<h1>{TITLE}</h1>",
        f'<p class="filters">{escape(briefing.filters)}</p>',
        "</header>",
        _overview(briefing),
        _themes(briefing),
        _changes(briefing.changes),
        _figures(briefing.figures),
        _latest(briefing.latest),
        _footer(briefing),
        "</body></html>",
    ]
    return "\n".join(p for p in parts if p)


def _overview(briefing: Briefing) -> str:
    numbers = "".join(
        f"<div><dt>{escape(label)}</dt><dd>{escape(value)}</dd></div>"
        for label, value in briefing.numbers
    )
    said = "".join(f"<p>{escape(sentence)}</p>" for sentence in briefing.answers)
    if not briefing.headline.articles:
        drawn = f"<p>{escape(NOTHING)}</p>"
    else:
        drawn = "".join(_chart(c) for c in briefing.over_time) or f"<p>{escape(NO_DATES)}</p>"
    return _section(
        "Headline numbers",
        f'<dl class="numbers">{numbers}</dl>{said}<p class="small">{escape(briefing.dates)}</p>'
        + drawn,
    )


def _themes(briefing: Briefing) -> str:
    if not briefing.headline.articles:
        return ""
    chart = briefing.leading_themes
    return _section("Leading themes", _chart(chart) if chart else f"<p>{escape(NO_THEMES)}</p>")


def _chart(chart: Chart) -> str:
    """The SVG with the summary as its text alternative and as the caption beside it."""
    svg = chart.svg.replace("<svg", f'<svg role="img" aria-label="{escape(chart.summary)}"', 1)
    return f"<figure>{svg}<figcaption>{escape(chart.summary)}</figcaption></figure>"


def _changes(changes: list[str]) -> str:
    if not changes:
        return _section(
            "What changed", "<p>There are not enough dated articles to compare two periods.</p>"
        )
    return _section(
        "What changed", "<ul>" + "".join(f"<li>{escape(c)}</li>" for c in changes) + "</ul>"
    )


def _figures(found: list[Quoted]) -> str:
    if not found:
        return _section("Key figures", "<p>No quoted figures in these articles.</p>")
    items = "".join(
        f"<li><strong>{escape(f.heading)}</strong><blockquote>{escape(f.sentence)}</blockquote>"
        f'<span class="source">From {_linked(f.source, f.url)}</span></li>'
        for f in found
    )
    return _section("Key figures", f"<ul>{items}</ul>")


def _latest(latest: list[Article]) -> str:
    if not latest:
        return ""
    items = "".join(
        f"<li><strong>{_linked(a.title, a.url)}</strong> "
        f'<span class="source">{escape(a.when)}</span><br>{escape(a.summary)}</li>'
        for a in latest
    )
    return _section("Latest articles", f"<ul>{items}</ul>")


def _linked(text: str, url: str | None) -> str:
    """Text, linked to its article when it has an http(s) address (citing.web_address)."""
    return f'<a href="{escape(url)}">{escape(text)}</a>' if url else escape(text)


def _footer(briefing: Briefing) -> str:
    lines = [
        briefing.filters,
        f"Dataset version {briefing.version}, built {briefing.built} from {briefing.sources}.",
        briefing.dates,  # how many dates are inferred
        f"Made {briefing.made} by News Insights.",
    ]
    return "<footer>" + "".join(f"<p>{escape(line)}</p>" for line in lines) + "</footer>"


def _section(heading: str, body: str) -> str:
    return f"<section><h2>{escape(heading)}</h2>{body}</section>"
