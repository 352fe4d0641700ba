"""A verb's nouns of action among the lemmas the index knows: the stem decides, adjectives stay out."""

from __future__ import annotations

from analyzers.derivations import is_noun_like, nouns_of_verb
from analyzers.lemmas import LEMMATIZER

KNOWN = [
    "contestation",
    "contester",
    "contestable",
    "homologation",
    "licence",
    "licenciement",
    "modification",
    "partie",
]


def setup_module() -> None:
    LEMMATIZER.learn({form: form for form in KNOWN})  # each of these folded forms is its own lemma


def test_a_verb_finds_its_nouns_of_action() -> None:
    assert nouns_of_verb("contester") == ("contestation",)
    assert "homologation" in nouns_of_verb("homologuer")
    assert "modification" in nouns_of_verb("modifier")
    assert "licenciement" in nouns_of_verb("licencier")


def test_a_near_stem_needs_a_suffix_of_action() -> None:
    assert "licence" not in nouns_of_verb("licencier")


def test_short_stems_and_non_verbs_have_no_nouns() -> None:
    assert nouns_of_verb("partir") == ()  # "part": too many words share it
    assert nouns_of_verb("contestation") == ()


def test_adjectives_and_participles_are_not_nouns() -> None:
    assert not is_noun_like("contestable")
    assert not is_noun_like("contester")
    assert is_noun_like("versement")
    assert not is_noun_like("formellement")
