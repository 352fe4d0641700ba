"""The articles' passage vectors: which version is embedded, what an update re-embeds, and that an
interrupted run keeps its work."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from analyzers.embedding import DIMENSIONS, PASSAGE_WORDS, passage_text
from corpus.model import Article, Code, Status, Version
from corpus.store import Store
from indexer import passage_vectors
from indexer.passage_vectors import article_passages, read_vectors, update_vectors, vectors_file

CODE = Code("LEGITEXT000000000002", "Code d'essai")


def _version(article: str, ordinal: int, text: str, start: date | None, end: date | None) -> Version:
    return Version(f"{article}V{ordinal}", article, article, text, start, end, Status.IN_FORCE, ("Titre",))


def _article(article: str, *versions: Version) -> Article:
    return Article(article, CODE, article, versions)


class _Counting:
    """A stand-in model that counts the passages it embeds (and can fail after a number of batches)."""

    def __init__(self, fail_after: int | None = None) -> None:
        self.embedded: list[str] = []
        self.fail_after = fail_after

    def passages(self, texts):
        if self.fail_after is not None and len(self.embedded) >= self.fail_after:
            raise KeyboardInterrupt
        self.embedded += texts
        return np.vstack([np.full(DIMENSIONS, len(text), dtype=np.float32) for text in texts])


def test_the_version_in_force_is_embedded_else_the_last() -> None:
    versions = [
        _version("A", 0, "ancien", date(2000, 1, 1), date(2010, 1, 1)),
        _version("A", 1, "en vigueur", date(2010, 1, 1), None),
        _version("A", 2, "à venir", date(2030, 1, 1), None),
        _version("B", 0, "premier", None, None),
        _version("B", 1, "dernier", None, None),
    ]
    chosen = [p.version_id for p in article_passages(versions, date(2020, 1, 1))]
    assert chosen == ["AV1", "BV1"]


def test_the_passage_is_the_headings_then_the_first_words() -> None:
    text = passage_text(
        " ".join(f"mot{i}" for i in range(PASSAGE_WORDS + 50)), ("Livre", "Titre", "Chapitre")
    )
    assert text.startswith("Titre > Chapitre. mot0 mot1")
    assert text.endswith(f"mot{PASSAGE_WORDS - 1}")


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "corpus.sqlite3") as store:
        store.replace_code(
            CODE,
            [
                _article("A", _version("A", 0, "Le salarié a droit à un congé.", date(2010, 1, 1), None)),
                _article("B", _version("B", 0, "L'employeur informe le salarié.", date(2010, 1, 1), None)),
                _article("C", _version("C", 0, "Le contrat est écrit.", date(2010, 1, 1), None)),
            ],
        )
        yield store


def test_an_update_embeds_only_what_changed(store: Store, tmp_path: Path) -> None:
    first = update_vectors(store, tmp_path, encoder=_Counting(), progress=False)
    assert (first.articles, first.embedded, first.kept) == (3, 3, 0)
    again = _Counting()
    assert update_vectors(store, tmp_path, encoder=again, progress=False).embedded == 0
    assert again.embedded == []
    changed = _version("B", 0, "L'employeur informe le salarié par écrit.", date(2010, 1, 1), None)
    store.replace_code(CODE, [_article("A", *store.article("A").versions), _article("B", changed)])
    counting = _Counting()
    report = update_vectors(store, tmp_path, encoder=counting, progress=False)
    assert (report.articles, report.embedded, report.kept) == (2, 1, 1)
    assert [text.endswith("par écrit.") for text in counting.embedded] == [True]
    version_ids, _, vectors = read_vectors(vectors_file(tmp_path))
    assert version_ids == ["AV0", "BV0"]
    assert vectors.shape == (2, DIMENSIONS)


def test_an_interrupted_run_keeps_its_checkpoints(store: Store, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(passage_vectors, "BATCH", 1)
    monkeypatch.setattr(passage_vectors, "CHECKPOINT", 2)
    with pytest.raises(KeyboardInterrupt):
        update_vectors(store, tmp_path, encoder=_Counting(fail_after=2), progress=False)
    assert len(read_vectors(vectors_file(tmp_path))[0]) == 2
    resumed = update_vectors(store, tmp_path, encoder=_Counting(), progress=False)
    assert (resumed.embedded, resumed.kept) == (1, 2)
    assert not list(vectors_file(tmp_path).parent.glob("*.partial"))


def test_vectors_of_another_model_are_not_read(store: Store, tmp_path: Path, monkeypatch) -> None:
    update_vectors(store, tmp_path, encoder=_Counting(), progress=False)
    monkeypatch.setattr(passage_vectors, "MODEL", "another model")
    assert read_vectors(vectors_file(tmp_path)) is None
    assert update_vectors(store, tmp_path, encoder=_Counting(), progress=False).embedded == 3


def test_a_damaged_file_is_not_read(tmp_path: Path) -> None:
    path = vectors_file(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a numpy archive")
    assert read_vectors(path) is None


def test_seeding_takes_the_shipped_vectors_of_the_same_passages(store: Store, tmp_path: Path) -> None:
    shipped = tmp_path / "shipped"
    update_vectors(store, shipped, encoder=_Counting(), progress=False)
    changed = _version("B", 0, "L'employeur informe le salarié par écrit.", date(2010, 1, 1), None)
    store.replace_code(CODE, [_article("A", *store.article("A").versions), _article("B", changed)])
    home = tmp_path / "home"
    assert passage_vectors.seed_vectors(store, home, source=vectors_file(shipped)) == 1
    assert read_vectors(vectors_file(home))[0] == ["AV0"]  # B's wording changed: not reused
    assert passage_vectors.seed_vectors(store, home, source=vectors_file(shipped)) == 0


def test_seeding_another_corpus_writes_an_empty_file_once(store: Store, tmp_path: Path) -> None:
    from search.semantic import PassageVectors

    assert passage_vectors.seed_vectors(store, tmp_path, source=tmp_path / "none.npz") == 0
    assert read_vectors(vectors_file(tmp_path))[0] == []
    assert PassageVectors.load(vectors_file(tmp_path)) is None


def test_the_shipped_vectors_cover_the_default_corpus(search_home: Path, tmp_path: Path) -> None:
    """After `corpus build-default`, scripts/build_default_vectors.py must run again: this fails until it has."""
    with Store.open(search_home / "corpus.sqlite3", create=False) as store:
        articles = len(list(article_passages(store.iter_versions(with_text=True), date.today())))
        seeded = passage_vectors.seed_vectors(store, tmp_path)
    assert seeded >= 0.98 * articles


def test_a_save_that_fails_keeps_the_old_file_and_leaves_no_partial(
    store: Store, tmp_path: Path, monkeypatch
) -> None:
    update_vectors(store, tmp_path, encoder=_Counting(), progress=False)
    before = vectors_file(tmp_path).read_bytes()

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(passage_vectors.np, "savez_compressed", full_disk)
    changed = _version("B", 0, "L'employeur informe le salarié par écrit.", date(2010, 1, 1), None)
    store.replace_code(CODE, [_article("A", *store.article("A").versions), _article("B", changed)])
    with pytest.raises(OSError):
        update_vectors(store, tmp_path, encoder=_Counting(), progress=False)
    assert vectors_file(tmp_path).read_bytes() == before
    assert not list(vectors_file(tmp_path).parent.glob("*.partial"))
