"""Small article tables for tests, built from schema names."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa

from insights import schema, store


def article(title: str, summary: str = "", **overrides: Any) -> dict[str, Any]:
    """One article row with every contract column; override any column by name."""
    summary = summary or f"{title}. A summary."
    published = overrides.get(schema.PUBLISHED, date(2018, 1, 1))
    row: dict[str, Any] = {
        schema.ARTICLE_ID: hashlib.sha1(f"{title}\n{summary}".encode()).hexdigest()[:12],
        schema.TITLE: title,
        schema.SUMMARY: summary,
        schema.TITLE_DERIVED: False,
        schema.TRUNCATED: False,
        schema.SOURCE: ["tests/listing.txt"],
        schema.POSITION: 1,
        schema.URL: None,
        schema.PUBLISHER: None,
        schema.CATEGORIES: [],
        schema.PUBLISHED: published,
        schema.PUBLISHED_EARLIEST: published,
        schema.PUBLISHED_LATEST: published,
        schema.DATE_PRECISION: "day",
        schema.DATE_BASIS: "stated",
        schema.DATE_EVIDENCE: "Stated in the test.",
        schema.THEMES: [],
        schema.THEME_EVIDENCE: [],
        schema.STATISTICS: [],
        schema.ENTITIES: [],
        schema.WORD_COUNT: len(f"{title} {summary}".split()),
    }
    row.update(overrides)
    return row


def theme_evidence(**phrases: list[str]) -> list[dict[str, Any]]:
    """theme_evidence(County_lines=["county lines"]) with underscores read as spaces."""
    return [
        {schema.EVIDENCE_THEME: t.replace("_", " "), schema.EVIDENCE_PHRASES: p}
        for t, p in phrases.items()
    ]


def statistic(value: float, kind: str, phrase: str, sentence: str, **extra: Any) -> dict:
    return {
        schema.STAT_VALUE: value,
        schema.STAT_LOW: extra.get("low"),
        schema.STAT_HIGH: extra.get("high"),
        schema.STAT_UNIT: extra.get("unit"),
        schema.STAT_PER: extra.get("per"),
        schema.STAT_DIRECTION: extra.get("direction", ""),
        schema.STAT_KIND: kind,
        schema.STAT_QUALIFIER: extra.get("qualifier", "exact"),
        schema.STAT_COUNTED: extra.get("counted"),
        schema.STAT_PHRASE: phrase,
        schema.STAT_SENTENCE: sentence,
    }


def entity(name: str, type_: str) -> dict[str, str]:
    return {schema.ENTITY_NAME: name, schema.ENTITY_TYPE: type_}


def table(rows: list[dict[str, Any]]) -> pa.Table:
    return schema.validate(pa.Table.from_pylist(rows, schema=schema.ARTICLE_SCHEMA))


def write(path: Path, rows: list[dict[str, Any]], **metadata: Any) -> Path:
    """Write rows as a real dataset file, with build metadata like a build leaves."""
    meta = {"built_at": "2026-01-01T00:00:00+00:00", "sources": ["tests/listing.txt"]}
    store.write_dataset(table(rows), path, {**meta, **metadata})
    return path


def sample_rows() -> list[dict[str, Any]]:
    """Six articles over two years, three themes, stated and inferred dates, figures, entities."""
    cl, ct, ol = "County lines", "Child trafficking", "Online abuse"
    nca = "A new report by the National Crime Agency finds up to 1,000 children are trafficked."
    rows = [
        article(
            "Children exploited by county lines gangs",
            nca,
            published=date(2018, 9, 20),
            themes=[cl, ct],
            theme_evidence=theme_evidence(
                County_lines=["county lines"], Child_trafficking=["trafficked"]
            ),
            statistics=[
                statistic(
                    1000,
                    "count",
                    "up to 1,000 children",
                    nca,
                    qualifier="up_to",
                    counted="children",
                )
            ],
            entities=[
                entity("National Crime Agency", "organisation"),
                entity("United Kingdom", "place"),
            ],
        ),
        article(
            "Online abuser jailed for 32 years",
            published=date(2018, 6, 1),
            themes=[ol],
            theme_evidence=theme_evidence(Online_abuse=["online abuse"]),
            entities=[entity("Matthew Falder", "person")],
        ),
        article(
            "Trafficking figures rise by 66%",
            published=date(2018, 3, 15),
            themes=[ct],
            theme_evidence=theme_evidence(Child_trafficking=["trafficking"]),
            date_basis="inferred",
            date_precision="month",
            published_earliest=date(2018, 3, 1),
            published_latest=date(2018, 3, 31),
        ),
        article(
            "County lines in rural towns",
            published=date(2017, 12, 5),
            themes=[cl],
            theme_evidence=theme_evidence(County_lines=["county lines"]),
        ),
        article(
            "Secret Gardeners film released",
            published=date(2017, 10, 18),
            themes=[ct],
            theme_evidence=theme_evidence(Child_trafficking=["child trafficking"]),
        ),
        article(
            "Undated item",
            published=None,
            published_earliest=None,
            published_latest=None,
            date_precision="unknown",
            date_basis="inferred",
            themes=[],
        ),
    ]
    for position, row in enumerate(rows, start=1):
        row[schema.POSITION] = position
    return rows


HOSTILE_TITLE = "<script>alert(1)</script> Hostile **title**"


def dashboard_rows() -> list[dict]:
    """The shared sample plus an article whose title and summary try to inject markup."""
    hostile = article(
        HOSTILE_TITLE,
        "<img src=x onerror=alert(2)> County lines :red[injected] $x$ [link](javascript:x).",
        published=date(2018, 8, 1),
        themes=["County lines"],
        theme_evidence=theme_evidence(County_lines=["county lines"]),
    )
    rows = [*sample_rows(), hostile]
    for position, row in enumerate(rows, start=1):
        row[schema.POSITION] = position
    return rows
