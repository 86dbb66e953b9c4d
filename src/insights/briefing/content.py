"""What a briefing says about one view: every number, chart and sentence, as plain values.

Everything comes from the corpus aggregations and the wording module, as the Overview page
shows it; nothing is counted here:

    gather(corpus, Filters(themes=("County lines",)))
        Briefing(filters="Filters: theme County lines.", headline=Headline(articles=3, …),
                 numbers=[("Articles", "3"), ("Period covered", "Dec 2017 – Sep 2018"), …],
                 charts=[Chart("Articles per month", <svg…>, "The busiest month was …"), …],
                 changes=["County lines: 1 article in the last six months, …"], …)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from insights import charts, images, schema
from insights.corpus import Corpus, Filters, articles, figures, themes, timeline, wording
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
class Figure:
    """A quoted figure, its sentence, and the article it came from."""

    heading: str
    sentence: str
    article: str
    when: str
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
    dates: str
    over_time: Chart | None  # None: no dated article (NO_DATES)
    leading_themes: Chart | None  # None: no themed article (NO_THEMES)
    changes: list[str]
    figures: list[Figure]
    latest: list[Article]
    version: str
    built: str
    sources: list[str]
    made: str


def gather(corpus: Corpus, filters: Filters, *, made: datetime | None = None) -> Briefing:
    """Everything a briefing of `filters` on `corpus` says."""
    rows = corpus.select(filters)
    head = articles.headline(corpus, rows)
    shown = wording.filters_sentence(filters)
    over_time = timeline.articles_over_time(corpus, rows, MONTH)
    counts = themes.theme_counts(corpus, rows).head(LEADING_THEMES)
    latest, _ = articles.table_page(
        corpus, rows, sort=schema.PUBLISHED, descending=True, page_size=LATEST_ARTICLES
    )
    return Briefing(
        filters=shown,
        headline=head,
        numbers=_numbers(head),
        dates=wording.headline_dates(head),
        over_time=None
        if over_time.empty
        else Chart(
            f"Articles per {MONTH.name}",
            _svg(charts.articles_over_time, over_time, f"Articles per {MONTH.name}", shown),
            wording.articles_over_time_summary(over_time, MONTH),
        ),
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
        figures=_figures(corpus, rows),
        latest=[_article(corpus, item) for item in latest.to_dict("records")],
        version=corpus.version,
        built=wording.moment(corpus.metadata.get("built_at")),
        sources=[str(s) for s in corpus.metadata.get("sources") or []],
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


def _svg(chart: Any, data: Any, title: str, shown: str) -> str:
    options = {"period": MONTH} if chart is charts.articles_over_time else {}
    return images.inline(images.svg(chart, data, title=title, filters=shown, **options))


def _figures(corpus: Corpus, rows: Any) -> list[Figure]:
    table = figures.statistics_table(corpus, rows, limit=KEY_FIGURES)
    urls = _urls(corpus, set(table[schema.ARTICLE_ID]))
    return [
        Figure(
            heading=row[HEADING],
            sentence=row[schema.STAT_SENTENCE],
            article=row[schema.TITLE],
            when=wording.date_label(row[schema.PUBLISHED], row[schema.DATE_BASIS], schema.DAY),
            url=urls.get(row[schema.ARTICLE_ID]),
        )
        for row in table.to_dict("records")
    ]


def _urls(corpus: Corpus, ids: set[str]) -> dict[str, str | None]:
    found = {}
    for article_id in ids:
        item = articles.article(corpus, article_id)
        found[article_id] = item[schema.URL] if item else None
    return found


def _article(corpus: Corpus, item: dict[str, Any]) -> Article:
    when = wording.date_label(
        item[schema.PUBLISHED], item[schema.DATE_BASIS], item[schema.DATE_PRECISION]
    )
    url = _urls(corpus, {item[schema.ARTICLE_ID]})[item[schema.ARTICLE_ID]]
    return Article(when, item[schema.TITLE], item[schema.SUMMARY], url)
