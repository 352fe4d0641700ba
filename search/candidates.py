"""The candidate stages, after retrieval: one candidate per article (its best version), the version a
past-wording search shows, proximity, the articles the query cites and their neighbours in the citation
graph, then the final score. Each stage takes a `Pool` and returns a new one; none touches the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date

import numpy as np

from search import ranking
from search.engine import Engine, Retrieved
from search.graph import distances, rerank
from search.index_view import IndexView
from search.matching import QueryTerms

CANDIDATE_DOCS = 300  # scored versions looked at before grouping by article
PROXIMITY_DEPTH = 60  # candidates whose term positions are read for the proximity bonus

Neighbours = Callable[[str], Iterable[str]]


@dataclass(frozen=True)
class Candidate:
    key: str  # article key
    docnum: int  # the version shown
    text: float = 0.0  # BM25F score, divided by the best candidate's
    proximity: float = 0.0
    reference: float = 0.0
    cited_order: int | None = None  # the query cites this article, in this position
    rerank: float = 0.0
    score: float = 0.0

    def evolved(self, **changes: object) -> Candidate:
        """This candidate with `changes`, as `dataclasses.replace` makes it, at a third of its cost: the
        pool's stages copy some 900 candidates a search, and `replace` looks up the fields and runs
        `__init__` for each (6 µs a copy on today's slow core against 1.7 µs, ~4 ms of CPU a search)."""
        copy = object.__new__(Candidate)
        state = copy.__dict__  # frozen: its __setattr__ refuses, its dict does not
        state.update(self.__dict__)
        state.update(changes)
        if len(state) != len(_CANDIDATE_FIELDS):
            raise TypeError(
                f"Candidate n'a pas de champ {', '.join(sorted(state.keys() - _CANDIDATE_FIELDS))}"
            )
        return copy


_CANDIDATE_FIELDS = frozenset(field.name for field in fields(Candidate))


@dataclass(frozen=True)
class Pool:
    """The candidates of one request (one per article, in retrieval order) and every matching version."""

    candidates: tuple[Candidate, ...]
    matched: np.ndarray  # bool per document: matches the query (or is a cited article) and the filters
    top: float = 1.0  # the best text score, that `Candidate.text` is divided by

    def scaled(self, factor: Callable[[Candidate], float]) -> Pool:
        """This pool with each candidate's text score times `factor(candidate)`: the priors and penalties
        (article prior, citation prior, opposite kinds) are all such factors."""
        candidates = []
        for candidate in self.candidates:
            times = factor(candidate)
            candidates.append(candidate if times == 1.0 else candidate.evolved(text=candidate.text * times))
        return replace(self, candidates=tuple(candidates))


def best_by_text(candidates: Sequence[Candidate], count: int) -> list[Candidate]:
    """The `count` candidates of highest text score, best first: the ones the costlier stages read."""
    return sorted(candidates, key=lambda c: -c.text)[:count]


def best_versions(view: IndexView, retrieved: Retrieved, wanted: int) -> Pool:
    """One candidate per article among the best-scored versions: its best-scored version."""
    best: dict[str, tuple[int, float]] = {}
    for docnum in retrieved.top(max(CANDIDATE_DOCS, 3 * wanted)).tolist():
        key = view.rows[docnum].article_key
        if key not in best:
            best[key] = (docnum, float(retrieved.scores[docnum]))
    top = max((score for _, score in best.values()), default=0.0) or 1.0
    candidates = tuple(Candidate(key, docnum, text=score / top) for key, (docnum, score) in best.items())
    return Pool(candidates, retrieved.matched.copy(), top)


def with_proximity(
    engine: Engine,
    view: IndexView,
    terms: QueryTerms,
    retrieved: Retrieved,
    pool: Pool,
    all_versions: bool,
    config: ranking.RankingConfig,
) -> Pool:
    """The proximity bonus of the best candidates; when past wordings are searched, also the version
    each row shows: the one whose wording matches the query best — the longest run of the query's words
    it has word for word, then text score raised by proximity (the version that says "connotation
    sexuelle répétés", not today's "… sexuelle ou sexiste répétés")."""
    if not (config.proximity and len(terms.lemmas) > 1):
        return pool
    ordered = best_by_text(pool.candidates, PROXIMITY_DEPTH)
    if all_versions:
        shown = _past_wordings(engine, view, terms, retrieved, pool.matched, ordered, config)
    else:
        found = engine.positions(terms.lemmas, {c.docnum for c in ordered})
        shown = {c.key: (c.docnum, _proximity(terms, found[c.docnum])) for c in ordered}
    candidates = []
    for candidate in pool.candidates:
        if candidate.key in shown:
            docnum, near = shown[candidate.key]
            text = float(retrieved.scores[docnum]) / pool.top
            candidate = candidate.evolved(docnum=docnum, text=text, proximity=near)
        candidates.append(candidate)
    return replace(pool, candidates=tuple(candidates))


def _past_wordings(
    engine: Engine,
    view: IndexView,
    terms: QueryTerms,
    retrieved: Retrieved,
    matched: np.ndarray,
    ordered: list[Candidate],
    config: ranking.RankingConfig,
) -> dict[str, tuple[int, float]]:
    """(version shown, its proximity) of each candidate: its matching version with the longest run of the
    query's wording, then the best text score raised by proximity, then the most recent."""
    versions = {c.key: [d for d in view.by_article[c.key] if matched[d]] for c in ordered}
    found = engine.positions(terms.lemmas, {d for docnums in versions.values() for d in docnums})
    shown = {}
    for key, docnums in versions.items():
        near = {d: _proximity(terms, found[d]) for d in docnums}
        chosen = max(
            docnums,
            key=lambda d: (
                ranking.longest_run(terms.sequence, found[d]),
                retrieved.scores[d] * (1.0 + config.proximity_weight * near[d]),
                view.recency[d],
            ),
        )
        shown[key] = (chosen, near[chosen])
    return shown


def _proximity(terms: QueryTerms, positions: Mapping[str, list[int]]) -> float:
    return ranking.proximity_bonus([positions.get(lemma, []) for lemma in terms.lemmas])


def with_references(
    view: IndexView,
    pool: Pool,
    references: tuple[str, ...],
    neighbours: Neighbours,
    allowed: np.ndarray,
    config: ranking.RankingConfig,
) -> Pool:
    """The articles the query cites come first, in the order cited; with `config.references`, the
    articles within `REFERENCE_MAX_DISTANCE` citation links of them score by distance. Both join the
    candidates (through their latest allowed version) when the text did not find them."""
    if not references:
        return pool
    found = dict.fromkeys(references, 0)
    if config.references:
        found = distances(neighbours, references, ranking.REFERENCE_MAX_DISTANCE)
    cited_order = {key: order for order, key in enumerate(references)}
    matched = pool.matched.copy()
    candidates = {candidate.key: candidate for candidate in pool.candidates}
    for key in found:
        if key not in candidates:
            docnum = latest_allowed(view, key, allowed)
            if docnum is None:
                continue
            candidates[key] = Candidate(key, docnum)
            matched[docnum] = True
    for key in references:  # every in-filter version of a cited article counts as matching
        for docnum in view.by_article.get(key, ()):
            if allowed[docnum]:
                matched[docnum] = True
    for key, candidate in candidates.items():
        distance = found.get(key)
        reference = ranking.reference_score(distance) if distance else 0.0
        candidates[key] = candidate.evolved(reference=reference, cited_order=cited_order.get(key))
    return replace(pool, candidates=tuple(candidates.values()), matched=matched)


def latest_allowed(view: IndexView, key: str, allowed: np.ndarray) -> int | None:
    """The allowed version of an article that came into force last."""
    docnums = [d for d in view.by_article.get(key, ()) if allowed[d]]
    if not docnums:
        return None
    return max(docnums, key=lambda d: view.rows[d].valid_from or date.min)


def final_scores(pool: Pool, neighbours: Neighbours, config: ranking.RankingConfig) -> tuple[Candidate, ...]:
    """Every candidate with its graph re-rank score and final score, best first: cited articles in the
    order cited, then text relevance raised by proximity, reference distance and the re-rank."""
    rerank_scores: dict[str, float] = {}
    if config.rerank and len(pool.candidates) > 1:
        top = best_by_text(pool.candidates, config.rerank_depth)
        rerank_scores = dict(rerank({c.key: c.text for c in top if c.text > 0}, neighbours) or {})
        peak = max(rerank_scores.values(), default=0.0) or 1.0
        rerank_scores = {key: value / peak for key, value in rerank_scores.items()}
    scored = []
    for candidate in pool.candidates:
        graph = rerank_scores.get(candidate.key, 0.0)
        if candidate.cited_order is not None:
            score = ranking.cited_score(candidate.cited_order)
        else:
            score = ranking.combine(candidate.text, candidate.proximity, candidate.reference, graph, config)
        scored.append(candidate.evolved(rerank=graph, score=score))
    return tuple(sorted(scored, key=lambda c: (-c.score, c.key)))
