"""What a briefing says about one view: every number, chart and sentence, as plain values.

Everything comes from the corpus aggregations and the wording modules, as the Overview page
shows it; nothing is counted here:

    gather(corpus, Filters(themes=("County lines",)))
        Briefing(filters="Filters: theme County lines.", headline=Headline(articles=3, …),
                 numbers=[("Articles", "3"), ("Period covered", "Dec 2017 – Sep 2018"), …],
                 answers=["Most of these 3 articles are about County lines …", …],
                 charts=[Chart("Articles per month", "<svg…>", "The busiest month was …")],
                 changes=["County lines: 1 article in the last six months, …"], …)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from insights import charts, images, schema
from insights.corpus import (
    Corpus,
    Filters,
    answers,
    articles,
    citing,
    figures,
    listing,
    themes,
    timeline,
    when,
    wording,
)
from insights.corpus.articles import Headline
from insights.corpus.frames import HEADING
from insights.periods import MONTH

LEADING_THEMES = 6  # as on the Overview page
KEY_FIGURES = 8
LATEST_ARTICLES = 10
CHANGE_MONTHS = 6
NO_DATES = "None of these articles has a date, so there is nothing to draw over time."
NO_THEMES = "None of these articles matched a theme."


@dataclass(frozen=True)
class Chart:
    """A chart as an SVG element, with its title and the sentence that says what it shows."""

    title: str
    svg: str
    summary: str


@dataclass(frozen=True)
class Quoted:
    """A quoted figure, its sentence, and where it comes from (title, publisher, date, url)."""

    heading: str
    sentence: str
    source: str
    url: str | None


@dataclass(frozen=True)
class Article:
    when: str
    title: str
    summary: str
    url: str | None


@dataclass(frozen=True)
class Briefing:
    """One view of the dataset, ready to be written out (document.py)."""

    filters: str
    headline: Headline
    numbers: list[tuple[str, str]]
    answers: list[str]
    dates: str
    over_time: list[Chart]  # empty: no dated article (NO_DATES)
    leading_themes: Chart | None  # None: no themed article (NO_THEMES)
    changes: list[str]
    figures: list[Quoted]
    latest: list[Article]
    version: str
    built: str
    sources: str
    made: str


def gather(corpus: Corpus, filters: Filters, *, made: datetime | None = None) -> Briefing:
    """Everything a briefing of `filters` on `corpus` says."""
    rows = corpus.select(filters)
    head = articles.headline(corpus, rows)
    shown = wording.filters_sentence(filters)
    counts = themes.theme_counts(corpus, rows).head(LEADING_THEMES)
    latest, _ = articles.table_page(
        corpus, rows, sort=schema.PUBLISHED, descending=True, page_size=LATEST_ARTICLES
    )
    return Briefing(
        filters=shown,
        headline=head,
        numbers=_numbers(head),
        answers=answers.answers(corpus, rows, months=CHANGE_MONTHS) if len(rows) else [],
        dates=wording.headline_dates(head),
        over_time=_over_time(corpus, rows, head, shown) if len(rows) else [],
        leading_themes=None
        if counts.empty
        else Chart(
            "Leading themes",
            _svg(charts.theme_counts, counts, "Leading themes", shown),
            wording.leading_theme_summary(counts),
        ),
        changes=[
            wording.change_sentence(c)
            for c in timeline.period_changes(corpus, rows, months=CHANGE_MONTHS)
        ],
        figures=[
            Quoted(
                heading=row[HEADING],
                sentence=row[schema.STAT_SENTENCE],
                source=citing.citation(row),
                url=citing.web_address(row[schema.URL]),
            )
            for row in figures.statistics_table(corpus, rows, limit=KEY_FIGURES).to_dict("records")
        ],
        latest=[
            Article(
                when.article_date(item),
                item[schema.TITLE],
                item[schema.SUMMARY],
                citing.web_address(item[schema.URL]),
            )
            for item in latest.to_dict("records")
        ],
        version=corpus.version,
        built=wording.moment(corpus.metadata.get("built_at")),
        sources=citing.source_names(corpus.metadata.get("sources") or []) or "not recorded",
        made=wording.moment((made or datetime.now(UTC)).isoformat()),
    )


def _numbers(head: Headline) -> list[tuple[str, str]]:
    """The Overview's four headline numbers, as (label, value)."""
    return [
        ("Articles", f"{head.articles:,}"),
        ("Period covered", f"{wording.month_year(head.first)} – {wording.month_year(head.last)}"),
        ("Themes", f"{head.themes_present:,}"),
        ("Quoted figures", f"{head.statistics:,}"),
    ]


def _over_time(corpus: Corpus, rows: Any, head: Headline, shown: str) -> list[Chart]:
    """As on Overview: when most dates are estimates, themes through the listing lead and
    articles per month is titled "(estimated)"."""
    drawn = []
    estimated = head.mostly_estimated
    if estimated:
        through = listing.themes_through_listing(corpus, rows)
        anchors = listing.listing_anchors(corpus, rows)
        title = "Themes through the listing"
        svg = _svg(
            charts.themes_through_listing,
            through,
            title,
            shown,
            colours=corpus.theme_colours,
            anchors=anchors,
        )
        drawn.append(Chart(title, svg, wording.themes_through_listing_summary(head, anchors)))
    over_time = timeline.articles_over_time(corpus, rows, MONTH)
    if not over_time.empty:
        title = "Articles per month (estimated)" if estimated else "Articles per month"
        drawn.append(
            Chart(
                title,
                _svg(charts.articles_over_time, over_time, title, shown, period=MONTH),
                wording.articles_over_time_summary(over_time, MONTH),
            )
        )
    return drawn


def _svg(chart: Any, data: Any, title: str, shown: str, **options: Any) -> str:
    """The chart as an SVG element for the page, titled, with the filters under its title."""
    return images.inline(images.svg(chart, data, title=title, filters=shown, **options))
