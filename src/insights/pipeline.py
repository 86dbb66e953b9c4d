"""The build: read every source, merge duplicates, enrich, validate, write one Parquet file.

sources ──read_source──▶ Listing(items, rejections) ──merge──▶ article frame
        ──enrich (registry order)──▶ contract columns ──validate──▶ articles.parquet
"""

from __future__ import annotations

import csv
import hashlib
import re
import time
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from insights import enrich, schema, serving, store, target
from insights.enrich import parallel
from insights.ingest import read_source
from insights.ingest.captures import capture_bounds
from insights.ingest.items import Listing, RawItem, Rejection, SourceError
from insights.taxonomy import Taxonomy

Progress = Callable[[str], None]


class BuildError(Exception):
    """Nothing usable could be built; the message is one line for the user."""


@dataclass
class BuildReport:
    """What a build read, kept and left out. Every input item is in `articles` or `left_out`."""

    sources: list[str] = field(default_factory=list)
    items_read: int = 0
    articles: int = 0
    duplicates_merged: int = 0
    left_out: list[dict[str, Any]] = field(default_factory=list)
    unreadable_sources: list[dict[str, str]] = field(default_factory=list)
    orders: dict[str, str] = field(default_factory=dict)
    # per source, what bounds its dates: {"captured": "2018-10-20", "from": "--captured"}
    captures: dict[str, dict[str, str]] = field(default_factory=dict)
    publishers: dict[str, str] = field(default_factory=dict)
    links_dropped: list[dict[str, Any]] = field(default_factory=list)
    curated_unmatched: list[str] = field(default_factory=list)
    swept: list[str] = field(default_factory=list)  # temporaries an interrupted build left
    seconds: float = 0.0

    def lines(self) -> list[str]:
        """The report as a few lines for a terminal."""
        rate = self.articles / self.seconds if self.seconds else 0.0
        out = [
            f"Read {self.items_read:,} items from {len(self.sources)} source(s); "
            f"{self.articles:,} articles written in {self.seconds:.1f} s ({rate:,.0f}/s).",
        ]
        if self.swept:
            out.append(f"Removed {len(self.swept)} temporary file(s) an interrupted build left.")
        if self.duplicates_merged:
            out.append(
                f"Merged {self.duplicates_merged:,} duplicate item(s) seen in more than one place."
            )
        for failed in self.unreadable_sources:
            out.append(f"Skipped source {failed['source']}: {failed['reason']}")
        items = [r for r in self.left_out if r.get("position")]
        furniture = len(self.left_out) - len(items)
        if items:
            out.append(f"Left out {len(items):,} item(s):")
            out.extend(
                f"  - {r['source']} item {r['position']}: {r['reason']}"
                + (f" (“{r['excerpt'][:60]}”)" if r.get("excerpt") else "")
                for r in items[:20]
            )
            if len(items) > 20:
                out.append(f"  … and {len(items) - 20:,} more (see the dataset's About page).")
        if furniture:
            out.append(
                f"Set aside {furniture:,} line(s) of page furniture around the items "
                "(headings, intros, menus, footers): listed in the build report."
            )
        if self.links_dropped:
            out.append(
                f"Dropped {len(self.links_dropped):,} link(s) that were not http or https "
                "(the articles are kept)."
            )
        for source, capture in self.captures.items():
            out.append(
                f"Dates from {source} are no later than {capture['captured']} "
                f"(captured; from {capture['from']})."
            )
        if self.curated_unmatched:
            out.append(
                f"{len(self.curated_unmatched)} curated date(s) matched no article: "
                + "; ".join(self.curated_unmatched[:5])
            )
        return out


@dataclass(frozen=True)
class SourceOptions:
    """What the command line says about one source: `--publisher`, `--captured`."""

    publisher: str | None = None
    captured: date | None = None

    def apply(self, listing: Listing) -> None:
        """The user's word wins over what the source says about itself."""
        if self.publisher:
            listing.publisher = self.publisher
        if self.captured:
            listing.captured, listing.captured_from = self.captured, "--captured"


def read_curated_dates(path: Path) -> dict[str, date]:
    """Read a CSV of `title` or `article_id` and `date` (YYYY-MM-DD) that staff supply."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError) as exc:
        raise BuildError(f"cannot read dates file {path}: {exc}") from exc
    curated: dict[str, date] = {}
    for number, row in enumerate(rows, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        key = row.get("article_id") or row.get("title")
        if not key or not row.get("date"):
            raise BuildError(f"{path} line {number}: needs a title or article_id and a date")
        try:
            curated[key] = date.fromisoformat(row["date"])
        except ValueError as exc:
            raise BuildError(f"{path} line {number}: {row['date']!r} is not YYYY-MM-DD") from exc
    return curated


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold()


def article_id(title: str, summary: str) -> str:
    """Stable across rebuilds: a hash of the normalised title and summary."""
    return hashlib.sha1(f"{_normalise(title)}\n{_normalise(summary)}".encode()).hexdigest()[:12]


def merge(listings: Sequence[Listing]) -> tuple[pd.DataFrame, int]:
    """One row per distinct article, recording every place it was read; returns (frame, merged)."""
    rows: dict[str, dict[str, Any]] = {}
    merged = 0
    bounds = capture_bounds(listings, lambda item: article_id(item.title, item.summary))
    for listing in listings:
        # Readers number items and rejections together, so positions can skip a number.
        size = max(
            [i.position for i in listing.items] + [r.position or 0 for r in listing.rejections],
            default=0,
        )
        for item in listing.items:
            key = article_id(item.title, item.summary)
            place = (item.source, item.position, size, listing.order)
            publisher = item.publisher or listing.publisher
            if key in rows:
                merged += 1
                row = rows[key]
                row[enrich.LISTINGS].append(place)
                if item.source not in row[schema.SOURCE]:
                    row[schema.SOURCE].append(item.source)
                _fill_missing(row, item, publisher)
                continue
            rows[key] = {
                schema.ARTICLE_ID: key,
                schema.TITLE: item.title,
                schema.SUMMARY: item.summary,
                schema.TITLE_DERIVED: item.title_derived,
                schema.TRUNCATED: item.truncated,
                schema.SOURCE: [item.source],
                schema.POSITION: item.position,
                schema.URL: item.url,
                schema.PUBLISHER: publisher,
                schema.CATEGORIES: list(item.categories),
                enrich.LISTINGS: [place],
                enrich.LISTED_DATE: item.listed_date,
                enrich.DATE_LINE: item.date_line,
                enrich.CAPTURE_BOUNDS: bounds.get(key, []),
            }
    frame = pd.DataFrame(list(rows.values()), columns=list(enrich.FRAME_COLUMNS))
    return frame, merged


def _fill_missing(row: dict[str, Any], item: RawItem, publisher: str | None) -> None:
    # A second capture may carry what the first lacked (a date line, a link, the full text).
    if row[enrich.LISTED_DATE] is None and item.listed_date is not None:
        row[enrich.LISTED_DATE] = item.listed_date
        row[enrich.DATE_LINE] = item.date_line
    if row[schema.URL] is None and item.url:
        row[schema.URL] = item.url
    if row[schema.TRUNCATED] and not item.truncated:
        row[schema.TRUNCATED] = False
    if row[schema.PUBLISHER] is None:
        row[schema.PUBLISHER] = publisher
    for name in item.categories:
        if name not in row[schema.CATEGORIES]:
            row[schema.CATEGORIES].append(name)


def _rejection(r: Rejection) -> dict[str, Any]:
    return {k: v for k, v in asdict(r).items() if v not in (None, "")}


def build(
    sources: Sequence[str | Path],
    out: Path,
    *,
    taxonomy_path: Path,
    dates_path: Path | None = None,
    progress: Progress | None = None,
    options: Mapping[str, SourceOptions] | None = None,
    wait: bool = False,
    workers: int | None = None,
) -> BuildReport:
    """Build the dataset at `out` from the sources; returns what was read, kept and left out.

    `workers` processes enrich the articles (default: one per core; big builds only,
    enrich/parallel.py); the dataset is the same whatever the number.

    Before reading anything, `out` is checked (never an input, never a folder, writable) and
    locked, so one build at a time writes it; leftovers of an interrupted build are swept.

    Raises:
        target.TargetError: `out` cannot be written, or another build holds it (unless `wait`).
        BuildError: when no source gave a single usable item (the old dataset stays).
    """
    out = target.check(out, [*sources, taxonomy_path, dates_path])
    lock = target.BuildLock(Path(out))
    with lock.hold(sources, wait=wait):
        swept = target.sweep(out, interrupted=bool(lock.interrupted))
        report = _build(
            sources,
            out,
            taxonomy_path,
            dates_path,
            progress or (lambda _m: None),
            options or {},
            workers or parallel.default_workers(),
        )
    report.swept = [str(p) for p in swept]
    return report


def _runs(steps: list[tuple[str, enrich.Enrichment]]) -> list[list[tuple[str, enrich.Enrichment]]]:
    """The steps in order, neighbours of the same kind (per-article or not) together."""
    runs: list[list[tuple[str, enrich.Enrichment]]] = []
    for step in steps:
        if runs and (runs[-1][0][0] in enrich.PER_ARTICLE) == (step[0] in enrich.PER_ARTICLE):
            runs[-1].append(step)
        else:
            runs.append([step])
    return runs


def _build(
    sources: Sequence[str | Path],
    out: Path,
    taxonomy_path: Path,
    dates_path: Path | None,
    say: Progress,
    options: Mapping[str, SourceOptions],
    workers: int,
) -> BuildReport:
    started = time.perf_counter()
    report = BuildReport(sources=[str(s) for s in sources])
    taxonomy = Taxonomy.load(taxonomy_path)
    curated = read_curated_dates(dates_path) if dates_path else {}

    listings: list[Listing] = []
    for source in sources:
        try:
            listing = read_source(source)
        except SourceError as exc:
            report.unreadable_sources.append({"source": str(source), "reason": str(exc)})
            continue
        options.get(str(source), SourceOptions()).apply(listing)
        listings.append(listing)
        report.items_read += len(listing.items)
        report.left_out.extend(_rejection(r) for r in listing.rejections)
        report.links_dropped.extend(_rejection(r) for r in listing.dropped_links)
        report.orders[listing.source] = listing.order
        if listing.captured:
            report.captures[listing.source] = {
                "captured": listing.captured.isoformat(),
                "from": listing.captured_from or "stated",
            }
        if listing.publisher:
            report.publishers[listing.source] = listing.publisher
        say(f"read {len(listing.items):,} items from {listing.source} ({listing.format})")
    if not any(listing.items for listing in listings):
        reasons = "; ".join(f"{f['source']}: {f['reason']}" for f in report.unreadable_sources)
        raise BuildError(f"no articles could be read ({reasons or 'the sources hold no items'})")

    frame, report.duplicates_merged = merge(listings)
    context = enrich.EnrichContext(taxonomy=taxonomy, curated_dates=curated)
    for steps in _runs(enrich.registry()):
        apart = steps[0][0] in enrich.PER_ARTICLE
        added = parallel.enrich(frame, context, steps, workers=workers if apart else 1, say=say)
        frame = pd.concat([frame, added], axis=1)
    if curated:
        known = set(frame[schema.ARTICLE_ID]) | set(frame[schema.TITLE])
        report.curated_unmatched = sorted(k for k in curated if k not in known)

    table = pa.Table.from_pandas(frame[list(schema.COLUMN_NAMES)], preserve_index=False)
    report.articles = table.num_rows
    report.seconds = time.perf_counter() - started
    metadata = {
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "sources": report.sources,
        "taxonomy_version": taxonomy.version,
        "taxonomy": taxonomy.describe(),
        "report": asdict(report),
    }
    store.write_dataset(table, out, metadata)
    say(f"wrote {out}")
    del listings, frame, table  # preparing reads the dataset back: one copy in memory at a time
    # the memory-mapped copy and search index that the dashboard opens in milliseconds
    prepared = serving.prepare(out)
    say(f"prepared {prepared}" if prepared else "no serving copy: the folder is read-only")
    return report
