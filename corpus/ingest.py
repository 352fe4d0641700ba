"""Source detection and ingest into the store, plus the default store built from the committed artifact.

Every source of one `ingest` call is written in a single transaction: bad input anywhere leaves the store
as it was. Légifrance snapshots given together are merged into one history per code first.
"""

from __future__ import annotations

import inspect
import itertools
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from tqdm import tqdm

from corpus import archeolex, artifact, gitrepo, legifrance
from corpus.errors import SourceError
from corpus.model import Article, Code
from corpus.settings import DEFAULT_ARTIFACT, store_path
from corpus.store import CodeSummary, Store

# Git-based adapters by kind, tried in this order after the artifact and Légifrance checks (an Archéo
# Lex repository is also a git repository, so it is asked first). Imported plainly: a broken adapter
# must fail loudly, not pass for an "unknown source kind".
GIT_ADAPTERS = {"corpus.archeolex": archeolex, "corpus.gitrepo": gitrepo}
SOURCE_KINDS = "a .jsonl.gz artifact, a Légifrance JSON snapshot / npm .tgz, a git repository or .bundle"


def is_artifact(path: Path) -> bool:
    return path.is_file() and path.name.endswith((".jsonl.gz", ".jsonl"))


def detect(path: Path) -> str:
    """The kind of one source: "artifact", "legifrance" or the module name of the git adapter."""
    path = Path(path)
    if not path.exists():
        raise SourceError(str(path), "no such file or directory")
    if is_artifact(path):
        return "artifact"
    if legifrance.accepts(path):
        return "legifrance"
    for name, adapter in GIT_ADAPTERS.items():
        if adapter.accepts(path):
            return name
    if path.suffix == ".bundle" or (path / ".git").exists() or (path / "HEAD").is_file():
        raise SourceError(
            str(path),
            "a git repository but not a code repository (no article files, no Archéo Lex code file)",
        )
    raise SourceError(str(path), f"unknown source kind (expected {SOURCE_KINDS})")


def artifact_codes(path: Path) -> Iterator[tuple[Code, Iterable[Article]]]:
    """Stream an artifact code by code (its lines are grouped by code)."""
    done: set[str] = set()
    for code_id, articles in itertools.groupby(artifact.iter_articles(path), key=lambda a: a.code.code_id):
        if code_id in done:
            raise SourceError(str(path), f"articles of {code_id} are not grouped together")
        done.add(code_id)
        first = next(articles)
        yield first.code, itertools.chain([first], articles)  # noqa: B031 (same group, consumed once)


def read_sources(
    paths: Iterable[Path], *, progress: bool = False
) -> Iterator[tuple[Code, Iterable[Article]]]:
    """Every code of every source; kinds are detected for all paths before anything is read."""
    paths = [Path(path) for path in paths]
    kinds = [(path, detect(path)) for path in paths]
    snapshots = [path for path, kind in kinds if kind == "legifrance"]
    for path, kind in kinds:
        if kind == "artifact":
            yield from artifact_codes(path)
        elif kind != "legifrance":
            read = GIT_ADAPTERS[kind].read
            takes_progress = "progress" in inspect.signature(read).parameters
            yield from read(path, progress=progress) if takes_progress else read(path)
    if snapshots:
        parsed = legifrance.iter_snapshots(snapshots)
        bar = tqdm(
            parsed, desc="snapshots Légifrance", unit=" snapshots", file=sys.stderr, disable=not progress
        )
        yield from legifrance.merge(bar)


def ingest(store: Store, paths: Iterable[Path], *, progress: bool = True) -> list[CodeSummary]:
    """Read `paths` and replace each of their codes in `store`, all in one transaction."""
    paths = [Path(path) for path in paths]
    if not paths:
        raise SourceError("corpus add", "no source given")
    codes: list[str] = []

    def tracked() -> Iterator[tuple[Code, Iterable[Article]]]:
        for code, articles in read_sources(paths, progress=progress):
            if code.code_id in codes:
                raise SourceError(
                    code.code_id, "given twice in one ingest (merge snapshots by passing them together)"
                )
            codes.append(code.code_id)
            total = len(articles) if isinstance(articles, list) else None
            yield (
                code,
                tqdm(
                    articles,
                    desc=code.title,
                    unit=" articles",
                    total=total,
                    file=sys.stderr,
                    disable=not progress,
                ),
            )

    store.replace_codes(tracked(), source=" ".join(sorted(str(path) for path in paths)))
    return [summary for summary in store.summary() if summary.code.code_id in codes]


def build_store(path: Path, sources: Iterable[Path], *, progress: bool = True) -> Store:
    """Build a fresh store at `path` from `sources`, atomically: built beside it, then renamed into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.building")
    _remove(temporary)
    try:
        with Store.open(temporary) as store:
            ingest(store, sources, progress=progress)
            store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _remove(path)
        os.replace(temporary, path)
    finally:
        _remove(temporary)
    return Store.open(path)


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def ensure_default_store(path: Path | None = None, *, progress: bool = True) -> Store:
    """Open the store, building it from the committed artifact first when it does not exist."""
    path = Path(path) if path else store_path()
    if path.exists():
        store = Store.open(path)
        if store.codes():
            return store
        store.close()  # created empty by someone else: first use still gets the default corpus
    print(f"lexsearch: building the corpus store {path} from {DEFAULT_ARTIFACT.name}", file=sys.stderr)
    return build_store(path, [DEFAULT_ARTIFACT], progress=progress)


def rebuild_default_store(path: Path | None = None, *, progress: bool = True) -> Store:
    """Replace the store by one built from the committed artifact (after an upgrade or damage)."""
    return build_store(Path(path) if path else store_path(), [DEFAULT_ARTIFACT], progress=progress)
