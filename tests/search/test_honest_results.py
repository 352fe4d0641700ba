"""Honest results on the real default corpus: words no article has are named, the count means articles
that match the query as ranked, a correctly spelled French word is never "corrected", and a phrase the
law stopped using surfaces the versions that used it."""

from __future__ import annotations

import pytest

from analyzers.lexicon import is_french
from search.results import SearchRequest
from search.service import SearchService

pytestmark = pytest.mark.slow


def test_a_word_no_article_has_is_named(search_service: SearchService) -> None:
    results = search_service.search(SearchRequest("licenciement xylophonique"))
    assert results.unmatched_terms == ("xylophonique",)
    assert any("xylophonique" in notice for notice in results.notices)
    assert results.hits  # the other word still answers


def test_the_count_is_the_articles_with_the_most_query_words(search_service: SearchService) -> None:
    one = search_service.search(SearchRequest("congé", highlight=False)).total
    both = search_service.search(SearchRequest("congé adoption", highlight=False))
    assert 0 < both.total < one  # not every article that says "congé"
    assert not both.partial_match


@pytest.mark.parametrize("query", ["adoption fractionnement", "mannequin enfant dimanche"])
def test_fewer_full_matches_than_hits_shown_is_said(search_service: SearchService, query: str) -> None:
    """A few articles have every word, the page shows ten: the count is not contradicted silently."""
    results = search_service.search(SearchRequest(query, highlight=False))
    assert not results.partial_match and not results.unmatched_terms
    assert 0 < results.total < len(results.hits)
    assert any(notice.startswith(f"Seuls {results.total} article(s)") for notice in results.notices)


def test_many_full_matches_need_no_such_notice(search_service: SearchService) -> None:
    results = search_service.search(SearchRequest("congé adoption", highlight=False))
    assert results.total >= len(results.hits)
    assert not any(notice.startswith("Seuls ") for notice in results.notices)


def test_section_path_boilerplate_does_not_make_a_match(search_service: SearchService) -> None:
    """Every path says "Partie législative" or "Partie réglementaire": the word alone matches only the
    articles whose text uses it."""
    results = search_service.search(SearchRequest("partie", highlight=False))
    assert 0 < results.total < 3000


@pytest.mark.parametrize("word", ["combien", "pourquoi", "toucher", "formalisme", "démissionner"])
def test_french_words_are_in_the_lexicon(word: str) -> None:
    assert is_french(word)


@pytest.mark.parametrize("word", ["rétracte", "rétractaient", "contestons", "démissionnons"])
def test_conjugated_forms_the_vocabulary_lacks_are_french(word: str) -> None:
    from analyzers.lexicon import fold, french_forms

    assert fold(word) not in french_forms()  # the vocabulary alone would let them be corrected
    assert is_french(word)


@pytest.mark.parametrize("typo", ["licenciemnt", "convetionnelle", "rupure"])
def test_typos_are_not_french(typo: str) -> None:
    assert not is_french(typo)


def test_a_french_word_is_never_corrected(search_service: SearchService) -> None:
    results = search_service.search(SearchRequest("combien de jours pour démissionner", highlight=False))
    assert results.suggestion is None


def test_a_typo_is_corrected_to_the_word_the_corpus_uses(search_service: SearchService) -> None:
    results = search_service.search(SearchRequest("licenciemnt économique", highlight=False))
    assert results.suggestion == "licenciement économique"


def test_a_dropped_wording_surfaces_its_past_versions(search_service: SearchService) -> None:
    """ "Pôle emploi" became "France Travail" in 2024: the versions that said it come before the
    articles that still say it today."""
    results = search_service.search(SearchRequest("pôle emploi", all_versions=True, highlight=False))
    assert results.hits[0].valid_to is not None


def test_json_names_the_unmatched_words(search_service: SearchService) -> None:
    from ui.api.payloads import results_json

    payload = results_json(search_service.search(SearchRequest("licenciement xylophonique")))
    assert payload["unmatched_terms"] == ["xylophonique"]
    assert payload["partial_match"] is True  # no article has both words
