"""The line at the top of every page that names the filters in force, each one click to remove.

    Filtered to: [Theme: County lines ✕] [Search: gangs ✕] [Dates: 1 Jan 2018 – 30 Jun 2018 ✕]
    [Clear all]

and, under it, one line for each value a link or the session held that this dataset does not
have ("Ignored: theme 'X' is not in this dataset.").
"""

from __future__ import annotations

from typing import Any

import literal
import state
import streamlit as st

from insights.corpus import wording

# filter key → what the line calls it
NAMES = {
    state.THEME: "Theme",
    state.TEXT: "Search",
    state.DATES: "Dates",
    state.ENTITY: "Name",
    state.PUBLISHER: "Publisher",
    state.BASIS: "Date basis",
}


def active() -> list[tuple[str, Any, str]]:
    """(filter key, the value to remove, the words for it), in the sidebar's order."""
    out = []
    for key, name in NAMES.items():
        held = st.session_state.get(key)
        if not held:
            continue
        if key == state.TEXT:
            if held.strip():
                out.append((key, held, f"{name}: {held.strip()}"))
        elif key == state.DATES:
            days = " – ".join(wording.short_date(day) for day in held)
            days += " onwards" if len(held) == 1 else ""
            out.append((key, tuple(held), f"{name}: {days}"))
        else:
            out += [(key, value, f"{name}: {value}") for value in held]
    return out


def _remove(key: str, value: Any) -> None:
    # A callback: it runs before the widgets exist, so it may set the bound filters.
    held = st.session_state.get(key)
    if key == state.TEXT:
        st.session_state[key] = ""
    elif key == state.DATES:
        st.session_state[key] = ()
    else:
        st.session_state[key] = [v for v in held or () if v != value]


def _clear() -> None:
    for key, value, _ in active():
        _remove(key, value)


def show() -> None:
    """The filters line and the notices; nothing at all when no filter is on."""
    filters = active()
    if filters:
        with st.container(
            horizontal=True, gap="small", vertical_alignment="center", key="filterbar"
        ):
            literal.text("Filtered to:", caption=True, width="content")
            for number, (key, value, words) in enumerate(filters):
                st.button(
                    literal.label(words),
                    key=f"filterbar_{number}",
                    on_click=_remove,
                    args=(key, value),
                    icon=":material/close:",
                    help="Remove this filter",
                    type="secondary",
                    width="content",
                )
            st.button("Clear all", key="filterbar_clear", on_click=_clear, type="tertiary")
    for notice in state.notices():
        literal.text(notice, caption=True)
