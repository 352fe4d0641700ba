"""The rules particular to a profession or a territory, for the query that names it: elsewhere they yield.

The Code du travail files under « Septième partie : Dispositions particulières à certaines professions et
activités » (the old code under its Livre VII) the rules of journalists, concierges, homeworkers, sales
representatives, models…, and under each part's « Livre … : Dispositions relatives à l'outre-mer » the
rules of Guadeloupe, Mayotte, Saint-Pierre-et-Miquelon…: their own paid leave, working hours, notice and
pay, in the very words of the general rules. A query on « congés payés » or « heures supplémentaires »
matched them as well as the general articles: of our 1,477 dev and own queries, 217 had such an article
in their first ten (371 of their places); 7 of those places were judged relevant, in the 5 queries that
name the profession or cite the article (« livreur pour une plateforme », « statut de VRP »).

So a candidate filed under such a heading has its text score times `RankingConfig.particular_factor`,
unless the query names what the rules are particular to: shares with that heading or the two below it
(« Livre Ier : Journalistes professionnels… », « Titre II : Guadeloupe, Guyane, Martinique, Mayotte… ») a
word that is rare in the index (under `particular_word_share` of its documents, so that « travail »,
« salarié » or « emploi » in both do not count, while « journaliste », « VRP » (voyageur, placier),
« plateforme », « concierge » or « Mayotte » do). Measured on the CDTN dev set and our own judgments
(scripts/eval_search.py; the figures are at the settings in search.ranking).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from search import ranking
from search.candidates import Candidate, Pool
from search.headings import title_lemmas
from search.index_view import IndexView
from search.matching import QueryTerms

# The headings over particular rules: the professions (the Code du travail's seventh part, the old
# code's Livre VII) and the overseas territories (a book of each part: « relatives à » or « spéciales à »).
_PARTICULAR = re.compile(
    r"dispositions\s+particuli[eè]res\s+[àa]\s+certaines\s+professions"
    r"|dispositions\s+(?:relatives|sp[ée]ciales)\s+[àa]\s+l.outre-mer",
    re.IGNORECASE,
)
NAMING_HEADINGS = 3  # that heading and the two below it (book, title) name what the rules are for


@lru_cache(maxsize=16384)
def naming_words(path: tuple[str, ...]) -> frozenset[str] | None:
    """The lemmas naming what a section path's rules are particular to (the headings from the one over
    particular rules down, their labels « Livre III : » left out), or None for a path of general rules."""
    for depth, heading in enumerate(path):
        if _PARTICULAR.search(heading):
            naming = path[depth : depth + NAMING_HEADINGS]
            return frozenset().union(*(title_lemmas(heading) for heading in naming))
    return None


def marks_down(config: ranking.RankingConfig) -> bool:
    """Whether the stage changes anything with these settings."""
    return config.particular_rules and config.particular_factor != 1.0


def rare_lemmas(
    terms: QueryTerms, frequency: Callable[[str], int], documents: int, config: ranking.RankingConfig
) -> frozenset[str]:
    """The query's lemmas (expansions' words included) in under `particular_word_share` of the index's
    `documents`, the ones that can name a profession or a territory; `frequency`: a lemma's document
    frequency (`Engine.frequency`, read while the engine is open). None are looked up with the stage off."""
    if not marks_down(config):
        return frozenset()
    limit = config.particular_word_share * documents
    return frozenset(lemma for lemma in terms.every_lemma() if frequency(lemma) < limit)


def with_particular_rules(
    view: IndexView, rare: frozenset[str], pool: Pool, config: ranking.RankingConfig
) -> Pool:
    """`pool` with the candidates filed under particular rules that the query's `rare` lemmas
    (`rare_lemmas`) do not name marked down."""
    if not marks_down(config) or not pool.candidates:
        return pool

    def factor(candidate: Candidate) -> float:
        words = naming_words(view.rows[candidate.docnum].section_path)
        return 1.0 if words is None or rare & words else config.particular_factor

    return pool.scaled(factor)
