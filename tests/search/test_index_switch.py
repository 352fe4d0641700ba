"""The service follows `lexsearch index` rebuilds: it switches to the new index once complete and closes
the old one when its last search ends, with no growth in open files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpus.ingest import build_store
from corpus.store import Store
from indexer.build import build_index
from indexer.location import current_target
from search.results import SearchRequest
from search.service import SearchService


@pytest.fixture
def small_service(tmp_path: Path, data_dir: Path):
    build_store(
        tmp_path / "corpus.sqlite3", [data_dir / "indexer" / "small-code-du-travail.jsonl.gz"], progress=False
    ).close()
    with Store.open(tmp_path / "corpus.sqlite3") as store:
        build_index(store, tmp_path / "index", processes=1, progress=False)
    service = SearchService.open(tmp_path, build_if_missing=False, progress=False)
    yield tmp_path, service
    service.close()


def _rebuild(home: Path) -> None:
    with Store.open(home / "corpus.sqlite3") as store:
        build_index(store, home / "index", processes=1, progress=False)


def test_service_switches_to_a_new_build_and_closes_the_old_one(small_service) -> None:
    home, service = small_service
    first = service.search(SearchRequest("L. 1233-3"))
    old_view = service._view
    _rebuild(home)
    second = service.search(SearchRequest("L. 1233-3"))
    assert service._view is not old_view
    assert service._view.target == current_target(home / "index")
    assert old_view._closed
    assert [h.version_id for h in first.hits] == [h.version_id for h in second.hits]


def test_repeated_rebuilds_do_not_leak_file_descriptors(small_service) -> None:
    home, service = small_service
    service.search(SearchRequest("licenciement"))
    _rebuild(home)
    service.search(SearchRequest("licenciement"))
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(3):
        _rebuild(home)
        assert service.search(SearchRequest("licenciement économique")).hits
    assert len(os.listdir("/proc/self/fd")) <= before
