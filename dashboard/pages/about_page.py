"""About the data: where it came from, what was left out, how dates were found, the themes."""

import components as ui
import literal
import pandas as pd
import state
import streamlit as st

from insights import schema
from insights.corpus import Filters, articles, citing, frames, wording

corpus = state.corpus()
meta = corpus.metadata
report = meta.get("report", {})
st.title("About the data")

st.header("Sources")
# by file name: where the files sit on the server is nobody's business
st.html(
    "<ul>"
    + "".join(
        f"<li>{literal.escape(line)}</li>"
        for line in citing.source_lines(
            meta.get("sources", []), report.get("captures", {}), report.get("publishers", {})
        )
    )
    + "</ul>"
)
literal.text(
    f"Dataset version {corpus.version}, built {wording.moment(meta.get('built_at'))} from "
    f"{wording.plural(len(corpus), 'article')}; file {state.dataset_path().name}."
)

st.header("What the build left out")
if report:
    st.markdown(
        f"The build read {wording.plural(report.get('items_read', 0), 'item')}, merged "
        f"{wording.plural(report.get('duplicates_merged', 0), 'duplicate')} and kept "
        f"{wording.plural(report.get('articles', len(corpus)), 'article')}."
    )
left_out = report.get("left_out", [])
if left_out:
    left_out = pd.DataFrame(left_out)
    if "source" in left_out:
        left_out["source"] = left_out["source"].map(ui.file_name)
    st.dataframe(left_out, hide_index=True, width="stretch")
else:
    st.markdown("Nothing was left out.")
for failed in report.get("unreadable_sources", []):
    reason = str(failed["reason"]).replace(str(failed["source"]), ui.file_name(failed["source"]))
    literal.text(f"⚠ {ui.file_name(failed['source'])} could not be read: {reason}", strong=True)

st.header("How dates were found")
st.markdown(
    "A date is **stated** when the text gives it, **curated** when someone set it by hand, "
    "and **inferred** otherwise: the listing is newest first, so an undated article must lie "
    "between its dated neighbours. Every article keeps that interval (earliest and latest "
    "possible date) beside its best estimate, and the charts draw estimates differently."
)
bases = ui.shared("every_facet", lambda: articles.facets(corpus, corpus.select(Filters())))[
    schema.DATE_BASIS
]
st.dataframe(
    bases, hide_index=True, column_config={frames.VALUE: "Date basis", frames.ARTICLES: "Articles"}
)

st.header("Themes")
taxonomy = meta.get("taxonomy") or [{"name": t} for t in corpus.themes]
st.dataframe(
    pd.DataFrame(taxonomy),
    hide_index=True,
    width="stretch",
    height="content",
    column_config={
        "name": "Theme",
        "description": "What belongs here",
        "phrases": st.column_config.ListColumn("Phrases that put an article here"),
        "colour": None,
    },
)
literal.text(
    f"Taxonomy version {meta.get('taxonomy_version', 'unknown')}. An article gets every theme "
    "with at least one matching phrase in its title or summary.",
    caption=True,
)

st.header("Charts")
st.page_link(
    state.GALLERY_PAGE,
    label="Every chart the dashboard draws, on this dataset, with its code: the chart gallery",
    icon=":material/bar_chart:",
)

st.header("Columns")
st.dataframe(
    pd.DataFrame([(c.name, c.doc) for c in schema.COLUMNS], columns=["Column", "Meaning"]),
    hide_index=True,
    width="stretch",
    height="content",
)
