"""Abbreviations and synonyms (analyzers.expansion) are applied at query time as whole phrases: "CDD"
finds the articles saying "contrat (de travail) à durée déterminée", not every article saying "travail"."""

from __future__ import annotations

import re

import pytest

from analyzers.french import analyze_lemmas
from search.matching import analyze_query, lay_typed_lemmas, lemma_fields, query_expansions
from search.query import parse_query
from search.ranking import RankingConfig
from search.results import SearchRequest
from search.service import SearchService

CDD = re.compile(r"contrats? (de travail )?à durée déterminée", re.IGNORECASE)


def test_expansion_is_a_phrase_of_lemmas_with_the_span_it_stands_for() -> None:
    terms = analyze_query(parse_query("durée d'un CDD"), (("CDD", "contrat de travail à durée déterminée"),))
    assert terms.expansion_phrases == (("contrat", "travail", "duree", "determine"),)
    assert terms.expansion_spans == (("cdd",),)
    assert "travail" not in terms.lemmas


def test_expansion_the_user_already_typed_adds_nothing() -> None:
    parsed = parse_query("CSE comité social et économique")
    terms = analyze_query(parsed, (("CSE", "comité social et économique"),))
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


def test_typed_words_and_expansion_are_counted_once(written_service: SearchService) -> None:
    """'indemnité de fin de contrat' also expands to 'indemnité de précarité': the article with the typed
    wording stays ahead of the one with only the synonym, which comes before a mere "contrat"
    (written_corpus.py)."""
    hits = written_service.search(SearchRequest("indemnité de fin de contrat")).hits
    assert [hit.article for hit in hits] == ["L30-1", "L30-2", "L30-3"]


def test_abbreviation_finds_the_versions_that_still_or_once_spelled_it_out(
    written_service: SearchService,
) -> None:
    """DREETS is typed; R20-1 spelled the agency's name out until 2021, R20-2 says DREETS."""
    today = written_service.search(SearchRequest("DREETS"))
    past = written_service.search(SearchRequest("DREETS", all_versions=True))
    assert [hit.article for hit in today.hits] == ["R20-2"]
    assert sorted(hit.article for hit in past.hits) == ["R20-1", "R20-2"]
    (old,) = [hit for hit in past.hits if hit.article == "R20-1"]
    assert old.version_id == "ESSAIART000003V0"


def test_the_typed_words_of_a_lay_wordings_key_are_marked_and_no_others() -> None:
    """ "chèques déjeuner" is a lay wording's key (the code says "titres-restaurant"): its words are
    marked to weigh less; "CDD", an abbreviation the code also spells out, and the free words are not."""
    parsed = parse_query("chèques déjeuner en CDD")
    terms = analyze_query(parsed, query_expansions(parsed), lay_typed_lemmas(parsed))
    assert terms.lay_typed == frozenset(analyze_lemmas("chèques déjeuner"))
    config = RankingConfig(lay_typed_weight=0.5)
    assert [terms.typed_weight(lemma, config) for lemma in terms.lemmas] == [
        0.5 if lemma in terms.lay_typed else 1.0 for lemma in terms.lemmas
    ]
    assert terms.typed_weight(analyze_lemmas("CDD")[0], config) == 1.0


def test_a_number_typed_matches_the_text_not_the_numbering_of_section_paths() -> None:
    """ "11" of "11 salariés" is looked for in the body only, by both engines: section paths number their
    parts ("Section 11 : Exposition exceptionnelle")."""
    config = RankingConfig()
    weights = config.field_weights
    assert lemma_fields("11", config, weights) == ("text",)
    assert lemma_fields("salarie", config, weights) == ("text", "section")
