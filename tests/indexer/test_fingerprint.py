"""The analysis fingerprint recorded at build time is the one computed at open time: a fresh index is
never reported as built "with other analyzers", and only index-time analysis code changes it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpus.ingest import build_store
from indexer import fingerprint
from indexer.build import build_index
from indexer.fingerprint import (
    ROOT,
    analyzers_fingerprint,
    built_with_these_analyzers,
    index_time_modules,
    source_stamp,
)
from indexer.schema import INDEX_SCHEMA_VERSION, IndexMeta

SMALL = "indexer/small-code-du-travail.jsonl.gz"
NOTICE = "autre version des analyseurs"


@pytest.fixture
def source_copy(tmp_path: Path) -> Path:
    """The project packages the fingerprint reads, copied so that a test can edit them."""
    for package in ("analyzers", "corpus"):
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "data")
        )
    return tmp_path


def test_fresh_index_gives_no_other_analyzers_notice(tmp_path: Path, data_dir: Path) -> None:
    from search.results import SearchRequest
    from search.service import SearchService

    with build_store(tmp_path / "corpus.sqlite3", [data_dir / SMALL], progress=False) as store:
        report = build_index(store, tmp_path / "index", processes=2, progress=False)
    meta = IndexMeta.read(report.directory)
    assert meta.analyzers == analyzers_fingerprint()
    assert meta.analyzer_sources == source_stamp()
    service = SearchService.open(tmp_path, build_if_missing=False, progress=False)
    try:
        for query in ("motif économique du licenciement", "CDD", "L1233-3"):
            results = service.search(SearchRequest(query))
            assert not any(NOTICE in notice for notice in results.notices), results.notices
    finally:
        service.close()


def test_fingerprint_does_not_depend_on_what_the_process_has_loaded() -> None:
    """The same in a bare process as after the lemmatizer and the query expansions were loaded."""
    bare = subprocess.run(
        [sys.executable, "-c", "from indexer.fingerprint import analyzers_fingerprint as f; print(f())"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.strip()
    from analyzers.french import analyze_lemmas, expand_query_terms

    analyze_lemmas("Le salarié licencié pour motif économique")
    expand_query_terms("durée maximale d'un CDD")
    assert analyzers_fingerprint() == bare


def test_docstrings_comments_and_formatting_do_not_change_the_fingerprint(source_copy: Path) -> None:
    before = analyzers_fingerprint(source_copy)
    lemmas = source_copy / "analyzers" / "lemmas.py"
    text = lemmas.read_text(encoding="utf-8")
    start = text.index('"""') + 3
    lemmas.write_text(text[:start] + "A reworded docstring. " + text[start:] + "\n# a comment\n\n", "utf-8")
    assert analyzers_fingerprint(source_copy) == before


def test_index_time_code_changes_the_fingerprint(source_copy: Path) -> None:
    before = analyzers_fingerprint(source_copy)
    stop_words = source_copy / "analyzers" / "stop_words.py"
    stop_words.write_text(stop_words.read_text(encoding="utf-8") + "\nEXTRA = 1\n", encoding="utf-8")
    assert analyzers_fingerprint(source_copy) != before


def test_query_time_tables_are_not_index_time_code(source_copy: Path) -> None:
    """Synonyms and abbreviation expansions are applied to queries only: editing them keeps the index."""
    modules = index_time_modules(source_copy)
    assert "analyzers.lemmas" in modules and "analyzers.citations" in modules
    assert "analyzers.synonyms" not in modules and "analyzers.expansion" not in modules
    assert "analyzers.lay_wordings" not in modules
    before = analyzers_fingerprint(source_copy)
    synonyms = source_copy / "analyzers" / "synonyms.py"
    synonyms.write_text(synonyms.read_text(encoding="utf-8") + "\nEXTRA = 1\n", encoding="utf-8")
    assert analyzers_fingerprint(source_copy) == before


def _meta(analyzers: str, analyzer_sources: str) -> IndexMeta:
    return IndexMeta(INDEX_SCHEMA_VERSION, 0, "", "", analyzers, analyzer_sources=analyzer_sources)


def test_sources_unchanged_since_the_build_spare_the_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stamp decides alone when it matches (the recorded fingerprint is then today's by construction);
    without a stamp (older builds) the fingerprint is computed and compared."""

    def parse(root: Path = ROOT) -> str:
        raise AssertionError("the sources were parsed although their stamp matched")

    current = analyzers_fingerprint()
    monkeypatch.setattr(fingerprint, "analyzers_fingerprint", parse)
    assert _meta("recorded-by-the-build", source_stamp()).analyzers_current()
    monkeypatch.setattr(fingerprint, "analyzers_fingerprint", lambda root=ROOT: current)
    assert _meta(current, "").analyzers_current()
    assert not _meta("0123456789abcdef", "").analyzers_current()
    assert not _meta("0123456789abcdef", "another-checkout").analyzers_current()


def test_an_edited_source_changes_the_stamp_then_the_fingerprint_decides(source_copy: Path) -> None:
    recorded, stamp = analyzers_fingerprint(source_copy), source_stamp(source_copy)
    synonyms = source_copy / "analyzers" / "synonyms.py"  # query-time: the index stays valid
    synonyms.write_text(synonyms.read_text(encoding="utf-8") + "\nEXTRA = 1\n", encoding="utf-8")
    assert source_stamp(source_copy) != stamp
    assert built_with_these_analyzers(recorded, stamp, source_copy)
    stop_words = source_copy / "analyzers" / "stop_words.py"  # index-time: the index is not
    stop_words.write_text(stop_words.read_text(encoding="utf-8") + "\nEXTRA = 1\n", encoding="utf-8")
    assert not built_with_these_analyzers(recorded, stamp, source_copy)
