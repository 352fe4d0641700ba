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
    ],
)
def test_a_question_is_told_from_a_statement(typed: str, asked: bool) -> None:
    assert is_question(typed) is asked
