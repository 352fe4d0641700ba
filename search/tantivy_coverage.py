"""How many of the query's words each match has, on the tantivy engine (`Retrieved.coverage`).

The Whoosh engine lists every match of every word (`search.retrieval.word_coverage`); on all codes a
broad word has 10^5 matches, and listing them from tantivy costs more than the whole rest of a search. So
the words present come from tantivy's counts and only the matches with the most words are listed, which
is all that the result count and the partial-match notice read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import tantivy

from search.filters import Where
from search.matching import QueryTerms, expansion_fields, lemma_fields
from search.ranking import RankingConfig
from search.retrieval import word_coverage as listed_word_coverage

if TYPE_CHECKING:
    from search.tantivy_engine import TantivyEngine

Q = tantivy.Query
MUST, SHOULD = tantivy.Occur.Must, tantivy.Occur.Should


def word_coverage(
    engine: TantivyEngine,
    terms: QueryTerms,
    config: RankingConfig,
    where: Where | None,
    matched: np.ndarray,
    allowed: np.ndarray,
) -> tuple[np.ndarray, tuple[str, ...], int]:
    """(coverage, words no match has, number of words), as `WhooshEngine.retrieve` gives them."""
    words = _word_queries(engine, terms, config)
    if _filters_exactly(where):
        coverage, unmatched = _best_coverage(
            engine, words, engine.restrictions(terms, where), matched, allowed
        )
    else:
        coverage, unmatched = _listed_coverage(engine, words, matched, allowed)
    return coverage, unmatched, len(words)


def _filters_exactly(where: Where | None) -> bool:
    """Whether tantivy's filter (`TantivyEngine._filters`) selects exactly the `allowed` mask: not for
    a status at a past day, which only the mask knows."""
    if where is None:
        return False
    return not (where.status and where.day is not None and where.day < date.today())


def _word_queries(
    engine: TantivyEngine, terms: QueryTerms, config: RankingConfig
) -> dict[str, tantivy.Query | None]:
    """Each query word's matches: the word itself or an expansion standing for it (None: no field
    holds it), as `WhooshEngine.retrieve` counts the words a document has."""
    weights = config.field_weights
    parts: dict[str, list[tantivy.Query]] = {}
    fields = tuple(expansion_fields(weights, config))
    for lemma in terms.lemmas:
        query = engine.lemma(lemma, weights, lemma_fields(lemma, config, weights))
        parts[lemma] = [query] if query is not None else []
    for tokens, span in zip(terms.expansion_phrases, terms.spans(), strict=True):
        if any(lemma in parts for lemma in span):
            expansion = engine.expansion(tokens, span, fields)
            for lemma in span:
                if lemma in parts:
                    parts[lemma].append(expansion)
    return {
        lemma: (queries[0] if len(queries) == 1 else Q.boolean_query([(SHOULD, q) for q in queries]))
        if queries
        else None
        for lemma, queries in parts.items()
    }


def _best_coverage(
    engine: TantivyEngine,
    words: Mapping[str, tantivy.Query | None],
    restrictions: list[tuple[tantivy.Occur, tantivy.Query]],
    matched: np.ndarray,
    allowed: np.ndarray,
) -> tuple[np.ndarray, tuple[str, ...]]:
    """`word_coverage` without listing each word's matches (a broad word has 10^5 on all codes):
    which words some match has, from tantivy's counts, then the matches that have the most of them.
    The coverage is exact on those (all `Retrieved.best_matches` reads) and 0 on the others. A word's
    query lies within the free part of the request's query, so a match is `restrictions` (quoted
    phrases, exclusions, filters) and the word."""

    def within(*queries: tantivy.Query) -> tantivy.Query:
        return Q.boolean_query([*restrictions, *((MUST, query) for query in queries)])

    known = [q for q in words.values() if q is not None]
    every = within(*known) if known else None
    count = engine.count(every) if every is not None else 0
    if count:  # some match has every word: each is present (one count instead of one per word)
        counts = {lemma: int(q is not None) for lemma, q in words.items()}
    else:
        counts = {lemma: engine.count(within(q)) if q is not None else 0 for lemma, q in words.items()}
    unmatched = tuple(lemma for lemma, n in counts.items() if not n) if allowed.any() else ()
    present = [q for lemma, q in words.items() if counts[lemma] and q is not None]
    coverage = np.zeros(allowed.size, dtype=np.int16)
    if not present:
        return coverage, unmatched
    total = int(np.count_nonzero(matched))
    if not count and len(present) < len(known):  # the words some match has: all together?
        every = within(*present)
        count = engine.count(every) if len(present) > 1 else max(counts.values())
    if count == total:  # every match has every word present
        coverage[matched] = len(present)
    elif count:
        coverage[engine.docnums(every, count)] = len(present)
    else:
        most, docnums = _most_words(engine, present, restrictions, total)
        coverage[docnums] = most
    coverage[~matched] = 0
    return coverage, unmatched


def _most_words(
    engine: TantivyEngine,
    present: Sequence[tantivy.Query],
    restrictions: list[tuple[tantivy.Occur, tantivy.Query]],
    total: int,
) -> tuple[int, list[int]]:
    """The largest number of `present` words a match has, and the matches that have that many:
    tantivy ranks the matches by a score of 1 per word, read until the score drops."""
    scored = Q.boolean_query(
        [*restrictions, *((SHOULD, Q.const_score_query(query, 1.0)) for query in present)]
    )
    limit = min(total, 1024)
    while True:
        hits = engine.searcher.search(scored, limit).hits
        if hits[-1][0] < hits[0][0] or limit >= total:
            break
        limit = min(total, limit * 8)
    most = hits[0][0]
    docnums = engine.searcher.fast_field_values(
        "docnum", [address for score, address in hits if score == most]
    )
    return round(most), docnums


def _listed_coverage(
    engine: TantivyEngine, words: Mapping[str, tantivy.Query | None], matched: np.ndarray, allowed: np.ndarray
) -> tuple[np.ndarray, tuple[str, ...]]:
    """`word_coverage` from the list of each word's matches (exact everywhere, slower)."""
    none = np.zeros(allowed.size, dtype=bool)
    has = {lemma: engine.matches(q) if q is not None else none for lemma, q in words.items()}
    return listed_word_coverage(has, matched, allowed)
