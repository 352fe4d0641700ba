"""The pages read the corpus through the service, from many threads at once (Streamlit sessions), over
the one shared sqlite3 connection: every read is serialized and returns the same as a lone call."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest

from search.results import SearchRequest
from search.service import SearchService

pytestmark = pytest.mark.slow

KEY = "LEGITEXT000006072050:L1233-3"


def _page_reads(service: SearchService, version_id: str) -> tuple:
    """What the article, diff and changeset pages read for one version."""
    version = service.version(version_id)
    assert version is not None
    article = service.article_of(version_id)
    previous = service.previous_version(version_id)
    changesets = service.changesets_of_version(version_id)
    changeset = service.changeset(changesets[0][0].text_id, changesets[0][1]) if changesets else None
    return (
        version.version_id,
        article.article_id if article else None,
        service.article(version.article_id).key,
        tuple(v.version_id for v in service.versions_of(version.article_id)),
        previous.version_id if previous else None,
        getattr(service.version_in_force(version.article_id, date(2020, 6, 1)), "version_id", None),
        tuple((text.text_id, day) for text, day, _ in changesets),
        changeset is not None,
        tuple(code.code_id for code in service.codes()),
    )


def test_page_reads_from_many_threads_agree_with_a_lone_read(search_service: SearchService) -> None:
    ids = [hit.version_id for hit in search_service.search(SearchRequest("licenciement", limit=20)).hits]
    ids += [
        hit.version_id
        for hit in search_service.search(SearchRequest(KEY.split(":")[1], all_versions=True)).hits
    ]
    expected = {version_id: _page_reads(search_service, version_id) for version_id in ids}

    def work(round_: int) -> list[tuple]:
        found = []
        for version_id in ids[round_ % len(ids) :] + ids[: round_ % len(ids)]:
            found.append(_page_reads(search_service, version_id))
            if round_ % 4 == 0:
                search_service.search(SearchRequest("durée du travail", highlight=True))
        return found

    with ThreadPoolExecutor(max_workers=8) as pool:
        rounds = list(pool.map(work, range(16)))
    for found in rounds:
        for reads in found:
            assert reads == expected[reads[0]]


def test_store_reads_go_through_the_store_lock(search_service: SearchService, monkeypatch) -> None:
    """Each read holds the service's store lock while it touches the connection."""
    held: list[bool] = []
    store = search_service.store
    original = type(store).version

    def spying(self, version_id):
        held.append(search_service._store_lock._is_owned())
        return original(self, version_id)

    monkeypatch.setattr(type(store), "version", spying)
    hit = search_service.search(SearchRequest("licenciement", limit=1)).hits[0]
    assert search_service.version(hit.version_id) is not None
    assert held == [True]
