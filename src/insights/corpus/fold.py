"""Themes beyond the largest folded into "Other", so a chart shows at most eight colours.

    fold_themes(articles_over_time(corpus, rows, MONTH, by_theme=True), theme_colours)
        Folded(frame=…, colours={"Child trafficking": "#CC6677", …, "Other": "#BBBBBB"},
               folded=("Online abuse", "Research", …))

The folded frame has the columns it was given (period, theme, articles, known, inferred)
plus `themes`: the names behind each row ("Online abuse, Research" for Other), for tooltips.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from insights import chart_style
from insights.corpus import wording
from insights.corpus.frames import ARTICLES, INFERRED, KNOWN, PERIOD, THEME

OTHER = "Other"
THEMES = "themes"  # the added column: the theme names a row counts
SHOWN = chart_style.MAX_COLOURS - 1  # and "Other": the eighth colour


@dataclass(frozen=True)
class Folded:
    frame: pd.DataFrame
    colours: dict[str, str]  # the themes drawn, largest first, then Other
    folded: tuple[str, ...]  # the themes inside Other, largest first


def fold_themes(frame: pd.DataFrame, colours: Mapping[str, str]) -> Folded:
    """Keep the SHOWN themes with most articles in `frame`; sum the others per period."""
    totals = frame.groupby(THEME, sort=False)[ARTICLES].sum()
    # largest first; ties keep the taxonomy's order
    order = sorted(totals.index, key=lambda t: (-totals[t], list(colours).index(t)))
    if len(order) <= chart_style.MAX_COLOURS:
        kept = frame.assign(**{THEMES: frame[THEME]})
        return Folded(kept, {t: colours[t] for t in order}, ())
    shown, folded = order[:SHOWN], tuple(order[SHOWN:])
    kept = frame[frame[THEME].isin(shown)].assign(**{THEMES: lambda f: f[THEME]})
    rest = (
        frame[frame[THEME].isin(folded)]
        .groupby(PERIOD, as_index=False)[[ARTICLES, KNOWN, INFERRED]]
        .sum()
        .assign(**{THEME: OTHER, THEMES: ", ".join(folded)})
    )
    joined = pd.concat([kept, rest[kept.columns]], ignore_index=True)
    return Folded(
        joined.sort_values([PERIOD], kind="stable", ignore_index=True),
        {**{t: colours[t] for t in shown}, OTHER: chart_style.OTHER_COLOUR},
        folded,
    )


def folded_sentence(folded: Folded) -> str:
    """'Other holds the 6 smaller themes: A, B, C, D, E and F.'; '' when nothing folded."""
    names = folded.folded
    if not names:
        return ""
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"{OTHER} holds the {wording.number_word(len(names))} smaller themes: {listed}."
