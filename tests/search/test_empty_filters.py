"""A filter that leaves no version is applied, not dropped: no hits, and a message naming the filter.

An empty filter (a date before the corpus, a status no version has, a section that does not exist) must
never fall back to "no filter" and return every match; it returns nothing and says which filter to loosen.
"""

from __future__ import annotations

from datetime import date

import pytest

from search.results import SearchRequest
from search.service import SearchService

pytestmark = pytest.mark.slow

EMPTY_FILTERS = {
    "date before the corpus": (dict(at=date(1990, 1, 1)), "en vigueur au 1er janvier 1990"),
    "status no version in force has": (dict(status="annulled"), "statut « annulé »"),
    "status no version at all has": (dict(status="annulled", all_versions=True), "statut « annulé »"),
    "section that does not exist": (dict(section="Section qui n'existe pas"), "Section qui n'existe pas"),
    "section, all versions": (dict(section="Section qui n'existe pas", all_versions=True), "n'existe pas"),
    "date and status": (dict(at=date(1990, 1, 1), status="in_force"), "1er janvier 1990"),
}
QUERIES = ["licenciement", "L1233-3", "L. 1233-3 à L. 1233-5", "L1233-*", '"motif économique"', "licenciment"]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("case", EMPTY_FILTERS, ids=list(EMPTY_FILTERS))
def test_filter_matching_no_version_returns_no_hit(
    search_service: SearchService, case: str, query: str
) -> None:
    options, _ = EMPTY_FILTERS[case]
    results = search_service.search(SearchRequest(query, limit=25, **options))
    assert results.hits == ()
    assert results.total == 0
    assert all(not values for values in results.facets.values())


@pytest.mark.parametrize("case", EMPTY_FILTERS, ids=list(EMPTY_FILTERS))
def test_empty_filter_is_named_in_the_message(search_service: SearchService, case: str) -> None:
    options, named = EMPTY_FILTERS[case]
    results = search_service.search(SearchRequest("licenciement", **options))
    (message,) = [notice for notice in results.notices if notice.startswith("Aucun")]
    assert named in message
    scope = results.filter_description
    assert message.startswith(
        f"Aucun article ({scope})" if options.get("all_versions") else f"Aucun article {scope}"
    )
    if options.get("all_versions"):
        assert "toutes les versions »" not in message  # already the filter: not a useful advice
    else:
        assert "essayez « toutes les versions »" in message
    if "status" in options:
        assert "retirez le filtre de statut" in message
    if "section" in options:
        assert "retirez le filtre de section" in message


def test_a_query_matching_nothing_under_a_nonempty_filter_says_so(search_service: SearchService) -> None:
    results = search_service.search(SearchRequest("xqzwvk", all_versions=True))
    assert results.hits == ()
    (message,) = [notice for notice in results.notices if notice.startswith("Aucun")]
    assert message.startswith("Aucun article (toutes les versions") and "ne correspond" in message
    assert "essayez « toutes les versions »" not in message


def test_the_same_filters_with_matches_still_return_them(search_service: SearchService) -> None:
    """Control: the filters above are applied, not merely rejecting everything."""
    assert search_service.search(SearchRequest("licenciement", at=date(2020, 6, 1))).total > 0
    assert search_service.search(SearchRequest("licenciement", status="in_force")).total > 0
    assert (
        search_service.search(SearchRequest("licenciement", all_versions=True, status="modified")).total > 0
    )
