"""A damaged or foreign Whoosh index is refused in one line naming `lexsearch index`, never a traceback
from pickle or struct deep inside Whoosh."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from corpus.errors import LexsearchError
from corpus.ingest import build_store
from corpus.store import Store
from indexer.build import build_index
from indexer.errors import StaleIndexError
from indexer.opening import open_index

SMALL = "indexer/small-code-du-travail.jsonl.gz"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    home = tmp_path_factory.mktemp("opening")
    with build_store(home / "corpus.sqlite3", [data_dir / SMALL], progress=False) as store:
        build_index(store, home / "index", processes=1, progress=False)
    return home


@pytest.fixture
def home(built: Path, tmp_path: Path) -> Path:
    import shutil

    copy = tmp_path / "home"
    shutil.copytree(built, copy, symlinks=True)
    return copy


def _toc(home: Path) -> Path:
    (toc,) = (home / "index" / "current").resolve().glob("*.toc")
    return toc


def _truncate(toc: Path) -> None:
    toc.write_bytes(toc.read_bytes()[:20])


def _garbage(toc: Path) -> None:
    toc.write_bytes(b"\x80\x04 not a whoosh table of contents \xff" * 8)


def _other_whoosh_format(toc: Path) -> None:
    data = toc.read_bytes()  # 3 size varints, the byte-order int, then the TOC format version
    toc.write_bytes(data[:7] + struct.pack("!i", -999) + data[11:])


def _unpicklable_schema(toc: Path) -> None:
    data = toc.read_bytes()  # header (7), version (4), release (3 varints), then the pickled schema
    toc.write_bytes(data[:14] + b"\x10" + b"\x80\x05garbage-not-a-pickle" + data[40:])


DAMAGE = {
    "truncated": _truncate,
    "garbage": _garbage,
    "other whoosh format": _other_whoosh_format,
    "unpicklable schema": _unpicklable_schema,
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_damaged_toc_is_a_stale_index_error_in_one_line(home: Path, damage: str) -> None:
    DAMAGE[damage](_toc(home))
    directory = (home / "index" / "current").resolve()
    with pytest.raises(StaleIndexError) as caught:
        open_index(directory)
    message = str(caught.value)
    assert "\n" not in message and str(directory) in message
    assert "`lexsearch index`" in message


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_search_service_refuses_a_damaged_index_with_the_rebuild_command(home: Path, damage: str) -> None:
    from search.service import SearchService

    DAMAGE[damage](_toc(home))
    with pytest.raises(LexsearchError, match="`lexsearch index`"):
        SearchService.open(home, build_if_missing=False, progress=False)


def test_damaged_segment_file_is_refused_too(home: Path) -> None:
    from search.service import SearchService

    directory = (home / "index" / "current").resolve()
    for segment in directory.glob("*.seg"):
        segment.write_bytes(b"\x00" * 10)
    with pytest.raises(LexsearchError, match="`lexsearch index`"):
        SearchService.open(home, build_if_missing=False, progress=False)


def test_intact_index_opens(home: Path) -> None:
    with Store.open(home / "corpus.sqlite3") as store:
        documents = store.count_versions(with_text=True)
    assert open_index((home / "index" / "current").resolve()).doc_count() == documents
