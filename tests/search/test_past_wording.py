"""With all versions, a row's main version is the one whose wording matches the query best (the longest
run of the query's words it has word for word), not today's wording of the article."""

from __future__ import annotations

import pytest

from search.results import SearchRequest
from search.service import SearchService

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("query", "article", "version"),
    [
        # 2012 wording; since 2018 "à connotation sexuelle ou sexiste répétés"
        (
            "harcèlement sexuel propos ou comportements à connotation sexuelle répétés",
            "L1153-1",
            "LEGIARTI000026268379",
        ),
        ("entretien professionnel tous les deux ans", "L6315-1", "LEGIARTI000038610069"),
    ],
)
def test_row_shows_the_version_with_the_query_wording(
    search_service: SearchService, query: str, article: str, version: str
) -> None:
    results = search_service.search(SearchRequest(query, all_versions=True, limit=10))
    (row,) = [hit for hit in results.hits if hit.article == article]
    assert row.version_id == version
    assert version not in {other.version_id for other in row.other_versions}
    assert row.other_versions  # the other wordings are still listed


def test_in_force_filter_keeps_the_version_in_force(search_service: SearchService) -> None:
    query = "harcèlement sexuel propos ou comportements à connotation sexuelle répétés"
    (row,) = [hit for hit in search_service.search(SearchRequest(query)).hits if hit.article == "L1153-1"]
    assert row.valid_to is None and row.version_id != "LEGIARTI000026268379"
