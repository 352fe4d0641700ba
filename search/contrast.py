"""The opposite kind: an article filed under the other kind of the rule the query names loses ground.

"rupture conventionnelle individuelle" shares all but one word with the headings of the collective
kind ("… accord collectif portant rupture conventionnelle collective"), whose longer headings and
bodies repeat the shared words: without this stage they outrank the articles asked for. A candidate
whose deepest heading naming either kind names the opposite of a qualifier the query typed
(`analyzers.contrasts`), and not the typed one, has its text score multiplied by `RankingConfig.contrast_penalty`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analyzers.contrasts import contrasting_lemmas
from search import ranking
from search.candidates import Candidate, Pool
from search.headings import heading_lemmas
from search.index_view import IndexView
from search.matching import QueryTerms

# A part's heading ("Première partie : Les relations individuelles de travail", "Deuxième partie : Les
# relations collectives de travail") files whole books of both kinds: the rupture conventionnelle of a
# protected employee sits in the "collective" part. It never says which kind a rule is.
_PART = re.compile(r"^\s*(?:\w+\s+)?partie\b", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _heading_lemmas(path: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """The lemmas of each heading of a section path but a part's, deepest first."""
    return tuple(
        frozenset(token.text for token in heading_lemmas(heading))
        for heading in reversed(path)
        if not _PART.match(heading)
    )


def filed_opposite(path: tuple[str, ...], lemma: str, opposite: frozenset[str]) -> bool:
    """Whether the deepest heading that names either kind names the opposite one and not `lemma` (a
    part's heading, "Les relations individuelles de travail", holds rules of both kinds: never counted)."""
    for heading in _heading_lemmas(path):
        if lemma in heading:
            return False
        if heading & opposite:
            return True
    return False


def with_contrasts(view: IndexView, terms: QueryTerms, pool: Pool, config: ranking.RankingConfig) -> Pool:
    """`pool` with the candidates filed under the opposite kind of a typed qualifier marked down."""
    if not config.contrasts:
        return pool
    table = contrasting_lemmas()
    typed = set(terms.lemmas)
    wanted = [(lemma, table[lemma] - typed) for lemma in typed if lemma in table]
    wanted = [(lemma, opposite) for lemma, opposite in wanted if opposite]
    if not wanted:
        return pool

    def penalty(candidate: Candidate) -> float:
        path = view.rows[candidate.docnum].section_path
        opposed = any(filed_opposite(path, lemma, opposite) for lemma, opposite in wanted)
        return config.contrast_penalty if opposed else 1.0

    return pool.scaled(penalty)
