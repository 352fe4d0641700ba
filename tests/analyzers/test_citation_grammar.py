"""The code-name alternations of the citation grammar: compiled on first use, the same patterns."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from analyzers import citation_grammar as grammar

LAZY = ("CODE_MENTION", "DESIGNATION", "CODE_AFTER", "DESIGNATION_BEFORE")


def test_importing_the_grammar_compiles_none_of_the_code_name_alternations() -> None:
    """A fresh interpreter: the import leaves them uncompiled, a citation without a code's name too,
    and the first use of one compiles that one only."""
    script = (
        "import analyzers.citation_grammar as g\n"
        "from analyzers.citations import find_citations\n"
        "names = " + repr(LAZY) + "\n"
        "print(sorted(n for n in names if n in vars(g)))\n"
        "find_citations('selon l’article L. 1233-3, le licenciement…')\n"
        "print(sorted(n for n in names if n in vars(g)))\n"
        "g.CODE_AFTER\n"
        "print(sorted(n for n in names if n in vars(g)))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["[]", "[]", "['CODE_AFTER']"]


@pytest.mark.parametrize("name", LAZY)
def test_each_alternation_compiles_its_pattern_once(name: str) -> None:
    compiled = getattr(grammar, name)
    assert isinstance(compiled, re.Pattern)
    assert compiled.pattern == grammar._LAZY[name]
    assert getattr(grammar, name) is compiled  # kept: the second use reads the module's attribute


def test_the_code_names_still_match() -> None:
    assert grammar.CODE_MENTION.match("code du travail")
    assert grammar.DESIGNATION.match(" du code de la sécurité sociale").group("code")
    assert grammar.CODE_AFTER.match(" C. civ.")


def test_an_unknown_attribute_is_still_an_error() -> None:
    with pytest.raises(AttributeError, match="NO_SUCH_PATTERN"):
        grammar.NO_SUCH_PATTERN  # noqa: B018
