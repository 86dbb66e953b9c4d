"""Representative articles: against a pandas oracle, and highlighting that stays safe."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from insights import schema
from insights.corpus import Filters
from insights.story import representative


def oracle(corpus, rows: np.ndarray, per_theme: int = 3) -> dict[str, list[int]]:
    """Per theme, rows by distinct phrases, then phrases per word, then row: in pandas."""
    table = corpus.table.to_pandas()
    records = []
    for row in rows.tolist():
        for evidence in table[schema.THEME_EVIDENCE].iloc[row]:
            if evidence[schema.EVIDENCE_THEME] not in table[schema.THEMES].iloc[row]:
                continue
            n = len(evidence[schema.EVIDENCE_PHRASES])
            words = table[schema.WORD_COUNT].iloc[row]
            records.append((evidence[schema.EVIDENCE_THEME], row, n, n / (words + n + 1)))
    frame = pd.DataFrame(records, columns=["theme", "row", "n", "density"])
    frame = frame.sort_values(
        ["theme", "n", "density", "row"], ascending=[True, False, False, True]
    )
    return {t: list(g["row"][:per_theme]) for t, g in frame.groupby("theme")}


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(text="children"),  # a large selection: walks the corpus-wide ranking
        Filters(text="telford"),  # a small one: ranked from its own entries
        Filters(publishers=("ECPAT UK",)),
    ],
    ids=["all", "large", "small", "publisher"],
)
def test_the_strongest_articles_per_theme_match_a_pandas_oracle(synthetic, filters):
    rows = synthetic.select(filters)
    found = representative.strongest(synthetic, rows)
    got = {t: list(g["row"]) for t, g in found.groupby(representative.THEME)}
    assert got == oracle(synthetic, rows)
    assert list(dict.fromkeys(found[representative.THEME])) == [
        t for t in synthetic.themes if t in got
    ]


def test_a_selection_whose_articles_are_not_among_the_ranked_best_falls_back(
    synthetic, monkeypatch
):
    monkeypatch.setattr(representative, "TOP_RUNS", 2)
    representative._RANKED.pop(synthetic, None)
    rows = synthetic.select(Filters(text="children"))
    got = representative.strongest(synthetic, rows)
    representative._RANKED.pop(synthetic, None)
    assert {t: list(g["row"]) for t, g in got.groupby(representative.THEME)} == oracle(
        synthetic, rows
    )


@pytest.mark.parametrize(
    ("text", "phrases", "marked"),
    [
        ("County lines gangs", ["county lines"], ["County lines"]),
        ("Two county-lines cases", ["county line"], ["county-lines"]),  # plural last word
        ("Children trafficked abroad", ["traffick*"], ["trafficked"]),
        (
            "Modern slavery and slavery",
            ["slavery", "modern slavery"],
            ["Modern slavery", "slavery"],
        ),
        ("Nothing here", ["county lines"], []),
    ],
)
def test_phrase_spans_match_as_the_taxonomy_matches(text, phrases, marked):
    spans = representative.phrase_spans(text, phrases)
    assert [text[a:b] for a, b in spans] == marked
