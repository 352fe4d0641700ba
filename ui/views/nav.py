"""Moving between screens: every change of state goes through the URL, so back and copy-paste work."""

from __future__ import annotations

import streamlit as st

from ui import params, render
from ui.params import Screen


def go(screen: Screen) -> None:
    """Make `screen` the URL (a new browser history entry) and redraw from it."""
    st.query_params.from_dict(params.to_params(screen))
    st.rerun()


def html(fragment: render.Markup) -> None:
    """The only door for raw HTML into the page: fragments built (and escaped) by ui.render."""
    if not isinstance(fragment, render.Markup):
        raise TypeError("raw HTML must be built by ui.render")
    st.markdown(str(fragment), unsafe_allow_html=True)


def widget_key(name: str, screen: Screen) -> str:
    """Widgets are keyed by the screen they show, so going back re-creates them from the URL's values."""
    return f"{name}|{params.url(screen)}"
