"""The lemmas of the thesaurus's keys come from a committed file, so that building the lemma-keyed table
never loads the spaCy model; the file must say what the lemmatizer itself says."""

from __future__ import annotations

import pytest

import analyzers.expansion as expansion
import analyzers.french as french
from analyzers.french import analyze_surface
from analyzers.lemmas import LEMMATIZER, Lemmatizer


def test_the_file_gives_each_key_word_the_lemma_the_lemmatizer_computes() -> None:
    """Stale after a change of the synonyms or lay wordings: run scripts/build_thesaurus_lemmas.py."""
    forms = expansion.key_forms()
    assert forms, "the thesaurus has keys"
    computed = Lemmatizer().lemmas(forms)  # a lemmatizer of its own: nothing learned from the file
    assert expansion.key_lemmas() == computed


def _without_the_model(monkeypatch: pytest.MonkeyPatch) -> Lemmatizer:
    """A lemmatizer that knows the thesaurus alternatives' words (the code's: an index's lemma table
    knows them) and refuses to load the model, in place of the shared one."""
    alternatives = {
        form
        for entry in expansion._table().values()
        for alternative in entry.alternatives
        for form in analyze_surface(alternative.phrase)
        if form.isalpha()
    }
    fresh = Lemmatizer()
    fresh.learn(LEMMATIZER.lemmas(alternatives))

    def no_model() -> None:
        raise AssertionError("the spaCy model was loaded")

    monkeypatch.setattr(fresh, "load", no_model)
    monkeypatch.setattr(french, "LEMMATIZER", fresh)
    monkeypatch.setattr(expansion, "LEMMATIZER", fresh)
    return fresh


def test_the_lemma_keyed_table_is_built_without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """The keys' own words, everyday ones included ("boulot", "resto"), must come from the file."""
    fresh = _without_the_model(monkeypatch)
    expansion._lemma_table.cache_clear()
    try:
        table = expansion._lemma_table()
    finally:
        expansion._lemma_table.cache_clear()
    assert ("boulot",) in table
    assert fresh.known_lemma("boulot") == "boulot"


def test_a_query_of_key_words_is_expanded_without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh process's first query: its words that only the thesaurus's keys know ("virer", "boulot")
    are learned from the file before the query is analysed, not sent to the model (which a one-shot
    search paid ~2.5 s for)."""
    _without_the_model(monkeypatch)
    expansion._lemma_table.cache_clear()
    expansion.expand_query_terms.cache_clear()
    try:
        found = expansion.expand_query_terms("virer")
    finally:
        expansion._lemma_table.cache_clear()
        expansion.expand_query_terms.cache_clear()
    assert [match.text for match in found] == ["virer"]
    assert found[0].alternatives
