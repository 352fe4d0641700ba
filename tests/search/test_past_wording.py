"""With all versions, a row's main version is the one whose wording matches the query best (the longest
run of the query's words it has word for word), not today's wording of the article. On the written corpus
(tests/search/written_corpus.py): L10-1 said "à tonalité blessante répétés" until 2019, then "à tonalité
blessante ou humiliante répétés"."""

from __future__ import annotations

from search.results import SearchRequest
from search.service import SearchService

QUERY = "remarques ou gestes à tonalité blessante répétés"


def _row(service: SearchService, request: SearchRequest, article: str):
    (row,) = [hit for hit in service.search(request).hits if hit.article == article]
    return row


def test_row_shows_the_version_with_the_query_wording(written_service: SearchService) -> None:
    row = _row(written_service, SearchRequest(QUERY, all_versions=True), "L10-1")
    assert row.version_id == "ESSAIART000001V0"
    assert [other.version_id for other in row.other_versions] == ["ESSAIART000001V1"]


def test_row_shows_todays_wording_when_the_query_has_it(written_service: SearchService) -> None:
    query = "remarques ou gestes à tonalité blessante ou humiliante répétés"
    row = _row(written_service, SearchRequest(query, all_versions=True), "L10-1")
    assert row.version_id == "ESSAIART000001V1"


def test_in_force_filter_keeps_the_version_in_force(written_service: SearchService) -> None:
    row = _row(written_service, SearchRequest(QUERY), "L10-1")
    assert row.version_id == "ESSAIART000001V1" and row.valid_to is None
    assert row.other_versions == ()


def test_a_date_in_the_past_shows_the_wording_of_that_date(written_service: SearchService) -> None:
    from datetime import date

    row = _row(written_service, SearchRequest(QUERY, at=date(2010, 6, 1)), "L10-1")
    assert row.version_id == "ESSAIART000001V0"
