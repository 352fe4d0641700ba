"""Everyday wordings of labour-law rules → the Code du travail's own wording of each rule: the topics'
data modules (analyzers.lay_wordings_contract, analyzers.lay_wordings_work) assembled in one table.

Reviewed by hand. One way only: the code's words are not synonyms of each other ("libertés
individuelles" does not mean "convictions religieuses"). Keys are what people type on a help site,
matched on the surface stream (case, accents, elisions and hyphens do not matter, but plural and
singular do, and so do the small words: "congé naissance" is not "congé de naissance"); the longest key
wins, so a key that starts with an abbreviation ("CDD d'usage") replaces that abbreviation's expansion
and must offer it again. Every offered wording occurs in the body of an article
(scripts/check_synonyms.py): section titles are not searched for it.

An expansion counts as much as the typed words, so a key must name the rule, and the wording it offers
should be specific (a phrase, or a word the code uses for that rule only). Left out on purpose, because
the code uses the word for another rule: "travail à domicile" (the code's "travailleurs à domicile" are
home-workers, Livre VII, not teleworkers), "mutation" (the code's "mutations technologiques ou
économiques"), "récupération des heures" (the code's making up of hours lost, L. 3121-50, not time off
for overtime), "gratification" for a trainee's pay (the code's "gratifications" are bonuses counted in a
pay reference, R. 1234-4), "prime" or "pause" alone (common words of the code). Left out because the
Code du travail has no wording for them: "clause de non-concurrence", "clause de mobilité", "congé sans
solde", "fiche de poste" (case law or contract, not the code); nor "changement de poste", which the code
says of a move for medical reasons (L. 4624-4).
"""

from __future__ import annotations

from analyzers.lay_wordings_contract import CONTRACTS, ENDING, HEALTH
from analyzers.lay_wordings_work import LEAVE, PAY, PEOPLE, RELIGION, TRAVEL, WORKING_TIME

TOPICS: tuple[dict[str, tuple[str, ...]], ...] = (
    CONTRACTS,
    ENDING,
    HEALTH,
    LEAVE,
    WORKING_TIME,
    PAY,
    TRAVEL,
    PEOPLE,
    RELIGION,
)


def assembled(topics: tuple[dict[str, tuple[str, ...]], ...]) -> dict[str, tuple[str, ...]]:
    """The topics in one table: a key in two topics is an error (one of them would be lost)."""
    merged: dict[str, tuple[str, ...]] = {}
    for topic in topics:
        twice = merged.keys() & topic.keys()
        if twice:
            raise ValueError(f"lay wordings keyed twice: {sorted(twice)}")
        merged.update(topic)
    return merged


LAY_WORDINGS: dict[str, tuple[str, ...]] = assembled(TOPICS)
