"""A verb typed brings the index's nouns of its action as one-word expansions of that verb."""

from __future__ import annotations

from analyzers.lemmas import LEMMATIZER
from search.matching import QueryTerms, with_derivations


def setup_module() -> None:
    LEMMATIZER.learn({form: form for form in ("contestation", "contester", "licenciement")})


def test_the_noun_of_a_typed_verb_is_an_expansion_of_it() -> None:
    terms = with_derivations(QueryTerms(lemmas=("contester", "licenciement")))
    assert terms.expansion_phrases == (("contestation",),)
    assert terms.expansion_spans == (("contester",),)


def test_a_noun_already_typed_is_not_added_again() -> None:
    terms = QueryTerms(lemmas=("contester", "contestation"))
    assert with_derivations(terms) == terms
