"""Source detection and ingest into the store, plus the default store built from the committed artifact.

Every source of one `ingest` call is written in a single transaction: bad input anywhere leaves the store
as it was. Légifrance snapshots given together are merged into one history per code first. A code the
store already holds from another source is merged with it (`corpus.merge`: one history per article);
from the same source, it is replaced. Each code keeps each source's span of days and its anomalies.
"""

from __future__ import annotations

import inspect
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from corpus import allcodes, archeolex, artifact, capture, capture_merge, gitrepo, legifrance
from corpus.anomalies import Anomaly, AnomalyKind
from corpus.errors import SourceError
from corpus.gitlog import is_url
from corpus.merge import (
    CodeSource,
    MergeCounts,
    SourceSpan,
    coverage_gaps,
    estimate_span,
    is_precise,
    merge_code,
)
from corpus.model import Article, Code
from corpus.settings import DEFAULT_ARTIFACT, store_path
from corpus.store import CodeSummary, Store
from corpus.store_history import anomalies as stored_anomalies
from corpus.store_history import write_extras

# Git-based adapters by kind, tried in this order after the artifact and Légifrance checks (an Archéo
# Lex repository is also a git repository, so it is asked first; the all-codes export before the generic
# one). Imported plainly: a broken adapter must fail loudly, not pass for an "unknown source kind".
GIT_ADAPTERS = {"corpus.archeolex": archeolex, "corpus.allcodes": allcodes, "corpus.gitrepo": gitrepo}
SOURCE_KINDS = (
    "un artefact .jsonl.gz, un snapshot JSON Légifrance ou un paquet npm .tgz, un dépôt git ou un .bundle, "
    "un répertoire de fichiers d'articles (avec --captured)"
)


def is_artifact(path: Path) -> bool:
    return path.is_file() and path.name.endswith((".jsonl.gz", ".jsonl"))


def detect(path: Path | str) -> str:
    """The kind of one source: "artifact", "legifrance" or the module name of the git adapter."""
    if is_url(path):
        if allcodes.accepts(path):
            return "corpus.allcodes"
        raise SourceError(str(path), "URL git qui n'est pas un export de codes (`<Code>/…/Article <num>.md`)")
    path = Path(path)
    if not path.exists():
        raise SourceError(str(path), "fichier ou répertoire introuvable")
    if is_artifact(path):
        return "artifact"
    if legifrance.accepts(path):
        return "legifrance"
    if capture.accepts(path):
        return "capture"
    for name, adapter in GIT_ADAPTERS.items():
        if adapter.accepts(path):
            return name
    if path.suffix == ".bundle" or (path / ".git").exists() or (path / "HEAD").is_file():
        raise SourceError(
            str(path),
            "dépôt git qui n'est pas un dépôt de codes (ni fichiers d'articles, ni fichier de code Archéo Lex)",
        )
    raise SourceError(str(path), f"type de source inconnu (attendu : {SOURCE_KINDS})")


def artifact_codes(path: Path) -> Iterator[tuple[Code, Iterable[Article]]]:
    """Stream an artifact code by code (its lines are grouped by code)."""
    done: set[str] = set()
    for code_id, articles in itertools.groupby(artifact.iter_articles(path), key=lambda a: a.code.code_id):
        if code_id in done:
            raise SourceError(str(path), f"les articles de {code_id} ne sont pas regroupés")
        done.add(code_id)
        first = next(articles)
        yield first.code, itertools.chain([first], articles)  # noqa: B031 (same group, consumed once)


def read_sources(
    paths: Iterable[Path | str], *, progress: bool = False
) -> Iterator[tuple[Code, Iterable[Article]]]:
    """Every code of every source; kinds are detected for all paths before anything is read."""
    paths = [path if is_url(path) else Path(path) for path in paths]
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


@dataclass(frozen=True)
class SourceCode:
    """One code as one source gives it, with that source's span of days and anomalies."""

    code: Code
    articles: list[Article]
    source: str
    span: SourceSpan
    anomalies: tuple[Anomaly, ...] = ()
    tree: capture.CapturedTree | None = None  # a captured tree, laid over the code's history when written


@dataclass(frozen=True)
class CodeIngest:
    """What an ingest did to one code: replaced it, or merged it with what the store held."""

    code: Code
    sources: tuple[str, ...]
    merged: MergeCounts | None  # None: the code was new, or came from the same source again
    gaps: tuple[str, ...]  # French labels of the days no source covers


def source_label(path: Path | str) -> str:
    return str(path) if is_url(path) else str(Path(path).resolve())


def _once(code: Code, seen: set[str]) -> None:
    if code.code_id in seen:
        raise SourceError(
            code.code_id,
            "donné deux fois dans un même ajout (pour fusionner des snapshots, passez-les ensemble)",
        )
    seen.add(code.code_id)


def source_codes(
    paths: list[Path | str],
    *,
    progress: bool = False,
    captured: capture.Capture | None = None,
    code_title: str | None = None,
) -> Iterator[SourceCode]:
    """Every code of every source (only the code titled `code_title` when given), one at a time, each
    with its span and anomalies; captured trees last, so that a history given in the same call is in the
    store before they are laid over it."""
    kinds = [(path, detect(path)) for path in paths]
    trees = _captured_trees(kinds, captured, code_title)
    only = capture.code_named(code_title).code_id if code_title else None
    seen: set[str] = set()

    def wanted(code: Code) -> bool:
        """Checked before a code's articles are read: a code given twice fails first."""
        if only is not None and code.code_id != only:
            return False
        _once(code, seen)
        return True

    yield from _dated_source_codes(kinds, progress, wanted)
    if only is not None and only not in seen and not trees:
        raise SourceError(
            " ".join(str(path) for path in paths), f"aucun article du {code_title} dans ces sources"
        )
    captured_codes: set[str] = set()
    for path, code in trees:
        _once(code, captured_codes)
        label = source_label(path)
        tree = capture.CapturedTree(captured, tuple(capture.read_tree(path)))  # type: ignore[arg-type]
        yield SourceCode(code, [], label, SourceSpan(label, captured.day, captured.day), tree=tree)


def _dated_source_codes(
    kinds: list[tuple[Path | str, str]], progress: bool, wanted: Callable[[Code], bool]
) -> Iterator[SourceCode]:
    """The `wanted` codes of every source but captured trees, Légifrance snapshots merged together last."""
    for path, kind in kinds:
        label = source_label(path)
        if kind == "corpus.allcodes":
            for history in allcodes.histories(path, progress=progress):
                if not wanted(history.code):
                    continue
                span = SourceSpan(label, history.covered_from, history.covered_to)
                yield SourceCode(history.code, history.articles, label, span, tuple(history.anomalies))
            continue
        if kind in ("legifrance", "capture"):
            continue
        for code, articles in read_sources([path], progress=progress):
            if not wanted(code):
                continue
            listed = list(articles)
            yield SourceCode(code, listed, label, estimate_span(label, listed))
    snapshots = [path for path, kind in kinds if kind == "legifrance"]
    if snapshots:
        label = " ".join(sorted(source_label(path) for path in snapshots))
        for code, articles in read_sources(snapshots, progress=progress):
            if not wanted(code):
                continue
            listed = list(articles)
            yield SourceCode(code, listed, label, estimate_span(label, listed))


def _captured_trees(
    kinds: list[tuple[Path | str, str]], captured: capture.Capture | None, code_title: str | None
) -> list[tuple[Path, Code]]:
    """The captured trees among the sources with their codes; an undated tree, or a date without a tree,
    is refused before anything is read."""
    trees = [
        (Path(path), capture.code_for(Path(path), code_title)) for path, kind in kinds if kind == "capture"
    ]
    if trees and captured is None:
        raise SourceError(
            str(trees[0][0]),
            "répertoire d'articles sans dates : indiquez sa date avec --captured AAAA-MM[-JJ]",
        )
    if captured is not None and not trees:
        raise SourceError("--captured", "ne s'applique qu'à un répertoire de fichiers d'articles")
    return trees


def _captured_with_store(
    store: Store, item: SourceCode, tree: capture.CapturedTree
) -> tuple[list[Article], CodeIngest, tuple]:
    """A captured tree laid over the store's history of its code (`corpus.capture.merge`), the history
    known up to the last day its other sources cover; the capture adds its own one-day span."""
    existing = store.code(item.code.code_id)
    code = existing or item.code
    others = tuple(s for s in (store.coverage(code.code_id) if existing else ()) if s.source != item.source)
    history = store.code_history(existing) if existing else []
    ends = [span.covered_to for span in others if span.covered_to is not None]
    articles = capture_merge.merge(code, history, list(tree.articles), tree.capture, max(ends, default=None))
    spans = (*others, item.span)
    kept = stored_anomalies(store.connection, code.code_id) if existing else []
    found = [(source, anomaly) for source, anomaly in kept if source != item.source]
    gaps = tuple(gap.label for gap in coverage_gaps(spans))
    return articles, CodeIngest(code, tuple(s.source for s in spans), None, gaps), (spans, found)


def _with_store(store: Store, item: SourceCode) -> tuple[list[Article], CodeIngest, tuple]:
    """The articles to write for `item`, merged with the store's history of its code when that came from
    another source; the ingest's account; the (spans, anomalies) to write with it."""
    if item.tree is not None:
        return _captured_with_store(store, item, item.tree)
    code_id = item.code.code_id
    existing = store.code(code_id)
    own = [(item.source, found) for found in item.anomalies]
    spans = store.coverage(code_id) if existing else ()
    if existing is None or {span.source for span in spans} == {item.source}:
        return item.articles, CodeIngest(item.code, (item.source,), None, ()), ((item.span,), own)
    before = store.code_history(existing)
    if not spans:  # stored before spans were kept: estimated from its versions
        row = store.connection.execute("SELECT source FROM codes WHERE code_id = ?", (code_id,)).fetchone()
        spans = (estimate_span(row["source"] or "?", before),)
        if spans[0].source == item.source:
            return item.articles, CodeIngest(item.code, (item.source,), None, ()), ((item.span,), own)
    merged = merge_code(
        CodeSource(existing, before, spans, is_precise(before)),
        CodeSource(item.code, item.articles, (item.span,), is_precise(item.articles)),
    )
    kept = [  # an article ended by an earlier merge stays ended: its anomaly stays too
        (source, found)
        for source, found in stored_anomalies(store.connection, code_id)
        if source != item.source or found.kind is AnomalyKind.ENDED_UNSEEN
    ]
    found = kept + own + [(item.source, anomaly) for anomaly in merged.anomalies]
    sources = tuple(span.source for span in merged.spans)
    report = CodeIngest(merged.code, sources, merged.counts, tuple(gap.label for gap in merged.gaps))
    return merged.articles, report, (merged.spans, found)


def ingest_sources(
    store: Store,
    paths: Iterable[Path | str],
    *,
    progress: bool = True,
    captured: capture.Capture | None = None,
    code_title: str | None = None,
) -> list[CodeIngest]:
    """Read `paths` and replace or merge each of their codes in `store`, all in one transaction. A
    captured tree (`captured` says when) is laid over its code's history (`code_title`, else as the tree
    says), including a history given in the same call."""
    paths = [path if is_url(path) else Path(path) for path in paths]
    if not paths:
        raise SourceError("corpus add", "aucune source donnée")
    reports: dict[str, CodeIngest] = {}
    extras: dict[str, tuple] = {}

    def tracked() -> Iterator[tuple[Code, Iterable[Article]]]:
        items = source_codes(paths, progress=progress, captured=captured, code_title=code_title)
        for item in items:
            if item.code.code_id in reports and item.tree is None:
                raise SourceError(
                    item.code.code_id,
                    "donné deux fois dans un même ajout (pour fusionner des snapshots, passez-les ensemble)",
                )
            articles, reports[item.code.code_id], extras[item.code.code_id] = _with_store(store, item)
            code = reports[item.code.code_id].code
            yield (
                code,
                tqdm(articles, desc=code.title, unit=" articles", file=sys.stderr, disable=not progress),
            )

    def after_code(connection, code: Code) -> None:
        spans, found = extras.pop(code.code_id)
        write_extras(connection, code.code_id, spans, found)
        label = " + ".join(reports[code.code_id].sources)
        connection.execute("UPDATE codes SET source = ? WHERE code_id = ?", (label, code.code_id))

    store.replace_codes(tracked(), after_code=after_code)
    return list(reports.values())


def ingest(
    store: Store,
    paths: Iterable[Path | str],
    *,
    progress: bool = True,
    captured: capture.Capture | None = None,
    code_title: str | None = None,
) -> list[CodeSummary]:
    """Read `paths` and replace (or merge) each of their codes in `store`; their summaries."""
    reports = ingest_sources(store, paths, progress=progress, captured=captured, code_title=code_title)
    codes = {report.code.code_id for report in reports}
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
    print(
        f"lexsearch: construction de la base du corpus {path} à partir de {DEFAULT_ARTIFACT.name}",
        file=sys.stderr,
    )
    return build_store(path, [DEFAULT_ARTIFACT], progress=progress)


def rebuild_default_store(path: Path | None = None, *, progress: bool = True) -> Store:
    """Replace the store by one built from the committed artifact (after an upgrade or damage)."""
    return build_store(Path(path) if path else store_path(), [DEFAULT_ARTIFACT], progress=progress)
