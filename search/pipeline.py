"""The query path, top to bottom: one plain function per stage, each taking and returning typed values.

    parse_query        SearchRequest.query -> ParsedQuery          (search.query)
    resolve_scope      request filters     -> Scope                (search.scope)
    understand         ParsedQuery         -> Understood           (analyzed terms, cited articles, spelling)
    Engine.retrieve    QueryTerms, Scope   -> Retrieved            (search.engine; BM25F in search.retrieval)
    best_versions      Retrieved           -> Pool                 (one candidate per article)
    with_proximity     Pool                -> Pool                 (proximity; the past wording shown)
    with_word_pairs    Pool                -> Pool                 (the query's adjacent words, adjacent)
    with_code_selection Pool               -> Pool                 (the codes the best matches gather in)
    with_references    Pool                -> Pool                 (cited articles, citation-graph distance)
    with_section_evidence Pool             -> Pool                 (sections matching together; openings)
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

from analyzers.french import analyze
from corpus.model import Version
from indexer.citation_graph import GraphAt
from search.article_prior import with_article_prior
from search.authority import with_authority
from search.candidates import Candidate, Pool, best_versions, final_scores, with_proximity, with_references
from search.code_prior import with_code_prior
from search.code_selection import with_code_selection
from search.contrast import with_contrasts
from search.coverage import in_force_without_text, status_counts_at
from search.engine import Engine, Retrieved
from search.hits import count_articles, facets, make_hit, matching_versions
from search.index_view import IndexView
from search.matching import (
    QueryTerms,
    analyze_query,
    lay_typed_lemmas,
    query_expansions,
    with_derivations,
    with_inflections,
    with_unindexed_spans,
)
from search.opening_words import with_opening_words
from search.particular_rules import rare_lemmas, with_particular_rules
from search.quantity import asks_quantity, with_quantities
from search.query import ParsedQuery, parse_query
from search.question import is_question, without_framing
from search.ranking import RankingConfig
from search.references import resolve_references
from search.remembered import RememberingEngine
from search.results import Hit, SearchRequest, SearchResults
from search.same_text import collapse_same_text, remembered, same_text_refs
from search.scope import CITED_NOT_IN_FORCE, Scope, nothing_found, resolve_scope
from search.sections import with_section_evidence
from search.semantic import QueryEncoding
from search.semantic_stage import semantic_reranked, start_semantic
from search.word_pairs import heading_positions, with_word_pairs
from search.wording import with_dropped_wordings

# Original text and citation spans (start, end, target key) of a version, for its snippet.
VersionText = tuple[str, list[tuple[int, int, str]]]


@dataclass(frozen=True)
class SearchContext:
    """What one search reads, handed over by the service: the index generation in use and its
    companions (code titles, the citation graph at a date, the store's texts for snippets and its
    versions without text)."""

    view: IndexView
    codes: Mapping[str, str]  # code id -> title
    graph_at: Callable[[date | None], GraphAt]
    texts: Callable[[Sequence[str]], Mapping[str, VersionText]]
    # (number, version) of the cited article numbers whose version in force at a day has no text (the
    # store knows them, the index does not: no text, no document); code id or None for every code.
    untexted: Callable[[Sequence[str], date, str | None], list[tuple[str, Version]]]
    notice: str | None = None  # about the index itself, shown with every result
    semantic: QueryEncoding | None = None  # the semantic re-rank's vectors and encoder, if any


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
    asking = config.question_words and is_question(parsed.text)
    if asking:
        config = replace(
            config,
            section_weight=config.section_weight * config.question_section_factor,
            authority_weight=config.authority_weight * config.question_authority_factor,
            chapter_opening_factor=config.question_chapter_opening_factor,
        )
    if asks_quantity(parsed.raw):  # decrees state the figures
        config = replace(config, regulatory_factor=config.quantity_regulatory_factor)
    if scope.version.all_versions:  # a past wording is sought as typed: "DIRECCTE" in the versions saying it
        config = replace(config, unindexed_abbreviations=False)
    semantic = start_semantic(parsed, context.semantic, scope.version.all_versions, asking, config)
    rare: frozenset[str] = frozenset()  # the query's rare lemmas, read while the engine is open
    with view.engine() as opened:
        engine = RememberingEngine(opened)  # proximity and word pairs read positions once
        understood = understand(parsed, view, scope.code_id, engine, config)
        retrieved = engine.retrieve(understood.terms, scope.allowed, config, scope.where)
        if scope.version.all_versions:
            retrieved = with_dropped_wordings(engine, view, understood.terms, retrieved, config)
        if scope.code_id is None:
            retrieved = with_code_prior(engine, view, understood.terms.lemmas, retrieved, config)
        pool = best_versions(view, retrieved, scope.offset + scope.limit)
        pool = with_proximity(
            engine, view, understood.terms, retrieved, pool, scope.version.all_versions, config
        )
        pool = with_quantities(engine, parsed.raw, pool, config)
        headings = _heading_positions(view) if asking and config.question_heading_pairs else None
        pool = with_word_pairs(engine, understood.terms, pool, len(view.rows), config, headings)
        if not scope.version.all_versions:  # a past wording is sought wherever it stands
            pool = with_opening_words(engine, understood.terms, pool, config)
            rare = rare_lemmas(understood.terms, engine.frequency, len(view.rows), config)
    if scope.code_id is None and not scope.version.all_versions:  # one code, or a wording sought anywhere
        words = len(understood.terms.lemmas)
        pool = with_code_selection(view, retrieved, pool, parsed.raw, words, config)
    graph = context.graph_at(scope.version.day)
    pool = with_references(view, pool, understood.references, graph.neighbors, scope.allowed, config)
    pool = with_contrasts(view, understood.terms, pool, config)
    if not scope.version.all_versions:  # a past wording is sought for its words, wherever it sits
        pool = with_section_evidence(view, pool, scope.allowed, config)
        pool = with_article_prior(pool, config)
        pool = with_particular_rules(view, rare, pool, config)
    pool = with_authority(pool, graph.citing_count, config)
    ranked = final_scores(pool, graph.neighbors, config)
    ranked = semantic_reranked(ranked, semantic, context.semantic, view, config)
    context = replace(context, texts=remembered(context.texts))  # read once, for grouping and snippets
    wanted = scope.offset + scope.limit
    collapsed = collapse_same_text(ranked, wanted, view, context.texts, config.same_text_similarity)
    results = page(request, context, scope, understood, pool, collapsed.ranked, retrieved, collapsed.folded)
    return _timed(results, started)


def understand(
    parsed: ParsedQuery, view: IndexView, code_id: str | None, engine: Engine, config: RankingConfig
) -> Understood:
    """Analyze the free words as the index was analyzed (with synonym and abbreviation expansions), find
    the cited articles, and correct the words the index has never seen."""
    references = resolve_references(view, parsed, code_id)
    if config.question_words:
        parsed = without_framing(parsed)

    def analyzed(query: ParsedQuery) -> QueryTerms:
        if config.thesaurus:
            terms = analyze_query(query, query_expansions(query), lay_typed_lemmas(query))
        else:
            terms = analyze_query(query)
        terms = with_unindexed_spans(terms, engine.frequency)
        if config.inflections:
            terms = with_inflections(terms, query.text, engine.frequency)
        return with_derivations(terms) if config.derivations else terms

    terms = analyzed(parsed)
    if config.fuzzy and terms.lemmas:
        corrected = engine.correct(parsed, guard=config.spelling_guard, complete=config.truncations)
        if corrected is not None:
            # Only words the index has never seen and French does not have are replaced: they could
            # match nothing, so a correctly spelled query is never changed.
            suggestion, fixed = corrected
            return Understood(
                parsed,
                analyzed(fixed),
                references,
                suggestion,
                (f"Résultats pour « {suggestion} » (orthographe corrigée).",),
            )
    return Understood(parsed, terms, references)


def _heading_positions(view: IndexView) -> Callable[[int], Mapping[str, tuple[int, ...]]]:
    """A version's heading positions, for the word pairs of a question."""
    return lambda docnum: heading_positions(view.rows[docnum].section_path)


def page(
    request: SearchRequest,
    context: SearchContext,
    scope: Scope,
    understood: Understood,
    pool: Pool,
    ranked: tuple[Candidate, ...],
    retrieved: Retrieved | None = None,
    folded: Mapping[str, tuple[int, ...]] | None = None,
) -> SearchResults:
    """One page of hits (each with its other matching versions, the articles of the same text folded
    under it and, if asked, its snippet), the total and facets over every match, and what the user
    should know about how the query was read."""
    view, matched = context.view, pool.matched
    unmatched, partial, total = _how_well(view, understood, pool, ranked, retrieved)
    notices = _notices(request, context, scope, understood, bool(ranked), unmatched, partial)
    shown = ranked[scope.offset : scope.offset + scope.limit]
    if _fewer_than_shown(unmatched, partial, total, scope.offset + len(shown)):
        notices.append(
            f"Seuls {total} article(s) contiennent tous les mots de la requête (ou leurs équivalents) : "
            "c'est le total ; les autres résultats affichés n'en contiennent qu'une partie."
        )
    grouped = {c.key: folded[c.key] for c in shown if c.key in (folded or {})}
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
    if grouped:
        hits = tuple(
            replace(
                hit,
                same_text=same_text_refs(view, context.codes, grouped.get(hit.article_key, ()), request.at),
            )
            for hit in hits
        )
        count = sum(len(docnums) for docnums in grouped.values())
        notices.append(
            f"Textes identiques regroupés : {count} article(s) au même texte qu'un résultat affiché sont "
            "indiqués sous celui-ci (ils restent comptés dans le total)."
        )
    untexted = _cited_without_text(request, context, scope, understood, hits)
    if untexted:  # it replaces "the cited article has no version in force", which is not so
        notices = [notice for notice in notices if not notice.startswith(CITED_NOT_IN_FORCE)] + [untexted]
    counts = facets(view, matched)
    if "status" in counts and scope.version.day is not None:  # statuses as they were at the day
        counts["status"] = status_counts_at(counts["status"], scope.version.day, date.today())
    return SearchResults(
        query=request.query,
        total=total,
        took_ms=0.0,
        hits=hits,
        filter_description=scope.description,
        notices=tuple(dict.fromkeys(notices)),
        understood_references=tuple(key.split(":", 1)[1] for key in understood.references),
        suggestion=understood.suggestion,
        facets=counts,
        unmatched_terms=unmatched,
        partial_match=bool(partial),
    )


def _cited_without_text(
    request: SearchRequest,
    context: SearchContext,
    scope: Scope,
    understood: Understood,
    hits: tuple[Hit, ...],
) -> str | None:
    """The notice for cited articles missing from the hits whose version in force at the day the store
    knows without its text (so not indexed): say so, instead of "no version in force"."""
    day = scope.version.day
    shown = {hit.article for hit in hits}
    missing = [key.split(":", 1)[1] for key in understood.references]
    missing = [number for number in missing if number not in shown]
    if not missing or day is None:
        return None
    code = request.code if request.code in context.codes else None
    return in_force_without_text(context.untexted(missing, day, code), day)


def _notices(
    request: SearchRequest,
    context: SearchContext,
    scope: Scope,
    understood: Understood,
    found: bool,
    unmatched: tuple[str, ...],
    partial: tuple[int, int] | None,
) -> list[str]:
    """What the user should know about how the query was read: filters, parsing, the index, and how
    well (or whether) anything matched."""
    notices = [*scope.notices, *understood.parsed.notices]
    if context.notice:
        notices.append(context.notice)
    notices += understood.notices
    if understood.parsed.is_empty and not (request.query or "").strip():
        notices.append("Requête vide : saisissez des mots ou un numéro d'article.")
    elif not found:
        notices.append(nothing_found(understood.parsed, understood.references, scope))
    if unmatched:
        words = ", ".join(f"« {word} »" for word in unmatched)
        notices.append(f"Mots absents de tous les articles : {words} (ils n'ont pas compté).")
    elif partial and found:
        notices.append(
            "Résultats partiels : aucun article ne contient tous les mots de la requête ; les premiers "
            f"en contiennent {partial[0]} sur {partial[1]}."
        )
    return notices


def _how_well(
    view: IndexView,
    understood: Understood,
    pool: Pool,
    ranked: tuple[Candidate, ...],
    retrieved: Retrieved | None,
) -> tuple[tuple[str, ...], tuple[int, int] | None, int]:
    """The words typed that no article has, (words the best articles have, words searched) when that
    is not all of them, and the result count: the articles that have as many of the query's words as
    any article has (plus the cited ones), not every article sharing one word with the query."""
    if retrieved is None or retrieved.coverage is None or understood.references:
        return (), None, max(len(ranked), count_articles(view, pool.matched))
    missing = set(retrieved.unmatched)
    typed = tuple(
        word
        for word in understood.parsed.text.split()
        if (lemmas := [token.text for token in analyze(word, lemmas=True)])
        and all(lemma in missing for lemma in lemmas)
    )
    best = retrieved.best_matches()
    have = int(retrieved.coverage[best].max()) if best.any() else 0
    partial = (have, retrieved.words) if 0 < have < retrieved.words else None
    return typed, partial, count_articles(view, best)


def _fewer_than_shown(
    unmatched: tuple[str, ...], partial: tuple[int, int] | None, total: int, shown: int
) -> bool:
    """Whether some article has every word of the query but fewer of them than the hits shown so far: the
    count then says "2" above ten hits, most of which match only some of the words, and the page must
    say why. (No article with every word, or a word no article has, has its own notice; without word
    coverage, or with cited articles, `_how_well` counts every hit ranked, never fewer than shown.)"""
    return not unmatched and partial is None and 0 < total < shown


def _timed(results: SearchResults, started: float) -> SearchResults:
    return replace(results, took_ms=round((time.perf_counter() - started) * 1000, 2))
