"""The query path, top to bottom: one plain function per stage, each taking and returning typed values.

    parse_query        SearchRequest.query -> ParsedQuery          (search.query)
    resolve_scope      request filters     -> Scope                (search.scope)
    understand         ParsedQuery         -> Understood           (analyzed terms, cited articles, spelling)
    Engine.retrieve    QueryTerms, Scope   -> Retrieved            (search.engine; BM25F in search.retrieval)
    best_versions      Retrieved           -> Pool                 (one candidate per article)
    with_proximity     Pool                -> Pool                 (proximity; the past wording shown)
    with_references    Pool                -> Pool                 (cited articles, citation-graph distance)
    final_scores       Pool                -> Candidate, best first (graph re-rank, combined score)
    page               Candidate           -> SearchResults        (one page of hits, facets, notices)

Everything stateful (which index generation is open, the store, locks, caches) stays in
`search.service.SearchService`, which hands a `SearchContext` to `search()`; the only store read of a
search, the texts of the page's hits for their snippets, goes through `context.texts`, under the
service's store lock.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from indexer.citation_graph import GraphAt
from search.candidates import Candidate, Pool, best_versions, final_scores, with_proximity, with_references
from search.engine import Engine
from search.hits import count_articles, facets, make_hit, matching_versions
from search.index_view import IndexView
from search.matching import QueryTerms, analyze_query, query_expansions
from search.query import ParsedQuery, parse_query
from search.ranking import RankingConfig
from search.references import resolve_references
from search.results import SearchRequest, SearchResults
from search.scope import Scope, nothing_found, resolve_scope

# Original text and citation spans (start, end, target key) of a version, for its snippet.
VersionText = tuple[str, list[tuple[int, int, str]]]


@dataclass(frozen=True)
class SearchContext:
    """What one search reads, handed over by the service: the index generation in use and its
    companions (code titles, the citation graph at a date, the store's texts for snippets)."""

    view: IndexView
    codes: Mapping[str, str]  # code id -> title
    graph_at: Callable[[date | None], GraphAt]
    texts: Callable[[Sequence[str]], Mapping[str, VersionText]]
    notice: str | None = None  # about the index itself, shown with every result


@dataclass(frozen=True)
class Understood:
    """The query as the pipeline searches it."""

    parsed: ParsedQuery
    terms: QueryTerms
    references: tuple[str, ...]  # article keys the query cites, in the order cited
    suggestion: str | None = None  # the corrected spelling searched instead of the words typed
    notices: tuple[str, ...] = ()


def search(request: SearchRequest, context: SearchContext, config: RankingConfig) -> SearchResults:
    started = time.perf_counter()
    view = context.view
    parsed = parse_query(request.query or "")
    scope = resolve_scope(request, parsed, view, context.codes)
    with view.engine() as engine:
        understood = understand(parsed, view, scope.code_id, engine, config)
        retrieved = engine.retrieve(understood.terms, scope.allowed, config, scope.where)
        pool = best_versions(view, retrieved, scope.offset + scope.limit)
        pool = with_proximity(
            engine, view, understood.terms, retrieved, pool, scope.version.all_versions, config
        )
    graph = context.graph_at(scope.version.day)
    pool = with_references(view, pool, understood.references, graph.neighbors, scope.allowed, config)
    ranked = final_scores(pool, graph.neighbors, config)
    results = page(request, context, scope, understood, pool, ranked)
    return _timed(results, started)


def understand(
    parsed: ParsedQuery, view: IndexView, code_id: str | None, engine: Engine, config: RankingConfig
) -> Understood:
    """Analyze the free words as the index was analyzed (with synonym and abbreviation expansions), find
    the cited articles, and correct the words the index has never seen."""
    references = resolve_references(view, parsed, code_id)
    terms = analyze_query(parsed, query_expansions(parsed))
    if config.fuzzy and terms.lemmas:
        corrected = engine.correct(parsed)
        if corrected is not None:
            # Only words the index has never seen are replaced: they could match nothing, so a
            # correctly spelled query is never changed.
            suggestion, fixed = corrected
            return Understood(
                parsed,
                analyze_query(fixed, query_expansions(fixed)),
                references,
                suggestion,
                (f"Résultats pour « {suggestion} » (orthographe corrigée).",),
            )
    return Understood(parsed, terms, references)


def page(
    request: SearchRequest,
    context: SearchContext,
    scope: Scope,
    understood: Understood,
    pool: Pool,
    ranked: tuple[Candidate, ...],
) -> SearchResults:
    """One page of hits (each with its other matching versions and, if asked, its snippet), the total
    and facets over every match, and what the user should know about how the query was read."""
    view, matched = context.view, pool.matched
    notices = [*scope.notices, *understood.parsed.notices]
    if context.notice:
        notices.append(context.notice)
    notices += understood.notices
    if understood.parsed.is_empty and not (request.query or "").strip():
        notices.append("Requête vide : saisissez des mots ou un numéro d'article.")
    elif not ranked:
        notices.append(nothing_found(understood.parsed, understood.references, scope))
    shown = ranked[scope.offset : scope.offset + scope.limit]
    wanted = [view.rows[c.docnum].version_id for c in shown]
    texts = context.texts(wanted) if request.highlight and wanted else {}
    hits = tuple(
        make_hit(
            context.codes,
            view,
            candidate,
            matching_versions(view, candidate.key, matched),
            understood.terms,
            texts,
            understood.references,
            request.at,
        )
        for candidate in shown
    )
    return SearchResults(
        query=request.query,
        total=max(len(ranked), count_articles(view, matched)),
        took_ms=0.0,
        hits=hits,
        filter_description=scope.description,
        notices=tuple(dict.fromkeys(notices)),
        understood_references=tuple(key.split(":", 1)[1] for key in understood.references),
        suggestion=understood.suggestion,
        facets=facets(view, matched),
    )


def _timed(results: SearchResults, started: float) -> SearchResults:
    return replace(results, took_ms=round((time.perf_counter() - started) * 1000, 2))
