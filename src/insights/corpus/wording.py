"""Every sentence and label the dashboard writes about the data, as plain functions.

Each takes an aggregate (a frame from corpus/*.py, a Headline, a Change) or a value and
returns text, so the words are tested as text (tests/corpus/test_wording.py):

    figure_label({"value": 1000, "kind": "count", "qualifier": "up_to", …})  "up to 1,000"
    plural(1, "article")                                                     "1 article"
    number_word(6)                                                           "six"
    change_sentence(Change("Online abuse", 1, 0, …))
        "Online abuse: 1 article in the last six months, up from 0."
    articles_over_time_summary(frame, MONTH)
        "The busiest month was September 2018 with 3 articles; hatched bars are …"
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from insights import schema
from insights.corpus.frames import ARTICLES, DATE, INFERRED, PERIOD, PLACE, SHARE, THEME
from insights.corpus.themes import top_theme_pair
from insights.corpus.when import long_date, month_year, short_date  # noqa: F401 (callers)
from insights.events import Occurrence
from insights.lexicon import NUMBER_WORDS
from insights.periods import Period

_FRACTIONS = {
    0.5: "half",
    0.25: "a quarter",
    0.75: "three quarters",
    0.333: "a third",
    0.667: "two thirds",
    0.2: "a fifth",
    0.1: "a tenth",
    1.0: "all",
}

# -- words and numbers -----------------------------------------------------------------------


def plural(n: int, word: str) -> str:
    """'1 article', '2 articles', '1,200 articles'."""
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def number_word(n: int) -> str:
    """'six' up to twelve, then digits: '13', '1,200' (as style guides write counts)."""
    return NUMBER_WORDS[n] if 0 <= n <= 12 else f"{n:,}"


def months_phrase(months: int) -> str:
    """'month', 'six months'."""
    return "month" if months == 1 else f"{number_word(months)} months"


# -- dates (written by corpus/when.py; these names stay for older callers) --------------------


def moment(iso: str | None) -> str:
    """'1 Jan 2026 at 09:30 UTC' from an ISO timestamp; 'at an unknown time' without one."""
    if not iso:
        return "at an unknown time"
    stamp = pd.Timestamp(iso)
    zone = " UTC" if stamp.tzinfo is not None and stamp.utcoffset().total_seconds() == 0 else ""
    return f"{stamp:%-d %b %Y at %H:%M}{zone}"


# -- quoted figures --------------------------------------------------------------------------


def figure_label(figure: dict[str, Any]) -> str:
    """Short text for one statistic: "up to 1,000", "66%", "more than half", "£2m", "1 in 5"."""
    value, kind = figure[schema.STAT_VALUE], figure[schema.STAT_KIND]
    qualifier = figure[schema.STAT_QUALIFIER]
    if kind == schema.PERCENT:
        text = f"{_figure(value)}%"
    elif kind == schema.PROPORTION:
        text = _FRACTIONS.get(round(value, 3), f"{_figure(value * 100)}%")
    elif kind == schema.MONEY:
        symbol = next((s for s in "£$€" if s in (figure[schema.STAT_PHRASE] or "")), "")
        text = symbol + _money(value)
    elif kind == schema.RATIO and 0 < value < 1:
        # 0.2 → "1 in 5", 0.3 → "3 in 10": the smallest whole denominator that fits
        whole = next((d for d in range(2, 101) if abs(value * d - round(value * d)) < 1e-6), 0)
        text = f"{round(value * whole)} in {whole}" if whole else f"{_figure(value * 100)}%"
    elif kind == schema.DURATION:
        return figure[schema.STAT_PHRASE]  # the phrase holds the unit: "11 years"
    else:
        text = _figure(value)
    prefix = "" if qualifier == schema.EXACT else qualifier.replace("_", " ") + " "
    return prefix + text


def figure_heading(figure: dict[str, Any], label: str) -> str:
    """The label and what is counted: "up to 1,000 children", "more than half of frontline
    workers", "66% rise in children", "1 in 5 adults"; a duration or an age stands alone."""
    counted = figure[schema.STAT_COUNTED]
    kind = figure[schema.STAT_KIND]
    if not counted or kind in (schema.DURATION, schema.AGE) or counted in label:
        return label
    if kind == schema.PERCENT:
        change = {"up": "rise", "down": "fall"}.get(figure.get(schema.STAT_DIRECTION) or "")
        return f"{label} {change} in {counted}" if change else f"{label} of {counted}"
    return f"{label} of {counted}" if kind == schema.PROPORTION else f"{label} {counted}"


def _money(value: float) -> str:
    for size, suffix in ((1e9, "bn"), (1e6, "m")):
        if value >= size:
            return f"{_figure(round(value / size, 2))}{suffix}"
    return _figure(value)


def _figure(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


# -- sentences under the charts --------------------------------------------------------------


def headline_dates(head: Any) -> str:
    """How the dates of a `Headline` are known, in one line."""
    return (
        f"Dates: {head.stated:,} stated by the source, {head.inferred:,} inferred from the listing "
        f"order, {head.curated:,} set by hand, {head.undated:,} unknown."
    )


def change_sentence(change: Any) -> str:
    """One theme's `Change`: the articles the dates put in each period, and the doubt.

    Only articles whose every possible date lies on one side count; the ones that could fall
    either way are named, and when they could reverse the change there is no verdict.
    """
    span = months_phrase(change.months)
    either = change.undecided
    if not change.current and not change.previous:
        return (
            f"{change.theme}: none of its {plural(either, 'article')} can be placed before or "
            f"after {short_date(change.start)} by its dates, so there is nothing to compare."
        )
    sentence = f"{change.theme}: {plural(change.current, 'article')} in the last {span}"
    starts = f"data starts on {long_date(change.data_start)}"
    if change.data_start > change.previous_end:
        sentence += f"; the {starts}, so there is nothing to compare with."
    elif change.decided:
        sentence += f", {_compared(change.current, change.previous, span)}"
        sentence += f"; {_either_way(either)}." if either else "."
    else:
        sentence += (
            f" and {change.previous:,} in the {span} before, but {_either_way(either)}, so "
            "the dates cannot say whether it rose or fell."
        )
    if change.previous_start < change.data_start <= change.previous_end:
        sentence += f" The {starts}, part-way through the {span} before."
    if change.estimated:
        verb = "is an estimate" if change.estimated == 1 else "are estimates"
        counted = change.current + change.previous
        sentence += f" {change.estimated:,} of the {counted:,} dates counted {verb}."
    return sentence


def _either_way(undecided: int) -> str:
    """'1 more could fall either way', '23 more could fall either way'."""
    return f"{undecided:,} more could fall either way"


def _compared(now: int, then: int, span: str) -> str:
    if now > then:
        return f"up from {then:,}"
    if now < then:
        return f"down from {then:,}"
    return f"the same as in the {span} before"


def estimates_clause(inferred: int, total: int) -> str:
    """'19 of 26 articles here have estimated dates'; 'every date here is stated or set by
    hand' without estimates."""
    if not inferred:
        return "every date here is stated or set by hand"
    verb = "has an estimated date" if inferred == 1 else "have estimated dates"
    if inferred == total:
        return (
            "the 1 article here has an estimated date"
            if total == 1
            else f"all {total:,} articles here {verb}"
        )
    return f"{inferred:,} of {plural(total, 'article')} here {verb}"


def estimates_sentence(frame: pd.DataFrame) -> str:
    """How much of an `articles_over_time` frame (not by theme) rests on estimates, as a
    sentence: "23 of 26 articles here have estimated dates, so where they fall is an estimate."
    """
    total, inferred = int(frame[ARTICLES].sum()), int(frame[INFERRED].sum())
    clause = estimates_clause(inferred, total)
    sentence = clause[0].upper() + clause[1:]
    if inferred * 2 > total:
        return sentence + ", so where they fall in time is an estimate."
    return sentence + "."


def articles_over_time_summary(frame: pd.DataFrame, period: Period) -> str:
    """The busiest period of an `articles_over_time` frame and how much of it is estimated;
    with more estimates than not, no busiest period (its spacing would be the model's)."""
    total, inferred = int(frame[ARTICLES].sum()), int(frame[INFERRED].sum())
    estimates = estimates_clause(inferred, total)
    if inferred * 2 > total:
        return (
            f"{estimates[0].upper()}{estimates[1:]} (hatched), so how they spread over the "
            f"{period.name}s is an estimate, not a count to quote."
        )
    busiest = frame.loc[frame[ARTICLES].idxmax()]
    hatched = "; hatched bars are the estimates" if inferred else ""
    return (
        f"The busiest {period.name} was {period.label(busiest[PERIOD])} with "
        f"{plural(int(busiest[ARTICLES]), 'article')}; {estimates}{hatched}."
    )


def themes_through_listing_summary(head: Any, anchors: pd.DataFrame, shown: int = 4) -> str:
    """Why the listing's order leads, and the known dates it hangs on (a `Headline` and a
    `listing_anchors` frame)."""
    estimates = estimates_clause(head.inferred, head.articles)
    if head.undated:
        estimates += f" and {head.undated:,} {'has' if head.undated == 1 else 'have'} no date"
    sentence = (
        f"{estimates[0].upper()}{estimates[1:]}, so this shows them in the listing's order "
        "(the top of the listing, the newest, at the right), not by month"
    )
    if anchors.empty:
        return sentence + "; no article in it has a known date."
    known = [f"{p} ({d})" for p, d in anchors[[PLACE, DATE]].head(shown).itertuples(False)]
    more = f" and {len(anchors) - shown:,} more" if len(anchors) > shown else ""
    places = "place" if len(anchors) == 1 else "places"
    return f"{sentence}. Known dates at {places} " + ", ".join(known) + more + "."


def leading_theme_summary(counts: pd.DataFrame) -> str:
    """The first theme of a `theme_counts` frame that shows only the leading themes."""
    theme, articles, share = _top_theme(counts)
    return f"{theme} leads, in {articles} ({share} of those shown)."


def theme_counts_summary(counts: pd.DataFrame) -> str:
    """The commonest theme of a `theme_counts` frame."""
    theme, articles, share = _top_theme(counts)
    return (
        f"{theme} is the commonest theme, in {articles} ({share}); an article can have "
        "several themes."
    )


def _top_theme(counts: pd.DataFrame) -> tuple[str, str, str]:
    """The first row of a `theme_counts` frame as words: ("County lines", "3 articles", "50%")."""
    top = counts.iloc[0]
    return top[THEME], plural(int(top[ARTICLES]), "article"), f"{top[SHARE]:.0%}"


def theme_share_over_time_summary(period: Period) -> str:
    """How to read the small multiples of a `theme_share_over_time` frame."""
    return (
        f"Each panel is one theme's share of each {period.name}'s dated articles; an article "
        "can have several themes, so the shares add up to more than 100%."
    )


def theme_cooccurrence_summary(pairs: pd.DataFrame) -> str:
    """The pair of themes that a `theme_cooccurrence` frame shows together most often."""
    together = top_theme_pair(pairs)
    if together is None:
        return "No article in this selection has two themes; the diagonal counts each theme."
    first, second, articles = together
    return (
        f"{first} and {second} appear together most often, in {plural(articles, 'article')}; "
        "the diagonal counts each theme on its own."
    )


def articles_over_time_by_theme_summary(
    frame: pd.DataFrame, period: Period, events: int, unmarked: int = 0
) -> str:
    """The span of a per-theme `articles_over_time` frame, its events, and how to read it;
    `unmarked` event days fall in the span but are too many to draw."""
    first, last = frame[PERIOD].min(), frame[PERIOD].max()
    marked = (
        f"{plural(unmarked, 'event day')} in this span, too many to mark: narrow the dates to "
        "a year or two to see them"
        if unmarked
        else f"{plural(events, 'event')} marked by dashed lines"
    )
    return (
        f"Articles per {period.name} and theme from {first:%B %Y} to {last:%B %Y}, with "
        f"{marked}; striped blocks are articles whose date is inferred, not stated, and an "
        "article with two themes counts once in each."
    )


def date_intervals_summary(intervals: pd.DataFrame) -> str:
    """How many of a `date_intervals` frame's dates are estimates, and how to read the chart."""
    inferred = int((intervals[schema.DATE_BASIS] == schema.INFERRED).sum())
    return (
        f"Filled dots are dates stated by the source or set by hand; hollow dots ({inferred} here) "
        "are estimates, and the line through each spans every date the article could have."
    )


def articles_in_period(total: int, period: Period, start: Any, estimated: int = 0) -> str:
    """'3 articles in September 2018.', and how many of them were only estimated to be there."""
    sentence = f"{plural(total, 'article')} in {period.label(start)}"
    if not estimated:
        return sentence + "."
    some = (
        "it has an estimated date" if total == 1 else f"{estimated:,} of them have estimated dates"
    )
    return f"{sentence} by their best estimate; {some} and may lie outside it."


def facet_title(name: str) -> str:
    """The heading of a `facets` list: "date_basis" → "Date basis"."""
    return name.replace("_", " ").capitalize()


def events_line(occurrences: Sequence[Occurrence]) -> str:
    """'Events: Anti-Slavery Day (18 Oct 2017); …' for the events drawn on a chart."""
    return "Events: " + "; ".join(f"{e.label} ({short_date(e.date)})" for e in occurrences)


def filters_sentence(filters: Any) -> str:
    """The filters of a view in one line, for an exported chart or a briefing's footer:

    'Filters: theme County lines; dates 1 Jan 2018 to 30 Jun 2018; search "gangs".'
    'Filters: none (every article).'
    """
    parts = filter_parts(filters)
    return "Filters: " + ("; ".join(parts) if parts else "none (every article)") + "."


def filter_parts(filters: Any) -> list[str]:
    """Each filter of a `Filters` in words, in the sidebar's order (the deck's line and
    `filters_sentence` join them): ['theme County lines', 'publisher ECPAT UK']."""
    parts = []
    if filters.themes:
        parts.append(
            ("theme " if len(filters.themes) == 1 else "themes ") + _listed(filters.themes)
        )
    if filters.start and filters.end:
        parts.append(f"dates {short_date(filters.start)} to {short_date(filters.end)}")
    elif filters.start or filters.end:
        parts.append(
            f"dates from {short_date(filters.start)}"
            if filters.start
            else f"dates up to {short_date(filters.end)}"
        )
    if filters.text:
        parts.append(f"search “{filters.text}”")
    if filters.entities:  # any of them, as the filter selects
        parts.append("named " + _listed(filters.entities, "or"))
    if filters.publishers:
        parts.append(
            ("publisher " if len(filters.publishers) == 1 else "publishers ")
            + _listed(filters.publishers, "or")
        )
    if filters.bases:
        parts.append("dates " + _listed(filters.bases, "or"))
    return parts


def _listed(names: Sequence[str], last: str = "and") -> str:
    """'A', 'A and B', 'A, B and C'."""
    names = list(names)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {last} {names[-1]}"


MAX_BARS = 160  # about a bar per 6 px on a laptop's chart: beyond, bars blur into a band


def too_many_periods(count: int, period: Period) -> str | None:
    """What to say when a chart over time has more periods than a screen shows apart:
    '730 weeks in view: more bars than can be told apart. …'; None when they fit."""
    if count <= MAX_BARS:
        return None
    return (
        f"{count:,} {period.name}s in view: more bars than can be told apart. Choose a longer "
        "period above, or narrow the dates."
    )
