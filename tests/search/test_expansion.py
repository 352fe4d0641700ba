"""Abbreviations and synonyms (analyzers.expansion) are applied at query time as whole phrases: "CDD"
finds the articles saying "contrat (de travail) à durée déterminée", not every article saying "travail"."""

from __future__ import annotations

import re

import pytest

from search.matching import analyze_query
from search.query import parse_query
from search.results import SearchRequest
from search.service import SearchService

CDD = re.compile(r"contrats? (de travail )?à durée déterminée", re.IGNORECASE)
OLD_NAME = "entreprises, de la concurrence, de la consommation, du travail et de l'emploi"


def test_expansion_is_a_phrase_of_lemmas_with_the_span_it_stands_for() -> None:
    terms = analyze_query(parse_query("durée d'un CDD"), (("CDD", "contrat de travail à durée déterminée"),))
    assert terms.expansion_phrases == (("contrat", "travail", "duree", "determine"),)
    assert terms.expansion_spans == (("cdd",),)
    assert "travail" not in terms.lemmas


def test_expansion_the_user_already_typed_adds_nothing() -> None:
    parsed = parse_query("PSE plan de sauvegarde de l'emploi")
    terms = analyze_query(parsed, (("PSE", "plan de sauvegarde de l'emploi"),))
    assert terms.expansion_phrases == ()


@pytest.mark.slow
def test_abbreviation_finds_only_articles_with_its_expansion(search_service: SearchService) -> None:
    results = search_service.search(SearchRequest("CDD", limit=50))
    assert 20 < results.total < 1000  # the phrase's articles, not every article saying "travail"
    texts = {
        version.version_id: version.text
        for version in map(search_service.version, (h.version_id for h in results.hits))
    }
    assert all(CDD.search(texts[hit.version_id]) for hit in results.hits)


@pytest.mark.slow
def test_typed_words_and_expansion_are_counted_once(search_service: SearchService) -> None:
    """'licenciement pour motif économique' also expands to 'licenciement économique': the article that
    defines the typed wording stays first."""
    assert (
        search_service.search(SearchRequest("licenciement pour motif économique")).hits[0].article
        == "L1233-3"
    )


@pytest.mark.slow
def test_old_agency_name_finds_the_versions_that_still_or_once_used_it(search_service: SearchService) -> None:
    today = search_service.search(SearchRequest("DIRECCTE", limit=100))
    past = search_service.search(SearchRequest("DIRECCTE", all_versions=True, limit=100))
    assert today.total < past.total < 200
    for hit in past.hits:
        text = search_service.version(hit.version_id).text
        assert OLD_NAME in text or "DIRECCTE" in text
