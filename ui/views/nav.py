"""Moving between screens: every change of state goes through the URL, so back and copy-paste work."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ui import params, render
from ui.params import Screen


def html(fragment: render.Markup) -> None:
    """The only door for raw HTML into the page: fragments built (and escaped) by ui.render."""
    if not isinstance(fragment, render.Markup):
        raise TypeError("raw HTML must be built by ui.render")
    st.markdown(str(fragment), unsafe_allow_html=True)


def bind(key: str, shown: object, screen_for: Callable[[object], Screen]) -> dict:
    """Widget arguments tying one widget to the URL.

    The widget's value is set from the URL before it is drawn (so back/forward and pasted URLs show their
    own state), and a change by the user becomes the URL (a new history entry) in the widget's callback,
    before the script reruns: one run per change, and the widget keeps its key and focus.
    """
    st.session_state[key] = shown

    def changed() -> None:
        st.query_params.from_dict(params.to_params(screen_for(st.session_state[key])))

    return {"key": key, "on_change": changed}
