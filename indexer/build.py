"""Build the Whoosh index from the store: one document per article version that has text.

Analysis (lemmas, surface forms, citations) is the costly part and runs in a pool of worker processes;
the main process feeds the pre-analyzed token streams to a single Whoosh writer (one segment, the fastest
to search). Everything goes into a fresh directory that becomes `current` only once complete.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from analyzers.french import lemma_analyzer, surface_analyzer
from analyzers.lemmas import LEMMATIZER
from corpus.model import ChangeRole, Version
from corpus.settings import index_path
from corpus.store import CitationRow, Store
from indexer.citation_graph import CitationGraph, citation_rows
from indexer.doc_table import write_doc_table
from indexer.engines import TANTIVY, WHOOSH, build_engine
from indexer.errors import IndexBuildError
from indexer.fingerprint import analyzers_fingerprint, source_stamp
from indexer.lemma_table import write_lemma_table
from indexer.location import (
    build_lock,
    current_target,
    new_build_directory,
    remove_old_builds,
    switch_to,
)
from indexer.schema import (
    INDEX_SCHEMA_VERSION,
    IndexMeta,
    build_schema,
    date_value,
    dating_value,
    join_tokens,
    number_token,
)

# Each worker's Whoosh posting pool: large enough that the default corpus never spills to disk.
WRITER_MB = 384


@dataclass(frozen=True)
class BuildReport:
    directory: Path
    documents: int
    citations: int
    seconds: float
    analysis_processes: int


@dataclass(frozen=True)
class _Job:
    version_id: str
    text: str
    section_text: str
    code_title: str | None


@dataclass(frozen=True)
class _Analyzed:
    version_id: str
    lemmas: str
    surface: str
    section: str
    citations: list[CitationRow]


# Worker state: set in the parent before the pool forks, or lazily in-process.
_STATE: dict[str, object] = {}


def _init_state(known_articles: frozenset[str]) -> None:
    _STATE["lemma"] = lemma_analyzer()
    _STATE["surface"] = surface_analyzer()
    _STATE["known"] = known_articles


def _tokens(analyzer: object, text: str) -> str:
    return join_tokens(token.text for token in analyzer(text))  # type: ignore[operator]


def _analyze(job: _Job) -> _Analyzed:
    lemma, surface, known = _STATE["lemma"], _STATE["surface"], _STATE["known"]
    return _Analyzed(
        job.version_id,
        _tokens(lemma, job.text),
        _tokens(surface, job.text),
        _tokens(lemma, job.section_text),
        citation_rows(job.version_id, job.text, job.code_title, known),  # type: ignore[arg-type]
    )


def _amending(version: Version) -> tuple[str, str]:
    for amendment in version.amendments:
        if amendment.role is ChangeRole.CREATED:
            return amendment.text.text_id, amendment.text.title
    return "", ""


def _document(version: Version, result: _Analyzed, article: tuple[str, str, str]) -> dict[str, object]:
    code_id, key, _ = article
    amending_id, amending_title = _amending(version)
    path = version.section_path
    return {
        "version_id": version.version_id,
        "article_id": version.article_id,
        "article_key": key,
        "code_id": code_id,
        "number": version.number,
        "num": number_token(key.split(":", 1)[1]),
        "section": result.section,
        "text": result.lemmas,
        "surface": result.surface,
        "cites": ",".join(sorted({row.target_key for row in result.citations})),
        "valid_from": date_value(version.valid_from, end=False),
        "valid_to": date_value(version.valid_to, end=True),
        "status": version.status.value,
        "amending_text_id": amending_id,
        "amending_title": amending_title,
        "section_path": path,
        "partie": path[1] if len(path) > 1 else "",
        "livre": path[2] if len(path) > 2 else "",
        "dating": dating_value(version.start_uncertain, version.end_uncertain),
    }


def _die_with_parent(parent_pid: int) -> None:
    """Pool initializer: a worker would outlive a SIGKILLed build otherwise, writing for nothing."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def _write_part(task: tuple[int, Path]) -> tuple[object, list[CitationRow], int, dict[str, str]]:
    """In a worker: analyze every `parts`-th version and write them as one Whoosh segment of the index;
    also returns the forms → lemmas the worker computed (the index's lemma table)."""
    from whoosh import index as whoosh_index
    from whoosh.writing import SegmentWriter

    part, directory = task
    parts, versions, articles, counter = (
        _STATE["parts"],
        _STATE["versions"],
        _STATE["articles"],
        _STATE["counter"],
    )
    _init_state(_STATE["known"])  # type: ignore[arg-type]
    ix = whoosh_index.open_dir(str(directory))
    writer = SegmentWriter(ix, _lk=False, limitmb=WRITER_MB)
    rows: list[CitationRow] = []
    count = 0
    try:
        for version in versions[part::parts]:  # type: ignore[index]
            article = articles[version.article_id]  # type: ignore[index]
            result = _analyze(
                _Job(version.version_id, version.text or "", "\n".join(version.section_path), article[2])
            )
            writer.add_document(**_document(version, result, article))
            rows.extend(result.citations)
            count += 1
            if count % 50 == 0:
                with counter.get_lock():  # type: ignore[attr-defined]
                    counter.value += 50  # type: ignore[attr-defined]
        segment = writer._finalize_segment()
    except BaseException:
        writer.cancel()
        raise
    return segment, rows, count, LEMMATIZER.known()


def _write_parts(
    pool: object, directory: Path, processes: int, total: int, counter: object, progress: bool
) -> list[tuple[object, list[CitationRow], int, dict[str, str]]]:
    """Every worker's (segment, citation rows, count, lemma table), with a progress bar fed by the shared
    counter."""
    from tqdm import tqdm

    bar = tqdm(total=total, desc="index", unit="version", file=sys.stderr, disable=not progress)
    try:
        if pool is None:
            parts = [_write_part((0, directory))]
        else:
            pending = pool.map_async(_write_part, [(part, directory) for part in range(processes)])  # type: ignore[attr-defined]
            while not pending.ready():
                pending.wait(0.25)
                bar.update(counter.value - bar.n)  # type: ignore[attr-defined]
            parts = pending.get()
        bar.update(total - bar.n)
    finally:
        bar.close()
    return parts


def _commit_segments(ix: object, segments: list[object]) -> None:
    """Commit the table of contents listing the workers' segments.

    Why Whoosh's private writer calls (`_finalize_segment`, `_commit_toc`…) rather than its public
    multi-segment writer, `ix.writer(procs=2, multisegment=True)` (MpWriter), which makes the very same
    calls inside: measured on the default corpus, MpWriter fed by our analysis pool built in 95.7 s
    against 95.4 s for this code (load 7–10 on the shared 2 cores: no difference), but
    (`scripts/measure_segment_writers.py time` and `… kill` print these again)
    - its sub-processes are forked once the build lock is held and block forever on their job queue
      when the build is killed: after a SIGKILL, they kept the lock's file description and the next
      `lexsearch index` was refused ("another `lexsearch index` is running") until they were killed by
      hand; our workers fork before the lock is taken and die with their parent (`_die_with_parent`);
    - a sub-process that crashes loses its segment silently (MpWriter reads the results with
      `get(timeout=1)` and ignores an empty queue), where `pool.map_async` re-raises here.
    """
    from whoosh.writing import SegmentWriter

    writer = SegmentWriter(ix)
    writer._close_segment()
    writer._commit_toc(segments)
    writer._finish()


def write_meta(directory: Path, store: Store, documents: int, engine: str = WHOOSH) -> None:
    """The index's meta file, for either engine: what it was built from (the store's stamp, the
    analyzers, the engine) and when."""
    IndexMeta(
        schema_version=INDEX_SCHEMA_VERSION,
        documents=documents,
        built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        store_digest=store.version_stamp(),
        analyzers=analyzers_fingerprint(),
        engine=engine,
        analyzer_sources=source_stamp(),
    ).write(directory)


def build_index(
    store: Store,
    root: Path | None = None,
    *,
    processes: int | None = None,
    progress: bool = True,
    engine: str | None = None,
) -> BuildReport:
    """Build a complete index of `store` under `root` with `engine` (`indexer.engines.build_engine`)
    and make it current; returns what was done. tantivy builds are in `indexer.tantivy_index`.

    Each of `processes` workers analyzes and writes its share of the versions as its own segment (both
    the analysis and Whoosh's posting sort are CPU-bound, so this keeps both cores busy end to end); the
    parent then commits the table of contents listing every segment.
    """
    if build_engine(engine) == TANTIVY:
        from indexer.tantivy_index import build_tantivy_index

        return build_tantivy_index(store, root or index_path(), processes=processes, progress=progress)
    from whoosh import index as whoosh_index

    root = root or index_path()
    processes = max(1, processes or min(2, os.cpu_count() or 1))
    started = time.perf_counter()
    articles = store.indexed_articles()
    versions = list(store.iter_versions(with_text=True))
    if not versions:
        raise IndexBuildError(f"{store.path}: la base ne contient aucune version avec texte ; rien à indexer")
    context = multiprocessing.get_context("fork")
    counter = context.Value("i", 0)
    known = frozenset(key for _, key, _ in articles.values())
    _STATE.update(parts=processes, versions=versions, articles=articles, counter=counter, known=known)
    # Workers fork before the build lock is taken, so none of them ever holds a copy of it.
    pool = context.Pool(processes, _die_with_parent, (os.getpid(),)) if processes > 1 else None
    try:
        with build_lock(root):
            previous = current_target(root)
            directory = new_build_directory(root)
            ix = whoosh_index.create_in(str(directory), build_schema())
            parts = _write_parts(pool, directory, processes, len(versions), counter, progress)
            rows = [row for _, part_rows, _, _ in parts for row in part_rows]
            count = sum(part_count for _, _, part_count, _ in parts)
            _commit_segments(ix, [segment for segment, _, _, _ in parts])
            write_lemma_table(
                directory, {form: lemma for *_, table in parts for form, lemma in table.items()}
            )
            write_doc_table(directory, whoosh_index.open_dir(str(directory)))
            store.replace_citations(rows)
            CitationGraph.load(store).write(directory)
            write_meta(directory, store, count)
            switch_to(root, directory)
            remove_old_builds(root, keep_previous=previous)
    finally:
        _STATE.clear()
        if pool is not None:
            pool.terminate()
            pool.join()
    return BuildReport(directory, count, len(rows), time.perf_counter() - started, processes)
