"""Overview answers first: counts, then three sentences from the library, then the charts."""

from __future__ import annotations

import html
import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from insights import schema, serving
from insights.corpus import Filters, answers

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"


def run(**params: str | list[str]) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD / "app.py"), default_timeout=30)
    at.query_params.update(params)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(markdown: str) -> str:
    """Markdown as it reads on screen: the escaping backslashes gone."""
    return markdown.replace("\\", "")


def paragraphs(at: AppTest) -> list[str]:
    """The text of each literal.text paragraph (st.html of escaped text), as it reads."""
    return [
        html.unescape(re.sub(r"<[^>]+>", "", e.proto.body))
        for e in at.get("html")
        if 'class="literal"' in e.proto.body
    ]


def test_the_three_sentences_follow_the_counts_and_lead_the_charts(dataset: Path) -> None:
    at = run()
    corpus = serving.load(dataset)
    expected = answers.answers(corpus, corpus.select(Filters()))
    assert [m.label for m in at.metric] == ["Articles", "Period covered", "Themes",
                                            "Quoted figures"]  # fmt: skip
    assert paragraphs(at)[:3] == expected
    assert expected[0].startswith("The commonest theme is Child trafficking")
    assert "could fall either way" in expected[1] or "than before" in expected[1]
    assert expected[2].startswith("Figures quoted: “up to 1,000 children”")
    # the charts come after the sentences: the first header follows them (h2, under the h1)
    assert at.header[0].value == "Articles per month"


def test_mostly_estimated_dates_lead_with_the_listing(dataset: Path) -> None:
    at = run(basis=[schema.INFERRED])
    subheaders = [s.value for s in at.header]
    assert subheaders[:2] == ["Themes through the listing", "Articles per month (estimated)"]
    page = "\n".join(paragraphs(at))
    # the fixture's inferred rows: one with an estimated date, one with none (neither side)
    assert (
        "1 of 2 articles here has an estimated date and 1 has no date, so this shows them in "
        "the listing's order"
    ) in page
    assert "so how they spread over the months is an estimate, not a count to quote" in page


def test_latest_articles_show_estimates_as_intervals(dataset: Path) -> None:
    labels = [shown(link.proto.label) for link in run().get("page_link")]
    assert "Mar 2018 (estimated) · Trafficking figures rise by 66%" in labels
    assert "20 Sep 2018 · Children exploited by county lines gangs" in labels
