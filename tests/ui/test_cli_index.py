"""`lexsearch index`: an incremental update when few versions changed, nothing when none did, a full
rebuild with `--full`; each time one French line says which and why."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from incremental_changes import change_store

from corpus.ingest import build_store
from ui.cli import main

SMALL = "indexer/small-code-du-travail.jsonl.gz"


@pytest.fixture
def home(tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    build_store(tmp_path / "corpus.sqlite3", [data_dir / SMALL], progress=False).close()
    monkeypatch.setenv("LEXSEARCH_HOME", str(tmp_path))
    monkeypatch.delenv("LEXSEARCH_ENGINE", raising=False)
    return tmp_path


def test_index_updates_only_what_changed_and_says_so(home, capsys) -> None:
    assert main(["index", "--engine", "tantivy", "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "Reconstruction complète de l'index (tantivy) : aucun index encore." in err
    assert main(["index", "--quiet"]) == 0  # the engine of the index there
    assert "Index à jour : aucune version changée" in capsys.readouterr().err
    change_store(home / "corpus.sqlite3")
    assert main(["index", "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "Mise à jour incrémentale de l'index : " in err and "index mis à jour : " in err
    assert main(["index", "--full", "--quiet"]) == 0
    assert "Reconstruction complète de l'index (tantivy) : reconstruction demandée (--full)." in (
        capsys.readouterr().err
    )


def test_a_whoosh_index_is_rebuilt_and_the_line_says_why(home, capsys) -> None:
    assert main(["index", "--quiet"]) == 0
    capsys.readouterr()
    shutil.copy(home / "corpus.sqlite3", home / "copy.sqlite3")
    change_store(home / "corpus.sqlite3")
    assert main(["index", "--quiet"]) == 0
    assert "la mise à jour incrémentale ne vaut que pour tantivy" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["index", "--quiet"], ["search", "licenciement"]])
def test_an_unknown_engine_setting_is_refused_before_anything_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, command: list[str]
) -> None:
    monkeypatch.setenv("LEXSEARCH_HOME", str(tmp_path))
    monkeypatch.setenv("LEXSEARCH_ENGINE", "foo")
    assert main(command) == 2
    assert (
        "LEXSEARCH_ENGINE='foo' : moteur inconnu (valeurs possibles : whoosh, tantivy)"
        in capsys.readouterr().err
    )
    assert list(tmp_path.iterdir()) == []
