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


def bind(key: str, shown: object, screen_for: Callable[[object], Screen | dict[str, str]]) -> dict:
    """Widget arguments tying one widget to the URL.

    The widget's value is set from the URL before it is drawn (so back/forward and pasted URLs show their
    own state), and a change by the user becomes the URL (`screen_for` gives the new screen, or raw URL
    parameters when the input must reach the URL parser to be refused with a notice) (a new history entry) in the
    widget's callback, before the script reruns: one run per change.

    The widget's key carries the value it shows. With one key for every value, a run could pair the URL's
    value with a widget state the browser still held for that key (a run started while the page was being
    restored after Back showed an empty search box above the results of the query). A key per value makes
    that pairing impossible: the widget drawn is always the URL's.
    """
    widget_key = f"{key}={shown}"
    st.session_state[widget_key] = shown

    def changed() -> None:
        target = screen_for(st.session_state[widget_key])
        st.query_params.from_dict(target if isinstance(target, dict) else params.to_params(target))

    return {"key": widget_key, "on_change": changed}
