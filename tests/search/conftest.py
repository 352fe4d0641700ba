"""Fixtures of the search tests: a store and index of the small corpus written in `written_corpus.py`."""

from __future__ import annotations

from pathlib import Path

import pytest
from written_corpus import write_corpus

from search.service import SearchService


@pytest.fixture(scope="module")
def written_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("written"))


@pytest.fixture(scope="module")
def written_service(written_home: Path):
    service = SearchService.open(written_home, build_if_missing=False, progress=False)
    yield service
    service.close()
