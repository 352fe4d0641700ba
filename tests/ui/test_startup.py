"""`lexsearch app` opens the service in a thread that first waits for the server to listen; a page script
asking for the service meanwhile must wait for that opening, not start a second one."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from ui import startup


@pytest.fixture
def openings(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The homes `open_for_pages` was asked for; each opening returns a new object standing for the service."""
    opened: list[Path] = []

    def open_for_pages(home: Path) -> object:
        opened.append(home)
        return object()

    monkeypatch.setattr(startup, "open_for_pages", open_for_pages)
    monkeypatch.setattr(startup, "PAGE_MODULES", ())
    monkeypatch.setattr(startup, "_page_shown", threading.Event())
    monkeypatch.setattr(startup, "WARM_AFTER", 0.0)
    monkeypatch.setattr(startup, "warm", lambda service: opened.append(Path("warm-up")))
    return opened


def test_a_page_asking_before_the_gate_opens_waits_for_the_begun_service(
    tmp_path: Path, openings: list[Path]
) -> None:
    gate = threading.Event()
    startup.begin(tmp_path, first=gate.wait)
    handed: list[object] = []
    page = threading.Thread(target=lambda: handed.append(startup.service(tmp_path)))
    page.start()
    page.join(timeout=0.3)
    assert page.is_alive() and openings == []  # waiting, and no second opening by the page
    gate.set()
    page.join(timeout=10)
    assert len(handed) == 1 and openings == [tmp_path]


def test_the_warm_up_runs_after_the_first_page_not_before(tmp_path: Path, openings: list[Path]) -> None:
    startup.begin(tmp_path)
    startup.service(tmp_path)
    time.sleep(0.3)
    assert openings == [tmp_path]  # the service, not yet the warm-up: no page shown
    startup.page_shown()
    deadline = time.monotonic() + 10
    while len(openings) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert openings == [tmp_path, Path("warm-up")]


def test_without_begin_the_page_opens_the_service_itself(tmp_path: Path, openings: list[Path]) -> None:
    startup.service(tmp_path)
    assert openings == [tmp_path]


def test_an_error_of_the_opening_reaches_the_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(home: Path) -> object:
        raise OSError(f"{home}: base illisible")

    monkeypatch.setattr(startup, "open_for_pages", failing)
    monkeypatch.setattr(startup, "PAGE_MODULES", ())
    startup.begin(tmp_path)
    with pytest.raises(OSError, match="base illisible"):
        startup.service(tmp_path)


def test_listening_returns_once_the_server_listens() -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    port = server.getsockname()[1]
    threading.Timer(0.2, server.listen).start()
    try:
        started = time.monotonic()
        startup.listening("127.0.0.1", port, timeout=10)
        waited = time.monotonic() - started
    finally:
        server.close()
    assert 0.15 <= waited < 10


def test_listening_gives_up_after_its_timeout() -> None:
    unused = socket.socket()
    unused.bind(("127.0.0.1", 0))  # bound, never listening: every connection is refused
    try:
        started = time.monotonic()
        startup.listening("127.0.0.1", unused.getsockname()[1], timeout=0.3)
        assert time.monotonic() - started >= 0.3
    finally:
        unused.close()


def test_each_api_worker_loads_the_language_data_after_its_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.api import server

    loaded = threading.Event()
    forked: list[str] = []
    monkeypatch.setattr(server, "load_language_data", loaded.set)

    class Service:
        def after_fork(self) -> None:
            forked.append("after_fork")

    hooks = server.options("127.0.0.1", 0, 1, Service(), warm_model=True)  # type: ignore[arg-type]
    hooks["post_fork"](None, None)
    assert loaded.wait(5.0) and forked == ["after_fork"]
    loaded.clear()
    server.options("127.0.0.1", 0, 1, Service(), warm_model=False)["post_fork"](None, None)  # type: ignore[arg-type]
    assert not loaded.wait(0.2)


def test_the_language_data_loads_the_word_list_and_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    from analyzers import lemmas, lexicon

    calls: list[str] = []
    monkeypatch.setattr(lexicon, "french_forms", lambda: calls.append("french_forms"))
    monkeypatch.setattr(lexicon, "verb_rules", lambda: calls.append("verb_rules"))
    monkeypatch.setattr(lemmas.LEMMATIZER, "load", lambda: calls.append("model"))
    startup.load_language_data()
    assert calls == ["french_forms", "verb_rules", "model"]


def test_the_language_data_compiles_the_code_names_and_is_frozen_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The citation grammar's alternations of the codes' names are compiled by the warm-up, not by the
    first query naming a code; what it loads is frozen out of the cyclic collector after, like the
    service's tables (search.service.bulk_loading)."""
    import gc

    from analyzers import citation_grammar, lemmas, lexicon

    for name in citation_grammar._LAZY:
        monkeypatch.delitem(vars(citation_grammar), name, raising=False)
    kept: list[object] = []
    monkeypatch.setattr(lexicon, "french_forms", lambda: kept.append([[] for _ in range(1000)]))
    monkeypatch.setattr(lexicon, "verb_rules", lambda: None)
    monkeypatch.setattr(lemmas.LEMMATIZER, "load", lambda: None)
    frozen = gc.get_freeze_count()
    try:
        startup.load_language_data()
        assert all(name in vars(citation_grammar) for name in citation_grammar._LAZY)
        assert gc.get_freeze_count() >= frozen + 1000  # the word list's lists, at least
    finally:
        gc.unfreeze()


def test_the_api_warms_the_headings_before_its_workers_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.api import server

    calls: list[str] = []

    class Service:
        def warm_headings(self) -> int:
            calls.append("warm_headings")
            return 0

    class Server:
        def __init__(self, service, options) -> None:
            calls.append("server")

        def run(self) -> None:
            calls.append("run")

    monkeypatch.setattr(server.SearchService, "open", staticmethod(lambda: Service()))
    monkeypatch.setattr(server, "ApiServer", Server)
    monkeypatch.setattr(server.gc, "freeze", lambda: None)
    assert server.serve("127.0.0.1", 0, 1) == 0
    assert calls == ["warm_headings", "server", "run"]


def test_the_apps_warm_up_searches_then_warms_the_headings_and_the_language_data(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []

    class Service:
        def search(self, request) -> None:
            calls.append(f"search {request.query}")

        def warm_headings(self) -> int:
            calls.append("warm_headings")
            return 0

    monkeypatch.setattr(startup, "load_language_data", lambda: calls.append("language data"))
    startup.warm(Service())  # type: ignore[arg-type]
    assert calls == [f"search {startup.WARM_QUERY}", "warm_headings", "language data"]
