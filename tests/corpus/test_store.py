"""The corpus store behind its one façade: changesets, citations kept consistent, schema refused when
foreign. Built from the git and Archéo Lex histories of tests/corpus/conftest.py (Code de commerce, CPI)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from gitrepos import GitRepo

from corpus import archeolex, gitrepo
from corpus.errors import StoreError
from corpus.model import ChangeRole
from corpus.store import SCHEMA_VERSION, CodeSummary, Store

COMMERCE = "LEGITEXT000005634379"
CPI = "LEGITEXT000006069414"


@pytest.fixture
def store(commerce_repo: GitRepo, cpi_repo: GitRepo, tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "store.sqlite3") as opened:
        opened.replace_codes([*gitrepo.read(commerce_repo.path)])
        opened.replace_codes([*archeolex.read(cpi_repo.path)])
        yield opened


def _one_version_per_code(store: Store) -> dict[str, str]:
    return {
        code.code_id: next(store.iter_versions(code_id=code.code_id)).version_id for code in store.codes()
    }


def test_replacing_a_code_keeps_the_citations_of_unchanged_texts_only(store, commerce_repo):
    """Citations derive from a version's text: a code read again keeps those of the texts that came back
    unchanged (an incremental index update re-reads only the others) and drops those of changed texts."""
    sources = _one_version_per_code(store)
    rows = [(version_id, f"{CPI}:L111-1", "code_article", None, 0, 10) for version_id in sources.values()]
    assert store.replace_citations(rows) == 2
    assert store.citing_versions(f"{CPI}:L111-1") == sorted(sources.values())
    store.replace_codes(gitrepo.read(commerce_repo.path))
    assert store.citing_versions(f"{CPI}:L111-1") == sorted(sources.values())
    reworded = []
    for code, articles in gitrepo.read(commerce_repo.path):
        changed = [
            replace(a, versions=tuple(replace(v, text=f"{v.text} (modifié)") for v in a.versions))
            for a in articles
        ]
        reworded.append((code, changed))
    store.replace_codes(reworded)
    assert store.citing_versions(f"{CPI}:L111-1") == [sources[CPI]]
    assert store.citations_from(sources[CPI]) == [(f"{CPI}:L111-1", "code_article", None, 0, 10)]
    assert store.citations_from(sources[COMMERCE]) == []


def test_replacing_one_code_s_citations_leaves_the_other_code_s(store):
    sources = _one_version_per_code(store)
    store.replace_citations(
        [(version_id, "k:1", "code_article", "2°", 3, 4) for version_id in sources.values()]
    )
    assert store.replace_citations([], code_id=COMMERCE) == 0
    assert store.citing_versions("k:1") == [sources[CPI]]


def test_changeset_lists_versions_by_number_each_with_the_version_it_replaced(store):
    changesets = store.changesets(COMMERCE)
    assert [day for _, day, _ in changesets] == sorted(day for _, day, _ in changesets)
    text, day, count = next(item for item in changesets if item[0].title.startswith("Ordonnance n° 2004-328"))
    changeset = store.changeset(text.text_id, day)
    assert (changeset.code_id, changeset.effective_on, len(changeset.entries)) == (COMMERCE, day, count)
    for entry in changeset.entries:
        previous = store.previous_version(entry.version.version_id)
        assert entry.previous_version_id == (previous.version_id if previous else None)
        assert (text, day, entry.role.value) in store.changesets_of_version(entry.version.version_id)
    assert store.changeset(text.text_id, None) is None


def test_one_consolidation_ends_what_it_repealed(store):
    ended = [
        entry
        for text, day, _ in store.changesets(CPI)
        for entry in store.changeset(text.text_id, day).entries
        if entry.role is ChangeRole.ENDED
    ]
    assert ended and all(entry.version.valid_to is not None for entry in ended)


def test_summary_counts_each_code(store):
    summaries = {summary.code.code_id: summary for summary in store.summary()}
    assert set(summaries) == {COMMERCE, CPI}
    assert all(isinstance(summary, CodeSummary) for summary in summaries.values())
    keys = store.article_keys(COMMERCE)  # a moved article file is a second article under the same key
    assert summaries[COMMERCE].articles == sum(len(store.articles_by_key(key)) for key in keys) > len(keys)
    assert summaries[COMMERCE].versions == sum(
        1 for _ in store.iter_versions(with_text=False, code_id=COMMERCE)
    )


def test_store_of_another_schema_version_is_refused_with_the_rebuild_command(tmp_path):
    path = tmp_path / "old.sqlite3"
    Store.open(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),)
        )
    connection.close()
    with pytest.raises(StoreError, match="reconstruisez-la avec `lexsearch corpus rebuild`"):
        Store.open(path)


def test_file_with_foreign_tables_is_not_a_store(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    connection.close()
    with pytest.raises(StoreError, match="ce n'est pas une base de corpus lexsearch"):
        Store.open(path)


def test_stored_text_has_no_runs_of_blanks(tmp_path):
    from datetime import date

    from corpus.model import Article, Code, Status, Version

    code = Code("LEGITEXT000000000001", "Code d'essai")
    version = Version(
        version_id="LEGIARTI000000000001",
        article_id="LEGIARTI000000000001",
        number="1",
        text="recueilli l'avis du             comité.",
        valid_from=date(2020, 1, 1),
        valid_to=None,
        status=Status.IN_FORCE,
    )
    with Store.open(tmp_path / "store.sqlite3") as store:
        store.replace_code(code, [Article("LEGIARTI000000000001", code, "1", (version,))])
        assert store.version("LEGIARTI000000000001").text == "recueilli l'avis du comité."


def test_untexted_in_force_answers_what_one_lookup_per_key_answers(store, commerce_repo):
    """The batched read behind a cited range over every code: for each key, the version in force at the day
    of the key's first article, kept only when it has no text — the per-key lookups' answer, at any day."""
    stripped = []
    for code, articles in gitrepo.read(commerce_repo.path):
        without = [
            replace(
                a,
                versions=tuple(replace(v, text=None) if i % 2 == 0 else v for i, v in enumerate(a.versions)),
            )
            for a in articles
        ]
        stripped.append((code, without))
    store.replace_codes(stripped)
    keys = [*sorted({key for code in store.codes() for key in store.article_keys(code.code_id)}), "X:none"]
    days = sorted({v.valid_from for v in store.iter_versions(with_text=False) if v.valid_from is not None})
    answered = 0
    for day in days:
        expected = {}
        for key in keys:
            code_id, number = key.split(":", 1)
            article = store.article_by_number(code_id, number)
            version = store.version_in_force(article.article_id, day) if article else None
            if version is not None and version.text is None:
                expected[key] = version
        assert store.untexted_in_force(keys, day) == expected
        answered += len(expected)
    assert answered > 0
