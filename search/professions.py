"""The rules of particular professions, for the query that names one: elsewhere they yield to the general rule.

The Code du travail files under "Septième partie : Dispositions particulières à certaines professions et
activités" (the old code under its Livre VII) the rules of journalists, concierges, homeworkers, sales
representatives, models…: their own paid leave, working hours, notice and dismissal pay, in the very
words of the general rules. A query on « congés payés » or « heures supplémentaires » matched them as
well as the general articles: a professions article sat in the first ten of 186 of our 1,477 dev and
own queries (74 in the first three) although none of those queries named a profession.

So a candidate filed under such a heading has its text score times `RankingConfig.profession_factor`,
unless the query names its profession: shares with the two headings below (the book's and the title's:
« Journalistes professionnels », « Voyageurs, représentants et placiers », « Employés de maison ») a
word that is rare in the index (under `profession_word_share` of its documents, so that « travail »,
« salarié » or « emploi » in both do not count, while « journaliste », « VRP » (voyageur, placier),
« plateforme » or « concierge » do). Measured on the CDTN dev set and our own judgments
(scripts/eval_search.py; the figures are at the setting in search.ranking).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from analyzers.french import analyze
from search import ranking
from search.candidates import Candidate, Pool
from search.index_view import IndexView
from search.matching import QueryTerms

# The heading over the particular professions: the Code du travail's seventh part, the old code's Livre VII.
_PARTICULAR = re.compile(r"dispositions\s+particuli[eè]res\s+[àa]\s+certaines\s+professions", re.IGNORECASE)
NAMING_HEADINGS = 2  # the headings below it that name the profession (book, title)


@lru_cache(maxsize=16384)
def profession_words(path: tuple[str, ...]) -> frozenset[str] | None:
    """The lemmas naming the profession of a section path filed under the particular professions
    (its book's and title's headings, their labels « Livre III : » left out); None for any other path."""
    for depth, heading in enumerate(path):
        if _PARTICULAR.search(heading):
            naming = path[depth + 1 : depth + 1 + NAMING_HEADINGS]
            return frozenset(
                token.text for heading in naming for token in analyze(heading.split(":", 1)[-1], lemmas=True)
            )
    return None


def rare_lemmas(
    terms: QueryTerms, frequency: Callable[[str], int], documents: int, config: ranking.RankingConfig
) -> frozenset[str]:
    """The query's lemmas (expansions' words included) in under `profession_word_share` of the index's
    `documents`, the ones that can name a profession; `frequency`: a lemma's document frequency
    (`Engine.frequency`, read while the engine is open). None are looked up with the stage off."""
    if not config.professions or config.profession_factor == 1.0:
        return frozenset()
    limit = config.profession_word_share * documents
    return frozenset(lemma for lemma in terms.every_lemma() if frequency(lemma) < limit)


def with_professions(
    view: IndexView, rare: frozenset[str], pool: Pool, config: ranking.RankingConfig
) -> Pool:
    """`pool` with the candidates filed under a profession that the query's `rare` lemmas (`rare_lemmas`)
    do not name marked down."""
    if not config.professions or config.profession_factor == 1.0 or not pool.candidates:
        return pool

    def factor(candidate: Candidate) -> float:
        words = profession_words(view.rows[candidate.docnum].section_path)
        return 1.0 if words is None or rare & words else config.profession_factor

    return pool.scaled(factor)
