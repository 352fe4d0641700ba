"""Fixtures of the search tests: a service over the small corpus written in `written_corpus.py`."""

from __future__ import annotations

import pytest
from written_corpus import write_corpus

from search.service import SearchService


@pytest.fixture(scope="module")
def written_service(tmp_path_factory: pytest.TempPathFactory):
    home = write_corpus(tmp_path_factory.mktemp("written"))
    service = SearchService.open(home, build_if_missing=False, progress=False)
    yield service
    service.close()
