"""Reading a saved page whose markup nests deeply: time per size, against the bare parser.

    .venv/bin/python bench/html_depth.py            # 10,000 … 160,000 levels

Issue #16's page — `'<div>'*N + five articles + '</span>'*N` — and two variants (text between
the wrappers; misnested `<b>`/`</i>`) read by `insights.ingest.html.read_html`, next to
Lexbor parsing the same markup without the depth guard (up to 40,000 levels: beyond that it
takes minutes). Linear means the time doubles when N doubles.
"""

from __future__ import annotations

import argparse
import time

from selectolax.lexbor import LexborHTMLParser

from insights.ingest.html import read_html

ITEMS = "".join(
    f'<article><h2><a href="/n/{n}">Title {n}</a></h2><p>Summary {n} text.</p></article>'
    for n in range(5)
)
SHAPES = {
    "issue #16: <div>×N … </span>×N": lambda n: "<div>" * n + ITEMS + "</span>" * n,
    "<div>x ×N": lambda n: "<div>x" * n + ITEMS,
    "<b>×N … </i>×N": lambda n: "<b>" * n + ITEMS + "</i>" * n,
    "… <!--×N (never closed)": lambda n: ITEMS + "<!--" * n,
    "… <script>×N (never closed)": lambda n: ITEMS + "<script>" * n,
    "… <a ×N (no '>')": lambda n: ITEMS + "<a " * n,
    "<div> with N attributes": lambda n: f"<div {' '.join(f'a{i}' for i in range(n))}>{ITEMS}",
}
BARE_LIMIT = 40_000


def seconds(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[10_000, 20_000, 40_000, 80_000, 160_000]
    )
    args = parser.parse_args(argv)
    print("| markup | N | KB | read_html | items | × previous N | bare Lexbor |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, make in SHAPES.items():
        previous = None
        for n in args.sizes:
            markup = make(n)
            listing = None

            def read(markup=markup):
                nonlocal listing
                listing = read_html(markup, "deep.html")

            ours = seconds(read)
            bare = (
                f"{seconds(lambda m=markup: LexborHTMLParser(m)):.2f} s" if n <= BARE_LIMIT else "–"
            )
            ratio = f"{ours / previous:.1f}×" if previous else ""
            print(
                f"| {name} | {n:,} | {len(markup) // 1024:,} | {ours:.2f} s | "
                f"{len(listing.items)} | {ratio} | {bare} |"
            )
            previous = ours
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
