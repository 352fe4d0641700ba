"""Ingest: source detection, one transaction per call, same input → same store, bad input → no change."""

from __future__ import annotations

import gzip
import json
import subprocess
import tarfile
from datetime import date
from pathlib import Path

import pytest

from corpus.artifact import write_articles
from corpus.build_default import build_default, tarball_name
from corpus.errors import SourceError
from corpus.ingest import detect, ensure_default_store, ingest
from corpus.legifrance import read_many
from corpus.store import Store

CODE = "LEGITEXT000006072050"


@pytest.fixture(scope="module")
def snapshots(data_dir: Path) -> list[Path]:
    root = data_dir / "legifrance"
    return [root / "2020-01-01" / f"{CODE}.json", root / "2026-03-27" / f"{CODE}.json"]


@pytest.fixture
def store(tmp_path: Path, snapshots: list[Path]) -> Store:
    with Store.open(tmp_path / "corpus.sqlite3") as opened:
        ingest(opened, snapshots, progress=False)
        yield opened


def test_snapshots_ingest_into_one_code_history(store):
    [summary] = store.summary()
    assert summary.code.title == "Code du travail"
    assert (summary.articles, summary.versions, summary.versions_with_text) == (17, 63, 19)
    article = store.article_by_number(CODE, "L6241-1")
    assert store.version_in_force(article.article_id, date(2020, 6, 1)).version_id == "LEGIARTI000037992096"


def test_ingesting_the_same_input_twice_gives_the_same_content(store, snapshots, tmp_path):
    before = store.content_digest()
    ingest(store, snapshots, progress=False)
    assert store.content_digest() == before
    with Store.open(tmp_path / "other.sqlite3") as other:
        ingest(other, list(reversed(snapshots)), progress=False)
        assert other.content_digest() == before


def test_artifact_and_snapshots_give_the_same_store(store, snapshots, tmp_path):
    [(_, articles)] = list(read_many(snapshots))
    artifact = tmp_path / "corpus.jsonl.gz"
    write_articles(artifact, articles)
    with Store.open(tmp_path / "from-artifact.sqlite3") as other:
        ingest(other, [artifact], progress=False)
        assert rows(other) == rows(store)  # everything but `codes.source`, which names the input


def rows(store: Store) -> dict[str, list[tuple]]:
    tables = {
        "articles": "article_id",
        "versions": "version_id",
        "amending_texts": "text_id",
        "amendments": "version_id, text_id, role",
    }
    return {
        t: [tuple(r) for r in store.connection.execute(f"SELECT * FROM {t} ORDER BY {o}")]
        for t, o in tables.items()
    }


def test_kinds_are_detected(snapshots, tmp_path):
    assert detect(snapshots[0]) == "legifrance"
    assert detect(snapshots[0].parent) == "legifrance"
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(SourceError, match=r"notes\.txt: type de source inconnu"):
        detect(tmp_path / "notes.txt")
    with pytest.raises(SourceError, match=r"missing\.json: fichier ou répertoire introuvable"):
        detect(tmp_path / "missing.json")


def bad_sources(tmp_path: Path, snapshots: list[Path]) -> dict[str, Path]:
    [(_, articles)] = list(read_many(snapshots))
    good = tmp_path / "good.jsonl.gz"
    write_articles(good, articles)
    files = {}
    files["malformed JSON"] = tmp_path / "broken.json"
    files["malformed JSON"].write_text('{"data": ', encoding="utf-8")
    files["non-UTF-8"] = tmp_path / "latin1.json"
    files["non-UTF-8"].write_bytes(snapshots[0].read_text(encoding="utf-8").encode("latin-1", "replace"))
    files["unknown layout"] = tmp_path / "layout.json"
    files["unknown layout"].write_text('{"articles": []}', encoding="utf-8")
    document = json.loads(snapshots[1].read_text(encoding="utf-8"))
    node = document
    while node["type"] != "article":
        node = node["children"][-1]
    del node["data"]["num"]
    files["missing field"] = tmp_path / "missing.json"
    files["missing field"].write_text(json.dumps(document), encoding="utf-8")
    files["truncated gzip"] = tmp_path / "truncated.jsonl.gz"
    files["truncated gzip"].write_bytes(good.read_bytes()[:-200])
    with gzip.open(good, "rt", encoding="utf-8") as stream:
        content = stream.read().splitlines()
    files["malformed line"] = tmp_path / "line.jsonl.gz"
    with gzip.open(files["malformed line"], "wt", encoding="utf-8") as stream:
        stream.write("\n".join([*content[:-1], content[-1][:-5]]) + "\n")
    files["duplicate version ids"] = tmp_path / "duplicate.jsonl.gz"
    record = json.loads(content[-1])
    record["article_id"] = "LEGIARTI999999999999"
    with gzip.open(files["duplicate version ids"], "wt", encoding="utf-8") as stream:
        stream.write("\n".join([*content, json.dumps(record)]) + "\n")
    return files


def test_bad_input_leaves_the_store_exactly_as_before(store, snapshots, tmp_path):
    before = store.content_digest()
    for problem, path in bad_sources(tmp_path, snapshots).items():
        with pytest.raises(SourceError) as error:
            ingest(store, [path], progress=False)
        message = str(error.value)
        assert path.name in message and "\n" not in message, problem
        assert store.content_digest() == before, problem


def test_a_bad_source_after_a_good_one_rolls_everything_back(tmp_path, snapshots):
    files = bad_sources(tmp_path, snapshots)
    with Store.open(tmp_path / "empty.sqlite3") as empty:
        before = empty.content_digest()
        good = tmp_path / "good.jsonl.gz"  # written first (artifacts are read before snapshots)
        with pytest.raises(SourceError, match=r"broken\.json"):
            ingest(empty, [good, files["malformed JSON"]], progress=False)
        assert empty.content_digest() == before and empty.codes() == []


def test_build_default_merges_the_cached_tarballs_deterministically(tmp_path, snapshots):
    cache = tmp_path / "cache"
    cache.mkdir()
    for version, snapshot in zip(("1.1.13", "2.513.0"), snapshots, strict=True):
        with tarfile.open(cache / tarball_name(version), "w:gz") as archive:
            archive.add(snapshot, arcname=f"package/data/{CODE}.json")
    first = build_default(cache, tmp_path / "a.jsonl.gz", ("1.1.13", "2.513.0"), progress=False)
    second = build_default(cache, tmp_path / "b.jsonl.gz", ("2.513.0", "1.1.13"), progress=False)
    assert (first.articles, first.versions, first.versions_with_text) == (17, 63, 19)
    assert second.versions == first.versions
    # Only the header's list of sources differs: the articles are the same bytes.
    assert lines(tmp_path / "a.jsonl.gz")[1:] == lines(tmp_path / "b.jsonl.gz")[1:]


def test_two_artifacts_of_the_same_code_are_refused(tmp_path, snapshots):
    files = bad_sources(tmp_path, snapshots)
    with Store.open(tmp_path / "s.sqlite3") as store, pytest.raises(SourceError, match="donné deux fois"):
        ingest(store, [tmp_path / "good.jsonl.gz", files["duplicate version ids"]], progress=False)


def lines(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return stream.read().splitlines()


@pytest.mark.slow
def test_default_store_is_built_once_from_the_committed_artifact(tmp_path):
    path = tmp_path / "home" / "corpus.sqlite3"
    with ensure_default_store(path, progress=False) as built:
        [summary] = built.summary()
        digest = built.content_digest()
    assert (summary.articles, summary.versions, summary.versions_with_text) == (11964, 22703, 14165)
    assert sorted(p.name for p in path.parent.iterdir()) == ["corpus.sqlite3"]
    with ensure_default_store(path, progress=False) as reopened:
        assert reopened.content_digest() == digest


def test_every_source_kind_is_detected_and_ingested_together(
    tmp_path, snapshots, commerce_bundle, cpi_bundle
):
    sources = [commerce_bundle, cpi_bundle, *snapshots]
    assert [detect(path) for path in sources[:2]] == ["corpus.gitrepo", "corpus.archeolex"]
    with Store.open(tmp_path / "all.sqlite3") as store:
        summaries = ingest(store, sources, progress=False)
        assert {s.code.code_id for s in summaries} == {
            "LEGITEXT000005634379",  # Code de commerce
            "LEGITEXT000006069414",  # Code de la propriété intellectuelle
            CODE,
        }


def test_git_repository_that_is_not_a_code_is_refused(tmp_path):
    repo = tmp_path / "notes"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "todo.txt").write_text("rien", encoding="utf-8")
    with pytest.raises(SourceError, match="notes: dépôt git qui n'est pas un dépôt de codes"):
        detect(repo)
