"""Source text in Plotly charts is drawn as text: theme names never become Plotly pseudo-HTML.

Plotly reads every string it draws as `<b>`, `<br>`, `<a href>`, `<span style>` plus entities,
so a theme named `<a href="http://127.0.0.1:9/">x</a>` was a live link in the tick labels.
"""

from __future__ import annotations

import html

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from insights import chart_style, charts
from insights.corpus import frames

HOSTILE = [
    "<b>Bold</b> theme",
    '<a href="http://127.0.0.1:9/x">link</a>',
    "<span style='font-size:90px'>big</span>",
    "Line<br>break & &lt;escaped&gt;",
    "%{x} template %{customdata}",
]
names = st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=6, unique=True)


def drawn_strings(figure) -> list[str]:
    """Every string Plotly draws as text: tick labels, hover labels, names, panel titles."""
    fig = figure.to_dict()
    out = [a["text"] for a in fig["layout"].get("annotations", [])]
    out += list(fig["layout"].get("yaxis", {}).get("ticktext", []))
    for trace in fig["data"]:
        out.append(trace.get("name") or "")
        out += [row[-1] for row in trace.get("customdata", [])]
    return out


def counts(themes: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            frames.THEME: themes,
            frames.ARTICLES: list(range(len(themes), 0, -1)),
            frames.SHARE: [0.1] * len(themes),
            frames.COLOUR: ["#0072B2"] * len(themes),
        }
    )


def shares(themes: list[str]) -> pd.DataFrame:
    period = pd.Timestamp("2018-01-01")
    return pd.DataFrame(
        {
            frames.PERIOD: [period] * len(themes),
            frames.THEME: themes,
            frames.ARTICLES: [1] * len(themes),
            frames.SHARE: [0.5] * len(themes),
        }
    )


def test_theme_names_in_plotly_charts_are_entities_not_markup():
    bars = charts.theme_counts(counts(HOSTILE))
    assert list(bars.to_dict()["data"][0]["y"]) == HOSTILE[::-1]  # a click returns the name
    panels = charts.theme_share_over_time(shares(HOSTILE), colours=dict.fromkeys(HOSTILE, "#000"))
    for figure in (bars, panels):
        for text in drawn_strings(figure):
            assert "<b>" not in text and "<a " not in text and "<span" not in text
        for trace in figure.to_dict()["data"]:  # a name is never read as a hover template
            assert "template" not in trace["hovertemplate"]
    first_panel = panels.to_dict()["layout"]["annotations"][0]["text"]
    assert first_panel == "&lt;b&gt;Bold&lt;/b&gt; theme"


@settings(deadline=None)  # a Plotly figure takes a few hundred ms on a loaded machine
@given(names)
def test_every_theme_name_reads_back_exactly_from_what_plotly_draws(themes):
    figure = charts.theme_counts(counts(themes))
    ticks = figure.to_dict()["layout"]["yaxis"]["ticktext"]
    assert [html.unescape(t) for t in ticks] == themes[::-1]  # entities are all Plotly decodes
    assert all("<" not in t and ">" not in t for t in ticks)
    assert chart_style.plotly_text("a & <b>") == "a &amp; &lt;b&gt;"
