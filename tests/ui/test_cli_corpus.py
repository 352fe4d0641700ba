"""`lexsearch corpus …` in-process: what it prints, its exit codes, and that errors change nothing."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from corpus.build_default import tarball_name
from corpus.store import Store
from ui.cli import main

CODE = "LEGITEXT000006072050"


@pytest.fixture(scope="module")
def snapshots(data_dir: Path) -> list[str]:
    root = data_dir / "legifrance"
    return [str(root / "2020-01-01" / f"{CODE}.json"), str(root / "2026-03-27" / f"{CODE}.json")]


def test_add_then_info_prints_counts_dates_and_changesets(tmp_path, snapshots, capsys):
    store = str(tmp_path / "corpus.sqlite3")
    assert main(["corpus", "add", "--quiet", "--store", store, *snapshots]) == 0
    assert main(["corpus", "info", "--store", store]) == 0
    out = capsys.readouterr().out
    assert "Code du travail (LEGITEXT000006072050)" in out
    assert "articles            : 17" in out
    assert "versions            : 63 (dont 19 avec texte, 44 connues par leurs seules métadonnées)" in out
    assert "dates               : du 1973-11-23 au" in out
    assert "modifications       : " in out


def test_bad_source_exits_non_zero_with_one_line_and_leaves_the_store(tmp_path, snapshots, capsys):
    store = tmp_path / "corpus.sqlite3"
    assert main(["corpus", "add", "--quiet", "--store", str(store), *snapshots]) == 0
    with Store.open(store) as opened:
        before = opened.content_digest()
    broken = tmp_path / "broken.json"
    broken.write_text('{"data": {"id": ', encoding="utf-8")
    capsys.readouterr()
    assert main(["corpus", "add", "--quiet", "--store", str(store), snapshots[0], str(broken)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("lexsearch: erreur : ") and "broken.json:1:" in err and "\n" not in err
    with Store.open(store) as opened:
        assert opened.content_digest() == before


def test_build_default_writes_the_artifact_from_cached_releases(tmp_path, snapshots, capsys):
    cache = tmp_path / "cache"
    cache.mkdir()
    for release, snapshot in zip(("1.1.13", "2.513.0"), snapshots, strict=True):
        with tarfile.open(cache / tarball_name(release), "w:gz") as archive:
            archive.add(snapshot, arcname=f"package/data/{CODE}.json")
    output = tmp_path / "out.jsonl.gz"
    args = ["corpus", "build-default", "--quiet", "--cache", str(cache), "--output", str(output)]
    assert main([*args, "--release", "1.1.13", "--release", "2.513.0"]) == 0
    assert "17 articles, 63 versions (19 avec texte)" in capsys.readouterr().out
    store = str(tmp_path / "corpus.sqlite3")
    assert main(["corpus", "add", "--quiet", "--store", store, str(output)]) == 0


@pytest.mark.slow
def test_rebuild_and_info_use_the_committed_artifact(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LEXSEARCH_HOME", str(tmp_path))
    assert main(["corpus", "info"]) == 0  # builds the missing store first
    first = capsys.readouterr().out
    assert "articles            : 11964" in first and "14165 avec texte" in first
    assert main(["corpus", "rebuild", "--quiet"]) == 0
    assert "versions            : 22703" in capsys.readouterr().out
