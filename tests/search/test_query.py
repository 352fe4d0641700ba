"""Query understanding: a table of what people type → what is understood; never an exception."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search.query import MAX_QUERY_CHARS, NumberRange, Reference, parse_query


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("L1233-3", "L1233-3"),
        ("L. 1233-3", "L1233-3"),
        ("l 1233 3", "L1233-3"),
        ("art L123-4", "L123-4"),
        ("article R. 4624-10", "R4624-10"),
        ("num:L1233-3", "L1233-3"),
    ],
)
def test_reference_shapes_give_the_canonical_number(typed: str, number: str) -> None:
    parsed = parse_query(typed)
    assert [reference.number for reference in parsed.references] == [number]
    assert parsed.text == ""


def test_several_references_keep_their_order() -> None:
    parsed = parse_query("L. 1233-3 et R. 1234-5")
    assert [r.number for r in parsed.references] == ["L1233-3", "R1234-5"]


def test_range_and_prefix_are_understood() -> None:
    assert parse_query("L. 3253-8 à L. 3253-12").ranges == (NumberRange("L3253-8", "L3253-12"),)
    assert parse_query("L. 1233-*").prefixes == ("L1233-",)


def test_words_phrases_exclusions_and_code_filter() -> None:
    parsed = parse_query('"congé de maternité" durée -paternité code:"code du travail"')
    assert parsed.phrases == ("congé de maternité",)
    assert parsed.excluded == ("paternité",)
    assert parsed.text == "durée"
    assert parsed.code == "code du travail"


def test_reference_inside_free_text_is_taken_out_of_the_words() -> None:
    parsed = parse_query("licenciement art. L1233-3 économique")
    assert parsed.references == (Reference("L1233-3"),)
    assert parsed.text == "licenciement économique"


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("C. trav., art. L. 1221-19", ""),
        ("CSS art. L. 242-1", ""),
        ("licenciement C. trav. art. L1233-3 motif", "licenciement motif"),
    ],
)
def test_a_code_named_before_its_article_is_not_a_free_word(typed: str, words: str) -> None:
    parsed = parse_query(typed)
    assert parsed.references and parsed.references[0].code_id
    assert parsed.text == words


@pytest.mark.parametrize("typed", ['AND OR ((( "', "a:b:c", "***", "[1 TO 5]", "x^2 ~ y?"])
def test_malformed_syntax_degrades_to_plain_words_with_a_notice(typed: str) -> None:
    parsed = parse_query(typed)
    assert parsed.notices
    assert not set(parsed.text) & set('()[]{}^~?:*"')


def test_overlong_query_is_truncated_with_a_notice() -> None:
    parsed = parse_query("licenciement " * 1000)
    assert len(parsed.text) <= MAX_QUERY_CHARS
    assert any("trop longue" in notice for notice in parsed.notices)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=600))
def test_any_text_parses(typed: str) -> None:
    parsed = parse_query(typed)
    assert len(parsed.text) <= MAX_QUERY_CHARS


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            list(
                [
                    "AND",
                    "OR",
                    "NOT",
                    "(",
                    ")",
                    '"',
                    "*",
                    "?",
                    "~",
                    "^",
                    "[",
                    "]",
                    "{",
                    "}",
                    ":",
                    "-",
                    "L.",
                    "1233-3",
                    "à",
                    "mot",
                ]
            )
        ),
        max_size=30,
    )
)
def test_syntax_fragments_parse(fragments: list[str]) -> None:
    parse_query(" ".join(fragments))


CODE_CIVIL = "LEGITEXT000006070721"


@pytest.mark.parametrize(
    ("typed", "number", "words"),
    [
        ("2224 code civil", "2224", ""),
        ("1240 du code civil responsabilité", "1240", "responsabilité"),
        ("prescription 1386-1 code civil", "1386-1", "prescription"),
    ],
)
def test_a_bare_number_before_a_code_name_is_that_codes_article(typed: str, number: str, words: str) -> None:
    parsed = parse_query(typed)
    assert parsed.references == (Reference(number, CODE_CIVIL),)
    assert parsed.text == words


def test_a_bare_number_before_no_code_name_stays_a_word() -> None:
    parsed = parse_query("durée 35 heures code du travail")
    assert parsed.references == ()
    assert parsed.text == "durée 35 heures code du travail"
    assert parse_query("42 code inconnu").text == "42 code inconnu"


def test_a_lettered_number_before_a_code_name_keeps_its_letter() -> None:
    parsed = parse_query("article L. 4624-10 du code du travail")
    assert parsed.references == (Reference("L4624-10", "LEGITEXT000006072050"),)


@pytest.mark.parametrize(
    "typed",
    [
        "Combien de jours de congé pour un mariage ?",
        "mon employeur peut-il changer mes horaires?",
        "démission : quel préavis ; quelle lettre !",
    ],
)
def test_a_sentence_s_punctuation_is_not_reported_as_syntax(typed: str) -> None:
    parsed = parse_query(typed)
    assert parsed.notices == ()
    assert not set(parsed.text) & set("?!;:")


@pytest.mark.parametrize("typed", ["cong?s payés", "préavis?démission", "travail (nuit)", "lic*"])
def test_a_syntax_character_inside_the_words_still_gets_its_notice(typed: str) -> None:
    assert any("syntaxe" in notice for notice in parse_query(typed).notices)
