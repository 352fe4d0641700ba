"""Which code is which: a code title, however spelled, gives the code's Légifrance id."""

from __future__ import annotations

import pytest

from corpus.code_names import CODE_IDENTITIES, code_id_for_title


@pytest.mark.parametrize(
    ("title", "code_id"),
    [
        ("Code de commerce", "LEGITEXT000005634379"),
        ("code de commerce", "LEGITEXT000005634379"),
        ("Code civil", "LEGITEXT000006070721"),
        ("CODE DE LA PROPRIÉTÉ INTELLECTUELLE", "LEGITEXT000006069414"),
        ("Code de la propriete intellectuelle", "LEGITEXT000006069414"),
        ("code-de-la-propriete-intellectuelle", "LEGITEXT000006069414"),
        ("Code de l’éducation", "LEGITEXT000006071191"),
        ("code-de-l-education", "LEGITEXT000006071191"),
        ("  Code du travail ", "LEGITEXT000006072050"),
        ("Code rural et de la pêche maritime", "LEGITEXT000022197698"),
    ],
)
def test_title_gives_the_legifrance_id_whatever_its_accents_case_or_punctuation(title, code_id):
    assert code_id_for_title(title) == code_id


@pytest.mark.parametrize(
    "title", ["Code des bonnes manières", "commerce", "Code de commerce annoté", "", "LEGITEXT000005634379"]
)
def test_unknown_title_has_no_id(title):
    assert code_id_for_title(title) is None


def test_titles_and_ids_name_one_code_each():
    titles = [code.title for code in CODE_IDENTITIES]
    ids = [code_id for code in CODE_IDENTITIES for code_id in (code.code_id, *code.alias_ids)]
    assert len(set(titles)) == len(titles) == 77
    assert len(set(ids)) == len(ids)
    assert all(code_id.startswith("LEGITEXT") and len(code_id) == 20 for code_id in ids)
    assert all(code_id_for_title(code.title) == code.code_id for code in CODE_IDENTITIES)
