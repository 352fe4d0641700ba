"""A word's other inflections, read through the lemma table: nominal readings that differ, nothing else."""

from __future__ import annotations

from analyzers.inflections import inflections, other_inflection_lemmas
from analyzers.lemmas import LEMMATIZER

TABLE = {
    "pause": "paus",
    "pauses": "pauser",
    "generale": "generale",
    "general": "general",
    "generales": "general",
    "generaux": "general",
    "compte": "compte",
    "comptes": "compter",
    "cours": "cours",
    "cour": "cour",
    "fond": "fond",
    "fonds": "fonds",
    "salarie": "salarie",
    "salaries": "salarie",
}


def setup_module() -> None:
    LEMMATIZER.learn(TABLE)


def test_the_forms_one_ending_away() -> None:
    assert inflections("pause", "paus") == {"pauses"}
    assert {"general", "generales", "generaux"} <= inflections("generale", "generale")
    assert "cour" not in inflections("cours", "cours")  # its own lemma: no plural


def test_a_split_plural_offers_the_singulars_lemma() -> None:
    assert other_inflection_lemmas("pauses") == ("paus",)
    assert other_inflection_lemmas("generale") == ("general",)
    assert other_inflection_lemmas("generaux") == ("generale",)


def test_conflated_forms_and_verb_readings_offer_nothing() -> None:
    assert other_inflection_lemmas("salaries") == ()  # one lemma already
    assert other_inflection_lemmas("pause") == ()  # "pauses" read as the verb "pauser"
    assert other_inflection_lemmas("compte") == ()


def test_an_invariable_word_is_not_a_plural() -> None:
    assert other_inflection_lemmas("cours") == ()
    assert other_inflection_lemmas("fond") == ()  # "fonds" is its own lemma


def test_an_unknown_form_offers_nothing() -> None:
    assert other_inflection_lemmas("zzzzqq") == ()
