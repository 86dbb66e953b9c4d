"""The themes enrichment: every matching theme, with the phrases behind it."""

from __future__ import annotations

import pytest

from insights import schema
from insights.enrich import themes

from enrich_frames import frame


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        (
            "Children across the UK exploited by ‘county lines’ gangs",
            "A new report finds children are trafficked to supply drugs.",
            {
                "Child trafficking": ["trafficked to"],
                "Criminal exploitation & county lines": ["county lines", "gang", "supply drugs"],
                "Research & reports": ["report"],
            },
        ),
        (
            "Online abuser jailed",
            "He used the dark web.",
            {"Online abuse": ["dark web"]},
        ),
        ("A quiet week", "Nothing to see.", {}),
    ],
)
def test_themes_and_their_evidence(context, title, summary, expected):
    out = themes.enrich(frame([(title, summary)]), context)
    assert list(out.columns) == [schema.THEMES, schema.THEME_EVIDENCE]
    assert out[schema.THEMES].iloc[0] == list(expected)
    assert out[schema.THEME_EVIDENCE].iloc[0] == [
        {schema.EVIDENCE_THEME: t, schema.EVIDENCE_PHRASES: p} for t, p in expected.items()
    ]
