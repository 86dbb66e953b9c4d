"""Folding small themes into "Other": at most eight colours, nothing lost, names kept."""

from __future__ import annotations

import pandas as pd

from insights import chart_style
from insights.corpus import fold, frames

THEMES = [f"Theme {i:02d}" for i in range(11)]
COLOURS = {t: f"#{i:02x}{i:02x}00" for i, t in enumerate(THEMES)}
MONTHS = pd.to_datetime(["2018-01-01", "2018-02-01"])


def per_theme(themes: list[str]) -> pd.DataFrame:
    # theme i has i + 1 articles in each month, one of them inferred
    rows = [
        {
            frames.PERIOD: month,
            frames.THEME: theme,
            frames.ARTICLES: i + 1,
            frames.KNOWN: i,
            frames.INFERRED: 1,
        }
        for month in MONTHS
        for i, theme in enumerate(themes)
    ]
    return pd.DataFrame(rows)


def test_past_seven_themes_the_smaller_fold_into_other():
    frame = per_theme(THEMES)
    folded = fold.fold_themes(frame, COLOURS)
    assert list(folded.colours) == [*THEMES[::-1][:7], fold.OTHER]  # largest first
    assert len(set(folded.colours.values())) <= chart_style.MAX_COLOURS
    assert folded.folded == tuple(THEMES[3::-1])  # the four smallest, largest first
    other = folded.frame[folded.frame[frames.THEME] == fold.OTHER]
    assert list(other[frames.ARTICLES]) == [1 + 2 + 3 + 4] * 2
    assert list(other[frames.INFERRED]) == [4, 4]
    assert set(other[fold.THEMES]) == {"Theme 03, Theme 02, Theme 01, Theme 00"}
    # nothing is lost: the counts add up per period
    for column in (frames.ARTICLES, frames.KNOWN, frames.INFERRED):
        assert (
            folded.frame.groupby(frames.PERIOD)[column]
            .sum()
            .equals(frame.groupby(frames.PERIOD)[column].sum())
        )
    assert fold.folded_sentence(folded) == (
        "Other holds the four smaller themes: Theme 03, Theme 02, Theme 01 and Theme 00."
    )


def test_eight_themes_or_fewer_stay_as_they_are():
    folded = fold.fold_themes(per_theme(THEMES[:8]), COLOURS)
    assert fold.OTHER not in folded.colours and folded.folded == ()
    assert len(folded.colours) == 8
    assert list(folded.frame[fold.THEMES]) == list(folded.frame[frames.THEME])
    assert fold.folded_sentence(folded) == ""
