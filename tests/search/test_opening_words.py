"""Opening words (search.opening_words): of two articles with the same words, the one that opens with
the query's word comes first; a weight of 0 switches it off, and a search of past wordings ignores it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from written_corpus import served_texts

from corpus.model import Code
from search.opening_words import first_position, opening_factor
from search.ranking import RankingConfig
from search.service import SearchRequest, SearchService

CODE = Code("LEGITEXT000000000079", "Code d'essai des écluses")
ARTICLES = (
    # the same words: only where "écluse" stands differs
    ("L3402", "Chaque printemps après l'inspection du bassin, l'écluse est ouverte au public."),
    ("L3403", "L'écluse est ouverte au public chaque printemps après l'inspection du bassin."),
)


@pytest.fixture(scope="module")
def locks(tmp_path_factory: pytest.TempPathFactory):
    with served_texts(tmp_path_factory.mktemp("opening_words"), CODE, "ESSAIOUVERTURE", ARTICLES) as service:
        yield service


def _order(service: SearchService, query: str, weight: float, all_versions: bool = False) -> list[str]:
    # One section: its opening article would be raised by the section evidence.
    config = replace(
        service.ranking, opening_words_weight=weight, same_text_similarity=0.0, section_opening_weight=0.0
    )
    request = SearchRequest(query=query, highlight=False, all_versions=all_versions)
    return [hit.article for hit in service.search(request, ranking_config=config).hits]


def test_the_article_opening_with_the_query_word_comes_first(locks: SearchService) -> None:
    assert _order(locks, "écluse", 0.0) == ["L3402", "L3403"]  # a tie: key order
    assert _order(locks, "écluse", 0.2) == ["L3403", "L3402"]


def test_a_search_of_past_wordings_ignores_where_the_word_stands(locks: SearchService) -> None:
    assert _order(locks, "écluse", 0.2, all_versions=True) == ["L3402", "L3403"]


def test_the_factor_falls_with_the_position_of_the_first_word() -> None:
    config = RankingConfig(opening_words_weight=0.2, opening_words_span=10.0)
    factors = [opening_factor(position, config) for position in (0, 5, 10, 50)]
    assert factors[0] == pytest.approx(1.2)
    assert factors == sorted(factors, reverse=True)
    assert factors[-1] < 1.002
    assert opening_factor(None, config) == 1.0


def test_the_first_position_is_that_of_whichever_word_comes_first() -> None:
    assert first_position({"ecluse": [7, 12], "bassin": [3], "canal": []}) == 3
    assert first_position({"canal": []}) is None
