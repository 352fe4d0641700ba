"""The corpus's own spellings, read as package data (analyzers/data), and what the lemmatizer makes of them."""

from __future__ import annotations

from analyzers.accented_forms import accented_forms, proper_nouns
from analyzers.lemmas import Lemmatizer, fold


def test_both_word_lists_are_read_from_package_data_one_word_a_line():
    forms, names = accented_forms(), proper_nouns()
    assert len(forms) > 4000 and len(names) > 300
    assert all(not word.isascii() and word == word.lower() and " " not in word for word in forms)
    assert all(fold(name) == name for name in names)  # folded keys, no comment line read as a word
    assert "déléguée" in forms and {"france", "mayotte"} <= names
    assert accented_forms() is forms  # read once


def test_a_name_the_corpus_capitalizes_is_not_lemmatized_as_a_common_noun():
    assert Lemmatizer().lemma("france") == "france"  # spaCy's noun rules alone say "franc"
