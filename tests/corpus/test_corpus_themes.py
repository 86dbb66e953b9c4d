"""Articles per theme, themes together, and the phrases behind a theme."""

from __future__ import annotations

import pytest

from insights.corpus import Filters, frames, themes

from samples import CL, CT, OL


def test_theme_counts(corpus):
    frame = themes.theme_counts(corpus, corpus.select(Filters()))
    assert frame[[frames.THEME, frames.ARTICLES]].values.tolist() == [[CT, 3], [CL, 2], [OL, 1]]
    assert frame[frames.SHARE].tolist() == [0.5, pytest.approx(1 / 3), pytest.approx(1 / 6)]
    assert frame[frames.COLOUR].tolist() == [corpus.theme_colours[t] for t in (CT, CL, OL)]


def test_theme_cooccurrence(corpus):
    frame = themes.theme_cooccurrence(corpus, corpus.select(Filters()))
    pairs = {(a, b): n for a, b, n in frame.itertuples(index=False)}
    assert len(pairs) == 9
    assert pairs[(CL, CT)] == pairs[(CT, CL)] == 1
    assert pairs[(CT, CT)] == 3
    assert pairs[(OL, CL)] == 0


@pytest.mark.parametrize(
    ("theme", "expected"),
    [
        (CL, [(CL, "county lines", 2)]),
        (
            CT,
            [(CT, "child trafficking", 1), (CT, "trafficked", 1), (CT, "trafficking", 1)],
        ),
        ("No such theme", []),
    ],
)
def test_theme_phrases(corpus, theme, expected):
    frame = themes.theme_phrases(corpus, corpus.select(Filters()), theme)
    assert [tuple(r) for r in frame.itertuples(index=False)] == expected


def test_top_theme_pair(corpus):
    pairs = themes.theme_cooccurrence(corpus, corpus.select(Filters()))
    assert themes.top_theme_pair(pairs) == (CT, CL, 1)  # each pair once, in name order
    alone = themes.theme_cooccurrence(corpus, corpus.select(Filters(themes=(OL,))))
    assert themes.top_theme_pair(alone) is None
