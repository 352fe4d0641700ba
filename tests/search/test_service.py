"""Search over the real default corpus (built once per session by the `search_service` fixture)."""

from __future__ import annotations

from datetime import date

import pytest

from search.graph import distances
from search.ranking import REFERENCE_MAX_DISTANCE
from search.results import SearchRequest
from search.service import SearchService

pytestmark = pytest.mark.slow

ENDED = {"repealed", "modified", "transferred", "annulled", "expired", "modified_stillborn"}


# Article numbers of our own choosing, none a judged query of the evaluation (tests/data/judgments).
@pytest.mark.parametrize(
    "query",
    [
        "L1222-9",
        "L. 1222-9",
        "l 1222 9",
        "art L1222-9",
        "article L. 1222-9 du code du travail",
        "num:L1222-9",
        "télétravail L. 1222-9",
    ],
)
def test_cited_article_comes_first_in_every_shape(search_service: SearchService, query: str) -> None:
    results = search_service.search(SearchRequest(query))
    assert results.hits[0].article == "L1222-9"
    assert "L1222-9" in results.understood_references


def test_reference_query_then_lists_articles_linked_to_it(search_service: SearchService) -> None:
    results = search_service.search(SearchRequest("L. 1222-9", limit=5))
    graph = search_service.graph_at(date.today())
    near = distances(graph, ["LEGITEXT000006072050:L1222-9"], REFERENCE_MAX_DISTANCE)
    assert len(results.hits) == 5
    assert all(near.get(hit.article_key, 0) > 0 for hit in results.hits[1:])


def test_range_returns_the_articles_in_code_order(search_service: SearchService) -> None:
    results = search_service.search(SearchRequest("L. 3142-1 à L. 3142-4", limit=5))
    assert [hit.article for hit in results.hits] == ["L3142-1", "L3142-1-1", "L3142-2", "L3142-3", "L3142-4"]


def test_prefix_lists_the_chapter_in_order(search_service: SearchService) -> None:
    results = search_service.search(SearchRequest("L. 1222-*", limit=4))
    assert [hit.article for hit in results.hits] == ["L1222-1", "L1222-2", "L1222-3", "L1222-4"]


@pytest.mark.parametrize(
    ("accented", "plain"),
    [
        ("délégué syndical", "delegue syndical"),
        ("congé de maternité", "conge de maternite"),
        ("prud'hommes", "prud’hommes"),
    ],
)
def test_accentless_and_accented_queries_return_the_same_hits(
    search_service: SearchService, accented: str, plain: str
) -> None:
    first = search_service.search(SearchRequest(accented, highlight=False))
    second = search_service.search(SearchRequest(plain, highlight=False))
    assert first.total == second.total > 0
    assert [h.version_id for h in first.hits] == [h.version_id for h in second.hits]


def test_at_date_returns_the_wording_in_force_then(search_service: SearchService) -> None:
    # L1225-37 (congé d'adoption) said "dix semaines" until 2021-07-01, "seize semaines" since.
    past = search_service.search(SearchRequest("congé d'adoption L1225-37", at=date(2020, 6, 1)))
    today = search_service.search(SearchRequest("congé d'adoption L1225-37"))
    assert past.hits[0].article == today.hits[0].article == "L1225-37"
    assert past.hits[0].version_id == "LEGIARTI000006900919"
    assert past.hits[0].version_id != today.hits[0].version_id
    assert past.hits[0].valid_from <= date(2020, 6, 1) < past.hits[0].valid_to
    assert "1er juin 2020" in past.filter_description


def test_all_versions_finds_a_phrase_only_an_old_version_contains(search_service: SearchService) -> None:
    phrase = "\"congé d'adoption d'une durée de dix semaines\""
    today = search_service.search(SearchRequest(phrase))
    assert "L1225-37" not in [hit.article for hit in today.hits]
    past = search_service.search(SearchRequest(phrase, all_versions=True))
    assert past.hits[0].article == "L1225-37"
    assert past.hits[0].version_id == "LEGIARTI000006900919"
    assert "<mark>" in past.hits[0].snippet


def test_all_versions_groups_versions_by_article(search_service: SearchService) -> None:
    results = search_service.search(SearchRequest("congé d'adoption", all_versions=True, limit=20))
    articles = [hit.article for hit in results.hits]
    assert len(articles) == len(set(articles))
    adoption = next(hit for hit in results.hits if hit.article == "L1225-37")
    versions = {adoption.version_id, *(other.version_id for other in adoption.other_versions)}
    assert {"LEGIARTI000006900919", "LEGIARTI000045205243"} <= versions


@pytest.mark.parametrize(
    "query",
    ["licenciement", "congé", "comité social et économique", "abrogé", "L. 1233-*", "durée du travail"],
)
def test_default_filter_never_shows_a_version_not_in_force_today(
    search_service: SearchService, query: str
) -> None:
    today = date.today()
    results = search_service.search(SearchRequest(query, limit=50, highlight=False))
    assert results.hits
    for hit in results.hits:
        assert hit.status not in ENDED
        assert hit.valid_from is not None and hit.valid_from <= today
        assert hit.valid_to is None or hit.valid_to > today
        for other in hit.other_versions:
            assert other.valid_to is None or other.valid_to > today


HOSTILE = [
    "",
    "   ",
    '"',
    '"""',
    "AND OR NOT ( ) [ ] { } : * ? ~ ^",
    "le la les de du des",
    "!!! ??? ...",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "L. 99999-99",
    "code:inexistant licenciement",
    "\x00\x01\x1b[31m licenciement",
    "é" * 100_000,
    "licenciement " * 5000,
    '"licenciement" -"licenciement"',
    "-licenciement",
    'L. 1233-* L. 3253-8 à L. 3253-12 "motif" -économique code:travail num:L1233-3',
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_return_results_or_a_clear_message(search_service: SearchService, query: str) -> None:
    results = search_service.search(SearchRequest(query))
    assert results.hits or results.notices
    for hit in results.hits:
        assert "<script" not in hit.snippet and "<img" not in hit.snippet


def test_overlong_query_is_truncated_with_a_notice(search_service: SearchService) -> None:
    results = search_service.search(SearchRequest("licenciement " * 5000))
    assert any("trop longue" in notice for notice in results.notices)
    assert results.hits


def test_misspelled_word_still_finds_its_articles(search_service: SearchService) -> None:
    results = search_service.search(SearchRequest("licenciment économique"))
    assert results.suggestion is not None and "licenciement" in results.suggestion
    assert results.hits
    correct = search_service.search(SearchRequest("licenciement économique"))
    assert correct.suggestion is None


def test_a_clipped_word_is_completed_to_the_word_its_query_goes_with(search_service: SearchService) -> None:
    # "mal" begins "malgré" and "maladie"; a work stoppage is an "arrêt maladie", not "malgré"
    results = search_service.search(SearchRequest("arrêt mal", highlight=False))
    assert results.suggestion == "arrêt maladie"
    assert not results.unmatched_terms and results.hits
    alone = search_service.search(SearchRequest("mal", highlight=False))
    assert alone.suggestion is None and alone.unmatched_terms == ("mal",)


def test_filters_code_and_pagination(search_service: SearchService) -> None:
    first = search_service.search(SearchRequest("salarié", limit=5, highlight=False))
    second = search_service.search(SearchRequest("salarié", limit=5, offset=5, highlight=False))
    assert not {h.article for h in first.hits} & {h.article for h in second.hits}
    coded = search_service.search(SearchRequest("salarié", code="Code du travail", limit=5, highlight=False))
    assert [h.article for h in coded.hits] == [h.article for h in first.hits]
    assert "dans le Code du travail" in coded.filter_description
    assert sum(count for _, count in first.facets["status"]) == first.total


def test_hits_carry_article_and_diff_urls(search_service: SearchService) -> None:
    hit = search_service.search(SearchRequest("L1233-3")).hits[0]
    assert hit.article_url == f"?view=article&version={hit.version_id}"
    assert hit.diff_url == f"?view=diff&version={hit.version_id}"
    assert hit.section_path and hit.code == "Code du travail"


def test_citations_in_and_resolve_citation(search_service: SearchService) -> None:
    hit = search_service.search(SearchRequest("L1222-6")).hits[0]
    spans = search_service.citations_in(hit.version_id)
    target = next(span for span in spans if span[2].endswith(":L1233-3"))
    version = search_service.resolve_citation(target[2], date(2020, 6, 1))
    assert version is not None and version.number == "L1233-3"
    cited_by = search_service.cited_by(search_service.store.article_of(version.version_id).article_id)
    assert "L1222-6" in [row.article for row in cited_by]


def test_concurrent_searches_from_threads_agree(search_service: SearchService) -> None:
    from concurrent.futures import ThreadPoolExecutor

    queries = ["licenciement économique", "L. 1233-3", "congé de maternité", "travail de nuit"] * 6
    expected = {q: [h.version_id for h in search_service.search(SearchRequest(q)).hits] for q in set(queries)}
    with ThreadPoolExecutor(8) as pool:
        got = list(
            pool.map(
                lambda q: (q, [h.version_id for h in search_service.search(SearchRequest(q)).hits]), queries
            )
        )
    for query, hits in got:
        assert hits == expected[query]
