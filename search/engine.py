"""The retrieval engine interface: what the search pipeline asks of an index, whichever library holds it.

An engine answers for ONE opened index generation, whose documents (article versions) are numbered
0..N-1 in the order of the index view's document table (`search.index_view.IndexView.rows`). Filters
(in force at a date, status, code, section) reach the engine as the `allowed` mask over those numbers,
computed once per filter by the view from the stored fields, so every engine filters the same way.

Two engines implement it over the same document numbers: Whoosh (`search.retrieval.WhooshEngine`, the
default) and tantivy (`search.tantivy_engine.TantivyEngine`, for large corpora); the index metadata says
which one wrote an index (`indexer.engines`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from search.filters import Where
from search.matching import QueryTerms
from search.query import ParsedQuery
from search.ranking import RankingConfig


@dataclass(frozen=True)
class Retrieved:
    """Text scores and matches of every document. Dense vectors (N is ~10^4–10^5 versions), so totals
    and facets are exact counts and the next stages pick their top k with numpy."""

    scores: np.ndarray  # float: BM25F (+ phrase) score per document; 0 outside `matched`
    matched: np.ndarray  # bool: the document matches the query and is allowed by the filters
    # How many of the query's words each document has (a word's synonym or expansion counts for it),
    # and the words no allowed document has: what "N articles match" and "no article says X" rest on.
    coverage: np.ndarray | None = None
    unmatched: tuple[str, ...] = ()
    words: int = 0  # distinct query words (lemmas) searched

    @classmethod
    def nothing(cls, size: int) -> Retrieved:
        return cls(np.zeros(size), np.zeros(size, dtype=bool))

    def best_matches(self) -> np.ndarray:
        """The matched documents that have the most query words any document has: the documents
        that match the query as ranked, not every one that shares one word with it."""
        if self.coverage is None or not self.matched.any():
            return self.matched
        best = self.coverage[self.matched].max()
        return self.matched & (self.coverage >= best)

    def top(self, depth: int) -> np.ndarray:
        """Numbers of the `depth` best matched documents, best first (ties in document order)."""
        docs = np.flatnonzero(self.matched)
        if docs.size > depth:
            docs = docs[np.argpartition(-self.scores[docs], depth)[:depth]]
        return docs[np.argsort(-self.scores[docs], kind="stable")]


@runtime_checkable
class Engine(Protocol):
    """One index generation, opened for one request."""

    def retrieve(
        self, terms: QueryTerms, allowed: np.ndarray, config: RankingConfig, where: Where | None = None
    ) -> Retrieved:
        """Scores and matches of the analyzed query among the `allowed` documents: free words (lemmas,
        with their expansions as phrases), required quoted phrases, excluded words. `where` is the same
        filter as values, for an engine that filters natively (tantivy); the result stays within
        `allowed` either way."""
        ...

    def positions(self, lemmas: Sequence[str], docnums: Collection[int]) -> dict[int, dict[str, list[int]]]:
        """Positions on the lemma stream of each of `lemmas` in each of `docnums` (absent: no entry),
        the postings the proximity bonus and the past-wording choice need."""
        ...

    def phrase(self, lemmas: Sequence[str]) -> np.ndarray:
        """Bool per document: has `lemmas` in this order, adjacent, on the lemma stream."""
        ...

    def frequency(self, lemma: str) -> int:
        """How many documents (versions) have `lemma` on the lemma stream: the term dictionary's count,
        read without scanning postings."""
        ...

    def correct(
        self, parsed: ParsedQuery, *, guard: bool = True, complete: bool = True
    ) -> tuple[str, ParsedQuery] | None:
        """The query with each word unknown to the index replaced by its closest known word (with
        `complete`, a truncation by the most used word it begins); None when every word is known."""
        ...
