"""The article that opens with what the query names: a bonus for the query's words at the start of a text.

An article states its subject in its first words ("Le contrat de travail à durée déterminée…", "La
rupture conventionnelle…", "Le salarié a droit…") and, further on, the conditions, exceptions and the
other rules it refers to. BM25F counts a word wherever it stands, so an article that names the subject
once in passing, late, scores like the one about it. Each of the best candidates' text score is
multiplied by 1 + `opening_words_weight` · exp(−p / `opening_words_span`), where p is the position (on
the lemma stream, stop words left out) of the first of the query's words or of their expansions' words
in the version shown: ×1.2 for a text that opens with one, ×1.07 for the eleventh word, nothing past
about fifty. Not for a search of past wordings (a wording is sought wherever it stands). Measured on the
CDTN dev set by group cross-validation and on our own judgments (scripts/eval_search.py).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from search import ranking
from search.candidates import PROXIMITY_DEPTH, Pool, best_by_text
from search.engine import Engine
from search.matching import QueryTerms


def opening_factor(first: int | None, config: ranking.RankingConfig) -> float:
    """The factor of a text whose first query word is at `first` (None: it has none)."""
    if first is None:
        return 1.0
    return 1.0 + config.opening_words_weight * math.exp(-first / config.opening_words_span)


def first_position(positions: Mapping[str, Sequence[int]]) -> int | None:
    """The first position of any of the words (`Engine.positions` of one version)."""
    return min((min(found) for found in positions.values() if found), default=None)


def with_opening_words(engine: Engine, terms: QueryTerms, pool: Pool, config: ranking.RankingConfig) -> Pool:
    """`pool` with the best candidates' (by text score, the ones proximity reads) text score times their
    `opening_factor`; the others are left as they are, so the order below them does not change."""
    if config.opening_words_weight <= 0 or not pool.candidates:
        return pool
    words = terms.every_lemma()
    if not words:
        return pool
    best = {candidate.key: candidate.docnum for candidate in best_by_text(pool.candidates, PROXIMITY_DEPTH)}
    found = engine.positions(list(words), set(best.values()))
    factors = {
        key: opening_factor(first_position(found.get(docnum, {})), config) for key, docnum in best.items()
    }
    return pool.scaled(lambda candidate: factors.get(candidate.key, 1.0))
