"""The answer first: three plain sentences a trustee reads before any chart.

    about(counts, total)       "Most of these 26 articles are about Child trafficking (14);
                                next come Research & reports (12) and Policy & government (9)."
    changed(change)            "By their dates, 2 articles fall in the six months to 25 Oct 2018
                                and none in the six months before; 23 more could fall either
                                way, so the dates cannot say what changed."
    quoted(table)              "Figures quoted: “66% rise in children” (ECPAT UK responds …);
                                …"
    answers(corpus, rows)      the three, for one selection

Each takes an aggregate from corpus/*.py and returns text (tests/corpus/test_answers.py).
"""

from __future__ import annotations

import pandas as pd

from insights import schema
from insights.corpus import figures, themes, timeline
from insights.corpus.columns import Corpus
from insights.corpus.frames import ARTICLES, HEADING, THEME
from insights.corpus.timeline import Change
from insights.corpus.when import short_date
from insights.corpus.wording import months_phrase, plural

FIGURES_SHOWN = 3
TITLE_WORDS = 60  # a title in a sentence is cut to about this many characters
# which kinds of figure make the strongest quote when as many articles quote each
_QUOTABLE = (
    schema.PERCENT,
    schema.PROPORTION,
    schema.RATIO,
    schema.MONEY,
    schema.COUNT,
    schema.MEASURE,
    schema.AGE,
    schema.DURATION,
)


def answers(corpus: Corpus, rows, *, months: int = 6) -> list[str]:
    """What the selected articles are mostly about, what changed, the figures most quoted."""
    rows = corpus.as_rows(rows)
    return [
        about(themes.theme_counts(corpus, rows), len(rows)),
        changed(timeline.overall_change(corpus, rows, months=months)),
        quoted(figures.statistics_table(corpus, rows)),
    ]


def about(counts: pd.DataFrame, total: int) -> str:
    """The leading theme of a `theme_counts` frame and the two after it."""
    if counts.empty:
        return f"None of these {plural(total, 'article')} matched a theme."
    top = counts.iloc[0]
    lead, n = top[THEME], int(top[ARTICLES])
    if n * 2 > total:
        sentence = f"Most of these {plural(total, 'article')} are about {lead} ({n:,})"
    else:
        sentence = f"The commonest theme is {lead}, in {n:,} of {plural(total, 'article')}"
    after = [f"{t} ({int(a):,})" for t, a in counts.iloc[1:3][[THEME, ARTICLES]].itertuples(False)]
    if after:
        sentence += "; next " + ("comes " if len(after) == 1 else "come ") + " and ".join(after)
    return sentence + "."


def changed(change: Change | None) -> str:
    """An `overall_change` in one sentence: only what the dates decide, and the doubt."""
    if change is None:
        return "None of these articles has a date, so nothing can be said about change."
    span = months_phrase(change.months)
    either = change.undecided
    if not change.current and not change.previous:
        return (
            f"What changed cannot be told from these dates: none of the "
            f"{plural(either, 'article')} in the last {months_phrase(2 * change.months)} can "
            f"be placed before or after {short_date(change.start)}."
        )
    now = _count(change.current)
    then = _count(change.previous)
    sentence = (
        f"By their dates, {now} {'falls' if change.current == 1 else 'fall'} in the {span} to "
        f"{short_date(change.end)} and {then} in the {span} before"
    )
    if change.decided and change.current != change.previous:
        way = "more" if change.current > change.previous else "fewer"
        sentence += f": {way} articles than before"
        return sentence + (f"; {either:,} more could fall either way." if either else ".")
    if change.decided:
        return sentence + ": the same number."
    return (
        sentence + f"; {either:,} more could fall either way, so the dates cannot say what changed."
    )


def quoted(table: pd.DataFrame, shown: int = FIGURES_SHOWN) -> str:
    """The figures most articles quote (ties: the most quotable kind, then the newest), each
    with its heading and its article's title."""
    if table.empty:
        return "These articles quote no figures."
    picks = _most_quoted(table).head(shown)
    parts = [f"“{row[HEADING]}” ({_short(row[schema.TITLE])})" for _, row in picks.iterrows()]
    return "Figures quoted: " + "; ".join(parts) + "."


def _most_quoted(table: pd.DataFrame) -> pd.DataFrame:
    """One row per figure heading, most quoting articles first (the table is newest first)."""
    frame = table.assign(
        _articles=table.groupby(HEADING)[schema.ARTICLE_ID].transform("nunique"),
        _kind=table[schema.STAT_KIND].map({k: i for i, k in enumerate(_QUOTABLE)}).fillna(99),
        _newest=range(len(table)),
    )
    frame = frame.drop_duplicates(HEADING)
    return frame.sort_values(["_articles", "_kind", "_newest"], ascending=[False, True, True])


def _count(n: int) -> str:
    return "none" if n == 0 else plural(n, "article")


def _short(title: str) -> str:
    """A title cut at a word before about TITLE_WORDS characters, with '…' when cut."""
    title = " ".join(str(title).split())
    if len(title) <= TITLE_WORDS:
        return title
    return title[:TITLE_WORDS].rsplit(" ", 1)[0].rstrip(",;:–-") + "…"
