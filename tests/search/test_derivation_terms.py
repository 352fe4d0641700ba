"""A verb typed brings the index's nouns of its action, and a word its split inflections, as expansions."""

from __future__ import annotations

from analyzers.lemmas import LEMMATIZER
from search.matching import DERIVATION, INFLECTION, THESAURUS, QueryTerms, with_derivations, with_inflections
from search.ranking import RankingConfig


def setup_module() -> None:
    LEMMATIZER.learn({form: form for form in ("contestation", "contester", "licenciement")})


def test_the_noun_of_a_typed_verb_is_an_expansion_of_it() -> None:
    terms = with_derivations(QueryTerms(lemmas=("contester", "licenciement")))
    assert terms.expansion_phrases == (("contestation",),)
    assert terms.expansion_spans == (("contester",),)


def test_a_noun_already_typed_is_not_added_again() -> None:
    terms = QueryTerms(lemmas=("contester", "contestation"))
    assert with_derivations(terms) == terms


def test_a_noun_of_a_verb_weighs_derivation_weight_and_a_synonym_does_not() -> None:
    typed = QueryTerms(
        lemmas=("contester", "licenciement"),
        expansion_phrases=(("rupture",),),
        expansion_spans=(("licenciement",),),
    )
    terms = with_derivations(typed)
    config = RankingConfig(derivation_weight=0.75, expansion_weight=0.5)
    assert terms.kinds() == (THESAURUS, DERIVATION)
    assert terms.expansion_weights(config) == (0.5, 0.75)


def test_a_split_inflection_is_an_expansion_of_the_typed_word() -> None:
    LEMMATIZER.learn({"pauses": "pauser", "pause": "paus", "jour": "jour"})
    typed = QueryTerms(lemmas=("pauser", "jour"))
    terms = with_inflections(typed, "pauses jour", lambda lemma: 10)
    assert terms.expansion_phrases == (("paus",),)
    assert terms.expansion_spans == (("pauser",),)
    assert terms.kinds() == (INFLECTION,)
    assert terms.expansion_weights(RankingConfig(inflection_weight=0.9)) == (0.9,)
    assert with_inflections(typed, "pauses jour", lambda lemma: 0) == typed  # not in the index


def test_a_word_with_both_a_noun_and_an_inflection_weighs_each_its_own() -> None:
    """One typed word can gain a verb's noun and another inflection's lemma: each expansion weighs its
    kind's weight, not the first kind found for the word."""
    LEMMATIZER.learn({"retraites": "retraiter", "retraite": "retraite", "retraitement": "retraitement"})
    typed = QueryTerms(lemmas=("retraiter",))
    terms = with_derivations(with_inflections(typed, "retraites", lambda lemma: 10))
    assert terms.expansion_phrases == (("retraite",), ("retraitement",))
    assert terms.expansion_spans == (("retraiter",), ("retraiter",))
    config = RankingConfig(inflection_weight=1.0, derivation_weight=0.75)
    assert terms.expansion_weights(config) == (1.0, 0.75)
