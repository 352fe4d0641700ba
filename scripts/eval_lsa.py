"""A second semantic re-rank signal, measured before it is adopted: vectors trained on the corpus itself
(latent semantic analysis), where scripts/eval_semantic.py uses a general-purpose model's static vectors.

Each article in force is a row of log-tf × idf weights over the lemmas of its text and of its two
nearest section titles (the project's own analyzer, so "licenciements" and "licencié" meet), rows
normalised; a truncated SVD keeps `DIMENSIONS` latent dimensions, in which words that the code uses
together ("activité partielle", "allocation", "heures chômées") lie close. A query is folded into the
same space from its content words (question frame set aside) and compared to each hit by cosine; the
re-rank is the one of scripts/eval_semantic.py (reciprocal rank + weight × cosine over the first
`DEPTH` hits). Needs scipy (sparse SVD), which the project does not depend on: `pip install scipy` to
measure.
"""

from __future__ import annotations

import math
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable

import numpy as np
from eval_semantic import QueryCosines

DIMENSIONS = 200
WEIGHTS = (0.0, 0.005, 0.01, 0.02, 0.05)
_ARTICLE_NUMBER = re.compile(r"^[lrda]\d")  # "l1233-3": a citation, not a word of the topic


def _lemmas(text: str) -> list[str]:
    from analyzers.french import analyze_lemmas

    return [lemma for lemma in analyze_lemmas(text) if not _ARTICLE_NUMBER.match(lemma)]


class CorpusVectors(QueryCosines):
    """LSA vectors of the articles in force, trained on their own text; same interface as
    eval_semantic.Vectors (`cosines`)."""

    def __init__(self, articles: Iterable[tuple[str, str]], dimensions: int = DIMENSIONS) -> None:
        from scipy.sparse import csr_matrix, diags
        from scipy.sparse.linalg import svds

        started = time.perf_counter()
        self.vocabulary: dict[str, int] = {}
        rows, columns, values, self.numbers = [], [], [], []
        for row, (number, text) in enumerate(articles):
            self.numbers.append(number)
            for lemma, count in Counter(_lemmas(text)).items():
                rows.append(row)
                columns.append(self.vocabulary.setdefault(lemma, len(self.vocabulary)))
                values.append(1.0 + math.log(count))
        shape = (len(self.numbers), len(self.vocabulary))
        documents = np.bincount(columns, minlength=shape[1])
        self.idf = np.log(shape[0] / (1.0 + documents))
        weights = csr_matrix((values, (rows, columns)), shape=shape).multiply(self.idf).tocsr()
        norms = np.sqrt(np.asarray(weights.multiply(weights).sum(axis=1)).ravel()) + 1e-9
        left, strengths, self.terms = svds(diags(1.0 / norms) @ weights, k=dimensions)
        matrix = left * strengths
        self.matrix = matrix / (np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9)
        self.row = {number: index for index, number in enumerate(self.numbers)}
        print(
            f"LSA: {shape[0]} articles × {shape[1]} lemmas → {dimensions} dimensions in "
            f"{time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )

    def embed(self, lemmas: list[str]) -> np.ndarray:
        weights = np.zeros(len(self.vocabulary))
        for lemma, count in Counter(lemmas).items():
            column = self.vocabulary.get(lemma)
            if column is not None:
                weights[column] = (1.0 + math.log(count)) * self.idf[column]
        vector = self.terms @ weights
        norm = np.linalg.norm(vector)
        return vector / norm if norm else vector

    def words(self, text: str) -> list[str]:
        return _lemmas(text)
