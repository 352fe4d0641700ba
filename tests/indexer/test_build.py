"""Index builds: complete, atomic, crash-safe, and stale indexes detected with the command that fixes them."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest

from corpus.ingest import build_store
from corpus.store import Store
from indexer import build as build_module
from indexer.build import build_index
from indexer.citation_graph import GRAPH_FILE, CitationGraph
from indexer.errors import IndexBuildError, StaleIndexError
from indexer.location import current_directory, current_target
from indexer.schema import META_FILE, IndexMeta

SMALL = "indexer/small-code-du-travail.jsonl.gz"


@pytest.fixture
def small_home(tmp_path: Path, data_dir: Path) -> Path:
    build_store(tmp_path / "corpus.sqlite3", [data_dir / SMALL], progress=False).close()
    return tmp_path


def _build(home: Path, processes: int = 2):
    with Store.open(home / "corpus.sqlite3") as store:
        return build_index(store, home / "index", processes=processes, progress=False)


def test_build_indexes_every_version_with_text_and_switches_current(small_home: Path) -> None:
    report = _build(small_home)
    with Store.open(small_home / "corpus.sqlite3") as store:
        assert report.documents == store.count_versions(with_text=True)
    assert current_directory(small_home / "index") == report.directory
    assert IndexMeta.read(report.directory).documents == report.documents


def test_build_persists_the_citation_graph_in_the_store(small_home: Path) -> None:
    _build(small_home)
    with Store.open(small_home / "corpus.sqlite3") as store:
        article = store.article_by_number("LEGITEXT000006072050", "L1222-6")
        assert article is not None
        current = article.versions[-1]
        targets = [row[0] for row in store.citations_from(current.version_id)]
        assert "LEGITEXT000006072050:L1233-3" in targets
        assert current.version_id in store.citing_versions("LEGITEXT000006072050:L1233-3")
        start, end = store.citations_from(current.version_id)[0][3:5]
        assert "L. " in current.text[start:end]


def test_build_saves_the_store_citation_graph_with_the_index(small_home: Path) -> None:
    report = _build(small_home)
    with Store.open(small_home / "corpus.sqlite3") as store:
        edges = store.citation_edges()
        saved = CitationGraph.open(report.directory, store)
    assert (report.directory / GRAPH_FILE).is_file()
    assert len(edges) > 100 and sorted(saved.edge_list()) == sorted(edges)


def test_single_process_build_gives_the_same_documents(small_home: Path) -> None:
    first = _build(small_home, processes=1)
    second = _build(small_home, processes=2)
    assert first.documents == second.documents
    assert first.citations == second.citations


def test_rebuild_keeps_previous_generation_and_removes_older_ones(small_home: Path) -> None:
    first = _build(small_home)
    second = _build(small_home)
    third = _build(small_home)
    builds = sorted(p.name for p in (small_home / "index" / "builds").iterdir())
    assert third.directory.name in builds and second.directory.name in builds
    assert first.directory.name not in builds


def test_failed_build_leaves_the_previous_index_current(small_home: Path, monkeypatch) -> None:
    good = _build(small_home)

    def broken(part: int):
        raise RuntimeError("analysis crashed")

    monkeypatch.setattr(build_module, "_write_part", broken)
    with pytest.raises(RuntimeError):
        _build(small_home, processes=1)
    assert current_directory(small_home / "index") == good.directory


def _build_forever(home: str) -> None:
    with Store.open(Path(home) / "corpus.sqlite3") as store:
        while True:
            build_index(store, Path(home) / "index", processes=1, progress=False)


@pytest.mark.slow
def test_sigkill_mid_build_leaves_an_index_serving_and_next_build_succeeds(small_home: Path) -> None:
    good = _build(small_home)
    process = multiprocessing.get_context("spawn").Process(target=_build_forever, args=(str(small_home),))
    process.start()
    time.sleep(4.0)
    os.kill(process.pid, signal.SIGKILL)
    process.join()
    directory = current_directory(small_home / "index")  # some complete build, never a partial one
    assert IndexMeta.read(directory).documents == good.documents
    after = _build(small_home)
    assert current_target(small_home / "index") == os.path.relpath(after.directory, small_home / "index")


def test_second_concurrent_build_is_refused(small_home: Path) -> None:
    from indexer.location import build_lock

    with (
        build_lock(small_home / "index"),
        pytest.raises(IndexBuildError, match="un autre `lexsearch index` est en cours"),
    ):
        _build(small_home)


def test_index_from_another_schema_is_stale_with_the_rebuild_command(small_home: Path) -> None:
    report = _build(small_home)
    meta = json.loads((report.directory / META_FILE).read_text())
    meta["schema_version"] = 0
    (report.directory / META_FILE).write_text(json.dumps(meta))
    with pytest.raises(StaleIndexError, match=r"schéma 0, .* reconstruisez-le avec `lexsearch index`"):
        IndexMeta.read(report.directory)
    from search.service import SearchService

    with pytest.raises(StaleIndexError, match=r"schéma 0, .* reconstruisez-le avec `lexsearch index`"):
        SearchService.open(small_home, build_if_missing=False, progress=False)
