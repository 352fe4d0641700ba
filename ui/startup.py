"""Opening the search service while Streamlit boots and the browser loads the page.

Streamlit runs the page script only once a browser session has connected, so a service opened there is
opened after the server's boot and the browser's own load. `lexsearch app` runs Streamlit in its own
process and calls `begin()` first: a thread imports the page modules and opens the service while the
browser fetches the page, and the script's `service()` takes it from there. The thread waits for the
server to listen before it starts: begun at once, its second of imports and loading held the interpreter
while Streamlit booted, and the server listened at 0.7 s instead of 0.4 s (the browser's own loading of
Streamlit's scripts, 0.6–0.9 s, is when the server is idle). A plain `streamlit run ui/app.py` never calls
`begin()`: `service()` then opens it in the script.

Once the first page is out (`page_shown()`, the page script's last call), the same thread warms what
only searches need: one throw-away search (index readers, caches: ~0.1 s), the French word list of the
spelling guard and spaCy's model, which a query with a form the corpus lacks ("virer", "peut-il")
otherwise waits for (3.4–3.9 s on its first search in the app). WARM_AFTER seconds after the first page's
script ended, not at once: the browser still draws the page then, and loading the model beside it made
the first page 0.5 s slower (measured on 2 cores); before the page, it competed with the browser's load.
"""

from __future__ import annotations

import importlib
import socket
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from search.service import SearchService

PAGE_MODULES = (
    "ui.params",
    "ui.render",
    "ui.views.search_page",
    "ui.views.article_page",
    "ui.views.diff_page",
    "ui.views.changeset_page",
)
WARM_QUERY = "contrat de travail"
FIRST_PAGE_WAIT = 60.0  # seconds: with no visitor by then, the models are loaded anyway
WARM_AFTER = 3.0  # seconds between the first page's script and the warm-up

_opening: dict[Path, Future] = {}
_guard = threading.Lock()
_page_shown = threading.Event()


def open_for_pages(home: Path) -> SearchService:
    """The service for `home`, with the search page's coverage line computed (every page shows it)."""
    from search.service import SearchService, bulk_loading
    from ui.views import search_page

    # The service loads its tables with the cyclic collector off and frozen after (`bulk_loading`).
    with bulk_loading():
        service = SearchService.open(home)
        search_page.coverage_line(service)
    return service


def warm(service: SearchService) -> None:
    """One throw-away search, so that the lazy parts (index readers, filter caches) are loaded before the
    user's first query, not during it; then the headings' lemmas, the spelling guard's word list and
    spaCy's model."""
    from search.service import SearchRequest, bulk_loading

    with bulk_loading():  # the lazy parts too: no full collection walks them mid-page later
        service.search(SearchRequest(WARM_QUERY, limit=1))
    service.warm_headings()
    load_language_data()


def load_language_data() -> None:
    """The spelling guard's French word list and verb rules (~0.4 + 0.3 s) and spaCy's model (1–5 s): only
    a query with a form the corpus lacks needs them, and it should not wait for them (the app and each API
    worker). First the citation grammar's alternations of the codes' names (0.2–0.4 s), which a query
    naming a code would otherwise compile. Loaded as the service's tables are (`bulk_loading`): frozen out
    of the cyclic collector after, or its next full collection walks spaCy's objects in the middle of a
    search (160 ms measured)."""
    from analyzers import citation_grammar
    from analyzers.lemmas import LEMMATIZER
    from analyzers.lexicon import french_forms, verb_rules
    from search.service import bulk_loading

    try:
        with bulk_loading():
            for (
                name
            ) in citation_grammar._LAZY:  # compiled on first use, else by the first query naming a code
                getattr(citation_grammar, name)
            french_forms()
            verb_rules()
            LEMMATIZER.load()
    except (OSError, ImportError) as error:  # the query that needs it will say what is missing
        print(f"lexsearch: modèle français non chargé d'avance ({error})", file=sys.stderr)


def listening(host: str, port: int, timeout: float = 30.0) -> None:
    """Return once `host:port` accepts a connection, or after `timeout` seconds (a server that never
    listens ends its process, and this thread with it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection((host, port), timeout=1.0).close()
            return
        except OSError:
            time.sleep(0.01)


def begin(home: Path, first: Callable[[], None] | None = None) -> None:
    """In a daemon thread: `first()` (e.g. wait for the server to listen), then import the page modules and
    open the service for `home`. A page script asking for the service meanwhile waits for this one."""
    future: Future = Future()
    with _guard:
        if home in _opening:
            return
        _opening[home] = future

    def run() -> None:
        try:
            if first is not None:
                first()
            for name in PAGE_MODULES:
                importlib.import_module(name)
            opened = open_for_pages(home)
            future.set_result(opened)
        except BaseException as error:  # handed to the page script, which shows it
            future.set_exception(error)
            return
        if _page_shown.wait(FIRST_PAGE_WAIT):
            time.sleep(WARM_AFTER)
        warm(opened)

    threading.Thread(target=run, name="lexsearch-open", daemon=True).start()


def page_shown() -> None:
    """The page script's last call: a first page is out, the warm-up may run."""
    _page_shown.set()


def service(home: Path) -> SearchService:
    """The service begun for `home` (waiting for it if still opening; its error if it failed), else a new
    one opened here. Each begun service is handed out once: the caller caches it for the process."""
    with _guard:
        future = _opening.pop(home, None)
    if future is None:
        return open_for_pages(home)
    return future.result()
