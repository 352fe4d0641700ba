"""The rules particular to a profession or a territory yield to the general rule unless the query names it."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from search.candidates import Candidate, Pool
from search.particular_rules import naming_words, rare_lemmas, with_particular_rules
from search.ranking import RankingConfig
from tests.search.written_corpus import CODE, scored_hits, served, single_version

PART = "Septième partie : Dispositions particulières à certaines professions et activités"
CONCIERGES = (
    "Partie législative",
    PART,
    "Livre II : Concierges et employés d'immeubles à usage d'habitation",
    "Titre Ier : Concierges et employés d'immeubles",
    "Chapitre III : Congés payés",
)
GENERAL = (
    "Partie législative",
    "Troisième partie : Durée du travail, salaire",
    "Chapitre Ier : Congés payés",
)


def test_naming_words_are_the_particular_heading_and_the_two_below_without_their_labels() -> None:
    words = naming_words(CONCIERGES)
    assert words is not None
    assert {"concierge", "immeuble"} <= words
    assert "livre" not in words and "titre" not in words  # the labels « Livre II : » are left out
    assert "paye" not in words and "payer" not in words  # the chapter below the title does not name it


def test_a_path_of_general_rules_has_no_naming_words() -> None:
    assert naming_words(GENERAL) is None
    assert naming_words(()) is None


def pool_of(*keys: str) -> Pool:
    return Pool(tuple(Candidate(key, docnum, text=1.0) for docnum, key in enumerate(keys)), np.ones(2, bool))


VIEW = SimpleNamespace(rows=[SimpleNamespace(section_path=GENERAL), SimpleNamespace(section_path=CONCIERGES)])


OVERSEAS = (
    "Partie législative",
    "Troisième partie : Durée du travail, salaire",
    "Livre V : Dispositions relatives à l'outre-mer",
    "Titre II : Guadeloupe, Guyane, Martinique, Mayotte, La Réunion",
    "Chapitre III : Congés payés",
)


def test_the_overseas_books_name_their_territories() -> None:
    words = naming_words(OVERSEAS)
    assert words is not None and {"mayotte", "guadeloupe", "mer"} <= words


def test_a_profession_the_query_does_not_name_is_marked_down() -> None:
    config = RankingConfig(particular_factor=0.5)
    scored = with_particular_rules(VIEW, frozenset({"conge"}), pool_of("general", "concierges"), config)
    assert [c.text for c in scored.candidates] == [1.0, 0.5]


def test_a_query_naming_the_profession_keeps_its_rules() -> None:
    config = RankingConfig(particular_factor=0.5)
    scored = with_particular_rules(VIEW, frozenset({"concierge"}), pool_of("general", "concierges"), config)
    assert [c.text for c in scored.candidates] == [1.0, 1.0]


def test_the_stage_off_changes_nothing() -> None:
    pool = pool_of("general", "concierges")
    for config in (RankingConfig(particular_rules=False), RankingConfig(particular_factor=1.0)):
        assert with_particular_rules(VIEW, frozenset(), pool, config) is pool


def test_only_rare_words_can_name_a_profession() -> None:
    """« travail » in the query and in « Travailleurs à domicile » does not name the homeworkers."""
    terms = SimpleNamespace(every_lemma=lambda: ("travail", "domicile"))
    frequency = {"travail": 900, "domicile": 12}.__getitem__
    config = RankingConfig(particular_word_share=0.02)
    assert rare_lemmas(terms, frequency, 1000, config) == frozenset({"domicile"})

    def never(lemma: str) -> int:
        raise AssertionError("looked up with the stage off")

    assert rare_lemmas(terms, never, 1000, RankingConfig(particular_rules=False)) == frozenset()


def test_the_general_rule_comes_before_a_professions_rule_in_a_search(tmp_path) -> None:
    """The concierges' article says the query's words more often, in fewer words: without the stage it
    ranks first; with it the general article does, unless the query names the concierges."""
    articles = [
        single_version(
            CODE,
            "ESSAIPROF01",
            "L31-1",
            "Tout salarié a droit chaque année à un congé payé à la charge de l'employeur, dans les "
            "conditions fixées par le présent chapitre et par les conventions applicables.",
            section_path=GENERAL,
        ),
        single_version(
            CODE,
            "ESSAIPROF02",
            "L72-1",
            "Le congé payé du concierge est pris en été ; le congé payé est dû.",
            section_path=CONCIERGES,
        ),
    ]
    with served(tmp_path, [(CODE, articles)]) as service:
        first = lambda query, **settings: scored_hits(service, query, **settings)[0][0]  # noqa: E731
        assert first("congé payé", particular_factor=1.0) == "ESSAIPROF02V0"
        assert first("congé payé") == "ESSAIPROF01V0"
        assert first("congé payé concierge") == "ESSAIPROF02V0"
