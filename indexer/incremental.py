"""Keep the index in step with the store: an incremental update when few versions changed, else a build.

Why: adding a newer Légifrance snapshot changes ~1 % of the versions; analyzing them all again (the cost
of a full build) would take minutes on all codes. Each tantivy build records the digest of every version
it holds (`indexer.version_digests`); comparing them with the store's (`Store.version_digests`) gives the
versions removed, changed and added, and only those are analyzed and written (`indexer.tantivy_update`),
into a new build directory that becomes `current` atomically, as a full build does.

A full build is made instead, with a French line saying why, when there is no index, when the analyzers,
the schema or the engine changed, when the index predates the digests, or when more than
`INCREMENTAL_LIMIT` of the versions changed. Whoosh indexes are always rebuilt: their view numbers the
documents of the table it reads, and deletions would shift those numbers (and the default corpus builds in
~17 s).
"""

from __future__ import annotations

import gzip
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from corpus.store import Store
from indexer.build import BuildReport, build_index
from indexer.citation_graph import GRAPH_FILE
from indexer.engines import TANTIVY, build_engine
from indexer.errors import StaleIndexError
from indexer.lemma_table import LEMMA_TABLE
from indexer.location import build_lock, current_target
from indexer.schema import META_FILE, IndexMeta
from indexer.tantivy_index import FREQUENCIES_FILE, ROWS_FILE
from indexer.version_digests import DIGESTS_FILE, read_digests

INCREMENTAL_LIMIT = 0.10  # past this share of changed versions, a full build costs about as much
# Files of a tantivy build directory: tantivy's own (segment files never rewritten, meta files replaced
# by rename, lock files) and the side tables `indexer.tantivy_update` rewrites. Anything else (a side
# table added later) forces a full build, never a stale copy.
TANTIVY_FILE = re.compile(r"[0-9a-f]{32}(\.\d+)?\.[a-z]+")
TANTIVY_META = ("meta.json", ".managed.json")
TANTIVY_LOCKS = (".tantivy-meta.lock", ".tantivy-writer.lock")
SIDE_TABLES = (ROWS_FILE, FREQUENCIES_FILE, LEMMA_TABLE, META_FILE, DIGESTS_FILE, GRAPH_FILE)


@dataclass(frozen=True)
class Changes:
    """What changed in the store since the index was built, by version id."""

    removed: tuple[str, ...]
    changed: tuple[str, ...]
    added: tuple[str, ...]
    indexed: int  # versions in the current index

    @property
    def count(self) -> int:
        return len(self.removed) + len(self.changed) + len(self.added)

    @property
    def share(self) -> float:
        return self.count / max(self.indexed, 1)

    def describe(self) -> str:
        return (
            f"{len(self.changed)} versions modifiées, {len(self.added)} ajoutées, {len(self.removed)} "
            f"retirées sur {self.indexed} indexées ({self.share:.2%})"
        )


@dataclass(frozen=True)
class IndexedState:
    """The current index as an update reads it: its directory, meta, rows and version digests."""

    directory: Path
    meta: IndexMeta
    lines: tuple[str, ...]  # the rows file, one line per document
    version_ids: tuple[str, ...]
    article_keys: tuple[str, ...]
    digests: tuple[bytes, ...]  # document digests
    text_digests: tuple[bytes, ...]


@dataclass(frozen=True)
class Plan:
    """An incremental update to make (`state` and `changes`), or the reason for a full build."""

    reason: str
    state: IndexedState | None = None
    changes: Changes | None = None
    store_digests: dict[str, tuple[bytes, bytes]] | None = None


@dataclass(frozen=True)
class UpdateReport:
    """What `refresh_index` did: `build` for a full build, else the incremental update's figures."""

    changes: Changes | None
    build: BuildReport | None = None
    directory: Path | None = None  # None when nothing changed
    documents: int = 0
    analyzed: int = 0  # texts analyzed (changed or added; a version whose text is unchanged is not)
    citations: int = 0
    seconds: float = 0.0
    reason: str = ""  # why no incremental update was made, when no full build was allowed either
    phases: tuple[tuple[str, float], ...] = ()  # seconds of each step of an incremental update


def diff_versions(
    version_ids: tuple[str, ...], digests: tuple[bytes, ...], current: dict[str, tuple[bytes, bytes]]
) -> Changes:
    """Removed, changed and added versions: the index's (id, document digest) pairs against the store's."""
    indexed = dict(zip(version_ids, digests, strict=True))
    removed = tuple(v for v in version_ids if v not in current)
    changed = tuple(v for v in version_ids if v in current and current[v][0] != indexed[v])
    added = tuple(v for v in current if v not in indexed)
    return Changes(removed, changed, added, len(version_ids))


def _unknown_files(directory: Path) -> list[str]:
    known = set(TANTIVY_META) | set(TANTIVY_LOCKS) | set(SIDE_TABLES)
    return sorted(
        path.name
        for path in directory.iterdir()
        if path.name not in known and not TANTIVY_FILE.fullmatch(path.name)
    )


def _read_state(directory: Path, meta: IndexMeta) -> IndexedState | str:
    """The index's rows and version digests, or the reason it cannot be updated."""
    entries = read_digests(directory, meta.documents)
    if entries is None:
        return "l'index a été construit sans les empreintes des versions (version antérieure de lexsearch)"
    try:
        with gzip.open(directory / ROWS_FILE, "rt", encoding="utf-8") as table:
            lines = table.readlines()  # kept as written: only the changed ones are rewritten
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise StaleIndexError(
            f"{directory / ROWS_FILE}: illisible ({error.__class__.__name__}) ; "
            "reconstruisez l'index avec `lexsearch index --full`"
        ) from None
    if len(lines) != meta.documents:
        raise StaleIndexError(
            f"{directory / ROWS_FILE}: {len(lines)} lignes pour {meta.documents} documents ; "
            "reconstruisez l'index avec `lexsearch index --full`"
        )
    version_ids, keys, digests, texts = zip(*entries, strict=True) if entries else ((), (), (), ())
    return IndexedState(directory, meta, tuple(lines), version_ids, keys, digests, texts)


def plan_update(store: Store, root: Path, engine: str) -> Plan:
    """Whether the current index can be updated in place of a full build of `engine`, and with what."""
    target = current_target(root)
    if target is None:
        return Plan("aucun index encore")
    directory = root / target
    try:
        meta = IndexMeta.read(directory)
    except StaleIndexError as error:
        return Plan(f"index illisible ({error})")
    if meta.engine != engine:
        return Plan(f"l'index actuel est {meta.engine}, le moteur demandé est {engine}")
    if meta.engine != TANTIVY:
        return Plan("la mise à jour incrémentale ne vaut que pour tantivy ; Whoosh est reconstruit")
    if not meta.analyzers_current():
        return Plan("les analyseurs ont changé depuis la construction de l'index")
    unknown = _unknown_files(directory)
    if unknown:
        return Plan(f"fichiers inconnus de la mise à jour dans l'index : {', '.join(unknown[:3])}")
    state = _read_state(directory, meta)
    if isinstance(state, str):
        return Plan(state)
    current = store.version_digests()
    changes = diff_versions(state.version_ids, state.digests, current)
    if changes.share > INCREMENTAL_LIMIT:
        return Plan(f"{changes.describe()} : au-delà de {INCREMENTAL_LIMIT:.0%}", changes=changes)
    return Plan("", state, changes, current)


def current_engine(root: Path) -> str | None:
    """The engine of the current index, or None when there is none (or it cannot be read)."""
    target = current_target(root)
    try:
        return IndexMeta.read(root / target).engine if target is not None else None
    except StaleIndexError:
        return None


def refresh_index(
    store: Store,
    root: Path,
    *,
    engine: str | None = None,
    full: bool = False,
    allow_full: bool = True,
    processes: int | None = None,
    progress: bool = True,
    say: Callable[[str], None] = print,
) -> UpdateReport:
    """Bring the index of `root` up to date with `store`: incrementally when it can, else a full build
    (none when `allow_full` is False: the report then says why in `reason`). The engine is the one asked
    for, else `$LEXSEARCH_ENGINE`, else the current index's, else Whoosh."""
    from indexer.tantivy_update import apply_update

    engine = build_engine(engine, current=current_engine(root))
    reason = "reconstruction demandée (--full)"
    if not full:
        with build_lock(root):
            if progress:
                say("Comparaison des versions indexées avec celles de la base…")
            started = time.perf_counter()
            plan = plan_update(store, root, engine)
            compared = ("comparison", time.perf_counter() - started)
            reason = plan.reason
            if plan.state is not None and plan.changes is not None and plan.store_digests is not None:
                if plan.changes.count == 0 and plan.state.meta.store_digest == store.version_stamp():
                    say(f"Index à jour : aucune version changée ({plan.state.meta.documents} indexées).")
                    return UpdateReport(plan.changes)
                say(f"Mise à jour incrémentale de l'index : {plan.changes.describe()}.")
                report = apply_update(store, root, plan, processes=processes, progress=progress)
                return replace(
                    report, seconds=report.seconds + compared[1], phases=(compared, *report.phases)
                )
    if not allow_full:
        return UpdateReport(None, reason=reason)
    say(f"Reconstruction complète de l'index ({engine}) : {reason}.")
    report = build_index(store, root, processes=processes, progress=progress, engine=engine)
    return UpdateReport(None, build=report, directory=report.directory, documents=report.documents)
