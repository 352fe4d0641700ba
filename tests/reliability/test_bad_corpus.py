"""Bad corpus input is refused whole: one line naming the record, a non-zero exit, nothing changed.

A store and an index are built from the real small fixture; then `lexsearch corpus add` is given a damaged
source. The store's content digest and a hash of every file of the index directory must be identical
before and after, so a bad import can never leave a half-updated corpus behind.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import corpus_damage as damage
import pytest

from corpus.settings import index_path, store_path
from corpus.store import Store
from ui.cli import main

ROOT = Path(__file__).parent.parent.parent
LEXSEARCH = str(Path(sys.executable).with_name("lexsearch"))


def index_digest(path: Path) -> str:
    """Hash of every file name and byte under the index directory (following the `current` link)."""
    digest = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.exists() else []
    for file in files:
        digest.update(str(file.relative_to(path)).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def store_digest() -> str:
    with Store.open(store_path(), create=False) as store:
        return store.content_digest()


@pytest.fixture
def home(home_copy: Path, small_home: Path) -> Path:
    assert any(p.is_file() for p in index_path().rglob("*")), "no index was built"
    assert index_digest(index_path()) == index_digest(small_home / "index")
    return home_copy


def refuse(source: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """`corpus add SOURCE` must fail cleanly and change nothing; returns its one-line error."""
    before = (store_digest(), index_digest(index_path()))
    capsys.readouterr()
    status = main(["corpus", "add", str(source), "--quiet"])
    err = capsys.readouterr().err.strip()
    assert status != 0, f"corpus add accepted {source.name}"
    assert err.startswith("lexsearch: erreur : "), err
    assert "\n" not in err and "Traceback" not in err, err
    assert (store_digest(), index_digest(index_path())) == before, "store or index changed"
    return err


def test_truncated_gzip_is_refused_naming_the_file(home: Path, tmp_path: Path, capsys) -> None:
    bad = damage.truncated_gzip(tmp_path / "truncated.jsonl.gz")
    err = refuse(bad, capsys)
    assert str(bad) in err
    assert "gzip" in err


def test_malformed_json_line_is_refused_naming_the_line(home: Path, tmp_path: Path, capsys) -> None:
    bad, _ = damage.malformed_line(tmp_path / "malformed.jsonl.gz", line_number=5)
    err = refuse(bad, capsys)
    assert f"{bad}:5" in err
    assert "JSON" in err


def test_duplicate_version_id_is_refused_naming_both_records(home: Path, tmp_path: Path, capsys) -> None:
    bad, version_id, article_id = damage.duplicate_version_id(tmp_path / "duplicate.jsonl.gz")
    err = refuse(bad, capsys)
    assert version_id in err
    assert article_id in err or f"{bad}:10" in err


def test_versions_with_dates_out_of_order_are_refused_naming_the_article(
    home: Path, tmp_path: Path, capsys
) -> None:
    bad, article_id = damage.dates_out_of_order(tmp_path / "dates.jsonl.gz")
    err = refuse(bad, capsys)
    assert article_id in err


def test_truncated_legifrance_snapshot_is_refused(home: Path, tmp_path: Path, capsys) -> None:
    bad, name = damage.snapshot_with(tmp_path / "snapshot", "truncated")
    err = refuse(bad, capsys)
    assert name in err and "JSON" in err


def test_legifrance_duplicate_version_id_is_refused(home: Path, tmp_path: Path, capsys) -> None:
    bad, article_id = damage.snapshot_with(tmp_path / "snapshot", "duplicate_version")
    err = refuse(bad, capsys)
    assert article_id in err and "en double" in err


def test_bad_source_exits_non_zero_without_traceback_from_the_real_command(
    home: Path, tmp_path: Path
) -> None:
    """The installed command, not just `main()`: exit status 2 and one stderr line."""
    bad = damage.truncated_gzip(tmp_path / "truncated.jsonl.gz")
    before = store_digest()
    done = subprocess.run(
        [LEXSEARCH, "corpus", "add", str(bad), "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and str(bad) in done.stderr, done.stderr
    assert store_digest() == before


def test_git_history_going_back_in_time_is_refused_naming_the_file(
    home: Path, tmp_path: Path, capsys
) -> None:
    """L631-1's second wording is committed with a date before its first: its versions would overlap."""
    repo = damage.code_repository(tmp_path / "repo", second_commit_on="2005-03-01")
    err = refuse(repo, capsys)
    assert "article-l631-1.md" in err


def test_git_file_renamed_mid_history_loses_no_version(home: Path, tmp_path: Path, capsys) -> None:
    """A moved file is a documented case (corpus/gitrepo.py): the old article ends as transferred on the
    day of the move and the new one starts that day with the same wording; nothing lost, nothing doubled."""
    repo = damage.code_repository(tmp_path / "repo", rename_on="2010-11-01")
    assert main(["corpus", "add", str(repo), "--quiet", "--no-index"]) == 0
    with Store.open(store_path(), create=False) as store:
        (code,) = [code for code in store.codes() if code.title == "Code de commerce"]
        articles = [a for key in store.article_keys(code.code_id) for a in store.articles_by_key(key)]
        by_number: dict[str, list] = {}
        for article in articles:
            by_number.setdefault(article.number, []).append(article)
        assert sorted(by_number) == ["L631-1", "L631-2"]
        assert len(by_number["L631-1"][0].versions) == 2
        moved = sorted(by_number["L631-2"], key=lambda a: a.versions[0].valid_from)
        assert len(moved) == 2
        (old,), (new,) = moved[0].versions, moved[1].versions
        assert (old.status.value, old.valid_to) == ("transferred", new.valid_from)
        assert str(new.valid_from) == "2010-11-01" and new.valid_to is None
        assert old.text == new.text
