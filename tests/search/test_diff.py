"""search.diff: word-level diff of two wordings, as frozen ops that give both texts back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from search.diff import OpKind, diff_words, side_by_side, tokens

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
        ("l'employeur,  2°", ("l'", "employeur", ",", " 2", "°")),
        ("l' article", ("l'", "article")),
        ("premier.\n\n  Second", ("premier", ".", "\n", "Second")),
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


def test_spacing_around_an_elision_is_not_a_change() -> None:
    assert not diff_words("prévu à l'article L. 1221-1", "prévu à l' article L. 1221-1").changed
    assert not diff_words("jusqu’à la fin", "jusqu'à  la fin").changed


def test_paragraph_breaks_are_kept_and_a_moved_break_alone_is_no_change() -> None:
    result = diff_words("Premier alinéa.\nSecond alinéa.", "Premier alinéa.\nSecond alinéa modifié.")
    assert "".join(t for op in result.ops for t in op.new) == "Premier alinéa.\nSecond alinéa modifié."
    assert not diff_words("Un. Deux.", "Un.\nDeux.").changed


def test_side_by_side_aligns_shared_paragraphs_and_marks_the_changed_one() -> None:
    old = "Premier alinéa.\nSecond alinéa ancien.\nTroisième alinéa."
    new = "Premier alinéa.\nSecond alinéa nouveau.\nTroisième alinéa.\nQuatrième ajouté."
    rows = side_by_side(diff_words(old, new))
    assert [row.changed for row in rows] == [False, True, False, True]
    assert "".join(s.text for s in rows[1].old) == "Second alinéa ancien."
    assert "".join(s.text for s in rows[1].new) == "Second alinéa nouveau."
    assert rows[3].old == () and [s.changed for s in rows[3].new] == [True]


@given(st.text(), st.text())
def test_side_by_side_gives_both_texts_back(old: str, new: str) -> None:
    result = diff_words(old, new)
    rows = side_by_side(result)
    assert (
        "\n".join("".join(s.text for s in row.old) for row in rows).strip()
        == "".join(t for op in result.ops for t in op.old).strip()
        or not rows
    )
    assert (
        "\n".join("".join(s.text for s in row.new) for row in rows).strip()
        == "".join(t for op in result.ops for t in op.new).strip()
        or not rows
    )


def test_an_added_or_removed_paragraph_is_one_run_ending_at_its_break() -> None:
    added = diff_words("Un.\nTrois.", "Un.\nDeux ajouté.\nTrois.")
    [change] = [op for op in added.ops if op.kind is not OpKind.EQUAL]
    assert change.kind is OpKind.INSERT and "".join(change.new).strip() == "Deux ajouté.\n".strip()
    assert change.new[-1] == "\n"
    removed = diff_words("Un.\nDeux ôté.\nTrois.", "Un.\nTrois.")
    [change] = [op for op in removed.ops if op.kind is not OpKind.EQUAL]
    assert change.kind is OpKind.DELETE and change.old[-1] == "\n"
