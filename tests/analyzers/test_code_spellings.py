"""Code spellings are analysis data built on the corpus's table of codes: one source for ids."""

from __future__ import annotations

import re
from pathlib import Path

from analyzers.citations import resolve_code
from analyzers.code_names import CODES, SPELLINGS
from corpus.code_names import CODE_IDENTITIES

ANALYZERS = Path(__file__).parent.parent.parent / "analyzers"


def test_every_code_of_the_corpus_table_has_spellings_and_no_other():
    assert set(SPELLINGS) == {code.title for code in CODE_IDENTITIES}
    assert all(names for names, _abbreviations in SPELLINGS.values())


def test_codes_carry_the_corpus_ids_in_the_corpus_order():
    assert [(title, code_id, aliases) for title, code_id, _n, _a, aliases in CODES] == [
        (code.title, code.code_id, code.alias_ids) for code in CODE_IDENTITIES
    ]


def test_no_analyzer_module_writes_a_code_id_itself():
    written = {
        path.name for path in ANALYZERS.glob("*.py") if re.search(r"LEGITEXT\d{12}", path.read_text("utf-8"))
    }
    assert written == set()


def test_titles_abbreviations_and_alias_ids_resolve_to_the_corpus_id():
    assert resolve_code("C. com.") == ("Code de commerce", "LEGITEXT000005634379")
    assert resolve_code("code de la propriété intellectuelle") == (
        "Code de la propriété intellectuelle",
        "LEGITEXT000006069414",
    )
    assert resolve_code("LEGITEXT000006071367") == (
        "Code rural et de la pêche maritime",
        "LEGITEXT000022197698",
    )
    for code in CODE_IDENTITIES:
        assert resolve_code(code.title) == (code.title, code.code_id)
