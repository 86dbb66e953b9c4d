"""The sentences written about the story/ frames, as plain functions tested as text.

change_sentence(ChangeOfShare(…), "counts")
    "Online abuse: 12 articles in the last six months, up from 8 (counts of articles).
     All articles rose more, from 100 to 200, so its share of them fell, from 8% to 6%:
     more articles, not a larger share."
change_sentence(ChangeOfShare(…), "share")
    "Online abuse: 6% of all articles in the last six months (12 of 200), down from 8%
     (8 of 100)."
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from insights.corpus import wording as corpus_wording
from insights.corpus.frames import ARTICLES, INFERRED, PERIOD, SHARE, THEME
from insights.corpus.wording import long_date, months_phrase, plural
from insights.periods import Period
from insights.story.measure import ALL_ARTICLES, COUNTS, ChangeOfShare


def percent(share: float) -> str:
    """'8%', or '0.4%' below one percent (never a rounded '0%' for something there)."""
    if 0 < share < 0.01:
        return f"{share:.1%}"
    return f"{share:.0%}"


def change_sentence(item: ChangeOfShare, measure: str = COUNTS) -> str:
    """One theme's change in the chosen measure, saying which it compares.

    Counts are called counts, and a rise in count is never called more attention: when all
    articles rose more, the sentence says the share fell. Only articles whose dates put them
    surely on one side count (corpus.timeline.period_changes), on both sides of the share.
    """
    change = item.change
    if measure == COUNTS:
        return _counts_sentence(item)
    if not change.current and not change.previous:
        return corpus_wording.change_sentence(change)  # nothing placed: no share to give
    span = months_phrase(change.months)
    now = f"{percent(item.share_current)} of all articles ({change.current:,} of "
    now += f"{item.all_current:,})"
    then = f"{percent(item.share_previous)} ({change.previous:,} of {item.all_previous:,})"
    sentence = f"{change.theme}: {now} in the last {span}"
    starts = f"data starts on {long_date(change.data_start)}"
    either = f"{change.undecided:,} more could fall either way"
    if change.data_start > change.previous_end:
        sentence += f"; the {starts}, so there is nothing to compare with."
    elif change.decided:
        sentence += f", {_from(item.share_current, item.share_previous, then, span)}"
        sentence += f"; {either}." if change.undecided else "."
    else:
        sentence += (
            f" and {then} in the {span} before, but {either}, so the dates cannot say whether "
            "it rose or fell."
        )
    return sentence + _caveats(change)


def _counts_sentence(item: ChangeOfShare) -> str:
    change = item.change
    sentence = corpus_wording.change_sentence(change)
    comparable = (
        change.decided
        and change.data_start <= change.previous_end
        and (change.current or change.previous)
        and item.all_current
        and item.all_previous
    )
    if not comparable:
        return sentence + " (Counts of articles.)"
    now, then = item.share_current, item.share_previous
    if change.current > change.previous and now <= then:
        fell = f"fell, from {percent(then)} to {percent(now)}"
        return sentence + (
            f" These are counts of articles: all articles rose more, from {item.all_previous:,} "
            f"to {item.all_current:,}, so its share of them "
            f"{fell if now < then else 'stayed at ' + percent(now)}: more articles, not a "
            "larger share."
        )
    span = months_phrase(change.months)
    return sentence + (
        f" These are counts of articles; as a share of all articles: {percent(now)}, "
        f"{_from(now, then, percent(then), span)}."
    )


def _caveats(change: Any) -> str:
    """Where the data starts inside the earlier months, and how many dates are estimates."""
    span = months_phrase(change.months)
    out = ""
    if change.previous_start < change.data_start <= change.previous_end:
        out += f" The data starts on {long_date(change.data_start)}, part-way through the "
        out += f"{span} before."
    if change.estimated:
        verb = "is an estimate" if change.estimated == 1 else "are estimates"
        counted = change.current + change.previous
        out += f" {change.estimated:,} of the {counted:,} dates counted {verb}."
    return out


def _from(now: float, then: float, then_text: str, span: str) -> str:
    if now == then:
        return f"the same as in the {span} before"
    return f"{'up' if now > then else 'down'} from {then_text}"


def measure_note(measure: str) -> str:
    """What the bars of an over-time chart are, in the chosen measure."""
    if measure == COUNTS:
        return (
            "Bars are counts of articles: a busy period may only mean more was published; "
            "switch to share of all articles to compare like with like."
        )
    return (
        "Bars are the share of all articles published in each period, so a period when "
        "more was published overall does not look like a rise."
    )


def matches_over_time_summary(frame: pd.DataFrame, period: Period, measure: str) -> str:
    """The period with most matches in a `matches_over_time` frame, and how much of it is
    estimated; with more estimates than not, no busiest period (its spacing is the model's)."""
    total, inferred = int(frame[ARTICLES].sum()), int(frame[INFERRED].sum())
    estimates = corpus_wording.estimates_clause(inferred, total)
    click = f"Click a bar to show only that {period.name}."
    if inferred * 2 > total:
        return (
            f"Matches per {period.name}: {estimates} (pale), so which {period.name} has most "
            f"is an estimate, not a count to quote. {click}"
        )
    column = SHARE if measure != COUNTS else ARTICLES
    busiest = frame.loc[frame[column].idxmax()]
    if measure == COUNTS:
        most = plural(int(busiest[ARTICLES]), "matching article")
    else:
        most = (
            f"{percent(float(busiest[SHARE]))} of all articles matching "
            f"({int(busiest[ARTICLES]):,} of {int(busiest[ALL_ARTICLES]):,})"
        )
    pale = "; pale bars are the estimates" if inferred else ""
    return (
        f"Matches per {period.name}: the most in {period.label(busiest[PERIOD])}, with {most}; "
        f"{estimates}{pale}. {click}"
    )


def shared_words_line(words: Sequence[str]) -> str:
    """'Shares: county, lines, telford' ('Shares no key word' for none)."""
    return "Shares: " + ", ".join(words) if words else "Shares no key word"


def related_summary(found: pd.DataFrame) -> str:
    """How a `related_articles` frame was found, and what the words under each title are."""
    return (
        f"The {plural(len(found), 'article')} that share most of this article's key words "
        "(BM25 over titles and summaries, rare words weigh more); under each, the key words "
        "it shares."
    )


def representative_summary(found: pd.DataFrame) -> str:
    """How the articles of a `representative_articles` frame were chosen."""
    themes = found[THEME].nunique()
    return (
        f"For each of {plural(themes, 'theme')}, the articles that carry most of its phrases "
        "(then where they are densest); the phrases are marked in the text."
    )


def representative_line(phrases: Sequence[str]) -> str:
    """'2 of the theme's phrases: "county lines", "drug running"'."""
    quoted = ", ".join(f"“{p}”" for p in phrases)
    return f"{plural(len(phrases), 'phrase')} of the theme: {quoted}"


def theme_over_time_summary(period: Period, measure: str) -> str:
    """How to read the per-theme panels over time in the chosen measure."""
    if measure == COUNTS:
        return (
            f"Each panel is one theme's count of articles per {period.name}: a busy "
            f"{period.name} may only mean more was published overall, so compare the share "
            "of all articles before reading a rise as more attention."
        )
    return (
        f"Each panel is one theme's share of all articles dated in each {period.name}; an "
        "article can have several themes, so the shares add up to more than 100%."
    )


def publisher_themes_summary(frame: pd.DataFrame) -> str:
    """The theme whose share differs most between publishers in a `publisher_themes` frame."""
    spread = frame.groupby(THEME)[SHARE].agg(["max", "min"])
    theme = (spread["max"] - spread["min"]).idxmax()
    rows = frame[frame[THEME] == theme].sort_values(SHARE, ascending=False)
    top, bottom = rows.iloc[0], rows.iloc[-1]
    return (
        f"Each cell is a theme's share of one publisher's articles, so publishers of different "
        f"sizes compare fairly. The widest gap is {theme}: {percent(top[SHARE])} of "
        f"{top['publisher']}'s articles against {percent(bottom[SHARE])} of "
        f"{bottom['publisher']}'s."
    )


def publisher_figures_summary(frame: pd.DataFrame) -> str:
    """Who published most in a `publisher_figures` frame, and over what span."""
    top = frame.sort_values(ARTICLES, ascending=False).iloc[0]
    return (
        f"{plural(len(frame), 'publisher')} in view; {top['publisher']} published the most, "
        f"{plural(int(top[ARTICLES]), 'article')}. Inferred is the share of each publisher's "
        "dates that are estimates."
    )


def publishers_over_time_summary(period: Period, measure: str) -> str:
    """How to read a `publishers_over_time` chart in the chosen measure."""
    if measure == COUNTS:
        return (
            f"Articles per {period.name} from each publisher, on one axis. Counts grow when a "
            "publisher publishes more; switch to share of all articles to see its part of the "
            "whole."
        )
    return f"Each publisher's share of all articles published in each {period.name}, on one axis."


def untagged_summary(untagged: int, selected: int) -> str:
    """'412 of 26,000 articles here (1.6%) match no theme; the newest are listed.'"""
    if not untagged:
        return f"Every one of the {plural(selected, 'article')} here matches a theme."
    return (
        f"{untagged:,} of the {plural(selected, 'article')} here ({percent(untagged / selected)}) "
        "match no theme in data/taxonomy.toml; the newest are listed."
    )


def suggestions_summary(found: Any) -> str:
    """How an `emerging.Suggestions` was found, or why there is none."""
    if not found.themes:
        return f"No new theme to suggest: {found.reason}."
    sampled = (
        f"a seeded sample of {found.considered:,} of the {found.untagged:,}"
        if found.considered < found.untagged
        else f"the {found.untagged:,}"
    )
    return (
        f"{plural(len(found.themes), 'cluster')} of recurring phrases in {sampled} untagged "
        "articles of the whole dataset (TF-IDF and NMF, the same every run). Each has its "
        "phrases, how many articles it fits best, example titles and an entry to paste into "
        "data/taxonomy.toml: rename it, check the phrases, then rebuild."
    )


def suggestion_line(suggestion: Any) -> str:
    """'Fits 57 untagged articles best. Phrases: orphanage tourism, volunteering, …'"""
    return f"Fits {plural(suggestion.articles, 'untagged article')} best. Phrases: " + ", ".join(
        suggestion.phrases
    )


def suggestions_report(found: Any) -> str:
    """The suggestions as plain text, as `insights suggest-themes` prints them."""
    lines = [suggestions_summary(found)]
    for suggestion in found.themes:
        lines += ["", f"## {suggestion.name}", suggestion_line(suggestion), "Examples:"]
        lines += [f"  - {title}" for title in suggestion.examples]
        lines += ["", suggestion.toml()]
    return "\n".join(lines)
