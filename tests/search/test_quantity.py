"""A question asking how much or how long: telling it, and telling the articles that state a figure."""

from __future__ import annotations

import numpy as np
import pytest

from search.candidates import Candidate, Pool
from search.quantity import asks_quantity, states_quantity, with_quantities
from search.ranking import RankingConfig


@pytest.mark.parametrize(
    ("query", "asked"),
    [
        ("combien de jours de repos", True),
        ("Quel est le montant de la prime ?", True),
        ("durée de la période probatoire", True),
        ("CALCUL de la prime", True),
        ("prime de panier", False),
        ("Sous quel délai l'inspecteur répond-il ?", True),  # a time limit, which a decree sets
        ("prime de délégation", False),
    ],
)
def test_a_question_for_a_quantity_is_told(query: str, asked: bool) -> None:
    assert asks_quantity(query) is asked


@pytest.mark.parametrize(
    ("positions", "stated"),
    [
        ({"trente": [4], "jour": [5]}, True),  # "trente jours"
        ({"quart": [2], "mois": [4]}, True),  # "un quart de (mois)": a word between
        ({"12": [7], "heure": [8]}, True),
        ({"jour": [3]}, False),  # a unit without a number
        ({"deux": [1], "mois": [9]}, False),  # too far apart
        ({"mois": [1], "deux": [2]}, False),  # the unit before the number
    ],
)
def test_a_figure_is_a_number_followed_by_a_unit(positions: dict[str, list[int]], stated: bool) -> None:
    assert states_quantity(positions) is stated


class _Engine:
    """Positions of the lemma stream of two documents: 0 states a figure, 1 does not."""

    def positions(self, lemmas, docnums):
        streams = {0: ["conge", "trente", "jour"], 1: ["conge", "employeur", "fixe"]}
        return {
            docnum: {
                lemma: [pos for pos, word in enumerate(streams[docnum]) if word == lemma]
                for lemma in lemmas
                if lemma in streams[docnum]
            }
            for docnum in docnums
        }


def test_only_a_question_for_a_quantity_raises_the_articles_stating_one() -> None:
    pool = Pool((Candidate("C:L1-2", 0, text=0.8), Candidate("C:L1-3", 1, text=1.0)), np.ones(2, dtype=bool))
    config = RankingConfig(quantities=True, quantity_factor=1.5)
    raised = {c.key: c.text for c in with_quantities(_Engine(), "combien de congés", pool, config).candidates}
    assert raised == {"C:L1-2": pytest.approx(1.2), "C:L1-3": 1.0}
    assert with_quantities(_Engine(), "congés payés", pool, config) is pool
    assert with_quantities(_Engine(), "combien de congés", pool, RankingConfig(quantities=False)) is pool
