"""What the command says before doing anything (help, usage errors, bad options) is French, argparse's own
words included; no home, store or index is needed."""

from __future__ import annotations

import re

import pytest

from ui.cli import main

COMMANDS = [
    [],
    ["corpus"],
    ["corpus", "add"],
    ["corpus", "info"],
    ["corpus", "build-default"],
    ["corpus", "rebuild"],
    ["app"],
    ["cite"],
    ["index"],
    ["search"],
    ["serve"],
]
# Words that only an English help text would hold (the French ones never use them).
ENGLISH = re.compile(
    r"\b(the|no|and|of|to|with|for|show|this|default|print|every|only|when|file|directory|store|progress|bar|"
    r"positional)\b"
)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: " ".join(command) or "lexsearch")
def test_every_help_is_french(command: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage : lexsearch") and "affiche ce message" in out
    # Option names, metavars and $VARIABLES are identifiers, not prose: only the rest is checked.
    prose = re.sub(r"--?[\w-]+|\$\w+|\b[A-ZÉÊ_-]{2,}\b", " ", out)
    assert not ENGLISH.findall(prose), out


def test_a_missing_argument_is_reported_in_french(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["corpus", "add"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "lexsearch corpus add : erreur : les arguments suivants sont exigés : SOURCE" in err


def test_a_bad_option_value_is_reported_in_french(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["index", "--engine", "lucene"])
    err = capsys.readouterr().err
    assert "argument --engine : choix invalide : 'lucene'" in err


def test_serve_refuses_an_impossible_port_in_french(capsys) -> None:
    assert main(["serve", "--port", "70000"]) == 2
    assert capsys.readouterr().err == "lexsearch: erreur : serve : --port 70000 : ce n'est pas un port TCP\n"
