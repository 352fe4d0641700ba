"""Session-wide fixtures. Tests find files through `DATA`, never through the working directory."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def search_home(tmp_path_factory: pytest.TempPathFactory):
    """A LEXSEARCH_HOME holding the store and the index built ONCE from the committed default artifact
    (real data). Tests that run the CLI set LEXSEARCH_HOME to it with monkeypatch. Owner: index-search."""
    from corpus.ingest import ensure_default_store
    from indexer.build import build_index
    from indexer.passage_vectors import seed_vectors

    home = tmp_path_factory.mktemp("lexsearch-home")
    store = ensure_default_store(home / "corpus.sqlite3", progress=False)
    build_index(store, home / "index", progress=False)
    # As on a user's first search (SearchService.open): the shipped vectors, so questions are re-ranked
    # in every test, not only after a test that happened to open the service that way.
    seed_vectors(store, home)
    store.close()
    return home


@pytest.fixture(scope="session")
def search_service(search_home: Path):
    """The one SearchService of the test session, over `search_home`. Owner: index-search helper."""
    from search.service import SearchService

    service = SearchService.open(search_home, build_if_missing=False, progress=False)
    yield service
    service.close()
