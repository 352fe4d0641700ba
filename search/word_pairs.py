"""Word pairs: the query's adjacent words found adjacent in a version name the same thing.

A question names its subject in a few words that belong together ("rupture conventionnelle", "période
d'essai", "solde de tout compte", "temps de trajet") among words about what it asks. BM25F scores each
word alone, and the proximity bonus asks for every word within a window, which a long question's words
never are; so an article repeating one of the words anywhere weighs as much as the one that names the
subject. Each pair of words typed next to each other (on the lemma stream, stop words left out) that a
best candidate also has next to each other counts, weighted by the rarer word's idf; a candidate's text
score is multiplied by 1 + `RankingConfig.word_pair_weight` times the share of the pairs' weight it has.

A question in words searches the section titles at a reduced weight
(`RankingConfig.question_section_factor`): its several words would match the long headings of whole
books. The subject it names in a pair ("accès à la formation", "temps de trajet") is a heading's words all
the same: with `RankingConfig.question_heading_pairs`, a pair counts where the candidate's headings hold it
too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from itertools import pairwise

from search import ranking
from search.candidates import PROXIMITY_DEPTH, Pool, best_by_text
from search.engine import Engine
from search.headings import heading_lemmas
from search.matching import QueryTerms

HEADING_GAP = 100  # positions between two headings of a path: a pair never spans two headings


def query_pairs(sequence: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """The distinct pairs of adjacent words of the query (a word next to itself left out)."""
    pairs = (pair for pair in pairwise(sequence) if pair[0] != pair[1])
    return tuple(dict.fromkeys(pairs))


def has_pair(positions: Mapping[str, Sequence[int]], pair: tuple[str, str]) -> bool:
    """Whether the second word follows the first somewhere (lemma-stream positions)."""
    following = set(positions.get(pair[1], ()))
    return any(position + 1 in following for position in positions.get(pair[0], ()))


@lru_cache(maxsize=65536)
def heading_positions(path: tuple[str, ...]) -> Mapping[str, tuple[int, ...]]:
    """Lemma → positions in a section path's headings (lemma stream), each heading apart from the next."""
    found: dict[str, list[int]] = {}
    for number, heading in enumerate(path):
        for token in heading_lemmas(heading):
            found.setdefault(token.text, []).append(number * HEADING_GAP + token.pos)
    return {lemma: tuple(positions) for lemma, positions in found.items()}


def with_word_pairs(
    engine: Engine,
    terms: QueryTerms,
    pool: Pool,
    documents: int,
    config: ranking.RankingConfig,
    headings: Callable[[int], Mapping[str, Sequence[int]]] | None = None,
) -> Pool:
    """`pool` with the best candidates raised by the share (idf-weighted) of the query's word pairs they
    hold word for word; `documents`: the index's document count, for the idf; `headings`, when given: a
    version's heading positions (`heading_positions`), where a pair counts too."""
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

    def held(docnum: int, pair: tuple[str, str]) -> bool:
        return has_pair(found[docnum], pair) or (headings is not None and has_pair(headings(docnum), pair))

    share = {
        c.key: sum(weight for pair, weight in weights.items() if held(c.docnum, pair)) / total
        for c in ordered
    }
    return pool.scaled(lambda c: 1.0 + config.word_pair_weight * share.get(c.key, 0.0))
