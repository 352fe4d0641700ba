"""search.diff: word-level diff of two wordings, as frozen ops that give both texts back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from search.diff import OpKind, diff_words, tokens

# Real wording change from LOI n° 2023-1196 (Code du travail, art. L1243-11-1, 1er janvier 2024).
BEFORE = (
    "En cas de refus du salarié, l'employeur en informe Pôle emploi en justifiant du caractère similaire."
)
AFTER = (
    "En cas de refus du salarié, l'employeur en informe l'opérateur France Travail en justifiant du "
    "caractère similaire."
)


def test_replaced_words_are_one_replace_op_between_equal_runs() -> None:
    result = diff_words(BEFORE, AFTER)
    kinds = [op.kind for op in result.ops]
    assert kinds == [OpKind.EQUAL, OpKind.REPLACE, OpKind.EQUAL]
    change = result.ops[1]
    assert "".join(change.old).split() == ["Pôle", "emploi"]
    assert "".join(change.new).split() == ["l'opérateur", "France", "Travail"]
    assert (result.inserted_words, result.deleted_words) == (3, 2)


def test_respacing_punctuation_is_not_a_change() -> None:
    result = diff_words("aux articles L. 1134-4 , L. 1144-3, et", "aux articles L. 1134-4, L. 1144-3 , et")
    assert not result.changed


def test_creation_is_one_insert_and_repeal_one_delete() -> None:
    created = diff_words(None, "Le salarié est informé.")
    assert [op.kind for op in created.ops] == [OpKind.INSERT]
    repealed = diff_words("Le salarié est informé.", "")
    assert [op.kind for op in repealed.ops] == [OpKind.DELETE]


def test_identical_texts_have_no_change() -> None:
    assert not diff_words(BEFORE, BEFORE).changed
    assert diff_words(None, None).ops == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L. 1233-3", ("L", ".", " 1233-3")),
        ("l'employeur,  2°", ("l'employeur", ",", " 2", "°")),
        ("", ()),
        (None, ()),
    ],
)
def test_tokens_keep_one_leading_space(text: str | None, expected: tuple[str, ...]) -> None:
    assert tokens(text) == expected


@given(st.text(), st.text())
def test_ops_give_both_texts_back_whitespace_normalised(old: str, new: str) -> None:
    result = diff_words(old, new)
    assert "".join(t for op in result.ops for t in op.old).strip() == "".join(tokens(old)).strip()
    assert "".join(t for op in result.ops for t in op.new).strip() == "".join(tokens(new)).strip()
    for op in result.ops:
        if op.kind is OpKind.EQUAL:
            assert [t.strip() for t in op.old] == [t.strip() for t in op.new]


@given(st.text())
def test_tokens_lose_nothing_but_whitespace(text: str) -> None:
    assert "".join("".join(tokens(text)).split()) == "".join(text.split())
