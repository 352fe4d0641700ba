"""The articles' passage vectors (analyzers.embedding), for the semantic re-rank of questions.

One vector per article: the version in force on the day of the build, else the article's last version
(a corpus without dates). They live beside the index, in `$LEXSEARCH_HOME/vectors/passages.npz`, keyed
by version id with a digest of the passage embedded, so an update embeds only what is new or changed and
an index rebuild keeps them. Embedding is slow (~0.13 s a passage on two cores: ~25 min for the Code du
travail's 11,500 articles), so the work is saved every `CHECKPOINT` passages: an interrupted run keeps
what it did and the next one goes on from there. Each save writes a complete file next to the old one and
renames it over: a reader sees the old vectors or the new, never half a file.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
from tqdm import tqdm

from analyzers.embedding import DIMENSIONS, MODEL, Encoder, passage_text
from corpus.model import Version
from corpus.store import Store

FILE = "passages.npz"
# The vectors of the embedded default corpus (the Code du travail), shipped so that a home built from it
# re-ranks questions from its first search: 25 minutes of embedding that no user should have to wait for.
# `scripts/build_default_vectors.py` makes it again after `lexsearch corpus build-default`.
DEFAULT_VECTORS = Path(__file__).parent / "data" / "default-passages.npz"
BATCH = 32
CHECKPOINT = 2048


@dataclass(frozen=True)
class VectorsReport:
    path: Path
    articles: int  # articles with a vector now
    embedded: int  # passages embedded by this run
    kept: int  # vectors reused from the previous file
    seconds: float


@dataclass(frozen=True)
class Passage:
    version_id: str
    digest: str
    text: str


def vectors_file(home: Path) -> Path:
    return home / "vectors" / FILE


def article_passages(versions: Iterable[Version], day: date) -> Iterator[Passage]:
    """Per article (versions grouped by article, oldest first, as `Store.iter_versions` gives them), the
    passage of its version in force on `day`, else of its last version."""
    article, chosen = None, None
    for version in versions:
        if version.article_id != article:
            if chosen is not None:
                yield _passage(chosen)
            article, chosen = version.article_id, version
        elif not chosen.in_force_at(day) or version.in_force_at(day):
            chosen = version
    if chosen is not None:
        yield _passage(chosen)


def _passage(version: Version) -> Passage:
    text = passage_text(version.text or "", version.section_path)
    return Passage(version.version_id, hashlib.sha1(text.encode("utf-8")).hexdigest()[:16], text)


def read_vectors(path: Path) -> tuple[list[str], list[str], np.ndarray] | None:
    """(version ids, digests, float16 matrix) of a vectors file of this model, or None (no file, another
    model or an unreadable file: the re-rank then stays off, it never fails a search)."""
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["model"]) != MODEL:
                return None
            return list(data["version_ids"]), list(data["digests"]), data["vectors"]
    except (OSError, KeyError, ValueError):
        return None


def _by_passage(read: tuple[list[str], list[str], np.ndarray] | None) -> dict[tuple[str, str], np.ndarray]:
    """A vectors file's rows by (version id, passage digest): what can be reused for the same passage."""
    if read is None:
        return {}
    return {(version_id, digest): row for version_id, digest, row in zip(*read, strict=True)}


def seed_vectors(store: Store, home: Path, *, day: date | None = None, source: Path = DEFAULT_VECTORS) -> int:
    """Without a vectors file in `home`, write one from `source`'s vectors of the very passages `store`
    has (none for another corpus: then an empty file, so that this is done once); returns how many."""
    path = vectors_file(home)
    if path.exists():
        return 0
    passages = list(article_passages(store.iter_versions(with_text=True), day or date.today()))
    rows = _reused(passages, _by_passage(read_vectors(source)))
    _save(path, passages, rows)
    return len(rows)


def _reused(passages: list[Passage], known: dict[tuple[str, str], np.ndarray]) -> dict[str, np.ndarray]:
    """The known vectors of these very passages (same version, same wording), by version id."""
    return {
        p.version_id: known[(p.version_id, p.digest)] for p in passages if (p.version_id, p.digest) in known
    }


def _save(path: Path, passages: list[Passage], rows: dict[str, np.ndarray]) -> None:
    """Write the vectors of the passages that have one in `rows`, in the passages' order."""
    done = [p for p in passages if p.version_id in rows]
    matrix = np.vstack([rows[p.version_id] for p in done]) if done else np.zeros((0, DIMENSIONS))
    _write(path, [p.version_id for p in done], [p.digest for p in done], matrix)


def _write(path: Path, version_ids: list[str], digests: list[str], vectors: np.ndarray) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with open(partial, "wb") as handle:
            np.savez_compressed(
                handle,
                model=np.array(MODEL),
                version_ids=np.array(version_ids, dtype=str),
                digests=np.array(digests, dtype=str),
                vectors=vectors.astype(np.float16),
            )
        os.replace(partial, path)
    except BaseException:  # interrupted or disk full: the old file stays, no partial one beside it
        partial.unlink(missing_ok=True)
        raise


def update_vectors(
    store: Store,
    home: Path,
    *,
    day: date | None = None,
    encoder: Encoder | None = None,
    progress: bool = True,
) -> VectorsReport:
    """Embed the passages of `store`'s articles that the vectors file lacks (or holds for another
    wording), drop those of versions no longer chosen, and save."""
    started = time.perf_counter()
    path = vectors_file(home)
    passages = list(article_passages(store.iter_versions(with_text=True), day or date.today()))
    previous = read_vectors(path)
    rows = _reused(passages, _by_passage(previous if previous is not None else read_vectors(DEFAULT_VECTORS)))
    kept = len(rows)
    missing = [p for p in passages if p.version_id not in rows]
    encoder = encoder or Encoder(threads=min(2, os.cpu_count() or 1))

    last_save = 0
    bar = tqdm(total=len(missing), desc="vecteurs", unit="passage", file=sys.stderr, disable=not progress)
    with bar:
        for start in range(0, len(missing), BATCH):
            batch = missing[start : start + BATCH]
            for passage, vector in zip(batch, encoder.passages([p.text for p in batch]), strict=True):
                rows[passage.version_id] = vector
            bar.update(len(batch))
            if start + len(batch) - last_save >= CHECKPOINT:
                _save(path, passages, rows)
                last_save = start + len(batch)
    if missing or previous is None or len(previous[0]) != len(rows):
        _save(path, passages, rows)
    return VectorsReport(path, len(rows), len(missing), kept, time.perf_counter() - started)
