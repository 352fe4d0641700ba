"""Incremental index updates: after versions are changed, added and removed through the store's own API,
the updated index answers exactly as a full rebuild of the same store (hits and scores), readers keep the
old index until the switch, and a failed update leaves the old index current."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import tantivy
from incremental_changes import change_store, remove_cited_article, shrink_store

from corpus.ingest import build_store
from corpus.store import Store
from indexer import tantivy_update
from indexer.build import build_index
from indexer.citation_graph import GRAPH_FILE, CitationGraph
from indexer.engines import ENGINES, TANTIVY
from indexer.incremental import diff_versions, refresh_index
from indexer.location import current_directory
from indexer.schema import IndexMeta
from indexer.tantivy_index import read_frequencies
from search.service import SearchRequest, SearchService

SMALL = "indexer/small-code-du-travail.jsonl.gz"
QUERIES = (
    SearchRequest(query="démission de la salariée enceinte"),
    SearchRequest(query="contrat de travail", all_versions=True),
    SearchRequest(query="congé de maternité"),
    SearchRequest(query="licenciement économique reclassement"),
    SearchRequest(query="L. 1225-34 employeur"),
    SearchRequest(query="rupture conventionnelle", at=date(2021, 6, 1)),
)


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    home = tmp_path_factory.mktemp("incremental-store")
    build_store(home / "corpus.sqlite3", [data_dir / SMALL], progress=False).close()
    return home / "corpus.sqlite3"


def _home(tmp_path: Path, store_file: Path, engine: str, name: str = "home") -> Path:
    home = tmp_path / name
    home.mkdir()
    shutil.copy(store_file, home / "corpus.sqlite3")
    with Store.open(home / "corpus.sqlite3") as store:
        build_index(store, home / "index", processes=1, progress=False, engine=engine)
    return home


def _answers(home: Path) -> list:
    service = SearchService.open(home, build_if_missing=False, progress=False)
    try:
        return [
            [(h.article_key, h.version_id, round(h.score, 9)) for h in service.search(r).hits]
            for r in QUERIES
        ]
    finally:
        service.close()


@pytest.mark.parametrize("change", [change_store, shrink_store, remove_cited_article])
@pytest.mark.parametrize("engine", ENGINES)
def test_an_updated_index_answers_as_a_full_rebuild(engine, change, store_file, tmp_path) -> None:
    updated = _home(tmp_path, store_file, engine, "updated")
    change(updated / "corpus.sqlite3")
    said: list[str] = []
    with Store.open(updated / "corpus.sqlite3") as store:
        report = refresh_index(store, updated / "index", engine=engine, progress=False, say=said.append)
    rebuilt = tmp_path / "rebuilt"
    rebuilt.mkdir()
    shutil.copy(updated / "corpus.sqlite3", rebuilt / "corpus.sqlite3")
    with Store.open(rebuilt / "corpus.sqlite3") as store:
        full = build_index(store, rebuilt / "index", processes=1, progress=False, engine=engine)
    if engine == TANTIVY:
        assert report.build is None and report.changes is not None
        assert report.changes.count and report.analyzed >= len(report.changes.added)
        assert report.documents == full.documents
        assert read_frequencies(report.directory) == read_frequencies(full.directory)
        with Store.open(updated / "corpus.sqlite3") as a, Store.open(rebuilt / "corpus.sqlite3") as b:
            assert sorted(a.citation_edges()) == sorted(b.citation_edges())
            assert (report.directory / GRAPH_FILE).is_file()  # saved with the update, not read from the store
            assert sorted(CitationGraph.open(report.directory, b).edge_list()) == sorted(b.citation_edges())
            for version in a.iter_versions():
                assert a.citations_from(version.version_id) == b.citations_from(version.version_id)
    else:
        assert report.build is not None and "Whoosh" in said[0]
    answers = _answers(updated)
    assert any(answers) and answers == _answers(rebuilt)


def test_nothing_changed_means_no_new_build(store_file, tmp_path) -> None:
    home = _home(tmp_path, store_file, TANTIVY)
    before = current_directory(home / "index")
    said: list[str] = []
    with Store.open(home / "corpus.sqlite3") as store:
        report = refresh_index(store, home / "index", engine=TANTIVY, progress=False, say=said.append)
    assert report.directory is None and report.changes is not None and report.changes.count == 0
    assert current_directory(home / "index") == before
    assert said == [f"Index à jour : aucune version changée ({report.changes.indexed} indexées)."]


def test_a_failed_update_leaves_the_old_index_current(store_file, tmp_path, monkeypatch) -> None:
    home = _home(tmp_path, store_file, TANTIVY)
    before = current_directory(home / "index")
    service = SearchService.open(home, build_if_missing=False, progress=False)
    request = SearchRequest(query="démission de la salariée enceinte")
    answer = service.search(request).hits
    change_store(home / "corpus.sqlite3")

    def broken(*args: object) -> dict[str, int]:
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(tantivy_update, "updated_frequencies", broken)
    with Store.open(home / "corpus.sqlite3") as store, pytest.raises(OSError, match="simulated"):
        refresh_index(store, home / "index", engine=TANTIVY, progress=False, say=lambda line: None)
    assert current_directory(home / "index") == before
    assert sorted(p.name for p in (home / "index" / "builds").iterdir()) == [before.name]
    assert answer and service.search(request).hits == answer
    service.close()
    monkeypatch.undo()
    with Store.open(home / "corpus.sqlite3") as store:  # the next update starts from the same index
        report = refresh_index(store, home / "index", engine=TANTIVY, progress=False, say=lambda line: None)
    assert report.build is None and report.directory is not None


def test_a_reader_opened_before_the_update_keeps_its_index(store_file, tmp_path) -> None:
    home = _home(tmp_path, store_file, TANTIVY)
    service = SearchService.open(home, build_if_missing=False, progress=False)
    view = service._current_view()
    request = SearchRequest(query="démission de la salariée enceinte")
    before = view.directory
    first = service.search(request).hits
    change_store(home / "corpus.sqlite3")
    with Store.open(home / "corpus.sqlite3") as store:
        report = refresh_index(store, home / "index", engine=TANTIVY, progress=False, say=lambda line: None)
    assert report.directory is not None and report.directory != before
    assert before.is_dir()  # the previous build is kept for readers that still hold it
    table = view.tantivy  # the old view still reads every document of its own files
    every = table.searcher.search(tantivy.Query.all_query(), 1, count=True).count
    assert every == IndexMeta.read(before).documents == len(view.rows)
    assert all(table.searcher.doc(address).get_first("text") for address in table.addresses)
    after = service.search(request).hits  # the service switches on its next request
    assert service._current_view().directory == report.directory
    assert first and after and after != first
    service.close()


def test_too_many_changes_make_a_full_build_and_say_why(store_file, tmp_path, monkeypatch) -> None:
    home = _home(tmp_path, store_file, TANTIVY)
    change_store(home / "corpus.sqlite3")
    monkeypatch.setattr("indexer.incremental.INCREMENTAL_LIMIT", 0.001)
    said: list[str] = []
    with Store.open(home / "corpus.sqlite3") as store:
        report = refresh_index(store, home / "index", engine=TANTIVY, progress=False, say=said.append)
    assert report.build is not None
    assert (
        said[0].startswith("Reconstruction complète de l'index (tantivy) : ") and "au-delà de 0%" in said[0]
    )


def test_an_index_from_other_analyzers_is_rebuilt_in_full_and_says_why(store_file, tmp_path) -> None:
    """Built elsewhere from other analysis code (another fingerprint, another stamp of the sources): its
    unchanged documents cannot be kept."""
    home = _home(tmp_path, store_file, TANTIVY)
    meta_file = current_directory(home / "index") / "lexsearch-index.json"
    meta = IndexMeta.read(meta_file.parent)
    replace(meta, analyzers="0123456789abcdef", analyzer_sources="fedcba9876543210").write(meta_file.parent)
    said: list[str] = []
    with Store.open(home / "corpus.sqlite3") as store:
        report = refresh_index(store, home / "index", engine=TANTIVY, progress=False, say=said.append)
    assert report.build is not None
    assert (
        said[0]
        == "Reconstruction complète de l'index (tantivy) : les analyseurs ont changé depuis la construction de l'index."
    )


def test_versions_are_told_apart_by_digest() -> None:
    current = {"a": (b"1", b"t"), "c": (b"9", b"t"), "d": (b"4", b"t")}
    changes = diff_versions(("a", "b", "c"), (b"1", b"2", b"3"), current)
    assert (changes.removed, changes.changed, changes.added) == (("b",), ("c",), ("d",))
    assert changes.count == 3 and changes.indexed == 3
