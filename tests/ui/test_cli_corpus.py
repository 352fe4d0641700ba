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


def test_add_captured_tree_over_one_code_of_a_history(tmp_path, capsys):
    from captures import write_capture, write_history

    store = str(tmp_path / "corpus.sqlite3")
    history = str(write_history(tmp_path / "history"))
    tree = str(write_capture(tmp_path / "tree"))
    assert main(["corpus", "add", "--quiet", "--store", store, history, "--code", "Code de commerce"]) == 0
    assert main(["corpus", "add", "--quiet", "--store", store, tree, "--captured", "2023-03"]) == 0
    out = capsys.readouterr().out
    assert "Code de commerce (LEGITEXT000005634379)" in out and "Code civil" not in out
    assert "versions entre avril 2015 et mars 2023 non couvertes par nos sources" in out
    with Store.open(store) as opened:
        assert [code.title for code in opened.codes()] == ["Code de commerce"]


def test_undated_tree_or_bad_capture_date_is_refused_in_one_line(tmp_path, capsys):
    from captures import write_capture

    store = tmp_path / "corpus.sqlite3"
    tree = str(write_capture(tmp_path / "tree"))
    assert main(["corpus", "add", "--quiet", "--store", str(store), tree]) != 0
    assert "indiquez sa date avec --captured" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["corpus", "add", "--quiet", "--store", str(store), tree, "--captured", "mars 2023"])
    assert "attendu AAAA-MM ou AAAA-MM-JJ" in capsys.readouterr().err
