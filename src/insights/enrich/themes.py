"""Themes: every taxonomy theme whose phrases occur in the title or summary.

"Children exploited by county lines gangs"
    themes          ["Criminal exploitation & county lines"]
    theme_evidence  [{"theme": "Criminal exploitation & county lines",
                      "phrases": ["county lines", "gang"]}]
"""

from __future__ import annotations

import pandas as pd

from insights import schema
from insights.enrich import EnrichContext
from insights.enrich.sentences import article_texts


def enrich(articles: pd.DataFrame, context: EnrichContext) -> pd.DataFrame:
    matcher = context.taxonomy.matcher()
    themes: list[list[str]] = []
    evidence: list[list[dict[str, object]]] = []
    for text in article_texts(articles):
        found = matcher.match(text)
        themes.append(list(found))
        evidence.append(
            [{schema.EVIDENCE_THEME: t, schema.EVIDENCE_PHRASES: p} for t, p in found.items()]
        )
    return pd.DataFrame(
        {schema.THEMES: themes, schema.THEME_EVIDENCE: evidence}, index=articles.index
    )
