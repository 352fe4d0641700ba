"""Text retrieval: BM25F scores of every indexed version for an analyzed query, as numpy vectors.

Postings come from the Whoosh index (`search.postings`), the formulas from `search.ranking`; phrases are
matched by Whoosh's own phrase query. The result is exact: every matching version of the filter is in
`matched`, so totals and facets are counts, not estimates.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from whoosh import query as wq
from whoosh.searching import Searcher

from search.matching import QueryTerms
from search.postings import term_postings
from search.ranking import (
    EXPANSION_WEIGHT,
    FIELD_B,
    FIELD_WEIGHTS,
    PHRASE_WEIGHT,
    idf,
    normalized_tf,
    proximity_bonus,
    saturate,
)


@dataclass(frozen=True)
class FieldStats:
    lengths: np.ndarray
    average: float


@dataclass(frozen=True)
class Retrieved:
    scores: np.ndarray  # BM25F (+ phrase) score per version; 0 outside `matched`
    matched: np.ndarray  # bool: the version matches the query and passes the filter


def _pseudo_tf(
    searcher: Searcher,
    stats: dict[str, FieldStats],
    term: str,
    fields: tuple[str, ...],
    size: int,
    weights: dict[str, float],
) -> np.ndarray:
    """BM25F's weighted sum of the term's length-normalized frequencies over `fields`."""
    pseudo = np.zeros(size)
    for field in fields:
        ids, tf = term_postings(searcher, field, term)
        if ids.size:
            field_stats = stats[field]
            pseudo[ids] += weights[field] * normalized_tf(
                tf, field_stats.lengths[ids], field_stats.average, FIELD_B[field]
            )
    return pseudo


def _mask(searcher: Searcher, query: wq.Query, size: int) -> np.ndarray:
    mask = np.zeros(size, dtype=bool)
    docs = np.fromiter(searcher.docs_for_query(query), dtype=np.int64)
    if docs.size:
        mask[docs] = True
    return mask


def retrieve(
    searcher: Searcher,
    stats: dict[str, FieldStats],
    terms: QueryTerms,
    allowed: np.ndarray,
    weights: dict[str, float] = FIELD_WEIGHTS,
) -> Retrieved | None:
    """Scores and matches of `terms` among the `allowed` versions; None when there is no text to match."""
    if terms.is_empty:
        return None
    size = allowed.size
    documents = max(size, 1)
    scores = np.zeros(size)
    matched = np.zeros(size, dtype=bool)
    for term in terms.lemmas:
        pseudo = _pseudo_tf(searcher, stats, term, ("text", "section"), size, weights)
        hit = pseudo > 0
        frequency = int(hit.sum())
        if frequency:
            scores += saturate(pseudo, idf(frequency, documents))
            matched |= hit
    text_stats = stats["text"]
    spans = terms.expansion_spans or ((),) * len(terms.expansion_phrases)
    for tokens, span in zip(terms.expansion_phrases, spans, strict=True):
        # An expansion counts only as a whole phrase, and only where the typed words are not all there
        # (the concept is credited once, whichever wording the version uses).
        query = wq.Term("text", tokens[0]) if len(tokens) == 1 else wq.Phrase("text", list(tokens))
        hit = _mask(searcher, query, size)
        if span:
            hit &= ~_mask(searcher, wq.And([wq.Term("text", lemma) for lemma in span]), size)
        frequency = int(hit.sum())
        if frequency:
            pseudo = weights["text"] * normalized_tf(
                hit.astype(float), text_stats.lengths, text_stats.average, FIELD_B["text"]
            )
            scores += EXPANSION_WEIGHT * saturate(pseudo, idf(frequency, documents))
            matched |= hit
    for form in terms.surface if weights.get("surface", 0.0) > 0 else ():
        pseudo = _pseudo_tf(searcher, stats, form, ("surface",), size, weights)
        hit = pseudo > 0
        frequency = int(hit.sum())
        if frequency:
            scores += saturate(pseudo, idf(frequency, documents))
            matched |= hit
    if terms.phrases:  # quoted phrases are required; free words then only add to the score
        matched = np.ones(size, dtype=bool)
        for tokens in terms.phrases:
            query = wq.Term("surface", tokens[0]) if len(tokens) == 1 else wq.Phrase("surface", list(tokens))
            phrase = _mask(searcher, query, size)
            matched &= phrase
            scores += PHRASE_WEIGHT * phrase
    if terms.excluded_lemmas or terms.excluded_surface:
        excluded = [wq.Term("text", lemma) for lemma in terms.excluded_lemmas]
        excluded += [wq.Term("surface", form) for form in terms.excluded_surface]
        matched &= ~_mask(searcher, wq.Or(excluded), size)
    matched &= allowed
    scores = np.where(matched, scores, 0.0)
    return Retrieved(scores, matched)


def term_positions(searcher, lemmas: tuple[str, ...], wanted: set[int]) -> dict[int, list[list[int]]]:
    """Positions (lemma stream) of each of `lemmas` in each wanted version."""
    positions: dict[int, list[list[int]]] = {d: [] for d in wanted}
    for lemma in lemmas:
        found: dict[int, list[int]] = {}
        try:
            matcher = searcher.postings("text", lemma)
        except Exception:  # term absent from the index
            matcher = None
        if matcher is not None:
            for docnum in sorted(wanted):
                if not matcher.is_active():
                    break
                if matcher.id() < docnum:
                    matcher.skip_to(docnum)
                    if not matcher.is_active():
                        break
                if matcher.id() == docnum:
                    found[docnum] = list(matcher.value_as("positions"))
        for docnum in wanted:
            positions[docnum].append(found.get(docnum, []))
    return positions


def proximity_scores(searcher, terms: QueryTerms, docs: dict[str, int]) -> dict[str, float]:
    """Proximity bonus of each candidate's best version from the lemma stream's positions."""
    if not docs:
        return {}
    positions = term_positions(searcher, terms.lemmas, set(docs.values()))
    return {key: proximity_bonus(positions[docnum]) for key, docnum in docs.items()}


def longest_runs(searcher, terms: QueryTerms, docnums: set[int]) -> dict[int, int]:
    """For each version, the longest run of consecutive query words (in the order typed) that it
    contains word for word: how much of the query's own wording the version has."""
    if not docnums or not terms.sequence:
        return dict.fromkeys(docnums, 0)
    distinct = tuple(dict.fromkeys(terms.sequence))
    index = {lemma: i for i, lemma in enumerate(distinct)}
    positions = term_positions(searcher, distinct, docnums)
    runs: dict[int, int] = {}
    for docnum in docnums:
        sets = [set(found) for found in positions[docnum]]
        best, previous = 0, {}
        for lemma in terms.sequence:
            current = {pos: previous.get(pos - 1, 0) + 1 for pos in sets[index[lemma]]}
            best = max(best, max(current.values(), default=0))
            previous = current
        runs[docnum] = best
    return runs
