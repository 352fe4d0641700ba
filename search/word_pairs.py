"""Word pairs: the query's adjacent words found adjacent in a version name the same thing.

A question names its subject in a few words that belong together ("rupture conventionnelle", "période
d'essai", "solde de tout compte", "temps de trajet") among words about what it asks. BM25F scores each
word alone, and the proximity bonus asks for every word within a window, which a long question's words
never are; so an article repeating one of the words anywhere weighs as much as the one that names the
subject. Each pair of words typed next to each other (on the lemma stream, stop words left out) that a
best candidate also has next to each other counts, weighted by the rarer word's idf; a candidate's text
score is multiplied by 1 + `RankingConfig.word_pair_weight` times the share of the pairs' weight it has.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

from search import ranking
from search.candidates import PROXIMITY_DEPTH, Pool, best_by_text
from search.engine import Engine
from search.matching import QueryTerms


def query_pairs(sequence: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """The distinct pairs of adjacent words of the query (a word next to itself left out)."""
    pairs = (pair for pair in pairwise(sequence) if pair[0] != pair[1])
    return tuple(dict.fromkeys(pairs))


def has_pair(positions: Mapping[str, Sequence[int]], pair: tuple[str, str]) -> bool:
    """Whether the second word follows the first somewhere (lemma-stream positions)."""
    following = set(positions.get(pair[1], ()))
    return any(position + 1 in following for position in positions.get(pair[0], ()))


def with_word_pairs(
    engine: Engine, terms: QueryTerms, pool: Pool, documents: int, config: ranking.RankingConfig
) -> Pool:
    """`pool` with the best candidates raised by the share (idf-weighted) of the query's word pairs they
    hold word for word; `documents`: the index's document count, for the idf."""
    pairs = query_pairs(terms.sequence)
    if config.word_pair_weight <= 0 or not pairs:
        return pool
    frequency = {lemma: engine.frequency(lemma) for pair in pairs for lemma in pair}
    weights = {pair: min(ranking.idf(frequency[lemma], documents) for lemma in pair) for pair in pairs}
    total = sum(weights.values())
    if total <= 0:
        return pool
    ordered = best_by_text(pool.candidates, PROXIMITY_DEPTH)
    found = engine.positions(list(frequency), {c.docnum for c in ordered})
    share = {
        c.key: sum(weight for pair, weight in weights.items() if has_pair(found[c.docnum], pair)) / total
        for c in ordered
    }
    return pool.scaled(lambda c: 1.0 + config.word_pair_weight * share.get(c.key, 0.0))
