"""One request's engine that reads each word's positions in a version once.

The proximity bonus and the word pairs (search.word_pairs) both read the positions of the query's words
in the best candidates, nearly the same words in nearly the same versions; reading the postings again
cost the word pairs ~4.6 ms at p95. `RememberingEngine` answers `positions` from what the request has
already read and reads only the rest; everything else goes to the engine as is.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np

from search.engine import Engine, Retrieved
from search.filters import Where
from search.matching import QueryTerms
from search.query import ParsedQuery
from search.ranking import RankingConfig


class RememberingEngine:
    """`search.engine.Engine` over another, for one request, remembering the positions read."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._read: set[tuple[str, int]] = set()  # (lemma, document) pairs already read
        self._found: dict[int, dict[str, list[int]]] = {}

    def positions(self, lemmas: Sequence[str], docnums: Collection[int]) -> dict[int, dict[str, list[int]]]:
        wanted = list(dict.fromkeys(lemmas))
        read = self._read
        unread = [lemma for lemma in wanted if any((lemma, docnum) not in read for docnum in docnums)]
        if unread:
            documents = {docnum for docnum in docnums if any((lemma, docnum) not in read for lemma in unread)}
            for docnum, found in self.engine.positions(unread, documents).items():
                self._found.setdefault(docnum, {}).update(found)
            read |= {(lemma, docnum) for lemma in unread for docnum in documents}
        answer = {}
        for docnum in docnums:
            known = self._found.get(docnum, {})
            answer[docnum] = {lemma: known[lemma] for lemma in wanted if lemma in known}
        return answer

    def retrieve(
        self, terms: QueryTerms, allowed: np.ndarray, config: RankingConfig, where: Where | None = None
    ) -> Retrieved:
        return self.engine.retrieve(terms, allowed, config, where)

    def phrase(self, lemmas: Sequence[str]) -> np.ndarray:
        return self.engine.phrase(lemmas)

    def frequency(self, lemma: str) -> int:
        return self.engine.frequency(lemma)

    def correct(
        self, parsed: ParsedQuery, *, guard: bool = True, complete: bool = True
    ) -> tuple[str, ParsedQuery] | None:
        return self.engine.correct(parsed, guard=guard, complete=complete)
