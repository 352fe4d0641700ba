"""The Streamlit app: `streamlit run ui/app.py` (or `lexsearch app`). Routes on `?view=` to one view module.

The search service (store + index) is opened once per process (begun by `lexsearch app` while the server
boots, see ui.startup), kept with st.cache_resource and handed to the views; the URL holds the whole
state, parsed and validated by ui.params.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from corpus.settings import data_home
from search.service import SearchService
from ui import params, render, startup
from ui.views import article_page, changeset_page, diff_page, search_page
from ui.views.nav import html

VIEWS = {
    "search": search_page.show,
    "article": article_page.show,
    "diff": diff_page.show,
    "changeset": changeset_page.show,
}


@st.cache_resource(show_spinner="Ouverture du corpus et de l'index (construits au premier lancement)…")
def load_service(home: str) -> SearchService:
    """One service per data home and per process, shared by every session (it is thread-safe)."""
    return startup.service(Path(home))


def main() -> None:
    st.set_page_config(page_title="lexsearch", page_icon="⚖️", layout="wide")
    html(render.STYLE)
    screen = params.parse(st.query_params.to_dict())
    service = load_service(str(data_home()))
    if screen.view != "search":
        html(
            render.paragraph(
                render.link(params.url(params.Screen(query=screen.query)), "← Recherche"), "lx-links"
            )
        )
    VIEWS[screen.view](service, screen)
    html(render.end_of_screen(screen.view))
    startup.page_shown()


main()
