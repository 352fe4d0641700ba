"""A question that asks how much or how long prefers the articles that state a figure.

"combien de congés payés", "montant de l'indemnité de licenciement", "durée du préavis": the question's
frame is set aside (search.question) and nothing said that a figure is wanted, so the articles that
merely name the subject outranked the one that states "deux jours et demi ouvrables par mois". When the
query asks for a quantity (`analyzers.quantities.QUANTITY_QUESTION_WORDS`), a candidate among the best
whose text has a number followed by a unit ("trente jours", "un quart de mois", "25 heures") has its
text score multiplied by `RankingConfig.quantity_factor`.
"""

from __future__ import annotations

import re

from analyzers.lexicon import fold
from analyzers.quantities import DIGITS, NUMBER_WORDS, QUANTITY_QUESTION_WORDS, UNITS
from search import ranking
from search.candidates import PROXIMITY_DEPTH, Pool, best_by_text
from search.engine import Engine

_WORD = re.compile(r"[\w'’-]+")


def asks_quantity(text: str) -> bool:
    """Whether the query asks for an amount, a duration, a rate or a count."""
    return any(fold(word) in QUANTITY_QUESTION_WORDS for word in _WORD.findall(text))


def states_quantity(positions: dict[str, list[int]]) -> bool:
    """Whether a number is followed by a unit, within two positions (`positions`: lemma → positions)."""
    units = {pos for lemma in UNITS for pos in positions.get(lemma, ())}
    if not units:
        return False
    return any(
        pos + 1 in units or pos + 2 in units
        for lemma, found in positions.items()
        if lemma not in UNITS
        for pos in found
    )


def with_quantities(engine: Engine, raw: str, pool: Pool, config: ranking.RankingConfig) -> Pool:
    """`pool` with the best candidates that state a figure raised, when the query asks for one."""
    if not (config.quantities and asks_quantity(raw)):
        return pool
    ordered = best_by_text(pool.candidates, PROXIMITY_DEPTH)
    docnums = {c.docnum for c in ordered}
    numbers = sorted(NUMBER_WORDS | UNITS | DIGITS)
    found = engine.positions(numbers, docnums)
    raised = {c.key for c in ordered if states_quantity(found[c.docnum])}
    if not raised:
        return pool
    return pool.scaled(lambda c: config.quantity_factor if c.key in raised else 1.0)
