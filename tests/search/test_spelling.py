"""Spelling correction of the words the index has never seen: truncations completed, typos edited,
French words and thesaurus keys kept."""

from __future__ import annotations

import pytest

from search.clipped import MAX_CONTEXT
from search.query import parse_query
from search.spelling import Clipping, correct_words, is_common_slip

# Surface forms of a small index and how many versions hold each.
FREQUENCY = {
    "age": 400,
    "allocation": 300,
    "allocations": 140,
    "alloue": 500,
    "cone": 5,
    "convention": 800,
    "teletravail": 60,
    "teletravailleur": 20,
    "decision": 1200,
    "employeur": 2000,
    "essai": 90,
    "periode": 700,
    "demission": 150,
    "indemnite": 200,
    "licenciement": 280,
    "reste": 900,
    "habillement": 5,
    "professionnalisation": 150,
}


def _suggest(form: str, distance: int) -> list[str]:
    from whoosh.support.levenshtein import distance as edits

    return [word for word in FREQUENCY if edits(word, form) <= distance]


def _complete(form: str) -> list[str]:
    return [word for word in FREQUENCY if word.startswith(form)]


def _corrected(text: str, complete=_complete) -> str | None:
    result = correct_words(
        parse_query(text), lambda form: FREQUENCY.get(form, 0), _suggest, complete=complete
    )
    return None if result is None else result[0]


def test_a_truncation_is_completed_to_the_most_used_word_it_begins() -> None:
    assert _corrected("alloc chomage") == "allocation chomage"


def test_without_completion_the_nearest_edit_is_taken() -> None:
    assert _corrected("allouz", complete=None) == "alloue"


def test_a_word_one_letter_short_of_a_known_one_is_a_typo() -> None:
    # "allocatio" begins "allocation" (one letter more) and "allocations": edited, not completed
    assert _corrected("allocatio") == "allocation"


def test_a_typo_that_begins_no_word_is_edited() -> None:
    assert _corrected("licenciment") == "licenciement"


def test_known_and_french_words_are_never_touched() -> None:
    assert _corrected("indemnite") is None
    assert _corrected("combien") is None  # French, though the index lacks it


def test_words_the_index_has_never_ask_the_lexicon(monkeypatch) -> None:
    # Its first use reads the model's 148,000 words: a one-shot search of known words must not pay it.
    import search.spelling

    def lexicon(word: str) -> bool:
        raise AssertionError(f"lexicon asked for {word!r}")

    monkeypatch.setattr(search.spelling, "is_french", lexicon)
    assert _corrected("indemnite licenciement demission") is None
    with pytest.raises(AssertionError, match="combien"):
        _corrected("combien")  # a word the index lacks does


def test_an_elision_typed_without_its_apostrophe_gets_it_back() -> None:
    assert _corrected("droits de lemployeur") == "droits de l'employeur"
    assert _corrected("Lemployeur") == "L'employeur"  # the typed letters are kept as typed
    assert _corrected("periode-dessai") == "periode-d'essai"  # within a hyphenated word too
    assert _corrected("periode dessai") == "periode d'essai"  # not completed to a longer word


def test_an_apostrophe_is_only_restored_before_a_known_word_and_never_in_a_french_word() -> None:
    assert _corrected("lexpulsion") is None  # "expulsion" is unknown to this index
    assert _corrected("sage") is None  # French, though it could read "s'âge" and the index lacks it
    assert _corrected("le employeur") is None  # nothing glued


def test_a_lexicon_word_the_index_lacks_is_a_slip_of_a_much_used_doubled_consonant() -> None:
    # spaCy's vocabulary has the misspelling; the corpus has the word, often.
    assert _corrected("contrat professionalisation") == "contrat professionnalisation"
    assert _corrected("habilement") is None  # a word; "habillement" is rare in this corpus


def test_a_word_of_a_thesaurus_span_is_kept_within_it() -> None:
    # "tickets resto" is expanded to the code's "titres-restaurant"; "reste" would break the span.
    assert _corrected("tickets resto") is None
    assert _corrected("resto") == "reste"  # alone, nothing expands it: a typo like any other


def test_a_common_slip_beats_a_more_used_word_at_the_same_distance() -> None:
    # "decision" is one letter changed and eight times as used; "demission" a doubled letter typed once
    assert _corrected("demision") == "demission"


def test_common_slips_are_doubled_letters_and_swapped_neighbours() -> None:
    assert is_common_slip("demision", "demission")
    assert is_common_slip("licenciemment", "licenciement")
    assert is_common_slip("licneciement", "licenciement")
    assert not is_common_slip("sanstion", "sanction")
    assert not is_common_slip("demision", "decision")


def test_of_an_edit_and_a_completion_the_more_used_word_is_taken() -> None:
    assert _corrected("conv collective") == "convention collective"  # not the rare edit "cone"
    assert _corrected("teletravaille") == "teletravail"  # not the rarer completion "teletravailleur"


# -- clipped words (search.clipped) ---------------------------------------------------------------------

# Versions holding two surface forms together: "mat" begins "matiere" (the more used) and "maternite"
# (the one "grossesse" goes with). Queries the thesaurus expands whole ("congé mat", "licenciement éco")
# are not clipped words: their words belong to its span.
CLIPPED_FREQUENCY = {
    "conge": 900,
    "conges": 260,
    "maternite": 110,
    "matiere": 520,
    "grossesse": 140,
    "salarie": 4000,
    "droit": 3000,
    "temps": 2500,
}
TOGETHER = {
    frozenset({"conge", "maternite"}): 66,
    frozenset({"conge", "matiere"}): 11,
    frozenset({"conges", "maternite"}): 22,
    frozenset({"grossesse", "maternite"}): 40,
    frozenset({"grossesse", "matiere"}): 4,
    frozenset({"salarie", "matiere"}): 300,
    frozenset({"droit", "matiere"}): 200,
    frozenset({"temps", "matiere"}): 90,
}


def _clipped(text: str, *, lemma_frequency=lambda lemma: 0, together=None) -> str | None:
    def pair(one: str, other: str) -> int:
        return TOGETHER.get(frozenset({one, other}), 0)

    result = correct_words(
        parse_query(text),
        lambda form: CLIPPED_FREQUENCY.get(form, 0),
        lambda form, distance: [],
        complete=lambda form: [word for word in CLIPPED_FREQUENCY if word.startswith(form)],
        clipped=Clipping(lemma_frequency, together or pair),
    )
    return None if result is None else result[0]


def test_a_clipped_word_is_completed_to_the_word_its_query_supports_not_the_most_used() -> None:
    assert _clipped("grossesse mat") == "grossesse maternite"
    assert _clipped("congé mat") is None  # the thesaurus's own span


def test_two_clipped_words_support_each_other() -> None:
    assert _clipped("cong mat") == "conge maternite"


def test_a_clipped_word_alone_or_unsupported_is_kept() -> None:
    assert _clipped("mat") is None
    assert _clipped("grossesse mat", together=lambda one, other: 1) is None  # under MIN_SUPPORT


def test_a_word_found_through_its_lemma_is_not_clipped() -> None:
    assert _clipped("grossesse mat", lemma_frequency=lambda lemma: 5) is None


def test_a_sentence_is_not_read_as_clipped_words() -> None:
    # its many known words would support the most used completion ("salarié … droit … temps" -> matière)
    assert len(["salarie", "droit", "temps", "grossesse"]) > MAX_CONTEXT
    assert _clipped("salarié droit temps grossesse mat") is None
    assert _clipped("droit temps grossesse mat") == "droit temps grossesse maternite"


def test_ordinals_stop_words_and_thesaurus_words_are_not_clipped() -> None:
    assert _clipped("14 eme grossesse") is None
    assert _clipped("grossesse mon") is None  # a stop word
    assert _clipped("heures sup") is None  # the thesaurus's "heures sup"


def test_without_clipping_a_french_word_is_kept() -> None:
    result = correct_words(
        parse_query("grossesse mat"),
        lambda form: CLIPPED_FREQUENCY.get(form, 0),
        lambda form, distance: [],
        complete=lambda form: [word for word in CLIPPED_FREQUENCY if word.startswith(form)],
    )
    assert result is None
