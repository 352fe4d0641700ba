"""Data written by an older lexsearch is detected when opened, with the command that rebuilds it.

An upgrade must never end in a traceback from deep inside SQLite or Whoosh: the user is told which file is
stale and which `lexsearch …` command rebuilds it, and that command must exist.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from corpus.errors import LexsearchError, StoreError
from corpus.store import Store
from search.service import SearchRequest, SearchService
from ui.cli import build_parser

LEXSEARCH = str(Path(sys.executable).with_name("lexsearch"))

COMMAND = re.compile(r"`(lexsearch [^`]+)`")


def assert_names_existing_command(message: str) -> str:
    """The message quotes a `lexsearch …` command and the CLI really accepts it."""
    found = COMMAND.search(message)
    assert found, f"no `lexsearch …` command in: {message}"
    argv = found.group(1).split()[1:]
    try:
        build_parser().parse_args(argv)
    except SystemExit as exit_:
        pytest.fail(f"the message names `{found.group(1)}`, which the CLI rejects (exit {exit_.code})")
    return found.group(1)


def _store_with_schema(path: Path, version: str) -> None:
    Store.open(path).close()
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (version,))
    connection.close()


@pytest.mark.parametrize("older", ["0", "0.9"])
def test_store_with_older_schema_version_is_refused_with_rebuild_command(tmp_path: Path, older: str) -> None:
    path = tmp_path / "corpus.sqlite3"
    _store_with_schema(path, older)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    message = str(caught.value)
    assert str(path) in message
    assert f"schéma {older}" in message
    assert_names_existing_command(message)


def test_file_that_is_not_sqlite_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "corpus.sqlite3"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a store" * 40)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


# -- the index ---------------------------------------------------------------------------------------------


def _current(home: Path) -> Path:
    return (home / "index" / "current").resolve()


def _rewrite_meta(home: Path, **changes: object) -> None:
    meta_file = _current(home) / "lexsearch-index.json"
    record = json.loads(meta_file.read_text(encoding="utf-8"))
    record.update(changes)
    meta_file.write_text(json.dumps(record), encoding="utf-8")


def _damage_toc(home: Path) -> None:
    """Whoosh's table of contents cut short, as an older or foreign Whoosh version would leave it."""
    (toc,) = _current(home).glob("*.toc")
    toc.write_bytes(toc.read_bytes()[:20])


def _delete_meta(home: Path) -> None:
    (_current(home) / "lexsearch-index.json").unlink()


def _dangling_current(home: Path) -> None:
    shutil.rmtree(_current(home))


STALE_INDEXES = {
    "older schema version": lambda home: _rewrite_meta(home, schema_version=0),
    "no lexsearch metadata (pre-versioning index)": _delete_meta,
    "whoosh table of contents from another version": _damage_toc,
    "current points to a deleted build": _dangling_current,
}


@pytest.mark.parametrize("stale", STALE_INDEXES, ids=list(STALE_INDEXES))
def test_stale_index_is_refused_at_open_with_rebuild_command(home_copy: Path, stale: str) -> None:
    STALE_INDEXES[stale](home_copy)
    with pytest.raises(LexsearchError) as caught:
        service = SearchService.open(home_copy, build_if_missing=False)
        service.search(SearchRequest(query="licenciement"))  # in case opening is lazy
    assert assert_names_existing_command(str(caught.value)) == "lexsearch index"


def test_index_from_other_analyzers_is_refused_or_served_with_rebuild_notice(home_copy: Path) -> None:
    """Another analysis chain still gives a usable index: refusing it or serving it with a notice naming
    the rebuild command are both honest; silently serving it is not."""
    # Built elsewhere from other analysis code: another fingerprint and another stamp of the sources.
    _rewrite_meta(home_copy, analyzers="0123456789abcdef", analyzer_sources="fedcba9876543210")
    try:
        service = SearchService.open(home_copy, build_if_missing=False)
        results = service.search(SearchRequest(query="licenciement"))
    except LexsearchError as error:
        assert assert_names_existing_command(str(error)) == "lexsearch index"
    else:
        assert any("`lexsearch index`" in notice for notice in results.notices), results.notices


# The installed command for two cases only: each run loads spaCy and the index in a new process.
@pytest.mark.parametrize("stale", ["older schema version", "whoosh table of contents from another version"])
def test_search_command_on_stale_index_says_how_to_rebuild_in_one_line(home_copy: Path, stale: str) -> None:
    STALE_INDEXES[stale](home_copy)
    done = subprocess.run(
        [LEXSEARCH, "search", "licenciement", "--json"],
        env={**os.environ, "LEXSEARCH_HOME": str(home_copy)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.startswith("lexsearch: erreur :")]
        assert len(lines) == 1, done.stderr[-2000:]
        assert "`lexsearch index`" in lines[0]
    else:
        # Rebuilt by itself (first-use behaviour): then it must have said so and answered.
        assert "index" in done.stderr.lower(), done.stderr[-2000:]
        assert json.loads(done.stdout)["total"] > 0


def test_store_with_older_schema_is_refused_by_the_search_command(home_copy: Path) -> None:
    connection = sqlite3.connect(home_copy / "corpus.sqlite3")
    with connection:
        connection.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    connection.close()
    done = subprocess.run(
        [LEXSEARCH, "search", "licenciement"],
        env={**os.environ, "LEXSEARCH_HOME": str(home_copy)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert_names_existing_command(done.stderr)
