"""UI fixtures: one small lexsearch home built from tests/data/ui/corpus.jsonl.gz for the whole session."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.ingest import build_store
from search.service import SearchService


@pytest.fixture(scope="session")
def ui_home(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    """A LEXSEARCH_HOME holding the UI test corpus, with its store and index built."""
    home = tmp_path_factory.mktemp("lexsearch-ui-home")
    build_store(home / "corpus.sqlite3", [data_dir / "ui" / "corpus.jsonl.gz"], progress=False).close()
    # Built here, not inside an app run: the index build uses worker processes, which Streamlit's script
    # runner (no __main__ file) cannot spawn.
    SearchService.open(home, progress=False).close()
    return home
