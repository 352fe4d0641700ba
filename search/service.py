"""The search service: one instance per process, shared by the CLI and the app, safe across threads.

It opens the store and the current index once (building both from the embedded default corpus on first
use), follows `lexsearch index` rebuilds by watching the index's `current` pointer, and answers
`SearchRequest`s with results grouped by article: the best-matching version of each article, plus the
other versions of it that also match.
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

import numpy as np

from analyzers.lemmas import LEMMATIZER
from corpus.model import AmendingText, Article, Changeset, Code, Status, Version
from corpus.settings import data_home
from corpus.store import Store
from indexer.build import build_index, store_stamp
from indexer.citation_graph import CitationGraph, GraphAt
from indexer.errors import IndexMissingError, StaleIndexError
from indexer.fingerprint import analyzers_fingerprint
from indexer.lemma_table import read_lemma_table
from indexer.location import current_directory, current_target
from indexer.schema import REBUILD_COMMAND
from search import ranking
from search.filters import (
    FILTER_NAMES_FR,
    FieldFilter,
    VersionFilter,
    code_filter,
    describe,
    section_filter,
    status_filter,
    version_filter,
)
from search.graph import distances as graph_distances
from search.graph import rerank as graph_rerank
from search.hits import Candidate, count_articles, facets, make_hit, matching_versions
from search.index_view import IndexView
from search.matching import QueryTerms, analyze_query
from search.query import ParsedQuery, parse_query
from search.references import resolve_references
from search.results import Hit, SearchRequest, SearchResults, VersionRef
from search.retrieval import longest_runs, proximity_scores, retrieve
from search.spelling import correct

CANDIDATE_DOCS = 300  # scored versions fetched from Whoosh before grouping by article
PROXIMITY_DEPTH = 60  # candidates whose term positions are read for the proximity bonus
MAX_LIMIT = 200


class SearchService:
    """Open with `SearchService.open()`; call `search(SearchRequest)` from any thread."""

    def __init__(self, home: Path, store: Store, ranking_config: ranking.RankingConfig) -> None:
        self.home = home
        self.store = store
        self.ranking = ranking_config
        self.index_root = home / "index"
        self._lock = threading.Lock()
        self._store_lock = threading.RLock()
        self._view: IndexView | None = None
        self._index_notice: str | None = None
        self._codes = {code.code_id: code.title for code in store.codes()}
        self._graph = CitationGraph.load(store)
        self._graph_at = lru_cache(maxsize=32)(self._graph.at)
        self._view = self._open_view()

    @classmethod
    def open(
        cls,
        home: Path | None = None,
        *,
        build_if_missing: bool = True,
        ranking_config: ranking.RankingConfig | None = None,
        progress: bool = True,
    ) -> SearchService:
        home = Path(home) if home is not None else data_home()
        store_file = home / "corpus.sqlite3"
        if build_if_missing:
            from corpus.ingest import ensure_default_store

            store = ensure_default_store(store_file, progress=progress)
        else:
            store = Store.open(store_file, create=False)
        if build_if_missing and current_target(home / "index") is None:
            if progress:
                print("lexsearch: building the search index (first use)…", file=sys.stderr)
            build_index(store, home / "index", progress=progress)
        try:
            return cls(home, store, ranking_config or ranking.RankingConfig())
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
            if view.meta.analyzers == analyzers_fingerprint()
            else f"L'index a été construit avec une autre version des analyseurs : relancez `{REBUILD_COMMAND}`."
        )
        with self._store_lock:
            stamp = store_stamp(self.store)
        if view.meta.store_digest != stamp:
            view.close()
            raise StaleIndexError(
                f"{directory}: index older than the corpus store; rebuild it with `{REBUILD_COMMAND}`"
            )
        return view

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
                    fresh = self._open_view()
                except (IndexMissingError, StaleIndexError, OSError):
                    if view is None:
                        raise
                    return view  # a half-switched or odd state: keep serving what works
                with self._store_lock:
                    self._graph = CitationGraph.load(self.store)
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
        self.store.close()

    # -- searching -------------------------------------------------------------------------------------

    def search(
        self, request: SearchRequest, *, ranking_config: ranking.RankingConfig | None = None
    ) -> SearchResults:
        started = time.perf_counter()
        config = ranking_config or self.ranking
        view = self._current_view()
        notices: list[str] = []
        code_id = self._code_id(request.code, notices)
        parsed = parse_query(request.query or "")
        if parsed.code and code_id is None:
            code_id = self._code_id(parsed.code, notices)
        notices += parsed.notices
        if self._index_notice:
            notices.append(self._index_notice)
        vfilter = version_filter(request.at, request.all_versions)
        allowed = view.filter_mask(vfilter, code_id, request.status, request.section)
        fields = []
        if code_id:
            fields.append(code_filter(code_id, self._codes.get(code_id, code_id)))
        if request.status:
            fields.append(status_filter(request.status, status_label(request.status)))
        if request.section:
            fields.append(section_filter(request.section))
        description = describe(vfilter, tuple(fields))
        limit = max(1, min(int(request.limit or 10), MAX_LIMIT))
        offset = max(0, int(request.offset or 0))

        references = resolve_references(view, parsed, code_id)
        terms = analyze_query(parsed, self._expansions(parsed))
        with view.searcher() as searcher:
            suggestion = None
            if config.fuzzy and terms.lemmas:
                corrected = correct(searcher, parsed)
                if corrected is not None:
                    # Only words the index has never seen are replaced: they could match nothing, so a
                    # correctly spelled query is never changed.
                    suggestion, terms = (
                        corrected[0],
                        analyze_query(corrected[1], self._expansions(corrected[1])),
                    )
                    notices.append(f"Résultats pour « {suggestion} » (orthographe corrigée).")
            candidates, matched = self._candidates(
                searcher, view, terms, references, allowed, vfilter, config, offset + limit
            )
        if parsed.is_empty and not (request.query or "").strip():
            notices.append("Requête vide : saisissez des mots ou un numéro d'article.")
        elif not candidates:
            notices.append(self._nothing_found(parsed, references, vfilter, tuple(fields), not allowed.any()))
        ranked = sorted(candidates, key=lambda c: (-c.score, c.key))
        total = max(len(ranked), count_articles(view, matched))
        page = ranked[offset : offset + limit]
        texts = self._texts([view.rows[c.docnum].version_id for c in page]) if request.highlight else {}
        hits = tuple(
            make_hit(
                self._codes,
                view,
                candidate,
                matching_versions(view, candidate.key, matched),
                terms,
                texts,
                references,
            )
            for candidate in page
        )
        return SearchResults(
            query=request.query,
            total=total,
            took_ms=round((time.perf_counter() - started) * 1000, 2),
            hits=hits,
            filter_description=description,
            notices=tuple(dict.fromkeys(notices)),
            understood_references=tuple(key.split(":", 1)[1] for key in references),
            suggestion=suggestion,
            facets=facets(view, matched),
        )

    # -- pieces ----------------------------------------------------------------------------------------

    def _code_id(self, code: str | None, notices: list[str]) -> str | None:
        if not code:
            return None
        if code in self._codes:
            return code
        from analyzers.citations import resolve_code

        wanted = code.casefold().strip()
        for code_id, title in self._codes.items():
            if wanted in title.casefold():
                return code_id
        try:
            title, code_id = resolve_code(code)
        except Exception:  # a code name is user input; an odd one must not break the search
            title, code_id = None, None
        if code_id in self._codes:
            return code_id
        notices.append(f"Code « {code} » inconnu : la recherche porte sur tous les codes.")
        return None

    def _expansions(self, parsed: ParsedQuery) -> tuple[tuple[str, str], ...]:
        """(span as typed, alternative wording) for each abbreviation or synonym in the free words."""
        if not parsed.text:
            return ()
        try:
            from analyzers.french import expand_query_terms

            found = expand_query_terms(parsed.text)
        except Exception:  # expansions are a bonus; a missing table or odd input must not fail a search
            return ()
        return tuple(
            (expansion.text, alternative) for expansion in found for alternative in expansion.expansions
        )

    def _candidates(
        self,
        searcher,
        view: IndexView,
        terms: QueryTerms,
        references: tuple[str, ...],
        allowed: np.ndarray,
        vfilter: VersionFilter,
        config: ranking.RankingConfig,
        wanted: int = 10,
    ) -> tuple[list[Candidate], np.ndarray]:
        """Scored candidates (one per article) and the mask of every matching version."""
        retrieved = retrieve(searcher, view.stats, terms, allowed, config.field_weights)
        matched = retrieved.matched.copy() if retrieved is not None else np.zeros(allowed.size, dtype=bool)
        best: dict[str, tuple[int, float]] = {}
        if retrieved is not None:
            docs = np.flatnonzero(matched)
            depth = max(CANDIDATE_DOCS, 3 * wanted)
            if docs.size > depth:
                docs = docs[np.argpartition(-retrieved.scores[docs], depth)[:depth]]
            for docnum in docs[np.argsort(-retrieved.scores[docs], kind="stable")].tolist():
                key = view.rows[docnum].article_key
                if key not in best:
                    best[key] = (docnum, float(retrieved.scores[docnum]))
        top = max((score for _, score in best.values()), default=0.0) or 1.0

        proximity: dict[str, float] = {}
        if config.proximity and len(terms.lemmas) > 1:
            ordered = sorted(best.items(), key=lambda item: -item[1][1])[:PROXIMITY_DEPTH]
            if retrieved is not None and vfilter.all_versions:
                # Past wordings: the row shows the version whose wording matches the query best: the
                # longest run of the query's words it has word for word, then text score raised by
                # proximity (the version that says "connotation sexuelle répétés", not today's
                # "… sexuelle ou sexiste répétés").
                versions = {
                    docnum: docnum for key, _ in ordered for docnum in view.by_article[key] if matched[docnum]
                }
                near = proximity_scores(searcher, terms, versions)
                runs = longest_runs(searcher, terms, set(versions))
                for key, _ in ordered:
                    docnums = [d for d in view.by_article[key] if matched[d]]
                    chosen = max(
                        docnums,
                        key=lambda d: (
                            runs[d],
                            retrieved.scores[d] * (1.0 + config.proximity_weight * near[d]),
                            view.recency[d],
                        ),
                    )
                    best[key] = (chosen, float(retrieved.scores[chosen]))
                    proximity[key] = near[chosen]
            else:
                proximity = proximity_scores(searcher, terms, {key: docnum for key, (docnum, _) in ordered})

        cited_order = {key: order for order, key in enumerate(references)}
        distances: dict[str, int] = {}
        if references:
            distances = dict.fromkeys(references, 0)
            if config.references:
                distances = graph_distances(
                    self._graph_at(vfilter.day), references, ranking.REFERENCE_MAX_DISTANCE
                )
        for key in distances:
            if key in best:
                continue
            docnum = self._best_version(view, key, allowed)
            if docnum is not None:
                best[key] = (docnum, 0.0)
                matched[docnum] = True
        for key in references:  # every in-filter version of a cited article counts as matching
            for docnum in view.by_article.get(key, ()):
                if allowed[docnum]:
                    matched[docnum] = True

        candidates = []
        for key, (docnum, score) in best.items():
            distance = distances.get(key)
            reference = ranking.reference_score(distance) if distance is not None and distance > 0 else 0.0
            candidates.append(
                Candidate(
                    key,
                    docnum,
                    text=score / top,
                    proximity=proximity.get(key, 0.0),
                    reference=reference,
                    cited_order=cited_order.get(key),
                )
            )
        return self._rerank(candidates, vfilter, config), matched

    def _best_version(self, view: IndexView, key: str, allowed: np.ndarray) -> int | None:
        docnums = [d for d in view.by_article.get(key, ()) if allowed[d]]
        if not docnums:
            return None
        return max(docnums, key=lambda d: view.rows[d].valid_from or date.min)

    def _rerank(
        self, candidates: list[Candidate], vfilter: VersionFilter, config: ranking.RankingConfig
    ) -> list[Candidate]:

        scored = []
        rerank_scores: dict[str, float] = {}
        if config.rerank and len(candidates) > 1:
            top = sorted(candidates, key=lambda c: -c.text)[: config.rerank_depth]
            graph = self._graph_at(vfilter.day)
            rerank_scores = dict(graph_rerank({c.key: c.text for c in top if c.text > 0}, graph) or {})
            peak = max(rerank_scores.values(), default=0.0) or 1.0
            rerank_scores = {key: value / peak for key, value in rerank_scores.items()}
        for candidate in candidates:
            rerank = rerank_scores.get(candidate.key, 0.0)
            if candidate.cited_order is not None:
                score = ranking.cited_score(candidate.cited_order)
            else:
                score = ranking.combine(
                    candidate.text, candidate.proximity, candidate.reference, rerank, config
                )
            scored.append(replace(candidate, rerank=rerank, score=score))
        return scored

    def _texts(self, version_ids: list[str]) -> dict[str, tuple[str, list[tuple[int, int, str]]]]:
        """Original texts and citation spans of the versions to highlight (one query each)."""
        if not version_ids:
            return {}
        marks = ",".join("?" * len(version_ids))
        with self._store_lock:
            texts = dict(
                self.store.connection.execute(
                    f"SELECT version_id, text FROM versions WHERE version_id IN ({marks})", version_ids
                ).fetchall()
            )
            spans: dict[str, list[tuple[int, int, str]]] = {}
            for row in self.store.connection.execute(
                f"SELECT source_version_id, span_start, span_end, target_key FROM citations "
                f"WHERE source_version_id IN ({marks})",
                version_ids,
            ):
                spans.setdefault(row[0], []).append((row[1], row[2], row[3]))
        return {vid: (texts.get(vid) or "", spans.get(vid, [])) for vid in version_ids}

    def _nothing_found(
        self,
        parsed: ParsedQuery,
        references: tuple[str, ...],
        vfilter: VersionFilter,
        fields: tuple[FieldFilter, ...],
        filter_empty: bool,
    ) -> str:
        """Why nothing came back, and which filter to loosen (never "try all versions" when that is
        already the filter)."""
        loosen = [] if vfilter.all_versions else ["essayez « toutes les versions »"]
        loosen += [f"retirez le filtre {FILTER_NAMES_FR[field.field]}" for field in fields]
        advice = f" : {' ou '.join(loosen)}." if loosen else "."
        scope = describe(vfilter, fields)
        scope = f"({scope})" if vfilter.all_versions else scope
        if filter_empty:
            # The filters alone leave no version at all: say so, whatever the query.
            return f"Aucun article {scope} dans le corpus{advice}"
        if (parsed.references or parsed.ranges or parsed.prefixes) and not references:
            return "Aucun article de ce numéro dans le corpus."
        if references:
            return f"L'article cité n'a pas de version {describe(vfilter, fields)}{advice}"
        if parsed.is_empty:
            return "Rien à chercher dans cette requête : saisissez des mots ou un numéro d'article."
        return f"Aucun article {scope} ne correspond à la requête{advice}"

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
        allowed = view.filter_mask(VersionFilter(day), None, None, None)
        hits = []
        seen: set[str] = set()
        for docnum, row in enumerate(view.rows):
            if row.version_id in citing and allowed[docnum] and row.article_key not in seen:
                seen.add(row.article_key)
                hits.append(
                    make_hit(self._codes, view, Candidate(row.article_key, docnum), (), QueryTerms(), {}, ())
                )
        from analyzers.citations import order_key

        return sorted(hits, key=lambda hit: (hit.code, order_key(hit.article)))

    # Store reads for the pages, serialized by the store lock: the store is ONE sqlite3 connection shared
    # by every thread of the app (Streamlit runs each session in its own thread). Call these rather than
    # `service.store.X(...)` from any code that may run concurrently.

    def codes(self) -> list[Code]:
        with self._store_lock:
            return self.store.codes()

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
        # SQLite forbids using (closing included) a connection in a forked child: keep the parent's
        # object referenced, untouched, and open our own.
        self._parent_store = self.store
        self.store = Store.open(self.store.path, create=False, read_only=True)

    def graph_at(self, day: date | None) -> GraphAt:
        """The citation graph among articles at `day` (all time when None), as the ranking sees it."""
        return self._graph_at(day)


def status_label(status: str) -> str:
    from corpus.model import STATUS_LABELS_FR

    try:
        return STATUS_LABELS_FR[Status(status)]
    except ValueError:
        return status


__all__ = ["Hit", "SearchRequest", "SearchResults", "SearchService", "VersionRef", "status_label"]
