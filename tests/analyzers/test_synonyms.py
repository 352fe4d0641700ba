"""The abbreviations and synonyms table, and the query-time expansion built from it."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzers.expansion import QueryExpansion
from analyzers.french import analyze_surface, expand_query_terms
from analyzers.lay_wordings import TOPICS, assembled
from analyzers.synonyms import ABBREVIATIONS, CAPITALS_ONLY, LAY_WORDINGS, SYNONYMS


def _offered() -> list[str]:
    wordings = [phrase for phrases in ABBREVIATIONS.values() for phrase in phrases]
    wordings += [member for group in SYNONYMS for member in group if not member.startswith("~")]
    wordings += [wording for wordings_ in LAY_WORDINGS.values() for wording in wordings_]
    return list(dict.fromkeys(wordings))


@pytest.fixture(scope="module")
def sources(data_dir) -> dict[str, dict]:
    lines = (data_dir / "analyzers" / "synonym_sources.jsonl").read_text(encoding="utf-8").splitlines()
    return {record["wording"]: record for record in map(json.loads, lines)}


@pytest.mark.parametrize("wording", _offered())
def test_every_expansion_is_the_codes_own_wording(wording: str, sources: dict[str, dict]) -> None:
    """Each offered wording occurs in a real excerpt of the Code du travail (cut by check_synonyms)."""
    record = sources[wording]
    needle = " ".join(analyze_surface(wording))
    assert f" {needle} " in " " + " ".join(analyze_surface(record["excerpt"])) + " "
    assert record["version_id"].startswith("LEGIARTI")


@pytest.mark.parametrize(
    ("query", "span", "expected"),
    [
        ("rupture d'un CDD", "CDD", "contrat de travail à durée déterminée"),
        ("cdd", "cdd", "contrat à durée déterminée"),
        ("période d'essai CDI", "CDI", "contrat de travail à durée indéterminée"),
        ("consultation du CSE", "CSE", "comité social et économique"),
        ("montant du SMIC", "SMIC", "salaire minimum interprofessionnel de croissance"),
        ("jours de RTT", "RTT", "réduction du temps de travail"),
        (
            "contrôle de l'Urssaf",
            "Urssaf",
            "unions de recouvrement des cotisations de sécurité sociale et d'allocations familiales",
        ),
        ("PSE", "PSE", "plan de sauvegarde de l'emploi"),
        ("déclaration AT/MP", "AT/MP", "maladie professionnelle"),
        ("saisir les prud'hommes", "prud'hommes", "conseil de prud'hommes"),
        ("saisir les prud’hommes", "prud’hommes", "conseil de prud'hommes"),
        ("PRUDHOMMES", "PRUDHOMMES", "conseil de prud'hommes"),
        ("inscription à pole emploi", "pole emploi", "france travail"),
        ("chômage partiel", "chômage partiel", "activité partielle"),
        ("élection du CHSCT", "CHSCT", "comité d'hygiène, de sécurité et des conditions de travail"),
        ("envoyer la DPAE", "DPAE", "déclaration préalable à l'embauche"),
        ("STC non reçu", "STC", "solde de tout compte"),
        ("calcul des IJSS", "IJSS", "indemnités journalières"),
        ("stage PMSMP", "PMSMP", "période de mise en situation en milieu professionnel"),
        ("on m'a viré hier", "viré", "licenciement"),
        ("toilettes propres", "toilettes", "cabinets d'aisance"),
        ("chômage technique", "chômage technique", "activité partielle"),
        ("rcc", "rcc", "rupture conventionnelle collective"),  # "rcc" is no French word
        ("travail le dimanche en ZT", "ZT", "zone touristique"),
        # clipped names, everyday verbs and words, hyponyms of the code's word
        ("signer un contrat pro", "contrat pro", "contrat de professionnalisation"),
        ("durée du congé mat", "congé mat", "congé de maternité"),
        ("tickets resto", "tickets resto", "titres-restaurant"),
        ("chèques déjeuner", "chèques déjeuner", "titres-restaurant"),
        ("quitter son emploi", "quitter", "démission"),
        ("rompre le contrat", "rompre", "rupture"),
        ("mon patron refuse", "patron", "employeur"),
        ("salarié ou freelance", "freelance", "travailleur indépendant"),
        ("travail par temps de neige", "neige", "intempéries"),
        ("remboursement du pass navigo", "pass navigo", "titres d'abonnement"),
        ("date de versement du salaire", "versement du salaire", "paiement du salaire"),
        # everyday names of rules all over the code (analyzers.lay_wordings)
        (
            "convoqué après une mise à pied conservatoire",
            "mise à pied conservatoire",
            "mesure conservatoire de mise à pied",
        ),
        ("date de la visite de reprise", "visite de reprise", "examen de reprise"),
        ("durée de la pause déjeuner", "pause déjeuner", "temps nécessaire à la restauration"),
        ("passer à temps plein", "à temps plein", "temps complet"),
        ("payé au noir", "au noir", "travail dissimulé"),
        ("EPI fournis", "EPI", "équipements de protection individuelle"),
        ("CDD d'usage", "CDD d'usage", "contrat de travail à durée déterminée"),
        ("jours de carence", "jours de carence", "délai d'indemnisation"),
        ("un collègue me harcèle", "harcèle", "harcèlement"),
        ("repos entre deux journées", "entre deux journées", "repos quotidien"),
        ("chauffeur VTC", "chauffeur VTC", "plateformes de mise en relation par voie électronique"),
        ("on m'a mis à pied", "mis à pied", "mise à pied"),
        ("peut-il interdire la barbe", "barbe", "apparence physique"),
        ("blessé en allant au travail", "en allant au travail", "accident de trajet"),
        (
            "entreprise rachetée",
            "entreprise rachetée",
            "modification dans la situation juridique de l'employeur",
        ),
    ],
)
def test_abbreviations_and_synonyms_expand(query: str, span: str, expected: str) -> None:
    found = expand_query_terms(query)
    assert [item.text for item in found] == [span]
    assert expected in found[0].expansions
    assert query[found[0].start : found[0].end] == span


def test_expansion_keeps_the_typed_term_at_full_weight() -> None:
    (found,) = expand_query_terms("CSE")
    assert found.lemmas == ("cse",)
    (alternative,) = found.alternatives
    assert alternative.surface == ("comite", "social", "et", "economique")
    assert alternative.lemmas == ("comite", "social", "economique")


def test_longest_wording_wins() -> None:
    (found,) = expand_query_terms("le conseil de prud'hommes")
    assert found.text == "conseil de prud'hommes"
    assert "conseil de prud'hommes" not in found.expansions


@pytest.mark.parametrize(
    "query", ["ce que prévoit le contrat", "at the office", "ds le délai", "dp", "un épi de blé"]
)
def test_lower_case_words_are_not_read_as_abbreviations(query: str) -> None:
    assert expand_query_terms(query) == ()


def test_capitals_only_abbreviations_expand_in_capitals() -> None:
    assert all(abbreviation in ABBREVIATIONS for abbreviation in CAPITALS_ONLY)
    (found,) = expand_query_terms("budget du CE")
    assert found.expansions == ("comité d'entreprise",)


def test_no_expansion_without_a_known_term() -> None:
    assert expand_query_terms("licenciement pour inaptitude") == ()
    assert expand_query_terms("") == ()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_expansion_never_raises_and_spans_are_in_the_query(query: str) -> None:
    for found in expand_query_terms(query):
        assert isinstance(found, QueryExpansion)
        assert 0 <= found.start < found.end <= len(query)
        assert query[found.start : found.end] == found.text


def test_lay_wordings_expand_one_way() -> None:
    """Everyday words lead to the code's wording, never the reverse: "licenciement" is not "viré"."""
    assert [found.text for found in expand_query_terms("viré sans raison")] == ["viré"]
    assert not expand_query_terms("licenciement")
    (found,) = expand_query_terms("port du voile")
    assert all(alternative.lay for alternative in found.alternatives)


def test_lowercase_cp_is_not_an_abbreviation() -> None:
    assert not expand_query_terms("cp")
    assert expand_query_terms("CP")[0].expansions == ("congés payés",)


def test_full_time_equivalent_is_not_full_time() -> None:
    """ "Équivalent temps plein" counts staff (its own abbreviation), it is no full-time contract."""
    assert not expand_query_terms("équivalent temps plein")
    assert not expand_query_terms("temps plein")  # only "à temps plein", the contract's wording


def test_words_the_code_says_of_something_else_are_no_keys() -> None:
    """The code's "rachat" is the buy-back of savings plans' units; only a company "rachetée" is sold."""
    assert not expand_query_terms("rachat des parts")
    assert not expand_query_terms("fouille archéologique")  # the code's "fouilles" are excavations
    assert expand_query_terms("fouiller le sac d'un salarié")[0].expansions == ("libertés individuelles",)


def test_intermittent_work_is_not_the_performing_arts() -> None:
    """The code's "travail intermittent" is a contract; only "intermittent du spectacle" is an artist."""
    assert not expand_query_terms("contrat de travail intermittent")
    (found,) = expand_query_terms("intermittent du spectacle")
    assert found.expansions == ("artistes du spectacle",)


def test_lay_wordings_are_keyed_once() -> None:
    with pytest.raises(ValueError, match="keyed twice"):
        assembled(({"vélo": ("a",)}, {"vélo": ("b",)}))
    assert assembled(TOPICS) == LAY_WORDINGS
    assert sum(map(len, TOPICS)) == len(LAY_WORDINGS)


def test_old_name_of_short_time_work_counts_as_the_typed_words() -> None:
    """ "Chômage partiel" is the everyday name of the code's "activité partielle" (the code says it once):
    a lay wording, counted wherever "activité partielle" is."""
    (found,) = expand_query_terms("mis au chômage partiel")
    assert found.expansions == ("activité partielle",)
    assert all(alternative.lay for alternative in found.alternatives)


def test_every_name_of_a_sick_leave_expands_alike() -> None:
    for query in ("arrêt maladie", "arrêts maladie", "congé maladie"):
        (found,) = expand_query_terms(query)
        assert found.expansions == ("arrêt de travail",)
        assert not any(alternative.lay for alternative in found.alternatives)


def test_no_lay_wording_is_shadowed() -> None:
    """An abbreviation's or a synonym's key is looked up first: a lay wording with the same key is dead."""
    taken = {tuple(analyze_surface(abbreviation)) for abbreviation in ABBREVIATIONS}
    taken |= {tuple(analyze_surface(member.removeprefix("~"))) for group in SYNONYMS for member in group}
    assert not [key for key in LAY_WORDINGS if tuple(analyze_surface(key)) in taken]


@pytest.mark.parametrize(
    ("query", "span", "expected"),
    [
        ("ma fiches paie est fausse", "fiches paie", "bulletin de paie"),  # key "fiche de paie"
        ("combien de jour carence", "jour carence", "délai d'indemnisation"),  # key "jours de carence"
    ],
)
def test_a_key_also_matches_inflected_or_without_its_prepositions(
    query: str, span: str, expected: str
) -> None:
    """Keys are matched on the lemmas too, so the table need not list every plural and every way of
    dropping "de"."""
    (found,) = expand_query_terms(query)
    assert found.text == span
    assert expected in found.expansions


def test_a_key_ending_with_a_stop_word_is_matched_as_typed_only() -> None:
    """ "congés d'été" lemmatizes to "congé" ("été" is also a form of être, a stop word): the lone word
    "congés" must not be read as the summer holidays."""
    assert [found.text for found in expand_query_terms("congés d'été")] == ["congés d'été"]
    assert expand_query_terms("congés") == ()
    assert expand_query_terms("mes congés payés") == ()


def test_lemma_matching_leaves_what_the_surface_table_matched() -> None:
    """A span matched as typed is not matched again on its lemmas (one expansion per span)."""
    found = expand_query_terms("Abandon de poste en CDD")
    assert [item.text for item in found] == ["Abandon de poste", "CDD"]


def test_a_longer_key_on_the_lemmas_wins_over_a_shorter_one_as_typed() -> None:
    """ "quitter" is a key as typed and "quitter pendant la période d'essai" one that "ma" matches only on
    the lemmas: the longer key names the rule (the employee ending the trial period), so it wins, as
    the longest key does within one table."""
    (found,) = expand_query_terms("Puis-je quitter pendant ma période d'essai ?")
    assert found.text == "quitter pendant ma période d'essai"
    assert "mis fin à la période d'essai par le salarié" in found.expansions
    assert [item.text for item in expand_query_terms("quitter mon emploi")] == ["quitter"]


@pytest.mark.parametrize(
    ("query", "span", "words"),
    [
        ("repos de 11 heures", "11", "onze"),
        ("mineur de 16 ans", "16", "seize"),
        ("CDD de 18 mois", "18", "dix-huit"),
        ("durée légale 35h", "35h", "trente-cinq heures"),
        ("pause de 1H", "1H", "une heure"),
    ],
)
def test_a_whole_number_typed_in_digits_is_also_searched_in_words(query: str, span: str, words: str) -> None:
    """The laws write their numbers in words ("onze salariés", "trente-cinq heures"), people type digits
    ("35h")."""
    (found,) = [item for item in expand_query_terms(query) if item.text == span]
    assert found.expansions == (words,)


@pytest.mark.parametrize("query", ["2,5 jours par mois", "congés 2019", "délai de 1000 jours"])
def test_decimals_and_large_numbers_stay_as_typed(query: str) -> None:
    """A decimal, a year or an amount is written in digits by the code too."""
    assert not [item for item in expand_query_terms(query) if item.text[0].isdigit()]


@pytest.mark.parametrize(
    ("query", "span"), [("partiel chômage", "partiel chômage"), ("alternance contrat", "alternance contrat")]
)
def test_a_short_key_matches_its_words_in_any_order(query: str, span: str) -> None:
    (reordered,) = expand_query_terms(query)
    (ordered,) = expand_query_terms(" ".join(reversed(query.split())))
    assert reordered.text == span
    assert reordered.alternatives == ordered.alternatives


def test_an_order_free_match_does_not_span_a_conjunction() -> None:
    # "contrat en alternance" is a key; "alternance ou contrat" names two things.
    assert expand_query_terms("alternance ou contrat aidé") == ()
    assert expand_query_terms("alternance contrat aidé") != ()  # without it, the key


@pytest.mark.parametrize(
    ("query", "typed"), [("CP imposés", "imposés"), ("CP forcés par mon patron", "forcés")]
)
def test_a_key_typed_with_an_abbreviation_offers_its_wordings_beside_it(query: str, typed: str) -> None:
    # « congés payés imposés » is a key; typed « CP imposés », the abbreviation keeps its own expansion
    # and the other words get the key's wordings.
    (spelled_out,) = expand_query_terms("congés payés imposés")
    found = {match.text: match for match in expand_query_terms(query)}
    assert found["CP"].expansions == ABBREVIATIONS["CP"]
    assert found[typed].alternatives == spelled_out.alternatives
    assert query[found[typed].start : found[typed].end] == typed


def test_a_key_may_hold_part_of_an_abbreviations_wording() -> None:
    # « poser mes congés » is a key; « poser mes CP » reads « poser mes congés payés ».
    (key,) = expand_query_terms("poser mes congés")
    found = {match.text: match for match in expand_query_terms("poser mes CP")}
    assert set(found) == {"poser mes", "CP"}
    assert found["poser mes"].alternatives == key.alternatives


def test_an_abbreviation_beside_no_key_expands_alone() -> None:
    assert [match.text for match in expand_query_terms("RTT imposés")] == ["RTT"]
    assert [match.text for match in expand_query_terms("CP")] == ["CP"]
