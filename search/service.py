"""The search service: one instance per process, shared by the CLI and the app, safe across threads.

It holds what is stateful, and only that: the store (one connection, behind a lock) and the current index
generation (opened once, building both from the embedded default corpus on first use, switched when
`lexsearch index` moves the index's `current` pointer, closed when its last search ends), with the
caches that go with it (code titles, the citation graph at a date). Searching itself is the stateless
pipeline of `search.pipeline`; the pages' store reads are relayed here under the lock.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from pathlib import Path

from analyzers.lemmas import LEMMATIZER
from corpus.merge import CoverageGap
from corpus.model import AmendingText, Article, Changeset, Code, Version, article_key
from corpus.settings import data_home
from corpus.store import Store
from corpus.store_summary import Coverage
from indexer.build import build_index
from indexer.citation_graph import CitationGraph, GraphAt
from indexer.engines import engine_setting
from indexer.errors import IndexMissingError, StaleIndexError
from indexer.lemma_table import read_lemma_table
from indexer.location import current_directory, current_target
from indexer.passage_vectors import seed_vectors, vectors_file
from indexer.schema import REBUILD_COMMAND
from search import headings, pipeline
from search.hits import citing_hits
from search.index_view import IndexView
from search.pipeline import SearchContext, VersionText
from search.ranking import RankingConfig
from search.read_cache import ReadCache
from search.results import Hit, SearchRequest, SearchResults, VersionRef
from search.scope import MAX_LIMIT, status_label
from search.semantic import QueryEncoding


@contextmanager
def bulk_loading() -> Iterator[None]:
    """Loading an index generation makes millions of small objects (rows, citation edges): the cyclic
    collector would walk them again and again while they are made, then at each full collection (seconds on
    all codes, in the middle of a search). None runs meanwhile; after, they are frozen out of every
    collection (they hold no cycles to free) — which also keeps forked workers sharing their pages."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


class SearchService:
    """Open with `SearchService.open()`; call `search(SearchRequest)` from any thread."""

    def __init__(self, home: Path, store: Store, ranking_config: RankingConfig) -> None:
        self.home = home
        self.store = store
        self.ranking = ranking_config
        self.index_root = home / "index"
        self._lock = threading.Lock()
        self._store_lock = threading.RLock()
        self._view: IndexView | None = None
        self._index_notice: str | None = None
        self._codes = {code.code_id: code.title for code in store.codes()}
        self._view, self._graph = self._open_generation()
        self._graph_at = lru_cache(maxsize=32)(self._graph.at)
        self._semantic = QueryEncoding(vectors_file(home))

    @classmethod
    def open(
        cls,
        home: Path | None = None,
        *,
        build_if_missing: bool = True,
        ranking_config: RankingConfig | None = None,
        progress: bool = True,
    ) -> SearchService:
        home = Path(home) if home is not None else data_home()
        store_file = home / "corpus.sqlite3"
        if build_if_missing:
            from corpus.ingest import ensure_default_store

            engine_setting()  # a wrong $LEXSEARCH_ENGINE is refused before minutes of building

            store = ensure_default_store(store_file, progress=progress)
        else:
            store = Store.open(store_file, create=False)
        if build_if_missing and current_target(home / "index") is None:
            if progress:
                print(
                    "lexsearch: construction de l'index de recherche (première utilisation)…", file=sys.stderr
                )
            build_index(store, home / "index", progress=progress)
        if build_if_missing:  # the shipped vectors of the default corpus, once (search.semantic)
            try:
                seed_vectors(store, home)
            except OSError as error:  # a read-only home (a deployed copy) serves, without the re-rank
                print(
                    f"lexsearch : vecteurs non copiés dans {home} ({error}) ; recherche lexicale",
                    file=sys.stderr,
                )
        try:
            return cls(home, store, ranking_config or RankingConfig())
        except BaseException:
            store.close()
            raise

    # -- the index generation in use -------------------------------------------------------------------

    def _open_view(self) -> IndexView:
        directory = current_directory(self.index_root)
        view = IndexView(directory, current_target(self.index_root) or "")
        LEMMATIZER.learn(read_lemma_table(directory))  # known forms never load spaCy
        # Other analyzers still give a usable index (only some terms differ): serve it, and say so.
        self._index_notice = (
            None
            if view.meta.analyzers_current()
            else f"L'index a été construit avec une autre version des analyseurs : relancez `{REBUILD_COMMAND}`."
        )
        with self._store_lock:
            stamp = self.store.version_stamp()
        if view.meta.store_digest != stamp:
            view.close()
            raise StaleIndexError(
                f"{directory}: index plus ancien que la base du corpus ; reconstruisez-le avec `{REBUILD_COMMAND}`"
            )
        return view

    def _open_generation(self) -> tuple[IndexView, CitationGraph]:
        """The current index generation's view and the citation graph saved with it."""
        with bulk_loading():
            view = self._open_view()
            try:
                with self._store_lock:  # read from the store for an index saved without its graph
                    return view, CitationGraph.open(view.directory, self.store)
            except BaseException:
                view.close()
                raise

    def _current_view(self) -> IndexView:
        """The serving view; switches to a new build as soon as `current` points to it."""
        view = self._view
        target = current_target(self.index_root)
        if view is not None and (target is None or target == view.target):
            return view
        with self._lock:
            view = self._view
            if view is None or (target is not None and target != view.target):
                try:
                    fresh, graph = self._open_generation()
                except (IndexMissingError, StaleIndexError, OSError):
                    if view is None:
                        raise
                    return view  # a half-switched or odd state: keep serving what works
                self._graph = graph
                with self._store_lock:
                    self._codes = {code.code_id: code.title for code in self.store.codes()}
                self._graph_at = lru_cache(maxsize=32)(self._graph.at)
                self._view = fresh
                if view is not None:
                    view.retire()
                view = fresh
        return view

    def close(self) -> None:
        if self._view is not None:
            self._view.retire()
        self._semantic.close()
        self.store.close()

    # -- searching -------------------------------------------------------------------------------------

    def search(self, request: SearchRequest, *, ranking_config: RankingConfig | None = None) -> SearchResults:
        """Run the query pipeline (`search.pipeline`) on the index generation in use."""
        view = self._current_view()
        context = SearchContext(
            view, self._codes, self._graph_at, self._texts, self._untexted, self._index_notice, self._semantic
        )
        return pipeline.search(request, context, ranking_config or self.ranking)

    def _untexted(self, numbers: Sequence[str], day: date, code: str | None) -> list[tuple[str, Version]]:
        """(number, version) of the cited articles whose version in force at `day` has no text, in `code`
        (every code when None); read from the store, where versions without text are kept."""
        codes = [code] if code else list(self._codes)
        wanted = [(number, article_key(code_id, number)) for number in numbers for code_id in codes]
        with self._store_lock:
            untexted = self.store.untexted_in_force({key for _, key in wanted}, day)
        return [(number, untexted[key]) for number, key in wanted if key in untexted]

    def coverage_at(self, day: date, code_id: str | None = None) -> Coverage:
        """How many versions in force at `day` the store holds, and how many with their text."""
        with self._store_lock:
            return self.store.coverage_at(day, code_id)

    def coverage_on_new_years(self, first: int, last: int) -> list[Coverage]:
        """`coverage_at` on each 1 January from year `first` to `last`, in one pass."""
        with self._store_lock:
            return self.store.coverage_on_new_years(first, last)

    def _texts(self, version_ids: Sequence[str]) -> dict[str, VersionText]:
        with self._store_lock:
            return self.store.texts_with_citations(list(version_ids))

    # -- for the article, diff and changeset pages -----------------------------------------------------

    def citations_in(self, version_id: str) -> list[tuple[int, int, str, str, str | None]]:
        """Citations of a version's text: (start, end, target_key, kind, detail), in text order."""
        with self._store_lock:
            rows = self.store.citations_from(version_id)
        return [(start, end, target, kind, detail) for target, kind, detail, start, end in rows]

    def resolve_citation(self, target_key: str, at: date):
        """The version of the cited article in force at `at` (None when unknown or not in force)."""
        with self._store_lock:
            for article in self.store.articles_by_key(target_key):
                version = self.store.version_in_force(article.article_id, at)
                if version is not None:
                    return version
        return None

    def cited_by(self, article_id: str, at: date | None = None) -> list[Hit]:
        """Articles whose versions in force at `at` (today by default) cite this one, by number."""
        view = self._current_view()
        day = at or date.today()
        with self._store_lock:
            article = self.store.article(article_id)
            if article is None:
                return []
            citing = set(self.store.citing_versions(article.key))
        return citing_hits(view, self._codes, citing, day)

    # Store reads for the pages, serialized by the store lock: the store is ONE sqlite3 connection shared
    # by every thread of the app (Streamlit runs each session in its own thread). Call these rather than
    # `service.store.X(...)` from any code that may run concurrently.

    def codes(self) -> list[Code]:
        with self._store_lock:
            return self.store.codes()

    def coverage_gaps(self, code_id: str) -> tuple[CoverageGap, ...]:
        """The code's days no source covers: between two sources, and after the last day covered."""
        with self._store_lock:
            return self.store.coverage_gaps(code_id, trailing=True)

    def code(self, code_id: str) -> Code | None:
        with self._store_lock:
            return self.store.code(code_id)

    def article(self, article_id: str) -> Article | None:
        with self._store_lock:
            return self.store.article(article_id)

    def article_of(self, version_id: str) -> Article | None:
        with self._store_lock:
            return self.store.article_of(version_id)

    def version(self, version_id: str) -> Version | None:
        with self._store_lock:
            return self.store.version(version_id)

    def versions_of(self, article_id: str) -> list[Version]:
        with self._store_lock:
            return self.store.versions_of(article_id)

    def previous_version(self, version_id: str) -> Version | None:
        with self._store_lock:
            return self.store.previous_version(version_id)

    def version_in_force(self, article_id: str, day: date) -> Version | None:
        with self._store_lock:
            return self.store.version_in_force(article_id, day)

    def changeset(self, text_id: str, effective_on: date | None) -> Changeset | None:
        with self._store_lock:
            return self.store.changeset(text_id, effective_on)

    def changesets_of_version(self, version_id: str) -> list[tuple[AmendingText, date | None, str]]:
        with self._store_lock:
            return self.store.changesets_of_version(version_id)

    def changesets(self, code_id: str | None = None) -> list[tuple[AmendingText, date | None, int]]:
        with self._store_lock:
            return self.store.changesets(code_id)

    def articles_by_key(self, key: str) -> list[Article]:
        """The articles numbered `key` ("LEGITEXT…:L1233-3"); more than one only in odd sources."""
        with self._store_lock:
            return self.store.articles_by_key(key)

    @property
    def index_generation(self) -> str:
        """The index build serving now (switching first if a rebuild became current)."""
        return self._current_view().target

    def after_fork(self) -> None:
        """In a process forked from the one that opened the service (a server worker): its own SQLite
        connection and locks. The loaded tables (rows, graph, lemmas) stay shared with the parent's pages;
        the Whoosh segments are memory-mapped, so reading them needs no per-process file offset."""
        self._lock = threading.Lock()
        self._store_lock = threading.RLock()
        self._semantic.after_fork()
        if self._view is not None:  # what the parent remembered of the postings, with a lock of our own
            self._view.read_cache = ReadCache()
        # SQLite forbids using (closing included) a connection in a forked child: keep the parent's
        # object referenced, untouched, and open our own.
        self._parent_store = self.store
        self.store = Store.open(self.store.path, create=False, read_only=True)

    def warm_headings(self) -> int:
        """Analyse every heading of the serving index before the first search needs it (`search.headings`:
        ~0.2 s for the Code du travail); returns the number of distinct headings."""
        view = self._current_view()
        with bulk_loading():
            return headings.warm(row.section_path for row in view.rows)

    def graph_at(self, day: date | None) -> GraphAt:
        """The citation graph among articles at `day` (all time when None), as the ranking sees it."""
        return self._graph_at(day)


__all__ = [
    "MAX_LIMIT",
    "Hit",
    "SearchRequest",
    "SearchResults",
    "SearchService",
    "VersionRef",
    "status_label",
]
