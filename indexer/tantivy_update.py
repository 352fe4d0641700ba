"""An incremental update of a tantivy index: only the changed versions are analyzed and written.

The new build directory shares the current one's segment files (hard links: tantivy never rewrites a
segment file; its meta files are copied, since tantivy replaces them), deletes the documents of removed
and changed versions by their document number and adds the new ones, then rewrites the side tables from
the current ones: rows, version digests, lemma table, and the article frequencies corrected for the
articles that changed. It becomes `current` like a full build; until then readers keep the old directory,
and a failure leaves it current (the new directory is removed).

Document numbers stay 0..N-1, as the search view expects (`docnum` gives the row of each document): a
new or changed version takes a number freed by a removed or changed one, or a new number past the end;
when the index shrinks, the last documents move into the freed numbers below the new end (analyzed again,
their content unchanged). So the numbering differs from a full build's, which follows the store's order;
scores do not depend on it (frequencies, lengths and averages are the same), only the order in which
equal-scored versions are met.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sys
import time
from dataclasses import dataclass, replace
from multiprocessing.pool import Pool
from pathlib import Path

import tantivy

from analyzers.lemmas import LEMMATIZER
from corpus.model import Version
from corpus.store import CitationRow, Store
from indexer import build as whoosh_build
from indexer import tantivy_index
from indexer.citation_graph import CitationGraph, citation_rows
from indexer.engines import TANTIVY
from indexer.errors import IndexBuildError
from indexer.incremental import TANTIVY_FILE, TANTIVY_META, IndexedState, Plan, UpdateReport
from indexer.lemma_table import read_lemma_table, write_lemma_table
from indexer.location import current_target, new_build_directory, remove_old_builds, switch_to
from indexer.version_digests import write_digests

POOL_FROM = 1000  # versions to analyze from which a second process is worth its start


@dataclass(frozen=True)
class Slots:
    """Which versions are (re)written at which document numbers, and which old numbers are deleted."""

    version_ids: tuple[str, ...]  # versions to analyze and add
    docnums: tuple[int, ...]  # the number each one gets
    deleted: tuple[int, ...]  # old documents deleted (removed, changed, and moved ones)
    documents: int  # documents once updated


def assign_slots(
    state: IndexedState, removed: tuple[str, ...], changed: tuple[str, ...], added: tuple[str, ...]
) -> Slots:
    """Numbers for the changed and added versions such that the documents stay numbered 0..N-1."""
    position = {version_id: docnum for docnum, version_id in enumerate(state.version_ids)}
    old = len(state.version_ids)
    size = old - len(removed) + len(added)
    freed = {position[v] for v in (*removed, *changed)}
    moved = [d for d in range(size, old) if d not in freed]  # kept documents past the new end
    kept_place = [v for v in changed if position[v] < size]  # a changed version keeps its number
    taken = {position[v] for v in kept_place}
    holes = sorted(d for d in freed if d < size and d not in taken) + list(range(old, size))
    others = [v for v in changed if position[v] >= size] + list(added)
    others += [state.version_ids[d] for d in moved]
    if len(holes) != len(others):
        raise IndexBuildError(f"{state.directory}: {len(holes)} numéros libres pour {len(others)} versions")
    return Slots(
        tuple(kept_place + others),
        tuple([position[v] for v in kept_place] + holes),
        tuple(sorted(freed | set(moved))),
        size,
    )


def _link_segments(source: Path, target: Path) -> None:
    """The current build's tantivy files in `target`: segment files linked, meta files copied."""
    for path in source.iterdir():
        if TANTIVY_FILE.fullmatch(path.name):
            os.link(path, target / path.name)
        elif path.name in TANTIVY_META:
            shutil.copy2(path, target / path.name)


def _analyze(versions: list[Version], pool: object, progress: bool) -> tuple[list, dict[str, str]]:
    """(document fields, citations) of each version, in order, and the forms lemmatized meanwhile."""
    from tqdm import tqdm

    results: list[tuple[dict[str, object], list[CitationRow]]] = []
    learned: dict[str, str] = {}
    bar = tqdm(total=len(versions), desc="mise à jour", unit="version", file=sys.stderr, disable=not progress)
    with bar:
        for chunk, forms in tantivy_index._analyzed(pool, len(versions)):  # type: ignore[arg-type]
            results.extend(chunk)
            learned.update(forms)
            bar.update(len(chunk))
    return results, learned


def _stored(directory: Path, docnums: list[int]) -> dict[int, dict[str, str]]:
    """The analyzed streams these documents of the current index store (`tantivy_index.TOKEN_FIELDS`)."""
    if not docnums:
        return {}
    index = tantivy_index.open_tantivy(directory)
    searcher = index.searcher()
    query = tantivy.Query.term_set_query(index.schema, "docnum", docnums)
    hits = searcher.search(query, len(docnums)).hits
    addresses = [address for _, address in hits]
    found = {}
    for docnum, address in zip(searcher.fast_field_values("docnum", addresses), addresses, strict=True):
        document = searcher.doc(address)
        found[docnum] = {name: document.get_first(name) or "" for name in tantivy_index.TOKEN_FIELDS}
    return found


def updated_frequencies(
    state: IndexedState, slots: Slots, results: list[tuple[dict[str, object], list[CitationRow]]]
) -> dict[str, int]:
    """The article frequency of each lemma once updated: the current table, corrected for the articles
    that have a deleted or a new version (their lemmas before and after)."""
    deleted = set(slots.deleted)
    new_docs = [
        (str(f["article_key"]), tantivy_index.version_lemmas(str(f["text"]), str(f["section"])))
        for f, _ in results
    ]
    affected = {state.article_keys[d] for d in deleted} | {key for key, _ in new_docs}
    old_docs = [d for d, key in enumerate(state.article_keys) if key in affected]
    streams = {
        docnum: tantivy_index.version_lemmas(fields["text"], fields["section"])
        for docnum, fields in _stored(state.directory, old_docs).items()
    }
    before: dict[str, set[str]] = {key: set() for key in affected}
    after: dict[str, set[str]] = {key: set() for key in affected}
    for docnum in old_docs:
        key = state.article_keys[docnum]
        before[key] |= streams[docnum]
        if docnum not in deleted:
            after[key] |= streams[docnum]
    for key, lemmas in new_docs:
        after[key] |= lemmas
    counts = tantivy_index.read_frequencies(state.directory)
    for key in affected:
        for lemma in after[key] - before[key]:
            counts[lemma] = counts.get(lemma, 0) + 1
        for lemma in before[key] - after[key]:
            counts[lemma] -= 1
            if not counts[lemma]:
                del counts[lemma]
    return counts


def _write_index(directory: Path, slots: Slots, versions: list[Version], results: list) -> None:
    """Delete the freed documents from the linked segments and add the new ones, in one commit."""
    index = tantivy_index.open_tantivy(directory)
    writer = index.writer(heap_size=tantivy_index.WRITER_HEAP, num_threads=1)
    if slots.deleted:  # by query: a u64 term given to `delete_documents_by_term` matches nothing
        writer.delete_documents_by_query(tantivy.Query.term_set_query(index.schema, "docnum", slots.deleted))
    for docnum, version, (fields, _) in zip(slots.docnums, versions, results, strict=True):
        writer.add_document(tantivy_index._document(docnum, version, fields))
    writer.commit()
    writer.wait_merging_threads()


def _write_side_tables(
    directory: Path, plan: Plan, slots: Slots, results: list, learned: dict[str, str]
) -> None:
    state, digests = plan.state, plan.store_digests
    assert state is not None and digests is not None
    lines = list(state.lines[: slots.documents]) + [""] * max(0, slots.documents - len(state.lines))
    entries = list(zip(state.version_ids, state.article_keys, state.digests, state.text_digests, strict=True))
    entries = entries[: slots.documents] + [("", "", b"", b"")] * max(0, slots.documents - len(entries))
    for docnum, version_id, (fields, _) in zip(slots.docnums, slots.version_ids, results, strict=True):
        lines[docnum] = tantivy_index.row_line(fields)
        entries[docnum] = (version_id, str(fields["article_key"]), *digests[version_id])
    with gzip.open(directory / tantivy_index.ROWS_FILE, "wt", encoding="utf-8", compresslevel=1) as table:
        table.writelines(lines)
    write_digests(directory, entries)
    write_lemma_table(directory, {**read_lemma_table(state.directory), **learned})
    (directory / tantivy_index.FREQUENCIES_FILE).write_text(
        json.dumps(updated_frequencies(state, slots, results), separators=(",", ":")), encoding="utf-8"
    )


def _same_text(plan: Plan, version_ids: tuple[str, ...]) -> dict[str, int]:
    """Versions to write whose text (and code title) the current index already analyzed: their document
    number there. Only their section stream is analyzed again; their citations stay in the store."""
    state, digests = plan.state, plan.store_digests
    assert state is not None and digests is not None
    wanted = set(version_ids)
    return {
        version_id: docnum
        for docnum, (version_id, text) in enumerate(zip(state.version_ids, state.text_digests, strict=True))
        if version_id in wanted and digests[version_id][1] == text
    }


def _reuse_streams(
    directory: Path, same: dict[str, int], versions: list[Version], results: list
) -> list[tuple[dict[str, object], list[CitationRow]]]:
    """The results with the current index's text and surface streams for the versions in `same`."""
    stored = _stored(directory, list(same.values()))
    merged = []
    for version, (fields, citations) in zip(versions, results, strict=True):
        if version.version_id in same:
            streams = stored[same[version.version_id]]
            fields = {**fields, "text": streams["text"], "surface": streams["surface"]}
            citations = []
        merged.append((fields, citations))
    return merged


def _recited(
    store: Store, plan: Plan, articles: dict[str, tuple[str, str, str]], known: frozenset[str], skip: set[str]
) -> tuple[list[str], list[CitationRow]]:
    """Unchanged versions citing an article that no longer exists, and their citations found again: the
    articles known are what fits a number to its code and expands ranges, so these may resolve otherwise
    (as a full build would find them)."""
    assert plan.state is not None
    gone = set(plan.state.article_keys) - known
    citing = {v for key in sorted(gone) for v in store.citing_versions(key)} - skip
    versions = store.versions_by_ids(sorted(citing))
    rows = [
        row
        for version in versions
        for row in citation_rows(
            version.version_id, version.text or "", articles[version.article_id][2], known
        )
    ]
    return [version.version_id for version in versions], rows


def _replace_citations(
    store: Store,
    plan: Plan,
    same: dict[str, int],
    results: list,
    articles: dict[str, tuple[str, str, str]],
    known: frozenset[str],
) -> int:
    """The store's citations of the removed and re-read versions (and of the texts citing a removed
    article) replaced by those just found; the number written."""
    assert plan.changes is not None
    removed = plan.changes.removed
    reread = [v for v in (*plan.changes.changed, *plan.changes.added) if v not in same]
    rows = [row for _, citations in results for row in citations]
    recited, more = _recited(store, plan, articles, known, {*removed, *reread})
    return store.replace_version_citations([*removed, *reread, *recited], rows + more)


def _versions(store: Store, version_ids: tuple[str, ...]) -> list[Version]:
    found = {version.version_id: version for version in store.versions_by_ids(version_ids)}
    missing = [v for v in version_ids if v not in found]
    if missing:
        raise IndexBuildError(
            f"{store.path}: la version {missing[0]} a disparu pendant la mise à jour ; relancez `lexsearch index`"
        )
    return [found[v] for v in version_ids]


def _analysis_pool(processes: int | None, texts: int) -> Pool | None:
    """Worker processes for the analysis when there are enough texts to analyze."""
    processes = max(1, processes or min(2, os.cpu_count() or 1))
    return tantivy_index.analysis_pool(processes if texts >= POOL_FROM else 1)


def apply_update(
    store: Store, root: Path, plan: Plan, *, processes: int | None = None, progress: bool = True
) -> UpdateReport:
    """Make the planned update into a new build directory and switch to it (build lock held)."""
    assert plan.state is not None and plan.changes is not None
    started = time.perf_counter()
    laps: list[tuple[str, float]] = []  # (step, seconds)

    def lap(name: str) -> None:
        laps.append((name, time.perf_counter() - started - sum(seconds for _, seconds in laps)))

    changes = plan.changes
    slots = assign_slots(plan.state, changes.removed, changes.changed, changes.added)
    versions = _versions(store, slots.version_ids)
    same = _same_text(plan, slots.version_ids)
    analyzed = [replace(v, text="") if v.version_id in same else v for v in versions]
    LEMMATIZER.learn(read_lemma_table(plan.state.directory))  # known forms never load spaCy
    articles = store.indexed_articles()
    known = frozenset(key for _, key, _ in articles.values())
    whoosh_build._STATE.update(versions=analyzed, articles=articles, known=known)
    pool = _analysis_pool(processes, len(analyzed) - len(same))
    previous = current_target(root)
    directory = new_build_directory(root)
    try:
        _link_segments(plan.state.directory, directory)
        lap("preparation")
        results, learned = _analyze(analyzed, pool, progress)
        results = _reuse_streams(plan.state.directory, same, versions, results)
        lap("analysis")
        _write_index(directory, slots, versions, results)
        lap("tantivy")
        _write_side_tables(directory, plan, slots, results, learned)
        lap("side_tables")
        written = _replace_citations(store, plan, same, results, articles, known)
        CitationGraph.load(store).write(directory)
        whoosh_build.write_meta(directory, store, slots.documents, TANTIVY)
        switch_to(root, directory)
        lap("citations_and_switch")
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    finally:
        whoosh_build._STATE.clear()
        if pool is not None:
            pool.terminate()
            pool.join()
    remove_old_builds(root, keep_previous=previous)
    return UpdateReport(
        changes,
        directory=directory,
        documents=slots.documents,
        analyzed=len(versions) - len(same),
        citations=written,
        seconds=time.perf_counter() - started,
        phases=tuple(laps),
    )
