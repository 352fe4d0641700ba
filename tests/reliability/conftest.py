"""One small real home (store + index) per session, built from tests/data/reliability through the CLI."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from corpus_damage import SMALL_ARTIFACT

from corpus.store import Store
from indexer.build import build_index
from ui.cli import main


@contextmanager
def lexsearch_home(home: Path) -> Iterator[Path]:
    """Point LEXSEARCH_HOME at `home` for the duration (session fixtures cannot use monkeypatch)."""
    saved = os.environ.get("LEXSEARCH_HOME")
    os.environ["LEXSEARCH_HOME"] = str(home)
    try:
        yield home
    finally:
        if saved is None:
            os.environ.pop("LEXSEARCH_HOME", None)
        else:
            os.environ["LEXSEARCH_HOME"] = saved


_BUILD_SECONDS: list[float] = []


@pytest.fixture(scope="session")
def small_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Store and index of the 48-article fixture (`lexsearch corpus add`, then the index build).

    Read-only for tests: copy it (`home_copy`) before changing anything.
    """
    home = tmp_path_factory.mktemp("small-home")
    with lexsearch_home(home):
        # An explicit --store starts empty (the default one would get the whole default corpus first).
        store = home / "corpus.sqlite3"
        assert main(["corpus", "add", str(SMALL_ARTIFACT), "--store", str(store), "--quiet"]) == 0
        with Store.open(store, create=False) as opened:
            report = build_index(opened, home / "index", progress=False)  # what `lexsearch index` runs
    _BUILD_SECONDS.append(report.seconds)
    return home


@pytest.fixture(scope="session")
def small_build_seconds(small_home: Path) -> float:
    """How long the index build of the small home took (the window a random kill must fall into)."""
    return _BUILD_SECONDS[0]


@pytest.fixture
def home_copy(small_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the small home, set as LEXSEARCH_HOME for this test."""
    copy = tmp_path / "home"
    shutil.copytree(small_home, copy, symlinks=True)
    monkeypatch.setenv("LEXSEARCH_HOME", str(copy))
    return copy
