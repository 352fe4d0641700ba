"""Question framing: how a question is asked is set aside, what it is about is kept."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search.query import parse_query
from search.question import framing_words, is_question, without_framing


@pytest.mark.parametrize(
    ("typed", "content"),
    [
        ("Mon patron peut-il modifier mon planning ?", "patron modifier planning"),
        ("puis-je poser un jour de repos", "poser jour de repos"),
        ("comment faire pour obtenir un avenant ?", "pour obtenir avenant"),
        ("Qu’advient-il des heures supplémentaires", "des heures supplémentaires"),
        ("Quelles sont les règles du télétravail ?", "sont les règles du télétravail"),
        ("c'est quoi une astreinte", "astreinte"),
        ("Que se passe-t-il si je refuse", "Que se si refuse"),
        ("combien j'ai de jours de repos", "de jours de repos"),
        ("ai-je droit à une prime ?", "à prime"),
        ("a-t-on le droit de fumer", "le de fumer"),
        ("Est-il possible de refuser une astreinte ?", "de refuser astreinte"),
        ("quand poser ses jours de repos", "poser ses jours de repos"),
        ("Quels sont les différents types d'astreinte ?", "sont les d'astreinte"),
        ("Quel est le rôle du référent ?", "est le du référent"),
        ("comment se passe une astreinte", "se astreinte"),
        ("Comment ça marche le télétravail ?", "ça le télétravail"),
        ("À partir de quel effectif élit-on un comité ?", "À de effectif comité"),
        ("congés à partir d'un an de présence", "congés à an de présence"),
        ("je suis en CDD", "en CDD"),  # être as the asker's own verb: its lemma is in every "serait"
        ("Vous êtes cadre au forfait", "Vous cadre au forfait"),
    ],
)
def test_question_frame_is_set_aside(typed: str, content: str) -> None:
    parsed = without_framing(parse_query(typed))
    assert parsed.text == content
    assert parsed.framing


@pytest.mark.parametrize(
    "typed",
    [
        "astreinte de nuit",
        "rendez-vous médical",
        "vis-à-vis des tiers",
        "peut-être",
        "comment",
        "droit à la formation",
        "dans la mesure du possible",
        "rôle du référent",  # an aspect word only frames a question
        "types de contrats",
        "partir à la retraite",  # "partir" is a departure, outside "à partir de"
        "sommes dues au salarié",  # the code's sums of money, not "nous sommes"
    ],
)
def test_queries_without_a_frame_are_unchanged(typed: str) -> None:
    parsed = parse_query(typed)
    assert without_framing(parsed) == parsed


def test_a_query_made_only_of_frame_words_is_kept_whole() -> None:
    parsed = parse_query("comment puis-je")
    assert framing_words(parsed.text) == ("comment", "puis-je")
    assert without_framing(parsed).text == "comment puis-je"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_framing_never_fails_and_never_adds_words(raw: str) -> None:
    parsed = parse_query(raw)
    kept = without_framing(parsed).text.split()
    assert len(kept) <= len(parsed.text.split())
    assert set(kept) <= set(parsed.text.split())


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        ("Quelles sont les règles du télétravail", True),
        ("mon patron peut-il refuser", True),
        ("astreinte de nuit ?", True),
        ("un salarié ne peut être sanctionné", False),
        ("délai pour contester un licenciement", False),
        # typed without hyphens: an auxiliary or modal verb, then its subject
        ("mon patron peut il refuser", True),
        ("a t il le droit de me muter", True),
        ("dois je prévenir mon employeur", True),
        ("l'employeur peut refuser la demande", False),  # no inversion: a statement
        ("il a droit à un congé", False),  # subject before its verb
        # "qui" or "quand" opening the query asks; inside it, "qui" is mostly a relative pronoun
        ("qui fixe la date des congés", True),
        ("quand commence le préavis", True),
        ("entreprise qui accepte le télétravail", False),
    ],
)
def test_a_question_is_told_from_a_statement(typed: str, asked: bool) -> None:
    assert is_question(typed) is asked


@pytest.mark.parametrize(
    ("typed", "framing"),
    [
        ("l'employeur a t il le droit de refuser", ("a", "t", "il", "droit")),
        ("mon patron peut il refuser", ("mon", "peut", "il")),
        ("ai je droit au chômage", ("ai", "je", "droit")),
    ],
)
def test_an_inversion_typed_without_hyphens_frames_as_with_them(typed: str, framing: tuple[str, ...]) -> None:
    assert framing_words(parse_query(typed).text) == framing


@pytest.mark.slow
@pytest.mark.parametrize(
    ("hyphens", "none"),
    [
        (
            "l'employeur a-t-il le droit de refuser mes congés",
            "l'employeur a t il le droit de refuser mes congés",
        ),
        ("mon employeur peut-il réduire ma pause", "mon employeur peut il réduire ma pause"),
    ],
)
def test_a_question_ranks_the_same_with_or_without_its_hyphens(
    search_service, hyphens: str, none: str
) -> None:
    from search.results import SearchRequest

    with_them, without = (search_service.search(SearchRequest(q, highlight=False)) for q in (hyphens, none))
    assert [hit.article for hit in without.hits] == [hit.article for hit in with_them.hits]
