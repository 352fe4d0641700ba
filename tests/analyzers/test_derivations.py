"""A verb's nouns of action among the lemmas the index knows: its root and a suffix of action, nothing
that merely begins like it; adjectives, agents and participles stay out."""

from __future__ import annotations

from analyzers.derivations import is_noun_like, nouns_of_verb, roots
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
    "demission",
    "calcul",
    "remplacement",
    "remplissage",
    "reparation",
    "repartition",
    "utilisateur",
    "utilisation",
    "accomplissement",
    "version",
    "versement",
    "lettre",
    "essai",
    "octroi",
]


def setup_module() -> None:
    LEMMATIZER.learn({form: form for form in KNOWN})  # each of these folded forms is its own lemma
    LEMMATIZER.learn({"decide": "decide", "decidee": "decide"})  # a participle: its feminine is a form


def test_a_verb_finds_its_nouns_of_action() -> None:
    assert nouns_of_verb("contester") == ("contestation",)
    assert nouns_of_verb("essayer") == ("essai",)
    assert nouns_of_verb("octroyer") == ("octroi",)
    assert "homologation" in nouns_of_verb("homologuer")
    assert "modification" in nouns_of_verb("modifier")
    assert "licenciement" in nouns_of_verb("licencier")
    assert nouns_of_verb("demissionner") == ("demission",)
    assert nouns_of_verb("calculer") == ("calcul",)
    assert nouns_of_verb("accomplir") == ("accomplissement",)


def test_a_word_that_only_begins_like_the_root_is_not_its_noun() -> None:
    assert "licence" not in nouns_of_verb("licencier")
    assert nouns_of_verb("remplir") == ("remplissage",)  # not "remplacement"
    assert nouns_of_verb("repartir") == ("repartition",)  # not "réparation"


def test_an_agent_or_a_participle_is_not_the_action() -> None:
    assert nouns_of_verb("utiliser") == ("utilisation",)  # not "utilisateur"
    assert "decide" not in nouns_of_verb("decider")


def test_a_short_root_takes_only_a_long_suffix() -> None:
    assert nouns_of_verb("verser") == ("versement",)  # not "version"


def test_short_roots_and_non_verbs_have_no_nouns() -> None:
    assert nouns_of_verb("partir") == ()  # "part-ie": too many words begin so
    assert nouns_of_verb("contestation") == ()
    assert nouns_of_verb("lettre") == ()  # a "-re" word is read as no verb


def test_roots_follow_the_spelling_of_the_noun() -> None:
    assert roots("demissionner") == ("demissionn", "demission")
    assert roots("homologuer") == ("homologu", "homolog")
    assert roots("appliquer") == ("appliqu", "applic")
    assert roots("saisir") == ("saisi",)
    assert roots("obtenir") == ("obten",)
    assert roots("essayer") == ("essay", "essai")  # "période d'essaie" asks for the "essai"


def test_adjectives_and_participles_are_not_nouns() -> None:
    assert not is_noun_like("contestable")
    assert not is_noun_like("contester")
    assert is_noun_like("versement")
    assert not is_noun_like("formellement")
